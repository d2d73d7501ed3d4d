//! The partner register's native formats, read and written.
//!
//! CSV, two layouts told apart by their header: partners
//! `id,name_fr,name_en,name_ar,scope,kind_fr,kind_en,kind_ar` (one row a
//! partner), or agreements
//! `partner,title_fr,title_en,title_ar,signed,areas_fr,areas_en,areas_ar,reference`
//! (one row an agreement, each `areas_*` separated by ` ; `). The single
//! `kind` and `areas` columns of earlier files are read as English. JSON
//! Lines: the same records as objects, a partner object having `id` and an
//! agreement object `partner` (its `areas_*` lists of strings, or one
//! ` ; `-separated string each).
//! Readers hand out records with their line and structural problems; the
//! domain's `PartnerValidator` decides what the values mean.

use std::io::{BufRead, Write};

use serde_json::{Map, Value, json};
use vigie_domain::partner::{
    AGREEMENT_ALIASES, AGREEMENT_COLUMNS, Agreement, PARTNER_ALIASES, PARTNER_COLUMNS, RawAgreement, RawPartner,
};
use vigie_domain::{Lang, Partner};

use super::flat::{self, FlatCsvReader, FlatLayout, object_values};
use super::jsonl::{for_each_object, write_lines};
use crate::{ReadError, RowProblem};

/// The partner records' columns.
const PARTNER_LAYOUT: FlatLayout = FlatLayout {
    kind: "partner",
    columns: &PARTNER_COLUMNS,
    required: &[0],
    lists: &[],
    booleans: false,
    aliases: &PARTNER_ALIASES,
};

/// The agreement records' columns; the `areas_*` are lists.
const AGREEMENT_LAYOUT: FlatLayout = FlatLayout {
    kind: "agreement",
    columns: &AGREEMENT_COLUMNS,
    required: &[0],
    lists: &["areas_fr", "areas_en", "areas_ar"],
    booleans: false,
    aliases: &AGREEMENT_ALIASES,
};

/// The values of one record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RawRecord {
    Partner(RawPartner),
    Agreement(RawAgreement),
}

/// One record of the register: a CSV row or a JSON Lines object.
#[derive(Debug, Clone)]
pub struct PartnerRecord {
    /// The line it starts on.
    pub line: u64,
    pub raw: RawRecord,
    /// Structural problems (then the record is not valid).
    pub problems: Vec<RowProblem>,
    /// The old column names it used, with the columns they are read as.
    pub aliases: Vec<(&'static str, &'static str)>,
}

fn partner_of(values: Vec<Option<String>>) -> RawPartner {
    let mut v = values.into_iter();
    let mut next = || v.next().flatten();
    RawPartner {
        id: next(),
        name_fr: next(),
        name_en: next(),
        name_ar: next(),
        scope: next(),
        kind_fr: next(),
        kind_en: next(),
        kind_ar: next(),
    }
}

fn agreement_of(values: Vec<Option<String>>) -> RawAgreement {
    let mut v = values.into_iter();
    let mut next = || v.next().flatten();
    RawAgreement {
        partner: next(),
        title_fr: next(),
        title_en: next(),
        title_ar: next(),
        signed: next(),
        areas_fr: next(),
        areas_en: next(),
        areas_ar: next(),
        reference: next(),
    }
}

/// Whether a CSV's first line is the agreement layout's header (it has a
/// `partner` column).
fn is_agreement_header(bytes: &[u8]) -> bool {
    flat::header_has(bytes, "partner")
}

/// Reader of the partner CSV, either layout, told by the header in the
/// input's first buffer; the rows are streamed.
pub struct PartnerCsvReader<R: BufRead> {
    reader: FlatCsvReader<'static, R>,
    agreements: bool,
}

impl<R: BufRead> PartnerCsvReader<R> {
    /// Looks at the header row and checks it.
    pub fn new(mut input: R) -> Result<PartnerCsvReader<R>, ReadError> {
        let agreements = is_agreement_header(input.fill_buf().map_err(ReadError::Io)?);
        let layout = if agreements { &AGREEMENT_LAYOUT } else { &PARTNER_LAYOUT };
        let reader = FlatCsvReader::new(input, layout)?;
        Ok(PartnerCsvReader { reader, agreements })
    }

    /// Whether the file holds agreements (else partners).
    pub fn agreements(&self) -> bool {
        self.agreements
    }

    /// Calls `visit` for each data row, in order; stops at the first error
    /// `visit` returns.
    pub fn for_each<E: From<ReadError>>(
        &mut self,
        mut visit: impl FnMut(PartnerRecord) -> Result<(), E>,
    ) -> Result<(), E> {
        let agreements = self.agreements;
        self.reader.for_each(|record| {
            let raw = if agreements {
                RawRecord::Agreement(agreement_of(record.values))
            } else {
                RawRecord::Partner(partner_of(record.values))
            };
            visit(PartnerRecord { line: record.line, raw, problems: record.problems, aliases: record.aliases })
        })
    }
}

/// Streaming reader of the partner JSON Lines; blank lines are skipped.
pub struct PartnerJsonlReader<R: BufRead> {
    input: R,
}

impl<R: BufRead> PartnerJsonlReader<R> {
    pub fn new(input: R) -> PartnerJsonlReader<R> {
        PartnerJsonlReader { input }
    }

    /// Calls `visit` for each object, in order; stops at the first error
    /// `visit` returns.
    pub fn for_each<E: From<ReadError>>(
        &mut self,
        mut visit: impl FnMut(PartnerRecord) -> Result<(), E>,
    ) -> Result<(), E> {
        for_each_object(&mut self.input, |line, object| {
            let mut problems = Vec::new();
            let mut aliases = Vec::new();
            let raw = match object {
                Err(problem) => {
                    problems.push(problem);
                    RawRecord::Partner(RawPartner::default())
                }
                Ok(object) => {
                    let all = PARTNER_ALIASES.iter().chain(&AGREEMENT_ALIASES);
                    aliases = all.filter(|(old, _)| object.contains_key(*old)).copied().collect();
                    read_object(line, &object, &mut problems)
                }
            };
            visit(PartnerRecord { line, raw, problems, aliases })
        })
    }
}

/// A partner object's values, or an agreement's if it has a `partner` key.
fn read_object(line: u64, object: &Map<String, Value>, problems: &mut Vec<RowProblem>) -> RawRecord {
    if object.contains_key("partner") {
        RawRecord::Agreement(agreement_of(object_values(line, object, &AGREEMENT_LAYOUT, problems)))
    } else {
        RawRecord::Partner(partner_of(object_values(line, object, &PARTNER_LAYOUT, problems)))
    }
}

fn agreement_row(partner: &str, agreement: &Agreement) -> Vec<String> {
    std::iter::once(partner.to_string()).chain(agreement.values()).collect()
}

/// Writes partners as the partner CSV (no agreements).
pub fn write_partners_csv<W: Write>(partners: &[Partner], output: W) -> csv::Result<W> {
    flat::write_csv(&PARTNER_LAYOUT, partners.iter().map(Partner::values), output)
}

/// Writes the partners' agreements as the agreement CSV.
pub fn write_agreements_csv<W: Write>(partners: &[Partner], output: W) -> csv::Result<W> {
    let rows = partners.iter().flat_map(|p| p.agreements.iter().map(|a| agreement_row(&p.id, a)));
    flat::write_csv(&AGREEMENT_LAYOUT, rows, output)
}

fn partner_object(partner: &Partner) -> Value {
    json!({
        "id": partner.id,
        "name_fr": partner.name.fr,
        "name_en": partner.name.en,
        "name_ar": partner.name.ar,
        "scope": partner.scope.code(),
        "kind_fr": partner.kind.fr,
        "kind_en": partner.kind.en,
        "kind_ar": partner.kind.ar,
    })
}

fn agreement_object(partner: &str, agreement: &Agreement) -> Value {
    json!({
        "partner": partner,
        "title_fr": agreement.title.fr,
        "title_en": agreement.title.en,
        "title_ar": agreement.title.ar,
        "signed": agreement.signed_text(),
        "areas_fr": agreement.areas_in(Lang::Fr),
        "areas_en": agreement.areas_in(Lang::En),
        "areas_ar": agreement.areas_in(Lang::Ar),
        "reference": agreement.reference,
    })
}

/// Writes the register as JSON Lines: every partner object, then every
/// agreement object (so that the file imports back in one go).
pub fn write_jsonl<W: Write>(partners: &[Partner], output: W) -> std::io::Result<W> {
    let agreements = partners.iter().flat_map(|p| p.agreements.iter().map(|a| agreement_object(&p.id, a)));
    write_lines(partners.iter().map(partner_object).chain(agreements), output)
}

/// The partners as one JSON array, each object with its `agreements` (the
/// agreement objects without their `partner` key).
pub fn to_json(partners: &[Partner]) -> Value {
    Value::Array(
        partners
            .iter()
            .map(|partner| {
                let mut object = partner_object(partner);
                let agreements: Vec<Value> = partner
                    .agreements
                    .iter()
                    .map(|a| {
                        let mut a = agreement_object(&partner.id, a);
                        if let Value::Object(fields) = &mut a {
                            fields.remove("partner");
                        }
                        a
                    })
                    .collect();
                object["agreements"] = Value::Array(agreements);
                object
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use vigie_domain::{Names, PartnerValidator, Scope};

    fn csv(input: &str) -> Result<Vec<PartnerRecord>, ReadError> {
        let mut reader = PartnerCsvReader::new(input.as_bytes())?;
        let mut out = Vec::new();
        reader.for_each::<ReadError>(|record| {
            out.push(record);
            Ok(())
        })?;
        Ok(out)
    }

    fn jsonl(input: &str) -> Vec<PartnerRecord> {
        let mut out = Vec::new();
        PartnerJsonlReader::new(input.as_bytes())
            .for_each::<ReadError>(|record| {
                out.push(record);
                Ok(())
            })
            .unwrap();
        out
    }

    fn described(record: &PartnerRecord) -> Vec<String> {
        record.problems.iter().map(RowProblem::describe).collect()
    }

    #[test]
    fn the_header_tells_the_layout() {
        let records = csv("\u{feff}id,name_en,scope\r\nnauss,Naif Arab University,regional\r\n").unwrap();
        assert_eq!(records[0].line, 2);
        let RawRecord::Partner(p) = &records[0].raw else { panic!() };
        assert_eq!(
            (p.id.as_deref(), p.scope.as_deref(), p.kind_en.as_deref()),
            (Some("nauss"), Some("regional"), None)
        );
        assert!(records[0].aliases.is_empty());
        let records = csv("partner,title_en,signed,areas_fr,areas_en\nnauss,MoU,2023-01-01,x ; y,a ; b\n").unwrap();
        let RawRecord::Agreement(a) = &records[0].raw else { panic!() };
        assert_eq!(
            (a.areas_fr.as_deref(), a.areas_en.as_deref(), a.areas_ar.as_deref()),
            (Some("x ; y"), Some("a ; b"), None)
        );
    }

    #[test]
    fn the_single_language_columns_of_earlier_files_are_read_as_english() {
        let records = csv("id,name_en,scope,kind\nnauss,Naif Arab University,regional,university\n").unwrap();
        let RawRecord::Partner(p) = &records[0].raw else { panic!() };
        assert_eq!(p.kind_en.as_deref(), Some("university"));
        assert_eq!(records[0].aliases, [("kind", "kind_en")]);
        let records = csv("partner,title_en,signed,areas\nnauss,MoU,2023-01-01,a ; b\n").unwrap();
        let RawRecord::Agreement(a) = &records[0].raw else { panic!() };
        assert_eq!(a.areas_en.as_deref(), Some("a ; b"));
        assert_eq!(records[0].aliases, [("areas", "areas_en")]);
        let records = jsonl("{\"partner\":\"x\",\"areas\":[\"a\",\"b\"]}\n");
        let RawRecord::Agreement(a) = &records[0].raw else { panic!() };
        assert_eq!(a.areas_en.as_deref(), Some("a ; b"));
        assert_eq!(records[0].aliases, [("areas", "areas_en")]);
        // both names of one column: a repeated column
        let Err(ReadError::Header(problems)) = csv("partner,areas,areas_en\n") else { panic!() };
        assert!(problems[0].describe().contains("areas_en"), "{:?}", problems[0].describe());
    }

    #[test]
    fn csv_header_and_row_problems_are_located() {
        let Err(ReadError::Header(problems)) = csv("name_en,colour\n") else { panic!() };
        let text: Vec<String> = problems.iter().map(RowProblem::describe).collect();
        assert!(text[0].starts_with("1: column colour: unknown column (the columns are id, name_fr"));
        assert_eq!(text[1], "1: column id: required column is missing from the header");
        let records = csv("id,scope\nx\n").unwrap();
        assert_eq!(described(&records[0]), ["2: row has 1 field but the header has 2"]);
    }

    #[test]
    fn jsonl_records() {
        let records = jsonl(
            "{\"id\":\"x\",\"scope\":\"local\"}\n\n{\"partner\":\"x\",\"areas\":[\"a\",\"b\"],\"colour\":1}\n{oops\n",
        );
        assert!(matches!(&records[0].raw, RawRecord::Partner(p) if p.id.as_deref() == Some("x")));
        let RawRecord::Agreement(a) = &records[1].raw else { panic!() };
        assert_eq!(a.areas_en.as_deref(), Some("a ; b"));
        assert_eq!(records[1].line, 3);
        assert!(described(&records[1])[0].starts_with("3: column colour: unknown key (the keys are partner"));
        assert!(described(&records[2])[0].starts_with("4: not a JSON object"));
    }

    #[test]
    fn writers_give_what_the_readers_read_back() {
        let validator = PartnerValidator::new("2026-01-01".parse().unwrap());
        let agreement = Agreement {
            title: Names { fr: "Mémorandum, \"1\"".into(), en: "MoU".into(), ar: String::new() },
            signed: Some("2023-12-27".parse().unwrap()),
            areas: vec![
                Names { fr: "recherche".into(), en: "research".into(), ar: "البحث".into() },
                Names {
                    fr: "conseil juridique".into(), en: "legal advice".into(), ar: "الاستشارات القانونية".into()
                },
            ],
            reference: String::new(),
        };
        let partner = Partner {
            id: "scihl".into(),
            name: Names { fr: "Comité".into(), en: "Committee".into(), ar: "اللجنة".into() },
            scope: Scope::Local,
            kind: Names { fr: "organisme public".into(), en: "government body".into(), ar: String::new() },
            agreements: vec![agreement.clone()],
        };
        let partners = vec![partner.clone()];
        let text = String::from_utf8(write_partners_csv(&partners, Vec::new()).unwrap()).unwrap();
        let RawRecord::Partner(raw) = &csv(&text).unwrap()[0].raw else { panic!() };
        let mut bare = partner.clone();
        bare.agreements.clear();
        assert_eq!(validator.partner(raw).unwrap(), bare);
        let text = String::from_utf8(write_agreements_csv(&partners, Vec::new()).unwrap()).unwrap();
        assert!(text.contains("research ; legal advice"), "{text}");
        let RawRecord::Agreement(raw) = &csv(&text).unwrap()[0].raw else { panic!() };
        assert_eq!(validator.agreement(raw).unwrap(), ("scihl".to_string(), agreement.clone()));
        let text = String::from_utf8(write_jsonl(&partners, Vec::new()).unwrap()).unwrap();
        let records = jsonl(&text);
        assert_eq!(records.len(), 2);
        let RawRecord::Agreement(raw) = &records[1].raw else { panic!() };
        assert_eq!(validator.agreement(raw).unwrap().1, agreement);
        assert_eq!(to_json(&partners)[0]["agreements"][0]["areas_en"][1], "legal advice");
        assert_eq!(to_json(&partners)[0]["agreements"][0]["areas_ar"][0], "البحث");
    }
}
