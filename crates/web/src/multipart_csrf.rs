//! The CSRF token of a `multipart/form-data` POST (an upload). Browsers send
//! a form's fields in document order, so the forms put their hidden `csrf`
//! field first; only that first part is read here (at most
//! [`HEAD_LIMIT`] bytes), and the body is handed on whole, still streaming,
//! however large the upload behind it.

use axum::body::{Body, Bytes};
use futures_util::{StreamExt, stream};

/// The most read to find the end of the first part.
pub const HEAD_LIMIT: usize = 16 * 1024;

/// Whether the request's `Content-Type` is a multipart form.
pub fn is_multipart(content_type: &str) -> bool {
    content_type.trim_start().to_ascii_lowercase().starts_with("multipart/form-data")
}

/// Where the first part ends: the second delimiter line, after the first.
fn first_part_end(head: &[u8], boundary: &str) -> Option<usize> {
    let opening = format!("--{boundary}");
    let start = find(head, opening.as_bytes())? + opening.len();
    let closing = format!("\r\n--{boundary}");
    find(&head[start..], closing.as_bytes()).map(|at| start + at + closing.len())
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The value of the first part when it is the field `csrf`.
async fn token_in(head: Bytes, boundary: &str) -> Option<String> {
    let mut form = multer::Multipart::new(stream::iter([Ok::<_, std::io::Error>(head)]), boundary);
    let field = form.next_field().await.ok()??;
    if field.name() != Some("csrf") {
        return None;
    }
    field.text().await.ok()
}

/// The token of a multipart body's first part, if that part is `csrf`,
/// and the body to pass on (the bytes read put back in front).
pub async fn leading_token(content_type: &str, body: Body) -> (Option<String>, Body) {
    let Ok(boundary) = multer::parse_boundary(content_type) else {
        return (None, body);
    };
    let mut rest = body.into_data_stream();
    let mut head: Vec<u8> = Vec::new();
    let mut ended = false;
    while first_part_end(&head, &boundary).is_none() && head.len() <= HEAD_LIMIT {
        match rest.next().await {
            Some(Ok(chunk)) => head.extend_from_slice(&chunk),
            // the client went away: there is nothing to pass on
            Some(Err(_)) => return (None, Body::empty()),
            None => {
                ended = true;
                break;
            }
        }
    }
    let head = Bytes::from(head);
    let token = match first_part_end(&head, &boundary) {
        Some(end) if end <= HEAD_LIMIT => token_in(head.slice(..end), &boundary).await,
        None if ended && head.len() <= HEAD_LIMIT => token_in(head.clone(), &boundary).await,
        _ => None,
    };
    let body = Body::from_stream(stream::iter([Ok::<_, axum::Error>(head)]).chain(rest));
    (token, body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use http_body_util::BodyExt;

    fn form(first: &str, value: &str) -> Vec<u8> {
        format!(
            "--XyZ\r\nContent-Disposition: form-data; name=\"{first}\"\r\n\r\n{value}\r\n\
             --XyZ\r\nContent-Disposition: form-data; name=\"image\"; filename=\"a.png\"\r\n\
             Content-Type: image/png\r\n\r\n\x7fPNG-bytes\r\n--XyZ--\r\n"
        )
        .into_bytes()
    }

    async fn read(body: Body) -> Vec<u8> {
        body.collect().await.unwrap().to_bytes().to_vec()
    }

    #[tokio::test]
    async fn the_first_part_gives_the_token_and_the_body_is_kept() {
        let bytes = form("csrf", "abc123");
        // one byte a chunk: the first part spans many chunks
        let chunks: Vec<Result<Bytes, std::io::Error>> = bytes.iter().map(|b| Ok(Bytes::from(vec![*b]))).collect();
        let body = Body::from_stream(stream::iter(chunks));
        let (token, body) = leading_token("multipart/form-data; boundary=XyZ", body).await;
        assert_eq!(token.as_deref(), Some("abc123"));
        assert_eq!(read(body).await, bytes);
    }

    #[tokio::test]
    async fn another_first_field_or_no_boundary_gives_none() {
        let bytes = form("title", "abc123");
        let (token, body) = leading_token("multipart/form-data; boundary=XyZ", Body::from(bytes.clone())).await;
        assert_eq!(token, None);
        assert_eq!(read(body).await, bytes);
        let (token, _) = leading_token("multipart/form-data", Body::from(form("csrf", "x"))).await;
        assert_eq!(token, None);
    }

    #[tokio::test]
    async fn a_first_part_longer_than_the_limit_gives_none() {
        let long = "a".repeat(HEAD_LIMIT * 2);
        let (token, _) = leading_token("multipart/form-data; boundary=XyZ", Body::from(form("csrf", &long))).await;
        assert_eq!(token, None);
    }

    #[test]
    fn multipart_content_types() {
        assert!(is_multipart("multipart/form-data; boundary=x"));
        assert!(is_multipart("Multipart/Form-Data; boundary=x"));
        assert!(!is_multipart("application/x-www-form-urlencoded"));
    }
}
