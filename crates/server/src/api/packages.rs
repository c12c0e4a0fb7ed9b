//! `/api/v1/courses/{id}/packages` and `/api/v1/packages/{id}`: a course's
//! SCORM packages, for its editors. A package lesson names one
//! (`"kind": "package", "package": id`).

use super::{ApiUser, iso};
use crate::errors::{ApiError, Problem};
use crate::http::content_length;
use crate::routes::{Access, Table, doc};
use crate::state::AppState;
use actix_web::http::Method;
use actix_web::{HttpRequest, HttpResponse, web};
use kuza_app::packages;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

pub fn routes(t: &mut Table) {
    t.api(
        Method::POST,
        "/api/v1/courses/{id}/packages",
        Access::CourseEditor,
        upload_package,
        doc::<__path_upload_package>,
    );
    t.api(
        Method::GET,
        "/api/v1/courses/{id}/packages",
        Access::CourseEditor,
        list_packages,
        doc::<__path_list_packages>,
    );
    t.api(
        Method::GET,
        "/api/v1/packages/{id}",
        Access::CourseEditor,
        get_package,
        doc::<__path_get_package>,
    );
    t.api(
        Method::DELETE,
        "/api/v1/packages/{id}",
        Access::CourseEditor,
        delete_package,
        doc::<__path_delete_package>,
    );
}

#[derive(Serialize, ToSchema)]
pub struct PackageView {
    pub id: i32,
    pub course_id: i32,
    /// The title of the manifest's organization (else the file's name).
    pub title: String,
    pub file_name: String,
    /// `scorm_1.2`, `scorm_2004_3` or `scorm_2004_4`.
    pub standard: String,
    /// How many files the package holds.
    pub files: i32,
    /// The zip's size in bytes.
    pub size: i64,
    /// Hex SHA-256 of the zip.
    pub sha256: String,
    /// The items that launch something, in the order of the table of
    /// contents (their identifiers and titles).
    pub items: Vec<ItemView>,
    pub uploaded_by: Option<i32>,
    pub created_at: String,
}

#[derive(Serialize, ToSchema)]
pub struct ItemView {
    pub identifier: String,
    pub title: String,
    /// `sco` (talks to the run-time API) or `asset`.
    pub kind: String,
}

fn view(p: &packages::Stored, m: Option<&packages::Manifest>) -> PackageView {
    let items = m
        .map(|m| {
            m.launchable()
                .into_iter()
                .map(|i| ItemView {
                    identifier: i.identifier.clone(),
                    title: i.title.clone(),
                    kind: if packages::is_sco(m, i) {
                        "sco"
                    } else {
                        "asset"
                    }
                    .into(),
                })
                .collect()
        })
        .unwrap_or_default();
    PackageView {
        id: p.id,
        course_id: p.course_id,
        title: p.title.clone(),
        file_name: p.file_name.clone(),
        standard: p.standard.clone(),
        files: p.files,
        size: p.size,
        sha256: p.sha256.clone(),
        items,
        uploaded_by: p.uploaded_by,
        created_at: iso(p.created_at),
    }
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UploadQuery {
    /// The zip's name.
    pub name: String,
}

/// Uploads a SCORM 1.2 or 2004 (3rd, 4th edition) package: the zip's raw
/// bytes are the body. It is read whole before anything is kept: the
/// manifest at its root (`imsmanifest.xml`), every path inside the
/// package, inflation within the limits; each problem is listed with where
/// it is (`package_manifest_missing`, `package_manifest_not_at_root`,
/// `package_schema_unknown`, `package_path_outside`, `package_too_large`,
/// `package_manifest_dtd`, `package_file_missing`…) and nothing is kept.
#[utoipa::path(post, path = "/api/v1/courses/{id}/packages", tag = "media", security(("bearer" = [])), params(UploadQuery),
    request_body(content = Vec<u8>, content_type = "application/zip", description = "The package's zip"),
    responses((status = 201, body = PackageView), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 413, description = "`payload_too_large`", body = Problem),
        (status = 422, description = "`invalid_input`, with each problem of the package", body = Problem)))]
pub async fn upload_package(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
    query: web::Query<UploadQuery>,
    req: HttpRequest,
    body: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let declared = content_length(&req);
    let p = packages::upload(&state.app, caller.actor(), *id, &query.name, body, declared).await?;
    let (p, m) = packages::get(&state.app, caller.actor(), p.id).await?;
    Ok(HttpResponse::Created().json(view(&p, Some(&m))))
}

/// A course's packages, oldest first.
#[utoipa::path(get, path = "/api/v1/courses/{id}/packages", tag = "media", security(("bearer" = [])),
    responses((status = 200, body = Vec<PackageView>), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn list_packages(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
) -> Result<HttpResponse, ApiError> {
    let (_, all) = packages::list(&state.app, caller.actor(), *id).await?;
    Ok(HttpResponse::Ok().json(all.iter().map(|p| view(p, None)).collect::<Vec<_>>()))
}

/// A package with the items of its table of contents.
#[utoipa::path(get, path = "/api/v1/packages/{id}", tag = "media", security(("bearer" = [])),
    responses((status = 200, body = PackageView), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn get_package(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
) -> Result<HttpResponse, ApiError> {
    let (p, m) = packages::get(&state.app, caller.actor(), *id).await?;
    Ok(HttpResponse::Ok().json(view(&p, Some(&m))))
}

/// Deletes a package with its files and its learners' data; one that a
/// lesson of the draft or of a published version runs is kept (409
/// `package_in_use`).
#[utoipa::path(delete, path = "/api/v1/packages/{id}", tag = "media", security(("bearer" = [])),
    responses((status = 204), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, description = "`package_in_use`", body = Problem)))]
pub async fn delete_package(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
) -> Result<HttpResponse, ApiError> {
    packages::delete(&state.app, caller.actor(), *id).await?;
    Ok(HttpResponse::NoContent().finish())
}
