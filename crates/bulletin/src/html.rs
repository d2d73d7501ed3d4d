//! The HTML edition: one self-contained file (inline CSS and SVG, images as
//! data URLs), laid out by a minijinja template that escapes every value.
//! Article, page and domain bodies come as HTML written by
//! `vigie_render::article::html`, which escapes every text itself.

use std::collections::BTreeMap;

use minijinja::value::Serde;
use minijinja::{AutoEscape, Environment, Value, context};
use vigie_render::article;

use crate::BulletinError;
use crate::edition::Edition;

const TEMPLATE: &str = include_str!("../templates/bulletin.html.j2");
const STYLE: &str = include_str!("../templates/bulletin.css");

/// The bodies of the edition's articles (by anchor), standing pages (by
/// id) and domains (by id), as safe HTML.
fn bodies(edition: &Edition) -> BTreeMap<String, Value> {
    let mut bodies = BTreeMap::new();
    let articles = edition.editorial.iter().chain(&edition.featured).chain(&edition.articles);
    for view in articles {
        bodies.insert(view.anchor.clone(), Value::from_safe_string(article::html(&view.blocks)));
    }
    for page in &edition.pages {
        bodies.insert(page.id.clone(), Value::from_safe_string(article::html(&page.blocks)));
    }
    for domain in &edition.domains.items {
        bodies.insert(domain.id.to_string(), Value::from_safe_string(article::html(&domain.blocks)));
    }
    bodies
}

/// The SVG of each chart (by file name), as safe markup: the chart renderer
/// escapes every text it draws.
fn charts(edition: &Edition) -> BTreeMap<String, Value> {
    edition
        .regions
        .iter()
        .flat_map(|r| &r.charts)
        .map(|chart| (chart.file.clone(), Value::from_safe_string(chart.svg.clone())))
        .collect()
}

/// The edition as HTML; `images` maps the edition's image files to data
/// URLs.
pub fn html(edition: &Edition, images: &BTreeMap<String, String>) -> Result<String, BulletinError> {
    let mut env = Environment::new();
    env.set_auto_escape_callback(|_| AutoEscape::Html);
    env.add_template("bulletin.html", TEMPLATE).map_err(|e| BulletinError::Html(format!("{e:#}")))?;
    let template = env.get_template("bulletin.html").map_err(|e| BulletinError::Html(format!("{e:#}")))?;
    template
        .render(context! {
            edition => Value::from(Serde(edition)),
            bodies => Value::from(bodies(edition)),
            charts => Value::from(charts(edition)),
            style => Value::from_safe_string(STYLE.to_string()),
            // data URLs: base64 and a media type, nothing to escape
            images => Value::from(images.iter().map(|(file, url)| (file.clone(), Value::from_safe_string(url.clone()))).collect::<BTreeMap<_, _>>()),
        })
        .map(|html| edition.digits.in_markup(html))
        .map_err(|e| BulletinError::Html(format!("{e:#}")))
}
