//! One module per subcommand; `run` dispatches.

mod activities;
mod articles;
mod backup;
mod bulletin;
mod countries;
mod demo;
mod duplicates;
mod export;
mod groups;
pub mod import;
mod incidents;
mod members;
mod notes;
mod organisations;
mod partners;
mod regions;
mod report;
mod serve;
mod themes;
mod token;
mod user;

use anyhow::Result;

use crate::Outcome;
use crate::cli::{
    ActivitiesCommand, ArticlesCommand, Cli, Command, IncidentsCommand, MembersCommand, NotesCommand,
    OrganisationsCommand, PartnersCommand, ReportCommand, ThemesCommand, TokenCommand, UserCommand,
};
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
        Command::Report(ReportCommand::Year(args)) => report::year(&cli, args),
        Command::Report(ReportCommand::Timeline(args)) => report::timeline(&cli, args),
        Command::Report(ReportCommand::Revisions(args)) => report::revisions(&cli, args),
        Command::Report(ReportCommand::Cooperation(args)) => report::cooperation(&cli, args),
        Command::Organisations(OrganisationsCommand::Import(args)) => organisations::import(&cli, args),
        Command::Organisations(OrganisationsCommand::List(args)) => organisations::list(&cli, args),
        Command::Themes(ThemesCommand::Import(args)) => themes::import(&cli, args),
        Command::Themes(ThemesCommand::List(args)) => themes::list(&cli, args),
        Command::Members(MembersCommand::Import(args)) => members::import(&cli, args),
        Command::Members(MembersCommand::List(args)) => members::list(&cli, args),
        Command::Partners(PartnersCommand::Import(args)) => partners::import(&cli, args),
        Command::Partners(PartnersCommand::List(args)) => partners::list(&cli, args),
        Command::Activities(ActivitiesCommand::Import(args)) => activities::import(&cli, args),
        Command::Activities(ActivitiesCommand::List(args)) => activities::list(&cli, args),
        Command::Notes(NotesCommand::Import(args)) => notes::import(&cli, args),
        Command::Notes(NotesCommand::List(args)) => notes::list(&cli, args),
        Command::Articles(ArticlesCommand::Import(args)) => articles::import(&cli, args),
        Command::Articles(ArticlesCommand::List(args)) => articles::list(&cli, args),
        Command::Articles(ArticlesCommand::Show(args)) => articles::show(&cli, args),
        Command::Bulletin(args) => bulletin::run(&cli, args),
        Command::Backup { file } => backup::backup(&cli, file),
        Command::Restore { file, replace } => backup::restore(&cli, file, *replace),
        Command::Regions(args) => regions::run(&cli, args),
        Command::Groups(args) => groups::run(&cli, args),
        Command::Countries(args) => countries::run(args),
        Command::Demo(args) => demo::run(&cli, args),
        Command::User(UserCommand::Add(args)) => user::add(&cli, args),
        Command::User(UserCommand::Passwd(args)) => user::passwd(&cli, args),
        Command::User(UserCommand::Disable(args)) => user::set_disabled(&cli, args, true),
        Command::User(UserCommand::Enable(args)) => user::set_disabled(&cli, args, false),
        Command::User(UserCommand::List(args)) => user::list(&cli, args),
        Command::User(UserCommand::TotpReset(args)) => user::totp_reset(&cli, args),
        Command::User(UserCommand::TotpRoles(args)) => user::totp_roles(&cli, args),
        Command::Token(TokenCommand::Create(args)) => token::create(&cli, args),
        Command::Token(TokenCommand::List(args)) => token::list(&cli, args),
        Command::Token(TokenCommand::Revoke(args)) => token::revoke(&cli, args),
        Command::Audit(args) => user::audit(&cli, args),
        Command::Serve(args) => serve::run(&cli, args),
    }
}
