//! User accounts: roles, a delegate's member states, the rules an email
//! address and a password must meet, and the access rules of the web
//! application as pure functions.
//!
//! No hashing here: a password is checked against the policy, then hashed by
//! the store's `password` module (argon2id). The domain never sees a hash.
//!
//! The policy follows NIST SP 800-63B §5.1.1.2: a password is normalised
//! (NFKC) before it is checked and hashed; its length is counted in visible
//! characters; it is refused when it is a common password (a shipped list,
//! `data/common-passwords.txt`), such a password with digits or punctuation
//! added at its ends, a repeated pattern or a sequence; nothing else
//! (no rule of "one digit and one capital").
//!
//! An email address is the login: normalised (NFKC, lower case), it holds
//! no invisible, control or bidirectional-control character, its local
//! part and each domain label is of one script (UTS 39 mixed-script
//! detection), and a new one must not look like an existing one (same UTS
//! 39 skeleton): `аdmin@…` with a Cyrillic а is not `admin@…`.

use std::collections::HashSet;
use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;
use unicode_security::{GeneralSecurityProfile, MixedScript};

use crate::country::{CountryCode, countries};

/// The longest email address (RFC 5321's path limit).
pub const MAX_EMAIL: usize = 254;
/// The shortest password, in visible characters (whitespace, controls and
/// invisible characters do not count).
pub const MIN_PASSWORD: usize = 12;
/// The longest password, in characters: long pass phrases are welcome, a
/// megabyte pasted into a form is not.
pub const MAX_PASSWORD: usize = 1024;

/// What a user may do. A delegate acts for one or more member states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// Everything, including managing the accounts.
    Admin,
    /// Enters, imports and verifies incidents of every country.
    Analyst,
    /// Writes the articles and composes the bulletin.
    Editor,
    /// Fills the registers' texts missing in a language, and nothing else.
    Translator,
    /// A member state's delegate: submits their own countries' incidents.
    Delegate,
    /// Reads.
    Viewer,
}

impl Role {
    pub const ALL: [Role; 6] =
        [Role::Admin, Role::Analyst, Role::Editor, Role::Translator, Role::Delegate, Role::Viewer];

    pub fn code(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Analyst => "analyst",
            Role::Editor => "editor",
            Role::Translator => "translator",
            Role::Delegate => "delegate",
            Role::Viewer => "viewer",
        }
    }

    /// A role's code, any case, surrounding spaces ignored.
    pub fn parse(input: &str) -> Option<Role> {
        let input = input.trim();
        Role::ALL.into_iter().find(|role| role.code().eq_ignore_ascii_case(input))
    }

    /// The codes, comma-separated, for messages.
    pub fn codes() -> String {
        Role::ALL.map(Role::code).join(", ")
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl serde::Serialize for Role {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// A user account, as the application sees it (never with its password
/// hash).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    pub id: i64,
    /// Lower case; unique.
    pub email: String,
    pub role: Role,
    /// A delegate's member states, sorted, at least one; empty for every
    /// other role.
    pub countries: Vec<CountryCode>,
    /// A disabled account cannot log in and has no rights.
    pub disabled: bool,
    pub created_at: jiff::Timestamp,
}

/// Why an account's values were refused: one sentence each.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UserError {
    #[error("the email address is empty")]
    EmptyEmail,
    #[error("the email address {q} is longer than {MAX_EMAIL} characters", q = crate::text::quoted(.0))]
    EmailTooLong(String),
    #[error("the email address {q} has a space or a control character", q = crate::text::quoted(.0))]
    EmailSpace(String),
    #[error("the email address {q} has an invisible or a text-direction character: type it again by hand", q = crate::text::quoted(.0))]
    EmailInvisible(String),
    #[error("the email address {q} mixes alphabets in one part (e.g. a Cyrillic letter among Latin ones)", q = crate::text::quoted(.0))]
    EmailMixedScripts(String),
    #[error(
        "the email address {q} has a letter outside the alphabets names are written in (a small capital, a \
         phonetic sign): write it with ordinary letters",
        q = crate::text::quoted(.0)
    )]
    EmailUnusualLetter(String),
    #[error("the email address {q} looks like the existing account {1}: choose one that cannot be mistaken for it", q = crate::text::quoted(.0))]
    EmailConfusable(String, String),
    #[error("the email address {q} is not valid: write one name, one @ and a domain, e.g. name@example.org", q = crate::text::quoted(.0))]
    EmailShape(String),
    #[error("the email address {q} is not valid: its domain needs a dot, e.g. name@example.org", q = crate::text::quoted(.0))]
    EmailDomain(String),
    #[error("unknown role {q}: use one of {roles}", roles = Role::codes(), q = crate::text::quoted(.0))]
    UnknownRole(String),
    #[error("a delegate acts for at least one member state: give --country, e.g. --country BF")]
    DelegateWithoutCountry,
    #[error("only delegates have countries: a user with the role {0} takes no --country")]
    CountryForbidden(Role),
    #[error("unknown country {q}: give an ISO 3166-1 code (see `vigie countries`)", q = crate::text::quoted(.0))]
    UnknownCountry(String),
    #[error("the password is too short: use at least {MIN_PASSWORD} characters (a few words make a good one)")]
    PasswordTooShort,
    #[error("the password is too long: use at most {MAX_PASSWORD} characters")]
    PasswordTooLong,
    #[error("the password uses fewer than {MIN_DISTINCT} different characters: choose a less guessable one")]
    PasswordFewCharacters,
    #[error("the password is or holds the email address's name: choose another one")]
    PasswordIsEmail,
    #[error("the password is one of the most common passwords: choose a less guessable one")]
    PasswordCommon,
    #[error("the password is a common password with digits or punctuation added: choose a less guessable one")]
    PasswordCommonVariant,
    #[error("the password repeats a short pattern: choose a less guessable one")]
    PasswordRepeatedPattern,
    #[error("the password is a sequence of letters, digits or neighbouring keys: choose a less guessable one")]
    PasswordSequence,
}

/// An email address as accounts are keyed: NFKC, trimmed, lower case (what
/// the store and the login look up).
pub fn normal_email(input: &str) -> String {
    input.nfkc().collect::<String>().trim().to_lowercase()
}

/// Checks an email address and returns it normalised ([`normal_email`]).
///
/// Deliberately simple: one `@` with something before it, a domain with a
/// dot that neither starts nor ends it, no space, at most [`MAX_EMAIL`]
/// characters. Whether the address receives mail is not ours to tell. As an
/// identifier it holds no invisible character and mixes no scripts within
/// its local part or a domain label.
pub fn check_email(input: &str) -> Result<String, UserError> {
    let email = normal_email(input);
    if email.is_empty() {
        return Err(UserError::EmptyEmail);
    }
    if email.chars().count() > MAX_EMAIL {
        return Err(UserError::EmailTooLong(email));
    }
    // before the spaces: a zero-width space is invisible, not a space
    if email.chars().any(crate::text::is_default_ignorable) {
        return Err(UserError::EmailInvisible(email));
    }
    if email.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(UserError::EmailSpace(email));
    }
    let Some((local, domain)) = email.split_once('@') else {
        return Err(UserError::EmailShape(email));
    };
    if local.is_empty() || domain.is_empty() || domain.contains('@') {
        return Err(UserError::EmailShape(email));
    }
    if !domain.contains('.') || domain.starts_with('.') || domain.ends_with('.') || domain.contains("..") {
        return Err(UserError::EmailDomain(email));
    }
    if !local.is_single_script() || domain.split('.').any(|label| !label.is_single_script()) {
        return Err(UserError::EmailMixedScripts(email));
    }
    // UTS 39's identifier profile: letters of living alphabets only (`ᴀ`,
    // a small capital, passes the script check and looks like `a`)
    if email.chars().any(|c| !c.is_ascii() && !c.identifier_allowed()) {
        return Err(UserError::EmailUnusualLetter(email));
    }
    Ok(email)
}

/// The UTS 39 skeleton of an email address: two addresses with the same
/// skeleton look alike (`rn` and `m`, Cyrillic `а` and Latin `a`).
pub fn email_skeleton(email: &str) -> String {
    unicode_security::skeleton(&normal_email(email)).collect::<String>().to_lowercase()
}

/// The first of `existing` that a new account's `email` (checked) could be
/// mistaken for, itself excluded: same skeleton, different address.
pub fn confusable_email<'a>(email: &str, existing: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let email = normal_email(email);
    let skeleton = email_skeleton(&email);
    existing.into_iter().find(|other| normal_email(other) != email && email_skeleton(other) == skeleton)
}

/// Checks a role's countries: a delegate needs at least one, the other roles
/// take none, every code is a known country. Returns them sorted, each once.
pub fn check_countries(role: Role, countries_given: &[CountryCode]) -> Result<Vec<CountryCode>, UserError> {
    if let Some(unknown) = countries_given.iter().find(|code| countries().get(**code).is_none()) {
        return Err(UserError::UnknownCountry(unknown.to_string()));
    }
    let mut codes = countries_given.to_vec();
    codes.sort();
    codes.dedup();
    match (role, codes.is_empty()) {
        (Role::Delegate, true) => Err(UserError::DelegateWithoutCountry),
        (Role::Delegate, false) | (_, true) => Ok(codes),
        (role, false) => Err(UserError::CountryForbidden(role)),
    }
}

/// A password as it is checked and hashed: NFKC, so that the same
/// password typed on another keyboard (composed or decomposed accents,
/// full-width letters) is the same password.
pub fn normal_password(password: &str) -> String {
    password.nfkc().collect()
}

/// Whether `c` shows: not whitespace, not a control, not invisible.
fn visible(c: char) -> bool {
    !c.is_whitespace() && !c.is_control() && !crate::text::is_default_ignorable(c)
}

/// The common passwords (`data/common-passwords.txt`), lower case.
fn common_passwords() -> &'static HashSet<&'static str> {
    static LIST: OnceLock<HashSet<&'static str>> = OnceLock::new();
    LIST.get_or_init(|| {
        include_str!("../data/common-passwords.txt").lines().map(str::trim).filter(|l| !l.is_empty()).collect()
    })
}

/// Whether `text` (lower case, visible characters) is a short unit said
/// again and again: `abcabcabcabc`, `121212121212`.
fn repeats_a_pattern(chars: &[char]) -> bool {
    let n = chars.len();
    (1..=n / 2).any(|unit| n.is_multiple_of(unit) && chars.chunks(unit).all(|chunk| chunk == &chars[..unit]))
}

/// Whether `chars` step by one code point all the way up or all the way
/// down: `abcdefghijkl`, `987654321098` is not (9 → 8 → … → 0 → 9).
fn is_sequence(chars: &[char]) -> bool {
    let steps: Vec<i64> = chars.windows(2).map(|pair| pair[1] as i64 - pair[0] as i64).collect();
    !steps.is_empty() && (steps.iter().all(|&s| s == 1) || steps.iter().all(|&s| s == -1))
}

/// The keyboard rows a walk follows (QWERTY, AZERTY and the digits).
const KEYBOARD_ROWS: [&str; 7] =
    ["1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm", "azertyuiop", "qsdfghjklm", "wxcvbn"];

/// Whether `chars` walk along keyboard rows (`qwertyuiopas`, `zxcvbnmasdfg`,
/// `123456789012`): each character a neighbour of the one before on a
/// row, but for at most two jumps.
fn is_keyboard_walk(chars: &[char]) -> bool {
    let neighbours = |a: char, b: char| {
        KEYBOARD_ROWS.iter().any(|row| {
            let row: Vec<char> = row.chars().collect();
            row.windows(2).any(|pair| (pair[0] == a && pair[1] == b) || (pair[0] == b && pair[1] == a))
        })
    };
    let jumps = chars.windows(2).filter(|pair| !neighbours(pair[0], pair[1])).count();
    jumps <= 2
}

/// The fewest different characters a password uses.
pub const MIN_DISTINCT: usize = 5;

/// Checks a new password against the policy (NIST SP 800-63B), on its
/// NFKC form: at least [`MIN_PASSWORD`] visible characters (and at most
/// [`MAX_PASSWORD`] characters), at least [`MIN_DISTINCT`] different
/// characters, not the account's email address nor its name, not a common
/// password (case ignored), nor one with digits, punctuation or separators
/// added or look-alike letters put in, not a repeated short pattern (nor a
/// repeated word), not a sequence nor a walk along the keyboard.
pub fn check_password(password: &str, email: &str) -> Result<(), UserError> {
    let password = normal_password(password);
    let shown: Vec<char> = password.chars().filter(|&c| visible(c)).flat_map(char::to_lowercase).collect();
    if shown.len() < MIN_PASSWORD {
        return Err(UserError::PasswordTooShort);
    }
    if password.chars().count() > MAX_PASSWORD {
        return Err(UserError::PasswordTooLong);
    }
    let lower: String = shown.iter().collect();
    // the email's name (before the @), four letters or more, anywhere in it
    let email = normal_email(email);
    let name = email.split('@').next().unwrap_or_default();
    if password.trim().to_lowercase() == email || (name.chars().count() >= 4 && lower.contains(name)) {
        return Err(UserError::PasswordIsEmail);
    }
    if common_passwords().contains(lower.as_str()) {
        return Err(UserError::PasswordCommon);
    }
    // what is left once look-alike letters are read as Latin (а → a),
    // separators dropped and digits taken off the ends: `pаss-word-1234`
    let folded: String = lower
        .chars()
        .flat_map(|c| {
            // beyond ASCII only: the skeleton also reads m as rn
            let letter: String =
                if c.is_ascii() { c.into() } else { unicode_security::skeleton(&c.to_string()).collect() };
            letter.to_lowercase().chars().collect::<Vec<_>>()
        })
        .collect();
    let compact: String = folded.chars().filter(|c| c.is_alphanumeric()).collect();
    let core = compact.trim_matches(|c: char| c.is_numeric());
    let cores = [folded.trim_matches(|c: char| c.is_numeric() || !c.is_alphanumeric()), compact.as_str(), core];
    if cores.iter().any(|core| !core.is_empty() && common_passwords().contains(*core)) {
        return Err(UserError::PasswordCommonVariant);
    }
    let compact_chars: Vec<char> = compact.chars().collect();
    if repeats_a_pattern(&shown) || (compact_chars.len() >= 6 && repeats_a_pattern(&compact_chars)) {
        return Err(UserError::PasswordRepeatedPattern);
    }
    if is_sequence(&shown) || is_keyboard_walk(&shown) {
        return Err(UserError::PasswordSequence);
    }
    let mut distinct = shown.clone();
    distinct.sort_unstable();
    distinct.dedup();
    if distinct.len() < MIN_DISTINCT {
        return Err(UserError::PasswordFewCharacters);
    }
    Ok(())
}

// The access rules. A disabled account has no rights at all: it cannot log
// in, and these rules say no even if it somehow holds a session. Anonymous
// visitors are not users: what they see (published bulletins and
// statistics) is decided elsewhere.

impl User {
    /// Whether the user is active and has this role.
    fn is(&self, role: Role) -> bool {
        !self.disabled && self.role == role
    }

    /// Whether the user is an active delegate of `country`.
    fn delegate_of(&self, country: CountryCode) -> bool {
        self.is(Role::Delegate) && self.countries.contains(&country)
    }
}

/// Whether `user` may read an incident of `country`. Verified incidents are
/// read by everyone; drafts by administrators, analysts and editors, by a
/// delegate only for their own countries, and never by viewers.
pub fn can_read_incident(user: &User, country: CountryCode, verified: bool) -> bool {
    if user.disabled {
        return false;
    }
    verified
        || match readable_drafts(user) {
            Drafts::All => true,
            Drafts::Of(countries) => countries.contains(&country),
        }
}

/// The drafts a user may read, as a list query asks for them (verified
/// incidents are read by everyone): the rule of [`can_read_incident`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Drafts {
    All,
    /// Only those of these countries (none: no draft).
    Of(Vec<CountryCode>),
}

pub fn readable_drafts(user: &User) -> Drafts {
    if user.disabled {
        Drafts::Of(Vec::new())
    } else if user.is(Role::Admin) || user.is(Role::Analyst) || user.is(Role::Editor) {
        Drafts::All
    } else if user.is(Role::Delegate) {
        Drafts::Of(user.countries.clone())
    } else {
        Drafts::Of(Vec::new())
    }
}

/// Whether `user` may create or edit an incident of `country`:
/// administrators and analysts everywhere, a delegate in their own
/// countries; editors and viewers never.
pub fn can_edit_incident(user: &User, country: CountryCode) -> bool {
    user.is(Role::Admin) || user.is(Role::Analyst) || user.delegate_of(country)
}

/// Whether `user` may enter incidents at all (of some country), in the form
/// or by importing a file: administrators, analysts and delegates (each
/// incident then checked with `can_edit_incident`); editors and viewers
/// never.
pub fn can_write_incidents(user: &User) -> bool {
    user.is(Role::Admin) || user.is(Role::Analyst) || user.is(Role::Delegate)
}

/// Whether an import of incidents by `user` may write any incident, of
/// every country and verified ones included: administrators and analysts.
/// Anyone else who may import (a delegate) imports drafts of their own
/// countries only.
pub fn can_import_any_incident(user: &User) -> bool {
    user.is(Role::Admin) || user.is(Role::Analyst)
}

/// Whether `user` may approve (verify) an incident written by `author_id`
/// (`None`: imported from a file, no author): administrators and analysts,
/// never their own incidents (four eyes).
pub fn can_approve(user: &User, author_id: Option<i64>) -> bool {
    (user.is(Role::Admin) || user.is(Role::Analyst)) && author_id != Some(user.id)
}

/// Whether `user` may change an existing incident of `country`: who may
/// edit the country's incidents (`can_edit_incident`), and for a verified
/// one an administrator or analyst only; their change makes it a draft
/// again, to be approved anew by someone else (`can_approve_draft`).
pub fn can_change_incident(user: &User, country: CountryCode, verified: bool) -> bool {
    can_edit_incident(user, country) && (!verified || user.is(Role::Admin) || user.is(Role::Analyst))
}

/// Four eyes on a draft written by `author_id` and changed since its last
/// approval by the accounts `editors`: `can_approve`, and never by one of
/// those who changed it (an analyst who edits a verified incident does not
/// approve their own change).
pub fn can_approve_draft(user: &User, author_id: Option<i64>, editors: &[i64]) -> bool {
    can_approve(user, author_id) && !editors.contains(&user.id)
}

/// Whether `user` may import a dataset (ACLED, UCDP GED, GTD) through the
/// web: who may write every country (administrators, analysts). A
/// dataset's rows carry the source's own ids, which span every country: a
/// delegate's import of one could tell, by what it refuses, which of those
/// ids another country holds as drafts, or take an id first.
pub fn can_import_datasets(user: &User) -> bool {
    can_import_any_incident(user)
}

/// What an import by `user` may do with one valid row (of `row_country`),
/// given the incident its id names: `stored` is that incident's country
/// and whether it is verified, `None` when no incident has the id;
/// `named` tells whether the row gave its id (else it was derived from
/// the row's content, country included).
///
/// Whoever may not read every draft (a delegate) names existing incidents
/// only: a named id that no incident they may change has is refused the
/// same way whether it is unknown or another country's draft, so an import
/// (a dry run included) never tells whether such an id exists. New
/// incidents of their file come without an id.
pub fn import_row_access(
    user: &User,
    row_country: CountryCode,
    named: bool,
    stored: Option<(CountryCode, bool)>,
) -> RowAccess {
    if !can_edit_incident(user, row_country) {
        return RowAccess::Country;
    }
    match stored {
        None if named && !can_import_any_incident(user) => RowAccess::UnknownId,
        None => RowAccess::Write,
        Some((country, verified)) if can_change_incident(user, country, verified) => RowAccess::Write,
        Some((country, true)) if can_edit_incident(user, country) => RowAccess::Verified,
        Some(_) => RowAccess::UnknownId,
    }
}

/// The answer of [`import_row_access`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowAccess {
    /// Written (a new incident, or a change of one the user may change), as
    /// a draft: a verified incident it changes becomes a draft again.
    Write,
    /// The row's country is not one the user may write.
    Country,
    /// The id names no incident the user may change: unknown, merged, or
    /// one they may not see (the same answer).
    UnknownId,
    /// The id names a verified incident of the user's own country, which
    /// only an analyst changes: the row is kept only if it says the same.
    Verified,
}

/// Whether `user` may add, change and disable accounts, and read the audit
/// log: administrators.
pub fn can_manage_users(user: &User) -> bool {
    user.is(Role::Admin)
}

/// Whether `user` may write and publish articles and compose the bulletin:
/// administrators and editors.
pub fn can_edit_articles(user: &User) -> bool {
    user.is(Role::Admin) || user.is(Role::Editor)
}

/// Whether `user` may write the texts of the registers in a language (the
/// `/translations` page): translators, editors and administrators. A
/// translation changes the texts of one language and nothing else of the
/// record.
pub fn can_translate(user: &User) -> bool {
    !user.disabled && (user.is(Role::Admin) || user.is(Role::Editor) || user.is(Role::Translator))
}

/// Whether `user` may read articles that are still drafts: those who write
/// them (translators too: the source of a translation may be a draft), and
/// analysts (who check the facts); delegates and viewers read published
/// versions only.
pub fn can_read_draft_articles(user: &User) -> bool {
    can_edit_articles(user) || user.is(Role::Analyst) || can_translate(user)
}

/// Whether `user` may write a version of a story: editors and
/// administrators any; a translator only a translation (the story has a
/// version in another language, `has_other_version`) that was a draft
/// (`stored`: the status of the version written over, `None` for a new
/// one) and stays one (`new`): a translator does not publish.
pub fn can_write_article_version(
    user: &User,
    has_other_version: bool,
    stored: Option<crate::ArticleStatus>,
    new: crate::ArticleStatus,
) -> bool {
    use crate::ArticleStatus::Draft;
    can_edit_articles(user)
        || (can_translate(user) && has_other_version && stored.is_none_or(|s| s == Draft) && new == Draft)
}

/// Whether `user` may enter activities at all (of some country):
/// administrators, analysts, editors and delegates.
pub fn can_write_activities(user: &User) -> bool {
    user.is(Role::Admin) || user.is(Role::Analyst) || user.is(Role::Editor) || user.is(Role::Delegate)
}

/// Whether `user` may create or change an activity whose counterpart
/// country is `country`: administrators, analysts and editors any; a
/// delegate only one whose counterpart country is one of theirs (the only
/// country an activity names), so never one without a counterpart country;
/// viewers never.
pub fn can_edit_activity(user: &User, country: Option<CountryCode>) -> bool {
    user.is(Role::Admin)
        || user.is(Role::Analyst)
        || user.is(Role::Editor)
        || country.is_some_and(|country| user.delegate_of(country))
}

/// Whether `user` may add and change member states: administrators.
pub fn can_manage_members(user: &User) -> bool {
    user.is(Role::Admin)
}

/// Whether `user` may add and change partners and their agreements:
/// administrators.
pub fn can_manage_partners(user: &User) -> bool {
    user.is(Role::Admin)
}

/// Whether `user` may write developments notes at all (of some country):
/// administrators, analysts and delegates.
pub fn can_write_notes(user: &User) -> bool {
    user.is(Role::Admin) || user.is(Role::Analyst) || user.is(Role::Delegate)
}

/// Whether `user` may write or change the developments note of `country`:
/// administrators and analysts any, a delegate their own countries' only.
pub fn can_edit_note(user: &User, country: CountryCode) -> bool {
    user.is(Role::Admin) || user.is(Role::Analyst) || user.delegate_of(country)
}

/// Whether `user` may say what kind of actor a perpetrator group is (which
/// decides whether its incidents count as terrorism): administrators and
/// analysts.
pub fn can_set_group_kind(user: &User) -> bool {
    user.is(Role::Admin) || user.is(Role::Analyst)
}

/// Whether `user` may confirm or dispute the figures of `country` for a
/// month: the member state's own delegate only. The figures are the
/// member state's to vouch for; an analyst or administrator of the
/// coalition does not confirm them in its name.
pub fn can_confirm_figures(user: &User, country: CountryCode) -> bool {
    user.delegate_of(country)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str) -> CountryCode {
        CountryCode::new(text).unwrap()
    }

    fn user(id: i64, role: Role, countries: &[&str]) -> User {
        User {
            id,
            email: format!("{role}@example.org"),
            role,
            countries: countries.iter().map(|c| code(c)).collect(),
            disabled: false,
            created_at: jiff::Timestamp::UNIX_EPOCH,
        }
    }

    /// One user of each role; the delegate acts for Burkina Faso.
    fn everyone() -> Vec<User> {
        vec![
            user(1, Role::Admin, &[]),
            user(2, Role::Analyst, &[]),
            user(3, Role::Editor, &[]),
            user(4, Role::Delegate, &["BF"]),
            user(5, Role::Viewer, &[]),
        ]
    }

    #[test]
    fn a_translator_writes_draft_translations_and_nothing_else_of_a_story() {
        use crate::ArticleStatus::{Draft, Published};
        let translator = user(6, Role::Translator, &[]);
        let may = |user: &User, other: bool, stored: Option<crate::ArticleStatus>, new| {
            can_write_article_version(user, other, stored, new)
        };
        assert!(may(&translator, true, None, Draft), "a new translation");
        assert!(may(&translator, true, Some(Draft), Draft), "a draft translation changed");
        assert!(!may(&translator, false, None, Draft), "not a new story");
        assert!(!may(&translator, true, Some(Published), Draft), "not a published version");
        assert!(!may(&translator, true, None, Published), "not published by a translator");
        for other in everyone() {
            let editor = other.is(Role::Admin) || other.is(Role::Editor);
            assert_eq!(may(&other, false, Some(Published), Published), editor, "{:?}", other.role);
            assert_eq!(may(&other, true, None, Draft), editor, "{:?}", other.role);
        }
        let mut disabled = translator.clone();
        disabled.disabled = true;
        assert!(!may(&disabled, true, None, Draft));
        assert!(can_read_draft_articles(&translator));
    }

    #[test]
    fn roles_round_trip() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.code()), Some(role));
            assert_eq!(Role::parse(&format!(" {} ", role.code().to_uppercase())), Some(role));
        }
        assert_eq!(Role::parse("root"), None);
        assert_eq!(Role::codes(), "admin, analyst, editor, translator, delegate, viewer");
        assert_eq!(serde_json::to_string(&Role::Delegate).unwrap(), "\"delegate\"");
    }

    #[test]
    fn emails() {
        assert_eq!(check_email("  Ada.Lovelace@Example.ORG "), Ok("ada.lovelace@example.org".into()));
        assert_eq!(check_email("delegate.bf@vigie.example"), Ok("delegate.bf@vigie.example".into()));
        assert_eq!(check_email("élodie@exemple.fr"), Ok("élodie@exemple.fr".into()));
        assert_eq!(check_email(""), Err(UserError::EmptyEmail));
        assert_eq!(check_email("   "), Err(UserError::EmptyEmail));
        for bad in ["ada", "@example.org", "ada@", "ada@@example.org", "a@b@example.org"] {
            assert_eq!(check_email(bad), Err(UserError::EmailShape(bad.into())), "{bad}");
        }
        for bad in ["ada@localhost", "ada@.example", "ada@example.", "ada@example..org"] {
            assert_eq!(check_email(bad), Err(UserError::EmailDomain(bad.into())), "{bad}");
        }
        assert_eq!(
            check_email("ada lovelace@example.org"),
            Err(UserError::EmailSpace("ada lovelace@example.org".into()))
        );
        assert!(matches!(check_email("a@b.c\u{7}"), Err(UserError::EmailSpace(_))));
        let longest = format!("{}@example.org", "a".repeat(MAX_EMAIL - 12));
        assert_eq!(longest.len(), MAX_EMAIL);
        assert!(check_email(&longest).is_ok());
        let longer = format!("a{longest}");
        assert_eq!(check_email(&longer), Err(UserError::EmailTooLong(longer.clone())));
        assert_eq!(check_email("ＡＤＡ@Example.org"), Ok("ada@example.org".into()), "NFKC, then lower case");
        assert_eq!(check_email("e\u{301}lodie@exemple.fr"), Ok("élodie@exemple.fr".into()));
        assert_eq!(
            check_email("ada").unwrap_err().to_string(),
            "the email address \"ada\" is not valid: write one name, one @ and a domain, e.g. name@example.org"
        );
    }

    #[test]
    fn emails_hold_no_invisible_characters() {
        for c in [
            '\u{200B}',
            '\u{200C}',
            '\u{200D}',
            '\u{200E}',
            '\u{200F}',
            '\u{202A}',
            '\u{202E}',
            '\u{2060}',
            '\u{2064}',
            '\u{2066}',
            '\u{2069}',
            '\u{FEFF}',
            '\u{AD}',
            '\u{180E}',
            '\u{FE0F}',
            '\u{E0041}',
        ] {
            for email in [format!("ad{c}a@example.org"), format!("ada@exa{c}mple.org"), format!("ada@example.org{c}")] {
                assert!(
                    matches!(check_email(&email), Err(UserError::EmailInvisible(_))),
                    "U+{:04X}: {:?}",
                    c as u32,
                    check_email(&email)
                );
            }
        }
        assert!(
            crate::text::is_default_ignorable('\u{2065}')
                && !crate::text::is_default_ignorable('a')
                && !crate::text::is_default_ignorable(' ')
        );
    }

    #[test]
    fn emails_mix_no_scripts() {
        // a Cyrillic а (U+0430) among Latin letters
        assert_eq!(
            check_email("\u{430}dmin@vigie.example"),
            Err(UserError::EmailMixedScripts("\u{430}dmin@vigie.example".into()))
        );
        assert!(matches!(check_email("admin@vigi\u{435}.example"), Err(UserError::EmailMixedScripts(_))));
        assert!(matches!(check_email("admin@vigie.\u{435}xample"), Err(UserError::EmailMixedScripts(_))));
        assert!(matches!(check_email("ad\u{3B1}min@vigie.example"), Err(UserError::EmailMixedScripts(_))), "Greek α");
        // one script a part is fine, with digits, dots and hyphens
        assert_eq!(check_email("\u{430}\u{434}\u{43C}\u{438}\u{43D}@vigie.example").map(|_| ()), Ok(()));
        assert_eq!(check_email("مدير@vigie.example").map(|_| ()), Ok(()));
        assert_eq!(check_email("delegate.bf-2@vigie-2.example"), Ok("delegate.bf-2@vigie-2.example".into()));
        // one script, but not letters names are written in
        for unusual in ["\u{1D00}dmin@vigie.example", "\u{1D00}nalyst@vigie.example", "\u{251}dmin@vigie.example"] {
            assert_eq!(check_email(unusual), Err(UserError::EmailUnusualLetter(unusual.into())), "{unusual}");
        }
        assert!(check_email("élodie.müller@exemple.fr").is_ok() && check_email("иван@пример.рф").is_ok());
    }

    #[test]
    fn confusable_emails() {
        let existing = ["admin@vigie.example", "analyst@vigie.example"];
        assert_eq!(email_skeleton("admin@vigie.example"), email_skeleton("adrnin@vigie.example"));
        assert_eq!(confusable_email("adrnin@vigie.example", existing), Some("admin@vigie.example"));
        assert_eq!(confusable_email("\u{430}dmin@vigie.example", existing), Some("admin@vigie.example"));
        assert_eq!(confusable_email("ana1yst@vigie.example", existing), Some("analyst@vigie.example"));
        assert_eq!(confusable_email("editor@vigie.example", existing), None);
        // the same address is not confusable with itself (that is "already exists")
        assert_eq!(confusable_email("Admin@vigie.example", existing), None);
        assert_eq!(
            UserError::EmailConfusable("adrnin@vigie.example".into(), "admin@vigie.example".into()).to_string(),
            "the email address \"adrnin@vigie.example\" looks like the existing account admin@vigie.example: \
             choose one that cannot be mistaken for it"
        );
    }

    #[test]
    fn countries_follow_the_role() {
        assert_eq!(
            check_countries(Role::Delegate, &[code("ML"), code("BF"), code("ML")]),
            Ok(vec![code("BF"), code("ML")])
        );
        assert_eq!(check_countries(Role::Delegate, &[]), Err(UserError::DelegateWithoutCountry));
        for role in [Role::Admin, Role::Analyst, Role::Editor, Role::Viewer] {
            assert_eq!(check_countries(role, &[]), Ok(vec![]));
            assert_eq!(check_countries(role, &[code("BF")]), Err(UserError::CountryForbidden(role)));
        }
        assert_eq!(check_countries(Role::Delegate, &[code("QQ")]), Err(UserError::UnknownCountry("QQ".into())));
        assert_eq!(
            UserError::DelegateWithoutCountry.to_string(),
            "a delegate acts for at least one member state: give --country, e.g. --country BF"
        );
        assert_eq!(
            UserError::CountryForbidden(Role::Viewer).to_string(),
            "only delegates have countries: a user with the role viewer takes no --country"
        );
    }

    #[test]
    fn password_policy() {
        let email = "ada@example.org";
        assert_eq!(check_password("correct horse battery", email), Ok(()));
        assert_eq!(check_password("vigie-demo-2023", email), Ok(()));
        // twelve characters, counted as characters, not bytes
        assert_eq!(check_password("abcdefghijkm", email), Ok(()));
        assert_eq!(check_password("abcdefghijk", email), Err(UserError::PasswordTooShort));
        assert_eq!(check_password("éàèçùâêîôûëa", email), Ok(()));
        assert_eq!(check_password("éàèçùâêîôûë", email), Err(UserError::PasswordTooShort));
        assert_eq!(check_password("éééééééééééa", email), Err(UserError::PasswordFewCharacters));
        assert_eq!(check_password("", email), Err(UserError::PasswordTooShort));
        assert_eq!(check_password("aaaaaaaaaaaaaaaa", email), Err(UserError::PasswordRepeatedPattern));
        assert_eq!(check_password("ada@example.org", email), Err(UserError::PasswordIsEmail));
        assert_eq!(check_password("ADA@Example.org", email), Err(UserError::PasswordIsEmail));
        assert_eq!(check_password(&"ab".repeat(MAX_PASSWORD / 2 + 1), email), Err(UserError::PasswordTooLong));
        assert_eq!(
            UserError::PasswordTooShort.to_string(),
            "the password is too short: use at least 12 characters (a few words make a good one)"
        );
    }

    /// What a probe got past the first rules: each refused now, and why.
    #[test]
    fn guessable_passwords_a_probe_tried() {
        use UserError::*;
        let email = "viewer@vigie.example";
        for (password, why) in [
            ("qwertyuiopas", PasswordSequence),
            ("zxcvbnmasdfg", PasswordSequence),
            ("azertyuiopqs", PasswordSequence),
            ("123456789012", PasswordSequence),
            ("aaaaaaaaaaab", PasswordFewCharacters),
            ("abababababac", PasswordFewCharacters),
            ("111111111112", PasswordFewCharacters),
            ("password.password", PasswordRepeatedPattern),
            ("iloveyou.iloveyou", PasswordRepeatedPattern),
            ("pass-word-1234", PasswordCommonVariant),
            ("p\u{0430}ssword1234", PasswordCommonVariant),
            ("viewer@vigie.example1", PasswordIsEmail),
            ("my-viewer-account-9", PasswordIsEmail),
        ] {
            assert_eq!(check_password(password, email), Err(why), "{password}");
        }
        // pass phrases and random ones still pass
        for good in ["correct horse battery", "Tombouctou sous la pluie", "q7#Lm2!vRx9@", "سماء زرقاء فوق غاو"]
        {
            assert_eq!(check_password(good, email), Ok(()), "{good}");
        }
    }

    #[test]
    fn password_length_counts_visible_characters() {
        let email = "ada@example.org";
        // twelve spaces and an a; twelve zero-width spaces and an x
        assert_eq!(check_password(&format!("{}a", " ".repeat(12)), email), Err(UserError::PasswordTooShort));
        assert_eq!(check_password(&format!("{}x", "\u{200B}".repeat(12)), email), Err(UserError::PasswordTooShort));
        assert_eq!(check_password("            ", email), Err(UserError::PasswordTooShort));
        // joiners, direction marks and tabs between letters do not count either
        let padded: String = "lion tiger".chars().flat_map(|c| [c, '\u{200D}', '\u{2067}', '\t']).collect();
        assert_eq!(check_password(&padded, email), Err(UserError::PasswordTooShort));
        // spaces between words are welcome, they just do not count
        assert_eq!(check_password("lion tiger bear", email), Ok(()));
    }

    #[test]
    fn passwords_are_checked_in_nfkc() {
        let email = "ada@example.org";
        assert_eq!(normal_password("cafe\u{301}"), "café");
        assert_eq!(normal_password("ｐａｓｓｗｏｒｄ"), "password");
        // full-width letters are the common password they look like
        assert_eq!(check_password("ｐａｓｓｗｏｒｄ!２０２４", email), Err(UserError::PasswordCommonVariant));
        // eleven letters and a decomposed é: twelve characters once composed
        assert_eq!(check_password("e\u{301}tourdissant", email), Ok(()));
        assert_eq!(
            check_password("e\u{301}e\u{301}e\u{301}e\u{301}e\u{301}e\u{301}", email),
            Err(UserError::PasswordTooShort)
        );
    }

    #[test]
    fn common_passwords_and_their_variants_are_refused() {
        let email = "ada@example.org";
        assert!(common_passwords().len() >= 29_000, "{}", common_passwords().len());
        for common in ["1qaz2wsx3edc", "1QAZ2wsx3EDC", "PASSWORD1234", "password1234"] {
            assert_eq!(check_password(common, email), Err(UserError::PasswordCommon), "{common}");
        }
        for variant in ["Password!2024", "!!Dragon2023!!", "2024-football", "monkey.123456", "Sunshine#7777"] {
            assert_eq!(check_password(variant, email), Err(UserError::PasswordCommonVariant), "{variant}");
        }
        // a common word inside a longer pass phrase is fine
        assert_eq!(check_password("password of the sahel", email), Ok(()));
        assert_eq!(check_password("dragon-under-bridge", email), Ok(()));
    }

    #[test]
    fn patterns_and_sequences_are_refused() {
        let email = "ada@example.org";
        for pattern in ["abcabcabcabc", "121212121212", "xyzwxyzwxyzw", "Ab1!Ab1!Ab1!"] {
            assert_eq!(check_password(pattern, email), Err(UserError::PasswordRepeatedPattern), "{pattern}");
        }
        for sequence in ["abcdefghijkl", "ABCDEFGHIJKLMN", "onmlkjihgfed", "3456789:;<=>"] {
            assert_eq!(check_password(sequence, email), Err(UserError::PasswordSequence), "{sequence}");
        }
        // one letter off a pattern is still four letters in all
        assert_eq!(check_password("abcabcabcabd", email), Err(UserError::PasswordFewCharacters));
        assert_eq!(check_password("abcdefghijkm", email), Ok(()));
    }

    /// Reading: the full matrix of role × own or other country × draft or
    /// verified.
    #[test]
    fn read_matrix() {
        let (bf, ml) = (code("BF"), code("ML"));
        // (role, BF draft, ML draft); verified is always readable
        let expected = [
            (Role::Admin, true, true),
            (Role::Analyst, true, true),
            (Role::Editor, true, true),
            (Role::Delegate, true, false),
            (Role::Viewer, false, false),
        ];
        for (user, (role, bf_draft, ml_draft)) in everyone().iter().zip(expected) {
            assert_eq!(user.role, role);
            assert!(can_read_incident(user, bf, true), "{role} reads verified BF");
            assert!(can_read_incident(user, ml, true), "{role} reads verified ML");
            assert_eq!(can_read_incident(user, bf, false), bf_draft, "{role} reads BF draft");
            assert_eq!(can_read_incident(user, ml, false), ml_draft, "{role} reads ML draft");
        }
    }

    #[test]
    fn edit_matrix() {
        let (bf, ml) = (code("BF"), code("ML"));
        // (role, enters incidents at all, BF, ML, imports any incident)
        let expected = [
            (Role::Admin, true, true, true, true),
            (Role::Analyst, true, true, true, true),
            (Role::Editor, false, false, false, false),
            (Role::Delegate, true, true, false, false),
            (Role::Viewer, false, false, false, false),
        ];
        for (user, (role, writes, edit_bf, edit_ml, imports_any)) in everyone().iter().zip(expected) {
            assert_eq!(user.role, role);
            assert_eq!(can_write_incidents(user), writes, "{role} enters incidents");
            assert_eq!(can_edit_incident(user, bf), edit_bf, "{role} edits BF");
            assert_eq!(can_edit_incident(user, ml), edit_ml, "{role} edits ML");
            assert_eq!(can_import_any_incident(user), imports_any, "{role} imports any incident");
        }
        let both = user(6, Role::Delegate, &["BF", "ML"]);
        assert!(can_edit_incident(&both, bf) && can_edit_incident(&both, ml));
        assert!(!can_edit_incident(&both, code("NE")));
    }

    /// The import matrix: role × the row's country × what the id names.
    #[test]
    fn import_rows() {
        use RowAccess::*;
        let (bf, ml) = (code("BF"), code("ML"));
        // what an id may name: nothing (named, or derived), a BF draft, an
        // ML draft, a verified BF incident, a verified ML incident
        let cases: [(bool, Option<(CountryCode, bool)>); 6] = [
            (true, None),
            (false, None),
            (true, Some((bf, false))),
            (true, Some((ml, false))),
            (true, Some((bf, true))),
            (true, Some((ml, true))),
        ];
        // (role, BF rows for each case, ML rows for each case)
        let expected = [
            (Role::Admin, [Write; 6], [Write; 6]),
            (Role::Analyst, [Write; 6], [Write; 6]),
            (Role::Editor, [Country; 6], [Country; 6]),
            (Role::Delegate, [UnknownId, Write, Write, UnknownId, Verified, UnknownId], [Country; 6]),
            (Role::Viewer, [Country; 6], [Country; 6]),
        ];
        for (user, (role, bf_rows, ml_rows)) in everyone().iter().zip(expected) {
            assert_eq!(user.role, role);
            for (i, (named, stored)) in cases.into_iter().enumerate() {
                assert_eq!(import_row_access(user, bf, named, stored), bf_rows[i], "{role}: BF row, case {i}");
                assert_eq!(import_row_access(user, ml, named, stored), ml_rows[i], "{role}: ML row, case {i}");
            }
        }
        // an unknown id and another country's draft get the same answer
        let delegate = user(4, Role::Delegate, &["BF"]);
        assert_eq!(
            import_row_access(&delegate, bf, true, None),
            import_row_access(&delegate, bf, true, Some((ml, false)))
        );
        let mut disabled = user(2, Role::Analyst, &[]);
        disabled.disabled = true;
        assert_eq!(import_row_access(&disabled, bf, false, None), Country);
        // datasets: who writes every country
        let datasets: Vec<bool> = everyone().iter().map(can_import_datasets).collect();
        assert_eq!(datasets, [true, true, false, false, false]);
        assert!(!can_import_datasets(&disabled));
    }

    #[test]
    fn approval_needs_four_eyes() {
        // (role, someone else's, imported, their own)
        let expected = [
            (Role::Admin, true, true, false),
            (Role::Analyst, true, true, false),
            (Role::Editor, false, false, false),
            (Role::Delegate, false, false, false),
            (Role::Viewer, false, false, false),
        ];
        for (user, (role, other, imported, own)) in everyone().iter().zip(expected) {
            assert_eq!(can_approve(user, Some(99)), other, "{role} approves another's");
            assert_eq!(can_approve(user, None), imported, "{role} approves an imported incident");
            assert_eq!(can_approve(user, Some(user.id)), own, "{role} approves their own");
        }
        // a second analyst approves the first one's incident
        let (first, second) = (user(2, Role::Analyst, &[]), user(7, Role::Analyst, &[]));
        assert!(!can_approve(&first, Some(first.id)));
        assert!(can_approve(&second, Some(first.id)));
    }

    #[test]
    fn changing_an_incident_and_approving_a_change() {
        let (bf, ml) = (code("BF"), code("ML"));
        // (role, BF draft, BF verified, ML draft)
        let expected = [
            (Role::Admin, true, true, true),
            (Role::Analyst, true, true, true),
            (Role::Editor, false, false, false),
            (Role::Delegate, true, false, false),
            (Role::Viewer, false, false, false),
        ];
        for (user, (role, draft, verified, other)) in everyone().iter().zip(expected) {
            assert_eq!(can_change_incident(user, bf, false), draft, "{role} changes a BF draft");
            assert_eq!(can_change_incident(user, bf, true), verified, "{role} changes a verified BF incident");
            assert_eq!(can_change_incident(user, ml, false), other, "{role} changes an ML draft");
        }
        // the second analyst changed an imported incident: the first approves it, not the second
        let (first, second) = (user(2, Role::Analyst, &[]), user(7, Role::Analyst, &[]));
        assert!(can_approve_draft(&first, None, &[second.id]));
        assert!(!can_approve_draft(&second, None, &[second.id]));
        assert!(!can_approve_draft(&first, Some(first.id), &[second.id]));
        let mut disabled = first.clone();
        disabled.disabled = true;
        assert!(!can_change_incident(&disabled, bf, false) && !can_approve_draft(&disabled, None, &[]));
    }

    #[test]
    fn article_drafts() {
        let expected = [
            (Role::Admin, true),
            (Role::Analyst, true),
            (Role::Editor, true),
            (Role::Delegate, false),
            (Role::Viewer, false),
        ];
        for (user, (role, drafts)) in everyone().iter().zip(expected) {
            assert_eq!(user.role, role);
            assert_eq!(can_read_draft_articles(user), drafts, "{role} reads article drafts");
            let mut disabled = user.clone();
            disabled.disabled = true;
            assert!(!can_read_draft_articles(&disabled), "disabled {role}");
        }
    }

    #[test]
    fn users_and_articles() {
        let expected = [
            (Role::Admin, true, true),
            (Role::Analyst, false, false),
            (Role::Editor, false, true),
            (Role::Delegate, false, false),
            (Role::Viewer, false, false),
        ];
        for (user, (role, manage, articles)) in everyone().iter().zip(expected) {
            assert_eq!(can_manage_users(user), manage, "{role} manages users");
            assert_eq!(can_edit_articles(user), articles, "{role} edits articles");
        }
    }

    #[test]
    fn register_matrix() {
        let (bf, ml) = (code("BF"), code("ML"));
        // (role, writes activities, BF activity, ML activity, activity without
        // country, members, partners, writes notes, BF note, ML note)
        let expected = [
            (Role::Admin, true, true, true, true, true, true, true, true, true),
            (Role::Analyst, true, true, true, true, false, false, true, true, true),
            (Role::Editor, true, true, true, true, false, false, false, false, false),
            (Role::Delegate, true, true, false, false, false, false, true, true, false),
            (Role::Viewer, false, false, false, false, false, false, false, false, false),
        ];
        for (user, row) in everyone().iter().zip(expected) {
            let (role, activities, act_bf, act_ml, act_none, members, partners, notes, note_bf, note_ml) = row;
            assert_eq!(user.role, role);
            assert_eq!(can_write_activities(user), activities, "{role} writes activities");
            assert_eq!(can_edit_activity(user, Some(bf)), act_bf, "{role} edits a BF activity");
            assert_eq!(can_edit_activity(user, Some(ml)), act_ml, "{role} edits an ML activity");
            assert_eq!(can_edit_activity(user, None), act_none, "{role} edits an activity without country");
            assert_eq!(can_manage_members(user), members, "{role} manages members");
            assert_eq!(can_manage_partners(user), partners, "{role} manages partners");
            assert_eq!(can_write_notes(user), notes, "{role} writes notes");
            assert_eq!(can_edit_note(user, bf), note_bf, "{role} edits a BF note");
            assert_eq!(can_edit_note(user, ml), note_ml, "{role} edits an ML note");
        }
        let both = user(6, Role::Delegate, &["BF", "ML"]);
        assert!(can_edit_activity(&both, Some(ml)) && can_edit_note(&both, ml));
        assert!(!can_edit_activity(&both, Some(code("NE"))) && !can_edit_note(&both, code("NE")));
    }

    #[test]
    fn disabled_users_have_no_rights() {
        let bf = code("BF");
        for mut user in everyone() {
            user.disabled = true;
            assert!(!can_read_incident(&user, bf, true), "{}", user.role);
            assert!(!can_read_incident(&user, bf, false), "{}", user.role);
            assert!(!can_edit_incident(&user, bf), "{}", user.role);
            assert!(!can_write_incidents(&user) && !can_import_any_incident(&user), "{}", user.role);
            assert!(!can_approve(&user, None), "{}", user.role);
            assert!(!can_manage_users(&user), "{}", user.role);
            assert!(!can_edit_articles(&user), "{}", user.role);
            assert!(!can_write_activities(&user) && !can_edit_activity(&user, Some(bf)), "{}", user.role);
            assert!(!can_manage_members(&user) && !can_manage_partners(&user), "{}", user.role);
            assert!(!can_write_notes(&user) && !can_edit_note(&user, bf), "{}", user.role);
        }
    }
}
