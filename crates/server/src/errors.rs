//! The one place where domain errors become HTTP: `application/problem+json`
//! with a stable `code` for the API ([`ApiError`]), and a friendly,
//! localized page for the portal ([`PortalError`], rendered by
//! [`crate::portal::error_pages`]). Internal errors are logged once with
//! their cause; people see an opaque message and the request id.

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpResponse, ResponseError};
use kuza_accounts::{AccountError, Invalid};
use serde::Serialize;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("authentication required")]
    Unauthorized,
    #[error("you do not have the role this needs")]
    Forbidden,
    #[error("not found")]
    NotFound,
    #[error("the request body is not valid: {0}")]
    BadRequest(String),
    #[error("some query parameters are not valid")]
    BadQuery(Vec<FieldError>),
    #[error("some fields are not valid")]
    Invalid(Vec<FieldError>),
    #[error("the course cannot be published yet")]
    NotPublishable(Vec<FieldError>),
    #[error("{detail}")]
    Conflict { code: &'static str, detail: String },
    #[error("{detail}")]
    Denied {
        code: &'static str,
        detail: String,
        status: u16,
    },
    #[error("too many attempts")]
    Throttled { retry_after: i64 },
    #[error("the request body is too large")]
    PayloadTooLarge,
    #[error("internal error: {0}")]
    Internal(String),
}

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
    /// For `invalid_input` and `bad_query`: each invalid field (or query
    /// parameter) and what is wrong with it.
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

impl From<&Invalid> for FieldError {
    fn from(i: &Invalid) -> Self {
        FieldError {
            field: i.field.into(),
            code: i.code.into(),
        }
    }
}

impl From<&kuza_courses::Problem> for FieldError {
    fn from(p: &kuza_courses::Problem) -> Self {
        FieldError {
            field: p.at.clone(),
            code: p.code.into(),
        }
    }
}

impl From<kuza_courses::CourseError> for ApiError {
    fn from(e: kuza_courses::CourseError) -> Self {
        use kuza_courses::CourseError as E;
        match e {
            E::Invalid(v) => ApiError::Invalid(v.iter().map(FieldError::from).collect()),
            E::NotPublishable(v) => {
                ApiError::NotPublishable(v.iter().map(FieldError::from).collect())
            }
            E::SlugTaken | E::PublishConflict | E::PublishedCourse | E::NotAQuiz => {
                ApiError::Conflict {
                    code: e.code(),
                    detail: e.to_string(),
                }
            }
            E::Forbidden => ApiError::Forbidden,
            E::NotFound => ApiError::NotFound,
            E::Db(db) => ApiError::Internal(db.to_string()),
        }
    }
}

impl From<kuza_courses::CourseError> for PortalError {
    fn from(e: kuza_courses::CourseError) -> Self {
        use kuza_courses::CourseError as E;
        match e {
            E::NotFound => PortalError::NotFound,
            E::Forbidden => PortalError::Forbidden,
            other => PortalError::Internal(other.to_string()),
        }
    }
}

/// The portal's pages show the learner-facing refusals (a wrong key, a full
/// course, no attempts left…) in the page itself; what reaches here is a
/// missing page, a denial or a fault.
impl From<crate::learning::LearningError> for PortalError {
    fn from(e: crate::learning::LearningError) -> Self {
        use crate::learning::LearningError as L;
        use kuza_enrollment::EnrolError as E;
        use kuza_progress::ProgressError as P;
        use kuza_progress::quiz::QuizError as Q;
        match e {
            L::Course(c) => c.into(),
            L::Enrol(E::NotFound | E::Archived)
            | L::Progress(P::NoSuchLesson | P::Quiz(Q::AttemptNotFound)) => PortalError::NotFound,
            L::Enrol(E::NotEnrolled) | L::Progress(P::NotEnrolled) => PortalError::Forbidden,
            L::Enrol(E::Db(_)) | L::Progress(P::Db(_) | P::Job(_)) | L::Db(_) | L::Job(_) => {
                PortalError::Internal(e.to_string())
            }
            _ => PortalError::BadRequest,
        }
    }
}

impl From<crate::learning::LearningError> for ApiError {
    fn from(e: crate::learning::LearningError) -> Self {
        use crate::learning::LearningError as L;
        use kuza_enrollment::EnrolError as E;
        use kuza_progress::ProgressError as P;
        use kuza_progress::quiz::QuizError as Q;
        let detail = e.to_string();
        match e {
            L::Course(c) => c.into(),
            L::Enrol(E::NotFound) | L::Progress(P::NoSuchLesson | P::Quiz(Q::AttemptNotFound)) => {
                ApiError::NotFound
            }
            L::Enrol(E::Db(db)) | L::Progress(P::Db(db)) | L::Db(db) => {
                ApiError::Internal(db.to_string())
            }
            L::Progress(P::Job(j)) | L::Job(j) => ApiError::Internal(j.to_string()),
            L::Progress(P::Quiz(Q::BadAnswers(v))) => ApiError::Invalid(
                v.into_iter()
                    .map(|(key, code)| FieldError {
                        field: format!("answers.{key}"),
                        code: code.into(),
                    })
                    .collect(),
            ),
            L::Enrol(E::AnswersRequired) => ApiError::Invalid(vec![FieldError {
                field: "answers".into(),
                code: "answers_required".into(),
            }]),
            L::Enrol(e @ (E::KeyRequired | E::WrongKey | E::NotEnrolled | E::Removed)) => {
                ApiError::Denied {
                    code: e.code(),
                    detail,
                    status: 403,
                }
            }
            L::Progress(P::NotEnrolled) => ApiError::Denied {
                code: "not_enrolled",
                detail,
                status: 403,
            },
            L::Enrol(e) => ApiError::Conflict {
                code: e.code(),
                detail,
            },
            L::Progress(p) => ApiError::Conflict {
                code: p.code(),
                detail,
            },
        }
    }
}

impl ApiError {
    pub fn code(&self) -> &'static str {
        match self {
            ApiError::Unauthorized => "unauthorized",
            ApiError::Forbidden => "forbidden",
            ApiError::NotFound => "not_found",
            ApiError::BadRequest(_) => "bad_request",
            ApiError::BadQuery(_) => "bad_query",
            ApiError::Invalid(_) => "invalid_input",
            ApiError::NotPublishable(_) => "not_publishable",
            ApiError::Conflict { code, .. } | ApiError::Denied { code, .. } => code,
            ApiError::Throttled { .. } => "too_many_attempts",
            ApiError::PayloadTooLarge => "payload_too_large",
            ApiError::Internal(_) => "internal",
        }
    }
    fn title(&self) -> &'static str {
        match self {
            ApiError::Unauthorized => "Authentication required",
            ApiError::Forbidden => "Forbidden",
            ApiError::NotFound => "Not found",
            ApiError::BadRequest(_) => "Bad request",
            ApiError::BadQuery(_) => "Bad query",
            ApiError::Invalid(_) => "Invalid input",
            ApiError::NotPublishable(_) => "Not publishable",
            ApiError::Conflict { .. } => "Conflict",
            ApiError::Denied { .. } => "Request refused",
            ApiError::Throttled { .. } => "Too many attempts",
            ApiError::PayloadTooLarge => "Payload too large",
            ApiError::Internal(_) => "Internal error",
        }
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            ApiError::Unauthorized => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden => StatusCode::FORBIDDEN,
            ApiError::NotFound => StatusCode::NOT_FOUND,
            ApiError::BadRequest(_) | ApiError::BadQuery(_) => StatusCode::BAD_REQUEST,
            ApiError::Invalid(_) | ApiError::NotPublishable(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::Conflict { .. } => StatusCode::CONFLICT,
            ApiError::Denied { status, .. } => {
                StatusCode::from_u16(*status).unwrap_or(StatusCode::BAD_REQUEST)
            }
            ApiError::Throttled { .. } => StatusCode::TOO_MANY_REQUESTS,
            ApiError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        let status = self.status_code();
        let detail = match self {
            ApiError::Internal(cause) => {
                tracing::error!(error.cause = %cause, "internal error");
                "An internal error occurred. Quote the request id when reporting it.".to_owned()
            }
            other => other.to_string(),
        };
        let errors = match self {
            ApiError::Invalid(v) | ApiError::NotPublishable(v) | ApiError::BadQuery(v) => Some(
                v.iter()
                    .map(|i| FieldError {
                        field: i.field.clone(),
                        code: i.code.clone(),
                    })
                    .collect(),
            ),
            _ => None,
        };
        let body = Problem {
            kind: format!("urn:kuza:problem:{}", self.code()),
            title: self.title().into(),
            status: status.as_u16(),
            detail,
            code: self.code().into(),
            errors,
            request_id: crate::telemetry::request_id(),
        };
        let mut res = HttpResponse::build(status);
        res.insert_header((
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        ));
        match self {
            ApiError::Unauthorized => {
                res.insert_header((header::WWW_AUTHENTICATE, "Bearer"));
            }
            ApiError::Throttled { retry_after } => {
                res.insert_header((header::RETRY_AFTER, retry_after.to_string()));
            }
            _ => {}
        }
        res.body(serde_json::to_string(&body).unwrap_or_default())
    }
}

impl From<AccountError> for ApiError {
    fn from(e: AccountError) -> Self {
        match e {
            AccountError::Invalid(v) => ApiError::Invalid(v.iter().map(FieldError::from).collect()),
            AccountError::EmailTaken | AccountError::OrganisationNameTaken => ApiError::Conflict {
                code: e.code(),
                detail: e.to_string(),
            },
            AccountError::InvalidCredentials | AccountError::AccountDisabled => ApiError::Denied {
                code: e.code(),
                detail: e.to_string(),
                status: 401,
            },
            AccountError::TokenInvalid | AccountError::RefreshReused => ApiError::Denied {
                code: e.code(),
                detail: e.to_string(),
                status: 401,
            },
            AccountError::Throttled { retry_after } => ApiError::Throttled { retry_after },
            AccountError::NotFound => ApiError::NotFound,
            AccountError::Db(db) => ApiError::Internal(db.to_string()),
        }
    }
}

impl From<sea_orm::DbErr> for ApiError {
    fn from(e: sea_orm::DbErr) -> Self {
        ApiError::Internal(e.to_string())
    }
}

impl From<kuza_jobs::JobError> for ApiError {
    fn from(e: kuza_jobs::JobError) -> Self {
        ApiError::Internal(e.to_string())
    }
}

/// Portal failures. The response carries an [`ErrorPage`] marker and the
/// `error_pages` middleware renders the localized page for it.
#[derive(Debug, thiserror::Error)]
pub enum PortalError {
    #[error("bad request")]
    BadRequest,
    #[error("forbidden")]
    Forbidden,
    #[error("not found")]
    NotFound,
    #[error("the form's CSRF token is missing or wrong")]
    Csrf,
    #[error("the request body is too large")]
    TooLarge,
    #[error("sign-in required")]
    SignIn { next: String },
    #[error("internal error: {0}")]
    Internal(String),
}

/// Which friendly page a portal error response should get.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorPage {
    BadRequest,
    Forbidden,
    NotFound,
    Csrf,
    TooLarge,
    Internal,
}

impl ErrorPage {
    pub fn keys(self) -> (&'static str, &'static str) {
        match self {
            ErrorPage::BadRequest => ("error-400-title", "error-400-body"),
            ErrorPage::Forbidden => ("error-403-title", "error-403-body"),
            ErrorPage::NotFound => ("error-404-title", "error-404-body"),
            ErrorPage::Csrf => ("error-csrf-title", "error-csrf-body"),
            ErrorPage::TooLarge => ("error-413-title", "error-413-body"),
            ErrorPage::Internal => ("error-500-title", "error-500-body"),
        }
    }
}

impl ResponseError for PortalError {
    fn status_code(&self) -> StatusCode {
        match self {
            PortalError::BadRequest => StatusCode::BAD_REQUEST,
            PortalError::Forbidden | PortalError::Csrf => StatusCode::FORBIDDEN,
            PortalError::NotFound => StatusCode::NOT_FOUND,
            PortalError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            PortalError::SignIn { .. } => StatusCode::SEE_OTHER,
            PortalError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        let page = match self {
            PortalError::SignIn { next } => {
                let q = serde_urlencoded::to_string([("next", next)]).unwrap_or_default();
                return HttpResponse::SeeOther()
                    .insert_header((header::LOCATION, format!("/sign-in?{q}")))
                    .finish();
            }
            PortalError::BadRequest => ErrorPage::BadRequest,
            PortalError::Forbidden => ErrorPage::Forbidden,
            PortalError::NotFound => ErrorPage::NotFound,
            PortalError::Csrf => ErrorPage::Csrf,
            PortalError::TooLarge => ErrorPage::TooLarge,
            PortalError::Internal(cause) => {
                tracing::error!(error.cause = %cause, "internal error");
                ErrorPage::Internal
            }
        };
        let mut res = HttpResponse::build(self.status_code()).finish();
        res.extensions_mut().insert(page);
        res
    }
}

impl From<AccountError> for PortalError {
    fn from(e: AccountError) -> Self {
        match e {
            AccountError::NotFound => PortalError::NotFound,
            other => PortalError::Internal(other.to_string()),
        }
    }
}

impl From<sea_orm::DbErr> for PortalError {
    fn from(e: sea_orm::DbErr) -> Self {
        PortalError::Internal(e.to_string())
    }
}

impl From<kuza_jobs::JobError> for PortalError {
    fn from(e: kuza_jobs::JobError) -> Self {
        PortalError::Internal(e.to_string())
    }
}

impl From<crate::notify::NotifyError> for ApiError {
    fn from(e: crate::notify::NotifyError) -> Self {
        match e {
            crate::notify::NotifyError::Account(a) => a.into(),
            crate::notify::NotifyError::Job(j) => j.into(),
        }
    }
}

impl From<crate::notify::NotifyError> for PortalError {
    fn from(e: crate::notify::NotifyError) -> Self {
        match e {
            crate::notify::NotifyError::Account(a) => a.into(),
            crate::notify::NotifyError::Job(j) => j.into(),
        }
    }
}

impl From<tera::Error> for PortalError {
    fn from(e: tera::Error) -> Self {
        PortalError::Internal(format!("template: {e:?}"))
    }
}

impl From<kuza_media::MediaError> for ApiError {
    fn from(e: kuza_media::MediaError) -> Self {
        use kuza_media::MediaError as E;
        match e {
            E::TooLarge { .. } => ApiError::PayloadTooLarge,
            E::NotAllowed => ApiError::Denied {
                code: e.code(),
                detail: "This kind of file is not accepted. Allowed: PNG, JPEG, WebP and GIF images; WebM and MP4 video; MP3 and Ogg audio; PDF; ZIP; Word, Excel and PowerPoint (OOXML) and OpenDocument files; WebVTT captions; CSV and plain text.".into(),
                status: 415,
            },
            E::Empty => ApiError::Invalid(vec![FieldError {
                field: "body".into(),
                code: e.code().into(),
            }]),
            E::BadName => ApiError::Invalid(vec![FieldError {
                field: "name".into(),
                code: e.code().into(),
            }]),
            E::NotFound => ApiError::NotFound,
            E::Interrupted(cause) => ApiError::BadRequest(cause),
            E::Storage(cause) => ApiError::Internal(cause),
            E::Db(db) => ApiError::Internal(db.to_string()),
        }
    }
}

impl From<kuza_media::MediaError> for PortalError {
    fn from(e: kuza_media::MediaError) -> Self {
        use kuza_media::MediaError as E;
        match e {
            E::TooLarge { .. } => PortalError::TooLarge,
            E::NotFound => PortalError::NotFound,
            E::Interrupted(_) | E::Empty | E::BadName | E::NotAllowed => PortalError::BadRequest,
            E::Storage(cause) => PortalError::Internal(cause),
            E::Db(db) => PortalError::Internal(db.to_string()),
        }
    }
}

impl From<crate::archives::ArchiveFailure> for ApiError {
    fn from(e: crate::archives::ArchiveFailure) -> Self {
        use crate::archives::ArchiveFailure as F;
        match e {
            F::Archive(a) => ApiError::Invalid(vec![FieldError {
                field: a.at,
                code: a.code.into(),
            }]),
            F::Invalid(p) => ApiError::Invalid(p.iter().map(FieldError::from).collect()),
            F::Media { path, error } => ApiError::Invalid(vec![FieldError {
                field: path,
                code: error.code().into(),
            }]),
            F::SlugTaken => kuza_courses::CourseError::SlugTaken.into(),
            F::Course(c) => c.into(),
            F::Storage(m) => m.into(),
        }
    }
}
