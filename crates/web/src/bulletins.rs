//! The bulletin pages: the published issues for everyone, drafts and the
//! compose form for editors and administrators. An issue is built with
//! `vigie_bulletin` (three languages, PDF and HTML) off the async threads
//! and its six files are kept in the store; a draft's files are read by
//! those who may read draft articles (`can_read_draft_articles`: editors,
//! administrators, analysts; anyone else: not found).

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::{Value, context};
use serde::Deserialize;
use vigie_bulletin::issue::Issue;
use vigie_bulletin::{Sources, print, publication};
use vigie_domain::publication::{BuildRefusal, IssueLabel};
use vigie_domain::user::{can_edit_articles, can_read_draft_articles};
use vigie_domain::{ArticleStatus, AuditEntry, Lang, Month};
use vigie_store::{ArticleFilter, BulletinIssue};

use crate::auth::{CurrentUser, RequireUser};
use crate::composer::Choices;
use crate::errors::Error;
use crate::session::Session;
use crate::state::AppState;
use crate::templates;

fn issue_values(issue: &BulletinIssue, lang: Lang) -> Value {
    let label = issue.label().to_string();
    let files: Vec<Value> = Lang::ALL
        .iter()
        .map(|file_lang| {
            context! {
                lang => file_lang.code(),
                pdf => format!("/bulletins/{label}/{}.pdf", file_lang.code()),
                html => format!("/bulletins/{label}/{}.html", file_lang.code()),
            }
        })
        .collect();
    let catalog = vigie_i18n::catalog();
    let revision_of = issue.reason.as_ref().map(|reason| {
        let first = IssueLabel::new(issue.number, issue.revision.saturating_sub(1)).to_string();
        catalog.text_with(
            lang,
            "web-bulletin-revision-of",
            &[("label", first.into()), ("reason", reason.clone().into())],
        )
    });
    let published_on = match (issue.published_at, &issue.published_by) {
        (Some(at), Some(by)) => {
            let date = at.to_zoned(jiff::tz::TimeZone::UTC).date();
            let date = vigie_i18n::long_date(lang, date.year(), date.month(), date.day());
            Some(catalog.text_with(
                lang,
                "web-bulletin-published-on",
                &[("date", date.into()), ("by", by.clone().into())],
            ))
        }
        _ => None,
    };
    context! {
        number => issue.number,
        label,
        month => issue.month.clone(),
        published => issue.published,
        revision_of,
        published_on,
        publish => format!("/bulletins/{}/publish", issue.number),
        files,
    }
}

/// The published issues, latest first (the home page's list).
pub async fn published(state: &AppState, lang: Lang) -> Result<Vec<Value>, vigie_store::StoreError> {
    let issues = state.read(|store| store.bulletins()).await?;
    Ok(issues.iter().filter(|i| i.published).map(|i| issue_values(i, lang)).collect())
}

#[derive(Debug, Deserialize)]
pub struct ComposeQuery {
    month: Option<String>,
}

/// What the form shows back after a refused submission.
#[derive(Default)]
struct Entered {
    number: String,
    month: String,
    featured: Vec<(String, String)>,
    featured_list: String,
    regions: Vec<String>,
    year_review: bool,
    casualty_ranges: bool,
    /// The reason of a revision; empty for an issue's first build.
    reason: String,
    /// The editors' choices: editorial, tiles, intros, highlights, rule.
    choices: Choices,
    /// The language of the HTML preview.
    preview_lang: String,
}

async fn render_page(
    state: &AppState,
    lang: Lang,
    session: Option<&Session>,
    month: Option<Month>,
    entered: Option<Entered>,
    message: Option<String>,
    missing: Option<Vec<String>>,
) -> Result<Response, Error> {
    let user = session.map(|s| s.user.clone());
    let drafts = user.as_ref().is_some_and(can_read_draft_articles);
    let compose = user.as_ref().is_some_and(can_edit_articles);
    let today = Month::of(jiff::Zoned::now().date());
    let month = month.unwrap_or(today);
    let (issues, articles, year_articles) = state
        .read(move |store| {
            let issues = store.bulletins()?;
            let mut filter = ArticleFilter::month(month);
            filter.status = Some(ArticleStatus::Published);
            let articles = if compose { store.articles(&filter)? } else { Vec::new() };
            // the year's stories with a photo, for the highlights panel
            let year_articles = if compose {
                let filter = ArticleFilter {
                    status: Some(ArticleStatus::Published),
                    from: Some(Month::new(month.year(), 1).unwrap_or(month).first_day()),
                    to: Some(month.last_day()),
                    ..ArticleFilter::default()
                };
                store.articles(&filter)?.into_iter().filter(|a| !a.images.is_empty()).collect()
            } else {
                Vec::new()
            };
            Ok((issues, articles, year_articles))
        })
        .await?;
    let shown: Vec<Value> = issues.iter().filter(|i| i.published || drafts).map(|i| issue_values(i, lang)).collect();
    let stories = story_titles(&articles, lang);
    let with_photos = story_titles(&year_articles, lang);
    // a new form: the month's issue number when it has one, else the next
    let number = issues
        .iter()
        .find(|i| i.month == month.to_string())
        .or_else(|| issues.iter().max_by_key(|i| i.number))
        .map(|i| if i.month == month.to_string() { i.number } else { i.number + 1 })
        .map(|n| n.to_string())
        .unwrap_or_default();
    let entered = entered.unwrap_or_else(|| Entered {
        number,
        month: month.to_string(),
        regions: vec![vigie_bulletin::issue::DEFAULT_REGIONS[0].to_string()],
        preview_lang: lang.code().to_string(),
        ..Entered::default()
    });
    let choices = entered.choices.values(lang, &stories, &with_photos);
    let stories: Vec<Value> = stories
        .iter()
        .map(|(id, title)| {
            let position = entered.featured.iter().find(|(f, _)| f == id).map(|(_, p)| p.clone());
            context! { id => id.clone(), title => title.clone(), checked => position.is_some(), position => position.unwrap_or_default() }
        })
        .collect();
    let regions: Vec<Value> = state
        .regions
        .iter()
        .map(|r| context! { id => r.id.clone(), name => r.name(lang).to_string(), checked => entered.regions.contains(&r.id) })
        .collect();
    // where each member state of the chosen regions stands for the month
    let mut confirmations = Vec::new();
    if compose {
        for id in &entered.regions {
            let Some(region) = state.regions.get(id) else { continue };
            let countries = region.membership(month).countries;
            let states = crate::confirmations::states(state, month, countries).await?;
            let mut values = crate::confirmations::values(&states, month, None, lang, String::new());
            let name = region.name(lang).to_string();
            values = context! { region => name, ..values };
            confirmations.push(values);
        }
    }
    let values = context! {
        issues => shown,
        compose,
        confirmations,
        stories,
        regions,
        message,
        missing,
        choices,
        preview_langs => Lang::ALL.iter().map(|l| context! {
            code => l.code(),
            name => vigie_i18n::catalog().text(lang, &format!("web-lang-{}", l.code())),
            selected => entered.preview_lang == l.code(),
        }).collect::<Vec<_>>(),
        form => context! {
            number => entered.number,
            month => entered.month,
            featured_list => entered.featured_list,
            year_review => entered.year_review,
            casualty_ranges => entered.casualty_ranges,
            reason => entered.reason,
        },
    };
    let status = if values.get_attr("message").is_ok_and(|m| !m.is_none()) {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let html = templates::render("bulletins.html", lang, session, values)?;
    Ok((status, html).into_response())
}

pub async fn list(
    State(state): State<AppState>,
    current: CurrentUser,
    Query(query): Query<ComposeQuery>,
) -> Result<Response, Error> {
    let month = query.month.as_deref().and_then(Month::parse);
    render_page(&state, current.lang, current.session.as_ref(), month, None, None, None).await
}

/// One line a story: its title in the page's language, else the first.
fn story_titles(articles: &[vigie_domain::Article], lang: Lang) -> Vec<(String, String)> {
    let mut stories: Vec<(String, String)> = Vec::new();
    for article in articles {
        match stories.iter_mut().find(|(id, _)| *id == article.id) {
            Some(story) if article.lang == lang => story.1 = article.title.clone(),
            Some(_) => {}
            None => stories.push((article.id.clone(), article.title.clone())),
        }
    }
    stories
}

/// The form's fields read into an issue; the message id of the first wrong
/// one, with the value at fault.
fn read_form(pairs: &[(String, String)], state: &AppState) -> (Entered, Result<Issue, (&'static str, String)>) {
    let field = |name: &str| pairs.iter().find(|(k, _)| k == name).map(|(_, v)| v.trim().to_string());
    let mut entered = Entered {
        number: field("number").unwrap_or_default(),
        month: field("month").unwrap_or_default(),
        featured_list: field("featured_list").unwrap_or_default(),
        year_review: field("year_review").is_some(),
        casualty_ranges: field("casualty_ranges").is_some(),
        reason: field("reason").unwrap_or_default(),
        choices: Choices::read(pairs),
        preview_lang: field("preview_lang").unwrap_or_default(),
        ..Entered::default()
    };
    for (key, value) in pairs {
        match key.as_str() {
            "featured" => {
                let position = field(&format!("position-{value}")).unwrap_or_default();
                entered.featured.push((value.clone(), position));
            }
            "region" => entered.regions.push(value.clone()),
            _ => {}
        }
    }
    let result = (|| {
        let number: u32 = entered
            .number
            .parse()
            .ok()
            .filter(|n| *n > 0)
            .ok_or(("web-bulletin-error-number", entered.number.clone()))?;
        let month = Month::parse(&entered.month).ok_or(("web-bulletin-error-month", entered.month.clone()))?;
        let mut issue = Issue::new(number, month);
        issue.featured = if entered.featured_list.is_empty() {
            // checked stories by their position, then in the form's order
            let mut checked: Vec<(u32, usize, String)> = entered
                .featured
                .iter()
                .enumerate()
                .map(|(index, (id, position))| (position.parse().unwrap_or(u32::MAX), index, id.clone()))
                .collect();
            checked.sort();
            checked.into_iter().map(|(_, _, id)| id).collect()
        } else {
            entered.featured_list.split(',').map(str::trim).filter(|id| !id.is_empty()).map(str::to_string).collect()
        };
        if !entered.regions.is_empty() {
            for region in &entered.regions {
                if state.regions.get(region).is_none() {
                    return Err(("web-error-region", region.clone()));
                }
            }
            issue.regions = entered.regions.clone();
        }
        issue.year_review |= entered.year_review;
        issue.casualty_ranges = entered.casualty_ranges;
        entered.choices.apply(&mut issue)?;
        Ok(issue)
    })();
    (entered, result)
}

pub async fn create(State(state): State<AppState>, user: RequireUser, body: Bytes) -> Result<Response, Error> {
    let lang = user.lang;
    if !can_edit_articles(&user.session.user) {
        return Err(Error::forbidden());
    }
    let pairs: Vec<(String, String)> = match serde_urlencoded::from_bytes(&body) {
        Ok(pairs) => pairs,
        Err(_) => return Err(Error::bad_request("web-error-filter")),
    };
    let (entered, issue) = read_form(&pairs, &state);
    let session = Some(&user.session);
    let refuse = |entered: Entered, id: &str, value: &str| {
        let text = vigie_i18n::catalog().text(lang, id);
        let message = if value.is_empty() { text } else { format!("{text} ({value})") };
        let month = Month::parse(&entered.month);
        render_page(&state, lang, session, month, Some(entered), Some(message), None)
    };
    let action = pairs.iter().find(|(k, _)| k == "action").map_or("build", |(_, v)| v.as_str());
    let action = match action {
        "check" => Action::Check,
        "preview" => Action::Preview,
        _ => Action::Build,
    };
    let issue = match issue {
        Ok(issue) => issue,
        Err((id, value)) => return refuse(entered, id, &value).await,
    };
    // every featured story must be a published article; a published
    // issue is only revised, with a reason (the domain's rule)
    let (worker_issue, regions) = (issue.clone(), std::sync::Arc::clone(&state.regions));
    let reason = (!entered.reason.is_empty()).then(|| entered.reason.clone());
    let worker_reason = reason.clone();
    let read = state
        .read(move |store| {
            for id in &worker_issue.featured {
                let filter = ArticleFilter {
                    id: Some(id.clone()),
                    status: Some(ArticleStatus::Published),
                    ..ArticleFilter::default()
                };
                if store.articles(&filter)?.is_empty() {
                    return Ok(Err(Refused::Message("web-bulletin-error-featured", id.clone())));
                }
            }
            // a check or a preview writes nothing: a published number is
            // only refused when it would be built again
            let label = match publication::revision(store, &worker_issue, worker_reason.as_deref())? {
                Ok(label) => label,
                Err(_) if action != Action::Build => IssueLabel::new(worker_issue.number, 0),
                Err(refusal) => return Ok(Err(Refused::Publication(refusal))),
            };
            Ok(Sources::read(store, &worker_issue, &regions)
                .map(|sources| (label, sources))
                .map_err(|e| Refused::Message("web-bulletin-error-build", e.to_string())))
        })
        .await?;
    let (label, sources) = match read {
        Ok(read) => read,
        Err(Refused::Message(id, value)) => return refuse(entered, id, &value).await,
        Err(Refused::Publication(refusal)) => {
            let message = vigie_i18n::publication_refusal(lang, &refusal);
            let month = Month::parse(&entered.month);
            return render_page(&state, lang, session, month, Some(entered), Some(message), None).await;
        }
    };
    match action {
        Action::Build => {}
        Action::Check => {
            let found = vigie_bulletin::missing::missing(&sources, &state.profile);
            let missing: Vec<String> = found.iter().map(|m| m.describe(lang)).collect();
            let month = Month::parse(&entered.month);
            return render_page(&state, lang, session, month, Some(entered), None, Some(missing)).await;
        }
        Action::Preview => {
            let edition_lang = Lang::parse(&entered.preview_lang).unwrap_or(lang);
            let profile = std::sync::Arc::clone(&state.profile);
            let outputs = vigie_bulletin::Outputs { pdf: false, html: true };
            let printed =
                tokio::task::spawn_blocking(move || print(&sources, &profile, &[edition_lang], outputs)).await?;
            let html = match printed.map(|mut p| p.pop().and_then(|p| p.html)) {
                Ok(Some(html)) => html,
                Ok(None) => return Err(Error::not_found()),
                Err(e) => return refuse(entered, "web-bulletin-error-build", &e.to_string()).await,
            };
            return Ok((
                [
                    (CONTENT_TYPE, "text/html; charset=utf-8"),
                    (axum::http::header::CONTENT_SECURITY_POLICY, HTML_POLICY),
                    (axum::http::header::CACHE_CONTROL, "no-store"),
                ],
                html,
            )
                .into_response());
        }
    }
    let profile = std::sync::Arc::clone(&state.profile);
    let outputs = vigie_bulletin::Outputs { pdf: true, html: true };
    let email = user.session.user.email.clone();
    let built = tokio::task::spawn_blocking(move || {
        print(&sources, &profile, &Lang::ALL, outputs).map(|printed| {
            publication::built(&sources, &printed, label, reason.as_deref(), &email, jiff::Timestamp::now())
        })
    })
    .await?;
    let built = match built {
        Ok(built) => built,
        Err(e) => return refuse(entered, "web-bulletin-error-build", &e.to_string()).await,
    };
    let email = user.session.user.email.clone();
    state
        .write(move |store| {
            let entry =
                AuditEntry::new(jiff::Timestamp::now(), &email, "bulletin.build", "bulletin", Some(&label.to_string()))
                    .with_detail(format!("{} {}", built.record.month, built.record.spec));
            store.save_bulletin(&built.record, &built.files, &built.reports, &entry)
        })
        .await?;
    Ok(Redirect::to("/bulletins").into_response())
}

/// What the composer's button asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    /// Build the six files and keep them as the issue's draft.
    Build,
    /// List what the issue lacks (texts in another language, notes).
    Check,
    /// The HTML edition of one language, shown and not kept.
    Preview,
}

/// Why a composed issue is not built.
enum Refused {
    /// A message id and the value at fault.
    Message(&'static str, String),
    Publication(BuildRefusal),
}

pub async fn publish(
    State(state): State<AppState>,
    user: RequireUser,
    Path(number): Path<u32>,
) -> Result<Response, Error> {
    if !can_edit_articles(&user.session.user) {
        return Err(Error::forbidden());
    }
    let email = user.session.user.email.clone();
    let published = state
        .write(move |store| {
            let entry = AuditEntry::new(
                jiff::Timestamp::now(),
                &email,
                "bulletin.publish",
                "bulletin",
                Some(&number.to_string()),
            );
            store.publish_bulletin(number, jiff::Timestamp::now(), &email, &entry)
        })
        .await?;
    if published.is_none() {
        return Err(Error::not_found());
    }
    Ok(Redirect::to("/bulletins").into_response())
}

/// The bulletin's HTML carries its own style and images (data URLs).
const HTML_POLICY: &str =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'";

pub async fn file(
    State(state): State<AppState>,
    current: CurrentUser,
    Path((label, name)): Path<(String, String)>,
) -> Result<Response, Error> {
    let label = IssueLabel::parse(&label).ok_or_else(Error::not_found)?;
    let (file_lang, format) = name.split_once('.').ok_or_else(Error::not_found)?;
    let (Some(file_lang), "pdf" | "html") = (Lang::parse(file_lang), format) else {
        return Err(Error::not_found());
    };
    let drafts = current.session.as_ref().is_some_and(|s| can_read_draft_articles(&s.user));
    let format = format.to_string();
    let found = state
        .read(move |store| {
            let Some(issue) = store.bulletins()?.into_iter().find(|i| i.label() == label) else {
                return Ok(None);
            };
            if !issue.published && !drafts {
                return Ok(None);
            }
            Ok(store.bulletin_file(label, file_lang.code(), &format)?.map(|file| (issue, file)))
        })
        .await?;
    let (issue, file) = found.ok_or_else(Error::not_found)?;
    let disposition =
        format!("inline; filename=\"bulletin-{}-{}.{}.{}\"", issue.label(), issue.month, file.lang, file.format);
    Ok(if file.format == "pdf" {
        ([(CONTENT_TYPE, "application/pdf"), (CONTENT_DISPOSITION, disposition.as_str())], file.bytes).into_response()
    } else {
        (
            [
                (CONTENT_TYPE, "text/html; charset=utf-8"),
                (CONTENT_DISPOSITION, disposition.as_str()),
                (axum::http::header::CONTENT_SECURITY_POLICY, HTML_POLICY),
            ],
            file.bytes,
        )
            .into_response()
    })
}
