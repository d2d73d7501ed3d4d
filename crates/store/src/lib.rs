//! Vigie's store. Callers see the [`Store`] trait and plain domain types;
//! each back end (SQLite now, PostgreSQL later) lives in its own module with
//! its own migrations.

pub mod api_token;
mod error;
mod filter;
pub mod password;
pub mod sqlite;
pub mod totp;

use vigie_domain::publication::IssueLabel;
use vigie_domain::{Agreement, CountryCode, Group, GroupRegister, Incident, Member, Month, Note, Partner};

pub use error::StoreError;

/// The `meta` key of the roles that must log in with a second factor
/// (their codes, comma-separated).
pub const TOTP_ROLES_KEY: &str = "totp_required_roles";
pub use filter::ActivityFilter;
pub use filter::{Actors, Aggregate, AggregateRow, Dimension, IncidentFilter, Order};

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// What an upsert did to the stored incident.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Upsert {
    New,
    Updated,
    Unchanged,
    /// This import already wrote an incident with the same id: nothing
    /// written, the row is a duplicate.
    Repeated,
    /// The record belongs to another (an activity's person, an activity)
    /// that neither the store nor the import holds: nothing written.
    Orphan,
}

/// The counts of one import, recorded with it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportCounts {
    pub new: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub rejected: u64,
    /// Rows left out on purpose (not terrorist operations).
    pub skipped: u64,
}

impl ImportCounts {
    pub fn record(&mut self, outcome: Upsert) {
        match outcome {
            Upsert::New => self.new += 1,
            Upsert::Updated => self.updated += 1,
            Upsert::Unchanged => self.unchanged += 1,
            Upsert::Repeated | Upsert::Orphan => self.rejected += 1,
        }
    }
}

/// One import as a transaction: nothing is visible until [`finish`], and
/// dropping the session without finishing writes nothing.
///
/// [`finish`]: ImportSession::finish
pub trait ImportSession {
    /// Creates a group met for the first time in this import.
    fn add_group(&mut self, group: &Group) -> Result<()>;
    /// Inserts the incident, or updates it if its id exists and it changed.
    /// `content_hash` is `incident.content_hash()`, computed by the caller so
    /// that it can be done off the writing thread.
    fn upsert(&mut self, incident: &Incident, content_hash: i64) -> Result<Upsert>;
    /// The incident stored under `id`, if any: an import by a web user
    /// checks whether they may change it and records what changed.
    fn stored(&mut self, id: &str) -> Result<Option<Incident>>;
    /// The country and status of the incident stored under `id`, if any:
    /// what an importer's rights are judged on (a narrow lookup).
    fn stored_access(&mut self, id: &str) -> Result<Option<(CountryCode, vigie_domain::Status)>>;
    /// Records who runs the import (a web user's email, or `cli`).
    fn set_actor(&mut self, actor: &str) -> Result<()>;
    /// Makes the user `author_id` the author of an incident this import
    /// created (four eyes: they may not approve it).
    fn set_author(&mut self, id: &str, author_id: i64) -> Result<()>;
    /// Forgets the last review of a verified incident this import made a
    /// draft again (it needs a new one).
    fn reopen(&mut self, id: &str) -> Result<()>;
    /// Adds `entry` to the audit log in the import's transaction: written
    /// if and only if the import is.
    fn record_audit(&mut self, entry: &vigie_domain::AuditEntry) -> Result<()>;
    /// Records the import's counts and commits; returns the import's id.
    fn finish(self: Box<Self>, counts: ImportCounts) -> Result<i64>;
}

/// One import of the member register as a transaction, like
/// [`ImportSession`]: nothing is visible until [`finish`], and dropping the
/// session without finishing writes nothing.
///
/// [`finish`]: MemberImportSession::finish
pub trait MemberImportSession {
    /// Inserts the member, or, if its country is already a member and
    /// anything changed, replaces its joined date, representative's title
    /// and national days (as a whole). A country written twice in one
    /// session is [`Upsert::Repeated`] the second time, and not written.
    fn upsert(&mut self, member: &Member) -> Result<Upsert>;
    /// Keeps `payload` under `key` until the import ends, on disk rather
    /// than in memory: the records a member's later row may reject.
    fn keep(&mut self, key: i64, payload: &str) -> Result<()>;
    /// The smallest key kept that is greater than `after`.
    fn next_kept_key(&mut self, after: i64) -> Result<Option<i64>>;
    /// Up to `limit` payloads kept under `key`, in the order kept, after
    /// the position `after` (0: from the first); each with its position.
    fn kept(&mut self, key: i64, after: i64, limit: usize) -> Result<Vec<(i64, String)>>;
    /// Adds `entry` to the audit log in the import's transaction, like
    /// [`ImportSession::record_audit`].
    fn record_audit(&mut self, entry: &vigie_domain::AuditEntry) -> Result<()>;
    /// Records the import's counts and commits; returns the import's id.
    fn finish(self: Box<Self>, counts: ImportCounts) -> Result<i64>;
}

/// One import of the partner register as a transaction, like
/// [`MemberImportSession`].
pub trait PartnerImportSession {
    /// Inserts the partner (its id, names, scope and kind), or updates it if
    /// anything changed; its agreements are left as they are. An id written
    /// twice in one session is [`Upsert::Repeated`] the second time.
    fn upsert_partner(&mut self, partner: &Partner) -> Result<Upsert>;
    /// Inserts an agreement with an existing partner, or, if one with the
    /// same signing date and titles exists, updates its areas and reference.
    /// An agreement written twice in one session is [`Upsert::Repeated`]
    /// the second time.
    fn upsert_agreement(&mut self, partner: &str, agreement: &Agreement) -> Result<Upsert>;
    /// Whether the partner is stored, before or by this session.
    fn has_partner(&mut self, id: &str) -> Result<bool>;
    /// Adds `entry` to the audit log in the import's transaction, like
    /// [`ImportSession::record_audit`].
    fn record_audit(&mut self, entry: &vigie_domain::AuditEntry) -> Result<()>;
    /// Records the import's counts and commits; returns the import's id.
    fn finish(self: Box<Self>, counts: ImportCounts) -> Result<i64>;
}

/// One import of a register whose records are all of one kind (the
/// developments notes), as a transaction like [`ImportSession`].
pub trait RegisterSession<T> {
    /// Inserts the record, or updates it if one with the same key exists
    /// and anything changed. A key written twice in one session is
    /// [`Upsert::Repeated`] the second time, and not written.
    fn upsert(&mut self, record: &T) -> Result<Upsert>;
    /// Adds `entry` to the audit log in the import's transaction, like
    /// [`ImportSession::record_audit`].
    fn record_audit(&mut self, entry: &vigie_domain::AuditEntry) -> Result<()>;
    /// Records the import's counts and commits; returns the import's id.
    fn finish(self: Box<Self>, counts: ImportCounts) -> Result<i64>;
}

/// One import of the activity register: activities, and the further people
/// of their counterparts.
pub trait ActivityImportSession: RegisterSession<vigie_domain::Activity> {
    /// Adds a person to the activity's people, after those this import gave
    /// it already; the first this import gives replaces those the activity
    /// had. [`Upsert::Orphan`] when there is no such activity (in the store
    /// or earlier in the import), [`Upsert::Repeated`] when the import gave
    /// the same person already.
    fn add_person(&mut self, activity: &str, person: &vigie_domain::counterpart::Counterpart) -> Result<Upsert>;
}

/// Which developments notes to list; `None` matches all.
#[derive(Debug, Clone, Default)]
pub struct NoteFilter {
    pub region: Option<String>,
    /// First and last months, inclusive.
    pub from: Option<Month>,
    pub to: Option<Month>,
    pub country: Option<CountryCode>,
}

/// One import of articles as a transaction, like [`ImportSession`].
pub trait ArticleImportSession {
    /// Stores an image's bytes under its hash, once however many articles
    /// show it; put an article's images before the article.
    fn put_image(&mut self, image: &vigie_domain::Image) -> Result<()>;
    /// Inserts the language version, or, if one with the same id and
    /// language exists and anything changed (its images included), replaces
    /// it. A version written twice in one session is [`Upsert::Repeated`]
    /// the second time, and not written.
    fn upsert_article(&mut self, article: &vigie_domain::Article) -> Result<Upsert>;
    /// Adds `entry` to the audit log in the import's transaction, like
    /// [`ImportSession::record_audit`].
    fn record_audit(&mut self, entry: &vigie_domain::AuditEntry) -> Result<()>;
    /// Records the import's counts, drops the images no article shows any
    /// more, and commits; returns the import's id.
    fn finish(self: Box<Self>, counts: ImportCounts) -> Result<i64>;
}

/// Which article versions to list; `None` matches all.
#[derive(Debug, Clone, Default)]
pub struct ArticleFilter {
    /// One story.
    pub id: Option<String>,
    /// First and last days, inclusive.
    pub from: Option<jiff::civil::Date>,
    pub to: Option<jiff::civil::Date>,
    pub status: Option<vigie_domain::ArticleStatus>,
    pub lang: Option<vigie_domain::Lang>,
    pub featured: Option<bool>,
}

/// A token to record: the secret's hash only (`token_secret`).
#[derive(Debug, Clone)]
pub struct NewToken {
    pub user_id: i64,
    pub name: String,
    pub scope: vigie_domain::token::TokenScope,
    pub token_hash: String,
    /// The secret's first characters, shown in lists.
    pub shown: String,
    pub created_at: jiff::Timestamp,
    pub expires_at: jiff::Timestamp,
}

/// An answer kept for a request sent with an `Idempotency-Key`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredAnswer {
    pub status: u16,
    pub location: Option<String>,
    pub body: String,
}

/// What to do with a request sent with an `Idempotency-Key`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Idempotency {
    /// The first with this key: answer it, then keep the answer.
    Go,
    /// Answered before: send the same answer again.
    Answered(StoredAnswer),
    /// The first is still being answered.
    InProgress,
    /// The key was used for a different request.
    OtherRequest,
}

/// An account to create: its values checked by the domain's rules
/// (`vigie_domain::user`), its password already hashed (see [`password`]).
#[derive(Clone)]
pub struct NewUser {
    pub email: String,
    pub role: vigie_domain::Role,
    pub countries: Vec<CountryCode>,
    pub password_hash: String,
}

impl std::fmt::Debug for NewUser {
    /// Leaves the hash out: it has no business in a log either.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewUser")
            .field("email", &self.email)
            .field("role", &self.role)
            .field("countries", &self.countries)
            .finish_non_exhaustive()
    }
}

/// An account's second factor as stored (`totp.rs` computes its codes).
#[derive(Clone, PartialEq, Eq)]
pub struct Totp {
    /// The shared secret (bytes; shown base32).
    pub secret: Vec<u8>,
    /// When a first code confirmed it; `None`: enrolment under way, the
    /// secret shown but not confirmed (it protects nothing yet).
    pub enrolled_at: Option<jiff::Timestamp>,
    /// The last 30-second step accepted; no code of it or before is
    /// accepted again.
    pub last_step: Option<i64>,
    /// Recovery codes not used yet.
    pub recovery_codes_left: usize,
}

impl Totp {
    pub fn enrolled(&self) -> bool {
        self.enrolled_at.is_some()
    }
}

impl std::fmt::Debug for Totp {
    /// Leaves the secret out.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Totp")
            .field("enrolled_at", &self.enrolled_at)
            .field("last_step", &self.last_step)
            .field("recovery_codes_left", &self.recovery_codes_left)
            .finish_non_exhaustive()
    }
}

/// Which audit entries to list; `None` matches all.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    /// A user's email (any case), or `cli`.
    pub actor: Option<String>,
    /// The kind of record: `user`, `incident`, …
    pub entity: Option<String>,
    /// One record of that kind (a user's email, an incident's id).
    pub entity_id: Option<String>,
    /// The action: `user.add`, `login`, …
    pub action: Option<String>,
    /// The changes made through this API token.
    pub token_id: Option<i64>,
    /// From this instant, inclusive.
    pub from: Option<jiff::Timestamp>,
    /// Before this instant, exclusive.
    pub to: Option<jiff::Timestamp>,
    /// At most this many entries, the latest.
    pub limit: Option<u64>,
    /// Skips this many of the latest entries first (pages of `limit`).
    pub offset: Option<u64>,
}

impl ArticleFilter {
    /// The versions dated in `month`.
    pub fn month(month: Month) -> ArticleFilter {
        ArticleFilter { from: Some(month.first_day()), to: Some(month.last_day()), ..ArticleFilter::default() }
    }
}

/// The boundary between Vigie and its database.
pub trait Store: Send {
    /// The register of perpetrator groups: shipped, added and imported.
    fn groups(&self) -> Result<GroupRegister>;
    /// Adds a group (and its aliases) and records `group.add` by `actor`
    /// in the same transaction; fails if the id exists.
    fn add_group(&mut self, group: &Group, actor: &str) -> Result<()>;
    /// Adds an alias to an existing group and records `group.alias` by
    /// `actor` (its aliases before and after) in the same transaction;
    /// `false`, recording nothing, when the group already had it.
    fn add_alias(&mut self, group_id: &str, alias: &str, actor: &str) -> Result<bool>;
    /// Sets a group's kind and records `group.kind` by `actor` (before and
    /// after) in the same transaction; `false`, recording nothing, when it
    /// had that kind already.
    fn set_group_kind(&mut self, group_id: &str, kind: vigie_domain::GroupKind, actor: &str) -> Result<bool>;
    /// Writes `group`'s names with `audit` in one transaction, if the store
    /// still holds `stored`'s names; `false`, nothing written, otherwise
    /// (a form read before another change).
    fn save_group_names(&mut self, group: &Group, stored: &Group, audit: &vigie_domain::AuditEntry) -> Result<bool>;

    /// Starts an import of incidents from `source` (file names) in `format`.
    fn begin_import(&mut self, source: &str, format: &str) -> Result<Box<dyn ImportSession + '_>>;

    /// Streams the incidents that match, ordered by date then id; returns how
    /// many were visited.
    fn incidents(&self, filter: &IncidentFilter, visit: &mut dyn FnMut(Incident) -> Result<()>) -> Result<u64>;
    fn incident(&self, id: &str) -> Result<Option<Incident>>;
    /// How many incidents `filter` selects, its limit and offset aside.
    fn count_incidents(&self, filter: &IncidentFilter) -> Result<u64>;
    /// Operations and victims grouped by one dimension.
    fn aggregate(&self, query: &Aggregate) -> Result<Vec<AggregateRow>>;

    /// Merges the incident `drop` into `keep`: `drop`'s id (and its own
    /// aliases) become aliases of `keep`, the merge is logged with the
    /// dropped row, `drop` is deleted, and `incident.merge` by `actor` (the
    /// dropped values) goes to the audit log, all in one transaction.
    fn merge(&mut self, keep: &str, drop: &str, actor: &str) -> Result<()>;
    /// The other ids an incident is known by (merged duplicates' ids).
    fn aliases(&self, id: &str) -> Result<Vec<String>>;

    /// Starts an import of the member register from `source` (file names)
    /// in `format`. Members the import does not mention are left as they are.
    fn begin_member_import(&mut self, source: &str, format: &str) -> Result<Box<dyn MemberImportSession + '_>>;
    /// The member states by country code, each with its national days in
    /// calendar order.
    fn members(&self) -> Result<Vec<Member>>;

    /// Starts an import of the partner register. Partners and agreements the
    /// import does not mention are left as they are.
    fn begin_partner_import(&mut self, source: &str, format: &str) -> Result<Box<dyn PartnerImportSession + '_>>;
    /// The partners by id, each with its agreements by signing date.
    fn partners(&self) -> Result<Vec<Partner>>;

    /// Starts an import of the activity register. Activities the import
    /// does not mention are left as they are; an activity is its id.
    fn begin_activity_import(&mut self, source: &str, format: &str) -> Result<Box<dyn ActivityImportSession + '_>>;
    /// The activities that match, by date, then highlight (none last), then
    /// id.
    fn activities(&self, filter: &ActivityFilter) -> Result<Vec<vigie_domain::Activity>>;

    /// Starts an import of developments notes. Notes the import does not
    /// mention are left as they are.
    fn begin_note_import(&mut self, source: &str, format: &str) -> Result<Box<dyn RegisterSession<Note> + '_>>;
    /// The notes that match, by region, month, then country.
    fn notes(&self, filter: &NoteFilter) -> Result<Vec<Note>>;

    /// Starts an import of organisations. Organisations the import does
    /// not mention are left as they are.
    fn begin_organisation_import(
        &mut self,
        source: &str,
        format: &str,
    ) -> Result<Box<dyn RegisterSession<vigie_domain::Organisation> + '_>>;
    /// Every organisation, by id.
    fn organisations(&self) -> Result<Vec<vigie_domain::Organisation>>;

    /// Starts an import of the register of themes. Themes the import does
    /// not mention are left as they are; a theme is its id.
    fn begin_theme_import(
        &mut self,
        source: &str,
        format: &str,
    ) -> Result<Box<dyn RegisterSession<vigie_domain::theme::Theme> + '_>>;
    /// Every theme, by id.
    fn themes(&self) -> Result<Vec<vigie_domain::theme::Theme>>;
    /// Writes a theme's labels (a translation) with `audit`, if the store
    /// still holds `stored`; `false`, nothing written, otherwise.
    fn save_theme(
        &mut self,
        theme: &vigie_domain::theme::Theme,
        stored: &vigie_domain::theme::Theme,
        audit: &vigie_domain::AuditEntry,
    ) -> Result<bool>;

    // Registers edited in the web application. Each save writes the record
    // and its `audit` entry in one transaction, and only if the store still
    // holds `stored`, the record as the caller read it (`None`: a new one);
    // otherwise (created or changed meanwhile) it writes nothing and
    // returns `false`.

    /// One activity by id.
    fn activity(&self, id: &str) -> Result<Option<vigie_domain::Activity>>;
    fn save_activity(
        &mut self,
        activity: &vigie_domain::Activity,
        stored: Option<&vigie_domain::Activity>,
        audit: &vigie_domain::AuditEntry,
    ) -> Result<bool>;
    /// Saves a member with its national days (replaced as a whole).
    fn save_member(
        &mut self,
        member: &Member,
        stored: Option<&Member>,
        audit: &vigie_domain::AuditEntry,
    ) -> Result<bool>;
    /// Saves a partner's names, scope and kind; its agreements are left as
    /// they are (and not compared).
    fn save_partner(
        &mut self,
        partner: &Partner,
        stored: Option<&Partner>,
        audit: &vigie_domain::AuditEntry,
    ) -> Result<bool>;
    /// Saves an agreement with an existing partner in place of `stored`;
    /// `false` also when another agreement of the partner has the new one's
    /// signing date and titles, or the partner is gone.
    fn save_agreement(
        &mut self,
        partner: &str,
        agreement: &Agreement,
        stored: Option<&Agreement>,
        audit: &vigie_domain::AuditEntry,
    ) -> Result<bool>;
    fn save_note(&mut self, note: &Note, stored: Option<&Note>, audit: &vigie_domain::AuditEntry) -> Result<bool>;

    /// Starts an import of articles. Versions the import does not mention
    /// are left as they are.
    fn begin_article_import(&mut self, source: &str, format: &str) -> Result<Box<dyn ArticleImportSession + '_>>;
    /// The versions that match, by date, then id, then language (fr, en, ar),
    /// each with its images.
    fn articles(&self, filter: &ArticleFilter) -> Result<Vec<vigie_domain::Article>>;
    /// The bytes of the image with this content hash.
    fn image(&self, hash: &str) -> Result<Option<Vec<u8>>>;
    /// Stores an image's bytes under its hash (an upload the editor's
    /// preview shows before the article is saved; no article shows it yet,
    /// and the next article import drops it if none does by then).
    fn put_image(&mut self, image: &vigie_domain::Image) -> Result<()>;
    /// Creates a version written in the web application, with the `images`
    /// it brings (bytes by hash) and its `audit` entry, in one transaction;
    /// `false`, and nothing written, when that id and language exist.
    fn create_article(
        &mut self,
        article: &vigie_domain::Article,
        images: &[vigie_domain::Image],
        audit: &vigie_domain::AuditEntry,
    ) -> Result<bool>;
    /// Replaces a version (its images as a whole) like [`create_article`];
    /// `false`, and nothing written, when there is no such version.
    ///
    /// [`create_article`]: Store::create_article
    fn update_article(
        &mut self,
        article: &vigie_domain::Article,
        images: &[vigie_domain::Image],
        audit: &vigie_domain::AuditEntry,
    ) -> Result<bool>;

    /// Creates an account, and records `user.add` by `actor` in the audit
    /// log in the same transaction; returns the account's id. An email
    /// already taken (in any case) is a [`StoreError::Conflict`].
    fn add_user(&mut self, user: &NewUser, actor: &str) -> Result<i64>;
    /// The account with this email (any case).
    fn user_by_email(&self, email: &str) -> Result<Option<vigie_domain::User>>;
    /// The password hash of the account with this email, to check a login.
    fn password_hash(&self, email: &str) -> Result<Option<String>>;
    /// Every account, by email.
    fn users(&self) -> Result<Vec<vigie_domain::User>>;
    /// Replaces an account's password hash and records `user.passwd` (the
    /// field `password`, its values hidden), and ends the account's web
    /// sessions. An unknown email is a [`StoreError::NotFound`].
    fn set_password(&mut self, email: &str, password_hash: &str, actor: &str) -> Result<()>;
    /// Disables or enables an account and records `user.disable` or
    /// `user.enable`; returns false, recording nothing, when it already was.
    /// Disabling ends the account's web sessions in the same transaction.
    /// An unknown email is a [`StoreError::NotFound`].
    fn set_user_disabled(&mut self, email: &str, disabled: bool, actor: &str) -> Result<bool>;
    /// Changes an account's role and countries (checked by the caller with
    /// `vigie_domain::user::check_countries`) and records `user.role` with
    /// the fields that changed, in one transaction; returns false,
    /// recording nothing, when both were already so. An unknown email is a
    /// [`StoreError::NotFound`].
    fn set_user_role(
        &mut self,
        email: &str,
        role: vigie_domain::Role,
        countries: &[CountryCode],
        actor: &str,
    ) -> Result<bool>;

    /// The second factor of the account with this email, enrolled or under
    /// way; `None` without one.
    fn totp(&self, email: &str) -> Result<Option<Totp>>;
    /// The ids of the accounts with an enrolled second factor.
    fn totp_enrolled(&self) -> Result<Vec<i64>>;
    /// Starts an enrolment: keeps `secret`, not yet confirmed (replacing one
    /// under way). An account already enrolled is a [`StoreError::Conflict`]
    /// (reset it first), an unknown email a [`StoreError::NotFound`].
    fn start_totp(&mut self, email: &str, secret: &[u8]) -> Result<()>;
    /// Completes the enrolment under way: enrolled now, `used_step` (the
    /// confirming code's) never accepted again, the recovery codes (their
    /// hashes, `totp::recovery_hash`) replacing any earlier ones, and
    /// `user.totp.enrol` recorded, in one transaction; false, nothing
    /// written, when no enrolment is under way.
    fn enrol_totp(
        &mut self,
        email: &str,
        used_step: Option<i64>,
        recovery_hashes: &[String],
        actor: &str,
    ) -> Result<bool>;
    /// Accepts a code's `step` for an enrolled account if it is later than
    /// the last one accepted, and remembers it, atomically: false when it
    /// is not (a code used twice, even by two requests at once).
    fn accept_totp_step(&mut self, email: &str, step: i64) -> Result<bool>;
    /// Uses the unused recovery code with this hash (`totp::recovery_hash`)
    /// of an enrolled account, recording `user.totp.recovery` (and how many
    /// are left) in the same transaction; false when there is none.
    fn use_recovery_code(&mut self, email: &str, code_hash: &str, actor: &str) -> Result<bool>;
    /// Replaces an enrolled account's recovery codes with new ones (their
    /// hashes), given a code's `step` later than the last accepted (which
    /// it becomes), recording `user.totp.recovery_codes`, in one
    /// transaction; false, nothing written, when the step is not later or
    /// the account has no second factor.
    fn renew_recovery_codes(&mut self, email: &str, step: i64, recovery_hashes: &[String], actor: &str)
    -> Result<bool>;
    /// Removes an account's second factor and recovery codes (a lost
    /// phone), ends its web sessions and records `user.totp.reset`, in one
    /// transaction; false, nothing recorded, when it had none.
    fn reset_totp(&mut self, email: &str, actor: &str) -> Result<bool>;
    /// The roles whose accounts must log in with a second factor.
    fn totp_roles(&self) -> Result<Vec<vigie_domain::Role>>;
    /// Sets the roles that must log in with a second factor, recording
    /// `settings.totp_roles` in the same transaction; the web sessions of
    /// the accounts of a role added that are not enrolled end, so that they
    /// enrol at their next login. False, nothing recorded, when unchanged.
    fn set_totp_roles(&mut self, roles: &[vigie_domain::Role], actor: &str) -> Result<bool>;

    /// A value that changes whenever the stored data may have changed: a
    /// write through this handle (committed or not), or a commit by another
    /// connection or process (an import on the command line). Caches of
    /// computed results keep the version they were computed at.
    fn data_version(&self) -> Result<DataVersion>;
    /// Runs `read` with every query of this handle seeing the database as
    /// it was at its first one (one read transaction), so that figures
    /// and the incidents behind them are read from the same state; a
    /// handle already inside a transaction just runs it.
    fn read_consistently(&self, read: &mut dyn FnMut() -> Result<()>) -> Result<()>;
    /// Appends an entry to the audit log (its `id` is ignored); returns the
    /// entry's id. The log is append-only.
    fn record_audit(&mut self, entry: &vigie_domain::AuditEntry) -> Result<i64>;
    /// The audit entries that match, latest first.
    fn audit(&self, filter: &AuditFilter) -> Result<Vec<vigie_domain::AuditEntry>>;

    /// Opens a web session and records `audit` (the login), in one
    /// transaction: `token_hash` is the SHA-256 (lower-case hex) of the
    /// browser's token, never the token. Drops ended sessions.
    fn create_session(
        &mut self,
        token_hash: &str,
        user_id: i64,
        expires_at: jiff::Timestamp,
        audit: &vigie_domain::AuditEntry,
    ) -> Result<()>;
    /// The session's user and its end, expired or not (the caller compares
    /// with its clock).
    /// Records a new API token and its audit entry (whose `entity_id`
    /// becomes the token's id), in one transaction; its id.
    fn create_token(&mut self, token: &NewToken, audit: &vigie_domain::AuditEntry) -> Result<i64>;
    /// The tokens of a user (everyone's when `None`), latest first.
    fn tokens(&self, user_id: Option<i64>) -> Result<Vec<vigie_domain::token::ApiToken>>;
    fn token(&self, id: i64) -> Result<Option<vigie_domain::token::ApiToken>>;
    /// The token whose secret has this hash, and its user, whatever their
    /// state.
    fn token_by_hash(&self, hash: &str) -> Result<Option<(vigie_domain::token::ApiToken, vigie_domain::User)>>;
    /// Revokes an active token and records `audit`, in one transaction;
    /// `false` when it was not active.
    fn revoke_token(&mut self, id: i64, at: jiff::Timestamp, audit: &vigie_domain::AuditEntry) -> Result<bool>;
    /// Notes a token's use (in the sessions file: no wait for the
    /// database's write lock).
    fn touch_token(&mut self, id: i64, at: jiff::Timestamp) -> Result<()>;
    /// The token the audit entries of this connection name from now on
    /// (`None`: none); an entry's own `token_id` comes first.
    fn set_audit_token(&mut self, token: Option<i64>);
    /// Begins a request sent with an idempotency key.
    fn begin_idempotent(
        &mut self,
        user_id: i64,
        key: &str,
        request_hash: &str,
        now: jiff::Timestamp,
    ) -> Result<Idempotency>;
    /// Keeps its answer (`None`: it failed and did nothing; the key is free).
    fn finish_idempotent(&mut self, user_id: i64, key: &str, answer: Option<&StoredAnswer>) -> Result<()>;
    fn session(&self, token_hash: &str) -> Result<Option<(vigie_domain::User, jiff::Timestamp)>>;
    /// Ends a session (logout) and records `audit`, in one transaction;
    /// whether there was one.
    fn delete_session(&mut self, token_hash: &str, audit: &vigie_domain::AuditEntry) -> Result<bool>;
    /// Moves a session's end (tests, and a later sliding expiry).
    fn set_session_expiry(&mut self, token_hash: &str, expires_at: jiff::Timestamp) -> Result<bool>;
    /// The date of the latest incident of these countries (verified ones
    /// only unless `include_drafts`): the month a home page shows.
    fn latest_incident_date(
        &self,
        countries: &[CountryCode],
        include_drafts: bool,
    ) -> Result<Option<jiff::civil::Date>>;

    /// Creates an incident entered in the web application, with its
    /// author and `audit` entry, in one transaction; `false` (and nothing
    /// written) when an incident with its id exists already.
    fn create_incident(
        &mut self,
        incident: &Incident,
        author_id: i64,
        audit: &vigie_domain::AuditEntry,
    ) -> Result<bool>;
    /// The author and last review of an incident (`None`: no such
    /// incident; an imported one has no author).
    fn incident_workflow(&self, id: &str) -> Result<Option<Workflow>>;
    /// Sets the status of incidents after a review by `reviewer_id` (a
    /// rejection's `comment`), each with its audit entry, in one
    /// transaction, and each only if it is still the version the reviewer saw (`Review::expected_hash`, its
    /// `content_hash()`): returns the ids that changed meanwhile or are
    /// gone, and then writes nothing.
    fn review_incidents(
        &mut self,
        reviews: &[Review],
        status: vigie_domain::Status,
        reviewer_id: i64,
        comment: Option<&str>,
    ) -> Result<Vec<String>>;
    /// One import run (`None`: there is none).
    fn import_run(&self, id: i64) -> Result<Option<ImportRun>>;
    /// The latest import runs that left drafts, latest first.
    fn import_runs_with_drafts(&self, limit: u64) -> Result<Vec<ImportRun>>;
    /// Replaces an incident changed in the web application (same id) with
    /// its `audit` entry, in one transaction, if the stored one's
    /// `content_hash()` is still `expected_hash` (else `false`, nothing
    /// written: changed meanwhile, or gone). The author stays; a verified incident made a draft again
    /// loses its last review (it needs a new one).
    fn update_incident(
        &mut self,
        incident: &Incident,
        expected_hash: i64,
        audit: &vigie_domain::AuditEntry,
    ) -> Result<bool>;

    /// Saves a bulletin issue just built, a draft (inserts it, or replaces
    /// the draft of that number and revision), with its files, the report
    /// models it printed and `audit`, in one transaction. Refused
    /// ([`StoreError::Conflict`]) when that revision is published, or is
    /// not the one after the number's last published revision
    /// (`vigie_domain::publication::revision_to_build`).
    fn save_bulletin(
        &mut self,
        issue: &BulletinIssue,
        files: &[BulletinFile],
        reports: &[BulletinReport],
        audit: &vigie_domain::AuditEntry,
    ) -> Result<()>;
    /// Every issue and revision, latest month first, then latest number
    /// and revision.
    fn bulletins(&self) -> Result<Vec<BulletinIssue>>;
    /// One built file: `lang` (`fr`, …), `format` (`pdf`, `html`).
    fn bulletin_file(&self, label: IssueLabel, lang: &str, format: &str) -> Result<Option<BulletinFile>>;
    /// Every file of an issue's revision.
    fn bulletin_files(&self, label: IssueLabel) -> Result<Vec<BulletinFile>>;
    /// The report models an issue's revision printed.
    fn bulletin_reports(&self, label: IssueLabel) -> Result<Vec<BulletinReport>>;
    /// Publishes the draft of issue `number` (whichever its revision) and
    /// records `audit`, in one transaction: from then on it is frozen.
    /// `None` (nothing written) when the number has no draft.
    fn publish_bulletin(
        &mut self,
        number: u32,
        at: jiff::Timestamp,
        by: &str,
        audit: &vigie_domain::AuditEntry,
    ) -> Result<Option<IssueLabel>>;

    /// Records a member state's verdict on its figures of a month and
    /// `audit`, in one transaction, if the incidents it counts are still
    /// those of `confirmation.fingerprint` (`false`, nothing written, when
    /// they changed since the delegate saw them).
    fn record_confirmation(&mut self, confirmation: &Confirmation, audit: &vigie_domain::AuditEntry) -> Result<bool>;
    /// Where each of `countries` stands for `month`: its last verdict, and
    /// whether it still holds.
    fn confirmations(&self, month: Month, countries: &[CountryCode]) -> Result<Vec<ConfirmationState>>;

    fn meta(&self, key: &str) -> Result<Option<String>>;
    fn set_meta(&mut self, key: &str, value: &str) -> Result<()>;

    /// Another connection to the same database (the web's pool): a
    /// [`Access::Read`] one refuses writes.
    fn connect(&self, access: Access) -> Result<Box<dyn Store>>;
    /// How long a write waits for another connection's write lock before
    /// [`StoreError::Busy`].
    fn set_busy_timeout(&mut self, wait: std::time::Duration) -> Result<()>;
    /// Whether another connection holds the write lock right now (an
    /// import running): asked without waiting.
    fn write_locked(&mut self) -> Result<bool>;
    /// Records a sign-in event that changes nothing else (a refused login)
    /// in the sign-in journal, which a login writes without waiting for an
    /// import; the audit shows it with the rest.
    fn record_sign_in(&mut self, entry: &vigie_domain::AuditEntry) -> Result<i64>;
    /// Moves what the write-ahead log holds into the database and cuts the
    /// log back (after an import): `false` when a reader kept part of it.
    fn checkpoint(&mut self) -> Result<bool>;
    /// Writes a consistent copy of the whole database to `target` (a new
    /// file), while other connections go on reading and writing; the
    /// sign-in journal is copied into its audit log.
    fn backup(&self, target: &std::path::Path) -> Result<BackupSummary>;
    /// Replaces the whole database with the backup at `file` (checked
    /// first), in place, and brings its schema up to date; every session
    /// ends.
    fn restore(&mut self, file: &std::path::Path) -> Result<BackupSummary>;
}

/// What a connection may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    Read,
    Write,
}

/// What [`Store::backup`] copied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BackupSummary {
    pub bytes: u64,
    pub incidents: u64,
    pub audit_entries: u64,
    pub schema_version: i64,
}

/// A bulletin issue, or a revision of one, built from the web
/// application or the command line; frozen once published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BulletinIssue {
    pub number: u32,
    /// 0 for the issue, 1 for its first correction (`58.1`), …
    pub revision: u32,
    /// `YYYY-MM`.
    pub month: String,
    /// The issue as JSON (featured ids, regions, year review).
    pub spec: String,
    pub published: bool,
    pub built_at: Option<jiff::Timestamp>,
    pub published_at: Option<jiff::Timestamp>,
    /// The email of who built it (`cli` from the command line).
    pub created_by: String,
    pub published_by: Option<String>,
    /// Why a revision was made; `None` for revision 0.
    pub reason: Option<String>,
}

impl BulletinIssue {
    pub fn label(&self) -> IssueLabel {
        IssueLabel::new(self.number, self.revision)
    }
}

/// One built file of an issue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BulletinFile {
    pub lang: String,
    /// `pdf` or `html`.
    pub format: String,
    pub bytes: Vec<u8>,
    /// SHA-256 of the bytes, lower-case hex.
    pub sha256: String,
}

/// One report model an issue printed, as JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BulletinReport {
    /// `monthly` (key: the region id), `year` and `timeline` (key: the
    /// year), `national_days` (key: the month).
    pub kind: String,
    pub key: String,
    pub json: String,
}

/// A delegate's verdict on their country's figures of a month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confirmation {
    pub country: CountryCode,
    pub month: Month,
    pub verdict: vigie_domain::confirmation::Verdict,
    pub comment: String,
    /// The fingerprint of the incidents the verdict was given on.
    pub fingerprint: String,
    /// The delegate's email.
    pub by: String,
    pub at: jiff::Timestamp,
}

/// Where a country's figures of a month stand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfirmationState {
    pub country: CountryCode,
    pub status: vigie_domain::confirmation::ConfirmationStatus,
    /// The last verdict, even one a change has undone.
    pub last: Option<Confirmation>,
    /// The fingerprint of the incidents counted now (what a new verdict is
    /// given on).
    pub fingerprint: String,
}

/// Who wrote an incident and who last reviewed it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Workflow {
    /// `None` for an imported incident.
    pub author_id: Option<i64>,
    pub reviewer_id: Option<i64>,
    /// The comment of the last rejection.
    pub review_comment: Option<String>,
    /// The accounts that changed it in the web application since its last
    /// approval (they may not approve it: four eyes).
    pub editors: Vec<i64>,
}

/// One incident of a review: the version the reviewer saw, and the
/// review's audit entry.
#[derive(Debug, Clone)]
pub struct Review {
    pub id: String,
    pub expected_hash: i64,
    pub audit: vigie_domain::AuditEntry,
}

/// One run of an import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportRun {
    pub id: i64,
    /// When it started, `YYYY-MM-DDTHH:MM:SSZ`.
    pub started_at: String,
    /// Its sources' names.
    pub source: String,
    pub format: String,
    /// A web user's email, `cli`, or `None` for runs older than the column.
    pub actor: Option<String>,
    pub counts: ImportCounts,
    /// The drafts whose last import is this one.
    pub drafts: u64,
}

/// What [`Store::data_version`] returns: compare for equality only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DataVersion {
    /// Changes when another connection commits.
    pub others: u64,
    /// Changes when this handle writes.
    pub own: u64,
    /// Changes when another connection commits to the sessions file.
    pub sessions: u64,
}

/// Opens the store at `location`: a SQLite file path (created on first use).
pub fn open(location: &str) -> Result<Box<dyn Store>> {
    if location.starts_with("postgres://") || location.starts_with("postgresql://") {
        return Err(StoreError::Unsupported(
            "the PostgreSQL back end is not available in this version; use a SQLite file path".into(),
        ));
    }
    Ok(Box::new(sqlite::SqliteStore::open(std::path::Path::new(location))?))
}

/// Opens the store at `location` for reading only (see
/// [`sqlite::SqliteStore::open_read_only`]); a database of an older schema
/// is upgraded first when it can be written.
pub fn open_read_only(location: &str) -> Result<Box<dyn Store>> {
    if location.starts_with("postgres://") || location.starts_with("postgresql://") {
        return open(location);
    }
    if !std::path::Path::new(location).exists() {
        // a new database, empty, as a command that writes would create it
        return open(location);
    }
    match sqlite::SqliteStore::open_read_only(std::path::Path::new(location)) {
        Err(StoreError::Outdated { .. }) if writable(location) => open(location),
        other => Ok(Box::new(other?)),
    }
}

fn writable(location: &str) -> bool {
    std::fs::OpenOptions::new().append(true).open(location).is_ok()
}
