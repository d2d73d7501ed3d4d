//! The stories and the bulletins for programs: each story with its
//! language versions (the drafts to whoever may read them, as on the
//! pages), each bulletin issue with its files (unpublished ones to whoever
//! may read drafts; the published ones are also open, `public.rs`).

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};
use vigie_domain::user::can_read_draft_articles;
use vigie_domain::{Article, Story};
use vigie_store::ArticleFilter;

use super::problem::ProblemDetails;
use super::schemas::Listing;
use crate::auth::RequireUser;
use crate::errors::Error;
use crate::state::AppState;

fn version_json(article: &Article) -> Value {
    json!({
        "lang": article.lang.code(),
        "date": article.date.to_string(),
        "title": article.title,
        "subtitle": article.subtitle,
        "kind": article.kind.code(),
        "domains": article.domains.iter().map(|d| d.code()).collect::<Vec<_>>(),
        "author": article.author,
        "author_title": article.author_title,
        "status": article.status.code(),
        "featured": article.featured,
        "images": article.images.iter().map(|image| json!({
            "file": image.file,
            "caption": image.caption,
            "credit": image.credit,
            "href": format!("/articles/images/{}", image.hash),
        })).collect::<Vec<_>>(),
        "body": article.body,
        "href": format!("/articles/{}/{}", crate::cookies::percent_encode(&article.id).replace('/', "%2F"), article.lang.code()),
    })
}

/// The stories, latest first, each with its versions in French, English and Arabic
#[utoipa::path(get, path = "/api/v1/articles", operation_id = "listArticles", tag = "publications",
    responses(
        (status = 200, description = "Each story: its id and its language versions (title, body in Markdown, images, status)", body = Listing),
        (status = 401, description = "No token", body = ProblemDetails, content_type = "application/problem+json"),
    ))]
pub async fn articles(State(state): State<AppState>, user: RequireUser) -> Result<Response, Error> {
    let reader = user.session.user.clone();
    let found = state.read(|store| store.articles(&ArticleFilter::default())).await?;
    let readable: Vec<Article> = found.into_iter().filter(|a| crate::articles::can_read(&reader, a)).collect();
    let mut stories = Story::group(readable);
    stories.reverse();
    let items: Vec<Value> = stories
        .iter()
        .map(|story| json!({ "id": story.id, "versions": story.versions.iter().map(version_json).collect::<Vec<_>>() }))
        .collect();
    Ok(axum::Json(json!({ "items": items })).into_response())
}

/// One file of an issue: its PDF or HTML in one language
///
/// An unpublished issue's files to whoever may read drafts, as on the pages.
#[utoipa::path(get, path = "/api/v1/bulletins/{issue}/{file}", operation_id = "bulletinFile", tag = "publications",
    params(
        ("issue" = String, Path, description = "The issue, `58`, or a correction, `58.1`", pattern = "^[0-9]+(\\.[0-9]+)?$"),
        ("file" = String, Path, description = "`fr.pdf`, `en.html`, `ar.pdf`, …", pattern = "^(fr|en|ar)\\.(pdf|html)$"),
    ),
    responses(
        (status = 200, description = "The file", content((String = "application/pdf"), (String = "text/html"))),
        (status = 401, description = "No token", body = ProblemDetails, content_type = "application/problem+json"),
        (status = 404, description = "No such issue or file, or one the user may not read", body = ProblemDetails, content_type = "application/problem+json"),
    ))]
pub async fn file(
    state: State<AppState>,
    user: RequireUser,
    path: axum::extract::Path<(String, String)>,
) -> Result<Response, Error> {
    let current = crate::auth::CurrentUser { session: Some(user.session), lang: user.lang };
    crate::bulletins::file(state, current, path).await
}

/// The bulletin's issues, latest first, with their files
#[utoipa::path(get, path = "/api/v1/bulletins", operation_id = "listBulletins", tag = "publications",
    responses(
        (status = 200, description = "Each issue and correction: number, month, whether published, the addresses of its files", body = Listing),
        (status = 401, description = "No token", body = ProblemDetails, content_type = "application/problem+json"),
    ))]
pub async fn bulletins(State(state): State<AppState>, user: RequireUser) -> Result<Response, Error> {
    let drafts = can_read_draft_articles(&user.session.user);
    let mut issues = state.read(|store| store.bulletins()).await?;
    issues.retain(|issue| issue.published || drafts);
    issues.sort_by_key(|issue| std::cmp::Reverse((issue.number, issue.revision)));
    let items: Vec<Value> = issues
        .iter()
        .map(|issue| {
            let mut value = super::public::issue_json(issue);
            value["published"] = Value::Bool(issue.published);
            value["built_at"] = json!(issue.built_at);
            // the files through the API, where a token opens an unpublished issue too
            if let Some(files) = value["files"].as_array_mut() {
                for file in files {
                    let href =
                        file["href"].as_str().unwrap_or_default().replacen("/bulletins/", "/api/v1/bulletins/", 1);
                    file["href"] = Value::String(href);
                }
            }
            value
        })
        .collect();
    Ok(axum::Json(json!({ "items": items })).into_response())
}
