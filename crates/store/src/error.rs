//! The store's errors, phrased for the person who runs the command.

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database {path}: {source}")]
    Open { path: String, source: rusqlite::Error },
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error(
        "database {path} was written by a newer Vigie (schema version {found}, this one knows {known}); upgrade Vigie"
    )]
    TooNew { path: String, found: i64, known: i64 },
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
