//! What a published issue keeps beside its files: every report model it
//! printed, as the JSON the command line writes, and the incidents behind
//! each region's table, so that a later change to the data can be told
//! cell by cell (`vigie report revisions`).

use vigie_domain::Lang;
use vigie_render::Labels;
use vigie_store::BulletinReport;

use crate::Sources;

/// The report kinds an issue keeps.
pub const MONTHLY: &str = "monthly";
pub const MONTHLY_INCIDENTS: &str = "monthly_incidents";
pub const YEAR: &str = "year";
pub const TIMELINE: &str = "timeline";
pub const NATIONAL_DAYS: &str = "national_days";

/// The report models of the issue the sources print (labels, where a
/// model carries some, in English).
pub fn reports(sources: &Sources) -> Vec<BulletinReport> {
    let labels = Labels::new(Lang::En);
    let report = |kind: &str, key: String, json: String| BulletinReport { kind: kind.to_string(), key, json };
    let mut reports = Vec::new();
    for region in &sources.regions {
        let id = region.report.region.clone();
        reports.push(report(MONTHLY, id.clone(), vigie_render::monthly::json(&region.report)));
        let incidents = serde_json::to_string_pretty(&region.counted).unwrap_or_default();
        reports.push(report(MONTHLY_INCIDENTS, id, incidents));
    }
    if let Some((year, timeline)) = &sources.year {
        let key = year.year.to_string();
        reports.push(report(YEAR, key.clone(), vigie_render::year::json(year)));
        reports.push(report(TIMELINE, key, vigie_render::timeline::json(timeline, &labels)));
    }
    let month = sources.issue.month.to_string();
    reports.push(report(NATIONAL_DAYS, month, vigie_render::national_days::json(&sources.national_days, &labels)));
    reports
}
