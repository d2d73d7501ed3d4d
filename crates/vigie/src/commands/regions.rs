//! `vigie regions`.

use anyhow::Result;
use vigie_domain::countries;

use crate::Outcome;
use crate::cli::{Cli, ListArgs, TableFormat};
use crate::context::regions;

pub fn run(cli: &Cli, args: &ListArgs) -> Result<Outcome> {
    let regions = regions(cli.regions.as_deref())?;
    let lang = args.lang.lang();
    match args.format {
        TableFormat::Json => {
            let list: Vec<_> = regions.iter().collect();
            out!("{}", serde_json::to_string_pretty(&list)?)?;
        }
        TableFormat::Table => {
            for region in regions.iter() {
                let members: Vec<String> = region
                    .members
                    .iter()
                    .map(|m| {
                        let mut text = format!("{} {}", m.country, countries().name(m.country, lang));
                        match (m.from, m.until) {
                            (_, Some(until)) => text.push_str(&format!(" (until {until})")),
                            (Some(from), None) => text.push_str(&format!(" (since {from})")),
                            _ => {}
                        }
                        text
                    })
                    .collect();
                out!("{:<16} {}", region.id, region.name(lang))?;
                out!("{:<16} {}", "", members.join(", "))?;
            }
        }
    }
    Ok(Outcome::Success)
}
