//! `vigie export`: incidents to native CSV or JSON Lines (which import back
//! to the identical set) or to GeoJSON for QGIS and GDAL, on standard output
//! or into a file written whole or not at all.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use vigie_domain::{GroupRegister, Lang, countries};
use vigie_formats::native::{CsvWriter, GeoJsonWriter, JsonlWriter};
use vigie_i18n::catalog;
use vigie_store::{IncidentFilter, Store, StoreError};

use crate::Outcome;
use crate::cli::{Cli, ExportArgs, ExportFormat};
use crate::context::{filter, open_store_read_only, regions};

const BUFFER: usize = 256 * 1024;

pub fn visitor_error(error: impl std::error::Error + Send + Sync + 'static) -> StoreError {
    StoreError::Visitor(Box::new(error))
}

/// What an export wrote.
pub struct Written {
    pub incidents: u64,
    /// GeoJSON: incidents left out for want of coordinates.
    pub without_coordinates: u64,
}

/// Writes the incidents that match `filter` in `format` to `output`.
pub fn write(
    store: &dyn Store,
    groups: &GroupRegister,
    filter: &IncidentFilter,
    format: ExportFormat,
    lang: Lang,
    output: impl Write,
) -> Result<Written> {
    let output = BufWriter::with_capacity(BUFFER, output);
    Ok(match format {
        ExportFormat::Csv => {
            let mut writer = CsvWriter::new(output)?;
            let incidents = store.incidents(filter, &mut |incident| writer.write(&incident).map_err(visitor_error))?;
            writer.finish()?;
            Written { incidents, without_coordinates: 0 }
        }
        ExportFormat::Jsonl => {
            let mut writer = JsonlWriter::new(output);
            let incidents = store.incidents(filter, &mut |incident| writer.write(&incident).map_err(visitor_error))?;
            writer.finish()?;
            Written { incidents, without_coordinates: 0 }
        }
        ExportFormat::Geojson => {
            let mut writer = GeoJsonWriter::new(output)?;
            store.incidents(filter, &mut |incident| {
                let labels = [
                    ("country_name", countries().name(incident.country, lang)),
                    ("perpetrator_name", groups.name(&incident.perpetrator, lang)),
                    ("target_label", catalog().text(lang, &format!("target-{}", incident.target.code()))),
                    ("method_label", catalog().text(lang, &format!("method-{}", incident.method.code()))),
                ];
                writer.write(&incident, &labels).map_err(visitor_error)
            })?;
            let (_, incidents, without_coordinates) = writer.finish()?;
            Written { incidents, without_coordinates }
        }
    })
}

/// The file being written, renamed into place only when complete.
fn partial(path: &Path) -> PathBuf {
    let mut name = path.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".partial");
    path.with_file_name(name)
}

pub fn run(cli: &Cli, args: &ExportArgs) -> Result<Outcome> {
    let store = open_store_read_only(&cli.db)?;
    let groups = store.groups()?;
    let mut filter = filter(&args.filter, &regions(cli.regions.as_deref())?, &groups)?;
    filter.limit = args.limit;
    let lang = args.lang.lang();
    let written = match &args.output {
        None => write(store.as_ref(), &groups, &filter, args.format, lang, std::io::stdout().lock())?,
        Some(path) => {
            let temporary = partial(path);
            let file = File::create(&temporary).with_context(|| format!("cannot create {}", temporary.display()))?;
            let written = write(store.as_ref(), &groups, &filter, args.format, lang, file).inspect_err(|_| {
                let _ = std::fs::remove_file(&temporary);
            })?;
            std::fs::rename(&temporary, path).with_context(|| format!("cannot write {}", path.display()))?;
            written
        }
    };
    let mut stderr = std::io::stderr().lock();
    write!(stderr, "{} incident{} exported", written.incidents, if written.incidents == 1 { "" } else { "s" })?;
    if let Some(path) = &args.output {
        write!(stderr, " to {}", path.display())?;
    }
    writeln!(stderr)?;
    if written.without_coordinates > 0 {
        writeln!(stderr, "{} incidents without coordinates left out of the GeoJSON", written.without_coordinates)?;
    }
    Ok(Outcome::Success)
}
