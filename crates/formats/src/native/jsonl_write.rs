//! Writer of the native JSON Lines: one object a line, keys as the CSV
//! columns, numbers as JSON numbers and unknown values as `null`.

use std::io::Write;

use serde::Serialize;
use vigie_domain::{CountryCode, DatePrecision, Incident, Method, Status, Target};

#[derive(Serialize)]
struct JsonIncident<'a> {
    id: &'a str,
    date: String,
    date_end: Option<String>,
    date_precision: DatePrecision,
    country: CountryCode,
    admin1: Option<&'a str>,
    location: Option<&'a str>,
    latitude: Option<f64>,
    longitude: Option<f64>,
    geo_precision: Option<u8>,
    perpetrator: &'a str,
    target: Target,
    method: Method,
    killed: Option<u32>,
    killed_low: Option<u32>,
    killed_high: Option<u32>,
    wounded: Option<u32>,
    kidnapped: Option<u32>,
    perpetrators_killed: Option<u32>,
    description: Option<&'a str>,
    sources: Option<&'a str>,
    status: Status,
}

fn text(value: &str) -> Option<&str> {
    (!value.is_empty()).then_some(value)
}

/// An incident as a JSON object with the native format's keys: what the
/// exports, the command line's JSON and the API give alike.
pub fn incident_json(incident: &Incident) -> serde_json::Value {
    serde_json::to_value(JsonIncident::of(incident)).unwrap_or_default()
}

impl<'a> JsonIncident<'a> {
    fn of(incident: &'a Incident) -> JsonIncident<'a> {
        JsonIncident {
            id: &incident.id,
            date: incident.date.to_string(),
            date_end: incident.date_end.map(|d| d.to_string()),
            date_precision: incident.date_precision,
            country: incident.country,
            admin1: text(&incident.admin1),
            location: text(&incident.location),
            latitude: incident.latitude,
            longitude: incident.longitude,
            geo_precision: incident.geo_precision,
            perpetrator: &incident.perpetrator,
            target: incident.target,
            method: incident.method,
            killed: incident.killed,
            killed_low: incident.killed_low,
            killed_high: incident.killed_high,
            wounded: incident.wounded,
            kidnapped: incident.kidnapped,
            perpetrators_killed: incident.perpetrators_killed,
            description: text(&incident.description),
            sources: text(&incident.sources),
            status: incident.status,
        }
    }
}

pub struct JsonlWriter<W: Write> {
    output: W,
}

impl<W: Write> JsonlWriter<W> {
    pub fn new(output: W) -> JsonlWriter<W> {
        JsonlWriter { output }
    }

    pub fn write(&mut self, incident: &Incident) -> std::io::Result<()> {
        let json = JsonIncident::of(incident);
        serde_json::to_writer(&mut self.output, &json)?;
        self.output.write_all(b"\n")
    }

    pub fn finish(mut self) -> std::io::Result<W> {
        self.output.flush()?;
        Ok(self.output)
    }
}
