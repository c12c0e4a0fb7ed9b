//! The JSON API under `/api/v1`: bearer tokens on every route but the
//! sign-up, token and public ones; errors as `application/problem+json`;
//! every list paginated; documented at `/api/openapi.json` and `/api/docs`.

pub(crate) mod accounts;
pub(crate) mod admin;
pub(crate) mod catalog;
pub(crate) mod certificates;
pub(crate) mod cohorts;
pub(crate) mod courses;
pub(crate) mod design;
pub(crate) mod learning;
pub(crate) mod media;
pub(crate) mod members;
pub(crate) mod packages;
pub(crate) mod reports;
pub(crate) mod schemas;
pub(crate) mod sessions;
pub(crate) mod surveys;

use crate::errors::ApiError;
use crate::state::AppState;
use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest, web};
use futures_util::future::LocalBoxFuture;
use kuza_app::{Actor, AppError, FieldProblem};

/// Largest JSON body the API accepts.
pub(crate) const JSON_LIMIT: usize = 64 * 1024;

/// The API's scope: its JSON, query and path settings (errors as problem
/// documents). The routes are added by the route table.
pub(crate) fn scope() -> actix_web::Scope {
    web::scope("/api/v1")
        .app_data(
            web::JsonConfig::default()
                .limit(JSON_LIMIT)
                .error_handler(|err, _| {
                    ApiError(match err {
                        actix_web::error::JsonPayloadError::Overflow { .. }
                        | actix_web::error::JsonPayloadError::OverflowKnownLength { .. } => {
                            AppError::TooLarge
                        }
                        other => AppError::BadInput(other.to_string()),
                    })
                    .into()
                }),
        )
        .app_data(
            web::QueryConfig::default()
                .error_handler(|err, _| ApiError(AppError::BadInput(err.to_string())).into()),
        )
        .app_data(
            web::PathConfig::default().error_handler(|_, _| ApiError(AppError::NotFound).into()),
        )
}

pub fn routes(t: &mut crate::routes::Table) {
    accounts::routes(t);
    admin::routes(t);
    courses::routes(t);
    learning::routes(t);
    cohorts::routes(t);
    sessions::routes(t);
    media::routes(t);
    packages::routes(t);
    catalog::routes(t);
    certificates::routes(t);
    design::routes(t);
    members::routes(t);
    reports::routes(t);
    surveys::routes(t);
    t.page(
        actix_web::http::Method::GET,
        "/calendar/{token}",
        crate::routes::Access::SecretAddress,
        sessions::feed,
    );
}

/// The caller of an API route, from `Authorization: Bearer <access token>`:
/// 401 without a valid token for an active account.
pub struct ApiUser(pub Actor);

impl ApiUser {
    /// The caller, as the application's use cases take them.
    pub fn actor(&self) -> Option<&Actor> {
        Some(&self.0)
    }
}

impl FromRequest for ApiUser {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<ApiUser, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let bearer = crate::http::bearer(req);
        Box::pin(async move {
            let state =
                state.ok_or_else(|| AppError::Internal("application state missing".into()))?;
            let token = bearer.ok_or(AppError::SignIn)?;
            let actor = kuza_app::accounts::bearer_actor(&state.app, &token)
                .await?
                .ok_or(AppError::SignIn)?;
            Ok(ApiUser(actor))
        })
    }
}

/// An RFC 3339 date-time as Unix seconds; a `not_a_date_time` problem for
/// `field` (and 0) when it is not one.
pub(crate) fn rfc3339(field: &'static str, s: &str, bad: &mut Vec<FieldProblem>) -> i64 {
    match chrono::DateTime::parse_from_rfc3339(s.trim()) {
        Ok(t) => t.timestamp(),
        Err(_) => {
            bad.push(FieldProblem::new(field, "not_a_date_time"));
            0
        }
    }
}

/// RFC 3339 for a Unix-seconds timestamp.
pub fn iso(ts: i64) -> String {
    kuza_app::export::iso(ts)
}

/// Answers as JSON values (a text, number or boolean, a list of them, or
/// null for none) as the strings per question that the rules check.
pub(crate) fn answers_given(
    answers: std::collections::BTreeMap<String, serde_json::Value>,
) -> Result<std::collections::BTreeMap<String, Vec<String>>, ApiError> {
    use serde_json::Value as V;
    let one = |v: V| match v {
        V::String(s) => Some(s),
        V::Bool(b) => Some(b.to_string()),
        V::Number(n) => Some(n.to_string()),
        _ => None,
    };
    let mut out = std::collections::BTreeMap::new();
    for (k, v) in answers {
        let values = match v {
            V::Null => Some(vec![]),
            V::Array(items) => items.into_iter().map(one).collect::<Option<Vec<_>>>(),
            other => one(other).map(|s| vec![s]),
        }
        .ok_or_else(|| {
            AppError::BadInput(format!("answers.{k}: not a text, number, boolean or list"))
        })?;
        out.insert(k, values);
    }
    Ok(out)
}
