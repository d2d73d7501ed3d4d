//! Inputs nobody planned for (issue 12): names without a letter, values
//! that would flood or drive a terminal, a database from a newer Vigie, an
//! interrupted demo. The real binary, end to end.

mod common;

use common::{HEADER, Sandbox};

/// `vigie groups` (one group a line) and the incident ids.
fn state(sb: &Sandbox) -> (String, Vec<String>) {
    (sb.ok(&["groups"]), sb.ids(&[]))
}

#[test]
fn names_without_letters_reimport_unchanged_in_native_csv() {
    let sb = Sandbox::new();
    let file = sb.write(
        "symbols.csv",
        format!(
            "{HEADER}\n\
             ,2023-12-01,,,ML,,Gao,,,,???,,,1,,,,first,,\n\
             ,2023-12-02,,,ML,,Gao,,,,-,,,2,,,,second,,\n\
             ,2023-12-03,,,ML,,Gao,,,,…,,,3,,,,third,,\n\
             ,2023-12-04,,,ML,,Gao,,,, ?? ,,,4,,,,fourth,,\n"
        ),
    );
    let run = sb.run(&["import", "--new-groups", &file]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.starts_with("4 new, 0 updated, 0 unchanged, 0 rejected\n"), "{run:?}");
    let first = state(&sb);
    assert!(!first.0.contains("-new"), "{}", first.0);
    for _ in 0..3 {
        let run = sb.run(&["import", "--new-groups", &file]);
        assert_eq!(run.code, 0, "{run:?}");
        assert!(run.stdout.starts_with("0 new, 0 updated, 4 unchanged, 0 rejected\n"), "{run:?}");
        assert_eq!(state(&sb), first);
    }
}

#[test]
fn names_without_letters_reimport_unchanged_from_ucdp() {
    let sb = Sandbox::new();
    let original = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../formats/tests/fixtures/ucdp/web-tool-export.csv"),
    )
    .unwrap();
    // one-sided violence by a side UCDP could not name, as in real files
    let changed = original.replace(",6716,6716,JNIM,", ",6716,6716,???,");
    assert_ne!(changed, original);
    let file = sb.write("ucdp.csv", changed);
    sb.ok(&["import", &file]);
    let first = state(&sb);
    assert!(!first.0.contains("-new"), "{}", first.0);
    for _ in 0..3 {
        let run = sb.run(&["import", &file]);
        assert_eq!(run.code, 0, "{run:?}");
        assert!(run.stdout.starts_with("0 new, 0 updated, 11 unchanged, 0 rejected\n"), "{run:?}");
        assert_eq!(state(&sb), first);
    }
}
