//! Likely duplicates: the same operation reported by two sources. A pair
//! qualifies when both are in the same country within a day of each other,
//! their method or perpetrator agree (or one is unknown), and — when both
//! have coordinates — they lie within a distance. The score (0 to 1) says
//! how much more agrees; the reasons say what.

use crate::codes::Method;
use crate::fold::fold;
use crate::group::UNKNOWN_GROUP;
use crate::incident::Incident;

/// How far apart two located reports of one operation may be.
pub const DEFAULT_MAX_KM: f64 = 50.0;

#[derive(Debug, Clone, PartialEq)]
pub struct Likeness {
    pub score: f64,
    /// Kilometres between the two, when both have coordinates.
    pub distance_km: Option<f64>,
    /// What agrees, in words: "same day", "4 km apart", "same perpetrator", …
    pub reasons: Vec<String>,
}

/// Great-circle distance in kilometres (haversine, mean Earth radius).
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (lat1, lon1) = (a.0.to_radians(), a.1.to_radians());
    let (lat2, lon2) = (b.0.to_radians(), b.1.to_radians());
    let h = ((lat2 - lat1) / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * ((lon2 - lon1) / 2.0).sin().powi(2);
    2.0 * 6371.0088 * h.sqrt().asin()
}

fn coordinates(incident: &Incident) -> Option<(f64, f64)> {
    Some((incident.latitude?, incident.longitude?))
}

/// How alike two incidents are, or `None` if they cannot be one operation.
pub fn likeness(a: &Incident, b: &Incident, max_km: f64) -> Option<Likeness> {
    if a.country != b.country || a.id == b.id {
        return None;
    }
    let days = (b.date - a.date).get_days().abs();
    if days > 1 {
        return None;
    }
    let method_known = a.method != Method::Unknown && b.method != Method::Unknown;
    let method_same = method_known && a.method == b.method;
    let method_compatible = method_same || !method_known;
    let perpetrator_known = a.perpetrator != UNKNOWN_GROUP && b.perpetrator != UNKNOWN_GROUP;
    let perpetrator_same = perpetrator_known && a.perpetrator == b.perpetrator;
    let perpetrator_compatible = perpetrator_same || !perpetrator_known;
    if !method_compatible && !perpetrator_compatible {
        return None;
    }
    let distance = match (coordinates(a), coordinates(b)) {
        (Some(pa), Some(pb)) => Some(distance_km(pa, pb)),
        _ => None,
    };
    if distance.is_some_and(|d| d > max_km) {
        return None;
    }

    let mut score = 0.0;
    let mut reasons = Vec::new();
    let mut add = |points: f64, reason: String| {
        score += points;
        reasons.push(reason);
    };
    if days == 0 {
        add(0.25, "same day".into());
    } else {
        add(0.10, "one day apart".into());
    }
    match distance {
        Some(d) if d <= 5.0 => add(0.25, format!("{d:.0} km apart")),
        Some(d) if d <= 25.0 => add(0.15, format!("{d:.0} km apart")),
        Some(d) => add(0.05, format!("{d:.0} km apart")),
        None => {
            if !a.location.is_empty() && fold(&a.location) == fold(&b.location) {
                add(0.20, "same place name".into());
            } else if !a.admin1.is_empty() && fold(&a.admin1) == fold(&b.admin1) {
                add(0.10, "same region".into());
            }
        }
    }
    if method_same {
        add(0.15, "same method".into());
    } else if method_compatible {
        add(0.05, "method unknown in one".into());
    }
    if perpetrator_same {
        add(0.15, "same perpetrator".into());
    } else if perpetrator_compatible {
        add(0.05, "perpetrator unknown in one".into());
    }
    if a.target == b.target {
        add(0.10, "same target".into());
    }
    if let (Some(ka), Some(kb)) = (a.killed, b.killed) {
        let (low, high) = (ka.min(kb), ka.max(kb));
        if high - low <= 2.max(high / 5) {
            add(0.10, "similar death toll".into());
        }
    }
    Some(Likeness { score: (score * 100.0).round() / 100.0, distance_km: distance, reasons })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{CountryCode, DatePrecision, Status, Target};

    fn incident(id: &str, date: &str, place: Option<(f64, f64)>) -> Incident {
        Incident {
            id: id.into(),
            date: date.parse().unwrap(),
            date_end: None,
            date_precision: DatePrecision::Day,
            country: CountryCode::new("BF").unwrap(),
            admin1: "Sahel".into(),
            location: "Djibo".into(),
            latitude: place.map(|p| p.0),
            longitude: place.map(|p| p.1),
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
            description: String::new(),
            sources: String::new(),
            status: Status::Verified,
        }
    }

    #[test]
    fn distances() {
        // Ouagadougou to Bobo-Dioulasso, about 330 km
        let d = distance_km((12.3714, -1.5197), (11.1771, -4.2979));
        assert!((d - 330.0).abs() < 10.0, "{d}");
        assert!(distance_km((14.1, -1.63), (14.1, -1.63)) < 1e-9);
    }

    #[test]
    fn the_same_operation_from_two_sources_scores_high() {
        let a = incident("acled:BFA1", "2023-12-04", Some((14.10, -1.63)));
        let mut b = incident("ucdp:500", "2023-12-04", Some((14.12, -1.62)));
        b.killed = Some(42);
        let likeness = likeness(&a, &b, DEFAULT_MAX_KM).unwrap();
        assert_eq!(likeness.score, 1.0);
        assert_eq!(
            likeness.reasons,
            ["same day", "2 km apart", "same method", "same perpetrator", "same target", "similar death toll"]
        );
    }

    #[test]
    fn rules_that_exclude_a_pair() {
        let a = incident("a", "2023-12-04", Some((14.10, -1.63)));
        let far_in_time = incident("b", "2023-12-06", Some((14.10, -1.63)));
        assert!(likeness(&a, &far_in_time, DEFAULT_MAX_KM).is_none());
        let far_away = incident("c", "2023-12-04", Some((12.06, 0.35)));
        assert!(likeness(&a, &far_away, DEFAULT_MAX_KM).is_none());
        let mut other_country = incident("d", "2023-12-04", Some((14.10, -1.63)));
        other_country.country = CountryCode::new("ML").unwrap();
        assert!(likeness(&a, &other_country, DEFAULT_MAX_KM).is_none());
        let mut nothing_agrees = incident("e", "2023-12-04", Some((14.10, -1.63)));
        nothing_agrees.method = Method::Explosive;
        nothing_agrees.perpetrator = "is-sahel".into();
        assert!(likeness(&a, &nothing_agrees, DEFAULT_MAX_KM).is_none());
    }

    #[test]
    fn unknown_values_are_compatible_but_weigh_less() {
        let a = incident("a", "2023-12-04", None);
        let mut b = incident("b", "2023-12-05", None);
        b.perpetrator = UNKNOWN_GROUP.into();
        b.method = Method::Unknown;
        b.killed = None;
        let likeness = likeness(&a, &b, DEFAULT_MAX_KM).unwrap();
        assert_eq!(likeness.score, 0.5);
        assert_eq!(
            likeness.reasons,
            ["one day apart", "same place name", "method unknown in one", "perpetrator unknown in one", "same target"]
        );
        assert_eq!(likeness.distance_km, None);
    }
}
