//! The web crate's top-level modules form layers, not a tangle: no module
//! depends, through others, on itself; the helpers everything uses
//! (`util.rs`) and the error type (`errors.rs`) import nothing of the
//! crate; `state.rs` knows nothing of the pages.
//!
//! The graph is read from the sources, not the compiler: in every file of
//! `src/`, each `crate::x` path (in a `use`, grouped `use crate::{x, y}`
//! included, or written in place) and each `super::` path that climbs out
//! to the crate root is an edge from the file's top-level module to `x`.
//! Comments are left out; an edge from a module to itself is none.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

type Graph = BTreeMap<String, BTreeSet<String>>;

fn sources(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// The module path of a file under `src/` (`articles/editor.rs`:
/// `["articles", "editor"]`; `articles/mod.rs`: `["articles"]`; `lib.rs`:
/// `[]`).
fn module_path(relative: &Path) -> Vec<String> {
    let mut parts: Vec<String> = relative.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    let file = parts.pop().unwrap();
    let stem = file.trim_end_matches(".rs");
    if stem != "mod" && stem != "lib" {
        parts.push(stem.to_string());
    }
    parts
}

/// `text` without its `//` comments (a `//` inside a string is kept).
fn without_comments(text: &str) -> String {
    let mut kept = String::new();
    for line in text.lines() {
        let mut in_string = false;
        let mut cut = line.len();
        let bytes = line.as_bytes();
        for i in 0..bytes.len() {
            match bytes[i] {
                b'"' if i == 0 || bytes[i - 1] != b'\\' => in_string = !in_string,
                b'/' if !in_string && bytes.get(i + 1) == Some(&b'/') => {
                    cut = i;
                    break;
                }
                _ => {}
            }
        }
        kept.push_str(&line[..cut]);
        kept.push('\n');
    }
    kept
}

fn identifier(text: &str) -> &str {
    let end = text.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(text.len());
    &text[..end]
}

/// The first names of a path that starts at the crate root, at `rest`
/// (just after `crate::`): one name, or each name of a `{…}` group.
fn first_names(rest: &str) -> Vec<String> {
    let rest = rest.trim_start();
    let Some(group) = rest.strip_prefix('{') else {
        return vec![identifier(rest).to_string()];
    };
    let mut names = Vec::new();
    let mut depth = 0;
    let mut start = true;
    for (i, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => break,
            '}' => depth -= 1,
            ',' if depth == 0 => start = true,
            c if start && !c.is_whitespace() => {
                names.push(identifier(&group[i..]).to_string());
                start = false;
            }
            _ => {}
        }
    }
    names
}

/// The top-level modules the code of the module at `path` refers to.
fn references(path: &[String], code: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for (at, _) in code.match_indices("crate::") {
        // `vigie_crate::`, say, is not this crate
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_') {
            continue;
        }
        found.extend(first_names(&code[at + "crate::".len()..]));
    }
    for (at, _) in code.match_indices("super::") {
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == ':') {
            continue; // the second `super::` of `super::super::`, counted with the first
        }
        let mut rest = &code[at..];
        let mut module = path.to_vec();
        while let Some(after) = rest.strip_prefix("super::") {
            module.pop();
            rest = after;
        }
        match module.first() {
            Some(top) => {
                found.insert(top.clone());
            }
            None => found.extend(first_names(rest)),
        }
    }
    found
}

fn graph() -> Graph {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let paths: Vec<(Vec<String>, PathBuf)> =
        files.into_iter().map(|file| (module_path(file.strip_prefix(&src).unwrap()), file)).collect();
    let modules: BTreeSet<String> = paths.iter().filter_map(|(path, _)| path.first().cloned()).collect();
    let mut graph = Graph::new();
    for (path, file) in &paths {
        let Some(top) = path.first() else {
            continue; // lib.rs: the crate root, above every module
        };
        let code = without_comments(&std::fs::read_to_string(file).unwrap());
        let edges = graph.entry(top.clone()).or_default();
        for target in references(path, &code) {
            if &target != top && modules.contains(&target) {
                edges.insert(target);
            }
        }
    }
    graph
}

/// A cycle of `graph`, as the modules along it (the first again at the
/// end), if there is one.
fn cycle(graph: &Graph) -> Option<Vec<String>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Open,
        Done,
    }
    fn visit(
        node: &str,
        graph: &Graph,
        marks: &mut BTreeMap<String, Mark>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        match marks.get(node) {
            Some(Mark::Done) => return None,
            Some(Mark::Open) => {
                let start = stack.iter().position(|n| n == node).unwrap();
                let mut found = stack[start..].to_vec();
                found.push(node.to_string());
                return Some(found);
            }
            None => {}
        }
        marks.insert(node.to_string(), Mark::Open);
        stack.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(found) = visit(next, graph, marks, stack) {
                return Some(found);
            }
        }
        stack.pop();
        marks.insert(node.to_string(), Mark::Done);
        None
    }
    let mut marks = BTreeMap::new();
    graph.keys().find_map(|node| visit(node, graph, &mut marks, &mut Vec::new()))
}

#[test]
fn the_web_modules_have_no_cycle() {
    let graph = graph();
    assert!(graph.len() > 20, "the sources were read: {graph:?}");
    if let Some(found) = cycle(&graph) {
        panic!("module cycle in crates/web/src: {}", found.join(" → "));
    }
}

#[test]
fn the_bottom_layer_imports_nothing_of_the_crate() {
    let graph = graph();
    for leaf in ["util", "errors", "cookies"] {
        assert_eq!(graph.get(leaf), Some(&BTreeSet::new()), "{leaf} imports nothing of the crate");
    }
}

#[test]
fn the_state_knows_nothing_of_the_pages() {
    let graph = graph();
    let allowed: BTreeSet<&str> = ["api_rate", "cache", "pool", "rate_limit", "rejects", "util"].into();
    let state = &graph["state"];
    let extra: Vec<&String> = state.iter().filter(|m| !allowed.contains(m.as_str())).collect();
    assert!(extra.is_empty(), "state.rs imports {extra:?}");
}

#[test]
fn the_reader_sees_every_kind_of_path() {
    let code = without_comments(
        "use crate::{a, b::{c, d}, e::f};\nuse crate::g;\nfn x() { crate::h::y(); } // crate::comment\nuse super::i;",
    );
    let found = references(&["m".to_string()], &code);
    let expected: BTreeSet<String> = ["a", "b", "e", "g", "h", "i"].iter().map(|s| s.to_string()).collect();
    assert_eq!(found, expected, "super:: in a top-level file is the crate root");
    let nested = references(&["m".into(), "n".into()], "use super::other;\nuse super::super::top;");
    assert_eq!(nested, ["m".to_string(), "top".to_string()].into_iter().collect());
    let mut graph = Graph::new();
    graph.entry("a".into()).or_default().insert("b".into());
    graph.entry("b".into()).or_default().insert("c".into());
    assert_eq!(cycle(&graph), None);
    graph.entry("c".into()).or_default().insert("a".into());
    assert_eq!(cycle(&graph), Some(vec!["a".into(), "b".into(), "c".into(), "a".into()]));
}
