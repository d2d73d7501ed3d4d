//! Why a build of a bulletin issue is refused, in each language
//! (`vigie_domain::publication`).

use vigie_domain::Lang;
use vigie_domain::publication::{BuildRefusal, IssueLabel};

use crate::{catalog, month_year};

/// Why a build of a bulletin issue is refused, in `lang`
/// (`vigie_domain::publication`).
pub fn publication_refusal(lang: Lang, refusal: &BuildRefusal) -> String {
    let catalog = catalog();
    match refusal {
        BuildRefusal::Published { label } => {
            let next = IssueLabel::new(label.number, label.revision + 1);
            catalog.text_with(
                lang,
                "bulletin-refused-published",
                &[("label", label.to_string().into()), ("next", next.to_string().into())],
            )
        }
        BuildRefusal::NothingToRevise { number } => {
            catalog.text_with(lang, "bulletin-refused-nothing-to-revise", &[("number", number.to_string().into())])
        }
        BuildRefusal::EmptyReason => catalog.text(lang, "bulletin-refused-empty-reason"),
        BuildRefusal::OtherMonth { label, month } => catalog.text_with(
            lang,
            "bulletin-refused-other-month",
            &[("label", label.to_string().into()), ("month", month_year(lang, month.year(), month.number()).into())],
        ),
    }
}
