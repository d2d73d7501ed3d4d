//! The API's refusals as RFC 9457 problem details
//! (`application/problem+json`): `type` (a section of the `/api`
//! reference that explains it), `title` (the status's reason), `status`,
//! `detail` (in the request's language: `Accept-Language`, `?lang=`), and
//! for invalid values an `errors` list: `field`, `code` (stable, for
//! programs) and `message` (in the request's language).
//!
//! Failures that are not the client's (a busy store, a server error) and
//! refusals made before a handler runs (no token, a read-only token) come
//! as the generic problem of `error_page.rs`.

use axum::Json;
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use vigie_domain::{FieldError, Lang};

/// One wrong value of a request.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct FieldProblem {
    /// The field, parameter or header.
    pub field: String,
    pub code: String,
    pub message: String,
}

impl FieldProblem {
    pub fn of(error: &FieldError, lang: Lang) -> FieldProblem {
        FieldProblem {
            field: error.column.clone(),
            code: error.kind.code().to_string(),
            message: vigie_i18n::field_error(lang, error),
        }
    }

    /// A problem of a field named by the API's own `code`, with the
    /// catalogue's `message`.
    pub fn named(field: &str, code: &str, message: &str, lang: Lang) -> FieldProblem {
        FieldProblem {
            field: field.to_string(),
            code: code.to_string(),
            message: vigie_i18n::catalog().text(lang, message),
        }
    }
}

/// What a refusal's body holds (RFC 9457).
#[derive(Debug, Serialize, utoipa::ToSchema)]
#[schema(as = Problem)]
pub struct ProblemDetails {
    /// A section of the `/api` reference page (`/api#problem-…`), or
    /// `about:blank` for a plain status.
    #[serde(rename = "type")]
    pub kind: String,
    /// The status's reason phrase.
    pub title: String,
    pub status: u16,
    /// What is wrong, in the request's language.
    pub detail: String,
    /// Each wrong field, parameter or header.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldProblem>,
}

/// A refusal: its status, its kind (the anchor of `type`) and the
/// catalogue's message of `detail`.
#[derive(Debug)]
pub struct Problem {
    pub status: StatusCode,
    pub kind: &'static str,
    pub message: &'static str,
    pub errors: Vec<FieldProblem>,
    headers: Vec<(HeaderName, HeaderValue)>,
}

/// The kinds of problem the API answers with, their status and what they
/// say: each a section of the reference page (`/api#problem-…`).
pub const KINDS: [(&str, u16, &str); 12] = [
    ("invalid-parameters", 400, "api-error-parameters"),
    ("invalid-body", 400, "api-error-body"),
    ("forbidden", 403, "web-error-forbidden"),
    ("not-found", 404, "web-error-not-found"),
    ("conflict", 409, "web-error-duplicate"),
    ("idempotency-in-progress", 409, "api-error-idempotency-in-progress"),
    ("precondition-failed", 412, "api-error-changed"),
    ("too-large", 413, "api-error-too-large"),
    ("unsupported-media-type", 415, "api-error-media-type"),
    ("idempotency-key-reused", 422, "api-error-idempotency-reused"),
    ("invalid-values", 422, "api-error-invalid-values"),
    ("precondition-required", 428, "api-error-if-match"),
];

impl Problem {
    pub fn new(status: StatusCode, kind: &'static str, message: &'static str) -> Problem {
        Problem { status, kind, message, errors: Vec::new(), headers: Vec::new() }
    }

    pub fn with_errors(mut self, errors: Vec<FieldProblem>) -> Problem {
        self.errors = errors;
        self
    }

    pub fn with_header(mut self, name: HeaderName, value: HeaderValue) -> Problem {
        self.headers.push((name, value));
        self
    }

    pub fn not_found() -> Problem {
        Problem::new(StatusCode::NOT_FOUND, "not-found", "web-error-not-found")
    }

    pub fn forbidden() -> Problem {
        Problem::new(StatusCode::FORBIDDEN, "forbidden", "web-error-forbidden")
    }

    /// 422 with the values' errors.
    pub fn invalid(errors: &[FieldError], lang: Lang) -> Problem {
        Problem::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid-values", "api-error-invalid-values")
            .with_errors(errors.iter().map(|e| FieldProblem::of(e, lang)).collect())
    }

    /// 400: a query parameter is wrong.
    pub fn parameter(error: &FieldError, lang: Lang) -> Problem {
        Problem::new(StatusCode::BAD_REQUEST, "invalid-parameters", "api-error-parameters")
            .with_errors(vec![FieldProblem::of(error, lang)])
    }

    /// The refusal of a body that could not be read: too large (413), or
    /// cut off (400).
    pub fn body(rejection: &axum::extract::rejection::BytesRejection) -> Problem {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            Problem::new(StatusCode::PAYLOAD_TOO_LARGE, "too-large", "api-error-too-large")
        } else {
            Problem::new(StatusCode::BAD_REQUEST, "invalid-body", "api-error-body")
        }
    }

    pub fn respond(self, lang: Lang) -> Response {
        let body = ProblemDetails {
            kind: format!("/api#problem-{}", self.kind),
            title: self.status.canonical_reason().unwrap_or("Error").to_string(),
            status: self.status.as_u16(),
            detail: vigie_i18n::catalog().text(lang, self.message),
            errors: self.errors,
        };
        let mut response = (self.status, Json(body)).into_response();
        response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
        response.headers_mut().insert(header::CONTENT_LANGUAGE, HeaderValue::from_static(lang.code()));
        for (name, value) in self.headers {
            response.headers_mut().insert(name, value);
        }
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use vigie_domain::FieldErrorKind;

    #[tokio::test]
    async fn a_problem_names_each_wrong_field_in_the_request_s_language() {
        let errors = [FieldError::new("date", FieldErrorKind::InvalidDate, "2023-13-01")];
        let response = Problem::invalid(&errors, Lang::Fr).respond(Lang::Fr);
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(response.headers()[header::CONTENT_TYPE], "application/problem+json");
        let body = axum::body::to_bytes(response.into_body(), 10_000).await.unwrap();
        let json: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(json["type"], "/api#problem-invalid-values");
        assert!(KINDS.iter().any(|(kind, status, _)| *kind == "invalid-values" && *status == 422));
        assert_eq!(json["status"], 422);
        assert_eq!(json["errors"][0]["field"], "date");
        assert_eq!(json["errors"][0]["code"], "invalid_date");
        let message = json["errors"][0]["message"].as_str().unwrap();
        assert!(message.contains("AAAA-MM-JJ") || message.contains("date"), "{message}");
    }
}
