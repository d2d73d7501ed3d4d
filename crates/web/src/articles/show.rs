//! One version: its values, its body rendered, its images, the other
//! language versions (or a link to translate), its history; and the
//! status change (draft ⇄ published) for editors.

use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::{Value, context};
use serde::Deserialize;
use vigie_domain::user::{can_edit_articles, can_translate, can_write_article_version};
use vigie_domain::{ArticleStatus, AuditEntry, FieldChange, Lang, Story};
use vigie_render::Labels;
use vigie_store::{ArticleFilter, AuditFilter};

use super::access::RequireArticleEditor;
use super::{body_html, can_read, href, image_src, status_label, translate_href};
use crate::auth::RequireUser;
use crate::errors::Error;
use crate::history;
use crate::state::AppState;
use crate::templates;

pub async fn show(
    State(state): State<AppState>,
    user: RequireUser,
    Path((id, version_lang)): Path<(String, String)>,
) -> Result<Response, Error> {
    let lang = user.lang;
    let version_lang = Lang::parse(&version_lang).ok_or_else(Error::not_found)?;
    let entity_id = format!("{id}/{}", version_lang.code());
    let found = state
        .read(move |store| {
            let versions = store.articles(&ArticleFilter { id: Some(id), ..ArticleFilter::default() })?;
            let entries = store.audit(&AuditFilter {
                entity: Some("article".into()),
                entity_id: Some(entity_id),
                ..AuditFilter::default()
            })?;
            Ok((versions, entries))
        })
        .await?;
    let (versions, entries) = found;
    let reader = &user.session.user;
    let readable = versions.into_iter().filter(|v| can_read(reader, v)).collect();
    let story = Story::group(readable).into_iter().next().ok_or_else(Error::not_found)?;
    let article = story.version(version_lang).ok_or_else(Error::not_found)?;
    let editor = can_edit_articles(reader);
    // a translator writes the versions a story lacks, and changes a draft one
    let translates = editor || can_translate(reader);
    let other = story.versions.iter().any(|v| v.lang != version_lang);
    let edits = can_write_article_version(reader, other, Some(article.status), ArticleStatus::Draft);
    let labels = Labels::new(lang);
    let others: Vec<Value> = Lang::ALL
        .iter()
        .filter(|&&l| l != version_lang)
        .map(|&l| {
            let label = labels.text(&format!("web-lang-{}", l.code()));
            match story.version(l) {
                Some(other) => context! {
                    label, href => href(&story.id, l), status_label => status_label(lang, other.status),
                    title => other.title.clone(), code => l.code(),
                },
                None => context! {
                    label, code => l.code(),
                    translate => translates.then(|| translate_href(&story.id, l, version_lang)),
                },
            }
        })
        .collect();
    let next_status = match article.status {
        ArticleStatus::Draft => ArticleStatus::Published,
        ArticleStatus::Published => ArticleStatus::Draft,
    };
    templates::page(
        "article.html",
        lang,
        Some(&user.session),
        context! {
            id => article.id.clone(),
            version_lang => version_lang.code(),
            text_dir => if version_lang.is_rtl() { "rtl" } else { "ltr" },
            title => article.title.clone(),
            subtitle => article.subtitle.clone(),
            date => labels.date(article.date),
            kind => labels.text(&format!("article-kind-{}", article.kind.code())),
            domains => article.domains.iter().map(|d| labels.text(&format!("domain-{}", d.code()))).collect::<Vec<_>>(),
            author => article.author.clone(),
            author_title => article.author_title.clone(),
            status => article.status.code(),
            status_label => status_label(lang, article.status),
            featured => article.featured,
            body => body_html(&article.body),
            images => article.images.iter().map(|i| context! { src => image_src(&i.hash), caption => i.caption.clone(), credit => i.credit.clone() }).collect::<Vec<_>>(),
            others,
            editor,
            edit => edits.then(|| format!("{}/edit", href(&article.id, version_lang))),
            status_action => format!("{}/status", href(&article.id, version_lang)),
            next_status => next_status.code(),
            history => history::rows(&entries),
        },
    )
}

#[derive(Debug, Deserialize)]
pub struct StatusForm {
    status: String,
}

/// Publishes a version or takes it back to draft, audited as
/// `article.publish` or `article.unpublish`.
pub async fn set_status(
    State(state): State<AppState>,
    editor: RequireArticleEditor,
    Path((id, version_lang)): Path<(String, String)>,
    Form(form): Form<StatusForm>,
) -> Result<Response, Error> {
    let (Some(version_lang), Some(status)) = (Lang::parse(&version_lang), ArticleStatus::parse(&form.status)) else {
        return Err(Error::bad_request("web-article-error-form"));
    };
    let actor = editor.session.user.email.clone();
    let target = id.clone();
    let done = state
        .write(move |store| {
            let filter =
                ArticleFilter { id: Some(target.clone()), lang: Some(version_lang), ..ArticleFilter::default() };
            let Some(mut article) = store.articles(&filter)?.into_iter().next() else {
                return Ok(false);
            };
            if article.status == status {
                return Ok(true);
            }
            let action = match status {
                ArticleStatus::Published => "article.publish",
                ArticleStatus::Draft => "article.unpublish",
            };
            let entity_id = format!("{target}/{}", version_lang.code());
            let entry = AuditEntry::new(jiff::Timestamp::now(), &actor, action, "article", Some(&entity_id))
                .with_changes(vec![FieldChange::new("status", article.status.code(), status.code())]);
            article.status = status;
            store.update_article(&article, &[], &entry)
        })
        .await?;
    if !done {
        return Err(Error::not_found());
    }
    Ok(Redirect::to(&href(&id, version_lang)).into_response())
}
