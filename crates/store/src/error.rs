//! The store's errors, phrased for the person who runs the command.

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database {path}: {source}")]
    Open { path: String, source: rusqlite::Error },
    #[error(
        "database {path}: this command writes, and nothing can be written in {folder} (a read-only folder or disk); commands that only read (report, incidents list, export, backup…) work there"
    )]
    ReadOnly { path: String, folder: String },
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
    /// Another connection held the write lock longer than this one waits
    /// (an import, most likely): nothing was written; try again later.
    #[error(
        "the database is busy: another process (an import?) is writing to it; nothing was changed, try again when it has finished"
    )]
    Busy,
    #[error(
        "database {path} has schema version {found} and this Vigie needs {known}; it opens read-only here, so it cannot be upgraded: run a command that writes (for instance `vigie import`) where the file is writable"
    )]
    Outdated { path: String, found: i64, known: i64 },
    #[error(
        "database {path} was written by a newer Vigie (schema version {found}, this one knows {known}); upgrade Vigie"
    )]
    TooNew { path: String, found: i64, known: i64 },
    #[error("{path}: {source}")]
    Io { path: String, source: std::io::Error },
    #[error(
        "database {path} has schema version {found}, yet its tables are not those of version {found} \
         (migration {failed} to {known}, the version this Vigie knows, failed: {reason}): it was written by \
         another or a newer Vigie; open it with that Vigie, or give another --db"
    )]
    Mismatch { path: String, found: i64, known: i64, failed: i64, reason: String },
    #[error("the database holds a value Vigie cannot read: {0}")]
    Corrupt(String),
    #[error("{0}")]
    Conflict(String),
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    Unsupported(String),
    /// An error raised by a caller's visitor while streaming rows.
    #[error("{0}")]
    Visitor(Box<dyn std::error::Error + Send + Sync>),
}

impl From<rusqlite::Error> for StoreError {
    /// A lock not obtained in time is [`StoreError::Busy`], for the callers
    /// that answer it differently (the web's 503).
    fn from(error: rusqlite::Error) -> StoreError {
        match error.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => StoreError::Busy,
            _ => StoreError::Sqlite(error),
        }
    }
}

impl StoreError {
    /// Whether the operation may succeed when tried again later.
    pub fn is_busy(&self) -> bool {
        matches!(self, StoreError::Busy)
            || matches!(self, StoreError::Open { source, .. } if matches!(source.sqlite_error_code(), Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)))
    }
}
