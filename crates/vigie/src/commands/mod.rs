//! One module per subcommand; `run` dispatches.

mod countries;
mod demo;
mod duplicates;
mod export;
mod groups;
pub mod import;
mod incidents;
mod members;
mod partners;
mod regions;
mod report;

use anyhow::Result;

use crate::Outcome;
use crate::cli::{Cli, Command, IncidentsCommand, MembersCommand, PartnersCommand, ReportCommand};
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
        Command::Report(ReportCommand::NationalDays(args)) => report::national_days(&cli, args),
        Command::Members(MembersCommand::Import(args)) => members::import(&cli, args),
        Command::Members(MembersCommand::List(args)) => members::list(&cli, args),
        Command::Partners(PartnersCommand::Import(args)) => partners::import(&cli, args),
        Command::Partners(PartnersCommand::List(args)) => partners::list(&cli, args),
        Command::Regions(args) => regions::run(&cli, args),
        Command::Groups(args) => groups::run(&cli, args),
        Command::Countries(args) => countries::run(args),
        Command::Demo(args) => demo::run(&cli, args),
    }
}
