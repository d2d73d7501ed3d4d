//! The article pages: the stories with their language versions
//! (`/articles`, filters and search), one version rendered
//! (`/articles/{id}/{lang}`), the editor (`/articles/new`,
//! `/articles/{id}/{lang}/edit`: every front matter value, the Markdown
//! body, a server-side preview, image uploads), the status change, and the
//! images by content hash (`/articles/images/{hash}`).
//!
//! Who: every logged-in user reads published versions; editors,
//! administrators and analysts read drafts too (`can_read_draft_articles`);
//! editors and administrators write (`can_edit_articles`, checked by the
//! [`access::RequireArticleEditor`] extractor). A version someone may not
//! read is "not found". Bodies are rendered by `vigie_render::article`,
//! which escapes every text and keeps only http, https and mailto links:
//! that HTML is the one value these pages mark safe.

mod access;
mod changes;
mod editor;
mod form;
mod images;
mod list;
mod show;

pub use editor::{create, edit_form, new_form, update};
pub use images::image;
pub use list::list;
pub use show::{set_status, show};

use minijinja::Value;
use vigie_domain::user::can_read_draft_articles;
use vigie_domain::{Article, ArticleStatus, Lang, User};

use crate::cookies::percent_encode;

/// The largest editor form accepted: an image at most
/// `vigie_domain::article::MAX_IMAGE_BYTES` (10 MiB), the body and the
/// other fields; larger is refused whole.
pub const MAX_FORM_BYTES: usize = 16 * 1024 * 1024;

/// Whether `user` may read this version.
pub(crate) fn can_read(user: &User, article: &Article) -> bool {
    article.status == ArticleStatus::Published || can_read_draft_articles(user)
}

fn href(id: &str, lang: Lang) -> String {
    format!("/articles/{}/{}", percent_encode(id), lang.code())
}

/// The editor of a new translation of story `id` into `to`, from `from`.
fn translate_href(id: &str, to: Lang, from: Lang) -> String {
    let query = [("translation_of", id), ("language", to.code()), ("from", from.code())];
    format!("/articles/new?{}", serde_urlencoded::to_string(query).unwrap_or_default())
}

fn image_src(hash: &str) -> String {
    format!("/articles/images/{hash}")
}

/// A version's body as HTML every text of which is escaped.
fn body_html(markdown: &str) -> Value {
    // too deep a body is refused by validation; drawing it would only recurse
    if vigie_domain::article::too_deep(markdown).is_some() {
        return Value::from("");
    }
    Value::from_safe_string(vigie_render::article::html(&vigie_render::article::parse(markdown)))
}

fn status_label(lang: Lang, status: ArticleStatus) -> String {
    vigie_i18n::catalog().text(lang, &format!("web-article-status-{}", status.code()))
}
