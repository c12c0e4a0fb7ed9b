//! The one place where the application's errors become HTTP. Each
//! [`AppError`] case has one status ([`status_of`]), the same on both
//! surfaces: the API answers `application/problem+json` with a stable
//! `code` ([`ApiError`]), the portal a friendly, localized page
//! ([`PortalError`], rendered by [`crate::portal::error_pages`]). Internal
//! errors are logged once with their cause; people see an opaque message
//! and the request id.

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpResponse, ResponseError};
use kuza_app::AppError;
use serde::Serialize;

/// The status of each case, for the API and the portal alike.
pub fn status_of(e: &AppError) -> StatusCode {
    match e {
        AppError::SignIn | AppError::Unauthenticated { .. } => StatusCode::UNAUTHORIZED,
        AppError::Forbidden | AppError::Refused { .. } => StatusCode::FORBIDDEN,
        AppError::NotFound => StatusCode::NOT_FOUND,
        AppError::Conflict { .. } => StatusCode::CONFLICT,
        AppError::Invalid(_) | AppError::NotPublishable(_) | AppError::Unprocessable { .. } => {
            StatusCode::UNPROCESSABLE_ENTITY
        }
        AppError::BadInput(_) | AppError::BadQuery(_) => StatusCode::BAD_REQUEST,
        AppError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
        AppError::UnsupportedType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
        AppError::Throttled { .. } => StatusCode::TOO_MANY_REQUESTS,
        AppError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
        AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// Logs an internal error once, with its cause.
fn log_internal(e: &AppError) {
    match e {
        AppError::Internal(cause) => tracing::error!(error.cause = %cause, "internal error"),
        AppError::Unavailable(cause) => tracing::warn!(error.cause = %cause, "not available here"),
        _ => {}
    }
}

/// An API failure: an [`AppError`], answered as a problem document.
#[derive(Debug, thiserror::Error)]
#[error(transparent)]
pub struct ApiError(#[from] pub AppError);

/// An RFC 9457 problem document, as every API error is returned.
#[derive(Serialize, utoipa::ToSchema)]
pub struct Problem {
    /// `urn:kuza:problem:<code>`.
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    /// Stable, machine-readable error code.
    pub code: String,
    /// For `invalid_input`, `not_publishable` and `bad_query`: each invalid
    /// field (or query parameter) and what is wrong with it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<FieldError>>,
    /// Also in the `X-Request-Id` header and the server's log.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct FieldError {
    pub field: String,
    pub code: String,
}

fn title_of(e: &AppError) -> &'static str {
    match e {
        AppError::SignIn => "Authentication required",
        AppError::Unauthenticated { .. } => "Not authenticated",
        AppError::Forbidden => "Forbidden",
        AppError::Refused { .. } => "Request refused",
        AppError::NotFound => "Not found",
        AppError::Conflict { .. } => "Conflict",
        AppError::Invalid(_) => "Invalid input",
        AppError::NotPublishable(_) => "Not publishable",
        AppError::Unprocessable { .. } => "Unprocessable",
        AppError::BadInput(_) => "Bad request",
        AppError::BadQuery(_) => "Bad query",
        AppError::TooLarge => "Payload too large",
        AppError::UnsupportedType => "Unsupported media type",
        AppError::Throttled { .. } => "Too many attempts",
        AppError::Unavailable(_) => "Service unavailable",
        AppError::Internal(_) => "Internal error",
    }
}

/// What the allowlist of uploads is, for the 415 problem's detail.
const ALLOWED_FILES: &str = "This kind of file is not accepted. Allowed: PNG, JPEG, WebP and GIF images; WebM and MP4 video; MP3 and Ogg audio; PDF; ZIP; Word, Excel and PowerPoint (OOXML) and OpenDocument files; WebVTT captions; CSV and plain text.";

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        status_of(&self.0)
    }

    fn error_response(&self) -> HttpResponse {
        let e = &self.0;
        log_internal(e);
        let status = status_of(e);
        let detail = match e {
            AppError::Internal(_) => {
                "An internal error occurred. Quote the request id when reporting it.".to_owned()
            }
            AppError::UnsupportedType => ALLOWED_FILES.to_owned(),
            other => other.to_string(),
        };
        let problems = e.problems();
        let body = Problem {
            kind: format!("urn:kuza:problem:{}", e.code()),
            title: title_of(e).into(),
            status: status.as_u16(),
            detail,
            code: e.code().into(),
            errors: (!problems.is_empty()).then(|| {
                problems
                    .iter()
                    .map(|p| FieldError {
                        field: p.field.clone(),
                        code: p.code.into(),
                    })
                    .collect()
            }),
            request_id: crate::telemetry::request_id(),
        };
        let mut res = HttpResponse::build(status);
        res.insert_header((
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        ));
        match e {
            AppError::SignIn => {
                res.insert_header((header::WWW_AUTHENTICATE, "Bearer"));
            }
            AppError::Throttled { retry_after } => {
                res.insert_header((header::RETRY_AFTER, retry_after.to_string()));
            }
            _ => {}
        }
        res.body(serde_json::to_string(&body).unwrap_or_default())
    }
}

/// A portal failure: an [`AppError`], or a form whose CSRF token is
/// missing or wrong. The response carries an [`ErrorPage`] marker and the
/// `error_pages` middleware renders the localized page for it (or, for
/// [`AppError::SignIn`], sends the person to sign in and come back).
#[derive(Debug, thiserror::Error)]
pub enum PortalError {
    #[error(transparent)]
    App(#[from] AppError),
    #[error("the form's CSRF token is missing or wrong")]
    Csrf,
}

impl From<tera::Error> for PortalError {
    fn from(e: tera::Error) -> Self {
        AppError::Internal(format!("template: {e:?}")).into()
    }
}

/// Which page a portal error response gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorPage {
    /// Not a page: a redirect to sign in, back to where the person was.
    SignIn,
    BadRequest,
    Forbidden,
    NotFound,
    Conflict,
    Csrf,
    TooLarge,
    TooMany,
    Unavailable,
    Internal,
}

impl ErrorPage {
    pub fn of(e: &AppError) -> ErrorPage {
        match e {
            AppError::SignIn => ErrorPage::SignIn,
            AppError::Unauthenticated { .. } | AppError::Forbidden | AppError::Refused { .. } => {
                ErrorPage::Forbidden
            }
            AppError::NotFound => ErrorPage::NotFound,
            AppError::Conflict { .. } => ErrorPage::Conflict,
            AppError::Invalid(_)
            | AppError::NotPublishable(_)
            | AppError::Unprocessable { .. }
            | AppError::BadInput(_)
            | AppError::BadQuery(_)
            | AppError::UnsupportedType => ErrorPage::BadRequest,
            AppError::TooLarge => ErrorPage::TooLarge,
            AppError::Throttled { .. } => ErrorPage::TooMany,
            AppError::Unavailable(_) => ErrorPage::Unavailable,
            AppError::Internal(_) => ErrorPage::Internal,
        }
    }

    pub fn keys(self) -> (&'static str, &'static str) {
        match self {
            ErrorPage::SignIn | ErrorPage::Forbidden => ("error-403-title", "error-403-body"),
            ErrorPage::BadRequest => ("error-400-title", "error-400-body"),
            ErrorPage::NotFound => ("error-404-title", "error-404-body"),
            ErrorPage::Conflict => ("error-409-title", "error-409-body"),
            ErrorPage::Csrf => ("error-csrf-title", "error-csrf-body"),
            ErrorPage::TooLarge => ("error-413-title", "error-413-body"),
            ErrorPage::TooMany => ("error-429-title", "error-429-body"),
            ErrorPage::Unavailable => ("error-503-title", "error-503-body"),
            ErrorPage::Internal => ("error-500-title", "error-500-body"),
        }
    }
}

impl ResponseError for PortalError {
    fn status_code(&self) -> StatusCode {
        match self {
            PortalError::App(AppError::SignIn) => StatusCode::SEE_OTHER,
            PortalError::App(e) => status_of(e),
            PortalError::Csrf => StatusCode::FORBIDDEN,
        }
    }

    fn error_response(&self) -> HttpResponse {
        let page = match self {
            PortalError::App(e) => {
                log_internal(e);
                ErrorPage::of(e)
            }
            PortalError::Csrf => ErrorPage::Csrf,
        };
        let mut res = HttpResponse::build(self.status_code()).finish();
        res.extensions_mut().insert(page);
        res
    }
}
