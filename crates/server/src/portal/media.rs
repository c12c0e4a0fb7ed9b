//! The studio's files page: a course's uploads, an upload form that works
//! without JavaScript (`multipart/form-data`), and delete buttons.
//!
//! The upload form is read as a stream: its first part must be the CSRF
//! field, checked before a byte of the file is read; the file then goes
//! through the same size limit and type checks as the API's uploads.

use super::studio::title_in;
use super::{Portal, Posted, checked_multipart};
use crate::errors::PortalError;
use crate::files::url_of;
use crate::http::content_length;
use crate::routes::{Access, Table};
use actix_web::http::Method;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use futures_util::StreamExt;
use kuza_app::{AppError, media};
use kuza_courses::draft::Course;
use std::collections::HashMap;
use tera::Context;

pub fn routes(t: &mut Table) {
    t.page(
        Method::GET,
        "/studio/courses/{id}/media",
        Access::CourseEditor,
        page,
    );
    t.page(
        Method::POST,
        "/studio/courses/{id}/media",
        Access::CourseEditor,
        upload,
    );
    t.page(
        Method::POST,
        "/studio/media/{id}/delete",
        Access::CourseEditor,
        delete,
    );
    t.page(
        Method::POST,
        "/studio/courses/{id}/packages",
        Access::CourseEditor,
        upload_package,
    );
    t.page(
        Method::POST,
        "/studio/packages/{id}/delete",
        Access::CourseEditor,
        delete_package,
    );
}

/// The message for a package's problem (`package_*` codes).
fn package_problem(portal: &Portal, at: &str, code: &str) -> String {
    let key = match code {
        "package_not_a_zip"
        | "package_manifest_missing"
        | "package_manifest_not_at_root"
        | "package_schema_unknown"
        | "package_path_outside"
        | "package_too_large"
        | "package_manifest_dtd"
        | "package_file_missing"
        | "package_nothing_to_launch" => format!("package-err-{}", &code["package_".len()..]),
        _ => "package-err-other".to_owned(),
    };
    format!("{} ({at})", portal.t(&key, &[]))
}

/// Room for the multipart framing and the CSRF field around the file.
const FORM_OVERHEAD: u64 = 64 * 1024;

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
    render_with(portal, c, status, error, Context::new()).await
}

async fn render_with(
    portal: &Portal,
    c: &Course,
    status: StatusCode,
    error: Option<&str>,
    mut ctx: Context,
) -> Result<HttpResponse, PortalError> {
    let (_, files) = media::list(&portal.state.app, portal.actor(), c.id).await?;
    let rows: Vec<_> = files
        .iter()
        .map(|m| {
            serde_json::json!({
                "id": m.id, "name": m.file_name, "url": url_of(&portal.state.app, m),
                "kind": kind_label(&m.content_type), "size": size_text(portal, m.size),
            })
        })
        .collect();
    ctx.insert(
        "course",
        &serde_json::json!({ "id": c.id, "title": title_in(portal, c) }),
    );
    ctx.insert("files", &rows);
    ctx.insert("limit_mb", &portal.state.app.limits.upload_max_mb);
    if let Some(key) = error {
        ctx.insert("upload_error", &portal.t(key, &[]));
    }
    let (_, packages) = kuza_app::packages::list(&portal.state.app, portal.actor(), c.id).await?;
    let rows: Vec<_> = packages
        .iter()
        .map(|p| {
            let standard = match p.standard.as_str() {
                "scorm_1.2" => "SCORM 1.2",
                "scorm_2004_3" => "SCORM 2004 (3rd)",
                _ => "SCORM 2004 (4th)",
            };
            serde_json::json!({
                "id": p.id, "title": p.title, "name": p.file_name, "standard": standard,
                "files": p.files, "size": size_text(portal, p.size),
            })
        })
        .collect();
    ctx.insert("packages", &rows);
    portal.render_status(status, "studio_media.html", &mut ctx)
}

async fn page(portal: Portal, id: web::Path<i32>) -> Result<HttpResponse, PortalError> {
    let c = kuza_app::courses::editable(&portal.state.app, portal.actor(), *id).await?;
    render(&portal, &c, StatusCode::OK, None).await
}

/// A form's file part, its name, and the form it is read from (which
/// must live while the part is read).
type Part = (actix_multipart::Multipart, actix_multipart::Field, String);

/// The form's file (the part `field`, after the CSRF field) and its
/// name, or the page that says none was chosen. A body declared past the
/// upload limit is refused before a byte is read.
async fn file_part(
    portal: &Portal,
    req: &HttpRequest,
    payload: web::Payload,
    c: &Course,
    field: &str,
) -> Result<Result<Part, HttpResponse>, PortalError> {
    let limit = portal.state.app.upload_limit_bytes();
    if content_length(req).is_some_and(|n| n > limit + FORM_OVERHEAD) {
        return Err(AppError::TooLarge.into());
    }
    let mut parts = checked_multipart(portal, req, payload).await?;
    let part = match parts.next().await {
        Some(Ok(f)) if f.name() == Some(field) => Some(f),
        Some(Err(e)) => return Err(AppError::BadInput(e.to_string()).into()),
        _ => None,
    };
    let name = part
        .as_ref()
        .and_then(|f| f.content_disposition())
        .and_then(|d| d.get_filename())
        .unwrap_or_default()
        .to_owned();
    match part {
        Some(f) if !name.is_empty() => Ok(Ok((parts, f, name))),
        _ => Ok(Err(render(
            portal,
            c,
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("media-err-no-file"),
        )
        .await?)),
    }
}

async fn upload(
    portal: Portal,
    req: HttpRequest,
    id: web::Path<i32>,
    payload: web::Payload,
) -> Result<HttpResponse, PortalError> {
    let c = kuza_app::courses::editable(&portal.state.app, portal.actor(), *id).await?;
    let (_form, field, name) = match file_part(&portal, &req, payload, &c, "file").await? {
        Ok(part) => part,
        Err(page) => return Ok(page),
    };
    match media::upload(&portal.state.app, portal.actor(), c.id, &name, field, None).await {
        Ok(_) => Ok(portal.redirect(&format!(
            "/studio/courses/{}/media?notice=media-uploaded",
            c.id
        ))),
        Err(AppError::UnsupportedType) => {
            render(
                &portal,
                &c,
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                Some("media-err-not-allowed"),
            )
            .await
        }
        Err(e) if e.code() == "invalid_input" => {
            let key = match e.problems().first().map(|p| p.code) {
                Some("bad_file_name") => "media-err-bad-name",
                _ => "media-err-empty",
            };
            render(&portal, &c, StatusCode::UNPROCESSABLE_ENTITY, Some(key)).await
        }
        Err(e) => Err(e.into()),
    }
}

/// A SCORM package, uploaded like a file (the CSRF field first); every
/// problem of the package is listed and nothing of it is kept.
async fn upload_package(
    portal: Portal,
    req: HttpRequest,
    id: web::Path<i32>,
    payload: web::Payload,
) -> Result<HttpResponse, PortalError> {
    let c = kuza_app::courses::editable(&portal.state.app, portal.actor(), *id).await?;
    let (_form, field, name) = match file_part(&portal, &req, payload, &c, "package").await? {
        Ok(part) => part,
        Err(page) => return Ok(page),
    };
    match kuza_app::packages::upload(&portal.state.app, portal.actor(), c.id, &name, field, None)
        .await
    {
        Ok(_) => Ok(portal.redirect(&format!(
            "/studio/courses/{}/media?notice=package-uploaded",
            c.id
        ))),
        Err(e) if e.code() == "invalid_input" => {
            let problems: Vec<String> = e
                .problems()
                .iter()
                .map(|p| package_problem(&portal, &p.field, p.code))
                .collect();
            let mut ctx = Context::new();
            ctx.insert("package_problems", &problems);
            render_with(&portal, &c, StatusCode::UNPROCESSABLE_ENTITY, None, ctx).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn delete_package(
    posted: Posted<HashMap<String, String>>,
    id: web::Path<i32>,
) -> Result<HttpResponse, PortalError> {
    let portal = posted.portal;
    let app = &portal.state.app;
    match kuza_app::packages::delete(app, portal.actor(), *id).await {
        Ok(c) => Ok(portal.redirect(&format!(
            "/studio/courses/{}/media?notice=package-deleted",
            c.id
        ))),
        Err(e) if e.code() == "package_in_use" => {
            let (p, _) = kuza_app::packages::get(app, portal.actor(), *id).await?;
            Ok(portal.redirect(&format!(
                "/studio/courses/{}/media?notice=package-in-use",
                p.course_id
            )))
        }
        Err(e) => Err(e.into()),
    }
}

async fn delete(
    posted: Posted<HashMap<String, String>>,
    id: web::Path<i32>,
) -> Result<HttpResponse, PortalError> {
    let portal = posted.portal;
    match media::delete(&portal.state.app, portal.actor(), *id).await {
        Ok(c) => Ok(portal.redirect(&format!(
            "/studio/courses/{}/media?notice=media-deleted",
            c.id
        ))),
        Err(e) if e.code() == "media_in_use" => {
            let m = media::course_of_file(&portal.state.app, *id).await?;
            Ok(portal.redirect(&format!("/studio/courses/{m}/media?notice=media-in-use")))
        }
        Err(e) => Err(e.into()),
    }
}
