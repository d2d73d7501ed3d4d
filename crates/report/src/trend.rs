//! The trend of a region over several months (operations and victims month
//! by month, each month counting the region's members of that month), and
//! the located incidents of one month for its map.

use vigie_domain::region::RegionGroup;
use vigie_domain::{CountryCode, Month};

use crate::Counting;
use vigie_store::{Aggregate, Dimension, IncidentFilter, Store, StoreError};

/// One month of a trend.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct TrendMonth {
    pub month: Month,
    pub operations: u64,
    pub victims: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TrendReport {
    pub region: String,
    /// Oldest first; the last one is the month asked for.
    pub months: Vec<TrendMonth>,
}

/// The `count` months of `region` ending with `last`, one aggregate query
/// a month.
pub fn trend(
    store: &dyn Store,
    region: &RegionGroup,
    last: Month,
    count: usize,
    counting: Counting,
) -> Result<TrendReport, StoreError> {
    let mut month = last;
    let mut months = Vec::with_capacity(count);
    for _ in 0..count {
        let rows = store.aggregate(&Aggregate {
            from: month.first_day(),
            to: month.last_day(),
            countries: region.membership(month).countries.clone(),
            include_drafts: counting.include_drafts,
            by: Dimension::Country,
            actors: counting.actors(),
        })?;
        months.push(TrendMonth {
            month,
            operations: rows.iter().map(|r| r.operations).sum(),
            victims: rows.iter().map(|r| r.victims).sum(),
        });
        month = month.previous();
    }
    months.reverse();
    Ok(TrendReport { region: region.id.clone(), months })
}

/// One incident as the map draws it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MapIncident {
    /// Both or neither.
    pub position: Option<(f64, f64)>,
    pub victims: u64,
    /// 1 exact place, 2 near it (district), 3 region only; `None` unknown.
    pub geo_precision: Option<u8>,
}

/// The incidents of one month in a region, for its map.
#[derive(Debug, Clone, PartialEq)]
pub struct MapReport {
    pub region: String,
    pub month: Month,
    /// The region's members that month.
    pub countries: Vec<CountryCode>,
    pub incidents: Vec<MapIncident>,
}

/// The incidents `counting` counts of `region`
/// in `month`, with their coordinates when known.
pub fn incident_map(
    store: &dyn Store,
    region: &RegionGroup,
    month: Month,
    counting: Counting,
) -> Result<MapReport, StoreError> {
    let countries = region.membership(month).countries.clone();
    let filter = IncidentFilter {
        countries: countries.clone(),
        from: Some(month.first_day()),
        to: Some(month.last_day()),
        status: counting.status(),
        actors: counting.actors(),
        ..IncidentFilter::default()
    };
    let mut incidents = Vec::new();
    store.incidents(&filter, &mut |incident| {
        incidents.push(MapIncident {
            position: incident.latitude.zip(incident.longitude),
            victims: incident.victims(),
            geo_precision: incident.geo_precision,
        });
        Ok(())
    })?;
    Ok(MapReport { region: region.id.clone(), month, countries, incidents })
}
