//! Article files: Markdown with a front matter block, TOML between `+++`
//! lines or YAML between `---` lines. The reader turns the block into the
//! domain's raw values and remembers the line of every key, so that a problem
//! found later (by the validator, by the importer) still points at the line
//! to fix. Types are checked here (text, list, true or false), and so are
//! unknown keys, which are typos more often than not; values are the
//! validator's concern.
//!
//! Both syntaxes are read into one small tree with a line on every node:
//! TOML through `toml`'s spanned document, YAML through `saphyr-parser`'s
//! events (serde's YAML crates do not tell where a key is). YAML anchors,
//! aliases and tags are refused: front matter has no use for them, and
//! aliases can make a small file expand without bound.

use vigie_domain::article::{ARTICLE_KEYS, IMAGE_KEYS, RawArticle, RawImage};

use crate::RowProblem;

/// How deep lists and tables may nest; the front matter needs two levels.
const MAX_DEPTH: usize = 16;

/// The front matter's language, told by its first line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    /// Between `+++` lines.
    Toml,
    /// Between `---` lines.
    Yaml,
}

impl Syntax {
    pub fn delimiter(self) -> &'static str {
        match self {
            Syntax::Toml => "+++",
            Syntax::Yaml => "---",
        }
    }

    fn name(self) -> &'static str {
        match self {
            Syntax::Toml => "TOML",
            Syntax::Yaml => "YAML",
        }
    }
}

/// Where each front matter key is: `id`, `domains`, `images[2]`,
/// `images[2].file` (images counted from 1).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeyLines {
    lines: Vec<(String, u64)>,
}

impl KeyLines {
    /// The line where the front matter starts (its opening delimiter).
    pub const START: u64 = 1;

    fn add(&mut self, key: impl Into<String>, line: u64) {
        self.lines.push((key.into(), line));
    }

    /// The line of `key`; for a key that is absent, the line of the entry
    /// holding it (`images[2].file` → `images[2]` → `images`), else where
    /// the front matter starts.
    pub fn line(&self, key: &str) -> u64 {
        let mut key = key;
        loop {
            if let Some((_, line)) = self.lines.iter().find(|(k, _)| k == key) {
                return *line;
            }
            match key.rfind(['.', '[']) {
                Some(at) => key = &key[..at],
                None => return Self::START,
            }
        }
    }
}

/// One article file, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleFile {
    pub syntax: Syntax,
    /// The values of the keys without problems.
    pub raw: RawArticle,
    pub lines: KeyLines,
    /// Keys that are unknown or whose value has the wrong type; the other
    /// keys are still read, so that every problem shows at once.
    pub problems: Vec<KeyProblem>,
}

/// A problem with one key of the front matter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyProblem {
    /// As the validator names keys: `title`, `images[2].file`.
    pub key: String,
    pub problem: RowProblem,
}

impl ArticleFile {
    /// Whether `key` (or the entry holding it) already has a problem, so
    /// that the validator's view of it (absent, say) adds nothing.
    pub fn has_problem(&self, key: &str) -> bool {
        self.problems.iter().any(|p| {
            key.strip_prefix(p.key.as_str()).is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
        })
    }
}

/// A problem located at `line`: `KEY: what is wrong`, the key in the message
/// (the column is left empty, so that it reads `FILE:LINE: KEY: …`).
fn problem(line: u64, key: &str, message: impl Into<String>, value: Option<&str>) -> RowProblem {
    let message = message.into();
    RowProblem {
        kind: None,
        line,
        column: String::new(),
        message: if key.is_empty() {
            message
        } else if key.chars().any(char::is_control) {
            // a quoted key may hold a line break: the message stays one line
            format!("{key:?}: {message}")
        } else {
            format!("{key}: {message}")
        },
        value: value.map(str::to_string),
    }
}

/// Reads an article file: its front matter and Markdown body.
pub fn read_article(bytes: &[u8]) -> Result<ArticleFile, Vec<RowProblem>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|error| {
        let line = 1 + bytes[..error.valid_up_to()].iter().filter(|&&b| b == b'\n').count() as u64;
        vec![problem(line, "", "not UTF-8 text: save the file as UTF-8", None)]
    })?;
    let (syntax, front, body) = split(text)?;
    let tree = match syntax {
        Syntax::Toml => toml_tree(front),
        Syntax::Yaml => yaml_tree(front),
    }
    .map_err(|(line, message)| vec![problem(line, "", format!("{} front matter: {message}", syntax.name()), None)])?;
    let entries = match tree {
        None => Vec::new(),
        Some(Item { value: Value::Table(entries), .. }) => entries,
        Some(Item { line, value }) => {
            return Err(vec![problem(
                line,
                "",
                format!("the front matter must be keys and values, not {}", value.describe()),
                None,
            )]);
        }
    };
    let (mut raw, mut lines, problems) = raw_article(entries);
    // the body is the text's end: its first line is counted from where it starts
    let body_start = text.len() - body.len();
    lines.add("body", 1 + text.as_bytes()[..body_start].iter().filter(|&&b| b == b'\n').count() as u64);
    raw.body = body.to_string();
    Ok(ArticleFile { syntax, raw, lines, problems })
}

/// The front matter's syntax, its text and the body (leading blank lines
/// left out).
fn split(text: &str) -> Result<(Syntax, &str, &str), Vec<RowProblem>> {
    let (first, rest) = text.split_once('\n').unwrap_or((text, ""));
    let syntax = match first.trim_end() {
        "+++" => Syntax::Toml,
        "---" => Syntax::Yaml,
        _ => {
            return Err(vec![problem(
                1,
                "",
                "no front matter: an article starts with a line +++ (TOML) or --- (YAML), then its keys",
                None,
            )]);
        }
    };
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == syntax.delimiter() {
            let body = &rest[offset + line.len()..];
            return Ok((syntax, &rest[..offset], skip_blank_lines(body)));
        }
        offset += line.len();
    }
    Err(vec![problem(
        1,
        "",
        format!("the front matter is not closed: add a line {} after its last key", syntax.delimiter()),
        None,
    )])
}

fn skip_blank_lines(mut body: &str) -> &str {
    while let Some((line, rest)) = body.split_once('\n') {
        if !line.trim().is_empty() {
            break;
        }
        body = rest;
    }
    if body.trim().is_empty() { "" } else { body }
}

/// A node of the front matter with the line it starts on (in the file).
#[derive(Debug)]
struct Item {
    line: u64,
    value: Value,
}

#[derive(Debug)]
enum Value {
    /// YAML's null (`~`, `null` or nothing): as if the key were absent.
    Null,
    Bool(bool),
    Text(String),
    /// A number or another value no key takes: its kind, for messages.
    Other(&'static str),
    List(Vec<Item>),
    Table(Vec<Entry>),
}

impl Value {
    fn describe(&self) -> &'static str {
        match self {
            Value::Null => "nothing",
            Value::Bool(_) => "true or false",
            Value::Text(_) => "text",
            Value::Other(kind) => kind,
            Value::List(_) => "a list",
            Value::Table(_) => "a table",
        }
    }
}

#[derive(Debug)]
struct Entry {
    key: String,
    /// The key's line.
    line: u64,
    item: Item,
}

/// A syntax error: its line in the file and what is wrong.
type SyntaxError = (u64, String);

/// The front matter (which starts on the file's line 2) as a tree.
fn toml_tree(front: &str) -> Result<Option<Item>, SyntaxError> {
    let line_of =
        |offset: usize| 2 + front.as_bytes()[..offset.min(front.len())].iter().filter(|&&b| b == b'\n').count() as u64;
    let document = toml::de::DeTable::parse(front)
        .map_err(|error| (error.span().map_or(2, |span| line_of(span.start)), error.message().trim().to_string()))?;
    let span = document.span();
    let table = toml_table(document.get_ref(), &line_of, 0)?;
    Ok(Some(Item { line: line_of(span.start), value: table }))
}

fn toml_table(
    table: &toml::de::DeTable<'_>,
    line_of: &dyn Fn(usize) -> u64,
    depth: usize,
) -> Result<Value, SyntaxError> {
    let mut entries = Vec::new();
    for (key, value) in table {
        let item = toml_item(value, line_of, depth + 1)?;
        entries
            .push((key.span().start, Entry { key: key.get_ref().to_string(), line: line_of(key.span().start), item }));
    }
    // the map is ordered by key; the file's order reads better in messages
    entries.sort_by_key(|(offset, _)| *offset);
    Ok(Value::Table(entries.into_iter().map(|(_, entry)| entry).collect()))
}

fn toml_item(
    value: &toml::Spanned<toml::de::DeValue<'_>>,
    line_of: &dyn Fn(usize) -> u64,
    depth: usize,
) -> Result<Item, SyntaxError> {
    use toml::de::DeValue;
    let line = line_of(value.span().start);
    if depth > MAX_DEPTH {
        return Err((line, "lists and tables nested too deeply".into()));
    }
    let value = match value.get_ref() {
        DeValue::String(text) => Value::Text(text.to_string()),
        DeValue::Boolean(b) => Value::Bool(*b),
        // a date written bare (`date = 2024-02-11`) is read as its text
        DeValue::Datetime(datetime) => Value::Text(datetime.to_string()),
        DeValue::Integer(_) | DeValue::Float(_) => Value::Other("a number"),
        DeValue::Array(items) => {
            Value::List(items.iter().map(|item| toml_item(item, line_of, depth + 1)).collect::<Result<_, _>>()?)
        }
        DeValue::Table(table) => toml_table(table, line_of, depth)?,
    };
    Ok(Item { line, value })
}

/// A collection being read from the YAML events.
enum Frame {
    List {
        line: u64,
        items: Vec<Item>,
    },
    /// `key` is the key read and waiting for its value.
    Table {
        line: u64,
        entries: Vec<Entry>,
        key: Option<(String, u64)>,
    },
}

/// The front matter (which starts on the file's line 2) as a tree.
fn yaml_tree(front: &str) -> Result<Option<Item>, SyntaxError> {
    use saphyr_parser::{Event, Parser, ScalarStyle};
    let mut stack: Vec<Frame> = Vec::new();
    let mut root: Option<Item> = None;
    for event in Parser::new_from_str(front) {
        let (event, span) = event.map_err(|error| (error.marker().line() as u64 + 1, error.info().to_string()))?;
        let line = span.start.line() as u64 + 1;
        let tagged = |tag: &Option<_>| -> Result<(), SyntaxError> {
            match tag {
                Some(_) => Err((line, "tags (!…) are not supported: write plain values".into())),
                None => Ok(()),
            }
        };
        let done = match event {
            Event::Alias(_) => return Err((line, "aliases (*…) are not supported: write the value again".into())),
            Event::Scalar(text, style, _, tag) => {
                tagged(&tag)?;
                if let Some(Frame::Table { key: key @ None, entries, .. }) = stack.last_mut() {
                    if let Some(first) = entries.iter().find(|e| e.key == text) {
                        return Err((line, format!("{text}: appears twice (first on line {})", first.line)));
                    }
                    *key = Some((text.into_owned(), line));
                    continue;
                }
                let value =
                    if style == ScalarStyle::Plain { plain_scalar(&text) } else { Value::Text(text.into_owned()) };
                Item { line, value }
            }
            Event::SequenceStart(_, ref tag) | Event::MappingStart(_, ref tag) => {
                tagged(tag)?;
                if stack.len() >= MAX_DEPTH {
                    return Err((line, "lists and tables nested too deeply".into()));
                }
                if matches!(stack.last(), Some(Frame::Table { key: None, .. })) {
                    return Err((line, "keys must be words, not lists or tables".into()));
                }
                stack.push(if matches!(event, Event::SequenceStart(..)) {
                    Frame::List { line, items: Vec::new() }
                } else {
                    Frame::Table { line, entries: Vec::new(), key: None }
                });
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => match stack.pop() {
                Some(Frame::List { line, items }) => Item { line, value: Value::List(items) },
                Some(Frame::Table { line, entries, .. }) => Item { line, value: Value::Table(entries) },
                None => return Err((line, "unbalanced list or table".into())),
            },
            Event::Nothing | Event::StreamStart | Event::StreamEnd | Event::DocumentStart(_) | Event::DocumentEnd => {
                continue;
            }
        };
        match stack.last_mut() {
            None if root.is_none() => root = Some(done),
            None => return Err((line, "one block of keys only".into())),
            Some(Frame::List { items, .. }) => items.push(done),
            Some(Frame::Table { entries, key, .. }) => match key.take() {
                Some((key, key_line)) => entries.push(Entry { key, line: key_line, item: done }),
                None => return Err((line, "keys must be words, not lists or tables".into())),
            },
        }
    }
    Ok(root)
}

/// YAML 1.2's core schema for the plain scalars front matter uses: null and
/// true or false; the rest is text (numbers too: a title may be `1984`).
fn plain_scalar(text: &str) -> Value {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => Value::Null,
        "true" | "True" | "TRUE" => Value::Bool(true),
        "false" | "False" | "FALSE" => Value::Bool(false),
        _ => Value::Text(text.to_string()),
    }
}

/// The closest known key, for a typo: one letter wrong, missing, added or
/// two swapped (two in keys of six letters or more).
fn suggestion(key: &str, known: &[&str]) -> String {
    let lower = key.to_lowercase();
    if lower.len() > 40 {
        return String::new();
    }
    known
        .iter()
        .map(|k| (edit_distance(&lower, k), *k))
        .filter(|(distance, k)| *distance <= (k.len() / 3).max(1))
        .min()
        .map(|(_, k)| format!("did you mean {k}? "))
        .unwrap_or_default()
}

/// The optimal string alignment distance (Levenshtein with transpositions).
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

fn unknown(key: &str, line: u64, name: &str, known: &[&str]) -> KeyProblem {
    let message = format!("unknown key: {}use {}", suggestion(key, known), known.join(", "));
    KeyProblem { key: name.to_string(), problem: problem(line, name, message, None) }
}

/// A problem with `key`'s value.
fn key_problem(line: u64, key: &str, message: impl Into<String>, value: Option<&str>) -> KeyProblem {
    KeyProblem { key: key.to_string(), problem: problem(line, key, message, value) }
}

/// Text, or nothing for a null.
fn text(name: &str, item: Item, problems: &mut Vec<KeyProblem>) -> Option<String> {
    match item.value {
        Value::Text(text) => Some(text),
        Value::Null => None,
        other => {
            let hint = if matches!(other, Value::Bool(_)) || matches!(other, Value::Other(_)) {
                ": put it in quotes"
            } else {
                ""
            };
            problems.push(key_problem(item.line, name, format!("must be text, not {}{hint}", other.describe()), None));
            None
        }
    }
}

/// The raw values of the front matter's keys, and where each is.
fn raw_article(entries: Vec<Entry>) -> (RawArticle, KeyLines, Vec<KeyProblem>) {
    let mut raw = RawArticle::default();
    let mut lines = KeyLines::default();
    let mut problems = Vec::new();
    for Entry { key, line, item } in entries {
        lines.add(key.as_str(), line);
        let slot = match key.as_str() {
            "id" => &mut raw.id,
            "lang" => &mut raw.lang,
            "date" => &mut raw.date,
            "title" => &mut raw.title,
            "subtitle" => &mut raw.subtitle,
            "kind" => &mut raw.kind,
            "author" => &mut raw.author,
            "author_title" => &mut raw.author_title,
            "status" => &mut raw.status,
            "featured" => {
                match item.value {
                    Value::Bool(b) => raw.featured = Some(b),
                    Value::Null => {}
                    Value::Text(text) => problems.push(key_problem(
                        item.line,
                        &key,
                        "must be true or false (without quotes)",
                        Some(&text),
                    )),
                    other => problems.push(key_problem(
                        item.line,
                        &key,
                        format!("must be true or false, not {}", other.describe()),
                        None,
                    )),
                }
                continue;
            }
            "domains" => {
                raw.domains = match item.value {
                    Value::Null => None,
                    // one domain may be written without the list
                    Value::Text(text) => Some(vec![text]),
                    Value::List(items) => Some(
                        items
                            .into_iter()
                            .enumerate()
                            .filter_map(|(i, item)| text(&format!("{key}[{}]", i + 1), item, &mut problems))
                            .collect(),
                    ),
                    other => {
                        problems.push(key_problem(
                            item.line,
                            &key,
                            format!("must be a list of domains, not {}", other.describe()),
                            None,
                        ));
                        None
                    }
                };
                continue;
            }
            "images" => {
                match item.value {
                    Value::Null => {}
                    Value::List(items) => {
                        for (index, item) in items.into_iter().enumerate() {
                            let name = format!("images[{}]", index + 1);
                            lines.add(name.as_str(), item.line);
                            raw.images.push(raw_image(&name, item, &mut lines, &mut problems));
                        }
                    }
                    other => problems.push(key_problem(
                        item.line,
                        &key,
                        format!("must be a list of {{ file = \"…\", caption = \"…\" }}, not {}", other.describe()),
                        None,
                    )),
                }
                continue;
            }
            _ => {
                problems.push(unknown(&key, line, &key, &ARTICLE_KEYS));
                continue;
            }
        };
        *slot = text(&key, item, &mut problems);
    }
    (raw, lines, problems)
}

fn raw_image(name: &str, item: Item, lines: &mut KeyLines, problems: &mut Vec<KeyProblem>) -> RawImage {
    let mut image = RawImage::default();
    let Value::Table(entries) = item.value else {
        problems.push(key_problem(
            item.line,
            name,
            format!("must be a table {{ file = \"…\", caption = \"…\" }}, not {}", item.value.describe()),
            None,
        ));
        return image;
    };
    for Entry { key, line, item } in entries {
        let full = format!("{name}.{key}");
        lines.add(full.as_str(), line);
        match key.as_str() {
            "file" => image.file = text(&full, item, problems),
            "caption" => image.caption = text(&full, item, problems),
            "credit" => image.credit = text(&full, item, problems),
            _ => problems.push(unknown(&key, line, &full, &IMAGE_KEYS)),
        }
    }
    image
}

/// Writes an article file that reads back to `raw`: the keys in their usual
/// order, absent ones left out, the body after the front matter.
pub fn write_article(raw: &RawArticle, syntax: Syntax) -> String {
    write_article_with_notes(raw, syntax, &[])
}

/// [`write_article`], with a comment after each image's keys (`notes[i]`
/// for the i-th image, when given): what the store knows of it.
pub fn write_article_with_notes(raw: &RawArticle, syntax: Syntax, notes: &[String]) -> String {
    let mut out = String::new();
    out.push_str(syntax.delimiter());
    out.push('\n');
    let quote = |text: &str| match syntax {
        Syntax::Toml => toml_string(text),
        Syntax::Yaml => yaml_string(text),
    };
    let separator = match syntax {
        Syntax::Toml => " = ",
        Syntax::Yaml => ": ",
    };
    let texts = [
        ("id", &raw.id),
        ("lang", &raw.lang),
        ("date", &raw.date),
        ("title", &raw.title),
        ("subtitle", &raw.subtitle),
        ("kind", &raw.kind),
    ];
    let mut line = |key: &str, value: &str| {
        out.push_str(key);
        out.push_str(separator);
        out.push_str(value);
        out.push('\n');
    };
    for (key, value) in texts {
        if let Some(value) = value {
            line(key, &quote(value));
        }
    }
    if let Some(domains) = &raw.domains {
        line("domains", &format!("[{}]", domains.iter().map(|d| quote(d)).collect::<Vec<_>>().join(", ")));
    }
    for (key, value) in [("author", &raw.author), ("author_title", &raw.author_title), ("status", &raw.status)] {
        if let Some(value) = value {
            line(key, &quote(value));
        }
    }
    if let Some(featured) = raw.featured {
        line("featured", if featured { "true" } else { "false" });
    }
    if !raw.images.is_empty() {
        match syntax {
            Syntax::Toml => {
                // tables of an array come after every plain key
                for (index, image) in raw.images.iter().enumerate() {
                    out.push_str("\n[[images]]\n");
                    for (key, value) in image_keys(image) {
                        if let Some(value) = value {
                            out.push_str(&format!("{key} = {}\n", toml_string(value)));
                        }
                    }
                    if let Some(note) = notes.get(index) {
                        out.push_str(&format!("# {}\n", note.replace(['\n', '\r'], " ")));
                    }
                }
            }
            Syntax::Yaml => {
                out.push_str("images:\n");
                for (index, image) in raw.images.iter().enumerate() {
                    let keys: Vec<String> = image_keys(image)
                        .into_iter()
                        .filter_map(|(key, value)| value.as_ref().map(|v| format!("{key}: {}", yaml_string(v))))
                        .collect();
                    if keys.is_empty() {
                        out.push_str("  - {}\n");
                    } else {
                        out.push_str(&format!("  - {}\n", keys.join("\n    ")));
                    }
                    if let Some(note) = notes.get(index) {
                        out.push_str(&format!("    # {}\n", note.replace(['\n', '\r'], " ")));
                    }
                }
            }
        }
    }
    out.push_str(syntax.delimiter());
    out.push('\n');
    out.push_str(&raw.body);
    out
}

/// An image's keys in their written order.
fn image_keys(image: &RawImage) -> [(&'static str, &Option<String>); 3] {
    [("file", &image.file), ("caption", &image.caption), ("credit", &image.credit)]
}

/// A TOML basic string on one line: a multi-line string could hold a line
/// `+++` and end the front matter early.
fn toml_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A YAML double-quoted scalar: every character outside YAML's printable
/// set, and line breaks, escaped.
fn yaml_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 || (0x7f..=0x9f).contains(&(c as u32)) => {
                out.push_str(&format!("\\x{:02X}", c as u32));
            }
            '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}' => {
                out.push_str(&format!("\\u{:04X}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<ArticleFile, Vec<String>> {
        match read_article(text.as_bytes()) {
            Ok(file) if file.problems.is_empty() => Ok(file),
            Ok(file) => Err(file.problems.iter().map(|p| p.problem.describe()).collect()),
            Err(problems) => Err(problems.iter().map(RowProblem::describe).collect()),
        }
    }

    const TOML: &str = "+++\n\
        id = \"chiefs-of-staff-second-meeting\"\n\
        lang = \"fr\"\n\
        date = 2024-02-11\n\
        title = \"Deuxième réunion\"\n\
        domains = [\"military\", \"ideological\"]\n\
        featured = true\n\
        \n\
        [[images]]\n\
        file = \"salle.jpg\"\n\
        caption = \"La salle\"\n\
        +++\n\
        \n\
        \n\
        Le **texte**.\n\
        +++\n";

    const YAML: &str = "---\n\
        id: chiefs-of-staff-second-meeting\n\
        lang: fr\n\
        date: 2024-02-11\n\
        title: \"Deuxième réunion\"\n\
        subtitle:\n\
        domains:\n\
        \x20 - military\n\
        \x20 - ideological\n\
        featured: true\n\
        images:\n\
        \x20 - file: salle.jpg\n\
        \x20   caption: La salle\n\
        ---\n\
        \n\
        Le **texte**.\n\
        +++\n";

    #[test]
    fn toml_and_yaml_read_alike() {
        let toml = read(TOML).unwrap();
        let yaml = read(YAML).unwrap();
        assert_eq!(toml.syntax, Syntax::Toml);
        assert_eq!(yaml.syntax, Syntax::Yaml);
        assert_eq!(toml.raw, yaml.raw);
        let raw = toml.raw;
        assert_eq!(raw.date.as_deref(), Some("2024-02-11"));
        assert_eq!(raw.domains, Some(vec!["military".to_string(), "ideological".to_string()]));
        assert_eq!(raw.featured, Some(true));
        assert_eq!(raw.subtitle, None);
        assert_eq!(
            raw.images,
            [RawImage { file: Some("salle.jpg".into()), caption: Some("La salle".into()), credit: None }]
        );
        assert_eq!(raw.body, "Le **texte**.\n+++\n", "leading blank lines out, later delimiters kept");
        assert_eq!(toml.lines.line("lang"), 3);
        assert_eq!(toml.lines.line("images[1].caption"), 11);
        assert_eq!(toml.lines.line("images[1]"), yaml.lines.line("images[1]") - 3);
        assert_eq!(yaml.lines.line("images[1].caption"), 13);
        assert_eq!(yaml.lines.line("status"), 1, "absent: the front matter's start");
        assert_eq!(yaml.lines.line("images[2].file"), yaml.lines.line("images"));
    }

    #[test]
    fn a_key_with_a_line_break_is_reported_on_one_line() {
        let file = read_article(b"+++\n\"ti\\ntle\" = \"x\"\n+++\n").unwrap();
        let text = file.problems[0].problem.describe();
        assert!(text.starts_with("2: \"ti\\ntle\": "), "{text}");
        assert_eq!(text.lines().count(), 1, "{text}");
    }

    #[test]
    fn crlf_bom_and_empty_bodies() {
        let file = read("\u{feff}+++\r\nid = \"a\"\r\n+++\r\n\r\nBody\r\n").unwrap();
        assert_eq!(file.raw.id.as_deref(), Some("a"));
        assert_eq!(file.raw.body, "Body\r\n");
        assert_eq!(read("---\n---\n").unwrap().raw, RawArticle::default());
        assert_eq!(read("+++\n+++").unwrap().raw.body, "");
    }

    #[test]
    fn structural_problems_are_located() {
        assert_eq!(
            read("# Title\n").unwrap_err(),
            ["1: no front matter: an article starts with a line +++ (TOML) or --- (YAML), then its keys"]
        );
        assert_eq!(
            read("+++\nid = \"a\"\n").unwrap_err(),
            ["1: the front matter is not closed: add a line +++ after its last key"]
        );
        assert_eq!(
            read("+++\nid = \"a\"\ntitel = \"x\"\nfeatured = \"yes\"\ntitle = 3\n[[images]]\nfile = \"a.png\"\nsize = 3\n+++\n")
                .unwrap_err(),
            [
                "3: titel: unknown key: did you mean title? use id, lang, date, title, subtitle, kind, domains, author, author_title, status, featured, images",
                "4: featured: must be true or false (without quotes) (got \"yes\")",
                "5: title: must be text, not a number: put it in quotes",
                "8: images[1].size: unknown key: use file, caption, credit",
            ]
        );
        let file = read_article(b"+++\ntitle = 3\nid = \"kept\"\n[[images]]\nfile = 1\n+++\n").unwrap();
        assert_eq!(file.raw.id.as_deref(), Some("kept"), "the other keys are read");
        assert!(file.has_problem("title") && file.has_problem("images[1].file"));
        assert!(!file.has_problem("id") && !file.has_problem("images[1].caption") && !file.has_problem("images"));
        assert_eq!(
            read("---\nid: a\nid: b\n---\n").unwrap_err(),
            ["3: YAML front matter: id: appears twice (first on line 2)"]
        );
        assert_eq!(read("+++\nid = \"a\"\nid = \"b\"\n+++\n").unwrap_err().len(), 1);
        assert_eq!(
            read("---\nid: &x a\nlang: *x\n---\n").unwrap_err(),
            ["3: YAML front matter: aliases (*…) are not supported: write the value again"]
        );
        assert!(read("---\n- a\n---\n").unwrap_err()[0].starts_with("2: the front matter must be keys and values"));
        assert!(read("---\ntitle: [unclosed\n---\n").unwrap_err()[0].contains("YAML front matter: "));
        assert!(read("+++\ntitle = \n+++\n").unwrap_err()[0].starts_with("2: TOML front matter: "));
        let bad = read_article(b"+++\nid = \"a\"\n+++\n\xff\n").unwrap_err();
        assert_eq!(bad[0].describe(), "4: not UTF-8 text: save the file as UTF-8");
        let deep = format!("---\ntitle: {}\n---\n", "[".repeat(100_000));
        assert!(read(&deep).is_err());
        let deep = format!("+++\ntitle = {}\n+++\n", "[".repeat(100_000));
        assert!(read(&deep).is_err());
    }

    #[test]
    fn written_files_read_back() {
        let raw = read(TOML).unwrap().raw;
        for syntax in [Syntax::Toml, Syntax::Yaml] {
            let text = write_article(&raw, syntax);
            assert_eq!(read(&text).unwrap().raw, raw, "{text}");
        }
        assert_eq!(
            write_article(&raw, Syntax::Yaml),
            "---\nid: \"chiefs-of-staff-second-meeting\"\nlang: \"fr\"\ndate: \"2024-02-11\"\ntitle: \"Deuxième réunion\"\n\
             domains: [\"military\", \"ideological\"]\nfeatured: true\nimages:\n  - file: \"salle.jpg\"\n    caption: \"La salle\"\n\
             ---\nLe **texte**.\n+++\n"
        );
    }
}
