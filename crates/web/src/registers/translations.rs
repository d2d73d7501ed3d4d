//! The translation desk: the registers' texts missing in a language
//! (`/translations?to=ar`), by register, those the next issue prints
//! first, and one form a record where a translator writes them beside the
//! other languages' forms.
//!
//! A translation changes one language's texts of one record and nothing
//! else: the form's record is the stored one with only the `*_LANG`
//! columns of its texts replaced, checked by the register's own validator
//! and saved over the record as it was read, with its audit entry
//! (`activity.translate`, every text changed, before and after), like any
//! other edit. Who may translate is the domain's `can_translate`.

use std::collections::HashMap;

use axum::Form as PostedForm;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use minijinja::{Value, context};
use serde::Deserialize;
use vigie_domain::group::group_names;
use vigie_domain::note::NOTE_COLUMNS;
use vigie_domain::theme::{THEME_COLUMNS, Theme, validate_theme};
use vigie_domain::user::can_translate;
use vigie_domain::{
    Activity, ActivityValidator, AuditEntry, Group, Lang, Month, NoteValidator, PartnerValidator, User,
};
use vigie_store::{ActivityFilter, Store, StoreError};

use super::form::Values;
use super::partners::{AGREEMENT_FIELDS, PARTNER_FIELDS, PartnerAgreement, raw_agreement, raw_partner, values_from};
use super::save::{Messages, Record, Saved, save_as};
use super::{activities, members, notes, today};
use crate::auth::RequireUser;
use crate::errors::Error;
use crate::state::AppState;
use crate::{templates, version};

/// The registers with texts in three languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Register {
    Activity,
    Partner,
    Agreement,
    Note,
    Member,
    Group,
    Theme,
}

impl Register {
    const ALL: [Register; 7] = [
        Register::Activity,
        Register::Partner,
        Register::Agreement,
        Register::Note,
        Register::Member,
        Register::Group,
        Register::Theme,
    ];

    fn code(self) -> &'static str {
        match self {
            Register::Activity => "activity",
            Register::Partner => "partner",
            Register::Agreement => "agreement",
            Register::Note => "note",
            Register::Member => "member",
            Register::Group => "group",
            Register::Theme => "theme",
        }
    }

    /// The texts of a record whose form holds `values`.
    fn slots(self, values: &Values) -> Vec<Slot> {
        let fixed = |texts: &[&'static str]| -> Vec<Slot> {
            texts
                .iter()
                .map(|text| Slot {
                    key: text.to_string(),
                    label: text,
                    detail: String::new(),
                    columns: Lang::ALL.map(|l| format!("{text}_{}", l.code())),
                    long: matches!(*text, "description" | "text"),
                })
                .collect()
        };
        match self {
            // then each further person's title, named by the person
            Register::Activity => fixed(&["title", "counterpart_org", "counterpart_title", "place", "description"])
                .into_iter()
                .chain((0..).map_while(|index| {
                    let person = values.get(&format!("person_{index}"))?;
                    Some(Slot {
                        key: format!("person-{index}"),
                        label: "person_title",
                        detail: person.to_string(),
                        columns: Lang::ALL.map(|l| format!("person_title_{}_{index}", l.code())),
                        long: false,
                    })
                }))
                .collect(),
            Register::Partner => fixed(&["name", "kind"]),
            Register::Agreement => fixed(&["title", "areas"]),
            Register::Note => fixed(&["text"]),
            Register::Group => fixed(&["name"]),
            Register::Theme => fixed(&["label"]),
            // each national day's name (the member form's day rows)
            Register::Member => (0..)
                .map_while(|index| {
                    let date = values.get(&format!("day_date_{index}"))?;
                    Some(Slot {
                        key: format!("day-{index}"),
                        label: "national_day",
                        detail: date.to_string(),
                        columns: Lang::ALL.map(|l| format!("day_{}_{index}", l.code())),
                        long: false,
                    })
                })
                .collect(),
        }
    }
}

/// One text of a record: the translation form's field (`text-KEY`), the
/// catalogue's label (`web-translation-text-LABEL`, with its detail), and
/// the record form's column of each language (fr, en, ar).
struct Slot {
    key: String,
    label: &'static str,
    detail: String,
    columns: [String; 3],
    long: bool,
}

impl Slot {
    fn column(&self, lang: Lang) -> &str {
        &self.columns[Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0)]
    }

    fn label(&self, lang: Lang) -> String {
        let label = vigie_i18n::catalog().text(lang, &format!("web-translation-text-{}", self.label));
        if self.detail.is_empty() { label } else { format!("{label} ({})", self.detail) }
    }
}

/// One record's texts as its form's values hold them, and what the list
/// says of it.
struct Entry {
    register: Register,
    /// The translation form's address.
    href: String,
    /// What the record is, in the page's language when it can be.
    name: String,
    /// Its date or month, for the list.
    when: String,
    /// Whether the next issue prints it.
    in_issue: bool,
    values: Values,
}

impl Entry {
    /// The texts empty in `lang` but written in another language (and a
    /// group's name in Arabic written without an Arabic letter: the name an
    /// import met, copied into every language).
    fn missing(&self, lang: Lang) -> Vec<Slot> {
        self.register
            .slots(&self.values)
            .into_iter()
            .filter(|slot| {
                let form = |l: Lang| self.values.one(slot.column(l));
                let empty = match self.register {
                    Register::Group => group_of(&self.values).name_awaits(lang),
                    _ => form(lang).trim().is_empty(),
                };
                empty && Lang::ALL.iter().any(|&l| l != lang && !form(l).trim().is_empty())
            })
            .collect()
    }
}

/// A group's form values: its names.
fn group_values(group: &Group) -> Values {
    Values::from_pairs(GROUP_FIELDS.iter().map(|c| c.to_string()).zip(group.audited()))
}

/// The group whose names a form's values hold (nothing else of it).
fn group_of(values: &Values) -> Group {
    let mut group = Group::from_unknown_name("");
    group.name =
        vigie_domain::Names { fr: values.one("name_fr"), en: values.one("name_en"), ar: values.one("name_ar") };
    group
}

const GROUP_FIELDS: [&str; 3] = ["name_fr", "name_en", "name_ar"];

/// A theme's form values: its id and labels.
fn theme_values(theme: &Theme) -> Values {
    Values::from_pairs(THEME_COLUMNS.iter().map(|c| c.to_string()).zip(theme.values()))
}

/// A theme's labels as the desk writes them (`theme.translate`).
impl Record for Theme {
    const KIND: &'static str = "theme";
    const FIELDS: &'static [&'static str] = &THEME_COLUMNS;

    fn audited(&self) -> Vec<String> {
        self.values().to_vec()
    }

    fn entity_id(&self) -> String {
        self.id.clone()
    }

    fn saved_page(&self) -> String {
        "/translations".into()
    }

    fn write(&self, store: &mut dyn Store, stored: Option<&Self>, entry: &AuditEntry) -> Result<bool, StoreError> {
        match stored {
            Some(stored) => store.save_theme(self, stored, entry),
            None => Ok(false),
        }
    }
}

/// A group's names as the desk writes them (`group.translate`).
impl Record for Group {
    const KIND: &'static str = "group";
    const FIELDS: &'static [&'static str] = &GROUP_FIELDS;

    fn audited(&self) -> Vec<String> {
        vec![self.name.fr.clone(), self.name.en.clone(), self.name.ar.clone()]
    }

    fn entity_id(&self) -> String {
        self.id.clone()
    }

    fn saved_page(&self) -> String {
        "/groups".into()
    }

    fn write(&self, store: &mut dyn Store, stored: Option<&Self>, entry: &AuditEntry) -> Result<bool, StoreError> {
        match stored {
            Some(stored) => store.save_group_names(self, stored, entry),
            None => Ok(false),
        }
    }
}

/// The month the next issue reports: the latest issue's when it is a
/// draft, the month after when it is published, this month when there is
/// none.
fn next_issue_month(store: &dyn Store) -> Result<Month, StoreError> {
    let latest = store.bulletins()?.into_iter().max_by_key(|b| (b.month.clone(), b.number, b.revision));
    Ok(match latest.and_then(|b| Month::parse(&b.month).map(|m| (m, b.published))) {
        Some((month, true)) => month.next(),
        Some((month, false)) => month,
        None => Month::of(today()),
    })
}

/// The first text of a record in `lang`, else in English, French, Arabic.
fn first_text(values: &Values, register: Register, lang: Lang) -> String {
    let Some(slot) = register.slots(values).into_iter().next() else { return String::new() };
    let form = |l: Lang| values.one(slot.column(l));
    [lang, Lang::En, Lang::Fr, Lang::Ar].into_iter().map(form).find(|t| !t.trim().is_empty()).unwrap_or_default()
}

/// Every record with texts, read once.
fn entries(store: &dyn Store, regions: &vigie_domain::Regions, lang: Lang) -> Result<(Month, Vec<Entry>), StoreError> {
    let month = next_issue_month(store)?;
    let mut entries = Vec::new();
    for activity in store.activities(&ActivityFilter::default())? {
        let values = activities::values_of(&activity);
        let in_issue = month.contains(activity.date)
            || (month.number() == 12 && activity.date.year() == month.year() && activity.highlight.is_some());
        entries.push(Entry {
            register: Register::Activity,
            href: format!("/translations/activity/{}", crate::cookies::percent_encode(&activity.id)),
            name: first_text(&values, Register::Activity, lang),
            when: activity.date.to_string(),
            in_issue,
            values,
        });
    }
    for partner in store.partners()? {
        let values = values_from(&PARTNER_FIELDS, &partner.values());
        // the partners page lists every partner in every issue
        entries.push(Entry {
            register: Register::Partner,
            href: format!("/translations/partner/{}", crate::cookies::percent_encode(&partner.id)),
            name: first_text(&values, Register::Partner, lang),
            when: String::new(),
            in_issue: true,
            values,
        });
        for (index, agreement) in partner.agreements.iter().enumerate() {
            let values = values_from(&AGREEMENT_FIELDS, &agreement.values());
            entries.push(Entry {
                register: Register::Agreement,
                href: format!("/translations/agreement/{}/{index}", crate::cookies::percent_encode(&partner.id)),
                name: first_text(&values, Register::Agreement, lang),
                when: agreement.signed_text(),
                in_issue: agreement.signed.is_some_and(|d| month.contains(d)),
                values,
            });
        }
    }
    for note in store.notes(&vigie_store::NoteFilter::default())? {
        let values = Values::from_pairs(NOTE_COLUMNS.iter().map(|c| c.to_string()).zip(note.values()));
        let region = regions.get(&note.region).map_or(note.region.clone(), |r| r.name(lang).to_string());
        entries.push(Entry {
            register: Register::Note,
            href: format!("/translations/note/{}/{}/{}", note.region, note.month, note.country),
            name: format!("{region} · {}", vigie_domain::countries().name(note.country, lang)),
            when: note.month.to_string(),
            in_issue: note.month == month,
            values,
        });
    }
    // the charts of the regions' pages name the groups of the month's
    // incidents: every group may be printed
    for group in store.groups()?.iter() {
        let values = group_values(group);
        entries.push(Entry {
            register: Register::Group,
            href: format!("/translations/group/{}", crate::cookies::percent_encode(&group.id)),
            name: first_text(&values, Register::Group, lang),
            when: String::new(),
            in_issue: false,
            values,
        });
    }
    // the themes' labels show beside the activities they tag
    for theme in store.themes()? {
        let values = theme_values(&theme);
        entries.push(Entry {
            register: Register::Theme,
            href: format!("/translations/theme/{}", crate::cookies::percent_encode(&theme.id)),
            name: first_text(&values, Register::Theme, lang),
            when: String::new(),
            in_issue: false,
            values,
        });
    }
    for member in store.members()? {
        let values = members::values_of(&member);
        let name = vigie_domain::countries().name(member.country, lang);
        entries.push(Entry {
            register: Register::Member,
            href: format!("/translations/member/{}", member.country),
            name,
            when: String::new(),
            // the national days page prints the days of the issue's month
            in_issue: member.national_days.iter().any(|d| d.month == month.number()),
            values,
        });
    }
    Ok((month, entries))
}

#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    /// The language to write in (`fr`, `en`, `ar`); `ar` when not given
    /// (`lang` is the page's own language).
    #[serde(default)]
    to: String,
}

fn target(code: &str) -> Lang {
    Lang::parse(code).unwrap_or(Lang::Ar)
}

fn refuse_unless_translator(user: &User) -> Result<(), Error> {
    if can_translate(user) { Ok(()) } else { Err(Error::forbidden()) }
}

/// The texts missing in a language, by register, the next issue's first.
pub async fn list(
    State(state): State<AppState>,
    user: RequireUser,
    Query(query): Query<ListQuery>,
) -> Result<Response, Error> {
    refuse_unless_translator(&user.session.user)?;
    let lang = user.lang;
    let to = target(&query.to);
    let regions = std::sync::Arc::clone(&state.regions);
    let (month, entries) = state.read(move |store| entries(store, &regions, lang)).await?;
    let catalog = vigie_i18n::catalog();

    let mut registers = Vec::new();
    let mut total = 0;
    for register in Register::ALL {
        let mut rows: Vec<(&Entry, Vec<Slot>)> = entries
            .iter()
            .filter(|e| e.register == register)
            .map(|e| (e, e.missing(to)))
            .filter(|(_, missing)| !missing.is_empty())
            .collect();
        // the next issue's first, then the latest
        rows.sort_by(|a, b| b.0.in_issue.cmp(&a.0.in_issue).then_with(|| b.0.when.cmp(&a.0.when)));
        total += rows.len();
        let rows: Vec<Value> = rows
            .iter()
            .map(|(entry, missing)| {
                context! {
                    href => format!("{}?to={}", entry.href, to.code()),
                    name => entry.name.clone(),
                    when => entry.when.clone(),
                    in_issue => entry.in_issue,
                    missing => missing.iter().map(|slot| slot.label(lang)).collect::<Vec<_>>(),
                }
            })
            .collect();
        registers.push(context! {
            code => register.code(),
            title => catalog.text(lang, &format!("web-translation-register-{}", register.code())),
            rows,
        });
    }
    let languages: Vec<Value> = Lang::ALL
        .iter()
        .map(|l| {
            context! {
                code => l.code(),
                name => catalog.text(lang, &format!("web-lang-{}", l.code())),
                current => *l == to,
            }
        })
        .collect();
    let month_name = vigie_i18n::month_year(lang, month.year(), month.number());
    templates::page(
        "translations.html",
        lang,
        Some(&user.session),
        context! {
            registers,
            languages,
            total,
            to => to.code(),
            intro => catalog.text_with(lang, "web-translations-intro", &[("month", month_name.into())]),
        },
    )
}

/// The record of a translation form's address, read from the store, as
/// its form's values; `None` when there is no such record.
#[derive(Clone)]
enum Target {
    Activity(String),
    Partner(String),
    Agreement(String, usize),
    Note(notes::Key),
    Member(vigie_domain::CountryCode),
    Group(String),
    Theme(String),
}

impl Target {
    fn register(&self) -> Register {
        match self {
            Target::Activity(_) => Register::Activity,
            Target::Partner(_) => Register::Partner,
            Target::Agreement(..) => Register::Agreement,
            Target::Note(_) => Register::Note,
            Target::Member(_) => Register::Member,
            Target::Group(_) => Register::Group,
            Target::Theme(_) => Register::Theme,
        }
    }

    /// The stored record's values and fingerprint.
    fn read(&self, store: &dyn Store) -> Result<Option<(Values, String)>, StoreError> {
        Ok(match self {
            Target::Activity(id) => store.activity(id)?.map(|a| (activities::values_of(&a), a.fingerprint())),
            Target::Partner(id) => store
                .partners()?
                .into_iter()
                .find(|p| p.id == *id)
                .map(|p| (values_from(&PARTNER_FIELDS, &p.values()), p.fingerprint())),
            Target::Agreement(partner, index) => {
                store.partners()?.into_iter().find(|p| p.id == *partner).and_then(|p| {
                    let agreement = p.agreements.get(*index)?.clone();
                    let values = values_from(&AGREEMENT_FIELDS, &agreement.values());
                    let stored = PartnerAgreement { partner: partner.clone(), agreement };
                    Some((values, stored.fingerprint()))
                })
            }
            Target::Note(key) => notes::stored(store, key)?.map(|n| {
                (Values::from_pairs(NOTE_COLUMNS.iter().map(|c| c.to_string()).zip(n.values())), n.fingerprint())
            }),
            Target::Group(id) => {
                store.groups()?.iter().find(|g| g.id == *id).map(|g| (group_values(g), g.fingerprint()))
            }
            Target::Theme(id) => {
                store.themes()?.into_iter().find(|t| t.id == *id).map(|t| (theme_values(&t), t.fingerprint()))
            }
            Target::Member(country) => store
                .members()?
                .into_iter()
                .find(|m| m.country == *country)
                .map(|m| (members::values_of(&m), m.fingerprint())),
        })
    }
}

/// The form: each text of the record, its other languages' forms beside
/// the field of the language written.
fn show(
    user: &RequireUser,
    target: &Target,
    to: Lang,
    values: &Values,
    status: StatusCode,
    errors: &Messages,
    message: Option<&str>,
) -> Result<Response, Error> {
    let lang = user.lang;
    let catalog = vigie_i18n::catalog();
    let register = target.register();
    let texts: Vec<Value> = register
        .slots(values)
        .iter()
        .map(|slot| {
            let column = slot.column(to);
            let sources: Vec<Value> = Lang::ALL
                .iter()
                .filter(|l| **l != to)
                .map(|l| {
                    context! {
                        lang => l.code(),
                        dir => if l.is_rtl() { "rtl" } else { "ltr" },
                        name => catalog.text(lang, &format!("web-lang-{}", l.code())),
                        text => values.one(slot.column(*l)),
                    }
                })
                .collect();
            context! {
                name => format!("text-{}", slot.key),
                label => slot.label(lang),
                long => slot.long,
                value => values.one(column),
                error => errors.get(column).cloned(),
                sources,
            }
        })
        .collect();
    let html = templates::render(
        "translation_form.html",
        lang,
        Some(&user.session),
        context! {
            title => catalog.text(lang, &format!("web-translation-register-{}", register.code())),
            name => match target {
                Target::Member(country) => vigie_domain::countries().name(*country, lang),
                _ => first_text(values, register, lang),
            },
            to => to.code(),
            to_name => catalog.text(lang, &format!("web-lang-{}", to.code())),
            intro => catalog.text_with(
                lang,
                "web-translation-form-intro",
                &[("lang", catalog.text(lang, &format!("web-lang-{}", to.code())).into())],
            ),
            to_dir => if to.is_rtl() { "rtl" } else { "ltr" },
            version => values.one(version::FIELD),
            texts,
            message => message.map(|id| catalog.text(lang, id)),
        },
    )?;
    Ok((status, html).into_response())
}

async fn form(state: AppState, user: RequireUser, target: Target, to: Lang) -> Result<Response, Error> {
    refuse_unless_translator(&user.session.user)?;
    let reading = target.clone();
    let (mut values, fingerprint) = state.read(move |store| reading.read(store)).await?.ok_or_else(Error::not_found)?;
    values.push(version::FIELD, fingerprint);
    show(&user, &target, to, &values, StatusCode::OK, &HashMap::new(), None)
}

/// The stored record's values with the translator's texts in place of the
/// `*_LANG` columns: nothing else of the form is read.
fn translated(stored: &Values, register: Register, to: Lang, posted: &Values) -> Values {
    let mut values = stored.clone();
    for slot in register.slots(stored) {
        if let Some(value) = posted.get(&format!("text-{}", slot.key)) {
            let value = if slot.long { value.replace("\r\n", "\n") } else { value.to_string() };
            values.set(slot.column(to), value);
        }
    }
    values
}

async fn save(
    state: AppState,
    user: RequireUser,
    target: Target,
    to: Lang,
    pairs: Vec<(String, String)>,
) -> Result<Response, Error> {
    refuse_unless_translator(&user.session.user)?;
    let lang = user.lang;
    let posted = Values::from_pairs(pairs);
    let sent = posted.get(version::FIELD).map(str::to_string);
    let register = target.register();
    // what the form shows again when it is refused: the stored values
    // with what was typed
    let shown = |stored: &Values| {
        let mut values = translated(stored, register, to, &posted);
        values.set(version::FIELD, sent.clone().unwrap_or_default());
        values
    };
    let reading = target.clone();
    let Some((stored_values, _)) = state.read(move |store| reading.read(store)).await? else {
        return Err(Error::not_found());
    };
    let again = shown(&stored_values);
    let respond = |status: StatusCode, errors: &Messages, message: &'static str| {
        show(&user, &target, to, &again, status, errors, Some(message))
    };
    let posted_texts = posted.clone();
    let invalid = move |e| Saved::invalid(e, lang);
    match &target {
        Target::Activity(id) => {
            let id = id.clone();
            let check = move |store: &mut dyn Store| {
                let Some(stored) = store.activity(&id)? else { return Ok(Err(Saved::NotFound)) };
                let values = translated(&activities::values_of(&stored), register, to, &posted_texts);
                let raw = activities::raw_of(&values, Some(&id));
                let activity = ActivityValidator::new().activity(&raw);
                let people = activities::people_with_titles(&stored, &values);
                Ok(match (activity, people) {
                    (Ok(activity), Ok(people)) => Ok((Activity { people, ..activity }, Some(stored))),
                    (activity, people) => {
                        Err(invalid([activity.err(), people.err()].into_iter().flatten().flatten().collect()))
                    }
                })
            };
            save_as(&state, &user, sent.as_deref(), check, respond, Some("translate")).await
        }
        Target::Partner(id) => {
            let id = id.clone();
            let check = move |store: &mut dyn Store| {
                let Some(stored) = store.partners()?.into_iter().find(|p| p.id == id) else {
                    return Ok(Err(Saved::NotFound));
                };
                let values = translated(&values_from(&PARTNER_FIELDS, &stored.values()), register, to, &posted_texts);
                let raw = raw_partner(&values, Some(&id));
                Ok(PartnerValidator::new(today()).partner(&raw).map_err(invalid).map(|p| (p, Some(stored))))
            };
            save_as(&state, &user, sent.as_deref(), check, respond, Some("translate")).await
        }
        Target::Agreement(partner, index) => {
            let (partner, index) = (partner.clone(), *index);
            let check = move |store: &mut dyn Store| {
                let found = store.partners()?.into_iter().find(|p| p.id == partner);
                let Some(agreement) = found.and_then(|p| p.agreements.get(index).cloned()) else {
                    return Ok(Err(Saved::NotFound));
                };
                let values =
                    translated(&values_from(&AGREEMENT_FIELDS, &agreement.values()), register, to, &posted_texts);
                let raw = raw_agreement(&values, &partner);
                let stored = PartnerAgreement { partner: partner.clone(), agreement };
                Ok(PartnerValidator::new(today())
                    .agreement(&raw)
                    .map_err(invalid)
                    .map(|(_, agreement)| (PartnerAgreement { partner, agreement }, Some(stored))))
            };
            save_as(&state, &user, sent.as_deref(), check, respond, Some("translate")).await
        }
        Target::Note(key) => {
            let key = key.clone();
            let regions = std::sync::Arc::clone(&state.regions);
            let check = move |store: &mut dyn Store| {
                let Some(stored) = notes::stored(store, &key)? else { return Ok(Err(Saved::NotFound)) };
                let values = Values::from_pairs(NOTE_COLUMNS.iter().map(|c| c.to_string()).zip(stored.values()));
                let values = translated(&values, register, to, &posted_texts);
                let raw: Vec<Option<String>> = NOTE_COLUMNS.iter().map(|c| values.raw(c)).collect();
                let latest = Month::of(today());
                let note = NoteValidator::new(&regions, latest).note(&raw).map_err(invalid);
                Ok(note.map(|n| (n, Some(stored))))
            };
            save_as(&state, &user, sent.as_deref(), check, respond, Some("translate")).await
        }
        Target::Member(country) => {
            let country = *country;
            let check = move |store: &mut dyn Store| {
                let Some(stored) = store.members()?.into_iter().find(|m| m.country == country) else {
                    return Ok(Err(Saved::NotFound));
                };
                let values = translated(&members::values_of(&stored), register, to, &posted_texts);
                let raw = members::raw_of(&values, Some(country));
                Ok(members::validated(&raw, lang).map(|m| (m, Some(stored))))
            };
            save_as(&state, &user, sent.as_deref(), check, respond, Some("translate")).await
        }
        Target::Group(id) => {
            let id = id.clone();
            let check = move |store: &mut dyn Store| {
                let Some(stored) = store.groups()?.iter().find(|g| g.id == id).cloned() else {
                    return Ok(Err(Saved::NotFound));
                };
                let values = translated(&group_values(&stored), register, to, &posted_texts);
                let names = group_names(&values.one("name_fr"), &values.one("name_en"), &values.one("name_ar"));
                Ok(names.map_err(invalid).map(|name| (Group { name, ..stored.clone() }, Some(stored))))
            };
            save_as(&state, &user, sent.as_deref(), check, respond, Some("translate")).await
        }
        Target::Theme(id) => {
            let id = id.clone();
            let check = move |store: &mut dyn Store| {
                let Some(stored) = store.themes()?.into_iter().find(|t| t.id == id) else {
                    return Ok(Err(Saved::NotFound));
                };
                let values = translated(&theme_values(&stored), register, to, &posted_texts);
                let raw: Vec<Option<String>> = THEME_COLUMNS.iter().map(|c| values.raw(c)).collect();
                Ok(validate_theme(&raw).map_err(invalid).map(|theme| (theme, Some(stored))))
            };
            save_as(&state, &user, sent.as_deref(), check, respond, Some("translate")).await
        }
    }
}

pub async fn theme_form(
    State(state): State<AppState>,
    user: RequireUser,
    Path(id): Path<String>,
    Query(query): Query<FormQuery>,
) -> Result<Response, Error> {
    form(state, user, Target::Theme(id), target(&query.to)).await
}

pub async fn theme_save(
    State(state): State<AppState>,
    user: RequireUser,
    Path(id): Path<String>,
    Query(query): Query<FormQuery>,
    PostedForm(pairs): PostedForm<Vec<(String, String)>>,
) -> Result<Response, Error> {
    save(state, user, Target::Theme(id), target(&query.to), pairs).await
}

pub async fn group_form(
    State(state): State<AppState>,
    user: RequireUser,
    Path(id): Path<String>,
    Query(query): Query<FormQuery>,
) -> Result<Response, Error> {
    form(state, user, Target::Group(id), target(&query.to)).await
}

pub async fn group_save(
    State(state): State<AppState>,
    user: RequireUser,
    Path(id): Path<String>,
    Query(query): Query<FormQuery>,
    PostedForm(pairs): PostedForm<Vec<(String, String)>>,
) -> Result<Response, Error> {
    save(state, user, Target::Group(id), target(&query.to), pairs).await
}

#[derive(Debug, Default, Deserialize)]
pub struct FormQuery {
    #[serde(default)]
    to: String,
}

pub async fn activity_form(
    State(state): State<AppState>,
    user: RequireUser,
    Path(id): Path<String>,
    Query(query): Query<FormQuery>,
) -> Result<Response, Error> {
    form(state, user, Target::Activity(id), target(&query.to)).await
}

pub async fn activity_save(
    State(state): State<AppState>,
    user: RequireUser,
    Path(id): Path<String>,
    Query(query): Query<FormQuery>,
    PostedForm(pairs): PostedForm<Vec<(String, String)>>,
) -> Result<Response, Error> {
    save(state, user, Target::Activity(id), target(&query.to), pairs).await
}

pub async fn partner_form(
    State(state): State<AppState>,
    user: RequireUser,
    Path(id): Path<String>,
    Query(query): Query<FormQuery>,
) -> Result<Response, Error> {
    form(state, user, Target::Partner(id), target(&query.to)).await
}

pub async fn partner_save(
    State(state): State<AppState>,
    user: RequireUser,
    Path(id): Path<String>,
    Query(query): Query<FormQuery>,
    PostedForm(pairs): PostedForm<Vec<(String, String)>>,
) -> Result<Response, Error> {
    save(state, user, Target::Partner(id), target(&query.to), pairs).await
}

pub async fn agreement_form(
    State(state): State<AppState>,
    user: RequireUser,
    Path((id, index)): Path<(String, usize)>,
    Query(query): Query<FormQuery>,
) -> Result<Response, Error> {
    form(state, user, Target::Agreement(id, index), target(&query.to)).await
}

pub async fn agreement_save(
    State(state): State<AppState>,
    user: RequireUser,
    Path((id, index)): Path<(String, usize)>,
    Query(query): Query<FormQuery>,
    PostedForm(pairs): PostedForm<Vec<(String, String)>>,
) -> Result<Response, Error> {
    save(state, user, Target::Agreement(id, index), target(&query.to), pairs).await
}

fn note_key(region: &str, month: &str, country: &str) -> Result<notes::Key, Error> {
    notes::Key::parse(region, month, country).ok_or_else(Error::not_found)
}

pub async fn note_form(
    State(state): State<AppState>,
    user: RequireUser,
    Path((region, month, country)): Path<(String, String, String)>,
    Query(query): Query<FormQuery>,
) -> Result<Response, Error> {
    let key = note_key(&region, &month, &country)?;
    form(state, user, Target::Note(key), target(&query.to)).await
}

pub async fn note_save(
    State(state): State<AppState>,
    user: RequireUser,
    Path((region, month, country)): Path<(String, String, String)>,
    Query(query): Query<FormQuery>,
    PostedForm(pairs): PostedForm<Vec<(String, String)>>,
) -> Result<Response, Error> {
    let key = note_key(&region, &month, &country)?;
    save(state, user, Target::Note(key), target(&query.to), pairs).await
}

pub async fn member_form(
    State(state): State<AppState>,
    user: RequireUser,
    Path(country): Path<String>,
    Query(query): Query<FormQuery>,
) -> Result<Response, Error> {
    let country = vigie_domain::CountryCode::new(&country).ok_or_else(Error::not_found)?;
    form(state, user, Target::Member(country), target(&query.to)).await
}

pub async fn member_save(
    State(state): State<AppState>,
    user: RequireUser,
    Path(country): Path<String>,
    Query(query): Query<FormQuery>,
    PostedForm(pairs): PostedForm<Vec<(String, String)>>,
) -> Result<Response, Error> {
    let country = vigie_domain::CountryCode::new(&country).ok_or_else(Error::not_found)?;
    save(state, user, Target::Member(country), target(&query.to), pairs).await
}
