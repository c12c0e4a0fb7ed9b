//! The OpenAPI 3.1 document (built at start from the route table, see
//! `routes::openapi`) served as JSON, and a browsable page of it rendered on
//! the server (no JavaScript, no CDN: it works offline).

use crate::errors::PortalError;
use crate::portal::Portal;
use crate::routes::{Access, Table};
use crate::state::AppState;
use actix_web::http::Method;
use actix_web::{HttpResponse, web};
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
        (name = "certificates", description = "Certificates: anyone verifies one by its public id; learners list theirs; administrators revoke"),
        (name = "surveys", description = "Surveys: a course's evaluation (its form, versions and the learners' responses) and the instance's question bank"),
    )
)]
pub struct ApiDoc;

pub fn routes(t: &mut Table) {
    t.page(
        Method::GET,
        "/api/openapi.json",
        Access::Public,
        openapi_json,
    );
    t.page(Method::GET, "/api/docs", Access::Public, docs_page);
}

/// The document's info, tags and security scheme; the route table adds
/// the operations and their schemas.
pub fn base() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}

pub async fn openapi_json(state: web::Data<AppState>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/json")
        .body(state.openapi.to_string())
}

/// A readable list of the operations with their parameters and responses.
pub async fn docs_page(portal: Portal) -> Result<HttpResponse, PortalError> {
    let doc: serde_json::Value = serde_json::from_str(&portal.state.openapi)
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
