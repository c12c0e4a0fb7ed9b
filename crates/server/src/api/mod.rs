//! The JSON API under `/api/v1`: bearer tokens on every route but the
//! sign-up, token and public ones; errors as `application/problem+json`;
//! every list paginated; documented at `/api/openapi.json` and `/api/docs`.

mod accounts;
mod admin;
mod catalog;
mod cohorts;
mod courses;
pub mod docs;
mod learning;
mod media;
mod sessions;

pub(crate) use cohorts::{csv_response as roster_csv_response, members as roster_members};
pub(crate) use learning::pending_view;

use crate::errors::ApiError;
use crate::state::AppState;
use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, web};
use futures_util::future::LocalBoxFuture;
use kuza_accounts::users::User;
use kuza_accounts::{Grants, Role};

/// Largest JSON body the API accepts.
const JSON_LIMIT: usize = 64 * 1024;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("/api/v1")
            .app_data(
                web::JsonConfig::default()
                    .limit(JSON_LIMIT)
                    .error_handler(|err, _| {
                        match err {
                            actix_web::error::JsonPayloadError::Overflow { .. }
                            | actix_web::error::JsonPayloadError::OverflowKnownLength { .. } => {
                                ApiError::PayloadTooLarge
                            }
                            other => ApiError::BadRequest(other.to_string()),
                        }
                        .into()
                    }),
            )
            .app_data(
                web::QueryConfig::default()
                    .error_handler(|err, _| ApiError::BadRequest(err.to_string()).into()),
            )
            .app_data(web::PathConfig::default().error_handler(|_, _| ApiError::NotFound.into()))
            .configure(accounts::routes)
            .configure(admin::routes)
            .configure(courses::routes)
            .configure(learning::routes)
            .configure(cohorts::routes)
            .configure(sessions::routes)
            .configure(media::routes)
            .configure(catalog::routes),
    )
    .route("/calendar/{token}", web::get().to(sessions::feed))
    .route("/api/openapi.json", web::get().to(docs::openapi_json))
    .route("/api/docs", web::get().to(docs::docs_page));
}

/// The caller of an API route, from `Authorization: Bearer <access token>`.
pub struct ApiUser {
    pub user: User,
    pub grants: Grants,
}

impl ApiUser {
    /// Administrators pass every role check.
    pub fn require(&self, role: Role) -> Result<(), ApiError> {
        if self.grants.has(role) || self.grants.is_admin() {
            Ok(())
        } else {
            Err(ApiError::Forbidden)
        }
    }
}

impl FromRequest for ApiUser {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<ApiUser, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let bearer = req
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(|t| t.trim().to_owned());
        Box::pin(async move {
            let state =
                state.ok_or_else(|| ApiError::Internal("application state missing".into()))?;
            let token = bearer.ok_or(ApiError::Unauthorized)?;
            let user_id = kuza_accounts::tokens::verify_access_token(&state.secret, &token)
                .ok_or(ApiError::Unauthorized)?;
            let (user, grants) = kuza_accounts::users::active_with_grants(&state.db, user_id)
                .await?
                .ok_or(ApiError::Unauthorized)?;
            Ok(ApiUser { user, grants })
        })
    }
}

/// A domain's problems, `(field, code)`, as the API's field errors.
pub(crate) fn field_errors<'a>(
    problems: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Vec<crate::errors::FieldError> {
    problems
        .into_iter()
        .map(|(field, code)| crate::errors::FieldError {
            field: field.into(),
            code: code.into(),
        })
        .collect()
}

/// An RFC 3339 date-time as Unix seconds; a `not_a_date_time` problem for
/// `field` (and 0) when it is not one.
pub(crate) fn rfc3339(
    field: &'static str,
    s: &str,
    bad: &mut Vec<(&'static str, &'static str)>,
) -> i64 {
    match chrono::DateTime::parse_from_rfc3339(s.trim()) {
        Ok(t) => t.timestamp(),
        Err(_) => {
            bad.push((field, "not_a_date_time"));
            0
        }
    }
}

/// RFC 3339 for a Unix-seconds timestamp.
pub fn iso(ts: i64) -> String {
    chrono::DateTime::from_timestamp(ts, 0)
        .unwrap_or_default()
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// The declared body length, when the client sent one (uploads refuse an
/// oversized body before reading it).
pub fn content_length(req: &HttpRequest) -> Option<u64> {
    req.headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse().ok())
}
