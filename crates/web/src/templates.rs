//! The page templates (minijinja, compiled in; `.html` templates escape
//! every value unless it is marked safe) and the embedded stylesheet.

use std::sync::OnceLock;

use axum::response::{Html, IntoResponse, Response};
use minijinja::value::Kwargs;
use minijinja::{Environment, State, Value, context};
use sha2::{Digest, Sha256};
use vigie_domain::Lang;

use crate::errors::Error;
use crate::session::Session;
use crate::util::hex;

pub const CSS: &str = include_str!("../static/vigie.css");

const TEMPLATES: &[(&str, &str)] = &[
    ("layout.html", include_str!("../templates/layout.html")),
    ("tokens.html", include_str!("../templates/tokens.html")),
    ("api.html", include_str!("../templates/api.html")),
    ("error.html", include_str!("../templates/error.html")),
    ("home.html", include_str!("../templates/home.html")),
    ("login.html", include_str!("../templates/login.html")),
    ("monthly.html", include_str!("../templates/monthly.html")),
    ("dashboard.html", include_str!("../templates/dashboard.html")),
    ("explain.html", include_str!("../templates/explain.html")),
    ("confirmations.html", include_str!("../templates/confirmations.html")),
    ("groups.html", include_str!("../templates/groups.html")),
    ("users.html", include_str!("../templates/users.html")),
    ("user.html", include_str!("../templates/user.html")),
    ("user_role_fields.html", include_str!("../templates/user_role_fields.html")),
    ("user_password_fields.html", include_str!("../templates/user_password_fields.html")),
    ("audit.html", include_str!("../templates/audit.html")),
    ("login_code.html", include_str!("../templates/login_code.html")),
    ("account_totp.html", include_str!("../templates/account_totp.html")),
    ("account_totp_codes.html", include_str!("../templates/account_totp_codes.html")),
    ("incidents.html", include_str!("../templates/incidents.html")),
    ("incident.html", include_str!("../templates/incident.html")),
    ("review_conflict.html", include_str!("../templates/review_conflict.html")),
    ("imports.html", include_str!("../templates/imports.html")),
    ("import_run.html", include_str!("../templates/import_run.html")),
    ("incident_form.html", include_str!("../templates/incident_form.html")),
    ("incident_import.html", include_str!("../templates/incident_import.html")),
    ("bulletins.html", include_str!("../templates/bulletins.html")),
    ("register_form.html", include_str!("../templates/register_form.html")),
    ("translations.html", include_str!("../templates/translations.html")),
    ("organisations.html", include_str!("../templates/organisations.html")),
    ("organisation.html", include_str!("../templates/organisation.html")),
    ("translation_form.html", include_str!("../templates/translation_form.html")),
    ("activities.html", include_str!("../templates/activities.html")),
    ("activity.html", include_str!("../templates/activity.html")),
    ("history.html", include_str!("../templates/history.html")),
    ("members.html", include_str!("../templates/members.html")),
    ("partners.html", include_str!("../templates/partners.html")),
    ("notes.html", include_str!("../templates/notes.html")),
    ("articles.html", include_str!("../templates/articles.html")),
    ("article.html", include_str!("../templates/article.html")),
    ("article_form.html", include_str!("../templates/article_form.html")),
];

/// The stylesheet's version in its URL, so that its long cache ends when
/// it changes.
pub fn css_version() -> &'static str {
    static VERSION: OnceLock<String> = OnceLock::new();
    VERSION.get_or_init(|| hex(&Sha256::digest(CSS.as_bytes()))[..12].to_string())
}

/// The page's language (French if a template is rendered without one).
fn page_lang(state: &State) -> Lang {
    state.lookup("lang").and_then(|v| v.as_str().and_then(Lang::parse)).unwrap_or(Lang::Fr)
}

/// `t("web-login")`: a catalogue message in the page's language;
/// `t("web-token-days", days=90)` with the message's variables.
fn translate(state: &State, id: &str, variables: Kwargs) -> Result<String, minijinja::Error> {
    let mut args: Vec<(&str, vigie_i18n::Value<'_>)> = Vec::new();
    for name in variables.args() {
        let value: Value = variables.get(name)?;
        let value = match value.as_i64() {
            Some(number) => vigie_i18n::Value::from(number),
            None => vigie_i18n::Value::from(value.to_string()),
        };
        args.push((name, value));
    }
    variables.assert_all_used()?;
    Ok(vigie_i18n::catalog().text_with(page_lang(state), id, &args))
}

/// `names | list`: names joined with the page language's comma.
fn list(state: &State, names: Vec<String>) -> String {
    vigie_i18n::join_list(page_lang(state), names)
}

fn environment() -> &'static Environment<'static> {
    static ENV: OnceLock<Environment<'static>> = OnceLock::new();
    ENV.get_or_init(|| {
        let mut env = Environment::new();
        for (name, source) in TEMPLATES {
            env.add_template(name, source).expect("the shipped templates parse (checked by tests)");
        }
        env.add_function("t", translate);
        env.add_filter("list", list);
        env
    })
}

/// Renders `name` with `page`'s values and what the layout needs: the
/// language and direction, the user, the CSRF token of the session's forms.
pub fn render(
    name: &str,
    lang: Lang,
    session: Option<&Session>,
    page: Value,
) -> Result<Html<String>, minijinja::Error> {
    let template = environment().get_template(name)?;
    let user = session.map(|s| {
        context! {
            email => s.user.email.clone(),
            role => s.user.role.code(),
            admin => vigie_domain::user::can_manage_users(&s.user),
            approver => vigie_domain::user::can_approve(&s.user, None),
            translator => vigie_domain::user::can_translate(&s.user),
        }
    });
    let html = template.render(context! {
        lang => lang.code(),
        dir => if lang.is_rtl() { "rtl" } else { "ltr" },
        langs => Lang::ALL.iter().map(|l| l.code()).collect::<Vec<_>>(),
        user,
        session_csrf => session.map(|s| s.csrf.clone()),
        css_version => css_version(),
        ..page
    })?;
    Ok(Html(html))
}

/// The page `name` with `values`: the one helper handlers render a page
/// with (`render` gives the HTML, for a page with another status).
pub fn page(name: &str, lang: Lang, session: Option<&Session>, values: Value) -> Result<Response, Error> {
    Ok(render(name, lang, session, values)?.into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_parses() {
        for (name, _) in TEMPLATES {
            environment().get_template(name).unwrap();
        }
    }
}
