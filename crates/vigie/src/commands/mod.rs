//! One module per subcommand; `run` dispatches.

mod countries;
mod demo;
mod duplicates;
mod export;
mod groups;
pub mod import;
mod incidents;
mod regions;
mod report;

use anyhow::Result;

use crate::Outcome;
use crate::cli::{Cli, Command, IncidentsCommand, ReportCommand};
use crate::context::open_store;

pub fn run(cli: Cli) -> Result<Outcome> {
    match &cli.command {
        Command::Init => {
            open_store(&cli.db)?;
            out!("database ready: {}", cli.db.display())?;
            Ok(Outcome::Success)
        }
        Command::Import(args) => import::run(&cli, args),
        Command::Incidents(IncidentsCommand::List(args)) => incidents::list(&cli, args),
        Command::Incidents(IncidentsCommand::Show(args)) => incidents::show(&cli, args),
        Command::Export(args) => export::run(&cli, args),
        Command::Duplicates(args) => duplicates::list(&cli, args),
        Command::Merge { keep, drop } => duplicates::merge(&cli, keep, drop),
        Command::Report(ReportCommand::Monthly(args)) => report::monthly(&cli, args),
        Command::Regions(args) => regions::run(&cli, args),
        Command::Groups(args) => groups::run(&cli, args),
        Command::Countries(args) => countries::run(args),
        Command::Demo(args) => demo::run(&cli, args),
    }
}
