//! Replays the committed fuzz corpus (`fuzz/corpus/TARGET/`: the seeds, and
//! each crash found, kept as a regression) through the targets' bodies on
//! stable Rust: what `cargo fuzz run` checks, without nightly. A panic in a
//! target names the file that caused it.

// a test that reports what it ran on the test output
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::{Path, PathBuf};

use vigie_fuzz_targets::TARGETS;

fn corpus(target: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus").join(target)
}

#[test]
fn every_target_has_a_corpus_and_runs_it_without_panicking() {
    let mut total = 0;
    for (name, body) in TARGETS {
        let dir = corpus(name);
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|entry| entry.unwrap().path())
            .collect();
        files.sort();
        assert!(files.len() >= 2, "{name}: only {} seeds in {}", files.len(), dir.display());
        for file in &files {
            let data = std::fs::read(file).unwrap();
            let outcome = std::panic::catch_unwind(|| body(&data));
            assert!(outcome.is_ok(), "{name} panicked on {}", file.display());
        }
        total += files.len();
    }
    eprintln!("{total} corpus files replayed");
}

/// The invariants themselves can fail: a check that accepted anything
/// would prove nothing.
#[test]
fn the_html_check_catches_unbalanced_and_foreign_tags() {
    use vigie_fuzz_targets::check_balanced;
    check_balanced("<p><em>a</em><br></p>\n<hr>\n");
    for bad in ["<p><em>a</p></em>", "<p>a", "</p>", "<script>x</script>", "<p>a</p><br/></br>"] {
        assert!(std::panic::catch_unwind(|| check_balanced(bad)).is_err(), "{bad} passed");
    }
    vigie_fuzz_targets::markdown(b"# Title\n\n*a* **b** [c](https://x)\n\n> q\n\n- i\n");
}
