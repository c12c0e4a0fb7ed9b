//! Enrolling many people at once from a CSV file
//! (`/courses/{slug}/enrol-many`): a multipart form (its CSRF field first,
//! checked before the file is read), then a row-by-row report. For
//! administrators, the course's editors and partner coordinators (see
//! `kuza_app::bulk`).

use super::Portal;
use super::{checked_multipart, small_field};
use crate::errors::PortalError;
use crate::routes::{Access, Table};
use actix_web::http::Method;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use futures_util::StreamExt;
use kuza_app::published::Published;
use kuza_app::{AppError, bulk};
use serde_json::json;
use tera::Context;

pub fn routes(t: &mut Table) {
    t.page(
        Method::GET,
        "/courses/{slug}/enrol-many",
        Access::EnrolOthers,
        form,
    );
    t.page(
        Method::POST,
        "/courses/{slug}/enrol-many",
        Access::EnrolOthers,
        upload,
    );
}

/// The course by slug, if the viewer may enrol people in it.
async fn allowed(portal: &Portal, slug: &str) -> Result<Published, PortalError> {
    portal.require_user()?;
    let p = kuza_app::learning::published(&portal.state.app, slug).await?;
    Ok(bulk::course_for(&portal.state.app, portal.actor(), p.0.id).await?)
}

async fn context(portal: &Portal, p: &Published) -> Result<Context, PortalError> {
    let mut ctx = Context::new();
    let doc = &p.1.document;
    ctx.insert(
        "course_title",
        &super::courses::text(&doc.title, portal.lang, &doc.default_language),
    );
    ctx.insert("slug", &p.0.slug);
    let cohorts: Vec<_> = kuza_app::learning::open_cohorts(&portal.state.app, p.0.id)
        .await?
        .into_iter()
        .map(|o| json!({ "id": o.cohort.id, "name": o.cohort.name }))
        .collect();
    ctx.insert("needs_cohort", &p.0.format.runs_in_cohorts());
    ctx.insert("cohorts", &cohorts);
    ctx.insert("max_rows", &bulk::MAX_ROWS);
    Ok(ctx)
}

async fn form(portal: Portal, slug: web::Path<String>) -> Result<HttpResponse, PortalError> {
    let p = allowed(&portal, &slug).await?;
    let ctx = context(&portal, &p).await?;
    portal.render("enrol_many.html", ctx)
}

async fn upload(
    portal: Portal,
    req: HttpRequest,
    slug: web::Path<String>,
    payload: web::Payload,
) -> Result<HttpResponse, PortalError> {
    let p = allowed(&portal, &slug).await?;
    let mut parts = checked_multipart(&portal, &req, payload).await?;
    let bad = |e: actix_multipart::MultipartError| AppError::BadInput(e.to_string());
    let mut cohort = None;
    let mut file: Option<Vec<u8>> = None;
    while let Some(part) = parts.next().await {
        let mut part = part.map_err(bad)?;
        match part.name() {
            Some("cohort") => {
                cohort = small_field(&mut part)
                    .await
                    .and_then(|v| v.trim().parse::<i32>().ok());
            }
            Some("file") => {
                let mut buf = vec![];
                while let Some(chunk) = part.next().await {
                    let chunk = chunk.map_err(bad)?;
                    if buf.len() + chunk.len() > bulk::MAX_BYTES {
                        return Err(AppError::TooLarge.into());
                    }
                    buf.extend_from_slice(&chunk);
                }
                file = Some(buf);
            }
            _ => {}
        }
    }
    let mut ctx = context(&portal, &p).await?;
    let Some(bytes) = file.filter(|f| !f.is_empty()) else {
        ctx.insert("file_error", &portal.t("bulk-error-no_file", &[]));
        return portal.render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            "enrol_many.html",
            &mut ctx,
        );
    };
    let upload = bulk::Upload {
        declared: Some(bytes.len() as u64),
        body: futures_util::stream::once(async {
            Ok::<_, std::convert::Infallible>(bytes::Bytes::from(bytes))
        }),
    };
    match bulk::enrol_file(&portal.state.app, portal.actor(), p.0.id, cohort, upload).await {
        Ok(Ok(rows)) => {
            let rejected = rows
                .iter()
                .filter(|r| r.result == bulk::Outcome::Rejected)
                .count();
            ctx.insert("accepted", &(rows.len() - rejected));
            ctx.insert("rejected", &rejected);
            ctx.insert("rows", &rows);
            portal.render("enrol_many.html", ctx)
        }
        Ok(Err(problems)) => {
            let list: Vec<String> = problems
                .iter()
                .map(|pr| {
                    portal.t(
                        &format!("bulk-error-{}", pr.code),
                        &[("at", pr.at.clone().into())],
                    )
                })
                .collect();
            ctx.insert("file_problems", &list);
            portal.render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                "enrol_many.html",
                &mut ctx,
            )
        }
        Err(e) if e.code() == "enrolment_needs_cohort" => {
            ctx.insert(
                "file_error",
                &portal.t("enrol-error-enrolment_needs_cohort", &[]),
            );
            portal.render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                "enrol_many.html",
                &mut ctx,
            )
        }
        Err(e) => Err(e.into()),
    }
}
