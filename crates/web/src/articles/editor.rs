//! The editor: a new version (`/articles/new`, or a translation of an
//! existing one), or a version changed (`/articles/{id}/{lang}/edit`). One
//! multipart form with two buttons: "Preview" shows the form again with the
//! body rendered beside it (on the server: the pages run no script), "Save"
//! validates and writes the version, the image it brings and its audit
//! entry in one transaction. An image uploaded with "Preview" is kept by
//! its hash at once, so that "Save" can use it; nothing shows it until
//! then. A change is saved only over the version the editor was opened on
//! (its fingerprint, `crate::version`): one changed meanwhile by someone
//! else is not overwritten (409, the form again with what was typed).

use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::{Value, context};
use serde::Deserialize;
use vigie_domain::article::{MAX_IMAGE_BYTES, validate_article};
use vigie_domain::user::can_write_article_version;
use vigie_domain::{
    Article, ArticleImage, ArticleKind, ArticleStatus, AuditEntry, Domain, Image, Lang, MediaType, Story,
};
use vigie_store::{ArticleFilter, Store, StoreError};

use super::access::RequireArticleWriter;
use super::changes::changes;
use super::form::{self, Action, Entered, MAX_BODY_BYTES, Problems, Submitted, Unreadable};
use super::images::{check_upload, file_name};
use super::{body_html, href, image_src, status_label};
use crate::errors::Error;
use crate::session::Session;
use crate::state::AppState;
use crate::{templates, version};

/// A new version, or which one is changed.
#[derive(Debug, Clone)]
enum Mode {
    Create,
    Update { id: String, lang: Lang },
}

impl Mode {
    fn action(&self) -> String {
        match self {
            Mode::Create => "/articles".into(),
            Mode::Update { id, lang } => format!("{}/edit", href(id, *lang)),
        }
    }
}

/// What the form shows besides the values.
#[derive(Default)]
struct Extras {
    problems: Problems,
    /// The body rendered, after "Preview".
    preview: Option<Value>,
    /// The version a translation is written from.
    source: Option<Article>,
    message: Option<&'static str>,
    /// Written by a translator: only the texts of the version are theirs
    /// to change (the other fields are shown, not editable).
    held: bool,
}

fn options<T: Copy>(
    all: &[T],
    code: fn(T) -> &'static str,
    label: impl Fn(&str) -> String,
    chosen: &str,
) -> Vec<Value> {
    all.iter()
        .map(|&item| {
            let code = code(item);
            context! { code, label => label(code), selected => code == chosen }
        })
        .collect()
}

fn render(
    lang: Lang,
    session: &Session,
    mode: &Mode,
    entered: &Entered,
    extras: Extras,
    status: StatusCode,
) -> Result<Response, Error> {
    let catalog = vigie_i18n::catalog();
    let problems = &extras.problems;
    let version = entered.language();
    let dir = if version.is_some_and(Lang::is_rtl) { "rtl" } else { "ltr" };
    let field = |name: &str, value: &str| context! { name, value, error => problems.get(name) };
    let images: Vec<Value> = entered
        .images
        .iter()
        .enumerate()
        .map(|(index, image)| {
            context! {
                index,
                hash => image.hash.clone(),
                file => image.file.clone(),
                caption => image.caption.clone(),
                credit => image.credit.clone(),
                src => image_src(&image.hash),
                error => problems
                    .get(&format!("image-{index}-caption"))
                    .or_else(|| problems.get(&format!("image-{index}-credit"))),
            }
        })
        .collect();
    let source = extras.source.as_ref().map(|source| {
        context! {
            lang => source.lang.code(),
            lang_label => catalog.text(lang, &format!("web-lang-{}", source.lang.code())),
            dir => if source.lang.is_rtl() { "rtl" } else { "ltr" },
            title => source.title.clone(),
            subtitle => source.subtitle.clone(),
            body => body_html(&source.body),
            images => source.images.iter().map(|i| context! { src => image_src(&i.hash), caption => i.caption.clone() }).collect::<Vec<_>>(),
        }
    });
    let fixed = matches!(mode, Mode::Update { .. }) || !entered.source.is_empty();
    let mut response = templates::page(
        "article_form.html",
        lang,
        Some(session),
        context! {
            creating => matches!(mode, Mode::Create),
            action => mode.action(),
            cancel => match mode {
                Mode::Create => "/articles".to_string(),
                Mode::Update { id, lang } => href(id, *lang),
            },
            fixed,
            text_dir => dir,
            version_lang => version.map(|l| l.code()).unwrap_or(""),
            id => field("id", &entered.id),
            date => field("date", &entered.date),
            title => field("title", &entered.title),
            subtitle => field("subtitle", &entered.subtitle),
            author => field("author", &entered.author),
            author_title => field("author_title", &entered.author_title),
            body => field("body", &entered.body),
            lang_field => field("lang", &entered.lang),
            kind_error => problems.get("kind"),
            status_error => problems.get("status"),
            domains_error => problems.get("domains"),
            images_error => problems.get("images"),
            upload_error => problems.get("upload"),
            featured => entered.featured,
            source_lang => entered.source.clone(),
            version => entered.version.clone(),
            languages => Lang::ALL.iter().map(|l| context! {
                code => l.code(),
                label => catalog.text(lang, &format!("web-lang-{}", l.code())),
                selected => l.code() == entered.lang,
            }).collect::<Vec<_>>(),
            kinds => options(&ArticleKind::ALL, ArticleKind::code, |c| catalog.text(lang, &format!("article-kind-{c}")), &entered.kind),
            statuses => options(&ArticleStatus::ALL, ArticleStatus::code, |c| {
                ArticleStatus::parse(c).map(|s| status_label(lang, s)).unwrap_or_default()
            }, &entered.status),
            domains => Domain::ALL.iter().map(|d| context! {
                code => d.code(),
                label => catalog.text(lang, &format!("domain-{}", d.code())),
                checked => entered.domains.iter().any(|c| c == d.code()),
            }).collect::<Vec<_>>(),
            images,
            image_hint => catalog.text_with(lang, "web-article-image-hint", &[("max", vigie_i18n::Value::from(MAX_IMAGE_BYTES >> 20))]),
            preview => extras.preview,
            source,
            held => extras.held,
            message => extras.message.map(|id| catalog.text(lang, id)),
        },
    )?;
    *response.status_mut() = status;
    Ok(response)
}

#[derive(Debug, Default, Deserialize)]
pub struct NewQuery {
    /// The story to translate.
    translation_of: Option<String>,
    /// The language of the new version (not `lang`: that one is the
    /// interface's).
    language: Option<String>,
    /// The version to translate from (else the first there is).
    from: Option<String>,
}

/// The story's versions.
fn story(store: &dyn Store, id: &str) -> Result<Option<Story>, StoreError> {
    let versions = store.articles(&ArticleFilter { id: Some(id.to_string()), ..ArticleFilter::default() })?;
    Ok(Story::group(versions).into_iter().next())
}

fn version(store: &dyn Store, id: &str, lang: Lang) -> Result<Option<Article>, StoreError> {
    Ok(story(store, id)?.and_then(|s| s.version(lang).cloned()))
}

pub async fn new_form(
    State(state): State<AppState>,
    editor: RequireArticleWriter,
    Query(query): Query<NewQuery>,
) -> Result<Response, Error> {
    let lang = editor.lang;
    let held = editor.translator;
    let today = jiff::Zoned::now().date();
    let blank = Entered {
        date: today.to_string(),
        kind: ArticleKind::News.code().into(),
        status: ArticleStatus::Draft.code().into(),
        lang: lang.code().into(),
        ..Entered::default()
    };
    let Some(id) = query.translation_of.filter(|id| !id.is_empty()) else {
        // a translator writes translations, not new stories
        if held {
            return Err(Error::forbidden());
        }
        return render(lang, &editor.session, &Mode::Create, &blank, Extras::default(), StatusCode::OK);
    };
    let target = query.language.as_deref().and_then(Lang::parse);
    let from = query.from.as_deref().and_then(Lang::parse);
    let story = state.read(move |store| story(store, &id)).await?.ok_or_else(Error::not_found)?;
    // a version that exists is edited, not written again
    let target = match target {
        Some(target) if story.version(target).is_some() => {
            return Ok(Redirect::to(&format!("{}/edit", href(&story.id, target))).into_response());
        }
        Some(target) => target,
        None => match story.missing().first() {
            Some(missing) => *missing,
            None => return Ok(Redirect::to(&href(&story.id, story.versions[0].lang)).into_response()),
        },
    };
    let source = from.and_then(|l| story.version(l)).unwrap_or(&story.versions[0]).clone();
    let entered = Entered::translation(&source, target);
    let extras = Extras { source: Some(source), held, ..Extras::default() };
    render(lang, &editor.session, &Mode::Create, &entered, extras, StatusCode::OK)
}

pub async fn edit_form(
    State(state): State<AppState>,
    editor: RequireArticleWriter,
    Path((id, version_lang)): Path<(String, String)>,
) -> Result<Response, Error> {
    let lang = editor.lang;
    let version_lang = Lang::parse(&version_lang).ok_or_else(Error::not_found)?;
    let wanted = id.clone();
    let story = state.read(move |store| story(store, &wanted)).await?.ok_or_else(Error::not_found)?;
    let article = story.version(version_lang).cloned().ok_or_else(Error::not_found)?;
    let other = story.versions.iter().any(|v| v.lang != version_lang);
    if !can_write_article_version(&editor.session.user, other, Some(article.status), ArticleStatus::Draft) {
        return Err(Error::forbidden());
    }
    let mode = Mode::Update { id, lang: version_lang };
    let entered = Entered { version: fingerprint(&article), ..Entered::from_article(&article) };
    let extras = Extras { held: editor.translator, ..Extras::default() };
    render(lang, &editor.session, &mode, &entered, extras, StatusCode::OK)
}

pub async fn create(
    state: State<AppState>,
    editor: RequireArticleWriter,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, Error> {
    submit(state, editor, Mode::Create, multipart).await
}

pub async fn update(
    state: State<AppState>,
    editor: RequireArticleWriter,
    Path((id, version_lang)): Path<(String, String)>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, Error> {
    let version_lang = Lang::parse(&version_lang).ok_or_else(Error::not_found)?;
    submit(state, editor, Mode::Update { id, lang: version_lang }, multipart).await
}

/// The fingerprint of a stored version: every value its editor shows,
/// images by their whole hash.
fn fingerprint(article: &Article) -> String {
    let domains: Vec<&str> = article.domains.iter().map(|d| d.code()).collect();
    let mut values = vec![
        article.id.clone(),
        article.lang.code().to_string(),
        article.date.to_string(),
        article.title.clone(),
        article.subtitle.clone(),
        article.kind.code().to_string(),
        domains.join(" "),
        article.author.clone(),
        article.author_title.clone(),
        article.status.code().to_string(),
        article.featured.to_string(),
        article.body.clone(),
    ];
    for image in &article.images {
        values.extend([image.file.clone(), image.hash.clone(), image.caption.clone(), image.credit.clone()]);
    }
    version::fingerprint(values)
}

/// What the store's side of a submission came to.
enum Outcome {
    Saved(String, Lang),
    /// Shown again: a preview, or problems to correct.
    Form(Box<(Entered, Extras, StatusCode)>),
    NotFound,
}

async fn submit(
    State(state): State<AppState>,
    editor: RequireArticleWriter,
    mode: Mode,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, Error> {
    let lang = editor.lang;
    let submitted = match multipart {
        Ok(multipart) => form::read(multipart).await,
        Err(_) => Err(Unreadable::Malformed),
    };
    let Submitted { mut entered, mut upload, action } = match submitted {
        Ok(submitted) => submitted,
        Err(Unreadable::TooLarge) => {
            return Err(Error::new(StatusCode::PAYLOAD_TOO_LARGE, "web-article-error-form-size"));
        }
        Err(Unreadable::Malformed) => return Err(Error::bad_request("web-article-error-form")),
    };
    if let Mode::Update { id, lang: version_lang } = &mode {
        // the path says which version: the form cannot move it
        entered.id = id.clone();
        entered.lang = version_lang.code().into();
    }
    if editor.translator {
        // a translator's version keeps all but its texts from the version
        // it translates (or the one it changes), whatever the form says
        let (id, target) = (entered.id.trim().to_string(), entered.language());
        let from = Lang::parse(&entered.source);
        let found = state.read(move |store| story(store, &id)).await?;
        let reference = found.as_ref().and_then(|story| {
            let other = story.versions.iter().find(|v| Some(v.lang) != target && from.is_none_or(|f| f == v.lang));
            let stored = target.and_then(|t| story.version(t));
            let allowed = can_write_article_version(
                &editor.session.user,
                other.is_some(),
                stored.map(|v| v.status),
                ArticleStatus::Draft,
            );
            let reference = match mode {
                Mode::Update { .. } => stored,
                Mode::Create => other,
            };
            reference.filter(|_| allowed).cloned()
        });
        let Some(reference) = reference else { return Err(Error::forbidden()) };
        entered = entered.held_to(&reference);
        upload = None;
    }
    let mut problems = Problems::default();
    let catalog = vigie_i18n::catalog();
    let mut new_image: Option<Image> = None;
    if let Some(upload) = upload {
        match check_upload(upload.bytes) {
            Ok(image) => {
                entered.images.push(form::EnteredImage {
                    hash: image.hash.clone(),
                    file: file_name(&upload.name, &image),
                    caption: upload.caption,
                    credit: upload.credit,
                    media_type: Some(image.media_type),
                });
                new_image = Some(image);
            }
            Err(refused) => problems.add(
                "upload",
                catalog.text_with(
                    lang,
                    refused.message_id(),
                    &[("max", vigie_i18n::Value::from(MAX_IMAGE_BYTES >> 20))],
                ),
            ),
        }
    }
    if entered.body.len() > MAX_BODY_BYTES {
        problems.add(
            "body",
            catalog.text_with(
                lang,
                "web-article-error-body-size",
                &[("max", vigie_i18n::Value::from(MAX_BODY_BYTES >> 20))],
            ),
        );
    }
    let validated = match validate_article(&entered.to_raw()) {
        Ok((article, _)) => Some(article),
        Err(errors) => {
            form::field_messages(&errors, &entered, lang, &mut problems);
            None
        }
    };
    let actor = editor.session.user.email.clone();
    let worker_mode = mode.clone();
    let outcome = state
        .write(move |store| write(store, worker_mode, entered, validated, new_image, problems, action, lang, &actor))
        .await?;
    match outcome {
        Outcome::Saved(id, version_lang) => Ok(Redirect::to(&href(&id, version_lang)).into_response()),
        Outcome::Form(shown) => {
            let (entered, extras, status) = *shown;
            let extras = Extras { held: editor.translator, ..extras };
            render(lang, &editor.session, &mode, &entered, extras, status)
        }
        Outcome::NotFound => Err(Error::not_found()),
    }
}

/// The images as the version will show them: each hash must name stored
/// bytes (or the upload), whose type is their content's.
fn resolve_images(
    store: &dyn Store,
    entered: &Entered,
    stored: Option<&Article>,
    new_image: Option<&Image>,
) -> Result<Option<Vec<ArticleImage>>, StoreError> {
    let mut images = Vec::new();
    for image in &entered.images {
        let known = image
            .media_type
            .filter(|_| new_image.is_some_and(|n| n.hash == image.hash))
            .or_else(|| stored.and_then(|s| s.images.iter().find(|i| i.hash == image.hash)).map(|i| i.media_type));
        let media_type = match known {
            Some(media_type) => media_type,
            None => match store.image(&image.hash)?.as_deref().and_then(MediaType::sniff) {
                Some(media_type) => media_type,
                None => return Ok(None),
            },
        };
        images.push(ArticleImage {
            file: image.file.clone(),
            caption: image.caption.trim().to_string(),
            credit: image.credit.trim().to_string(),
            hash: image.hash.clone(),
            media_type,
        });
    }
    Ok(Some(images))
}

#[allow(clippy::too_many_arguments)]
fn write(
    store: &mut dyn Store,
    mode: Mode,
    mut entered: Entered,
    validated: Option<Article>,
    new_image: Option<Image>,
    mut problems: Problems,
    action: Action,
    lang: Lang,
    actor: &str,
) -> Result<Outcome, StoreError> {
    let catalog = vigie_i18n::catalog();
    let stored = match &mode {
        Mode::Update { id, lang } => match version(store, id, *lang)? {
            Some(stored) => Some(stored),
            None => return Ok(Outcome::NotFound),
        },
        Mode::Create => None,
    };
    // opened on a version someone else has changed since
    let stale = stored.as_ref().is_some_and(|s| !version::is_current(Some(&entered.version), &fingerprint(s)));
    if let (Mode::Create, Some(version_lang)) = (&mode, entered.language())
        && !entered.id.trim().is_empty()
        && version(store, entered.id.trim(), version_lang)?.is_some()
    {
        problems.add("id", catalog.text(lang, "web-article-error-exists"));
    }
    let images = resolve_images(store, &entered, stored.as_ref(), new_image.as_ref())?;
    if images.is_none() {
        problems.add("images", catalog.text(lang, "web-article-error-image-gone"));
        // keep only the images still there, so the form can be sent again
        let mut kept = Vec::new();
        for image in entered.images.drain(..) {
            if image.media_type.is_some() || store.image(&image.hash)?.is_some() {
                kept.push(image);
            }
        }
        entered.images = kept;
    }
    let source = match Lang::parse(&entered.source) {
        Some(from) if matches!(mode, Mode::Create) => version(store, entered.id.trim(), from)?,
        _ => None,
    };
    let show_again = |entered: Entered, problems: Problems, status, message| {
        let preview = (action == Action::Preview).then(|| body_html(&entered.body));
        Ok(Outcome::Form(Box::new((entered, Extras { problems, preview, source, message, held: false }, status))))
    };
    let (Some(mut article), Some(images), true) = (validated, images, problems.is_empty()) else {
        if action == Action::Preview
            && let Some(image) = &new_image
        {
            // the upload was accepted: keep it for the save to come
            store.put_image(image)?;
        }
        let status = if action == Action::Save { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
        let message = (!problems.is_empty()).then_some("web-form-invalid");
        return show_again(entered, problems, status, message);
    };
    article.images = images;
    if action == Action::Preview {
        if let Some(image) = &new_image {
            store.put_image(image)?;
        }
        // a preview writes nothing, but already says the save will be refused
        return show_again(entered, problems, StatusCode::OK, stale.then_some("web-article-changed"));
    }
    if stale {
        return show_again(entered, problems, StatusCode::CONFLICT, Some("web-article-changed"));
    }
    let found = changes(stored.as_ref(), &article);
    if stored.is_some() && found.is_empty() {
        // nothing changed: nothing to write or log
        return Ok(Outcome::Saved(article.id, article.lang));
    }
    let action_name = if stored.is_some() { "article.update" } else { "article.create" };
    let entity_id = format!("{}/{}", article.id, article.lang.code());
    let entry =
        AuditEntry::new(jiff::Timestamp::now(), actor, action_name, "article", Some(&entity_id)).with_changes(found);
    let new_images: Vec<Image> = new_image.into_iter().collect();
    let written = if stored.is_some() {
        store.update_article(&article, &new_images, &entry)?
    } else {
        store.create_article(&article, &new_images, &entry)?
    };
    if !written {
        if stored.is_some() {
            return Ok(Outcome::NotFound);
        }
        // written by someone else since the check above
        problems.add("id", catalog.text(lang, "web-article-error-exists"));
        return show_again(entered, problems, StatusCode::CONFLICT, Some("web-form-invalid"));
    }
    Ok(Outcome::Saved(article.id, article.lang))
}
