//! `POST /api/v1/imports`: a file of incidents imported as the page's
//! import does it (`incidents::import::run`: the same pipeline, the same
//! rights, every row a draft held to the importer's countries), sent as
//! the request's body. The answer gives the counts and each problem
//! located by line and column, with a code and a message in the request's
//! language: 201 when it was written, 200 for a dry run, 422 when nothing
//! was written.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use vigie_domain::user::can_write_incidents;

use super::problem::{Problem, ProblemDetails};
use super::query::{ApiBody, ApiQuery};
use super::schemas::FileBody;
use crate::auth::RequireUser;
use crate::errors::Error;
use crate::incidents::import::{Choices, IMPORT_LIMIT, Upload, column_label, run};
use crate::state::AppState;

#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ImportQuery {
    /// The file's name (its extension tells JSON Lines from CSV).
    #[param(max_length = 255)]
    name: Option<String>,
    /// `detect` (the default), `native`, `csv`, `jsonl`, `acled`, `ucdp`, `gtd`.
    #[param(pattern = "^(detect|native|csv|jsonl|acled|ucdp|gtd)$")]
    format: Option<String>,
    /// Import the valid rows, skip the others (default: all or nothing).
    skip_invalid: Option<bool>,
    /// Create the perpetrator groups the register does not know.
    new_groups: Option<bool>,
    /// ACLED: keep every event type.
    all_events: Option<bool>,
    /// Check everything, write nothing.
    dry_run: Option<bool>,
    /// The language of the messages.
    #[allow(dead_code)]
    lang: Option<String>,
}

/// One problem of the file, where it is.
#[derive(Debug, Serialize, ToSchema)]
pub struct ImportProblem {
    pub line: u64,
    /// The column, as the file names it.
    pub column: String,
    /// The column's label in the request's language.
    pub label: String,
    /// A stable code of what is wrong (`invalid_date`, …), when it has one.
    pub code: Option<String>,
    /// What is wrong, in the request's language.
    pub message: String,
    /// The value read.
    pub value: Option<String>,
}

/// The rows of an import.
#[derive(Debug, Serialize, ToSchema)]
pub struct ImportCounts {
    pub new: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub rejected: u64,
    pub skipped: u64,
    /// New or changed incidents left as drafts for a second person.
    pub drafts: u64,
}

/// What an import did.
#[derive(Debug, Serialize, ToSchema)]
pub struct ImportResult {
    /// Whether it was written (all or nothing, unless `skip_invalid`).
    pub written: bool,
    pub dry_run: bool,
    /// The import's id, once written; its drafts are reviewed at `review`.
    pub import_id: Option<i64>,
    pub review: Option<String>,
    pub counts: ImportCounts,
    /// The file's layout as detected (`native`, `acled`, …).
    pub layouts: Vec<String>,
    /// The first problems, in line order.
    pub problems: Vec<ImportProblem>,
    /// How many problems there were in all.
    pub problem_count: u64,
}

/// An import of a file of incidents, every row a draft
///
/// The file is the body (native CSV or JSON Lines, ACLED, UCDP GED, GTD; at
/// most 20 MiB), held to the importer's rights as on the page.
#[utoipa::path(post, path = "/api/v1/imports", operation_id = "importIncidents", tag = "incidents",
    params(ImportQuery),
    request_body(content = FileBody, content_type = "text/csv", description = "The file's bytes (CSV, or JSON Lines)"),
    responses(
        (status = 200, description = "A dry run that would write: what the import would do", body = ImportResult),
        (status = 201, description = "Written", body = ImportResult),
        (status = 400, description = "The choices are wrong, or the body is not a file of text", body = ProblemDetails, content_type = "application/problem+json"),
        (status = 401, description = "No token", body = ProblemDetails, content_type = "application/problem+json"),
        (status = 403, description = "The user may not import incidents, or the token only reads", body = ProblemDetails, content_type = "application/problem+json"),
        (status = 413, description = "Larger than 20 MiB", body = ProblemDetails, content_type = "application/problem+json"),
        (status = 422, description = "Nothing written (or, for a dry run, nothing would be): `problems` says where and why", body = ImportResult),
    ))]
pub async fn import(
    State(state): State<AppState>,
    user: RequireUser,
    ApiQuery(query): ApiQuery<ImportQuery>,
    _headers: HeaderMap,
    ApiBody(body): ApiBody,
) -> Result<Response, Error> {
    let lang = user.lang;
    let current = user.session.user.clone();
    if !can_write_incidents(&current) {
        return Ok(Problem::forbidden().respond(lang));
    }
    if let Some(name) = query.name.as_deref().filter(|n| n.chars().count() > 255 || n.chars().any(char::is_control)) {
        let error = vigie_domain::FieldError::new("name", vigie_domain::FieldErrorKind::TooLong { max: 255 }, name);
        return Ok(Problem::parameter(&error, lang).respond(lang));
    }
    if body.is_empty() {
        return Ok(Problem::new(StatusCode::BAD_REQUEST, "invalid-body", "web-import-no-file").respond(lang));
    }
    let choices = Choices {
        format: query.format.clone().unwrap_or_default(),
        skip_invalid: query.skip_invalid.unwrap_or(false),
        new_groups: query.new_groups.unwrap_or(false),
        all_events: query.all_events.unwrap_or(false),
        dry_run: query.dry_run.unwrap_or(false),
    };
    let name = query.name.clone().filter(|n| !n.trim().is_empty()).unwrap_or_else(|| "upload".into());
    let (dry_run, skip_invalid) = (choices.dry_run, choices.skip_invalid);
    let upload = Upload { name, bytes: body.to_vec(), choices };
    let (summary, _rejects) = match run(&state, &current, upload, lang).await? {
        Ok(done) => done,
        Err((status, message)) => {
            let kind = if status == StatusCode::BAD_REQUEST { "invalid-parameters" } else { "invalid-body" };
            return Ok(Problem::new(status, kind, message).respond(lang));
        }
    };
    let counts = summary.counts;
    let result = ImportResult {
        written: summary.written,
        dry_run,
        import_id: summary.import_id.filter(|_| summary.written),
        review: summary.import_id.filter(|_| summary.written && summary.drafts > 0).map(|id| format!("/imports/{id}")),
        counts: ImportCounts {
            new: counts.new,
            updated: counts.updated,
            unchanged: counts.unchanged,
            rejected: counts.rejected,
            skipped: counts.skipped,
            drafts: summary.drafts,
        },
        layouts: summary.sources.iter().map(|s| s.layout.clone()).collect(),
        problems: summary
            .details
            .iter()
            .map(|p| ImportProblem {
                line: p.problem.line,
                column: p.problem.column.clone(),
                label: column_label(lang, &p.problem.column),
                code: p.kind.as_ref().map(|k| k.code().to_string()),
                message: p
                    .kind
                    .as_ref()
                    .map_or_else(|| p.problem.message.clone(), |k| vigie_i18n::field_error_kind(lang, k)),
                value: p.problem.value.clone(),
            })
            .collect(),
        problem_count: summary.problem_count,
    };
    let status = match (summary.written, dry_run) {
        (true, _) => StatusCode::CREATED,
        // a dry run that would write
        (false, true) if summary.problem_count == 0 || skip_invalid => StatusCode::OK,
        _ => StatusCode::UNPROCESSABLE_ENTITY,
    };
    let mut response = (status, axum::Json(result)).into_response();
    if let Some(review) = summary.import_id.filter(|_| summary.written && summary.drafts > 0)
        && let Ok(value) = format!("/imports/{review}").parse()
    {
        response.headers_mut().insert(header::LOCATION, value);
    }
    Ok(response)
}

/// The largest body of an import: the page's file limit.
pub const MAX_BODY: usize = IMPORT_LIMIT;
