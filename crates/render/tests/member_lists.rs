//! The monthly report's membership notes list countries with the
//! language's comma: "، " in Arabic, ", " in French and English.

use std::collections::BTreeMap;

use vigie_domain::region::{FormerMembers, Member};
use vigie_domain::{Change, CountryCode, Lang, Month, Regions};
use vigie_render::Labels;
use vigie_render::monthly::notes;
use vigie_report::{MembershipUsed, MonthlyReport, Totals, UnknownCasualties};

fn report_leaving_out(countries: &[&str]) -> MonthlyReport {
    let excluded = countries
        .iter()
        .map(|code| Member { country: CountryCode::new(code).unwrap(), from: None, until: None })
        .collect();
    MonthlyReport {
        region: "g5-sahel".into(),
        month: Month::new(2023, 12).unwrap(),
        previous_month: Month::new(2023, 11).unwrap(),
        countries: vec![],
        total: Totals { operations: Change::new(0, 0), victims: Change::new(0, 0), victims_range: Default::default() },
        by_target: vec![],
        by_method: vec![],
        by_perpetrator: vec![],
        unknown_casualties: UnknownCasualties { previous: 0, current: 0 },
        include_drafts: false,
        include_state_actors: false,
        state_actors_left_out: 0,
        previous_published: None,
        explanation: None,
        membership: MembershipUsed { former_members: FormerMembers::Exclude, former: vec![], excluded },
        region_group: Regions::builtin().get("g5-sahel").unwrap().clone(),
        perpetrator_names: BTreeMap::new(),
    }
}

#[test]
fn left_out_members_are_listed_as_each_language_writes_a_list() {
    let report = report_leaving_out(&["ML", "NE", "TD"]);
    for (lang, separator, and) in [(Lang::Ar, "\u{060C} ", " و"), (Lang::Fr, ", ", " et "), (Lang::En, ", ", " and ")]
    {
        let labels = Labels::new(lang);
        let name = |code: &str| labels.country(CountryCode::new(code).unwrap());
        let expected = format!("{}{separator}{}{and}{}", name("ML"), name("NE"), name("TD"));
        let notes = notes(&report, &labels);
        assert!(notes.iter().any(|n| n.contains(&expected)), "{lang}: no {expected:?} in {notes:?}");
    }
}
