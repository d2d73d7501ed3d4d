//! `/api`: the API's reference, rendered on the server from the OpenAPI
//! document (no script): each operation with its parameters, body and
//! answers, each schema with its fields, and each kind of problem (the
//! targets of the problems' `type`). The page's words are the catalogue's;
//! the operations' descriptions are the document's, in English.

use axum::response::Response;
use minijinja::{Value, context};
use serde_json::Value as Json;

use super::problem::KINDS;
use crate::auth::CurrentUser;
use crate::errors::Error;
use crate::templates;

/// A schema's type as read: `string (date)`, `integer`, `Incident`,
/// `array of Incident`, `string or null`.
fn type_of(schema: &Json) -> String {
    if let Some(reference) = schema["$ref"].as_str() {
        return reference.rsplit('/').next().unwrap_or(reference).to_string();
    }
    if let Some(one) = schema["oneOf"].as_array().or(schema["anyOf"].as_array()) {
        return one.iter().map(type_of).collect::<Vec<_>>().join(" | ");
    }
    let base = match &schema["type"] {
        Json::String(kind) => kind.clone(),
        Json::Array(kinds) => kinds.iter().filter_map(Json::as_str).collect::<Vec<_>>().join(" | "),
        _ => "any".to_string(),
    };
    let base = if base.starts_with("array") { format!("array of {}", type_of(&schema["items"])) } else { base };
    match schema["format"].as_str() {
        Some(format) => format!("{base} ({format})"),
        None => base,
    }
}

/// What a schema allows beyond its type: its codes, bounds, pattern.
fn constraints(schema: &Json) -> String {
    let mut parts = Vec::new();
    if let Some(values) = schema["enum"].as_array() {
        parts.push(values.iter().filter_map(Json::as_str).collect::<Vec<_>>().join(", "));
    }
    for (key, shown) in [("minimum", "≥"), ("maximum", "≤"), ("minLength", "length ≥"), ("maxLength", "length ≤")]
    {
        if let Some(n) = schema[key].as_f64() {
            parts.push(format!("{shown} {n}"));
        }
    }
    if let Some(pattern) = schema["pattern"].as_str() {
        parts.push(format!("/{pattern}/"));
    }
    parts.join("; ")
}

fn operations(document: &Json) -> Vec<Value> {
    let mut found = Vec::new();
    for (path, item) in document["paths"].as_object().into_iter().flatten() {
        for (method, operation) in item.as_object().into_iter().flatten() {
            let parameters: Vec<Value> = operation["parameters"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|p| {
                    context! {
                        name => p["name"].as_str().unwrap_or_default(),
                        place => p["in"].as_str().unwrap_or_default(),
                        required => p["required"].as_bool().unwrap_or(false),
                        kind => type_of(&p["schema"]),
                        constraints => constraints(&p["schema"]),
                        description => p["description"].as_str().unwrap_or_default(),
                    }
                })
                .collect();
            let body = operation["requestBody"]["content"]
                .as_object()
                .and_then(|c| c.values().next())
                .map(|media| type_of(&media["schema"]));
            let responses: Vec<Value> = operation["responses"]
                .as_object()
                .into_iter()
                .flatten()
                .map(|(status, answer)| {
                    let schema =
                        answer["content"].as_object().and_then(|c| c.values().next()).map(|m| type_of(&m["schema"]));
                    context! { status, description => answer["description"].as_str().unwrap_or_default(), schema }
                })
                .collect();
            let open = operation["security"]
                .as_array()
                .is_some_and(|s| s.iter().any(|r| r.as_object().is_some_and(|o| o.is_empty())));
            found.push(context! {
                id => operation["operationId"].as_str().unwrap_or_default(),
                tag => operation["tags"][0].as_str().unwrap_or_default(),
                method => method.to_uppercase(),
                path,
                summary => operation["summary"].as_str().unwrap_or_default(),
                description => operation["description"].as_str().unwrap_or_default(),
                parameters,
                body,
                responses,
                open,
            });
        }
    }
    found
}

fn schemas(document: &Json) -> Vec<Value> {
    document["components"]["schemas"]
        .as_object()
        .into_iter()
        .flatten()
        .map(|(name, schema)| {
            let required: Vec<&str> =
                schema["required"].as_array().into_iter().flatten().filter_map(Json::as_str).collect();
            let fields: Vec<Value> = schema["properties"]
                .as_object()
                .into_iter()
                .flatten()
                .map(|(field, property)| {
                    context! {
                        name => field,
                        kind => type_of(property),
                        required => required.contains(&field.as_str()),
                        constraints => constraints(property),
                        description => property["description"].as_str().unwrap_or_default(),
                    }
                })
                .collect();
            context! { name, description => schema["description"].as_str().unwrap_or_default(), kind => type_of(schema), fields }
        })
        .collect()
}

pub async fn page(current: CurrentUser) -> Result<Response, Error> {
    let lang = current.lang;
    let document: Json = serde_json::from_str(super::document()).map_err(Error::internal)?;
    let catalog = vigie_i18n::catalog();
    let problems: Vec<Value> = KINDS
        .iter()
        .map(|&(kind, status, message)| context! { kind, status, detail => catalog.text(lang, message) })
        .collect();
    let tags: Vec<Value> = document["tags"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|t| context! { name => t["name"].as_str().unwrap_or_default(), description => t["description"].as_str().unwrap_or_default() })
        .collect();
    templates::page(
        "api.html",
        lang,
        current.session.as_ref(),
        context! {
            version => document["info"]["version"].as_str().unwrap_or_default(),
            tags,
            operations => operations(&document),
            schemas => schemas(&document),
            problems,
        },
    )
}
