//! The studio's files page: a course's uploads, an upload form that works
//! without JavaScript (`multipart/form-data`), and delete buttons.
//!
//! The upload form is read as a stream: its first part must be the CSRF
//! field, checked before a byte of the file is read; the file then goes
//! through the same size limit and type checks as the API's uploads.

use super::studio::{editable, title_in};
use super::{Portal, Posted, check_csrf};
use crate::api::content_length;
use crate::errors::PortalError;
use crate::files::url_of;
use actix_multipart::Multipart;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use futures_util::StreamExt;
use kuza_courses::draft::Course;
use kuza_media::{Media, MediaError};
use std::collections::HashMap;
use tera::Context;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/studio/courses/{id}/media", web::get().to(page))
        .route("/studio/courses/{id}/media", web::post().to(upload))
        .route("/studio/media/{id}/delete", web::post().to(delete));
}

/// Room for the multipart framing and the CSRF field around the file.
const FORM_OVERHEAD: u64 = 64 * 1024;
/// Longest CSRF field read (a token is 43 characters).
const CSRF_FIELD_MAX: usize = 256;

/// A short, untranslated name for a stored type (format names).
fn kind_label(content_type: &str) -> &'static str {
    match content_type {
        "image/png" => "PNG",
        "image/jpeg" => "JPEG",
        "image/webp" => "WebP",
        "image/gif" => "GIF",
        "video/webm" => "WebM",
        "video/mp4" => "MP4",
        "audio/mpeg" => "MP3",
        "audio/ogg" => "Ogg",
        "application/pdf" => "PDF",
        "application/zip" => "ZIP",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => "DOCX",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => "XLSX",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation" => "PPTX",
        "application/vnd.oasis.opendocument.text" => "ODT",
        "application/vnd.oasis.opendocument.spreadsheet" => "ODS",
        "application/vnd.oasis.opendocument.presentation" => "ODP",
        "text/vtt" => "WebVTT",
        "text/csv" => "CSV",
        "text/plain" => "TXT",
        _ => "—",
    }
}

fn size_text(portal: &Portal, bytes: i64) -> String {
    const KB: i64 = 1024;
    const MB: i64 = 1024 * 1024;
    if bytes >= MB {
        let n = format!("{:.1}", bytes as f64 / MB as f64);
        portal.t("media-size-mb", &[("n", n.as_str().into())])
    } else if bytes >= KB {
        let n = format!("{}", (bytes + KB / 2) / KB);
        portal.t("media-size-kb", &[("n", n.as_str().into())])
    } else {
        portal.t("media-size-bytes", &[("n", bytes.into())])
    }
}

async fn render(
    portal: &Portal,
    c: &Course,
    status: StatusCode,
    error: Option<&str>,
) -> Result<HttpResponse, PortalError> {
    let files: Vec<Media> = kuza_media::records::list(&portal.state.db, c.id).await?;
    let rows: Vec<_> = files
        .iter()
        .map(|m| {
            serde_json::json!({
                "id": m.id, "name": m.file_name, "url": url_of(m),
                "kind": kind_label(&m.content_type), "size": size_text(portal, m.size),
            })
        })
        .collect();
    let mut ctx = Context::new();
    ctx.insert(
        "course",
        &serde_json::json!({ "id": c.id, "title": title_in(portal, c) }),
    );
    ctx.insert("files", &rows);
    ctx.insert("limit_mb", &portal.state.settings.upload_max_mb);
    if let Some(key) = error {
        ctx.insert("upload_error", &portal.t(key, &[]));
    }
    portal.render_status(status, "studio_media.html", &mut ctx)
}

async fn page(portal: Portal, id: web::Path<i32>) -> Result<HttpResponse, PortalError> {
    let c = editable(&portal, *id).await?;
    render(&portal, &c, StatusCode::OK, None).await
}

/// Reads one small form field (the CSRF token) whole.
pub(super) async fn small_field(field: &mut actix_multipart::Field) -> Option<String> {
    let mut buf = Vec::new();
    while let Some(chunk) = field.next().await {
        buf.extend_from_slice(&chunk.ok()?);
        if buf.len() > CSRF_FIELD_MAX {
            return None;
        }
    }
    String::from_utf8(buf).ok()
}

async fn upload(
    portal: Portal,
    req: HttpRequest,
    id: web::Path<i32>,
    payload: web::Payload,
) -> Result<HttpResponse, PortalError> {
    let c = editable(&portal, *id).await?;
    let limit = portal.state.settings.upload_limit_bytes();
    if content_length(&req).is_some_and(|n| n > limit + FORM_OVERHEAD) {
        return Err(PortalError::TooLarge);
    }
    let mut parts = Multipart::new(req.headers(), payload);
    // The CSRF field comes first in the form, before the file.
    let mut first = match parts.next().await {
        Some(Ok(f)) if f.name() == Some("csrf") => f,
        _ => {
            tracing::warn!(path = %req.path(), "upload refused: the form does not start with its CSRF field");
            return Err(PortalError::Csrf);
        }
    };
    let presented = small_field(&mut first).await.unwrap_or_default();
    drop(first);
    check_csrf(&portal, &req, &presented)?;
    let field = match parts.next().await {
        Some(Ok(f)) if f.name() == Some("file") => f,
        Some(Err(_)) => return Err(PortalError::BadRequest),
        _ => {
            return render(
                &portal,
                &c,
                StatusCode::UNPROCESSABLE_ENTITY,
                Some("media-err-no-file"),
            )
            .await;
        }
    };
    let name = field
        .content_disposition()
        .and_then(|d| d.get_filename())
        .unwrap_or_default()
        .to_owned();
    if name.is_empty() {
        return render(
            &portal,
            &c,
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("media-err-no-file"),
        )
        .await;
    }
    let received = portal.state.storage.receive(field, limit).await?;
    let viewer = portal.require_user()?.user.id;
    let stored = kuza_media::records::create(
        &portal.state.db,
        &portal.state.storage,
        c.id,
        Some(viewer),
        &name,
        &received,
    )
    .await;
    drop(received);
    match stored {
        Ok(m) => {
            tracing::info!(course.id = c.id, media.id = m.id, media.size = m.size, media.content_type = %m.content_type, user.id = viewer, "file uploaded");
            Ok(portal.redirect(&format!(
                "/studio/courses/{}/media?notice=media-uploaded",
                c.id
            )))
        }
        Err(MediaError::NotAllowed) => {
            render(
                &portal,
                &c,
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                Some("media-err-not-allowed"),
            )
            .await
        }
        Err(MediaError::Empty) => {
            render(
                &portal,
                &c,
                StatusCode::UNPROCESSABLE_ENTITY,
                Some("media-err-empty"),
            )
            .await
        }
        Err(MediaError::BadName) => {
            render(
                &portal,
                &c,
                StatusCode::UNPROCESSABLE_ENTITY,
                Some("media-err-bad-name"),
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

async fn delete(
    posted: Posted<HashMap<String, String>>,
    id: web::Path<i32>,
) -> Result<HttpResponse, PortalError> {
    let portal = posted.portal;
    let m = kuza_media::records::find(&portal.state.db, *id).await?;
    let c = editable(&portal, m.course_id).await?;
    if kuza_courses::versions::media_in_use(&portal.state.db, &c, m.id).await? {
        return Ok(portal.redirect(&format!(
            "/studio/courses/{}/media?notice=media-in-use",
            c.id
        )));
    }
    kuza_media::records::delete(&portal.state.db, &portal.state.storage, &m).await?;
    let viewer = portal.require_user()?.user.id;
    tracing::info!(
        course.id = c.id,
        media.id = m.id,
        user.id = viewer,
        "file deleted"
    );
    Ok(portal.redirect(&format!(
        "/studio/courses/{}/media?notice=media-deleted",
        c.id
    )))
}
