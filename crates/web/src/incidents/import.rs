//! The import of a file of incidents from the web: the command line's
//! `vigie import` (the same pipeline, `vigie-ingest`: native CSV or JSON
//! Lines, ACLED, UCDP GED, GTD, told apart by their header; all or nothing
//! unless the valid rows are kept; idempotent by incident id), uploaded as
//! a multipart form of at most [`IMPORT_LIMIT`] bytes.
//!
//! An import through the web is a change by its importer
//! (`Options::importer`): every row lands as a draft, whatever its
//! `status` says, and a second person approves them (`imports.rs`: one by
//! one or the whole import). Each row is held to the importer's rights
//! (`import_row_access`): administrators and analysts write any country
//! (a verified incident they change becomes a draft again), a delegate
//! rows of their own countries, naming by id only incidents they may
//! change (an id they may not see is "unknown", as an unknown id is), and
//! never changes a verified incident. Only the operator's command line
//! imports verified data.
//! The result page gives the command line's counts, the first problems in
//! the page's language and, when rows were rejected, the rejects file
//! (the rows as read, with an English `reason` column), kept in memory for
//! an hour for whoever imported. A written import is audited
//! (`incident.import`, in its transaction); one that wrote nothing is not.

use vigie_domain::text::echoed;

use axum::extract::multipart::{Field, Multipart, MultipartRejection};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use minijinja::{Value, context};
use vigie_domain::user::{can_import_any_incident, can_write_incidents};
use vigie_domain::{Lang, User};
use vigie_formats::Format;
use vigie_formats::dataset::DatasetOptions;
use vigie_ingest::{FormatChoice, IngestError, Options, Source, Summary};

use super::today;
use crate::auth::RequireUser;
use crate::errors::Error;
use crate::session::Session;
use crate::state::AppState;
use crate::templates;

/// The largest file imported from the web (20 MiB); larger ones go
/// through the command line.
pub const IMPORT_LIMIT: usize = 20 * 1024 * 1024;

/// The formats offered, as the command line's `--format` values.
const FORMATS: [&str; 7] = ["detect", "native", "csv", "jsonl", "acled", "ucdp", "gtd"];

/// The form's choices, as the command line's flags.
#[derive(Debug, Default, Clone)]
pub(crate) struct Choices {
    pub(crate) format: String,
    pub(crate) skip_invalid: bool,
    pub(crate) new_groups: bool,
    pub(crate) all_events: bool,
    pub(crate) dry_run: bool,
}

impl Choices {
    fn format(&self) -> Option<FormatChoice> {
        Some(match self.format.as_str() {
            "" | "detect" => FormatChoice::Detect,
            "native" => FormatChoice::Native,
            "csv" => FormatChoice::Given(Format::Csv),
            "jsonl" => FormatChoice::Given(Format::Jsonl),
            "acled" => FormatChoice::Given(Format::Acled),
            "ucdp" => FormatChoice::Given(Format::Ucdp),
            "gtd" => FormatChoice::Given(Format::Gtd),
            _ => return None,
        })
    }

    /// The pipeline's options for `user`: their rights, drafts only.
    fn options(&self, user: &User, format: FormatChoice) -> Options {
        let mut options = Options::new(today());
        options.format = format;
        options.dataset = DatasetOptions { all_events: self.all_events };
        options.skip_invalid = self.skip_invalid;
        options.new_groups = self.new_groups;
        options.dry_run = self.dry_run;
        options.audit_actor = Some(user.email.clone());
        options.importer = Some(user.clone());
        options
    }
}

/// The form, with `message` (a catalogue id) above it when something was
/// wrong.
fn form_page(
    lang: Lang,
    session: &Session,
    status: StatusCode,
    choices: &Choices,
    message: Option<&str>,
) -> Result<Response, Error> {
    let catalog = vigie_i18n::catalog();
    let user = &session.user;
    let size = catalog.text_with(lang, "web-import-size", &[("mib", (IMPORT_LIMIT / (1024 * 1024)).into())]);
    let countries: Vec<&str> = user.countries.iter().map(|c| c.as_str()).collect();
    let mut response = templates::page(
        "incident_import.html",
        lang,
        Some(session),
        context! {
            intro => catalog.text_with(lang, "web-import-intro", &[("size", size.clone().into())]),
            delegate_note => (!can_import_any_incident(user)).then(|| {
                catalog.text_with(lang, "web-import-delegate-note", &[("countries", vigie_i18n::join_and(lang, &countries).into())])
            }),
            formats => FORMATS.iter().map(|&f| context! {
                code => f, label => catalog.text(lang, &format!("web-import-format-{f}")),
            }).collect::<Vec<_>>(),
            choices => context! {
                format => choices.format.clone(),
                skip_invalid => choices.skip_invalid, new_groups => choices.new_groups,
                all_events => choices.all_events, dry_run => choices.dry_run,
            },
            message => message.map(|id| catalog.text_with(lang, id, &[("size", size.into())])),
        },
    )?;
    *response.status_mut() = status;
    Ok(response)
}

pub async fn import_form(user: RequireUser) -> Result<Response, Error> {
    if !can_write_incidents(&user.session.user) {
        return Err(Error::forbidden());
    }
    form_page(user.lang, &user.session, StatusCode::OK, &Choices::default(), None)
}

/// What was uploaded: the file's name and bytes, and the choices.
pub(crate) struct Upload {
    pub(crate) name: String,
    pub(crate) bytes: Vec<u8>,
    pub(crate) choices: Choices,
}

/// Why an upload cannot be imported: the status and the message id.
pub(crate) type Refused = (StatusCode, &'static str);

async fn read_field(mut field: Field<'_>, limit: usize) -> Result<Vec<u8>, Refused> {
    let mut bytes = Vec::new();
    loop {
        match field.chunk().await {
            Ok(Some(chunk)) => {
                if bytes.len() + chunk.len() > limit {
                    return Err((StatusCode::PAYLOAD_TOO_LARGE, "web-import-too-large"));
                }
                bytes.extend_from_slice(&chunk);
            }
            Ok(None) => return Ok(bytes),
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                return Err((StatusCode::PAYLOAD_TOO_LARGE, "web-import-too-large"));
            }
            Err(_) => return Err((StatusCode::BAD_REQUEST, "web-import-unreadable")),
        }
    }
}

async fn read_upload(mut multipart: Multipart, choices: &mut Choices) -> Result<Upload, Refused> {
    let mut file = None;
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                return Err((StatusCode::PAYLOAD_TOO_LARGE, "web-import-too-large"));
            }
            Err(_) => return Err((StatusCode::BAD_REQUEST, "web-import-unreadable")),
        };
        let name = field.name().unwrap_or_default().to_string();
        if name == "file" {
            let file_name = field.file_name().unwrap_or_default().to_string();
            let bytes = read_field(field, IMPORT_LIMIT).await?;
            file = Some((file_name, bytes));
            continue;
        }
        let text = String::from_utf8(read_field(field, 1024).await?).unwrap_or_default();
        match name.as_str() {
            "format" => choices.format = text,
            "skip_invalid" => choices.skip_invalid = !text.is_empty(),
            "new_groups" => choices.new_groups = !text.is_empty(),
            "all_events" => choices.all_events = !text.is_empty(),
            "dry_run" => choices.dry_run = !text.is_empty(),
            _ => {}
        }
    }
    match file {
        Some((name, bytes)) if !bytes.is_empty() => {
            // a path from an old browser: its last part
            let name = name.rsplit(['/', '\\']).next().unwrap_or_default().trim().to_string();
            let name = if name.is_empty() { "upload".to_string() } else { name };
            Ok(Upload { name, bytes, choices: choices.clone() })
        }
        _ => Err((StatusCode::BAD_REQUEST, "web-import-no-file")),
    }
}

/// Imports an upload as `importer`: the summary and the rejects file, or
/// why it could not be read (the choices, or bytes that are not text). One
/// flow for the page and the API.
pub(crate) async fn run(
    state: &AppState,
    importer: &User,
    upload: Upload,
    lang: Lang,
) -> Result<Result<(Summary, Vec<u8>), Refused>, Error> {
    let Some(format) = upload.choices.format() else {
        return Ok(Err((StatusCode::BAD_REQUEST, "web-import-choice")));
    };
    let rejects_path = std::env::temp_dir().join(format!("vigie-rejects-{}.csv", crate::util::new_token()?));
    let choices = upload.choices.clone();
    let importer = importer.clone();
    let size = upload.bytes.len() as u64;
    let source = Source {
        format: Format::from_path(std::path::Path::new(&upload.name)),
        name: upload.name.clone(),
        input: Box::new(std::io::Cursor::new(upload.bytes)),
        size: Some(size),
    };
    let result = state
        .write(move |store| {
            // built here: the options' progress callback stays on this thread
            let mut options = choices.options(&importer, format);
            options.rejects = Some(rejects_path.clone());
            options.lang = lang;
            let summary = vigie_ingest::import(store, vec![source], &options);
            // the rejects file is read back and removed whatever happened
            let rejects = std::fs::read(&rejects_path).unwrap_or_default();
            let _ = std::fs::remove_file(&rejects_path);
            Ok((summary, rejects))
        })
        .await;
    match result? {
        (Ok(summary), rejects) => Ok(Ok((summary, rejects))),
        // the bytes could not be read as text: not a file to import
        (Err(IngestError::Read { .. }), _) => Ok(Err((StatusCode::BAD_REQUEST, "web-import-unreadable"))),
        (Err(e), _) => Err(Error::internal(e)),
    }
}

pub async fn import_upload(
    State(state): State<AppState>,
    user: RequireUser,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, Error> {
    let lang = user.lang;
    let current = user.session.user.clone();
    if !can_write_incidents(&current) {
        return Err(Error::forbidden());
    }
    let mut choices = Choices::default();
    let upload = match multipart {
        Ok(multipart) => read_upload(multipart, &mut choices).await,
        Err(_) => Err((StatusCode::BAD_REQUEST, "web-import-unreadable")),
    };
    let upload = match upload {
        Ok(upload) => upload,
        Err((status, message)) => return form_page(lang, &user.session, status, &choices, Some(message)),
    };
    let upload_choices = upload.choices.clone();
    let dry_run = upload.choices.dry_run;
    let name = upload.name.clone();
    let (summary, rejects) = match run(&state, &current, upload, lang).await? {
        Ok(done) => done,
        Err((status, message)) => return form_page(lang, &user.session, status, &upload_choices, Some(message)),
    };
    let rejects_link = if summary.counts.rejected > 0 && !rejects.is_empty() {
        let token = state.rejects.keep(current.id, rejects)?;
        Some(format!("/incidents/import/rejects/{token}"))
    } else {
        None
    };
    result_page(lang, &user.session, &name, &summary, dry_run, rejects_link)
}

/// A problem's column as the page names it: the field's label when it is
/// one of the incident's, else the file's own column name.
pub(crate) fn column_label(lang: Lang, column: &str) -> String {
    let id = format!("web-field-{column}");
    if vigie_i18n::catalog().has(&id) { vigie_i18n::catalog().text(lang, &id) } else { echoed(column) }
}

fn result_page(
    lang: Lang,
    session: &Session,
    name: &str,
    summary: &Summary,
    dry_run: bool,
    rejects: Option<String>,
) -> Result<Response, Error> {
    let catalog = vigie_i18n::catalog();
    let counts = summary.counts;
    let outcome = if summary.written {
        catalog.text(lang, "web-import-written")
    } else if dry_run {
        catalog.text(lang, "web-import-checked")
    } else {
        catalog.text_with(lang, "web-import-failed", &[("count", summary.problem_count.into())])
    };
    let problems: Vec<Value> = summary
        .details
        .iter()
        .map(|p| {
            context! {
                line => p.problem.line,
                column => column_label(lang, &p.problem.column),
                reason => p.kind.as_ref().map_or_else(|| p.problem.message.clone(), |k| vigie_i18n::field_error_kind(lang, k)),
                value => p.problem.value.as_deref().map(echoed).unwrap_or_default(),
            }
        })
        .collect();
    let more = summary.problem_count.saturating_sub(summary.details.len() as u64);
    let count = |id: &str, n: u64| context! { label => catalog.text(lang, id), n };
    let mut response = templates::page(
        "incident_import.html",
        lang,
        Some(session),
        context! {
            result => true,
            written => summary.written,
            outcome,
            file => name,
            layouts => summary.sources.iter().map(|s| s.layout.clone()).collect::<Vec<_>>(),
            counts => vec![
                count("web-import-new", counts.new),
                count("web-import-updated", counts.updated),
                count("web-import-unchanged", counts.unchanged),
                count("web-import-rejected", counts.rejected),
                count("web-import-skipped", counts.skipped),
                count("web-import-drafts", summary.drafts),
            ],
            new_groups => summary.new_groups.clone(),
            review => summary.import_id.filter(|_| summary.written && summary.drafts > 0).map(|id| format!("/imports/{id}")),
            problems,
            more => (more > 0).then(|| catalog.text_with(lang, "web-import-more", &[("count", more.into())])),
            rejects,
        },
    )?;
    if !summary.written && !dry_run {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

pub async fn rejects_file(
    State(state): State<AppState>,
    user: RequireUser,
    Path(token): Path<String>,
) -> Result<Response, Error> {
    let bytes = state
        .rejects
        .get(&token, user.session.user.id)
        .ok_or(Error::new(StatusCode::NOT_FOUND, "web-import-rejects-gone"))?;
    let headers = [
        (CONTENT_TYPE, "text/csv; charset=utf-8"),
        (CONTENT_DISPOSITION, "attachment; filename=\"rejected-incidents.csv\""),
    ];
    Ok((headers, bytes).into_response())
}
