//! What every command needs: the store, the region groups, and the
//! translation of command-line filters into domain terms.

use std::path::Path;

use anyhow::{Context, Result, anyhow, bail};
use jiff::civil::Date;
use vigie_domain::validate::parse_iso_date;
use vigie_domain::{CountryCode, GroupRegister, Method, Month, Regions, Status, Target, countries};
use vigie_store::{IncidentFilter, Store};

use crate::cli::{FilterArgs, StatusArg};

/// How long a command that writes waits for another one (an import) to
/// finish with the database.
const WRITE_QUEUE_WAIT: std::time::Duration = std::time::Duration::from_secs(30 * 60);

/// The store, for a command that writes. When another process holds the
/// write lock (an import), says so and waits in line for it, up to
/// [`WRITE_QUEUE_WAIT`].
pub fn open_store(db: &Path) -> Result<Box<dyn Store>> {
    let mut store = vigie_store::open(location(db)?)?;
    if store.write_locked()? {
        eprintln!(
            "vigie: another process is writing to {} (an import?); waiting for it to finish (Ctrl-C to stop)",
            db.display()
        );
        store.set_busy_timeout(WRITE_QUEUE_WAIT)?;
    }
    Ok(store)
}

/// The store, for a command that only reads: nothing is created or
/// written, and a database in a read-only place opens.
pub fn open_store_read_only(db: &Path) -> Result<Box<dyn Store>> {
    Ok(vigie_store::open_read_only(location(db)?)?)
}

pub fn location(db: &Path) -> Result<&str> {
    db.to_str().ok_or_else(|| anyhow!("database path {} is not valid UTF-8", db.display()))
}

pub fn regions(file: Option<&Path>) -> Result<Regions> {
    match file {
        None => Ok(Regions::builtin()),
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read regions file {}", path.display()))?;
            Regions::from_toml(&text).map_err(|e| anyhow!("{}: {e}", path.display()))
        }
    }
}

pub fn status(arg: StatusArg) -> Status {
    match arg {
        StatusArg::Draft => Status::Draft,
        StatusArg::Verified => Status::Verified,
    }
}

pub fn country(input: &str) -> Result<CountryCode> {
    countries().resolve(input).map(|c| c.code).ok_or_else(|| {
        anyhow!(
            "unknown country {}: give an ISO code or a name in English, French or Arabic (see `vigie countries`)",
            vigie_domain::text::quoted(input)
        )
    })
}

pub fn month(input: &str) -> Result<Month> {
    Month::parse(input).ok_or_else(|| {
        anyhow!("--month {} is not a month: write YYYY-MM, e.g. 2023-12", vigie_domain::text::quoted(input))
    })
}

/// A day, or a month meaning its first (`start`) or last day.
fn day(flag: &str, input: &str, start: bool) -> Result<Date> {
    if let Some(date) = parse_iso_date(input) {
        return Ok(date);
    }
    match Month::parse(input) {
        Some(month) if start => Ok(month.first_day()),
        Some(month) => Ok(month.last_day()),
        None => bail!("{flag} {} is not a date: write YYYY-MM-DD or YYYY-MM", vigie_domain::text::quoted(input)),
    }
}

pub fn filter(args: &FilterArgs, regions: &Regions, groups: &GroupRegister) -> Result<IncidentFilter> {
    let mut filter = IncidentFilter::default();
    let listed: Vec<CountryCode> = args.country.iter().map(|c| country(c)).collect::<Result<_>>()?;
    filter.countries = match &args.region {
        None => listed,
        Some(id) => {
            let region = regions.get(id).ok_or_else(|| {
                anyhow!("unknown region {}: choose one of {}", vigie_domain::text::quoted(id), regions.ids())
            })?;
            region
                .members_among(listed)
                .ok_or_else(|| anyhow!("none of the --country values belongs to region {id}"))?
        }
    };
    filter.from = args.from.as_deref().map(|v| day("--from", v, true)).transpose()?;
    filter.to = args.to.as_deref().map(|v| day("--to", v, false)).transpose()?;
    for name in &args.perpetrator {
        let group = groups.resolve(name).ok_or_else(|| {
            anyhow!("unknown perpetrator group {} (see `vigie groups`)", vigie_domain::text::quoted(name))
        })?;
        filter.perpetrators.push(group.id.clone());
    }
    for code in &args.target {
        filter.targets.push(Target::parse(code).ok_or_else(|| {
            anyhow!("unknown target {}: use one of {}", vigie_domain::text::quoted(code), Target::codes())
        })?);
    }
    for code in &args.method {
        filter.methods.push(Method::parse(code).ok_or_else(|| {
            anyhow!("unknown method {}: use one of {}", vigie_domain::text::quoted(code), Method::codes())
        })?);
    }
    filter.status = args.status.map(status);
    filter.search = args.search.clone();
    Ok(filter)
}

/// Today in UTC, plus a day: an incident dated "today" somewhere east of UTC
/// is not in the future.
pub fn latest_valid_date() -> Date {
    let today = jiff::Timestamp::now().to_zoned(jiff::tz::TimeZone::UTC).date();
    today.tomorrow().unwrap_or(today)
}
