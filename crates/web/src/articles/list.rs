//! `/articles`: one row a story, latest first, with its three language
//! versions (or the translations still missing), filtered by status, kind,
//! domain, language and month, and searched in titles, author and body.
//! A story is listed when one of its versions the user may read matches;
//! the register is small (tens of stories a month), so the filters apply
//! in memory after one store query.

use axum::extract::{Query, State};
use axum::response::Response;
use minijinja::{Value, context};
use serde::Deserialize;
use vigie_domain::fold::fold;
use vigie_domain::user::{can_edit_articles, can_translate};
use vigie_domain::{Article, ArticleKind, ArticleStatus, Domain, Lang, Month, Story};
use vigie_render::Labels;
use vigie_store::ArticleFilter;

use super::{can_read, href, status_label, translate_href};
use crate::auth::RequireUser;
use crate::errors::Error;
use crate::listing::{self, Pages, given, text};
use crate::state::AppState;
use crate::templates;

/// Stories on one page.
pub const PAGE_SIZE: usize = 25;

/// The list's parameters (`language`, not `lang`: that one is the
/// interface's).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ListQuery {
    status: Option<String>,
    kind: Option<String>,
    domain: Option<String>,
    language: Option<String>,
    month: Option<String>,
    q: Option<String>,
    page: Option<usize>,
}

/// The filters, read; `None` when one is not a known value.
struct Filters {
    status: Option<ArticleStatus>,
    kind: Option<ArticleKind>,
    domain: Option<Domain>,
    language: Option<Lang>,
    month: Option<Month>,
    /// Folded words, every one of which must be found.
    words: Vec<String>,
}

impl ListQuery {
    fn filters(&self) -> Option<Filters> {
        fn parsed<T>(value: Option<&str>, parse: impl Fn(&str) -> Option<T>) -> Option<Option<T>> {
            match value {
                None => Some(None),
                Some(text) => parse(text).map(Some),
            }
        }
        Some(Filters {
            status: parsed(given(&self.status), ArticleStatus::parse)?,
            kind: parsed(given(&self.kind), ArticleKind::parse)?,
            domain: parsed(given(&self.domain), Domain::parse)?,
            language: parsed(given(&self.language), Lang::parse)?,
            month: parsed(given(&self.month), Month::parse)?,
            words: given(&self.q).map(|q| fold(q).split_whitespace().map(str::to_string).collect()).unwrap_or_default(),
        })
    }

    fn query_string(&self, page: usize) -> String {
        listing::query_string(&[
            ("status", text(&self.status)),
            ("kind", text(&self.kind)),
            ("domain", text(&self.domain)),
            ("language", text(&self.language)),
            ("month", text(&self.month)),
            ("q", text(&self.q)),
            ("page", &page.to_string()),
        ])
    }
}

impl Filters {
    fn matches(&self, article: &Article) -> bool {
        let text = || {
            fold(
                &[&article.id, &article.title, &article.subtitle, &article.author, &article.body]
                    .map(|s| s.as_str())
                    .join(" "),
            )
        };
        self.status.is_none_or(|s| article.status == s)
            && self.kind.is_none_or(|k| article.kind == k)
            && self.domain.is_none_or(|d| article.domains.contains(&d))
            && self.language.is_none_or(|l| article.lang == l)
            && self.month.is_none_or(|m| Month::of(article.date) == m)
            && (self.words.is_empty() || {
                let text = text();
                self.words.iter().all(|w| text.contains(w.as_str()))
            })
    }
}

/// A story's row; `translates`: whether the reader may write the versions
/// it lacks.
fn row(story: &Story, lang: Lang, translates: bool) -> Value {
    let labels = Labels::new(lang);
    let shown = story.preferred(lang).unwrap_or(&story.versions[0]);
    let versions: Vec<Value> = Lang::ALL
        .iter()
        .map(|&l| {
            let label = labels.text(&format!("web-lang-{}", l.code()));
            match story.version(l) {
                Some(version) => context! {
                    code => l.code(), label, present => true, href => href(&story.id, l),
                    status => version.status.code(), status_label => status_label(lang, version.status),
                },
                None => context! {
                    code => l.code(), label, present => false,
                    translate => translates.then(|| translate_href(&story.id, l, shown.lang)),
                },
            }
        })
        .collect();
    context! {
        id => story.id.clone(),
        title => shown.title.clone(),
        title_lang => shown.lang.code(),
        title_dir => if shown.lang.is_rtl() { "rtl" } else { "ltr" },
        href => href(&story.id, shown.lang),
        kind => labels.text(&format!("article-kind-{}", shown.kind.code())),
        domains => shown.domains.iter().map(|d| labels.text(&format!("domain-{}", d.code()))).collect::<Vec<_>>(),
        month => labels.month(Month::of(story.date())),
        versions,
        missing => !story.missing().is_empty(),
    }
}

pub async fn list(
    State(state): State<AppState>,
    user: RequireUser,
    Query(query): Query<ListQuery>,
) -> Result<Response, Error> {
    let lang = user.lang;
    let Some(filters) = query.filters() else {
        return Err(Error::bad_request("web-error-filter"));
    };
    let reader = user.session.user.clone();
    let articles = state.read(|store| store.articles(&ArticleFilter::default())).await?;
    let readable: Vec<Article> = articles.into_iter().filter(|a| can_read(&reader, a)).collect();
    let mut stories = Story::group(readable);
    stories.retain(|story| story.versions.iter().any(|v| filters.matches(v)));
    stories.reverse();
    let total = stories.len();
    let pages = Pages::new(query.page, total, PAGE_SIZE);
    let editor = can_edit_articles(&user.session.user);
    let translates = editor || can_translate(&user.session.user);
    let rows: Vec<Value> = stories[pages.range(total)].iter().map(|s| row(s, lang, translates)).collect();
    let labels = Labels::new(lang);
    let value = |v: &Option<String>| v.clone().unwrap_or_default();
    templates::page(
        "articles.html",
        lang,
        Some(&user.session),
        context! {
            stories => rows,
            total,
            can_create => editor,
            q => context! {
                status => value(&query.status), kind => value(&query.kind), domain => value(&query.domain),
                language => value(&query.language), month => value(&query.month), q => value(&query.q),
            },
            statuses => ArticleStatus::ALL.iter().map(|s| context! { code => s.code(), label => status_label(lang, *s) }).collect::<Vec<_>>(),
            kinds => ArticleKind::ALL.iter().map(|k| context! { code => k.code(), label => labels.text(&format!("article-kind-{}", k.code())) }).collect::<Vec<_>>(),
            domains => Domain::ALL.iter().map(|d| context! { code => d.code(), label => labels.text(&format!("domain-{}", d.code())) }).collect::<Vec<_>>(),
            languages => Lang::ALL.iter().map(|l| context! { code => l.code(), label => labels.text(&format!("web-lang-{}", l.code())) }).collect::<Vec<_>>(),
            ..pages.values(|n| format!("/articles?{}", query.query_string(n)))
        },
    )
}
