//! `vigie incidents list|show`.

use std::io::{BufWriter, Write};

use anyhow::{Result, anyhow};
use vigie_domain::incident::Column;
use vigie_domain::{Incident, countries};
use vigie_formats::native::{CsvWriter, JsonlWriter};
use vigie_i18n::catalog;
use vigie_store::StoreError;

use crate::Outcome;
use crate::cli::{Cli, ListFormat, ListIncidentsArgs, ShowFormat, ShowIncidentArgs};
use crate::context::{filter, open_store, regions};

fn visitor_error(error: impl std::error::Error + Send + Sync + 'static) -> StoreError {
    StoreError::Visitor(Box::new(error))
}

/// Cuts text to `width` characters, marking the cut.
fn cut(text: &str, width: usize) -> String {
    let flat = text.replace(['\n', '\r', '\t'], " ");
    if flat.chars().count() <= width {
        flat
    } else {
        let mut short: String = flat.chars().take(width.saturating_sub(1)).collect();
        short.push('…');
        short
    }
}

fn figure(value: Option<u32>) -> String {
    value.map_or_else(|| "?".to_string(), |n| n.to_string())
}

pub fn list(cli: &Cli, args: &ListIncidentsArgs) -> Result<Outcome> {
    let store = open_store(&cli.db)?;
    let groups = store.groups()?;
    let mut filter = filter(&args.filter, &regions(cli.regions.as_deref())?, &groups)?;
    filter.limit = args.limit;
    let stdout = std::io::stdout().lock();
    let output = BufWriter::with_capacity(256 * 1024, stdout);
    let count = match args.format {
        ListFormat::Csv => {
            let mut writer = CsvWriter::new(output)?;
            let count = store.incidents(&filter, &mut |incident| writer.write(&incident).map_err(visitor_error))?;
            writer.finish()?;
            count
        }
        ListFormat::Jsonl => {
            let mut writer = JsonlWriter::new(output);
            let count = store.incidents(&filter, &mut |incident| writer.write(&incident).map_err(visitor_error))?;
            writer.finish()?;
            count
        }
        ListFormat::Table => {
            let lang = args.lang.lang();
            let mut output = output;
            let header = format!(
                "{:<24} {:<10} {:<2} {:<22} {:<16} {:<14} {:<16} {:>6} {:>7} {}",
                "id", "date", "cc", "location", "perpetrator", "target", "method", "killed", "wounded", "status"
            );
            writeln!(output, "{}", header.trim_end())?;
            let count = store.incidents(&filter, &mut |incident: Incident| {
                let place = if incident.location.is_empty() { &incident.admin1 } else { &incident.location };
                let line = format!(
                    "{:<24} {:<10} {:<2} {:<22} {:<16} {:<14} {:<16} {:>6} {:>7} {}",
                    cut(&incident.id, 24),
                    incident.date.to_string(),
                    incident.country.as_str(),
                    cut(place, 22),
                    cut(&incident.perpetrator, 16),
                    cut(incident.target.code(), 14),
                    cut(incident.method.code(), 16),
                    figure(incident.killed),
                    figure(incident.wounded),
                    catalog().text(lang, &format!("status-{}", incident.status.code())),
                );
                writeln!(output, "{}", line.trim_end()).map_err(visitor_error)
            })?;
            output.flush()?;
            eprintln!("{count} incident{}", if count == 1 { "" } else { "s" });
            return Ok(Outcome::Success);
        }
    };
    tracing::info!(count, "incidents listed");
    Ok(Outcome::Success)
}

pub fn show(cli: &Cli, args: &ShowIncidentArgs) -> Result<Outcome> {
    let store = open_store(&cli.db)?;
    let incident = store
        .incident(&args.id)?
        .ok_or_else(|| anyhow!("no incident with id {:?} (see `vigie incidents list --search …`)", args.id))?;
    let mut stdout = std::io::stdout().lock();
    match args.format {
        ShowFormat::Json => {
            let mut writer = JsonlWriter::new(&mut stdout);
            writer.write(&incident)?;
        }
        ShowFormat::Text => {
            let lang = args.lang.lang();
            let groups = store.groups()?;
            let labels: [(&str, String); 20] = Column::ALL.map(|column| {
                let value = incident.value(column);
                let label = |id: String| format!("{value} ({})", catalog().text(lang, &id));
                let shown = match column {
                    Column::Country => format!("{value} ({})", countries().name(incident.country, lang)),
                    Column::Perpetrator => format!("{value} ({})", groups.name(&value, lang)),
                    Column::Target => label(format!("target-{value}")),
                    Column::Method => label(format!("method-{value}")),
                    Column::Killed | Column::Wounded | Column::Kidnapped | Column::PerpetratorsKilled
                        if value.is_empty() =>
                    {
                        "unknown".into()
                    }
                    _ => value,
                };
                (column.name(), shown)
            });
            for (name, value) in labels {
                if !value.is_empty() {
                    writeln!(stdout, "{name:<20} {value}")?;
                }
            }
        }
    }
    Ok(Outcome::Success)
}
