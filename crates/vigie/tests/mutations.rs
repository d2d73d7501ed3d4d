//! Thousands of damaged files through the real binary: the demo's files,
//! the test fixtures and real UCDP GED extracts, each mutated in
//! deterministic ways (byte flips, truncations, duplicated, dropped and
//! swapped lines, shuffled columns, huge fields, invalid UTF-8, byte order
//! marks, CRLF and lone CR, stray quotes, NUL bytes, and several at once),
//! imported with `vigie import` or the register's import. For every file:
//! no panic, exit 0 or 1 (the documented codes), every problem printed as
//! `FILE:LINE: …`, and after a failed import the database is exactly as it
//! was (every table, every column).
//!
//! Four threads, each with its own database, share the files; seeds ×
//! `PER_SEED` files in all (the count is printed and asserted). After an
//! import that succeeds the database is put back as it was, so that every
//! file meets the same database (and its state is hashed once).

// a test that reports what it ran on the test output
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod common;

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use common::Sandbox;
use common::db::exact_state;

/// Mutated files per seed file.
const PER_SEED: usize = 215;

/// splitmix64: the same files on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next() % n as u64) as usize }
    }
}

/// One seed: the command that imports it, its extension, its bytes.
struct Seed {
    command: &'static [&'static str],
    extension: &'static str,
    bytes: Vec<u8>,
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The first `lines` lines of a file of the repository.
fn head(path: &str, lines: usize) -> Vec<u8> {
    let bytes = std::fs::read(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut out = Vec::new();
    for line in bytes.split_inclusive(|&b| b == b'\n').take(lines) {
        out.extend_from_slice(line);
    }
    out
}

fn seeds() -> Vec<Seed> {
    const IMPORT: &[&str] = &["import"];
    let seed = |command, extension, bytes| Seed { command, extension, bytes };
    vec![
        seed(IMPORT, "csv", head("crates/vigie/demo/incidents.csv", 60)),
        seed(IMPORT, "csv", head("crates/vigie/tests/fixtures/good.csv", 60)),
        seed(IMPORT, "jsonl", head("fuzz/corpus/native_jsonl/demo-head.jsonl", 60)),
        seed(IMPORT, "csv", head("crates/formats/tests/fixtures/acled/current-export.csv", 60)),
        seed(IMPORT, "csv", head("crates/formats/tests/fixtures/gtd/gtd.csv", 60)),
        // real UCDP GED files (CC BY 4.0), cut
        seed(IMPORT, "csv", head("crates/formats/tests/fixtures/ucdp/real/ucdpged_sample_v23_1_1000rows.csv", 60)),
        seed(IMPORT, "csv", head("crates/formats/tests/fixtures/ucdp/real/gedevents-2025-01-17_burkina-faso.csv", 60)),
        seed(IMPORT, "csv", head("crates/formats/tests/fixtures/ucdp/real/conflict_data_BGD_hdx.csv", 60)),
        seed(&["members", "import"], "csv", head("crates/vigie/demo/members.csv", 60)),
        seed(&["partners", "import"], "csv", head("crates/vigie/demo/partners.csv", 60)),
        seed(&["partners", "import"], "csv", head("crates/vigie/demo/agreements.csv", 60)),
        seed(&["activities", "import"], "csv", head("crates/vigie/demo/activities.csv", 40)),
        seed(&["notes", "import"], "csv", head("crates/vigie/demo/notes.csv", 60)),
        seed(&["members", "import"], "jsonl", head("fuzz/corpus/members/demo-head.jsonl", 60)),
    ]
}

fn lines(bytes: &[u8]) -> Vec<Vec<u8>> {
    bytes.split_inclusive(|&b| b == b'\n').map(<[u8]>::to_vec).collect()
}

/// One mutation of `bytes`, chosen by `kind`.
fn mutate(bytes: &[u8], kind: usize, rng: &mut Rng) -> Vec<u8> {
    let mut out = bytes.to_vec();
    let at = rng.below(out.len() + 1);
    match kind {
        // flip bits of a few bytes
        0 => {
            for _ in 0..1 + rng.below(4) {
                if !out.is_empty() {
                    let i = rng.below(out.len());
                    out[i] ^= 1 << rng.below(8);
                }
            }
        }
        // cut anywhere
        1 => out.truncate(at),
        // a line twice
        2 | 3 => {
            let mut lines = lines(&out);
            if !lines.is_empty() {
                let i = rng.below(lines.len());
                let line = lines[i].clone();
                lines.insert(i, line);
            }
            out = lines.concat();
        }
        // a line dropped (the header too, sometimes)
        4 => {
            let mut lines = lines(&out);
            if !lines.is_empty() {
                lines.remove(rng.below(lines.len()));
            }
            out = lines.concat();
        }
        // two lines swapped
        5 => {
            let mut lines = lines(&out);
            if lines.len() > 1 {
                let (a, b) = (rng.below(lines.len()), rng.below(lines.len()));
                lines.swap(a, b);
            }
            out = lines.concat();
        }
        // two columns swapped in one line (the header or a row)
        6 | 7 => {
            let mut lines = lines(&out);
            if !lines.is_empty() {
                let i = if kind == 6 { 0 } else { rng.below(lines.len()) };
                let mut fields: Vec<Vec<u8>> = lines[i].split(|&b| b == b',').map(<[u8]>::to_vec).collect();
                if fields.len() > 1 {
                    let (a, b) = (rng.below(fields.len()), rng.below(fields.len()));
                    fields.swap(a, b);
                }
                lines[i] = fields.join(&b","[..]);
            }
            out = lines.concat();
        }
        // a huge field
        8 => {
            let size = [65_536, 1_100_000][rng.below(2)];
            let filler = [b'A', b'9', b'\xE9', b' '][rng.below(4)];
            out.splice(at..at, std::iter::repeat_n(filler, size));
        }
        // invalid UTF-8
        9 => {
            let bad: &[u8] =
                [&b"\xFF"[..], b"\xC3", b"\xE2\x82", b"\xED\xA0\x80", b"\xF8\x88\x80\x80\x80"][rng.below(5)];
            out.splice(at..at, bad.iter().copied());
        }
        // byte order marks: UTF-8 at the start, twice, in the middle; UTF-16
        10 => match rng.below(4) {
            0 => out.splice(0..0, *b"\xEF\xBB\xBF").for_each(drop),
            1 => out.splice(0..0, *b"\xEF\xBB\xBF\xEF\xBB\xBF").for_each(drop),
            2 => out.splice(at..at, *b"\xEF\xBB\xBF").for_each(drop),
            _ => out.splice(0..0, *b"\xFF\xFE").for_each(drop),
        },
        // line ends: CRLF, lone CR, mixed
        11 => {
            let mode = rng.below(3);
            let mut ended = Vec::with_capacity(out.len() + out.len() / 20);
            for (i, &b) in out.iter().enumerate() {
                if b == b'\n' && (mode == 0 || (mode == 2 && i % 2 == 0)) {
                    ended.extend_from_slice(b"\r\n");
                } else if b == b'\n' && mode == 1 {
                    ended.push(b'\r');
                } else {
                    ended.push(b);
                }
            }
            out = ended;
        }
        // quotes: a stray one, an unclosed field, doubled ones
        12 => {
            let quote: &[u8] = [&b"\""[..], b"\"\"", b",\"open", b"\"\"\"", b"'"][rng.below(5)];
            out.splice(at..at, quote.iter().copied());
        }
        // a NUL, a tab, a form feed
        13 => {
            let byte = [0u8, b'\t', 0x0C, 0x1B][rng.below(4)];
            out.insert(at, byte);
        }
        // an empty file, a header alone, blank lines
        14 => match rng.below(3) {
            0 => out.clear(),
            1 => out = lines(&out).into_iter().next().unwrap_or_default(),
            _ => out.splice(at..at, *b"\n\n\n").for_each(drop),
        },
        // a field emptied or given another row's value
        _ => {
            let mut lines = lines(&out);
            if lines.len() > 1 {
                let i = 1 + rng.below(lines.len() - 1);
                let mut fields: Vec<Vec<u8>> = lines[i].split(|&b| b == b',').map(<[u8]>::to_vec).collect();
                let f = rng.below(fields.len());
                fields[f] =
                    [&b""[..], b"-1", b"9999999999999999999999", b"2099-13-45", b"NaN", b"xx"][rng.below(6)].to_vec();
                lines[i] = fields.join(&b","[..]);
            }
            out = lines.concat();
        }
    }
    out
}

const KINDS: usize = 16;

/// The `n`-th mutant of a seed: one mutation, or two or three at once.
fn mutant(seed: &[u8], seed_index: usize, n: usize) -> Vec<u8> {
    let mut rng = Rng(((seed_index as u64) << 32) ^ n as u64 ^ 0x5EED);
    let mut out = mutate(seed, n % KINDS, &mut rng);
    let extra = if n >= KINDS * 8 { 1 + rng.below(2) } else { 0 };
    for _ in 0..extra {
        let kind = rng.below(KINDS);
        out = mutate(&out, kind, &mut rng);
    }
    out
}

/// Whether a line of standard error is located (`NAME:LINE: …`) or the
/// closing sentence of a refused import.
fn located(line: &str, name: &str) -> bool {
    // the count of problems beyond those listed
    if line.starts_with("import failed: ") || (line.starts_with("… and ") && line.ends_with(" more errors")) {
        return true;
    }
    let Some(rest) = line.strip_prefix(name).and_then(|r| r.strip_prefix(':')) else { return false };
    // which dataset layout was recognised: information, not a problem
    if ["ACLED ", "UCDP GED ", "GTD "]
        .iter()
        .any(|layout| rest.strip_prefix(' ').is_some_and(|r| r.starts_with(layout)))
    {
        return true;
    }
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && rest[digits..].starts_with(": ")
}

#[derive(Default)]
struct Tally {
    files: usize,
    accepted: usize,
    refused: usize,
    problems: Vec<String>,
}

#[test]
fn mutated_files_never_panic_are_located_and_leave_the_database_alone() {
    let seeds = seeds();
    let jobs: Vec<(usize, usize)> = (0..seeds.len()).flat_map(|s| (0..PER_SEED).map(move |n| (s, n))).collect();
    let next = AtomicUsize::new(0);
    let tally = Mutex::new(Tally::default());
    // more threads than cores: each waits on its vigie process
    let workers = 4;
    std::thread::scope(|scope| {
        for worker in 0..workers {
            let (seeds, jobs, next, tally) = (&seeds, &jobs, &next, &tally);
            scope.spawn(move || {
                // in memory where there is a tmpfs: thousands of small
                // databases opened and copied, no disk flushes to wait for
                let shm = Path::new("/dev/shm");
                let sb = if shm.is_dir() && tempfile::tempdir_in(shm).is_ok() {
                    Sandbox::new_in(shm)
                } else {
                    Sandbox::new()
                };
                // a database that holds something: the demo's incidents
                sb.write("base.csv", head("crates/vigie/demo/incidents.csv", 1000));
                sb.ok(&["import", "base.csv"]);
                let base = sb.path("base.db");
                std::fs::copy(sb.db(), &base).unwrap();
                let state = exact_state(&base);
                loop {
                    let job = next.fetch_add(1, Ordering::Relaxed);
                    let Some(&(s, n)) = jobs.get(job) else { break };
                    let seed = &seeds[s];
                    let name = format!("w{worker}-s{s}-m{n}.{}", seed.extension);
                    sb.write(&name, mutant(&seed.bytes, s, n));
                    let mut args = seed.command.to_vec();
                    args.push(&name);
                    let run = sb.run(&args);
                    let mut problems = Vec::new();
                    if run.stderr.contains("panicked") || run.stderr.contains("RUST_BACKTRACE") {
                        problems.push(format!("{name}: panic: {}", run.stderr));
                    }
                    if run.code != 0 && run.code != 1 {
                        problems.push(format!("{name}: exit {}: {}", run.code, run.stderr));
                    }
                    for line in run.stderr.lines().filter(|l| !located(l, &name)) {
                        problems.push(format!("{name} ({:?}): not located: {line}", seed.command));
                    }
                    if run.code == 0 {
                        // back to the base database for the next file
                        for suffix in ["-wal", "-shm"] {
                            let _ = std::fs::remove_file(format!("{}{suffix}", sb.db().display()));
                        }
                        std::fs::copy(&base, sb.db()).unwrap();
                    } else if exact_state(sb.db()) != state {
                        problems.push(format!("{name}: refused (exit {}), yet the database changed", run.code));
                    }
                    if !problems.is_empty() {
                        // keep the file that broke a rule, for a look
                        let keep = std::env::temp_dir().join(format!("vigie-mutant-{name}"));
                        let _ = std::fs::copy(sb.path(&name), &keep);
                    }
                    std::fs::remove_file(sb.path(&name)).unwrap();
                    let mut tally = tally.lock().unwrap();
                    tally.files += 1;
                    if run.code == 0 {
                        tally.accepted += 1;
                    } else {
                        tally.refused += 1;
                    }
                    tally.problems.extend(problems);
                }
            });
        }
    });
    let tally = tally.into_inner().unwrap();
    eprintln!("{} mutated files: {} imported, {} refused", tally.files, tally.accepted, tally.refused);
    assert_eq!(tally.files, seeds.len() * PER_SEED);
    assert!(tally.files >= 3_000);
    // the mutations both pass and fail imports: they test both paths
    assert!(tally.accepted > 100 && tally.refused > 1_000, "{} / {}", tally.accepted, tally.refused);
    let report = std::env::temp_dir().join("vigie-mutations-problems.txt");
    std::fs::write(&report, tally.problems.join("\n")).unwrap();
    let shown: Vec<&String> = tally.problems.iter().take(30).collect();
    assert!(
        tally.problems.is_empty(),
        "{} problems (all in {}), first ones:\n{shown:#?}",
        tally.problems.len(),
        report.display()
    );
}

/// Found by the mutations: a dataset whose header is unusable printed its
/// name with an empty layout (`FILE: `), a line locating nothing.
#[test]
fn an_unusable_dataset_header_prints_located_problems_only() {
    let sb = Sandbox::new();
    sb.write("ucdp.csv", "id,type_of_violence,best\n1,1,1\n");
    let run = sb.run(&["import", "ucdp.csv"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.lines().any(|l| l.starts_with("ucdp.csv:1: ")), "{}", run.stderr);
    for line in run.stderr.lines() {
        assert!(located(line, "ucdp.csv"), "not located: {line:?}");
    }
}
