//! `vigie serve`: the web application over the database.

use anyhow::Result;
use vigie_bulletin::Profile;
use vigie_domain::Lang;
use vigie_web::{AppState, Config};

use crate::Outcome;
use crate::cli::{Cli, ServeArgs};
use crate::context::{open_store, regions};

pub fn run(cli: &Cli, args: &ServeArgs) -> Result<Outcome> {
    let store = open_store(&cli.db)?;
    let profile = Profile::demo();
    let config = Config {
        secure_cookies: args.secure_cookies,
        organisation: Lang::ALL.map(|lang| profile.name.get(lang).to_string()),
        ..Config::default()
    };
    let state = AppState::new(store, regions(cli.regions.as_deref())?, config)?.with_profile(profile);
    vigie_web::serve(args.addr, state, |addr| {
        let _ = out!("Vigie on http://{addr}/ (database {}); Ctrl-C stops it", cli.db.display());
    })?;
    Ok(Outcome::Success)
}
