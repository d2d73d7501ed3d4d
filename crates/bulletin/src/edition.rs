//! One language's edition of an issue: every text already in that
//! language, numbers and dates formatted, charts drawn. The PDF template
//! reads it as JSON data and the HTML template as its context, so both
//! print exactly the same things; neither computes anything.

use serde::Serialize;
use vigie_domain::{Article, Change, DatePrecision, GroupRegister, Lang, Names, Story, Trend};
use vigie_i18n::{Value, capitalize};
use vigie_render::Labels;
use vigie_render::article::{Block, parse, plain};
use vigie_render::charts::monthly_charts;
use vigie_report::{MonthlyReport, RangeChange, YearReport};

use crate::fallbacks::Texts;
use crate::issue::{Figure, NationalDaysRule};

use crate::profile::Profile;
use crate::sources::{RegionSource, Sources};

#[derive(Debug, Clone, Serialize)]
pub struct Edition {
    pub lang: &'static str,
    /// `ltr` or `rtl`.
    pub dir: &'static str,
    /// The digits the edition prints: Arabic-Indic only in the Arabic
    /// edition of a profile that asks for them.
    pub digits: crate::digits::Digits,
    pub number: u32,
    /// `YYYY-MM`.
    pub month: String,
    /// "décembre 2023".
    pub month_name: String,
    pub organisation: String,
    pub short_name: String,
    /// The masthead's title ("Monthly Bulletin").
    pub publication: String,
    /// "Issue 58 · December 2023".
    pub issue_line: String,
    /// Fixed words of the layout, by name.
    pub labels: EditionLabels,
    pub editorial: Option<ArticleView>,
    /// The cover's stories, in order, told in full after the cover.
    pub featured: Vec<ArticleView>,
    /// The month's other stories.
    pub articles: Vec<ArticleView>,
    pub pages: Vec<PageView>,
    pub domains: DomainsView,
    pub agreements: AgreementsView,
    pub partners: PartnersView,
    pub year: Option<YearView>,
    pub regions: Vec<RegionView>,
    pub national_days: NationalDaysView,
    /// The texts of the data printed in another language.
    #[serde(skip)]
    pub fallbacks: Vec<crate::fallbacks::Fallback>,
}

/// The words the templates print around the data.
#[derive(Debug, Clone, Serialize)]
pub struct EditionLabels {
    pub contents: String,
    /// "Continued on page", followed by the number.
    pub continued: String,
    pub page: String,
    pub news: String,
    pub statistics: String,
    pub about: String,
    /// The footer line: publication, number.
    pub footer: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ImageView {
    /// The virtual file name (`images/HASH.EXT`).
    pub file: String,
    pub caption: String,
    /// "Photo: …", or empty.
    pub credit: String,
    pub media_type: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct ArticleView {
    pub id: String,
    /// A name for cross-references ("continued on page N").
    pub anchor: String,
    pub title: String,
    pub subtitle: String,
    pub date: String,
    /// "By …", or empty.
    pub byline: String,
    /// The author's name and title, as the editorial signs them.
    pub author: String,
    pub author_title: String,
    /// News, opinion, feature, in words.
    pub kind: String,
    pub domains: Vec<String>,
    /// The first paragraph as plain text: the cover's opening.
    pub opening: String,
    pub blocks: Vec<Block>,
    pub images: Vec<ImageView>,
    /// Said when the story has no version in the edition's language (then
    /// another language's version is printed), else empty.
    pub translation_note: String,
    /// The language of the printed version (`ar` inside a French edition
    /// when that is all there is).
    pub lang: &'static str,
    pub dir: &'static str,
    /// The direction of the title and of the subtitle by their letters
    /// ([`text_dir`]).
    pub title_dir: &'static str,
    pub subtitle_dir: &'static str,
}

/// `rtl` for a text that holds Arabic letters, else `ltr`: a title that
/// begins with a Latin acronym but is Arabic stays right to left, and a
/// Latin title keeps its punctuation at its end, in any edition.
pub fn text_dir(text: &str) -> &'static str {
    if text.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)) { "rtl" } else { "ltr" }
}

#[derive(Debug, Clone, Serialize)]
pub struct PageView {
    pub id: String,
    pub title: String,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DomainView {
    pub id: &'static str,
    pub title: String,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DomainsView {
    pub title: String,
    pub items: Vec<DomainView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AgreementView {
    pub partner: String,
    pub title: String,
    pub date: String,
    pub areas: Vec<String>,
    pub reference: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct AgreementsView {
    pub title: String,
    pub areas_label: String,
    pub items: Vec<AgreementView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PartnersView {
    pub title: String,
    /// The editor's opening text for the page, or empty.
    pub intro: String,
    pub count: usize,
    /// "14 partners".
    pub count_label: String,
    pub names: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FigureView {
    /// The activity kind's code, or `agreements`.
    pub kind: String,
    pub label: String,
    pub value: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct TimelineItemView {
    pub date: String,
    pub title: String,
    pub kind: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct TimelineMonthView {
    pub name: String,
    pub items: Vec<TimelineItemView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct YearView {
    pub title: String,
    /// The editor's opening text for the page, or empty.
    pub intro: String,
    /// The tiles of the year in numbers, in the issue's order.
    pub figures: Vec<FigureView>,
    /// The highlights panel's photos (none, or up to six).
    pub highlights: Vec<HighlightView>,
    pub timeline_title: String,
    pub months: Vec<TimelineMonthView>,
}

/// One photo of the year's highlights panel: a story's first photo.
#[derive(Debug, Clone, Serialize)]
pub struct HighlightView {
    pub image: ImageView,
    /// The story's title in the edition's language.
    pub title: String,
}

/// A figure of the statistics table with its trend against last month.
#[derive(Debug, Clone, Serialize)]
pub struct CellView {
    pub previous: String,
    pub current: String,
    /// `up`, `down` or `same`.
    pub trend: &'static str,
    /// ↑ ↓ =
    pub arrow: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct RowView {
    pub country: String,
    /// [`UNCONFIRMED_MARK`] when the member state has not confirmed the
    /// month's figures, else empty.
    pub mark: &'static str,
    pub operations: CellView,
    pub victims: CellView,
}

#[derive(Debug, Clone, Serialize)]
pub struct TableView {
    pub country: String,
    pub operations: String,
    pub victims: String,
    pub previous_month: String,
    pub current_month: String,
    pub rows: Vec<RowView>,
    pub total: RowView,
}

#[derive(Debug, Clone, Serialize)]
pub struct ChartView {
    /// The virtual file the PDF reads (`charts/ID.svg`).
    pub file: String,
    pub title: String,
    /// The SVG itself, which the HTML edition inlines.
    pub svg: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct NoteView {
    pub country: String,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct RegionView {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub table: TableView,
    pub charts: Vec<ChartView>,
    pub notes_title: String,
    pub notes: Vec<NoteView>,
    /// What was counted; membership.
    pub footnotes: Vec<String>,
    /// The region's figures of earlier months revised since an issue
    /// published them.
    pub revised: Option<RevisedView>,
}

/// One changed figure of the revised-figures box.
#[derive(Debug, Clone, Serialize)]
pub struct RevisedRowView {
    pub figure: String,
    pub published: String,
    pub current: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct RevisedMonthView {
    /// "December 2023, G5 Sahel (issue 58)".
    pub heading: String,
    pub rows: Vec<RevisedRowView>,
}

/// The "revised figures" box.
#[derive(Debug, Clone, Serialize)]
pub struct RevisedView {
    pub title: String,
    pub figure_label: String,
    pub published_label: String,
    pub current_label: String,
    pub months: Vec<RevisedMonthView>,
    pub note: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct NationalDayView {
    pub date: String,
    pub country: String,
    pub name: String,
    /// The country's flag (`flags/CODE.svg`), or empty when none is known.
    pub flag: String,
    /// The congratulations sent, when the page prints them; else empty.
    pub message: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct NationalDaysView {
    pub title: String,
    pub date_label: String,
    pub country_label: String,
    pub name_label: String,
    pub message_label: String,
    /// Which rows the page prints, in words ("from the member register").
    pub rule: String,
    pub rows: Vec<NationalDayView>,
    /// Said when no national day falls in the month, else empty.
    pub empty: String,
    /// 29 February kept on the 28th.
    pub footnotes: Vec<String>,
}

fn dir(lang: Lang) -> &'static str {
    if lang.is_rtl() { "rtl" } else { "ltr" }
}

/// The version a reader of `lang` gets, and the note that says when it is
/// in another language.
fn article(story: &Story, labels: &Labels, texts: &Texts) -> Option<ArticleView> {
    let lang = labels.lang;
    let version: &Article = story.preferred(lang)?;
    let translation_note = if version.lang == lang {
        String::new()
    } else {
        texts.record(Some(version.lang), format!("story {}", story.id));
        labels.text_with(
            "bulletin-translation-missing",
            &[
                ("missing", Value::from(labels.text(&format!("lang-{}", lang.code())))),
                ("printed", Value::from(labels.text(&format!("lang-{}", version.lang.code())))),
            ],
        )
    };
    let blocks = parse(&version.body);
    let opening = blocks
        .iter()
        .find_map(|b| match b {
            Block::Paragraph { content } => Some(plain(content)),
            _ => None,
        })
        .unwrap_or_default();
    Some(ArticleView {
        id: story.id.clone(),
        anchor: format!("story-{}", story.id),
        title: version.title.clone(),
        subtitle: version.subtitle.clone(),
        date: labels.date(version.date),
        byline: if version.author.is_empty() {
            String::new()
        } else {
            labels.text_with("bulletin-byline", &[("author", Value::from(isolated(&version.author)))])
        },
        author: version.author.clone(),
        author_title: version.author_title.clone(),
        kind: labels.text(&format!("article-kind-{}", version.kind.code())),
        domains: version.domains.iter().map(|d| labels.text(&format!("domain-{}", d.code()))).collect(),
        opening,
        blocks,
        images: version
            .images
            .iter()
            .map(|image| ImageView {
                file: image_file(&image.hash, image.media_type),
                caption: image.caption.clone(),
                credit: image.credit.clone(),
                media_type: image.media_type.mime(),
            })
            .collect(),
        translation_note,
        lang: version.lang.code(),
        dir: dir(version.lang),
        title_dir: text_dir(&version.title),
        subtitle_dir: text_dir(&version.subtitle),
    })
}

/// A name typed by someone, isolated (FIRST STRONG ISOLATE … POP
/// DIRECTIONAL ISOLATE) inside a sentence of the catalogue: "بقلم Reuters."
/// keeps the full stop after "Reuters". Both editions honour the isolates.
fn isolated(name: &str) -> String {
    format!("\u{2068}{name}\u{2069}")
}

/// The virtual file of an image: its hash and the extension of its type.
pub fn image_file(hash: &str, media_type: vigie_domain::MediaType) -> String {
    let extension = match media_type {
        vigie_domain::MediaType::Png => "png",
        vigie_domain::MediaType::Jpeg => "jpg",
        vigie_domain::MediaType::Svg => "svg",
    };
    format!("images/{hash}.{extension}")
}

/// A cell of the table: its two months' figures, with their low–high
/// ranges when the issue prints them (`Issue::casualty_ranges`).
fn cell(change: &Change, range: RangeChange, labels: &Labels) -> CellView {
    let trend = match change.trend {
        Trend::Up => "up",
        Trend::Down => "down",
        Trend::Same => "same",
    };
    CellView {
        previous: labels.victims(change.previous, range.previous),
        current: labels.victims(change.current, range.current),
        trend,
        arrow: change.trend.arrow(),
    }
}

/// The mark of a row whose figures the member state has not confirmed.
pub const UNCONFIRMED_MARK: &str = "†";

fn table(
    report: &MonthlyReport,
    unconfirmed: &[vigie_domain::CountryCode],
    ranges: bool,
    labels: &Labels,
) -> TableView {
    let shown = |range: &RangeChange| if ranges { *range } else { RangeChange::default() };
    TableView {
        country: labels.text("report-col-country"),
        operations: labels.text("report-col-operations"),
        victims: labels.text("report-col-victims"),
        previous_month: labels.month(report.previous_month),
        current_month: labels.month(report.month),
        rows: report
            .countries
            .iter()
            .map(|row| RowView {
                country: labels.country(row.country),
                mark: if unconfirmed.contains(&row.country) { UNCONFIRMED_MARK } else { "" },
                operations: cell(&row.operations, RangeChange::default(), labels),
                victims: cell(&row.victims, shown(&row.victims_range), labels),
            })
            .collect(),
        total: RowView {
            country: labels.text("report-total"),
            mark: "",
            operations: cell(&report.total.operations, RangeChange::default(), labels),
            victims: cell(&report.total.victims, shown(&report.total.victims_range), labels),
        },
    }
}

fn region(source: &RegionSource, groups: &GroupRegister, ranges: bool, labels: &Labels, texts: &Texts) -> RegionView {
    let report = &source.report;
    // the perpetrators' names the charts and breakdowns print
    for (id, names) in &report.perpetrator_names {
        let name = texts.pick(names, || format!("group {id}: name"));
        // an import copies the name it met into every language: an Arabic
        // name without an Arabic letter is that copy
        let latin = !name.chars().any(vigie_domain::text::is_arabic_letter);
        if labels.lang == Lang::Ar && !names.ar.is_empty() && latin {
            let used = if names.ar == names.fr && names.ar != names.en { Lang::Fr } else { Lang::En };
            texts.record(Some(used), format!("group {id}: name"));
        }
    }
    let charts = monthly_charts(report, labels)
        .into_iter()
        .map(|chart| ChartView {
            file: format!("charts/{}.{}.svg", chart.id, labels.lang.code()),
            title: chart.title.clone(),
            svg: chart.svg(),
        })
        .collect();
    // the notes in the table's order
    let mut notes: Vec<NoteView> = Vec::new();
    for row in &report.countries {
        if let Some(note) = source.notes.iter().find(|n| n.country == row.country) {
            notes.push(NoteView {
                country: labels.country(note.country),
                text: texts
                    .pick(&note.text, || format!("note {} {}", report.region, labels.country(note.country)))
                    .into(),
            });
        }
    }
    RegionView {
        id: report.region.clone(),
        title: vigie_render::monthly::title(report, labels),
        summary: vigie_render::monthly::summary(report, labels),
        table: table(report, &source.unconfirmed, ranges, labels),
        charts,
        notes_title: labels.text("bulletin-notes-title"),
        notes,
        footnotes: footnotes(source, ranges, labels),
        revised: revised(source, groups, labels),
    }
}

/// What was counted, then the mark of unconfirmed figures when a row has it.
fn footnotes(source: &RegionSource, ranges: bool, labels: &Labels) -> Vec<String> {
    let mut notes = vigie_render::monthly::notes_of(&source.report, labels, ranges);
    if source.report.countries.iter().any(|row| source.unconfirmed.contains(&row.country)) {
        notes.push(labels.text_with("confirm-footnote", &[("mark", UNCONFIRMED_MARK.into())]));
    }
    notes
}

fn revised(source: &RegionSource, groups: &GroupRegister, labels: &Labels) -> Option<RevisedView> {
    if source.revised.is_empty() {
        return None;
    }
    let months = source
        .revised
        .iter()
        .map(|month| RevisedMonthView {
            heading: vigie_render::revisions::heading(month, labels),
            rows: vigie_render::revisions::lines(month, labels, groups)
                .into_iter()
                .map(|line| RevisedRowView { figure: line.figure, published: line.published, current: line.current })
                .collect(),
        })
        .collect();
    Some(RevisedView {
        title: labels.text("revisions-title"),
        figure_label: labels.text("revisions-col-figure"),
        published_label: labels.text("revisions-col-published"),
        current_label: labels.text("revisions-col-current"),
        months,
        note: labels.text("revisions-box-note"),
    })
}

/// The number a figure of the year in numbers counts.
fn figure_value(report: &YearReport, figure: Figure) -> u64 {
    match figure {
        Figure::Activities(kind) => report.count(kind),
        Figure::AgreementsSigned => report.agreements_signed,
        Figure::Partnerships => report.agreements_total,
    }
}

/// The catalogue's words for a figure, agreed with its number.
fn figure_label(report: &YearReport, figure: Figure, labels: &Labels) -> String {
    let count = Value::from(figure_value(report, figure));
    match figure {
        Figure::Activities(kind) => labels.text_with(&format!("activity-kind-{}", kind.code()), &[("count", count)]),
        Figure::AgreementsSigned => labels
            .text_with("year-agreements-signed", &[("count", count), ("year", Value::from(report.year.to_string()))]),
        Figure::Partnerships => labels.text_with("bulletin-partnerships", &[("count", count)]),
    }
}

/// The tiles the issue names, with the editor's labels; else every kind of
/// activity the year counts, then the partnerships.
fn tiles(sources: &Sources, report: &YearReport, labels: &Labels, texts: &Texts) -> Vec<FigureView> {
    let chosen: Vec<(Figure, Option<&Names>)> = if sources.issue.tiles.is_empty() {
        let mut figures: Vec<(Figure, Option<&Names>)> = vigie_render::year::kind_order()
            .into_iter()
            .filter(|kind| report.count(*kind) > 0)
            .map(|kind| (Figure::Activities(kind), None))
            .collect();
        figures.push((Figure::Partnerships, None));
        figures
    } else {
        sources.issue.tiles.iter().map(|tile| (tile.figure, Some(&tile.label))).collect()
    };
    chosen
        .into_iter()
        .map(|(figure, label)| {
            let given = label.filter(|names| Lang::ALL.iter().any(|&lang| !names.get(lang).is_empty()));
            FigureView {
                kind: figure.code().to_string(),
                label: match given {
                    Some(names) => texts.pick(names, || format!("tile {}: label", figure.code())).to_string(),
                    None => figure_label(report, figure, labels),
                },
                value: labels.number(figure_value(report, figure)),
            }
        })
        .collect()
}

/// The first photo of each highlighted story, in the edition's language
/// when that version has one.
fn highlights(sources: &Sources, labels: &Labels, texts: &Texts) -> Vec<HighlightView> {
    sources
        .highlights
        .iter()
        .filter_map(|story| {
            let version = story.preferred(labels.lang)?;
            let (version, image) = match version.images.first() {
                Some(image) => (version, image),
                None => story.versions.iter().find_map(|v| v.images.first().map(|i| (v, i)))?,
            };
            if version.lang != labels.lang {
                texts.record(Some(version.lang), format!("highlight {}: caption", story.id));
            }
            Some(HighlightView {
                image: ImageView {
                    file: image_file(&image.hash, image.media_type),
                    caption: image.caption.clone(),
                    credit: image.credit.clone(),
                    media_type: image.media_type.mime(),
                },
                title: version.title.clone(),
            })
        })
        .collect()
}

fn year(sources: &Sources, labels: &Labels, texts: &Texts) -> Option<YearView> {
    let (report, timeline) = sources.year.as_ref()?;
    let figures = tiles(sources, report, labels, texts);
    let months = timeline
        .months
        .iter()
        .map(|month| TimelineMonthView {
            name: capitalize(&labels.month(month.month)),
            items: month
                .items
                .iter()
                .map(|activity| TimelineItemView {
                    date: match activity.date_precision {
                        DatePrecision::Day => labels.date(activity.date),
                        _ => String::new(),
                    },
                    title: texts.pick(&activity.title, || format!("activity {}: title", activity.id)).to_string(),
                    kind: activity.kind.code(),
                })
                .collect(),
        })
        .collect();
    Some(YearView {
        title: vigie_render::year::title(report, labels),
        intro: intro(&sources.issue.year_intro, "year page: intro", texts),
        figures,
        highlights: highlights(sources, labels, texts),
        timeline_title: vigie_render::timeline::title(timeline, labels),
        months,
    })
}

/// The flag's virtual file of a country, when the set has one.
pub fn flag_file(country: vigie_domain::CountryCode) -> Option<String> {
    vigie_render::flags::svg(country).map(|_| format!("flags/{}.svg", country.as_str().to_ascii_lowercase()))
}

/// The national days page, by the issue's rule: the member register's days
/// of the month, or the congratulations the coalition sent (its
/// `national_day` activities), each with its message.
fn national_days_view(sources: &Sources, labels: &Labels, texts: &Texts) -> NationalDaysView {
    let month = sources.issue.month;
    let report = &sources.national_days;
    let flag = |country| flag_file(country).unwrap_or_default();
    let (rows, footnotes) = match sources.issue.national_days {
        NationalDaysRule::Register => (
            report
                .entries
                .iter()
                .map(|entry| NationalDayView {
                    date: labels.date(entry.date),
                    country: labels.country(entry.country),
                    name: texts
                        .pick(&entry.national_day.name, || format!("national day of {}", entry.country))
                        .to_string(),
                    flag: flag(entry.country),
                    message: String::new(),
                })
                .collect::<Vec<_>>(),
            vigie_render::national_days::notes(report, labels),
        ),
        NationalDaysRule::Sent => (
            sources
                .sent_national_days
                .iter()
                .map(|activity| {
                    // the day's name as the member register gives it, else the activity's title
                    let registered = activity.counterpart_country.and_then(|country| {
                        let member = sources.members.iter().find(|m| m.country == country)?;
                        let days = &member.national_days;
                        days.iter()
                            .find(|d| d.month == activity.date.month() && d.day == activity.date.day())
                            .or(days.first())
                    });
                    let name = match registered {
                        Some(day) => texts.pick(&day.name, || format!("national day of {}", day_country(activity))),
                        None => texts.pick(&activity.title, || format!("activity {}: title", activity.id)),
                    };
                    NationalDayView {
                        date: labels.date(activity.date),
                        country: activity.counterpart_country.map(|c| labels.country(c)).unwrap_or_default(),
                        name: name.to_string(),
                        flag: activity.counterpart_country.map(flag).unwrap_or_default(),
                        message: texts
                            .pick(&activity.description, || format!("activity {}: description", activity.id))
                            .to_string(),
                    }
                })
                .collect(),
            Vec::new(),
        ),
    };
    let (rule_id, none_id) = match sources.issue.national_days {
        NationalDaysRule::Register => ("national-days-rule-register", "national-days-none"),
        NationalDaysRule::Sent => ("national-days-rule-sent", "national-days-none-sent"),
    };
    let month_name = Value::from(labels.month(month));
    NationalDaysView {
        title: vigie_render::national_days::title(report, labels),
        date_label: labels.text("national-days-col-date"),
        country_label: labels.text("national-days-col-country"),
        name_label: labels.text("national-days-col-name"),
        message_label: labels.text("national-days-col-message"),
        rule: labels.text_with(rule_id, &[("month", month_name.clone())]),
        empty: if rows.is_empty() { labels.text_with(none_id, &[("month", month_name)]) } else { String::new() },
        rows,
        footnotes,
    }
}

fn day_country(activity: &vigie_domain::Activity) -> String {
    activity.counterpart_country.map(|c| c.to_string()).unwrap_or_default()
}

/// An opening text the editor wrote, in the edition's language (empty when
/// the editor wrote none).
fn intro(text: &Names, what: &str, texts: &Texts) -> String {
    if Lang::ALL.iter().all(|&lang| text.get(lang).is_empty()) {
        return String::new();
    }
    texts.pick(text, || what.to_string()).to_string()
}

impl Edition {
    pub fn new(sources: &Sources, profile: &Profile, lang: Lang) -> Edition {
        let labels = Labels::new(lang);
        let issue = &sources.issue;
        let month_name = labels.month(issue.month);
        let publication = profile.publication.get(lang).to_string();
        let number = Value::from(issue.number.to_string());
        let texts = Texts::new(lang);
        let stories = |list: &[Story]| list.iter().filter_map(|s| article(s, &labels, &texts)).collect::<Vec<_>>();
        let agreements = sources
            .agreements_of_month()
            .into_iter()
            .map(|(partner, agreement)| {
                let what = |field: &str| format!("agreement {} {}: {field}", partner.id, agreement.signed_text());
                AgreementView {
                    partner: texts.pick(&partner.name, || format!("partner {}: name", partner.id)).to_string(),
                    title: texts.pick(&agreement.title, || what("title")).to_string(),
                    date: agreement.signed.map(|d| labels.date(d)).unwrap_or_default(),
                    areas: agreement
                        .areas
                        .iter()
                        .enumerate()
                        .map(|(i, area)| texts.pick(area, || what(&format!("area {}", i + 1))).to_string())
                        .collect(),
                    reference: agreement.reference.clone(),
                }
            })
            .collect();
        let partners = &sources.partners;
        let mut edition = Edition {
            lang: lang.code(),
            dir: dir(lang),
            digits: if lang == Lang::Ar { profile.digits } else { crate::digits::Digits::Western },
            number: issue.number,
            month: issue.month.to_string(),
            month_name: month_name.clone(),
            organisation: profile.name.get(lang).to_string(),
            short_name: profile.short_name.get(lang).to_string(),
            publication: publication.clone(),
            issue_line: labels.text_with(
                "bulletin-issue-line",
                &[("number", number.clone()), ("month", Value::from(month_name.clone()))],
            ),
            labels: EditionLabels {
                contents: labels.text("bulletin-contents"),
                continued: labels.text("bulletin-continued"),
                page: labels.text("bulletin-page"),
                news: labels.text("bulletin-news"),
                statistics: labels.text("bulletin-statistics"),
                about: labels.text_with(
                    "bulletin-about",
                    &[("organisation", Value::from(profile.short_name.get(lang).to_string()))],
                ),
                footer: labels.text_with(
                    "bulletin-footer",
                    &[
                        ("publication", Value::from(publication)),
                        ("number", number),
                        ("month", Value::from(month_name)),
                    ],
                ),
            },
            editorial: sources.editorial.as_ref().and_then(|s| article(s, &labels, &texts)),
            featured: stories(&sources.featured),
            articles: stories(&sources.others),
            pages: if issue.standing_pages {
                profile
                    .pages
                    .iter()
                    .map(|page| PageView {
                        id: page.id.clone(),
                        title: page.title.get(lang).to_string(),
                        blocks: parse(page.body.get(lang)),
                    })
                    .collect()
            } else {
                Vec::new()
            },
            domains: DomainsView {
                title: profile.domains_title.get(lang).to_string(),
                items: if issue.standing_pages {
                    profile
                        .domains
                        .iter()
                        .filter_map(|d| vigie_domain::Domain::parse(&d.domain).map(|code| (code, d)))
                        .map(|(code, d)| DomainView {
                            id: code.code(),
                            title: labels.text(&format!("domain-{}", code.code())),
                            blocks: parse(d.body.get(lang)),
                        })
                        .collect()
                } else {
                    Vec::new()
                },
            },
            agreements: AgreementsView {
                title: labels
                    .text_with("bulletin-agreements-title", &[("month", Value::from(labels.month(issue.month)))]),
                areas_label: labels.text("bulletin-agreements-areas"),
                items: agreements,
            },
            partners: PartnersView {
                title: labels.text("bulletin-partners-title"),
                intro: intro(&issue.partners_intro, "partners page: intro", &texts),
                count: partners.len(),
                count_label: labels.text_with("bulletin-partners-count", &[("count", Value::from(partners.len()))]),
                names: partners
                    .iter()
                    .map(|p| texts.pick(&p.name, || format!("partner {}: name", p.id)).to_string())
                    .collect(),
            },
            year: year(sources, &labels, &texts),
            regions: sources
                .regions
                .iter()
                .map(|r| region(r, &sources.groups, sources.issue.casualty_ranges, &labels, &texts))
                .collect(),
            national_days: national_days_view(sources, &labels, &texts),
            fallbacks: Vec::new(),
        };
        edition.fallbacks = texts.into_fallbacks();
        edition
    }
}
