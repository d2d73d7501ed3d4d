//! `vigie serve`: the web application over the database.

use anyhow::Result;
use vigie_bulletin::Profile;
use vigie_domain::Lang;
use vigie_web::{ApiRate, AppState, Config};

use crate::Outcome;
use crate::cli::{Cli, ServeArgs};
use crate::context::{location, regions};

pub fn run(cli: &Cli, args: &ServeArgs) -> Result<Outcome> {
    // not queued behind an import: the server answers while it runs
    let store = vigie_store::open(location(&cli.db)?)?;
    let profile = Profile::demo();
    let config = Config {
        secure_cookies: args.secure_cookies,
        organisation: Lang::ALL.map(|lang| profile.name.get(lang).to_string()),
        api_rate: ApiRate { per_minute: args.api_rate, burst: (args.api_rate / 5).max(1) },
        ..Config::default()
    };
    let state = AppState::new(store, regions(cli.regions.as_deref())?, config)?.with_profile(profile);
    vigie_web::serve(args.addr, state, |addr| {
        let _ = out!("Vigie on http://{addr}/ (database {}); Ctrl-C stops it", cli.db.display());
    })?;
    Ok(Outcome::Success)
}
