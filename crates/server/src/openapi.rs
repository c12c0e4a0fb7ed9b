//! The OpenAPI 3.1 document, generated from the handlers' annotations, and a
//! browsable page rendered on the server (no JavaScript, no CDN: it works
//! offline).

use crate::api::{accounts, admin, catalog, cohorts, courses, learning, media, sessions};
use crate::errors::PortalError;
use crate::portal::Portal;
use actix_web::HttpResponse;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .build(),
            ),
        );
    }
}

#[derive(OpenApi)]
#[openapi(
    info(title = "Kuza API", description = "The Kuza learning platform. Errors are application/problem+json with a stable `code`; every response carries X-Request-Id."),
    paths(
        accounts::register, accounts::token, accounts::refresh, accounts::verify_email,
        accounts::password_reset, accounts::password_reset_confirm,
        accounts::me, accounts::update_me, accounts::change_password,
        admin::list_users, admin::get_user, admin::update_user, admin::set_roles,
        admin::list_organisations, admin::get_organisation, admin::create_organisation, admin::update_organisation,
        courses::create_course, courses::my_courses, courses::update_course, courses::get_draft,
        courses::archive_course, courses::publish_course, courses::course_versions,
        courses::add_module, courses::update_module, courses::delete_module,
        courses::add_lesson, courses::update_lesson, courses::delete_lesson, courses::published_course,
        courses::delete_course, courses::get_quiz, courses::put_quiz, courses::delete_quiz,
        courses::export_archive, courses::import_archive, courses::create_from_document,
        media::upload, media::list, media::delete, media::stats,
        catalog::list_catalog,
        learning::enrol, learning::my_enrollments, learning::get_enrollment, learning::withdraw,
        learning::complete_lesson, learning::start_attempt, learning::get_attempt, learning::submit_attempt,
        learning::get_settings, learning::put_settings, learning::bulk_enrol,
        learning::pending_grading, learning::grade_attempt,
        cohorts::list, cohorts::create, cohorts::update, cohorts::roster, cohorts::roster_csv,
        cohorts::confirm, cohorts::remove, cohorts::accept, cohorts::decline,
        sessions::list, sessions::create, sessions::update, sessions::get_attendance,
        sessions::put_attendance, sessions::session_ics, sessions::my_calendar, sessions::reset_calendar,
    ),
    modifiers(&BearerAuth),
    tags(
        (name = "auth", description = "Registration, tokens, verification, password reset"),
        (name = "me", description = "The caller's own account"),
        (name = "admin", description = "Users and roles (administrators)"),
        (name = "organisations", description = "Organisations"),
        (name = "courses", description = "Course drafts, publication and published versions"),
        (name = "media", description = "A course's files (served at /media/{id}/{name}) and its view and download counts"),
        (name = "catalog", description = "The published courses: search, filters, sorting (public)"),
        (name = "cohorts", description = "Cohorts of a course: dates, capacity, waitlist, facilitators, roster; confirming an offered place; removing a learner"),
        (name = "sessions", description = "Live sessions of a cohort, attendance, iCalendar files and the personal calendar feed"),
        (name = "learning", description = "Enrolments, lesson completion, quiz attempts (the caller's own), and a course's enrolment settings"),
    )
)]
pub struct ApiDoc;

pub fn routes(cfg: &mut actix_web::web::ServiceConfig) {
    use actix_web::web;
    cfg.route("/api/openapi.json", web::get().to(openapi_json))
        .route("/api/docs", web::get().to(docs_page));
}

pub fn document() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}

pub async fn openapi_json() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/json")
        .body(document().to_json().unwrap_or_default())
}

/// A readable list of the operations with their parameters and responses.
pub async fn docs_page(portal: Portal) -> Result<HttpResponse, PortalError> {
    let doc = serde_json::to_value(document())
        .map_err(|e| kuza_app::AppError::Internal(e.to_string()))?;
    let mut ops = vec![];
    if let Some(paths) = doc.get("paths").and_then(|p| p.as_object()) {
        for (path, item) in paths {
            for method in ["get", "post", "put", "patch", "delete"] {
                if let Some(op) = item.get(method) {
                    ops.push(serde_json::json!({ "method": method.to_uppercase(), "path": path, "op": op }));
                }
            }
        }
    }
    let mut ctx = tera::Context::new();
    ctx.insert("ops", &ops);
    ctx.insert("schemas", &doc.pointer("/components/schemas"));
    ctx.insert("info", &doc.get("info"));
    portal.render("api_docs.html", ctx)
}
