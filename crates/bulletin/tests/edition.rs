//! What an `Edition` holds, at the crate's boundary: a real SQLite store
//! filled through the importers (incidents, members, notes, articles), an
//! issue read with `Sources::read`, then `Edition::new` in each language,
//! rendered compactly as text and compared with the expected text. No PDF
//! or HTML is printed: both print this model and compute nothing.
//!
//! `UPDATE_EXPECT=1 cargo test -p vigie-bulletin --test edition` writes
//! what the code gives into the expectations.

use expect_test::{Expect, expect};
use std::fmt::Write;
use std::io::Cursor;

use jiff::civil::date;
use vigie_bulletin::edition::{CellView, RowView};
use vigie_bulletin::{Edition, Issue, Profile, Sources};
use vigie_domain::{Lang, Regions};
use vigie_ingest::{Options, Source};
use vigie_store::Store;

/// The data of the store, one file per register.
struct Data<'a> {
    incidents: &'a str,
    members: &'a str,
    notes: &'a str,
    /// Partners, then their agreements.
    partners: [&'a str; 2],
    /// Article files: (file name, Markdown with front matter).
    articles: &'a [(&'a str, &'a str)],
}

const INCIDENTS: &str = "\
id,date,country,perpetrator,target,method,killed,wounded,status
f1,2024-02-10,BF,jnim,military,ambush,10,5,verified
f2,2024-02-12,ML,jnim,civilians,armed_assault,3,,verified
m1,2024-03-01,BF,jnim,military,ambush,20,10,verified
m2,2024-03-31,NE,is-sahel,security,explosive,1,1,verified
m3,2024-03-15,TD,boko-haram,civilians,kidnapping,0,0,verified
m4,2024-03-16,TD,boko-haram,civilians,kidnapping,9,9,draft
";

const MEMBERS: &str = "\
country,joined,national_day,name_fr,name_en,name_ar,representative_title
SN,2015-12-15,04-04,Fête de l'indépendance,Independence Day,عيد الاستقلال,
PK,2015-12-15,03-23,Journée du Pakistan,Pakistan Day,يوم باكستان,
TD,2015-12-15,08-11,Fête de l'indépendance,Independence Day,عيد الاستقلال,
";

const NOTES: &str = "\
region,month,country,text_fr,text_en,text_ar
g5-sahel,2024-03,TD,Le Tchad renforce sa frontière.,Chad reinforces its border.,
g5-sahel,2024-03,BF,,Burkina Faso holds talks.,
";

/// A story in English only, featured, and one in French and English.
const ARTICLES: &[(&str, &str)] = &[
    (
        "visit.en.md",
        "---\nid: visit\nlang: en\ndate: 2024-03-05\ntitle: A visit to Riyadh\nauthor: Press office\n\
         status: published\nfeatured: true\n---\nThe delegation **arrived** on 4 March.\n\nSecond paragraph.\n",
    ),
    (
        "forum.fr.md",
        "---\nid: forum\nlang: fr\ndate: 2024-03-20\ntitle: Un forum à Dakar\nstatus: published\n---\nLe forum s'est ouvert.\n",
    ),
    (
        "forum.en.md",
        "---\nid: forum\nlang: en\ndate: 2024-03-20\ntitle: A forum in Dakar\nstatus: published\n---\nThe forum opened.\n",
    ),
];

const PARTNERS: [&str; 2] = [
    "id,name_fr,name_en,name_ar,scope,kind\n\
     nauss,Université arabe Nayef,Naif Arab University,جامعة نايف العربية,regional,university\n\
     oic,,Organisation of Islamic Cooperation,,international,international organisation\n",
    "partner,title_fr,title_en,title_ar,signed,areas,reference\n\
     nauss,Accord de formation,Training agreement,,2024-03-12,training ; research,REF/24/1\n\
     oic,,Memorandum,,2023-12-27,exchange of experience,\n",
];

const DATA: Data =
    Data { incidents: INCIDENTS, members: MEMBERS, notes: NOTES, partners: PARTNERS, articles: ARTICLES };

fn source(name: &str, text: &str) -> Source {
    Source { name: name.into(), input: Box::new(Cursor::new(text.as_bytes().to_vec())), size: None, format: None }
}

/// A store in a temporary folder holding `data`.
fn store(data: &Data) -> (tempfile::TempDir, Box<dyn Store>) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = vigie_store::open(dir.path().join("vigie.db").to_str().unwrap()).unwrap();
    let options = Options::new(date(2030, 1, 1));
    let regions = Regions::builtin();
    let [partners, agreements] = data.partners;
    let summaries = [
        vigie_ingest::import(store.as_mut(), vec![source("incidents.csv", data.incidents)], &options).unwrap(),
        vigie_ingest::import_members(store.as_mut(), vec![source("members.csv", data.members)], &options).unwrap(),
        vigie_ingest::import_notes(store.as_mut(), vec![source("notes.csv", data.notes)], &options, &regions).unwrap(),
        vigie_ingest::import_partners(
            store.as_mut(),
            vec![source("partners.csv", partners), source("agreements.csv", agreements)],
            &options,
        )
        .unwrap(),
    ];
    let folder = dir.path().join("articles");
    std::fs::create_dir(&folder).unwrap();
    for (name, text) in data.articles {
        std::fs::write(folder.join(name), text).unwrap();
    }
    let articles = vigie_ingest::import_articles(store.as_mut(), &folder, &options).unwrap();
    for summary in summaries.iter().chain([&articles]) {
        assert!(summary.written, "{:?}", summary.problems);
    }
    (dir, store)
}

/// The editions of `issue` (an issue file) in `langs`, against `expect`.
#[track_caller]
fn check(data: &Data, issue: &str, langs: &[Lang], expect: Expect) {
    let (_dir, store) = store(data);
    let issue = Issue::from_toml(issue, "issue.toml").unwrap();
    let sources = Sources::read(store.as_ref(), &issue, &Regions::builtin()).unwrap();
    let profile = Profile::demo();
    let actual: String = langs.iter().map(|&lang| render(&Edition::new(&sources, &profile, lang))).collect();
    expect.assert_eq(&actual);
}

fn cell(cell: &CellView) -> String {
    format!("{} {} {}", cell.previous, cell.arrow, cell.current)
}

fn row(row: &RowView) -> String {
    format!("{}{}: {} | {}", row.country, row.mark, cell(&row.operations), cell(&row.victims))
}

fn render(edition: &Edition) -> String {
    let mut text = String::new();
    // a name isolated from the text around it shows its marks
    let mut line = |line: String| {
        let line = line.replace('\u{2068}', "<FSI>").replace('\u{2069}', "<PDI>");
        writeln!(text, "{}", line.trim_end()).unwrap()
    };
    line(format!("[{} {}] {} · {}", edition.lang, edition.dir, edition.publication, edition.issue_line));
    line(format!("footer: {}", edition.labels.footer));
    for (what, stories) in [("featured", &edition.featured), ("article", &edition.articles)] {
        for story in stories {
            line(format!("{what}: {} [{}] {} · {} · {}", story.id, story.lang, story.title, story.date, story.byline));
            line(format!("  opening: {}", story.opening));
            if !story.translation_note.is_empty() {
                line(format!("  note: {}", story.translation_note));
            }
        }
    }
    for region in &edition.regions {
        line(format!("region {}: {}", region.id, region.title));
        line(format!("  {}", region.summary));
        let table = &region.table;
        line(format!(
            "  {}: {} | {} ({} → {})",
            table.country, table.operations, table.victims, table.previous_month, table.current_month
        ));
        for r in table.rows.iter().chain([&table.total]) {
            line(format!("  {}", row(r)));
        }
        let charts: Vec<&str> = region.charts.iter().map(|c| c.file.as_str()).collect();
        line(format!("  charts: {}", charts.join(", ")));
        for note in &region.notes {
            line(format!("  {}: {}: {}", region.notes_title, note.country, note.text));
        }
        for footnote in &region.footnotes {
            line(format!("  * {footnote}"));
        }
    }
    let days = &edition.national_days;
    line(format!("{}{}", days.title, if days.empty.is_empty() { String::new() } else { format!(": {}", days.empty) }));
    for day in &days.rows {
        line(format!("  {} · {} · {}", day.date, day.country, day.name));
    }
    line(format!(
        "{}: {}: {}",
        edition.partners.title,
        edition.partners.count_label,
        edition.partners.names.join(", ")
    ));
    for agreement in &edition.agreements.items {
        line(format!(
            "{}: {} · {} · {} · {} ({}: {})",
            edition.agreements.title,
            agreement.partner,
            agreement.title,
            agreement.date,
            agreement.reference,
            edition.agreements.areas_label,
            agreement.areas.join(", ")
        ));
    }
    if let Some(year) = &edition.year {
        let figures: Vec<String> = year.figures.iter().map(|f| format!("{} {}", f.value, f.label)).collect();
        line(format!("{}: {}", year.title, figures.join(", ")));
    }
    line(format!("pages: {}, domains: {}", edition.pages.len(), edition.domains.items.len()));
    text
}

#[test]
fn a_march_issue_in_french_and_english() {
    check(
        &DATA,
        "number = 61\nmonth = \"2024-03\"\n",
        &[Lang::Fr, Lang::En],
        expect![[r#"
            [fr ltr] Bulletin mensuel · Numéro 61 · mars 2024
            footer: Bulletin mensuel · Numéro 61 · mars 2024
            featured: visit [en] A visit to Riyadh · 5 mars 2024 · Par <FSI>Press office<PDI>
              opening: The delegation arrived on 4 March.
              note: Cet article n'existe pas encore en français ; la version en anglais est publiée.
            article: forum [fr] Un forum à Dakar · 20 mars 2024 ·
              opening: Le forum s'est ouvert.
            region g5-sahel: Le terrorisme dans le G5 Sahel en mars 2024
              Au cours du mois de mars 2024, le G5 Sahel a connu une hausse des opérations terroristes (50 %) et une hausse du nombre de morts et de blessés (78 %) par rapport à février 2024.
              Pays: Opérations terroristes | Victimes (morts et blessés) (février 2024 → mars 2024)
              Burkina Faso†: 1 = 1 | 15 ↑ 30
              Mali†: 1 ↓ 0 | 3 ↓ 0
              Niger†: 0 ↑ 1 | 0 ↑ 2
              Tchad†: 0 ↑ 1 | 0 = 0
              Mauritanie†: 0 = 0 | 0 = 0
              Total: 2 ↑ 3 | 18 ↑ 32
              charts: charts/g5-sahel-2024-03-targets.fr.svg, charts/g5-sahel-2024-03-perpetrators.fr.svg, charts/g5-sahel-2024-03-methods.fr.svg
              Les principaux développements politiques et sécuritaires: Burkina Faso: Burkina Faso holds talks.
              Les principaux développements politiques et sécuritaires: Tchad: Le Tchad renforce sa frontière.
              * Incidents vérifiés uniquement.
              * Une opération de février 2024 a un bilan inconnu (compté comme 0).
              * Anciens membres inclus, comme le groupe les présente : Burkina Faso (jusqu'au 2 décembre 2023), Mali (jusqu'au 15 mai 2022) et Niger (jusqu'au 2 décembre 2023).
              * † Chiffres pas encore confirmés par l’État membre.
            Fêtes nationales des États membres en mars 2024
              23 mars 2024 · Pakistan · Journée du Pakistan
            Nos partenaires: 2 partenaires: Université arabe Nayef, Organisation of Islamic Cooperation
            Accords signés en mars 2024: Université arabe Nayef · Accord de formation · 12 mars 2024 · REF/24/1 (Domaines de coopération: training, research)
            pages: 2, domains: 4
            [en ltr] Monthly Bulletin · Issue 61 · March 2024
            footer: Monthly Bulletin · Issue 61 · March 2024
            featured: visit [en] A visit to Riyadh · 5 March 2024 · By <FSI>Press office<PDI>
              opening: The delegation arrived on 4 March.
            article: forum [en] A forum in Dakar · 20 March 2024 ·
              opening: The forum opened.
            region g5-sahel: Terrorism in the G5 Sahel in March 2024
              In March 2024, the G5 Sahel saw a rise in terrorist operations (50%) and a rise in the number of people killed and wounded (78%) compared with February 2024.
              Country: Terrorist operations | Victims (killed and wounded) (February 2024 → March 2024)
              Burkina Faso†: 1 = 1 | 15 ↑ 30
              Mali†: 1 ↓ 0 | 3 ↓ 0
              Niger†: 0 ↑ 1 | 0 ↑ 2
              Chad†: 0 ↑ 1 | 0 = 0
              Mauritania†: 0 = 0 | 0 = 0
              Total: 2 ↑ 3 | 18 ↑ 32
              charts: charts/g5-sahel-2024-03-targets.en.svg, charts/g5-sahel-2024-03-perpetrators.en.svg, charts/g5-sahel-2024-03-methods.en.svg
              The most important political and security developments: Burkina Faso: Burkina Faso holds talks.
              The most important political and security developments: Chad: Chad reinforces its border.
              * Verified incidents only.
              * One incident of February 2024 has unknown casualty figures (counted as 0).
              * Former members included as the group reports them: Burkina Faso (until 2 December 2023), Mali (until 15 May 2022) and Niger (until 2 December 2023).
              * † Figures not yet confirmed by the member state.
            National days of the member states in March 2024
              23 March 2024 · Pakistan · Pakistan Day
            Our partners: 2 partners: Naif Arab University, Organisation of Islamic Cooperation
            Agreements signed in March 2024: Naif Arab University · Training agreement · 12 March 2024 · REF/24/1 (Areas of cooperation: training, research)
            pages: 2, domains: 4
        "#]],
    );
}

#[test]
fn arabic_is_right_to_left_with_western_digits() {
    check(
        &DATA,
        "number = 61\nmonth = \"2024-03\"\nstanding_pages = false\n",
        &[Lang::Ar],
        expect![[r#"
            [ar rtl] النشرة الشهرية · العدد 61 · مارس 2024
            footer: النشرة الشهرية · العدد 61 · مارس 2024
            featured: visit [en] A visit to Riyadh · 5 مارس 2024 · بقلم <FSI>Press office<PDI>
              opening: The delegation arrived on 4 March.
              note: لا تتوفر لهذه المادة نسخة العربية بعد؛ تُنشر النسخة الإنجليزية.
            article: forum [en] A forum in Dakar · 20 مارس 2024 ·
              opening: The forum opened.
              note: لا تتوفر لهذه المادة نسخة العربية بعد؛ تُنشر النسخة الإنجليزية.
            region g5-sahel: الإرهاب في مجموعة دول الساحل الخمس خلال شهر مارس 2024
              خلال شهر مارس 2024، سُجِّل في مجموعة دول الساحل الخمس ارتفاع في العمليات الإرهابية (50%) وارتفاع في عدد القتلى والجرحى (78%) مقارنة بشهر فبراير 2024.
              الدولة: العمليات الإرهابية | الضحايا (القتلى والجرحى) (فبراير 2024 → مارس 2024)
              بوركينا فاسو†: 1 = 1 | 15 ↑ 30
              مالي†: 1 ↓ 0 | 3 ↓ 0
              النيجر†: 0 ↑ 1 | 0 ↑ 2
              تشاد†: 0 ↑ 1 | 0 = 0
              موريتانيا†: 0 = 0 | 0 = 0
              المجموع: 2 ↑ 3 | 18 ↑ 32
              charts: charts/g5-sahel-2024-03-targets.ar.svg, charts/g5-sahel-2024-03-perpetrators.ar.svg, charts/g5-sahel-2024-03-methods.ar.svg
              أبرز التطورات السياسية والأمنية: بوركينا فاسو: Burkina Faso holds talks.
              أبرز التطورات السياسية والأمنية: تشاد: Chad reinforces its border.
              * الحوادث الموثّقة فقط.
              * عملية واحدة في فبراير 2024 حصيلتها غير معروفة (احتُسبت صفراً).
              * يشمل الجدول أعضاء سابقين كما تعرضهم المجموعة: بوركينا فاسو (حتى 2 ديسمبر 2023)، مالي (حتى 15 مايو 2022) والنيجر (حتى 2 ديسمبر 2023).
              * † أرقام لم تؤكدها الدولة العضو بعد.
            الأعياد الوطنية للدول الأعضاء في مارس 2024
              23 مارس 2024 · باكستان · يوم باكستان
            شركاؤنا: شريكان: جامعة نايف العربية, Organisation of Islamic Cooperation
            الاتفاقيات الموقعة في مارس 2024: جامعة نايف العربية · Training agreement · 12 مارس 2024 · REF/24/1 (مجالات التعاون: training, research)
            pages: 0, domains: 0
        "#]],
    );
}

/// December reviews the year; an issue names its featured stories and
/// regions; a month without national days says so.
#[test]
fn a_december_issue_reviews_the_year() {
    let issue = "number = 58\nmonth = \"2023-12\"\nregions = [\"lake-chad\"]\nfeatured = [\"forum\"]\n";
    check(
        &DATA,
        issue,
        &[Lang::En],
        expect![[r#"
            [en ltr] Monthly Bulletin · Issue 58 · December 2023
            footer: Monthly Bulletin · Issue 58 · December 2023
            featured: forum [en] A forum in Dakar · 20 March 2024 ·
              opening: The forum opened.
            region lake-chad: Terrorism in the Lake Chad basin in December 2023
              In December 2023, the Lake Chad basin saw no terrorist operations and no one killed or wounded compared with November 2023.
              Country: Terrorist operations | Victims (killed and wounded) (November 2023 → December 2023)
              Nigeria†: 0 = 0 | 0 = 0
              Niger†: 0 = 0 | 0 = 0
              Chad†: 0 = 0 | 0 = 0
              Cameroon†: 0 = 0 | 0 = 0
              Total: 0 = 0 | 0 = 0
              charts: charts/lake-chad-2023-12-targets.en.svg, charts/lake-chad-2023-12-perpetrators.en.svg, charts/lake-chad-2023-12-methods.en.svg
              * Verified incidents only.
              * † Figures not yet confirmed by the member state.
            National days of the member states in December 2023: No member state has its national day in December 2023.
            Our partners: 2 partners: Naif Arab University, Organisation of Islamic Cooperation
            Agreements signed in December 2023: Organisation of Islamic Cooperation · Memorandum · 27 December 2023 ·  (Areas of cooperation: exchange of experience)
            2023 in numbers: 1 Partnership
            pages: 2, domains: 4
        "#]],
    );
}
