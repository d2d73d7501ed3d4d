//! `vigie incidents list|show`.

use std::io::{BufWriter, Write};

use anyhow::{Result, anyhow};
use vigie_domain::Lang;
use vigie_domain::incident::Column;
use vigie_domain::{Incident, countries};
use vigie_formats::native::JsonlWriter;
use vigie_i18n::catalog;
use vigie_store::{IncidentFilter, Store};

use super::export::{self, visitor_error};

use crate::Outcome;
use crate::cli::{Cli, ExportFormat, ListFormat, ListIncidentsArgs, ShowFormat, ShowIncidentArgs};
use crate::context::{filter, open_store_read_only, regions};

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
    let store = open_store_read_only(&cli.db)?;
    let groups = store.groups()?;
    let mut filter = filter(&args.filter, &regions(cli.regions.as_deref())?, &groups)?;
    filter.limit = args.limit;
    let lang = args.lang.lang();
    let stdout = std::io::stdout().lock();
    let format = match args.format {
        ListFormat::Csv => ExportFormat::Csv,
        ListFormat::Jsonl => ExportFormat::Jsonl,
        ListFormat::Table => {
            let count = table(store.as_ref(), &filter, lang, stdout)?;
            eprintln!("{count} incident{}", if count == 1 { "" } else { "s" });
            return Ok(Outcome::Success);
        }
    };
    export::write(store.as_ref(), &groups, &filter, format, lang, stdout)?;
    Ok(Outcome::Success)
}

/// One line an incident, columns cut to width.
fn table(store: &dyn Store, filter: &IncidentFilter, lang: Lang, output: impl Write) -> Result<u64> {
    let mut output = BufWriter::new(output);
    let header = format!(
        "{:<24} {:<10} {:<2} {:<22} {:<16} {:<14} {:<16} {:>6} {:>7} {}",
        "id", "date", "cc", "location", "perpetrator", "target", "method", "killed", "wounded", "status"
    );
    writeln!(output, "{}", header.trim_end())?;
    let count = store.incidents(filter, &mut |incident: Incident| {
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
    Ok(count)
}

pub fn show(cli: &Cli, args: &ShowIncidentArgs) -> Result<Outcome> {
    let store = open_store_read_only(&cli.db)?;
    let incident = store.incident(&args.id)?.ok_or_else(|| {
        anyhow!("no incident with id {} (see `vigie incidents list --search …`)", vigie_domain::text::quoted(&args.id))
    })?;
    let mut stdout = std::io::stdout().lock();
    match args.format {
        ShowFormat::Json => {
            let mut writer = JsonlWriter::new(&mut stdout);
            writer.write(&incident)?;
        }
        ShowFormat::Text => {
            let lang = args.lang.lang();
            let groups = store.groups()?;
            let labels: [(&str, String); Column::COUNT] = Column::ALL.map(|column| {
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
            let aliases = store.aliases(&incident.id)?;
            if !aliases.is_empty() {
                writeln!(stdout, "{:<20} {} (merged duplicates)", "also known as", aliases.join(", "))?;
            }
        }
    }
    Ok(Outcome::Success)
}
