//! Everything an issue prints, read from the store once, before any
//! language: the stories, the register's month, the year under review, and
//! the statistics of each region.

use std::collections::BTreeMap;

use vigie_domain::confirmation::ConfirmationStatus;
use vigie_domain::{
    Activity, ActivityKind, ArticleStatus, CountryCode, GroupRegister, Member, Note, Partner, Regions, Story,
};
use vigie_report::{Counted, Counting, MonthlyReport, NationalDaysReport, RevisedMonth, TimelineReport, YearReport};
use vigie_store::{ActivityFilter, ArticleFilter, NoteFilter, Store};

use crate::BulletinError;
use crate::issue::{Issue, NationalDaysRule};

/// One region's statistics and notes.
pub struct RegionSource {
    pub report: MonthlyReport,
    /// The incidents the report counts (what a published issue keeps to
    /// explain its figures later).
    pub counted: Vec<Counted>,
    /// The region's earlier months whose figures changed since an issue
    /// published them (the revised-figures box), latest first.
    pub revised: Vec<RevisedMonth>,
    /// The countries of the table whose member state has not confirmed the
    /// month's figures (or disputes them).
    pub unconfirmed: Vec<CountryCode>,
    pub notes: Vec<Note>,
}

pub struct Sources {
    pub issue: Issue,
    /// The cover's stories, in order.
    pub featured: Vec<Story>,
    /// The editorial, if the issue names one.
    pub editorial: Option<Story>,
    /// The month's other published stories, by date.
    pub others: Vec<Story>,
    pub partners: Vec<Partner>,
    pub members: Vec<Member>,
    /// The year in numbers and the timeline, when the issue reviews the year.
    pub year: Option<(YearReport, TimelineReport)>,
    pub regions: Vec<RegionSource>,
    pub national_days: NationalDaysReport,
    /// The congratulations sent in the month (its `national_day`
    /// activities, by date), when the issue's rule prints them.
    pub sent_national_days: Vec<Activity>,
    /// The stories whose first photo the year page's highlights panel
    /// shows, in the issue's order.
    pub highlights: Vec<Story>,
    /// The perpetrator groups, for their names.
    pub groups: GroupRegister,
    /// Image bytes by hash, for every image of the printed stories.
    pub images: BTreeMap<String, Vec<u8>>,
}

/// The published versions of one story, whatever their date.
fn story(store: &dyn Store, id: &str, what: &str) -> Result<Story, BulletinError> {
    let filter = ArticleFilter { id: Some(id.to_string()), ..ArticleFilter::default() };
    let versions: Vec<_> =
        store.articles(&filter)?.into_iter().filter(|a| a.status == ArticleStatus::Published).collect();
    Story::group(versions).pop().ok_or_else(|| {
        BulletinError::Issue(format!("{what} {}: no published article has this id", vigie_domain::text::quoted(id)))
    })
}

impl Sources {
    /// Reads everything the issue prints from one state of the database:
    /// a write meanwhile is in all of it or in none (the figures and the
    /// incidents kept to explain them agree).
    pub fn read(store: &dyn Store, issue: &Issue, regions: &Regions) -> Result<Sources, BulletinError> {
        // a read transaction: its end changes nothing, whatever the outcome
        let mut read = None;
        store.read_consistently(&mut || {
            read = Some(Sources::read_now(store, issue, regions));
            Ok(())
        })?;
        read.unwrap_or_else(|| Err(BulletinError::Issue("the sources were not read".into())))
    }

    fn read_now(store: &dyn Store, issue: &Issue, regions: &Regions) -> Result<Sources, BulletinError> {
        let month = issue.month;
        let mut month_filter = ArticleFilter::month(month);
        month_filter.status = Some(ArticleStatus::Published);
        let month_stories = Story::group(store.articles(&month_filter)?);

        let featured: Vec<Story> = if issue.featured.is_empty() {
            month_stories.iter().filter(|s| s.versions.iter().any(|v| v.featured)).cloned().collect()
        } else {
            issue.featured.iter().map(|id| story(store, id, "featured story")).collect::<Result<_, _>>()?
        };
        let editorial = issue.editorial.as_deref().map(|id| story(store, id, "editorial")).transpose()?;
        let printed = |id: &str| featured.iter().any(|s| s.id == id) || editorial.as_ref().is_some_and(|s| s.id == id);
        let others: Vec<Story> = month_stories.iter().filter(|s| !printed(&s.id)).cloned().collect();

        let year = if issue.year_review {
            let y = month.year();
            Some((vigie_report::year(store, y)?, vigie_report::timeline(store, y, None)?))
        } else {
            None
        };
        let groups = store.groups()?;
        // the months published before this issue's, revised since
        let mut revisions = vigie_report::revisions(store, &groups, regions, None)?.revised;
        revisions.retain(|r| r.month < month);
        let mut region_sources = Vec::new();
        for id in &issue.regions {
            let region = regions.get(id).ok_or_else(|| {
                BulletinError::Issue(format!(
                    "unknown region {}: use one of {}",
                    vigie_domain::text::quoted(id),
                    regions.ids()
                ))
            })?;
            let report = vigie_report::monthly(store, &groups, region, month, Counting::default())?;
            let counted = vigie_report::counted(store, region, month, Counting::default())?;
            let notes = store.notes(&NoteFilter {
                region: Some(id.clone()),
                from: Some(month),
                to: Some(month),
                country: None,
            })?;
            let revised = revisions.iter().filter(|r| r.region == *id).cloned().collect();
            let countries: Vec<CountryCode> = report.countries.iter().map(|row| row.country).collect();
            let unconfirmed = store
                .confirmations(month, &countries)?
                .into_iter()
                .filter(|state| state.status != ConfirmationStatus::Confirmed)
                .map(|state| state.country)
                .collect();
            region_sources.push(RegionSource { report, counted, revised, unconfirmed, notes });
        }
        let highlights: Vec<Story> =
            issue.highlights.iter().map(|id| story(store, id, "highlight")).collect::<Result<_, _>>()?;
        if let Some(bare) = highlights.iter().find(|s| s.versions.iter().all(|v| v.images.is_empty())) {
            return Err(BulletinError::Issue(format!(
                "highlight {}: the story has no photo",
                vigie_domain::text::quoted(&bare.id)
            )));
        }
        let sent_national_days = match issue.national_days {
            NationalDaysRule::Register => Vec::new(),
            NationalDaysRule::Sent => store.activities(&ActivityFilter {
                from: Some(month.first_day()),
                to: Some(month.last_day()),
                kinds: vec![ActivityKind::NationalDay],
                country: None,
            })?,
        };
        let mut images = BTreeMap::new();
        for story in featured.iter().chain(&editorial).chain(&others).chain(&highlights) {
            for image in story.versions.iter().flat_map(|v| &v.images) {
                if !images.contains_key(&image.hash) {
                    let bytes = store.image(&image.hash)?.ok_or_else(|| {
                        BulletinError::Issue(format!(
                            "story {:?}: image {} is not in the database",
                            story.id, image.file
                        ))
                    })?;
                    images.insert(image.hash.clone(), bytes);
                }
            }
        }
        Ok(Sources {
            issue: issue.clone(),
            featured,
            editorial,
            others,
            partners: store.partners()?,
            members: store.members()?,
            year,
            regions: region_sources,
            national_days: vigie_report::national_days(store, month)?,
            sent_national_days,
            highlights,
            groups,
            images,
        })
    }

    /// The agreements signed in the issue's month: (partner, agreement).
    pub fn agreements_of_month(&self) -> Vec<(&Partner, &vigie_domain::Agreement)> {
        self.partners
            .iter()
            .flat_map(|p| p.agreements.iter().map(move |a| (p, a)))
            .filter(|(_, a)| a.signed.is_some_and(|d| self.issue.month.contains(d)))
            .collect()
    }
}
