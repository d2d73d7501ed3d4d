//! `vigie bulletin` writes its six files (fr, en, ar × PDF, HTML) or none:
//! each to a temporary file of its own, renamed into place only when all
//! are written. Two failures, without root: a directory where one file
//! goes (its rename fails, after the others were renamed: they are put
//! back), and a file size limit (`ulimit -f`: the write fails with EFBIG).
//! After either, the earlier files are as they were, no new file and no
//! temporary is left, and the error names the file.

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use common::Sandbox;

const STEM: &str = "bulletin-58-2023-12";
const ARGS: [&str; 7] = ["bulletin", "--month", "2023-12", "--number", "58", "-o", "out"];

fn names() -> Vec<String> {
    ["fr", "en", "ar"].iter().flat_map(|lang| ["pdf", "html"].map(|ext| format!("{STEM}.{lang}.{ext}"))).collect()
}

/// Every entry of a directory: a file's bytes, or `<dir>`.
fn listing(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| {
            let entry = entry.unwrap();
            let name = entry.file_name().to_string_lossy().into_owned();
            let bytes = if entry.path().is_dir() { b"<dir>".to_vec() } else { std::fs::read(entry.path()).unwrap() };
            (name, bytes)
        })
        .collect()
}

fn demo() -> Sandbox {
    let sb = Sandbox::new();
    sb.ok(&["demo", "--no-bulletin"]);
    std::fs::create_dir(sb.path("out")).unwrap();
    sb
}

#[test]
fn a_rename_failing_half_way_puts_every_earlier_file_back() {
    let sb = demo();
    let out = sb.path("out");
    // an earlier French edition; no English or Arabic one yet; a directory
    // where the last file, the Arabic HTML, goes
    std::fs::write(out.join(format!("{STEM}.fr.pdf")), "earlier fr pdf").unwrap();
    std::fs::write(out.join(format!("{STEM}.fr.html")), "earlier fr html").unwrap();
    std::fs::create_dir(out.join(format!("{STEM}.ar.html"))).unwrap();
    let before = listing(&out);

    let run = sb.run(&ARGS);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains(&format!("{STEM}.ar.html")), "{}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert_eq!(listing(&out), before, "the directory changed: {:?}", listing(&out).keys().collect::<Vec<_>>());

    // the same command into a free directory writes all six
    std::fs::remove_dir(out.join(format!("{STEM}.ar.html"))).unwrap();
    sb.ok(&ARGS);
    let after = listing(&out);
    assert_eq!(after.keys().cloned().collect::<Vec<_>>(), {
        let mut n = names();
        n.sort();
        n
    });
    assert!(after[&format!("{STEM}.fr.pdf")].starts_with(b"%PDF-"));
}

#[test]
fn a_write_failing_for_size_leaves_the_earlier_files_and_no_temporary() {
    let sb = demo();
    let out = sb.path("out");
    // the sizes of a complete edition, to set a limit some files fit under
    let free = sb.path("free");
    let mut args = ARGS.to_vec();
    args[6] = "free";
    sb.ok(&args);
    let sizes: Vec<u64> = names().iter().map(|n| std::fs::metadata(free.join(n)).unwrap().len()).collect();
    let (small, large) = (*sizes.iter().min().unwrap(), *sizes.iter().max().unwrap());
    assert!(large > small + 2048, "{sizes:?}");
    // ulimit -f counts 1,024-byte blocks: the smallest file fits, the largest not
    let blocks = small / 1024 + 1;
    assert!(blocks * 1024 < large, "{sizes:?}");

    for name in names() {
        std::fs::write(out.join(&name), format!("earlier {name}")).unwrap();
    }
    let before = listing(&out);
    let binary = assert_cmd::cargo::cargo_bin("vigie");
    // SIGXFSZ ignored (inherited through exec): the write fails with EFBIG
    let script = format!("trap '' XFSZ; ulimit -f {blocks}; exec \"$0\" \"$@\"");
    let output = Command::new("bash")
        .current_dir(sb.path(""))
        .env("NO_COLOR", "1")
        .env_remove("VIGIE_DB")
        .env_remove("VIGIE_REGIONS")
        .env_remove("VIGIE_LANG")
        .args(["-c", &script])
        .arg(binary)
        .arg("--db")
        .arg(sb.db())
        .args(ARGS)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("cannot write ") && stderr.contains(STEM), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(listing(&out), before, "the directory changed: {:?}", listing(&out).keys().collect::<Vec<_>>());
}
