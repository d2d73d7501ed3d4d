//! A register import's memory does not grow with its rows: records are
//! written as they are read, in the import's transaction. Measured as the
//! peak resident memory of the `vigie` processes (`getrusage`), so this file
//! holds one test and runs nothing else.

mod common;

use common::Sandbox;

/// The largest peak resident set of the children waited for so far, KiB.
fn children_peak_kib() -> i64 {
    // SAFETY: getrusage only writes the struct it is given
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    assert_eq!(unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) }, 0);
    usage.ru_maxrss
}

fn activities(rows: usize) -> String {
    let mut csv = String::from("id,kind,date,title_en\n");
    for i in 0..rows {
        csv.push_str(&format!("a{i},meeting,2023-01-01,Meeting {i}\n"));
    }
    csv
}

/// Imports `rows` activities into a new database; the peak memory so far.
fn import(rows: usize) -> i64 {
    let sb = Sandbox::new();
    let file = sb.write("activities.csv", activities(rows));
    let out = sb.ok(&["activities", "import", &file]);
    assert!(out.starts_with(&format!("{rows} new, 0 updated")), "{out}");
    children_peak_kib()
}

#[test]
fn ten_times_the_activities_take_about_the_same_memory() {
    let small = import(10_000);
    let large = import(100_000);
    // holding the records cost about 0.5 KiB each (45 MiB more here);
    // streaming, only SQLite's page cache grows with the database
    let grown = large - small;
    assert!(grown < 24 * 1024, "10,000 activities: {small} KiB; 100,000: {large} KiB");
}
