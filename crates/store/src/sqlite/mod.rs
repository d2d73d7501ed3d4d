//! The SQLite back end: one file, WAL, foreign keys, versioned migrations
//! applied on open.

mod activities;
mod articles;
mod backup;
mod bulletins;
mod confirmations;
mod groups;
mod import;
mod members;
mod merge;
mod migrate;
mod notes;
mod organisations;

pub use migrate::SCHEMA_VERSION;
mod partners;
mod query;
mod sessions;
mod themes;
mod tokens;
mod totp;
mod users;
mod workflow;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

use rusqlite::functions::FunctionFlags;
use rusqlite::{Connection, OpenFlags, OptionalExtension};
use vigie_domain::fold::fold;
use vigie_domain::publication::IssueLabel;
use vigie_domain::{Group, GroupRegister, Incident, Member, Note, Partner};

use crate::{
    Aggregate, AggregateRow, ImportSession, IncidentFilter, MemberImportSession, NoteFilter, PartnerImportSession,
    RegisterSession, Result, Store, StoreError,
};

pub struct SqliteStore {
    conn: Connection,
    path: PathBuf,
    /// The API token this connection's audit entries name (0: none),
    /// read by the SQL function `vigie_audit_token()`.
    audit_token: Arc<AtomicI64>,
}

/// How long a write waits for another connection's write lock before
/// giving up with [`StoreError::Busy`], unless the caller sets its own.
pub const DEFAULT_BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The WAL is cut back to this size after a checkpoint: an import's
/// transaction may grow it to hundreds of megabytes, which it keeps
/// otherwise.
const WAL_SIZE_LIMIT: i64 = 64 * 1024 * 1024;

impl SqliteStore {
    /// Opens (creating if needed) the database file and brings its schema and
    /// shipped groups up to date.
    pub fn open(path: &Path) -> Result<SqliteStore> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty() && !p.is_dir()) {
            return Err(StoreError::NotFound(format!(
                "database {}: folder {} does not exist",
                path.display(),
                parent.display()
            )));
        }
        let opened = Connection::open(path).and_then(|conn| {
            // Larger pages: fewer B-tree pages and page headers per incident
            // row. Takes effect only on a new file, before WAL mode is set.
            conn.pragma_update(None, "page_size", 8192)?;
            // WAL lets readers (reports, the web app) work during an import.
            let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))?;
            if mode != "wal" && mode != "memory" {
                tracing::warn!(mode, "SQLite refused WAL mode");
            }
            Ok(conn)
        });
        let conn = match opened {
            Ok(conn) => conn,
            Err(_) if !writable_folder(path) => {
                return Err(StoreError::ReadOnly {
                    path: path.display().to_string(),
                    folder: folder_of(path).display().to_string(),
                });
            }
            Err(source) => return Err(StoreError::Open { path: path.display().to_string(), source }),
        };
        let mut store = SqliteStore::configure(conn, path, true)?;
        migrate::migrate(&mut store.conn, path)?;
        groups::sync_builtin(&mut store.conn)?;
        Ok(store)
    }

    /// Opens an existing database for reading only: nothing is created or
    /// migrated, and a file in a read-only place (a mounted archive, a
    /// copy on a read-only share) opens too.
    pub fn open_read_only(path: &Path) -> Result<SqliteStore> {
        if !path.is_file() {
            return Err(StoreError::NotFound(format!("database {}: no such file", path.display())));
        }
        let open_error = |source| StoreError::Open { path: path.display().to_string(), source };
        // read-only by the URI's `mode=ro`: the connection itself may write,
        // so that an empty in-memory stand-in for a missing sessions file
        // can be attached
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_URI | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(read_only_uri(path), flags).map_err(open_error)?;
        let readable = conn.query_row("PRAGMA user_version", [], |row| row.get::<_, i64>(0));
        let conn = match readable {
            Ok(_) => conn,
            // WAL needs its -shm file, which a read-only folder cannot
            // hold: nobody can be writing there, so read the file as it is
            Err(_) if !writable_folder(path) => {
                drop(conn);
                Connection::open_with_flags(format!("{}&immutable=1", read_only_uri(path)), flags)
                    .map_err(open_error)?
            }
            Err(source) => return Err(open_error(source)),
        };
        let found: i64 = conn.query_row("PRAGMA user_version", [], |row| row.get(0)).map_err(open_error)?;
        let known = SCHEMA_VERSION;
        if found > known {
            return Err(StoreError::TooNew { path: path.display().to_string(), found, known });
        }
        if found < known {
            return Err(StoreError::Outdated { path: path.display().to_string(), found, known });
        }
        SqliteStore::configure(conn, path, false)
    }

    /// The settings every connection gets, and the sessions file attached.
    fn configure(conn: Connection, path: &Path, writable: bool) -> Result<SqliteStore> {
        let open_error = |source| StoreError::Open { path: path.display().to_string(), source };
        conn.busy_timeout(DEFAULT_BUSY_TIMEOUT).map_err(open_error)?;
        conn.execute_batch(&format!(
            "PRAGMA foreign_keys = ON;
             PRAGMA synchronous = NORMAL;
             PRAGMA cache_size = -65536;
             PRAGMA temp_store = FILE;
             PRAGMA journal_size_limit = {WAL_SIZE_LIMIT};"
        ))
        .map_err(open_error)?;
        conn.create_scalar_function(
            "vigie_fold",
            1,
            FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
            |ctx| {
                let text: Option<String> = ctx.get(0)?;
                Ok(text.map(|t| fold(&t)))
            },
        )
        .map_err(open_error)?;
        let audit_token = Arc::new(AtomicI64::new(0));
        let token = Arc::clone(&audit_token);
        conn.create_scalar_function("vigie_audit_token", 0, FunctionFlags::SQLITE_UTF8, move |_| {
            let id = token.load(Ordering::Relaxed);
            Ok((id != 0).then_some(id))
        })
        .map_err(open_error)?;
        sessions::attach(&conn, path, writable)?;
        Ok(SqliteStore { conn, path: path.to_path_buf(), audit_token })
    }

    /// Another connection to the same database, schema already current:
    /// one of the web's pool. A reader refuses every write
    /// (`query_only`), so a read path that wrote would fail loudly.
    pub fn connect(&self, access: crate::Access) -> Result<SqliteStore> {
        let open_error = |source| StoreError::Open { path: self.path.display().to_string(), source };
        let conn = Connection::open(&self.path).map_err(open_error)?;
        let store = SqliteStore::configure(conn, &self.path, true)?;
        if access == crate::Access::Read {
            store.conn.execute_batch("PRAGMA query_only = ON").map_err(open_error)?;
        }
        Ok(store)
    }
}

/// Begins a transaction that holds the database's write lock at once — and
/// not the sessions file's, which `BEGIN IMMEDIATE` would take too (it locks
/// every attached file): an import holds its lock for minutes, and logins
/// must go on meanwhile. A write statement that changes nothing takes the
/// lock of the one file it names; a busy lock is waited for (busy timeout)
/// as for `BEGIN IMMEDIATE`, the transaction having read nothing yet.
pub(super) fn begin_database_write(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch("BEGIN")?;
    let locked = conn.execute_batch("UPDATE main.meta SET value = value WHERE 0");
    if locked.is_err() {
        let _ = conn.execute_batch("ROLLBACK");
    }
    locked
}

/// `file:` URI of `path`, read-only (`?`, `#` and `%` escaped).
pub(super) fn read_only_uri(path: &Path) -> String {
    let mut uri = String::from("file:");
    for ch in path.to_string_lossy().chars() {
        match ch {
            '?' | '#' | '%' => uri.push_str(&format!("%{:02X}", ch as u32)),
            _ => uri.push(ch),
        }
    }
    uri.push_str("?mode=ro");
    uri
}

/// The folder `path` is in (`.` for a bare file name).
fn folder_of(path: &Path) -> &Path {
    path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."))
}

/// Whether a file can be created beside `path` (as SQLite's -shm must).
fn writable_folder(path: &Path) -> bool {
    let probe = folder_of(path).join(format!(".vigie-probe-{}", std::process::id()));
    let created = std::fs::OpenOptions::new().write(true).create_new(true).open(&probe).is_ok();
    if created {
        let _ = std::fs::remove_file(&probe);
    }
    created
}

impl Store for SqliteStore {
    fn groups(&self) -> Result<GroupRegister> {
        groups::load(&self.conn)
    }

    fn add_group(&mut self, group: &Group, actor: &str) -> Result<()> {
        groups::add(&mut self.conn, group, actor)
    }

    fn add_alias(&mut self, group_id: &str, alias: &str, actor: &str) -> Result<bool> {
        groups::add_alias(&mut self.conn, group_id, alias, actor)
    }

    fn set_group_kind(&mut self, group_id: &str, kind: vigie_domain::GroupKind, actor: &str) -> Result<bool> {
        groups::set_kind(&mut self.conn, group_id, kind, actor)
    }

    fn save_group_names(&mut self, group: &Group, stored: &Group, audit: &vigie_domain::AuditEntry) -> Result<bool> {
        groups::save_names(&mut self.conn, group, stored, audit)
    }

    fn begin_import(&mut self, source: &str, format: &str) -> Result<Box<dyn ImportSession + '_>> {
        Ok(Box::new(import::SqliteImport::begin(&mut self.conn, source, format)?))
    }

    fn incidents(&self, filter: &IncidentFilter, visit: &mut dyn FnMut(Incident) -> Result<()>) -> Result<u64> {
        query::incidents(&self.conn, filter, visit)
    }

    fn incident(&self, id: &str) -> Result<Option<Incident>> {
        query::incident(&self.conn, id)
    }

    fn count_incidents(&self, filter: &IncidentFilter) -> Result<u64> {
        query::count(&self.conn, filter)
    }

    fn aggregate(&self, query: &Aggregate) -> Result<Vec<AggregateRow>> {
        query::aggregate(&self.conn, query)
    }

    fn merge(&mut self, keep: &str, drop: &str, actor: &str) -> Result<()> {
        merge::merge(&mut self.conn, keep, drop, actor)
    }

    fn aliases(&self, id: &str) -> Result<Vec<String>> {
        let mut statement =
            self.conn.prepare("SELECT alias FROM incident_alias WHERE incident_id = ?1 ORDER BY alias")?;
        let aliases = statement.query_map([id], |row| row.get(0))?.collect::<Result<Vec<String>, _>>()?;
        Ok(aliases)
    }

    fn begin_member_import(&mut self, source: &str, format: &str) -> Result<Box<dyn MemberImportSession + '_>> {
        Ok(Box::new(members::SqliteMemberImport::begin(&mut self.conn, source, format)?))
    }

    fn members(&self) -> Result<Vec<Member>> {
        members::all(&self.conn)
    }

    fn begin_partner_import(&mut self, source: &str, format: &str) -> Result<Box<dyn PartnerImportSession + '_>> {
        Ok(Box::new(partners::SqlitePartnerImport::begin(&mut self.conn, source, format)?))
    }

    fn begin_note_import(&mut self, source: &str, format: &str) -> Result<Box<dyn RegisterSession<Note> + '_>> {
        Ok(Box::new(notes::SqliteNoteImport::begin(&mut self.conn, source, format)?))
    }

    fn notes(&self, filter: &NoteFilter) -> Result<Vec<Note>> {
        notes::matching(&self.conn, filter)
    }

    fn begin_organisation_import(
        &mut self,
        source: &str,
        format: &str,
    ) -> Result<Box<dyn RegisterSession<vigie_domain::Organisation> + '_>> {
        Ok(Box::new(organisations::SqliteOrganisationImport::begin(&mut self.conn, source, format)?))
    }

    fn organisations(&self) -> Result<Vec<vigie_domain::Organisation>> {
        organisations::all(&self.conn)
    }

    fn begin_theme_import(
        &mut self,
        source: &str,
        format: &str,
    ) -> Result<Box<dyn RegisterSession<vigie_domain::theme::Theme> + '_>> {
        Ok(Box::new(themes::SqliteThemeImport::begin(&mut self.conn, source, format)?))
    }

    fn themes(&self) -> Result<Vec<vigie_domain::theme::Theme>> {
        themes::all(&self.conn)
    }

    fn save_theme(
        &mut self,
        theme: &vigie_domain::theme::Theme,
        stored: &vigie_domain::theme::Theme,
        audit: &vigie_domain::AuditEntry,
    ) -> Result<bool> {
        themes::save(&mut self.conn, theme, stored, audit)
    }

    fn activity(&self, id: &str) -> Result<Option<vigie_domain::Activity>> {
        activities::one(&self.conn, id)
    }

    fn save_activity(
        &mut self,
        activity: &vigie_domain::Activity,
        stored: Option<&vigie_domain::Activity>,
        audit: &vigie_domain::AuditEntry,
    ) -> Result<bool> {
        activities::save(&mut self.conn, activity, stored, audit)
    }

    fn save_member(
        &mut self,
        member: &Member,
        stored: Option<&Member>,
        audit: &vigie_domain::AuditEntry,
    ) -> Result<bool> {
        members::save(&mut self.conn, member, stored, audit)
    }

    fn save_partner(
        &mut self,
        partner: &Partner,
        stored: Option<&Partner>,
        audit: &vigie_domain::AuditEntry,
    ) -> Result<bool> {
        partners::save_partner(&mut self.conn, partner, stored, audit)
    }

    fn save_agreement(
        &mut self,
        partner: &str,
        agreement: &vigie_domain::Agreement,
        stored: Option<&vigie_domain::Agreement>,
        audit: &vigie_domain::AuditEntry,
    ) -> Result<bool> {
        partners::save_agreement(&mut self.conn, partner, agreement, stored, audit)
    }

    fn save_note(&mut self, note: &Note, stored: Option<&Note>, audit: &vigie_domain::AuditEntry) -> Result<bool> {
        notes::save(&mut self.conn, note, stored, audit)
    }

    fn partners(&self) -> Result<Vec<Partner>> {
        partners::all(&self.conn)
    }

    fn begin_activity_import(
        &mut self,
        source: &str,
        format: &str,
    ) -> Result<Box<dyn crate::ActivityImportSession + '_>> {
        Ok(Box::new(activities::SqliteActivityImport::begin(&mut self.conn, source, format)?))
    }

    fn activities(&self, filter: &crate::ActivityFilter) -> Result<Vec<vigie_domain::Activity>> {
        activities::list(&self.conn, filter)
    }

    fn begin_article_import(
        &mut self,
        source: &str,
        format: &str,
    ) -> Result<Box<dyn crate::ArticleImportSession + '_>> {
        Ok(Box::new(articles::SqliteArticleImport::begin(&mut self.conn, source, format)?))
    }

    fn articles(&self, filter: &crate::ArticleFilter) -> Result<Vec<vigie_domain::Article>> {
        articles::matching(&self.conn, filter)
    }

    fn image(&self, hash: &str) -> Result<Option<Vec<u8>>> {
        articles::image(&self.conn, hash)
    }

    fn put_image(&mut self, image: &vigie_domain::Image) -> Result<()> {
        articles::put_image(&self.conn, image)
    }

    fn create_article(
        &mut self,
        article: &vigie_domain::Article,
        images: &[vigie_domain::Image],
        audit: &vigie_domain::AuditEntry,
    ) -> Result<bool> {
        articles::save(&mut self.conn, article, images, true, audit)
    }

    fn update_article(
        &mut self,
        article: &vigie_domain::Article,
        images: &[vigie_domain::Image],
        audit: &vigie_domain::AuditEntry,
    ) -> Result<bool> {
        articles::save(&mut self.conn, article, images, false, audit)
    }

    fn add_user(&mut self, user: &crate::NewUser, actor: &str) -> Result<i64> {
        users::add(&mut self.conn, user, actor)
    }

    fn user_by_email(&self, email: &str) -> Result<Option<vigie_domain::User>> {
        users::by_email(&self.conn, email)
    }

    fn password_hash(&self, email: &str) -> Result<Option<String>> {
        users::password_hash(&self.conn, email)
    }

    fn users(&self) -> Result<Vec<vigie_domain::User>> {
        users::all(&self.conn)
    }

    fn set_password(&mut self, email: &str, password_hash: &str, actor: &str) -> Result<()> {
        users::set_password(&mut self.conn, email, password_hash, actor)
    }

    fn set_user_disabled(&mut self, email: &str, disabled: bool, actor: &str) -> Result<bool> {
        users::set_disabled(&mut self.conn, email, disabled, actor)
    }

    fn set_user_role(
        &mut self,
        email: &str,
        role: vigie_domain::Role,
        countries: &[vigie_domain::CountryCode],
        actor: &str,
    ) -> Result<bool> {
        users::set_role(&mut self.conn, email, role, countries, actor)
    }

    fn totp(&self, email: &str) -> Result<Option<crate::Totp>> {
        totp::get(&self.conn, email)
    }

    fn totp_enrolled(&self) -> Result<Vec<i64>> {
        totp::enrolled(&self.conn)
    }

    fn start_totp(&mut self, email: &str, secret: &[u8]) -> Result<()> {
        totp::start(&mut self.conn, email, secret)
    }

    fn enrol_totp(
        &mut self,
        email: &str,
        used_step: Option<i64>,
        recovery_hashes: &[String],
        actor: &str,
    ) -> Result<bool> {
        totp::enrol(&mut self.conn, email, used_step, recovery_hashes, actor)
    }

    fn accept_totp_step(&mut self, email: &str, step: i64) -> Result<bool> {
        totp::accept_step(&mut self.conn, email, step)
    }

    fn use_recovery_code(&mut self, email: &str, code_hash: &str, actor: &str) -> Result<bool> {
        totp::use_recovery_code(&mut self.conn, email, code_hash, actor)
    }

    fn renew_recovery_codes(
        &mut self,
        email: &str,
        step: i64,
        recovery_hashes: &[String],
        actor: &str,
    ) -> Result<bool> {
        totp::renew_recovery_codes(&mut self.conn, email, step, recovery_hashes, actor)
    }

    fn reset_totp(&mut self, email: &str, actor: &str) -> Result<bool> {
        totp::reset(&mut self.conn, email, actor)
    }

    fn totp_roles(&self) -> Result<Vec<vigie_domain::Role>> {
        totp::roles(&self.conn)
    }

    fn set_totp_roles(&mut self, roles: &[vigie_domain::Role], actor: &str) -> Result<bool> {
        totp::set_roles(&mut self.conn, roles, actor)
    }

    fn read_consistently(&self, read: &mut dyn FnMut() -> Result<()>) -> Result<()> {
        if !self.conn.is_autocommit() {
            return read();
        }
        self.conn.execute_batch("BEGIN DEFERRED")?;
        let result = read();
        // a read transaction: ending it changes nothing either way
        let end = self.conn.execute_batch(if result.is_ok() { "COMMIT" } else { "ROLLBACK" });
        result?;
        Ok(end?)
    }

    fn data_version(&self) -> Result<crate::DataVersion> {
        // PRAGMA data_version moves only for other connections' commits;
        // total_changes counts this connection's own writes
        let others: i64 = self.conn.prepare_cached("PRAGMA main.data_version")?.query_row([], |row| row.get(0))?;
        let sessions: i64 =
            self.conn.prepare_cached("PRAGMA sessions.data_version")?.query_row([], |row| row.get(0))?;
        Ok(crate::DataVersion { others: others as u64, own: self.conn.total_changes(), sessions: sessions as u64 })
    }

    fn record_audit(&mut self, entry: &vigie_domain::AuditEntry) -> Result<i64> {
        users::record(&self.conn, entry)
    }

    fn audit(&self, filter: &crate::AuditFilter) -> Result<Vec<vigie_domain::AuditEntry>> {
        users::matching(&self.conn, filter)
    }

    fn create_session(
        &mut self,
        token_hash: &str,
        user_id: i64,
        expires_at: jiff::Timestamp,
        audit: &vigie_domain::AuditEntry,
    ) -> Result<()> {
        sessions::create(&mut self.conn, token_hash, user_id, expires_at, audit)
    }

    fn create_token(&mut self, token: &crate::NewToken, audit: &vigie_domain::AuditEntry) -> Result<i64> {
        tokens::create(&mut self.conn, token, audit)
    }

    fn tokens(&self, user_id: Option<i64>) -> Result<Vec<vigie_domain::token::ApiToken>> {
        tokens::list(&self.conn, user_id)
    }

    fn token(&self, id: i64) -> Result<Option<vigie_domain::token::ApiToken>> {
        tokens::get(&self.conn, id)
    }

    fn token_by_hash(&self, hash: &str) -> Result<Option<(vigie_domain::token::ApiToken, vigie_domain::User)>> {
        tokens::by_hash(&self.conn, hash)
    }

    fn revoke_token(&mut self, id: i64, at: jiff::Timestamp, audit: &vigie_domain::AuditEntry) -> Result<bool> {
        tokens::revoke(&mut self.conn, id, at, audit)
    }

    fn touch_token(&mut self, id: i64, at: jiff::Timestamp) -> Result<()> {
        tokens::touch(&self.conn, id, at)
    }

    fn set_audit_token(&mut self, token: Option<i64>) {
        self.audit_token.store(token.unwrap_or(0), Ordering::Relaxed);
    }

    fn begin_idempotent(
        &mut self,
        user_id: i64,
        key: &str,
        request_hash: &str,
        now: jiff::Timestamp,
    ) -> Result<crate::Idempotency> {
        tokens::begin_idempotent(&mut self.conn, user_id, key, request_hash, now)
    }

    fn finish_idempotent(&mut self, user_id: i64, key: &str, answer: Option<&crate::StoredAnswer>) -> Result<()> {
        tokens::finish_idempotent(&self.conn, user_id, key, answer)
    }

    fn session(&self, token_hash: &str) -> Result<Option<(vigie_domain::User, jiff::Timestamp)>> {
        sessions::get(&self.conn, token_hash)
    }

    fn delete_session(&mut self, token_hash: &str, audit: &vigie_domain::AuditEntry) -> Result<bool> {
        sessions::delete(&mut self.conn, token_hash, audit)
    }

    fn set_session_expiry(&mut self, token_hash: &str, expires_at: jiff::Timestamp) -> Result<bool> {
        sessions::set_expiry(&self.conn, token_hash, expires_at)
    }

    fn latest_incident_date(
        &self,
        countries: &[vigie_domain::CountryCode],
        include_drafts: bool,
    ) -> Result<Option<jiff::civil::Date>> {
        sessions::latest_incident_date(&self.conn, countries, include_drafts)
    }

    fn create_incident(
        &mut self,
        incident: &Incident,
        author_id: i64,
        audit: &vigie_domain::AuditEntry,
    ) -> Result<bool> {
        workflow::create(&mut self.conn, incident, author_id, audit)
    }

    fn incident_workflow(&self, id: &str) -> Result<Option<crate::Workflow>> {
        workflow::get(&self.conn, id)
    }

    fn review_incidents(
        &mut self,
        reviews: &[crate::Review],
        status: vigie_domain::Status,
        reviewer_id: i64,
        comment: Option<&str>,
    ) -> Result<Vec<String>> {
        workflow::review(&mut self.conn, reviews, status, reviewer_id, comment)
    }

    fn import_run(&self, id: i64) -> Result<Option<crate::ImportRun>> {
        workflow::import_run(&self.conn, id)
    }

    fn import_runs_with_drafts(&self, limit: u64) -> Result<Vec<crate::ImportRun>> {
        workflow::import_runs_with_drafts(&self.conn, limit)
    }

    fn update_incident(
        &mut self,
        incident: &Incident,
        expected_hash: i64,
        audit: &vigie_domain::AuditEntry,
    ) -> Result<bool> {
        workflow::update(&mut self.conn, incident, expected_hash, audit)
    }

    fn save_bulletin(
        &mut self,
        issue: &crate::BulletinIssue,
        files: &[crate::BulletinFile],
        reports: &[crate::BulletinReport],
        audit: &vigie_domain::AuditEntry,
    ) -> Result<()> {
        bulletins::save_built(&mut self.conn, issue, files, reports, audit)
    }

    fn bulletins(&self) -> Result<Vec<crate::BulletinIssue>> {
        bulletins::list(&self.conn)
    }

    fn bulletin_file(&self, label: IssueLabel, lang: &str, format: &str) -> Result<Option<crate::BulletinFile>> {
        bulletins::file(&self.conn, label, lang, format)
    }

    fn bulletin_files(&self, label: IssueLabel) -> Result<Vec<crate::BulletinFile>> {
        bulletins::files(&self.conn, label)
    }

    fn bulletin_reports(&self, label: IssueLabel) -> Result<Vec<crate::BulletinReport>> {
        bulletins::reports(&self.conn, label)
    }

    fn publish_bulletin(
        &mut self,
        number: u32,
        at: jiff::Timestamp,
        by: &str,
        audit: &vigie_domain::AuditEntry,
    ) -> Result<Option<IssueLabel>> {
        bulletins::publish(&mut self.conn, number, at, by, audit)
    }

    fn record_confirmation(
        &mut self,
        confirmation: &crate::Confirmation,
        audit: &vigie_domain::AuditEntry,
    ) -> Result<bool> {
        confirmations::record(&mut self.conn, confirmation, audit)
    }

    fn confirmations(
        &self,
        month: vigie_domain::Month,
        countries: &[vigie_domain::CountryCode],
    ) -> Result<Vec<crate::ConfirmationState>> {
        confirmations::states(&self.conn, month, countries)
    }

    fn meta(&self, key: &str) -> Result<Option<String>> {
        Ok(self.conn.query_row("SELECT value FROM meta WHERE key = ?1", [key], |row| row.get(0)).optional()?)
    }

    fn set_meta(&mut self, key: &str, value: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, value],
        )?;
        Ok(())
    }

    fn connect(&self, access: crate::Access) -> Result<Box<dyn Store>> {
        Ok(Box::new(SqliteStore::connect(self, access)?))
    }

    fn set_busy_timeout(&mut self, wait: Duration) -> Result<()> {
        Ok(self.conn.busy_timeout(wait)?)
    }

    fn write_locked(&mut self) -> Result<bool> {
        self.conn.busy_timeout(Duration::ZERO)?;
        let probe = begin_database_write(&self.conn).and_then(|()| self.conn.execute_batch("ROLLBACK"));
        self.conn.busy_timeout(DEFAULT_BUSY_TIMEOUT)?;
        match probe.map_err(StoreError::from) {
            Ok(()) => Ok(false),
            Err(StoreError::Busy) => Ok(true),
            Err(other) => Err(other),
        }
    }

    fn record_sign_in(&mut self, entry: &vigie_domain::AuditEntry) -> Result<i64> {
        sessions::record(&self.conn, entry)
    }

    fn checkpoint(&mut self) -> Result<bool> {
        // TRUNCATE waits (a bounded time) for readers of old pages, then
        // empties the log; the sessions file's log is small and left alone
        self.conn.busy_timeout(Duration::from_secs(2))?;
        let checkpoint = self.conn.query_row("PRAGMA main.wal_checkpoint(TRUNCATE)", [], |row| row.get::<_, i64>(0));
        self.conn.busy_timeout(DEFAULT_BUSY_TIMEOUT)?;
        match checkpoint.map_err(StoreError::from) {
            Ok(blocked) => Ok(blocked == 0),
            Err(StoreError::Busy) => Ok(false),
            Err(other) => Err(other),
        }
    }

    fn backup(&self, target: &Path) -> Result<crate::BackupSummary> {
        backup::backup(&self.conn, target)
    }

    fn restore(&mut self, file: &Path) -> Result<crate::BackupSummary> {
        let summary = backup::restore(&mut self.conn, file)?;
        // the copied header says what the backup's file was (no WAL)
        let _: String = self.conn.query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))?;
        migrate::migrate(&mut self.conn, &self.path)?;
        groups::sync_builtin(&mut self.conn)?;
        Ok(summary)
    }
}
