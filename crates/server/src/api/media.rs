//! `/api/v1/courses/{id}/media` and `/api/v1/media/{id}`: a course's files,
//! for its editors; `/api/v1/courses/{id}/stats`: its view and download
//! counts, for its editors and administrators.

use super::{ApiUser, iso};
use crate::errors::{ApiError, Problem};
use crate::files::url_of;
use crate::http::content_length;
use crate::routes::{Access, Table, doc};
use crate::state::AppState;
use actix_web::http::Method;
use actix_web::{HttpRequest, HttpResponse, web};
use kuza_app::media;
use kuza_media::Media;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::{IntoParams, ToSchema};

pub fn routes(t: &mut Table) {
    t.api(
        Method::POST,
        "/api/v1/courses/{id}/media",
        Access::CourseEditor,
        upload,
        doc::<__path_upload>,
    );
    t.api(
        Method::GET,
        "/api/v1/courses/{id}/media",
        Access::CourseEditor,
        list,
        doc::<__path_list>,
    );
    t.api(
        Method::GET,
        "/api/v1/courses/{id}/stats",
        Access::CourseEditor,
        stats,
        doc::<__path_stats>,
    );
    t.api(
        Method::DELETE,
        "/api/v1/media/{id}",
        Access::CourseEditor,
        delete,
        doc::<__path_delete>,
    );
}

#[derive(Serialize, ToSchema)]
pub struct MediaView {
    pub id: i32,
    pub course_id: i32,
    /// The (sanitized) name downloads carry.
    pub file_name: String,
    /// Read from the file's bytes at upload.
    pub content_type: String,
    pub size: i64,
    /// Hex SHA-256 of the bytes; also the ETag.
    pub sha256: String,
    /// Where the file is served: `/media/{address}/{file name}` (the
    /// address cannot be guessed from the id).
    pub url: String,
    pub uploaded_by: Option<i32>,
    pub created_at: String,
}

impl MediaView {
    pub fn new(app: &kuza_app::App, m: &Media) -> Self {
        MediaView {
            id: m.id,
            course_id: m.course_id,
            file_name: m.file_name.clone(),
            content_type: m.content_type.clone(),
            size: m.size,
            sha256: m.sha256.clone(),
            url: url_of(app, m),
            uploaded_by: m.uploaded_by,
            created_at: iso(m.created_at),
        }
    }
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UploadQuery {
    /// The file's name (paths and control characters are removed; the
    /// content type is read from the bytes, never from the name, except to
    /// tell `.csv` from `.txt`).
    pub name: String,
}

/// Uploads a file to a course: the raw bytes are the body. Refused with 413
/// over `upload_max_mb` and with 415 when the bytes are not an accepted
/// type; either way nothing is kept.
#[utoipa::path(post, path = "/api/v1/courses/{id}/media", tag = "media", security(("bearer" = [])), params(UploadQuery),
    request_body(content = Vec<u8>, content_type = "application/octet-stream", description = "The file's bytes"),
    responses((status = 201, body = MediaView), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 413, description = "`payload_too_large`", body = Problem),
        (status = 415, description = "`unsupported_media_type`: PNG, JPEG, WebP, GIF, WebM, MP4, MP3, Ogg audio, PDF, ZIP, DOCX/XLSX/PPTX, ODT/ODS/ODP, WebVTT, CSV and plain text are accepted", body = Problem),
        (status = 422, body = Problem)))]
pub async fn upload(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
    query: web::Query<UploadQuery>,
    req: HttpRequest,
    body: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let declared = content_length(&req);
    let m = media::upload(&state.app, caller.actor(), *id, &query.name, body, declared).await?;
    Ok(HttpResponse::Created().json(MediaView::new(&state.app, &m)))
}

/// A course's files, newest first.
#[utoipa::path(get, path = "/api/v1/courses/{id}/media", tag = "media", security(("bearer" = [])),
    responses((status = 200, body = Vec<MediaView>), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn list(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
) -> Result<HttpResponse, ApiError> {
    let (_, files) = media::list(&state.app, caller.actor(), *id).await?;
    Ok(HttpResponse::Ok().json(
        files
            .iter()
            .map(|m| MediaView::new(&state.app, m))
            .collect::<Vec<_>>(),
    ))
}

/// Deletes a file: its row, then its bytes. A file that the draft (a
/// lesson or the cover) or a published version uses is kept (`409 media_in_use`).
#[utoipa::path(delete, path = "/api/v1/media/{id}", tag = "media", security(("bearer" = [])),
    responses((status = 204), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, description = "`media_in_use`", body = Problem)))]
pub async fn delete(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
) -> Result<HttpResponse, ApiError> {
    media::delete(&state.app, caller.actor(), *id).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StatsQuery {
    /// First day, `YYYY-MM-DD` (UTC); default: 29 days before `to`.
    pub from: Option<String>,
    /// Last day, `YYYY-MM-DD` (UTC), included; default: today.
    pub to: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct StatsItem {
    /// `course`, `lesson` or `media`.
    pub subject: String,
    /// The course id, the lesson's stable key or the media id.
    pub key: String,
    pub count: i64,
}

#[derive(Serialize, ToSchema)]
pub struct CourseStats {
    pub course_id: i32,
    pub from: String,
    pub to: String,
    /// Per subject: `course` (course page views), `lesson` (lesson views),
    /// `media` (file downloads). Every subject is present.
    pub totals: BTreeMap<String, i64>,
    pub items: Vec<StatsItem>,
}

/// Views of the course page and its lessons and downloads of its files over
/// a period (counts are written every few seconds, so the last moments may
/// not show yet). The course's editors and administrators.
#[utoipa::path(get, path = "/api/v1/courses/{id}/stats", tag = "media", security(("bearer" = [])), params(StatsQuery),
    responses((status = 200, body = CourseStats), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, description = "`date_invalid`, or `from` after `to`", body = Problem)))]
pub async fn stats(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
    query: web::Query<StatsQuery>,
) -> Result<HttpResponse, ApiError> {
    let t = media::stats(
        &state.app,
        caller.actor(),
        *id,
        query.from.as_deref(),
        query.to.as_deref(),
    )
    .await?;
    Ok(HttpResponse::Ok().json(CourseStats {
        course_id: t.course_id,
        from: t.from.format("%Y-%m-%d").to_string(),
        to: t.to.format("%Y-%m-%d").to_string(),
        totals: t.totals,
        items: t
            .items
            .into_iter()
            .map(|((subject, key), count)| StatsItem {
                subject,
                key,
                count,
            })
            .collect(),
    }))
}
