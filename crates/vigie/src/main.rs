//! `vigie`: the command line that wires Vigie's libraries together.

// the binary is the one crate that prints (library crates may not)
#![allow(clippy::print_stdout, clippy::print_stderr)]

/// `println!` that returns the write error (a closed pipe, say) instead of
/// panicking.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        writeln!(std::io::stdout().lock(), $($arg)*)
    }};
}

/// `print!` that returns the write error instead of panicking.
macro_rules! out_raw {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        write!(std::io::stdout().lock(), $($arg)*)
    }};
}

mod cli;
mod commands;
mod context;
mod progress;

use std::process::ExitCode;

use clap::Parser;

/// How a run ended, as the shell sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Success = 0,
    /// Bad input or a failure: the message says what and where.
    Failure = 1,
}

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::try_from_env("VIGIE_LOG").unwrap_or_else(|_| "warn".into()))
        .with_writer(std::io::stderr)
        .with_timer(tracing_subscriber::fmt::time::uptime())
        .init();
    match commands::run(cli) {
        Ok(outcome) => ExitCode::from(outcome as u8),
        Err(error) => {
            if is_broken_pipe(&error) {
                // `vigie incidents list | head` is not an error
                return ExitCode::SUCCESS;
            }
            // values are echoed escaped where messages are made; this
            // catches any message that forgot (a library's, say)
            let message = format!("{error:#}");
            let lines: Vec<String> = message.lines().map(vigie_domain::text::escaped).collect();
            eprintln!("error: {}", lines.join("\n"));
            ExitCode::from(Outcome::Failure as u8)
        }
    }
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
