//! `GET /media/{address}/{file name}`: uploaded files, streamed from
//! storage. The address is the file's id and a signature of it
//! ([`kuza_app::media::address`]): addresses cannot be counted.
//!
//! Anyone may read a file the published version of its course uses; any
//! other file only its course's editors (session cookie or bearer token),
//! uncached ([`kuza_app::media::readable`]). Single byte ranges (video
//! seeking, resumed downloads), an ETag from the content's SHA-256, a year
//! of caching for public files (their URL names content that never
//! changes), and a download counted when a request starts at the first
//! byte.

use crate::errors::PortalError;
use crate::http::SESSION_COOKIE;
use crate::routes::{Access, Table};
use crate::state::AppState;
use actix_web::body::SizedStream;
use actix_web::http::header::{self, ContentEncoding};
use actix_web::http::{Method, StatusCode};
use actix_web::{HttpRequest, HttpResponse, web};
use futures_util::{StreamExt, TryStreamExt, stream};
use kuza_app::App;
use kuza_app::AppError;
use kuza_app::media::{Credentials, Readable};
use kuza_media::{Media, detect};
use std::ops::Range;

pub fn routes(t: &mut Table) {
    t.page(
        Method::GET,
        "/media/{address}/{name}",
        Access::CourseFile,
        serve,
    );
    t.page(
        Method::HEAD,
        "/media/{address}/{name}",
        Access::CourseFile,
        serve,
    );
    t.page(
        Method::GET,
        "/packages/{id}/{path:.*}",
        Access::CourseFile,
        serve_package,
    );
}

/// A SCORM package's file, at its path in the package
/// (`/packages/{id}/{path}`): the SCO's pages find the run-time API in the
/// lesson page around them, so they are served from the same origin, and
/// may be framed by it (`SAMEORIGIN`), unlike every other page. Their own
/// scripts run (authoring tools write inline ones and `eval`), so the
/// portal's script policy is not theirs; only who frames them is limited.
/// A package never changes under its id: a public one is cached for a
/// year. Single byte ranges are served (a package's video).
async fn serve_package(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<(i32, String)>,
) -> Result<HttpResponse, PortalError> {
    let (id, file) = path.into_inner();
    if file.is_empty()
        || file.contains('\\')
        || file
            .split('/')
            .any(|p| p.is_empty() || p == "." || p == "..")
    {
        return Err(AppError::NotFound.into());
    }
    let asker = Credentials {
        session: req.cookie(SESSION_COOKIE).map(|c| c.value().to_owned()),
        bearer: crate::http::bearer(&req),
    };
    let (p, public) = kuza_app::packages::readable(&state.app, id, asker).await?;
    let key = kuza_app::packages::file_key(p.id, &file);
    let storage = &state.app.storage;
    let Some(size) = storage.size(&key).await.map_err(AppError::from)? else {
        return Err(AppError::NotFound.into());
    };
    let etag = format!("\"p{}-{size}\"", p.sha256.get(..16).unwrap_or_default());
    let cache = cache_control(public);
    let (status, range) = match conditional(&req, &etag, size, cache) {
        Ok(r) => r,
        Err(answer) => return Ok(*answer),
    };
    let mime = mime_guess::from_path(&file).first_or_octet_stream();
    let mut res = HttpResponse::build(status);
    res.insert_header((header::CONTENT_TYPE, mime.essence_str()))
        .insert_header((header::ACCEPT_RANGES, "bytes"))
        .insert_header((header::ETAG, etag))
        .insert_header((header::CACHE_CONTROL, cache))
        .insert_header(("X-Frame-Options", "SAMEORIGIN"))
        .insert_header(("Content-Security-Policy", "frame-ancestors 'self'"));
    if status == StatusCode::PARTIAL_CONTENT {
        res.insert_header((
            header::CONTENT_RANGE,
            format!("bytes {}-{}/{size}", range.start, range.end - 1),
        ));
    }
    let whole = status == StatusCode::OK;
    let body = storage
        .read(&key, if whole { None } else { Some(range.clone()) })
        .await
        .map_err(AppError::from)?
        .map_err(|e| {
            tracing::warn!(error.cause = %e, "reading a package file failed mid-response");
            actix_web::error::ErrorInternalServerError("storage")
        })
        .boxed_local();
    Ok(res.body(SizedStream::new(range.end - range.start, body)))
}

/// A year of caching for what never changes under its URL (a public
/// file, a published package); nothing kept otherwise.
fn cache_control(public: bool) -> &'static str {
    if public {
        "public, max-age=31536000, immutable"
    } else {
        "private, no-store"
    }
}

/// The part of a stored object of `size` bytes (tagged `etag`) the request
/// asks for, or the answer that says it has it already (304) or asked for
/// a part there is not (416). A stale If-Range (the object is not the one
/// the client has a part of) asks for the whole object.
fn conditional(
    req: &HttpRequest,
    etag: &str,
    size: u64,
    cache: &'static str,
) -> Result<(StatusCode, Range<u64>), Box<HttpResponse>> {
    let header_str = |name| req.headers().get(name).and_then(|v| v.to_str().ok());
    if etag_matches(header_str(header::IF_NONE_MATCH), etag) {
        return Err(Box::new(
            HttpResponse::NotModified()
                .insert_header((header::ETAG, etag.to_owned()))
                .insert_header((header::CACHE_CONTROL, cache))
                .finish(),
        ));
    }
    let range_header = match header_str(header::IF_RANGE) {
        Some(v) if v.trim() != etag => None,
        _ => header_str(header::RANGE),
    };
    match wanted(range_header, size) {
        Wanted::Whole => Ok((StatusCode::OK, 0..size)),
        Wanted::Part(r) => Ok((StatusCode::PARTIAL_CONTENT, r)),
        Wanted::Unsatisfiable => Err(Box::new(
            HttpResponse::RangeNotSatisfiable()
                .insert_header((header::CONTENT_RANGE, format!("bytes */{size}")))
                .insert_header((header::ACCEPT_RANGES, "bytes"))
                .insert_header((header::CACHE_CONTROL, cache))
                .finish(),
        )),
    }
}

/// Where a stored file is served: its address and its name, percent-encoded.
pub fn url_of(app: &App, m: &Media) -> String {
    path_of(app, m.id, &m.file_name)
}

/// `/media/{address}/{name}`, the one form of a file's URL.
pub fn path_of(app: &App, id: i32, name: &str) -> String {
    format!(
        "/media/{}/{}",
        kuza_app::media::address(app, id),
        percent_encode(name)
    )
}

/// Everything but RFC 3986's unreserved characters (also valid as RFC 5987
/// `attr-char`s, so it serves both uses).
const ENCODED: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

fn percent_encode(s: &str) -> String {
    percent_encoding::utf8_percent_encode(s, ENCODED).to_string()
}

/// `inline` or `attachment`, with an ASCII fallback name and the real one
/// encoded per RFC 6266 / RFC 5987.
fn disposition(m: &Media) -> String {
    let kind = if detect::is_inline(&m.content_type) {
        "inline"
    } else {
        "attachment"
    };
    let ascii: String = m
        .file_name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!(
        "{kind}; filename=\"{ascii}\"; filename*=UTF-8''{}",
        percent_encode(&m.file_name)
    )
}

/// What a `Range` header asks of a file of `size` bytes.
#[derive(Debug, PartialEq, Eq)]
enum Wanted {
    Whole,
    Part(Range<u64>),
    Unsatisfiable,
}

/// Single ranges only (`a-b`, `a-`, `-n`). A header this cannot read, or
/// one asking for several ranges, is ignored and the whole file is sent, as
/// RFC 9110 allows.
fn wanted(header: Option<&str>, size: u64) -> Wanted {
    let Some(spec) = header.and_then(|h| h.trim().strip_prefix("bytes=")) else {
        return Wanted::Whole;
    };
    if spec.contains(',') {
        return Wanted::Whole;
    }
    let Some((start, end)) = spec.trim().split_once('-') else {
        return Wanted::Whole;
    };
    let parse = |s: &str| s.trim().parse::<u64>().ok();
    match (start.trim(), end.trim()) {
        ("", "") => Wanted::Whole,
        ("", n) => match parse(n) {
            Some(0) => Wanted::Unsatisfiable,
            Some(_) if size == 0 => Wanted::Unsatisfiable,
            Some(n) => Wanted::Part(size.saturating_sub(n)..size),
            None => Wanted::Whole,
        },
        (a, b) => {
            let Some(a) = parse(a) else {
                return Wanted::Whole;
            };
            let b = if b.is_empty() {
                Some(u64::MAX)
            } else {
                parse(b)
            };
            match b {
                Some(b) if b < a => Wanted::Whole,
                Some(_) if a >= size => Wanted::Unsatisfiable,
                Some(b) => Wanted::Part(a..b.min(size - 1) + 1),
                None => Wanted::Whole,
            }
        }
    }
}

fn etag_matches(header: Option<&str>, etag: &str) -> bool {
    header.is_some_and(|h| {
        h.split(',')
            .map(|t| t.trim().trim_start_matches("W/"))
            .any(|t| t == "*" || t == etag)
    })
}

async fn serve(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, PortalError> {
    let asker = Credentials {
        session: req.cookie(SESSION_COOKIE).map(|c| c.value().to_owned()),
        bearer: crate::http::bearer(&req),
    };
    let (m, public) = match kuza_app::media::readable(&state.app, &path.0, asker).await? {
        Readable::File { media, public } => (media, public),
        Readable::Moved { address } => {
            let to = format!("/media/{address}/{}", percent_encode(&path.1));
            return Ok(HttpResponse::MovedPermanently()
                .insert_header((header::LOCATION, to))
                .finish());
        }
    };
    let etag = format!("\"{}\"", m.sha256);
    let cache = cache_control(public);
    let size = m.size as u64;
    let (status, range) = match conditional(&req, &etag, size, cache) {
        Ok(r) => r,
        Err(answer) => return Ok(*answer),
    };
    let content_type = if detect::is_text(&m.content_type) {
        format!("{}; charset=utf-8", m.content_type)
    } else {
        m.content_type.clone()
    };
    let mut res = HttpResponse::build(status);
    res.insert_header((header::CONTENT_TYPE, content_type))
        .insert_header((header::ACCEPT_RANGES, "bytes"))
        .insert_header((header::ETAG, etag))
        .insert_header((header::CACHE_CONTROL, cache))
        .insert_header((header::CONTENT_DISPOSITION, disposition(&m)))
        .insert_header(("X-Content-Type-Options", "nosniff"))
        // Already-compressed media; a compressed body would break ranges.
        .insert_header(ContentEncoding::Identity);
    if status == StatusCode::PARTIAL_CONTENT {
        res.insert_header((
            header::CONTENT_RANGE,
            format!("bytes {}-{}/{size}", range.start, range.end - 1),
        ));
    }
    let is_get = req.method() == Method::GET;
    let len = range.end - range.start;
    // The stored bytes are opened before the answer is given: a file whose
    // record outlived its bytes (a lost volume, a restore without the
    // files) is a 404 and an error in the log, not a 200 that never sends.
    let storage = &state.app.storage;
    let missing = || {
        tracing::error!(media = m.id, key = %m.storage_key, "a stored file is missing");
        PortalError::App(AppError::NotFound)
    };
    if !is_get || len == 0 {
        if !storage
            .exists(&m.storage_key)
            .await
            .map_err(AppError::from)?
        {
            return Err(missing());
        }
        return Ok(res.body(SizedStream::new(
            len,
            stream::empty::<Result<_, actix_web::Error>>().boxed_local(),
        )));
    }
    let whole = status == StatusCode::OK;
    let body = match storage
        .read(
            &m.storage_key,
            if whole { None } else { Some(range.clone()) },
        )
        .await
    {
        Ok(body) => body,
        Err(kuza_media::MediaError::NotFound) => return Err(missing()),
        Err(e) => return Err(AppError::from(e).into()),
    };
    if range.start == 0 {
        kuza_app::counts::media_download(&state.app.counts, m.course_id, m.id);
    }
    let body = body
        .map_err(|e| {
            tracing::warn!(error.cause = %e, "reading a stored file failed mid-response");
            actix_web::error::ErrorInternalServerError("storage")
        })
        .boxed_local();
    Ok(res.body(SizedStream::new(len, body)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_ranges_are_read_and_others_ignored() {
        assert_eq!(wanted(None, 100), Wanted::Whole);
        assert_eq!(wanted(Some("bytes=0-9"), 100), Wanted::Part(0..10));
        assert_eq!(wanted(Some("bytes=90-"), 100), Wanted::Part(90..100));
        assert_eq!(wanted(Some("bytes=90-500"), 100), Wanted::Part(90..100));
        assert_eq!(wanted(Some("bytes=-10"), 100), Wanted::Part(90..100));
        assert_eq!(wanted(Some("bytes=-500"), 100), Wanted::Part(0..100));
        assert_eq!(wanted(Some("bytes=100-"), 100), Wanted::Unsatisfiable);
        assert_eq!(wanted(Some("bytes=-0"), 100), Wanted::Unsatisfiable);
        assert_eq!(wanted(Some("bytes=0-1,5-6"), 100), Wanted::Whole);
        assert_eq!(wanted(Some("bytes=9-3"), 100), Wanted::Whole);
        assert_eq!(wanted(Some("items=0-3"), 100), Wanted::Whole);
        assert_eq!(wanted(Some("bytes=x-3"), 100), Wanted::Whole);
    }

    #[test]
    fn file_names_are_encoded_for_urls_and_headers() {
        assert_eq!(percent_encode("a b/é.pdf"), "a%20b%2F%C3%A9.pdf");
        let m = Media {
            id: 1,
            course_id: 1,
            storage_key: "k".into(),
            file_name: "خطة \"2026\".pdf".into(),
            content_type: "application/pdf".into(),
            size: 1,
            sha256: "00".into(),
            uploaded_by: None,
            created_at: 0,
        };
        assert_eq!(
            disposition(&m),
            "inline; filename=\"___ _2026_.pdf\"; filename*=UTF-8''%D8%AE%D8%B7%D8%A9%20%222026%22.pdf"
        );
    }
}
