//! Writer of GeoJSON (RFC 7946): one FeatureCollection, one Point feature
//! per incident with coordinates, streamed feature by feature. Properties
//! carry the native values as codes, plus labels the caller supplies.

use std::io::Write;

use serde_json::{Map, Value};
use vigie_domain::Incident;
use vigie_domain::incident::Column;

pub struct GeoJsonWriter<W: Write> {
    output: W,
    written: u64,
    without_coordinates: u64,
}

impl<W: Write> GeoJsonWriter<W> {
    pub fn new(mut output: W) -> std::io::Result<GeoJsonWriter<W>> {
        output.write_all(b"{\"type\":\"FeatureCollection\",\"features\":[\n")?;
        Ok(GeoJsonWriter { output, written: 0, without_coordinates: 0 })
    }

    /// Writes the incident as a feature, with `labels` added to its
    /// properties; an incident without coordinates is counted, not written.
    pub fn write(&mut self, incident: &Incident, labels: &[(&str, String)]) -> std::io::Result<()> {
        let (Some(latitude), Some(longitude)) = (incident.latitude, incident.longitude) else {
            self.without_coordinates += 1;
            return Ok(());
        };
        let mut properties = Map::new();
        for column in Column::ALL {
            let value = match column {
                Column::Latitude | Column::Longitude => continue,
                Column::GeoPrecision => incident.geo_precision.map(Value::from),
                Column::Killed => incident.killed.map(Value::from),
                Column::Wounded => incident.wounded.map(Value::from),
                Column::Kidnapped => incident.kidnapped.map(Value::from),
                Column::PerpetratorsKilled => incident.perpetrators_killed.map(Value::from),
                _ => Some(incident.value(column)).filter(|v| !v.is_empty()).map(Value::from),
            };
            properties.insert(column.name().into(), value.unwrap_or(Value::Null));
        }
        properties.insert("victims".into(), Value::from(incident.victims()));
        for (name, label) in labels {
            properties.insert((*name).into(), Value::from(label.as_str()));
        }
        let feature = serde_json::json!({
            "type": "Feature",
            "id": incident.id,
            // RFC 7946: longitude first
            "geometry": {"type": "Point", "coordinates": [longitude, latitude]},
            "properties": properties,
        });
        if self.written > 0 {
            self.output.write_all(b",\n")?;
        }
        serde_json::to_writer(&mut self.output, &feature)?;
        self.written += 1;
        Ok(())
    }

    /// Closes the collection; returns the output, how many features were
    /// written and how many incidents had no coordinates.
    pub fn finish(mut self) -> std::io::Result<(W, u64, u64)> {
        self.output.write_all(b"\n]}\n")?;
        self.output.flush()?;
        Ok((self.output, self.written, self.without_coordinates))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use vigie_domain::{CountryCode, DatePrecision, Method, Status, Target};

    fn incident(id: &str, coordinates: Option<(f64, f64)>) -> Incident {
        Incident {
            id: id.into(),
            date: "2023-12-04".parse().unwrap(),
            date_end: None,
            date_precision: DatePrecision::Day,
            country: CountryCode::new("BF").unwrap(),
            admin1: String::new(),
            location: "Djibo".into(),
            latitude: coordinates.map(|c| c.0),
            longitude: coordinates.map(|c| c.1),
            geo_precision: Some(1),
            perpetrator: "jnim".into(),
            target: Target::Military,
            method: Method::Ambush,
            killed: Some(40),
            wounded: None,
            kidnapped: None,
            perpetrators_killed: None,
            killed_low: None,
            killed_high: None,
            description: "a \"quoted\" text".into(),
            sources: String::new(),
            status: Status::Verified,
        }
    }

    #[test]
    fn writes_a_feature_collection_and_counts_the_rest() {
        let mut writer = GeoJsonWriter::new(Vec::new()).unwrap();
        writer.write(&incident("a", Some((14.1, -1.63))), &[("country_name", "Burkina Faso".into())]).unwrap();
        writer.write(&incident("b", None), &[]).unwrap();
        writer.write(&incident("c", Some((12.0, 0.35))), &[]).unwrap();
        let (bytes, written, left_out) = writer.finish().unwrap();
        assert_eq!((written, left_out), (2, 1));
        let json: Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(json["type"], "FeatureCollection");
        let features = json["features"].as_array().unwrap();
        assert_eq!(features.len(), 2);
        assert_eq!(features[0]["geometry"]["coordinates"], serde_json::json!([-1.63, 14.1]));
        assert_eq!(features[0]["properties"]["killed"], 40);
        assert_eq!(features[0]["properties"]["wounded"], Value::Null);
        assert_eq!(features[0]["properties"]["victims"], 40);
        assert_eq!(features[0]["properties"]["country_name"], "Burkina Faso");
        assert_eq!(features[1]["id"], "c");
    }

    #[test]
    fn an_empty_collection_is_valid() {
        let (bytes, written, _) = GeoJsonWriter::new(Vec::new()).unwrap().finish().unwrap();
        assert_eq!(written, 0);
        let json: Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(json["features"].as_array().unwrap().len(), 0);
    }
}
