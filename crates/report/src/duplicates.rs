//! Likely duplicates among stored incidents: a pass over the incidents in
//! country and date order, comparing each with those of the same country
//! from the day before — memory holds one country's two days, not the table.

use std::collections::VecDeque;

use serde::Serialize;
use vigie_domain::Incident;
use vigie_domain::duplicates::{Likeness, likeness};
use vigie_store::{IncidentFilter, Order, Store, StoreError};

/// Two incidents that may be one operation.
#[derive(Debug, Clone)]
pub struct Pair {
    pub first: Incident,
    pub second: Incident,
    pub likeness: Likeness,
}

/// A pair as the JSON and CSV outputs give it.
#[derive(Debug, Serialize)]
pub struct PairRow<'a> {
    pub score: f64,
    pub first: &'a str,
    pub second: &'a str,
    pub country: String,
    pub first_date: String,
    pub second_date: String,
    pub distance_km: Option<f64>,
    pub reasons: String,
}

impl Pair {
    pub fn row(&self) -> PairRow<'_> {
        PairRow {
            score: self.likeness.score,
            first: &self.first.id,
            second: &self.second.id,
            country: self.first.country.to_string(),
            first_date: self.first.date.to_string(),
            second_date: self.second.date.to_string(),
            distance_km: self.likeness.distance_km.map(|d| (d * 10.0).round() / 10.0),
            reasons: self.likeness.reasons.join(", "),
        }
    }
}

/// The pairs among the incidents of `filter` scoring at least `min_score`,
/// best first.
pub fn duplicates(
    store: &dyn Store,
    filter: &IncidentFilter,
    max_km: f64,
    min_score: f64,
) -> Result<Vec<Pair>, StoreError> {
    let mut filter = filter.clone();
    filter.order = Order::CountryDate;
    filter.limit = None;
    let mut window: VecDeque<Incident> = VecDeque::new();
    let mut pairs = Vec::new();
    store.incidents(&filter, &mut |incident| {
        while window
            .front()
            .is_some_and(|old| old.country != incident.country || (incident.date - old.date).get_days() > 1)
        {
            window.pop_front();
        }
        for earlier in &window {
            if let Some(likeness) = likeness(earlier, &incident, max_km).filter(|l| l.score >= min_score) {
                pairs.push(Pair { first: earlier.clone(), second: incident.clone(), likeness });
            }
        }
        window.push_back(incident);
        Ok(())
    })?;
    pairs.sort_by(|a, b| {
        b.likeness
            .score
            .total_cmp(&a.likeness.score)
            .then(a.first.date.cmp(&b.first.date))
            .then(a.first.id.cmp(&b.first.id))
            .then(a.second.id.cmp(&b.second.id))
    });
    Ok(pairs)
}
