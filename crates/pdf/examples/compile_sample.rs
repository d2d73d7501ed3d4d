//! Compiles the tests' sample document, prints how long it took, and writes
//! the PDF: `cargo run --release -p vigie-pdf --example compile_sample -- OUT.pdf`.

// an example program: it prints what it wrote
#![allow(clippy::print_stdout, clippy::print_stderr)]

#[path = "../tests/common/mod.rs"]
mod common;

use std::time::Instant;

fn main() {
    let out = std::env::args().nth(1);
    let doc = common::sample();
    let mut pdf = None;
    for run in 1..=5 {
        let start = Instant::now();
        let compiled = vigie_pdf::compile_pdf(&doc).unwrap_or_else(|err| panic!("{err}"));
        println!(
            "run {run}: {:.1} ms, {} pages, {} bytes",
            start.elapsed().as_secs_f64() * 1000.0,
            compiled.pages,
            compiled.bytes.len()
        );
        pdf = Some(compiled);
    }
    let pdf = pdf.expect("compiled");
    for warning in &pdf.warnings {
        println!("{warning}");
    }
    if let Some(out) = out {
        std::fs::write(&out, &pdf.bytes).expect("write the PDF");
        println!("wrote {out}");
    }
}
