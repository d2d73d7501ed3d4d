//! What the coalition did with one organisation: the activities that name
//! it among their counterparts (or whose people spoke for it), the agreements of the partner it is, and
//! the stories those activities are told in, year by year (latest first),
//! within an optional span of months.

use std::collections::BTreeMap;

use vigie_domain::{Activity, Agreement, Month, Organisation, Partner, Story};
use vigie_store::{ActivityFilter, ArticleFilter, Store, StoreError};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CooperationYear {
    pub year: i16,
    /// By date.
    pub activities: Vec<Activity>,
    /// Signed that year, by date.
    pub agreements: Vec<Agreement>,
    /// The published stories of the year's activities, by date.
    pub stories: Vec<Story>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CooperationReport {
    pub organisation: Organisation,
    /// The partner it is, with its agreements, when it is one.
    pub partner: Option<Partner>,
    pub from: Option<Month>,
    pub to: Option<Month>,
    /// Latest year first; a year appears when it has something.
    pub years: Vec<CooperationYear>,
    /// The partner's agreements whose date is not on record.
    pub undated_agreements: Vec<Agreement>,
    /// The register of themes, whose labels the activities' tags print.
    pub themes: Vec<vigie_domain::theme::Theme>,
}

impl CooperationReport {
    pub fn activity_count(&self) -> usize {
        self.years.iter().map(|y| y.activities.len()).sum()
    }
}

/// The year `y` of `map`, added empty when it is not there yet.
fn entry(map: &mut BTreeMap<i16, CooperationYear>, y: i16) -> &mut CooperationYear {
    map.entry(y).or_insert_with(|| CooperationYear {
        year: y,
        activities: Vec::new(),
        agreements: Vec::new(),
        stories: Vec::new(),
    })
}

/// The report of organisation `id`; `None` when the register has none.
pub fn cooperation(
    store: &dyn Store,
    id: &str,
    from: Option<Month>,
    to: Option<Month>,
) -> Result<Option<CooperationReport>, StoreError> {
    let Some(organisation) = store.organisations()?.into_iter().find(|o| o.id == id) else {
        return Ok(None);
    };
    let filter =
        ActivityFilter { from: from.map(Month::first_day), to: to.map(Month::last_day), ..ActivityFilter::default() };
    let activities: Vec<Activity> =
        store.activities(&filter)?.into_iter().filter(|a| a.names_organisation(id)).collect();
    let partner = match &organisation.partner {
        Some(partner) => store.partners()?.into_iter().find(|p| p.id == *partner),
        None => None,
    };
    let within = |month: Month| from.is_none_or(|f| month >= f) && to.is_none_or(|t| month <= t);
    let mut by_year: BTreeMap<i16, CooperationYear> = BTreeMap::new();
    let mut undated_agreements = Vec::new();
    if let Some(partner) = &partner {
        for agreement in &partner.agreements {
            match agreement.signed {
                Some(date) if within(Month::of(date)) => {
                    entry(&mut by_year, date.year()).agreements.push(agreement.clone())
                }
                Some(_) => {}
                None => undated_agreements.push(agreement.clone()),
            }
        }
    }
    for activity in activities {
        let y = activity.date.year();
        if let Some(article) = &activity.article {
            let filter = ArticleFilter {
                id: Some(article.clone()),
                status: Some(vigie_domain::ArticleStatus::Published),
                ..ArticleFilter::default()
            };
            for story in Story::group(store.articles(&filter)?) {
                let stories = &mut entry(&mut by_year, y).stories;
                if !stories.iter().any(|s| s.id == story.id) {
                    stories.push(story);
                }
            }
        }
        entry(&mut by_year, y).activities.push(activity);
    }
    for year in by_year.values_mut() {
        year.agreements.sort_by_key(|a| a.signed);
    }
    Ok(Some(CooperationReport {
        organisation,
        partner,
        from,
        to,
        years: by_year.into_values().rev().collect(),
        undated_agreements,
        themes: store.themes()?,
    }))
}
