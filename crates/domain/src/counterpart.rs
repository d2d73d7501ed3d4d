//! The people an activity's counterparts sent or received the coalition
//! with, beyond the lead counterpart its own record names: each a name as
//! written (with its Arabic spelling), a title in three languages, and the
//! organisation they spoke for. They come in a file of their own, a row a
//! person, imported with the activities (as agreements are with partners).

use crate::activity::{MAX_TEXT, text, trimmed};
use crate::country::Names;
use crate::partner::{MAX_ID, is_slug};
use crate::validate::{FieldError, FieldErrorKind};

/// The columns of the counterparts CSV, in order (also the JSON Lines keys).
pub const COUNTERPART_COLUMNS: [&str; 7] =
    ["activity", "organisation", "person", "person_ar", "title_fr", "title_en", "title_ar"];

/// The most people one activity may list: a delegation, not a directory.
pub const MAX_PEOPLE: usize = 40;

/// One person of an activity's counterparts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Counterpart {
    /// The id of the organisation (the register of organisations) they
    /// spoke for, when it is one of the register.
    pub organisation: Option<String>,
    /// The name as written; never empty.
    pub person: String,
    /// Its Arabic spelling, when the name is in Latin letters.
    pub person_ar: String,
    /// Their title in three languages; any may be empty.
    pub title: Names,
}

impl Counterpart {
    /// The row of the counterparts file for `activity`, in
    /// [`COUNTERPART_COLUMNS`] order.
    pub fn values(&self, activity: &str) -> [String; 7] {
        [
            activity.to_string(),
            self.organisation.clone().unwrap_or_default(),
            self.person.clone(),
            self.person_ar.clone(),
            self.title.fr.clone(),
            self.title.en.clone(),
            self.title.ar.clone(),
        ]
    }

    /// The name in `lang`: the Arabic spelling in Arabic when there is one.
    pub fn person_in(&self, lang: crate::Lang) -> &str {
        match lang {
            crate::Lang::Ar if !self.person_ar.is_empty() => &self.person_ar,
            _ => &self.person,
        }
    }

    /// Whether `other` is the same person for the same organisation (names
    /// compared without case or spacing differences): the same person twice
    /// in one activity is a mistake.
    pub fn same_person(&self, other: &Counterpart) -> bool {
        let key = |c: &Counterpart| (c.organisation.clone(), crate::fold::fold(&c.person));
        key(self) == key(other)
    }
}

/// Turns one row of the counterparts file (values in
/// [`COUNTERPART_COLUMNS`] order, `None` when absent) into the activity id
/// and the person, or says what is wrong with each value.
pub fn counterpart_of(values: &[Option<String>]) -> Result<(String, Counterpart), Vec<FieldError>> {
    let mut errors = Vec::new();
    let activity = values.first().cloned().flatten();
    let activity = match trimmed(&activity) {
        None => {
            errors.push(FieldError::new("activity", FieldErrorKind::Required, ""));
            None
        }
        Some(id) if is_slug(id) => Some(id.to_string()),
        Some(id) => {
            let kind = FieldErrorKind::BadSlug { max: MAX_ID, example: "2023-12-13-chiefs-of-staff-meeting" };
            errors.push(FieldError::new("activity", kind, id));
            None
        }
    };
    let person = person_of(values.get(1..).unwrap_or_default());
    match (activity, person) {
        (Some(activity), Ok(person)) if errors.is_empty() => Ok((activity, person)),
        (_, person) => {
            errors.extend(person.err().unwrap_or_default());
            Err(errors)
        }
    }
}

/// A person from the values of the columns after `activity` (organisation,
/// person, person_ar, title_fr, title_en, title_ar; `None` when absent).
fn person_of(values: &[Option<String>]) -> Result<Counterpart, Vec<FieldError>> {
    let value = |index: usize| values.get(index).cloned().flatten();
    let mut errors = Vec::new();
    let organisation = match trimmed(&value(0)) {
        None => None,
        Some(id) if is_slug(id) => Some(id.to_string()),
        Some(id) => {
            errors.push(FieldError::new("organisation", FieldErrorKind::BadSlug { max: MAX_ID, example: "gcc" }, id));
            None
        }
    };
    let before = errors.len();
    let person = text("person", &value(1), MAX_TEXT, false, &mut errors);
    if errors.len() == before && person.is_empty() {
        errors.push(FieldError::new("person", FieldErrorKind::Required, ""));
    }
    let person_ar = text("person_ar", &value(2), MAX_TEXT, false, &mut errors);
    let title = Names {
        fr: text("title_fr", &value(3), MAX_TEXT, false, &mut errors),
        en: text("title_en", &value(4), MAX_TEXT, false, &mut errors),
        ar: text("title_ar", &value(5), MAX_TEXT, false, &mut errors),
    };
    // the form writes a person on one line, its values separated by `|`
    let texts = [("person", &person), ("person_ar", &person_ar)].into_iter().chain([
        ("title_fr", &title.fr),
        ("title_en", &title.en),
        ("title_ar", &title.ar),
    ]);
    for (column, value) in texts {
        if value.contains(LINE_SEPARATOR) {
            let kind = FieldErrorKind::ReservedCharacter { character: LINE_SEPARATOR.to_string() };
            errors.push(FieldError::new(column, kind, value.as_str()));
        }
    }
    if errors.is_empty() { Ok(Counterpart { organisation, person, person_ar, title }) } else { Err(errors) }
}

/// What separates the values of a person in the one-line form of a form's
/// list of people (`people_lines`).
pub const LINE_SEPARATOR: char = '|';

/// People as a form shows them, a line each: organisation, person,
/// person_ar, title_fr, title_en, title_ar, separated by ` | `.
pub fn people_lines(people: &[Counterpart]) -> String {
    let line = |p: &Counterpart| {
        let values = p.values("");
        values[1..].join(&format!(" {LINE_SEPARATOR} ")).trim_end_matches([' ', LINE_SEPARATOR]).to_string()
    };
    people.iter().map(line).collect::<Vec<_>>().join("\n")
}

/// A form's list of people, a line each as [`people_lines`] writes them
/// (blank lines skipped, trailing values may be left out); or each problem
/// with the number of the line it is on (1 first). A line of more than six
/// values is a problem of its `title_ar`, the last.
pub fn people_from_lines(text: &str) -> Result<Vec<Counterpart>, Vec<(usize, FieldError)>> {
    let mut people = Vec::new();
    let mut problems = Vec::new();
    for (index, line) in text.lines().enumerate().filter(|(_, line)| !line.trim().is_empty()) {
        let values: Vec<Option<String>> = line.split(LINE_SEPARATOR).map(|v| Some(v.to_string())).collect();
        if values.len() > 6 {
            let extra = values[6..].iter().flatten().cloned().collect::<Vec<_>>().join(" | ");
            problems.push((
                index + 1,
                FieldError::new("title_ar", FieldErrorKind::FieldCount { found: values.len(), expected: 6 }, extra),
            ));
            continue;
        }
        match person_of(&values) {
            Ok(person) => people.push(person),
            Err(errors) => problems.extend(errors.into_iter().map(|e| (index + 1, e))),
        }
    }
    if problems.is_empty() { Ok(people) } else { Err(problems) }
}

/// The problems of a list of people for one activity: more than
/// [`MAX_PEOPLE`], a person twice, an organisation the register does not
/// hold (`known`: its ids). The same rule for an import and a form; each
/// problem names the person's place in the list (1 first).
pub fn check_people(people: &[Counterpart], known: &[String]) -> Vec<(usize, FieldError)> {
    let mut problems = Vec::new();
    for (index, person) in people.iter().enumerate() {
        let place = index + 1;
        if place > MAX_PEOPLE {
            let kind = FieldErrorKind::TooManyPeople { max: MAX_PEOPLE };
            problems.push((place, FieldError::new("person", kind, person.person.as_str())));
            break;
        }
        if people[..index].iter().any(|earlier| earlier.same_person(person)) {
            problems.push((place, FieldError::new("person", FieldErrorKind::Repeated, person.person.as_str())));
        }
        if let Some(id) = &person.organisation
            && !known.contains(id)
        {
            problems.push((place, FieldError::new("organisation", FieldErrorKind::UnknownOrganisation, id.as_str())));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(values: &[&str]) -> Vec<Option<String>> {
        values.iter().map(|v| (!v.is_empty()).then(|| v.to_string())).collect()
    }

    #[test]
    fn a_row_is_a_person_of_an_activity() {
        let (activity, person) =
            counterpart_of(&row(&["2026-01-visit", "gcc", " Khalid Al-Shamsi ", "خالد الشامسي", "", "Chief", "رئيس"]))
                .unwrap();
        assert_eq!(activity, "2026-01-visit");
        assert_eq!(person.organisation.as_deref(), Some("gcc"));
        assert_eq!(person.person, "Khalid Al-Shamsi");
        assert_eq!(person.person_in(crate::Lang::Ar), "خالد الشامسي");
        assert_eq!(person.person_in(crate::Lang::Fr), "Khalid Al-Shamsi");
        assert_eq!(person.title.en, "Chief");
        assert_eq!(person.values("2026-01-visit")[1], "gcc");
    }

    #[test]
    fn every_bad_value_is_named() {
        let errors = counterpart_of(&row(&["Not A Slug", "G C C", "", "", "a\nb", "", ""])).unwrap_err();
        let columns: Vec<&str> = errors.iter().map(|e| e.column.as_str()).collect();
        assert_eq!(columns, ["activity", "organisation", "person", "title_fr"]);
        let errors = counterpart_of(&row(&["a", "", "X | Y", "", "", "", ""])).unwrap_err();
        assert!(matches!(errors[0].kind, FieldErrorKind::ReservedCharacter { .. }), "{errors:?}");
        let errors = counterpart_of(&row(&["", "", "X", "", "", "", ""])).unwrap_err();
        assert_eq!(errors[0].column, "activity");
        assert!(matches!(errors[0].kind, FieldErrorKind::Required));
        let long = "x".repeat(MAX_TEXT + 1);
        let errors = counterpart_of(&row(&["a", "", &long, "", "", "", ""])).unwrap_err();
        assert!(matches!(errors[0].kind, FieldErrorKind::TooLong { .. }));
    }

    #[test]
    fn a_form_writes_people_a_line_each_and_reads_them_back() {
        let people = vec![
            Counterpart {
                organisation: Some("gcc".into()),
                person: "Khalid".into(),
                person_ar: "خالد".into(),
                title: Names { fr: "Chef".into(), en: "Chief".into(), ar: "رئيس".into() },
            },
            Counterpart { organisation: None, person: "Amina".into(), ..Counterpart::default() },
        ];
        let text = people_lines(&people);
        assert_eq!(text, "gcc | Khalid | خالد | Chef | Chief | رئيس\n | Amina");
        assert_eq!(people_from_lines(&format!("\n{text}\n\n")).unwrap(), people);
        let problems = people_from_lines("gcc | Khalid\nBad Org | \nx | y | | | | | extra").unwrap_err();
        let found: Vec<(usize, &str)> = problems.iter().map(|(line, e)| (*line, e.column.as_str())).collect();
        assert_eq!(found, [(2, "organisation"), (2, "person"), (3, "title_ar")]);
    }

    #[test]
    fn a_list_of_people_holds_each_once_and_known_organisations() {
        let person = |org: Option<&str>, name: &str| Counterpart {
            organisation: org.map(String::from),
            person: name.into(),
            ..Counterpart::default()
        };
        let known = vec!["gcc".to_string()];
        let people = [person(Some("gcc"), "Khalid"), person(Some("oic"), "Amina"), person(Some("gcc"), "KHALID")];
        let problems = check_people(&people, &known);
        let found: Vec<(usize, &str)> = problems.iter().map(|(at, e)| (*at, e.column.as_str())).collect();
        assert_eq!(found, [(2, "organisation"), (3, "person")]);
        // the same name for another organisation is another person
        assert!(check_people(&[person(Some("gcc"), "A"), person(None, "A")], &known).is_empty());
        let crowd: Vec<Counterpart> = (0..=MAX_PEOPLE).map(|i| person(None, &format!("P{i}"))).collect();
        let problems = check_people(&crowd, &known);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].0, MAX_PEOPLE + 1);
    }
}
