//! The application layer's one error. Every domain error becomes one of
//! these here, once; the server then turns each case into one HTTP status,
//! the same for the API (a problem document) and the portal (a page), so
//! one case means the same on both surfaces.

use kuza_accounts::AccountError;
use kuza_certification::CertificationError;
use kuza_courses::CourseError;
use kuza_enrollment::EnrolError;
use kuza_media::MediaError;
use kuza_progress::ProgressError;
use kuza_progress::quiz::QuizError;
use serde::Serialize;

/// One invalid field and what is wrong with it (`email`, `email_invalid`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldProblem {
    /// The field, as the request named it (`title.ar`, `records[2].status`).
    pub field: String,
    /// Stable, machine-readable; the portal shows the `err-{code}` string.
    pub code: &'static str,
}

impl FieldProblem {
    pub fn new(field: impl Into<String>, code: &'static str) -> FieldProblem {
        FieldProblem {
            field: field.into(),
            code,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The step needs someone signed in (401 / the sign-in page).
    #[error("sign-in required")]
    SignIn,
    /// Credentials, a link or a token that do not hold (401 with `code`).
    #[error("{detail}")]
    Unauthenticated { code: &'static str, detail: String },
    /// The actor may not do this (403).
    #[error("you may not do this")]
    Forbidden,
    /// Refused for a reason the person can act on: a wrong key, not
    /// enrolled, removed by a coordinator (403 with `code`).
    #[error("{detail}")]
    Refused { code: &'static str, detail: String },
    /// Nothing there that the actor may see (404).
    #[error("not found")]
    NotFound,
    /// Not possible in the state things are in (409 with `code`).
    #[error("{detail}")]
    Conflict { code: &'static str, detail: String },
    /// Values that are not valid, each with its field (422).
    #[error("some fields are not valid")]
    Invalid(Vec<FieldProblem>),
    /// A course that cannot be published yet, with every reason (422).
    #[error("the course cannot be published yet")]
    NotPublishable(Vec<FieldProblem>),
    /// A whole input refused with one code and a readable detail (422),
    /// such as a CSV file that cannot be read.
    #[error("{detail}")]
    Unprocessable { code: &'static str, detail: String },
    /// Malformed input: not JSON, a query that cannot be read (400).
    #[error("{0}")]
    BadInput(String),
    /// Query parameters with values that are not valid, each named (400).
    #[error("some query parameters are not valid")]
    BadQuery(Vec<FieldProblem>),
    /// A body over the limit (413).
    #[error("the request body is too large")]
    TooLarge,
    /// A file whose bytes are not an accepted kind (415).
    #[error("this kind of file is not accepted")]
    UnsupportedType,
    /// Too many attempts; retry after this many seconds (429).
    #[error("too many attempts")]
    Throttled { retry_after: i64 },
    /// Something this server is not set up to do yet (certificate fonts
    /// not installed): 503 with the reason, for the operator to mend.
    #[error("{0}")]
    Unavailable(String),
    /// A fault: logged with its cause, shown as an opaque message (500).
    #[error("internal error: {0}")]
    Internal(String),
}

impl AppError {
    /// The stable code of the API's problem documents.
    pub fn code(&self) -> &'static str {
        match self {
            AppError::SignIn => "unauthorized",
            AppError::Forbidden => "forbidden",
            AppError::NotFound => "not_found",
            AppError::Invalid(_) => "invalid_input",
            AppError::NotPublishable(_) => "not_publishable",
            AppError::BadInput(_) => "bad_request",
            AppError::BadQuery(_) => "bad_query",
            AppError::TooLarge => "payload_too_large",
            AppError::UnsupportedType => "unsupported_media_type",
            AppError::Throttled { .. } => "too_many_attempts",
            AppError::Unavailable(_) => "unavailable",
            AppError::Internal(_) => "internal",
            AppError::Unauthenticated { code, .. }
            | AppError::Refused { code, .. }
            | AppError::Conflict { code, .. }
            | AppError::Unprocessable { code, .. } => code,
        }
    }

    /// The field problems of `Invalid`, `NotPublishable` and `BadQuery`.
    pub fn problems(&self) -> &[FieldProblem] {
        match self {
            AppError::Invalid(p) | AppError::NotPublishable(p) | AppError::BadQuery(p) => p,
            _ => &[],
        }
    }

    pub fn invalid(field: impl Into<String>, code: &'static str) -> AppError {
        AppError::Invalid(vec![FieldProblem::new(field, code)])
    }

    pub(crate) fn conflict(code: &'static str, detail: impl Into<String>) -> AppError {
        AppError::Conflict {
            code,
            detail: detail.into(),
        }
    }

    /// `(field, code)` pairs, as the domain crates' checks give them.
    pub(crate) fn fields<'a>(
        problems: impl IntoIterator<Item = (&'a str, &'static str)>,
    ) -> AppError {
        AppError::Invalid(
            problems
                .into_iter()
                .map(|(field, code)| FieldProblem::new(field, code))
                .collect(),
        )
    }
}

impl From<FieldProblem> for AppError {
    fn from(p: FieldProblem) -> Self {
        AppError::Invalid(vec![p])
    }
}

impl From<sea_orm::DbErr> for AppError {
    fn from(e: sea_orm::DbErr) -> Self {
        if kuza_db::refused_text(&e) {
            return AppError::BadInput(
                "the text contains a character that cannot be stored".into(),
            );
        }
        AppError::Internal(format!("database: {e}"))
    }
}

impl From<kuza_jobs::JobError> for AppError {
    fn from(e: kuza_jobs::JobError) -> Self {
        AppError::Internal(format!("job: {e}"))
    }
}

impl From<AccountError> for AppError {
    fn from(e: AccountError) -> Self {
        let (code, detail) = (e.code(), e.to_string());
        match e {
            AccountError::Invalid(v) => AppError::Invalid(
                v.iter()
                    .map(|i| FieldProblem::new(i.field, i.code))
                    .collect(),
            ),
            AccountError::EmailTaken | AccountError::OrganisationNameTaken => {
                AppError::Conflict { code, detail }
            }
            AccountError::InvalidCredentials
            | AccountError::AccountDisabled
            | AccountError::TokenInvalid
            | AccountError::RefreshReused => AppError::Unauthenticated { code, detail },
            AccountError::Throttled { retry_after } => AppError::Throttled { retry_after },
            AccountError::NotFound => AppError::NotFound,
            AccountError::Db(db) => db.into(),
        }
    }
}

fn course_problems(v: &[kuza_courses::Problem]) -> Vec<FieldProblem> {
    v.iter().map(|p| FieldProblem::new(&p.at, p.code)).collect()
}

impl From<CourseError> for AppError {
    fn from(e: CourseError) -> Self {
        let (code, detail) = (e.code(), e.to_string());
        match e {
            CourseError::Invalid(v) => AppError::Invalid(course_problems(&v)),
            CourseError::NotPublishable(v) => AppError::NotPublishable(course_problems(&v)),
            CourseError::SlugTaken
            | CourseError::PublishConflict
            | CourseError::PublishedCourse
            | CourseError::NotAQuiz => AppError::Conflict { code, detail },
            CourseError::Forbidden => AppError::Forbidden,
            CourseError::NotFound => AppError::NotFound,
            CourseError::Db(db) => db.into(),
        }
    }
}

impl From<kuza_surveys::SurveyError> for AppError {
    fn from(e: kuza_surveys::SurveyError) -> Self {
        use kuza_surveys::SurveyError as E;
        match e {
            E::NotFound => AppError::NotFound,
            E::Invalid(v) => AppError::Invalid(course_problems(&v)),
            E::Submitted => AppError::Conflict {
                code: "response_submitted",
                detail: e.to_string(),
            },
            E::Db(db) => db.into(),
        }
    }
}

impl From<EnrolError> for AppError {
    fn from(e: EnrolError) -> Self {
        let (code, detail) = (e.code(), e.to_string());
        match e {
            EnrolError::NotFound => AppError::NotFound,
            EnrolError::AnswersRequired => AppError::invalid("answers", "answers_required"),
            EnrolError::KeyRequired
            | EnrolError::WrongKey
            | EnrolError::NotEnrolled
            | EnrolError::Removed => AppError::Refused { code, detail },
            EnrolError::Archived
            | EnrolError::Closed
            | EnrolError::NeedsCohort
            | EnrolError::Full
            | EnrolError::AlreadyCompleted
            | EnrolError::CohortClosed
            | EnrolError::NoOffer
            | EnrolError::PartnerPlacesUsed
            | EnrolError::NotAnApplication => AppError::Conflict { code, detail },
            EnrolError::Db(db) => db.into(),
        }
    }
}

impl From<QuizError> for AppError {
    fn from(e: QuizError) -> Self {
        ProgressError::Quiz(e).into()
    }
}

impl From<ProgressError> for AppError {
    fn from(e: ProgressError) -> Self {
        let (code, detail) = (e.code(), e.to_string());
        match e {
            ProgressError::NoSuchLesson | ProgressError::Quiz(QuizError::AttemptNotFound) => {
                AppError::NotFound
            }
            ProgressError::NotEnrolled => AppError::Refused { code, detail },
            ProgressError::Quiz(QuizError::BadAnswers(v)) => AppError::Invalid(
                v.into_iter()
                    .map(|(key, code)| FieldProblem::new(format!("answers.{key}"), code))
                    .collect(),
            ),
            ProgressError::Job(j) => j.into(),
            ProgressError::Db(db) => db.into(),
            ProgressError::LessonIsQuiz
            | ProgressError::LessonIsLive
            | ProgressError::LessonIsPackage
            | ProgressError::Quiz(_) => AppError::Conflict { code, detail },
        }
    }
}

impl From<MediaError> for AppError {
    fn from(e: MediaError) -> Self {
        match e {
            MediaError::TooLarge { .. } => AppError::TooLarge,
            MediaError::NotAllowed => AppError::UnsupportedType,
            MediaError::Empty => AppError::invalid("body", e.code()),
            MediaError::BadName => AppError::invalid("name", e.code()),
            MediaError::NotFound => AppError::NotFound,
            MediaError::Interrupted(cause) => AppError::BadInput(cause),
            MediaError::Storage(cause) => AppError::Internal(format!("storage: {cause}")),
            MediaError::Db(db) => db.into(),
        }
    }
}

impl From<kuza_packages::records::PackageError> for AppError {
    fn from(e: kuza_packages::records::PackageError) -> Self {
        use kuza_packages::records::PackageError;
        match e {
            PackageError::Invalid(problems) => AppError::Invalid(
                problems
                    .into_iter()
                    .map(|p| FieldProblem::new(p.at, p.code))
                    .collect(),
            ),
            PackageError::NotFound => AppError::NotFound,
            PackageError::Db(db) => db.into(),
            PackageError::Media(m) => m.into(),
        }
    }
}

impl From<CertificationError> for AppError {
    fn from(e: CertificationError) -> Self {
        match e {
            CertificationError::NotFound => AppError::NotFound,
            CertificationError::AlreadyRevoked => {
                AppError::conflict("already_revoked", "the certificate is already revoked")
            }
            CertificationError::NotIssued => {
                AppError::conflict("not_issued", "the certificate is not issued yet")
            }
            CertificationError::Invalid(code) => {
                let field = if code == "name_invalid" {
                    "name"
                } else {
                    "reason"
                };
                AppError::invalid(field, code)
            }
            CertificationError::Db(db) => db.into(),
        }
    }
}

impl From<kuza_enrollment::reports::ReportError> for AppError {
    fn from(e: kuza_enrollment::reports::ReportError) -> Self {
        use kuza_enrollment::reports::ReportError as R;
        match e {
            R::Validated => AppError::conflict(
                "report_validated",
                "the report is validated and no longer changes",
            ),
            R::NotFiled => AppError::conflict("report_not_filed", "the report has not been filed"),
            R::Invalid(p) => AppError::fields(p),
            R::Db(db) => db.into(),
        }
    }
}
