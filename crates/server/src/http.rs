//! What the API and the portal both need of a request or a response, below
//! them both (neither imports the other).

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse};

/// The client address: the peer, or `X-Forwarded-For`'s first hop when the
/// operator says a trusted proxy sets it.
pub fn client_address(req: &HttpRequest, trust_forwarded_for: bool) -> String {
    if trust_forwarded_for && let Some(ip) = req.connection_info().realip_remote_addr() {
        return ip.to_owned();
    }
    req.peer_addr()
        .map(|a| a.ip().to_string())
        .unwrap_or_else(|| "unknown".into())
}

/// The declared body length, when the client sent one (uploads refuse an
/// oversized body before reading it).
pub fn content_length(req: &HttpRequest) -> Option<u64> {
    req.headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse().ok())
}

/// A CSV file to download (`file_name` without its extension).
pub fn csv_download(file_name: &str, body: String) -> HttpResponse {
    download("text/csv; charset=utf-8", &format!("{file_name}.csv"), body)
}

/// A file to download: its type and its (ASCII) name.
pub fn download(
    content_type: &str,
    file_name: &str,
    body: impl actix_web::body::MessageBody + 'static,
) -> HttpResponse {
    HttpResponse::Ok()
        .content_type(content_type)
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{file_name}\""),
        ))
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .body(body)
}

/// An iCalendar file to download, never cached by shared caches.
pub fn ics_download(file_name: &str, body: String) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/calendar; charset=utf-8")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{file_name}.ics\""),
        ))
        .insert_header((header::CACHE_CONTROL, "private, no-cache"))
        .body(body)
}

/// The session cookie's name (the portal sets it; file downloads read it).
pub const SESSION_COOKIE: &str = "kuza_session";

/// The bearer token of `Authorization: Bearer …` (the scheme in any case).
pub fn bearer(req: &HttpRequest) -> Option<String> {
    let value = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.trim().split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim().to_owned())
}

/// Middleware: a request body that pauses longer than
/// `body_timeout_seconds` between two reads ends with an error (the handler
/// answers 400 and the connection is closed), so a client cannot hold a
/// connection by announcing a body and not sending it. Headers have their
/// own limit (`header_timeout_seconds`).
pub async fn body_deadline(
    mut req: actix_web::dev::ServiceRequest,
    next: actix_web::middleware::Next<impl actix_web::body::MessageBody>,
) -> Result<actix_web::dev::ServiceResponse<impl actix_web::body::MessageBody>, actix_web::Error> {
    use actix_web::HttpMessage;
    use actix_web::dev::Payload;
    use actix_web::error::PayloadError;
    use futures_util::{StreamExt, stream};
    let idle = req
        .app_data::<actix_web::web::Data<crate::state::AppState>>()
        .map(|s| s.settings.body_timeout_seconds)
        .unwrap_or(30);
    let idle = std::time::Duration::from_secs(idle);
    let payload = req.take_payload();
    let body = stream::unfold(Some(payload), move |payload| async move {
        let mut payload: Payload = payload?;
        match tokio::time::timeout(idle, payload.next()).await {
            Ok(Some(item)) => Some((item, Some(payload))),
            Ok(None) => None,
            Err(_) => {
                tracing::warn!("a request body stopped arriving: cut off");
                let e = std::io::Error::new(
                    std::io::ErrorKind::TimedOut,
                    "the request body stopped arriving",
                );
                Some((Err(PayloadError::Io(e)), None))
            }
        }
    })
    // Readers (multipart) may poll again after the end.
    .fuse();
    req.set_payload(Payload::Stream {
        payload: Box::pin(body),
    });
    next.call(req).await
}

/// Middleware: while the server shuts down, every answer closes its
/// connection (`Connection: close`), so that no client sends another
/// request on a connection that is about to be closed.
pub async fn close_when_draining(
    req: actix_web::dev::ServiceRequest,
    next: actix_web::middleware::Next<impl actix_web::body::MessageBody>,
) -> Result<actix_web::dev::ServiceResponse<impl actix_web::body::MessageBody>, actix_web::Error> {
    let draining = req
        .app_data::<actix_web::web::Data<crate::state::AppState>>()
        .map(|s| s.draining.clone());
    let mut res = next.call(req).await?;
    if draining.is_some_and(|d| d.load(std::sync::atomic::Ordering::Acquire)) {
        res.response_mut()
            .head_mut()
            .set_connection_type(actix_web::http::ConnectionType::Close);
    }
    Ok(res)
}
