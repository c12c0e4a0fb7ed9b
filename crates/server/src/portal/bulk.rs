//! Enrolling many people at once from a CSV file
//! (`/courses/{slug}/enrol-many`): a multipart form (its CSRF field first,
//! checked before the file is read), then a row-by-row report. For
//! administrators, the course's editors and partner coordinators (see
//! `crate::bulk`).

use super::media::small_field;
use super::{Portal, check_csrf};
use crate::bulk::{self, Uploader};
use crate::errors::PortalError;
use actix_multipart::Multipart;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use futures_util::StreamExt;
use kuza_accounts::Role;
use serde_json::json;
use tera::Context;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/courses/{slug}/enrol-many", web::get().to(form))
        .route("/courses/{slug}/enrol-many", web::post().to(upload));
}

/// The course, and who the viewer uploads as (if they may).
async fn allowed(
    portal: &Portal,
    slug: &str,
) -> Result<(crate::learning::Published, Uploader), PortalError> {
    let v = portal.require_user()?;
    let p = portal
        .state
        .published
        .course(&portal.state.db, slug)
        .await?;
    let organisation = if v.grants.is_admin()
        || kuza_courses::draft::editable(&portal.state.db, p.0.id, v.user.id, false)
            .await
            .is_ok()
    {
        None
    } else if v.grants.has(Role::Partner) {
        Some(
            v.grants
                .partner_organisation_id
                .ok_or(PortalError::Forbidden)?,
        )
    } else {
        return Err(PortalError::Forbidden);
    };
    Ok((
        p,
        Uploader {
            user_id: v.user.id,
            organisation,
        },
    ))
}

async fn context(portal: &Portal, p: &crate::learning::Published) -> Result<Context, PortalError> {
    let mut ctx = Context::new();
    let doc = &p.1.document;
    ctx.insert(
        "course_title",
        &super::courses::text(&doc.title, portal.lang, &doc.default_language),
    );
    ctx.insert("slug", &p.0.slug);
    let cohorts: Vec<_> = kuza_enrollment::cohorts::of_course(&portal.state.db, p.0.id)
        .await?
        .into_iter()
        .filter(|k| k.ends_at > kuza_db::now())
        .map(|k| json!({ "id": k.id, "name": k.name }))
        .collect();
    ctx.insert("needs_cohort", &p.0.format.runs_in_cohorts());
    ctx.insert("cohorts", &cohorts);
    ctx.insert("max_rows", &bulk::MAX_ROWS);
    Ok(ctx)
}

async fn form(portal: Portal, slug: web::Path<String>) -> Result<HttpResponse, PortalError> {
    let (p, _) = allowed(&portal, &slug).await?;
    let ctx = context(&portal, &p).await?;
    portal.render("enrol_many.html", ctx)
}

async fn upload(
    portal: Portal,
    req: HttpRequest,
    slug: web::Path<String>,
    payload: web::Payload,
) -> Result<HttpResponse, PortalError> {
    let (p, uploader) = allowed(&portal, &slug).await?;
    let mut parts = Multipart::new(req.headers(), payload);
    let mut first = match parts.next().await {
        Some(Ok(f)) if f.name() == Some("csrf") => f,
        _ => return Err(PortalError::Csrf),
    };
    let presented = small_field(&mut first).await.unwrap_or_default();
    drop(first);
    check_csrf(&portal, &req, &presented)?;
    let mut cohort = None;
    let mut file: Option<Vec<u8>> = None;
    while let Some(part) = parts.next().await {
        let mut part = part.map_err(|_| PortalError::BadRequest)?;
        match part.name() {
            Some("cohort") => {
                cohort = small_field(&mut part)
                    .await
                    .and_then(|v| v.trim().parse::<i32>().ok());
            }
            Some("file") => {
                let mut buf = vec![];
                while let Some(chunk) = part.next().await {
                    let chunk = chunk.map_err(|_| PortalError::BadRequest)?;
                    if buf.len() + chunk.len() > bulk::MAX_BYTES {
                        return Err(PortalError::TooLarge);
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
    if p.0.format.runs_in_cohorts() && cohort.is_none() {
        ctx.insert(
            "file_error",
            &portal.t("enrol-error-enrolment_needs_cohort", &[]),
        );
        return portal.render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            "enrol_many.html",
            &mut ctx,
        );
    }
    match bulk::enrol_file(&portal.state, &p, cohort, uploader, &bytes).await? {
        Ok(rows) => {
            let rejected = rows.iter().filter(|r| r.result == "rejected").count();
            ctx.insert("accepted", &(rows.len() - rejected));
            ctx.insert("rejected", &rejected);
            ctx.insert("rows", &rows);
            portal.render("enrol_many.html", ctx)
        }
        Err(problems) => {
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
    }
}
