//! Learning through the API: enrolments, lesson completion, quiz attempts,
//! and the course's enrolment settings.
//!
//! Lessons and quizzes are named by their key (`key` in the published
//! course document), which stays the same across versions.

use super::{ApiUser, iso};
use crate::errors::{ApiError, Problem};
use crate::http::content_length;
use crate::pagination::{Page, PageQuery};
use crate::routes::{Access, Table, doc};
use crate::state::AppState;
use actix_web::http::Method;
use actix_web::{HttpRequest, HttpResponse, web};
use kuza_app::published::Published;
use kuza_app::{AppError, bulk, cohorts, grading, learning};
use kuza_courses::Translated;
use kuza_db::values::Code;
use kuza_enrollment::{Enrollment, Settings, SettingsInput};
use kuza_progress::quiz::{self, Attempt, Outcome};
use kuza_progress::{ModuleProgress, Progress};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::ToSchema;

pub fn routes(t: &mut Table) {
    t.api(
        Method::POST,
        "/api/v1/courses/{id}/enrollments",
        Access::SignedIn,
        enrol,
        doc::<__path_enrol>,
    );
    t.api(
        Method::POST,
        "/api/v1/courses/{id}/enrollments/bulk",
        Access::EnrolOthers,
        bulk_enrol,
        doc::<__path_bulk_enrol>,
    );
    t.api(
        Method::GET,
        "/api/v1/courses/{id}/partners",
        Access::CourseEditor,
        list_partners,
        doc::<__path_list_partners>,
    );
    t.api(
        Method::PUT,
        "/api/v1/courses/{id}/partners/{organisation}",
        Access::CourseEditor,
        grant_partner,
        doc::<__path_grant_partner>,
    );
    t.api(
        Method::DELETE,
        "/api/v1/courses/{id}/partners/{organisation}",
        Access::CourseEditor,
        withdraw_partner,
        doc::<__path_withdraw_partner>,
    );
    t.api(
        Method::GET,
        "/api/v1/courses/{id}/enrolment",
        Access::CourseEditor,
        get_settings,
        doc::<__path_get_settings>,
    );
    t.api(
        Method::PUT,
        "/api/v1/courses/{id}/enrolment",
        Access::CourseEditor,
        put_settings,
        doc::<__path_put_settings>,
    );
    t.api(
        Method::GET,
        "/api/v1/me/enrollments",
        Access::SignedIn,
        my_enrollments,
        doc::<__path_my_enrollments>,
    );
    t.api(
        Method::GET,
        "/api/v1/enrollments/{id}",
        Access::OwnOrAdmin,
        get_enrollment,
        doc::<__path_get_enrollment>,
    );
    t.api(
        Method::POST,
        "/api/v1/enrollments/{id}/withdraw",
        Access::Own,
        withdraw,
        doc::<__path_withdraw>,
    );
    t.api(
        Method::POST,
        "/api/v1/lessons/{key}/complete",
        Access::Enrolled,
        complete_lesson,
        doc::<__path_complete_lesson>,
    );
    t.api(
        Method::POST,
        "/api/v1/quizzes/{key}/attempts",
        Access::Enrolled,
        start_attempt,
        doc::<__path_start_attempt>,
    );
    t.api(
        Method::GET,
        "/api/v1/attempts/{id}",
        Access::Own,
        get_attempt,
        doc::<__path_get_attempt>,
    );
    t.api(
        Method::POST,
        "/api/v1/attempts/{id}/submit",
        Access::Own,
        submit_attempt,
        doc::<__path_submit_attempt>,
    );
    t.api(
        Method::POST,
        "/api/v1/attempts/{id}/grade",
        Access::Grader,
        grade_attempt,
        doc::<__path_grade_attempt>,
    );
    t.api(
        Method::GET,
        "/api/v1/grading",
        Access::SignedIn,
        pending_grading,
        doc::<__path_pending_grading>,
    );
}

#[derive(Serialize, ToSchema)]
pub struct ProgressView {
    /// Lessons that count (the required ones, or all when none is) done,
    /// and in all.
    pub done: usize,
    pub total: usize,
    pub percent: u8,
    #[schema(value_type = Vec<Object>)]
    pub modules: Vec<ModuleProgress>,
    /// The lesson to resume at; absent when every lesson is done.
    pub next_lesson: Option<String>,
}

impl From<Progress> for ProgressView {
    fn from(p: Progress) -> Self {
        ProgressView {
            done: p.done,
            total: p.total,
            percent: p.percent,
            modules: p.modules,
            next_lesson: p.next,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct EnrollmentView {
    pub id: i32,
    pub course_id: i32,
    pub course_slug: String,
    /// Per language code.
    #[schema(value_type = Object)]
    pub course_title: Translated,
    /// active, completed, withdrawn, removed, waitlisted, or offered (a
    /// place from the waitlist, to confirm by `offer_expires_at`).
    pub status: String,
    pub cohort_id: Option<i32>,
    pub offer_expires_at: Option<String>,
    pub enrolled_at: String,
    pub completed_at: Option<String>,
    /// Absent for an archived course.
    pub progress: Option<ProgressView>,
}

pub(crate) fn view(
    e: &Enrollment,
    slug: &str,
    title: &Translated,
    progress: Option<Progress>,
) -> EnrollmentView {
    EnrollmentView {
        id: e.id,
        course_id: e.course_id,
        course_slug: slug.to_owned(),
        course_title: title.clone(),
        status: e.status.code(),
        cohort_id: e.cohort_id,
        offer_expires_at: e.offer_expires_at.map(iso),
        enrolled_at: iso(e.enrolled_at),
        completed_at: e.completed_at.map(iso),
        progress: progress.map(ProgressView::from),
    }
}

#[derive(Deserialize, ToSchema)]
pub struct EnrolRequest {
    /// The course's enrolment key, when it has one (self-paced courses).
    pub key: Option<String>,
    /// The cohort to join (every course but self-paced ones).
    pub cohort_id: Option<i32>,
    /// Answers to the course's screening questions, in their order, when
    /// it takes applications.
    pub answers: Option<Vec<String>>,
}

/// Enrols the caller (201): in a self-paced course directly, in a cohort of
/// any other course (`cohort_id`; `status` is `waitlisted` when it is
/// full). Already in the course: their enrolment as it is (200). A body is
/// only needed for a key or a cohort.
#[utoipa::path(post, path = "/api/v1/courses/{id}/enrollments", tag = "learning", security(("bearer" = [])),
    request_body(content = Option<EnrolRequest>),
    responses((status = 201, body = EnrollmentView), (status = 200, description = "Already enrolled", body = EnrollmentView),
        (status = 403, description = "`enrolment_key_required`, `enrolment_key_wrong`", body = Problem),
        (status = 404, description = "Unknown or never published", body = Problem),
        (status = 409, description = "`course_archived`, `enrolment_closed`, `course_full`, `enrolment_needs_cohort`, `cohort_closed`", body = Problem),
        (status = 413, body = Problem)))]
pub async fn enrol(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    // An optional body: read here (not by the `Bytes` extractor) so that one
    // over the limit is a 413 problem like every other.
    let body = match payload.to_bytes_limited(super::JSON_LIMIT).await {
        Ok(read) => read.map_err(|e| AppError::BadInput(e.to_string()))?,
        Err(_) => return Err(AppError::TooLarge.into()),
    };
    let req: EnrolRequest = if body.iter().all(u8::is_ascii_whitespace) {
        EnrolRequest {
            key: None,
            cohort_id: None,
            answers: None,
        }
    } else {
        serde_json::from_slice(&body).map_err(|e| AppError::BadInput(e.to_string()))?
    };
    let p = learning::published_by_id(&state.app, *id).await?;
    let done = learning::enrol(
        &state.app,
        &caller.0,
        &p,
        req.key.as_deref(),
        req.answers.as_deref(),
        req.cohort_id,
    )
    .await?;
    let progress = learning::progress(&state.app, &p, &done.enrollment).await?;
    let v = view(
        &done.enrollment,
        &p.0.slug,
        &p.1.document.title,
        Some(progress),
    );
    Ok(if done.new {
        HttpResponse::Created().json(v)
    } else {
        HttpResponse::Ok().json(v)
    })
}

/// The caller's courses (withdrawn ones left out), newest enrolment first,
/// each with its progress.
#[utoipa::path(get, path = "/api/v1/me/enrollments", tag = "learning", security(("bearer" = [])), params(PageQuery),
    responses((status = 200, body = Page<EnrollmentView>), (status = 401, body = Problem)))]
pub async fn my_enrollments(
    state: web::Data<AppState>,
    caller: ApiUser,
    q: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let (page, per_page) = q.page_and_size()?;
    let all = learning::dashboard(&state.app, &caller.0).await?;
    Ok(HttpResponse::Ok().json(Page::of(all, page, per_page, |x| {
        view(&x.enrollment, &x.slug, &x.title, x.progress)
    })))
}

#[derive(Serialize, ToSchema)]
pub struct EventView {
    pub status: String,
    /// Who made the change; absent when the platform did.
    pub actor_id: Option<i32>,
    pub message: Option<String>,
    pub at: String,
}

#[derive(Serialize, ToSchema)]
pub struct EnrollmentDetail {
    #[serde(flatten)]
    pub enrollment: EnrollmentView,
    /// Every change, oldest first.
    pub history: Vec<EventView>,
}

/// One of the caller's enrolments, with its history (administrators may
/// read anyone's).
#[utoipa::path(get, path = "/api/v1/enrollments/{id}", tag = "learning", security(("bearer" = [])),
    responses((status = 200, body = EnrollmentDetail), (status = 404, body = Problem)))]
pub async fn get_enrollment(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
) -> Result<HttpResponse, ApiError> {
    let d = learning::enrollment_detail(&state.app, &caller.0, *id).await?;
    let history = d
        .history
        .into_iter()
        .map(|ev| EventView {
            status: ev.status.code(),
            actor_id: ev.actor_id,
            message: ev.message,
            at: iso(ev.created_at),
        })
        .collect();
    Ok(HttpResponse::Ok().json(EnrollmentDetail {
        enrollment: view(&d.enrollment, &d.slug, &d.title, d.progress),
        history,
    }))
}

/// The caller leaves a course (their progress is kept should they return).
#[utoipa::path(post, path = "/api/v1/enrollments/{id}/withdraw", tag = "learning", security(("bearer" = [])),
    responses((status = 204), (status = 404, body = Problem), (status = 409, description = "`enrollment_completed`", body = Problem)))]
pub async fn withdraw(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
) -> Result<HttpResponse, ApiError> {
    learning::withdraw_enrollment(&state.app, &caller.0, *id).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Serialize, ToSchema)]
pub struct StepView {
    pub lesson: String,
    /// False when the lesson was already complete.
    pub newly_completed: bool,
    /// True when this completed the course.
    pub course_completed: bool,
    pub progress: ProgressView,
}

/// Marks a text, video or download lesson complete for the caller (quizzes
/// are completed by passing them).
#[utoipa::path(post, path = "/api/v1/lessons/{key}/complete", tag = "learning", security(("bearer" = [])),
    params(("key" = String, Path, description = "The lesson's key")),
    responses((status = 200, body = StepView), (status = 403, description = "`not_enrolled`", body = Problem), (status = 404, body = Problem),
        (status = 409, description = "`lesson_is_quiz`, `lesson_is_live`", body = Problem)))]
pub async fn complete_lesson(
    state: web::Data<AppState>,
    caller: ApiUser,
    key: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let p = learning::published_by_lesson(&state.app, &key).await?;
    let (step, progress) = learning::complete_lesson(&state.app, &caller.0, &p, &key).await?;
    Ok(HttpResponse::Ok().json(StepView {
        lesson: key.into_inner(),
        newly_completed: step.newly,
        course_completed: step.course_completed,
        progress: progress.into(),
    }))
}

#[derive(Serialize, ToSchema)]
pub struct OptionView {
    pub key: String,
    #[schema(value_type = Object)]
    pub text: Translated,
}

#[derive(Serialize, ToSchema)]
pub struct QuestionView {
    pub key: String,
    /// single, multiple, true_false, numeric or short_text.
    pub kind: &'static str,
    pub points: u32,
    #[schema(value_type = Object)]
    pub prompt: Translated,
    pub options: Vec<OptionView>,
}

#[derive(Serialize, ToSchema)]
pub struct ResultView {
    pub question: String,
    /// correct, incorrect, unanswered, or pending (a facilitator grades it).
    pub outcome: String,
    pub points: u32,
    pub max: u32,
    /// The question's feedback and that of the options chosen, per language.
    #[schema(value_type = Vec<Object>)]
    pub feedback: Vec<Translated>,
}

#[derive(Serialize, ToSchema)]
pub struct AttemptView {
    pub id: i32,
    pub lesson: String,
    pub number: i32,
    pub started_at: String,
    /// When the quiz has a time limit.
    pub deadline: Option<String>,
    pub submitted_at: Option<String>,
    /// open, submitted, or expired (not submitted in time).
    #[schema(value_type = String)]
    pub status: learning::AttemptStatus,
    /// Absent until graded (and while a facilitator's grading is awaited).
    pub points: Option<i32>,
    pub max_points: i32,
    pub passed: Option<bool>,
    pub needs_grading: bool,
    pub pass_mark: u8,
    /// While open: the questions, in this attempt's order, without answers.
    pub questions: Vec<QuestionView>,
    /// Once submitted: each question's outcome and feedback.
    pub results: Vec<ResultView>,
}

fn attempt_view(a: &Attempt, p: &Published) -> AttemptView {
    let q =
        kuza_progress::lesson(&p.1.document, &a.lesson_key).and_then(|l| l.content.quiz.as_ref());
    let status = learning::status_of(a);
    let questions = match (status, q) {
        (learning::AttemptStatus::Open, Some(q)) => quiz::arranged(q, a.seed)
            .into_iter()
            .map(|(q, options)| QuestionView {
                key: q.key.clone(),
                kind: q.answer.kind(),
                points: q.points,
                prompt: q.prompt.clone(),
                options: options
                    .into_iter()
                    .map(|o| OptionView {
                        key: o.key.clone(),
                        text: o.text.clone(),
                    })
                    .collect(),
            })
            .collect(),
        _ => vec![],
    };
    let (given, results) = quiz::stored(a);
    let results = results
        .into_iter()
        .map(|r| ResultView {
            feedback: q
                .map(|q| learning::feedback_for(q, &r.key, &given))
                .unwrap_or_default(),
            outcome: match r.outcome {
                Outcome::Correct => "correct",
                Outcome::Incorrect => "incorrect",
                Outcome::Unanswered => "unanswered",
                Outcome::Pending => "pending",
            }
            .into(),
            question: r.key,
            points: r.points,
            max: r.max,
        })
        .collect();
    AttemptView {
        id: a.id,
        lesson: a.lesson_key.clone(),
        number: a.number,
        started_at: iso(a.started_at),
        deadline: a.deadline.map(iso),
        submitted_at: a.submitted_at.map(iso),
        status,
        points: a.points,
        max_points: a.max_points,
        passed: a.passed,
        needs_grading: a.needs_grading,
        pass_mark: q.map_or(0, |q| q.pass_mark),
        questions,
        results,
    }
}

/// Starts an attempt at a quiz lesson (201), or returns the caller's
/// attempt that is still open (200).
#[utoipa::path(post, path = "/api/v1/quizzes/{key}/attempts", tag = "learning", security(("bearer" = [])),
    params(("key" = String, Path, description = "The quiz lesson's key")),
    responses((status = 201, body = AttemptView), (status = 200, description = "An open attempt, resumed", body = AttemptView),
        (status = 403, description = "`not_enrolled`", body = Problem), (status = 404, body = Problem),
        (status = 409, description = "`attempts_exhausted`, `lesson_not_a_quiz`", body = Problem)))]
pub async fn start_attempt(
    state: web::Data<AppState>,
    caller: ApiUser,
    key: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let p = learning::published_by_lesson(&state.app, &key).await?;
    let (a, resumed) = learning::start_attempt(&state.app, &caller.0, &p, &key).await?;
    let v = attempt_view(&a, &p);
    Ok(if resumed {
        HttpResponse::Ok().json(v)
    } else {
        HttpResponse::Created().json(v)
    })
}

/// One of the caller's attempts: its questions while open, its results once
/// submitted.
#[utoipa::path(get, path = "/api/v1/attempts/{id}", tag = "learning", security(("bearer" = [])),
    responses((status = 200, body = AttemptView), (status = 404, body = Problem)))]
pub async fn get_attempt(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
) -> Result<HttpResponse, ApiError> {
    let (a, p) = learning::own_attempt(&state.app, &caller.0, *id).await?;
    Ok(HttpResponse::Ok().json(attempt_view(&a, &p)))
}

#[derive(Deserialize, ToSchema)]
pub struct SubmitRequest {
    /// Question key → the answer: an option key (single choice), a list of
    /// option keys (multiple choice), `true`/`false`, a number, or a text.
    /// Questions left out count as unanswered.
    #[schema(value_type = Object)]
    pub answers: BTreeMap<String, serde_json::Value>,
}

/// Answers as values of any JSON shape, as the form's text values.
/// Submits the answers of an open attempt: graded at once (a short text no
/// accepted answer matches may wait for a facilitator). Submitting again
/// changes nothing and returns the first result.
#[utoipa::path(post, path = "/api/v1/attempts/{id}/submit", tag = "learning", security(("bearer" = [])), request_body = SubmitRequest,
    responses((status = 200, body = AttemptView), (status = 404, body = Problem),
        (status = 409, description = "`time_over`", body = Problem),
        (status = 422, description = "`invalid_input`: answers to questions or options the quiz does not have", body = Problem)))]
pub async fn submit_attempt(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
    body: web::Json<SubmitRequest>,
) -> Result<HttpResponse, ApiError> {
    let given = super::answers_given(body.into_inner().answers)?;
    let (done, p) = learning::submit_attempt(&state.app, &caller.0, *id, &given).await?;
    Ok(HttpResponse::Ok().json(attempt_view(&done.attempt, &p)))
}

#[derive(Serialize, Deserialize, ToSchema)]
pub struct SettingsView {
    /// open, key or closed.
    #[schema(value_type = crate::api::schemas::EnrolmentModeCode)]
    pub enrolment: String,
    /// Needed when `enrolment` is `key`.
    #[schema(value_type = Option<crate::api::schemas::EnrolmentKey>)]
    pub enrolment_key: Option<String>,
    /// Most active learners at once; absent for no limit.
    #[schema(value_type = Option<crate::api::schemas::EnrolmentCap>)]
    pub enrolment_cap: Option<i32>,
    /// Which quiz attempt counts: best or last.
    #[schema(value_type = crate::api::schemas::GradePolicyCode)]
    pub grade_policy: String,
    /// Share (1–100) of its cohort's sessions a learner must attend to
    /// complete, those they were excused from left out; absent: no rule.
    #[serde(default)]
    #[schema(value_type = Option<crate::api::schemas::AttendancePercent>)]
    pub attendance_percent: Option<i32>,
    /// Asked of applicants when `enrolment` is `application`: each a map
    /// from language code to text.
    #[serde(default)]
    #[schema(value_type = crate::api::schemas::ScreeningQuestions)]
    pub screening_questions: Vec<Translated>,
    /// Final score (1–100, percent of the points of the course's quizzes)
    /// a learner needs for the certificate, which waits until then;
    /// absent: no such gate. Lowering it releases those it held.
    #[serde(default)]
    #[schema(value_type = Option<crate::api::schemas::AttendancePercent>)]
    pub certificate_min_score: Option<i32>,
    /// In cohorts, certificates wait until the cohort's end-of-training
    /// report is filed and validated (a validation releases them all).
    #[serde(default)]
    pub certificate_needs_report: bool,
}

impl From<Settings> for SettingsView {
    fn from(s: Settings) -> Self {
        SettingsView {
            enrolment: s.enrolment.code(),
            enrolment_key: s.enrolment_key,
            enrolment_cap: s.enrolment_cap,
            grade_policy: s.grade_policy.code(),
            attendance_percent: s.attendance_percent,
            screening_questions: s.screening_questions,
            certificate_min_score: s.certificate_min_score,
            certificate_needs_report: s.certificate_needs_report,
        }
    }
}

/// A course's enrolment settings (its authors and administrators).
#[utoipa::path(get, path = "/api/v1/courses/{id}/enrolment", tag = "learning", security(("bearer" = [])),
    responses((status = 200, body = SettingsView), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn get_settings(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
) -> Result<HttpResponse, ApiError> {
    let s = cohorts::settings(&state.app, caller.actor(), *id).await?;
    Ok(HttpResponse::Ok().json(SettingsView::from(s)))
}

/// Replaces a course's enrolment settings; they apply at once, without a
/// new version.
#[utoipa::path(put, path = "/api/v1/courses/{id}/enrolment", tag = "learning", security(("bearer" = [])), request_body = SettingsView,
    responses((status = 200, body = SettingsView), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn put_settings(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
    body: web::Json<SettingsView>,
) -> Result<HttpResponse, ApiError> {
    let b = body.into_inner();
    let input = SettingsInput {
        enrolment: b.enrolment,
        enrolment_key: b.enrolment_key,
        enrolment_cap: b.enrolment_cap,
        grade_policy: b.grade_policy,
        attendance_percent: b.attendance_percent,
        screening_questions: b.screening_questions,
        certificate_min_score: b.certificate_min_score,
        certificate_needs_report: b.certificate_needs_report,
    };
    let s = cohorts::save_settings(&state.app, caller.actor(), *id, input).await?;
    Ok(HttpResponse::Ok().json(SettingsView::from(s)))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct BulkQuery {
    /// The cohort to enrol into (every course but self-paced ones).
    pub cohort_id: Option<i32>,
}

#[derive(Serialize, ToSchema)]
pub struct BulkResult {
    /// Rows enrolled, waitlisted, invited or already enrolled.
    pub accepted: usize,
    pub rejected: usize,
    /// One per row, in the file's order.
    #[schema(value_type = Vec<Object>)]
    pub rows: Vec<bulk::RowResult>,
}

/// Enrols people from a CSV file (columns `email`, `name`, `country`,
/// optionally `language`; a header line first): existing accounts are
/// enrolled, new people get an account and an invitation email. Each row
/// succeeds or fails on its own; a bad file is refused whole. For
/// administrators, the course's editors, and partner coordinators (their
/// organisation's people only; the accounts made belong to it).
#[utoipa::path(post, path = "/api/v1/courses/{id}/enrollments/bulk", tag = "learning", security(("bearer" = [])), params(BulkQuery),
    request_body(content = String, content_type = "text/csv"),
    responses((status = 200, body = BulkResult), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, description = "`enrolment_needs_cohort`", body = Problem),
        (status = 413, description = "Over 2 MB", body = Problem),
        (status = 422, description = "`bad_csv`: not UTF-8, a missing or unknown column, malformed, no rows, over 5,000 rows", body = Problem)))]
pub async fn bulk_enrol(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
    q: web::Query<BulkQuery>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let file = bulk::Upload {
        body: payload,
        declared: content_length(&req),
    };
    match bulk::enrol_file(&state.app, caller.actor(), *id, q.cohort_id, file).await? {
        Ok(rows) => {
            let rejected = rows
                .iter()
                .filter(|r| r.result == bulk::Outcome::Rejected)
                .count();
            Ok(HttpResponse::Ok().json(BulkResult {
                accepted: rows.len() - rejected,
                rejected,
                rows,
            }))
        }
        Err(problems) => Err(AppError::Unprocessable {
            code: "bad_csv",
            detail: problems
                .iter()
                .map(|p| {
                    if p.at.is_empty() {
                        p.code.to_owned()
                    } else {
                        format!("{} ({})", p.code, p.at)
                    }
                })
                .collect::<Vec<_>>()
                .join(", "),
        }
        .into()),
    }
}

#[derive(Serialize, ToSchema)]
pub struct PendingAnswer {
    pub question: String,
    #[schema(value_type = Object)]
    pub prompt: Translated,
    /// What the learner wrote.
    pub answer: String,
    /// The answers the author accepted, for comparison.
    pub accepted: Vec<String>,
    pub points: u32,
}

#[derive(Serialize, ToSchema)]
pub struct PendingAttempt {
    pub attempt_id: i32,
    pub enrollment_id: i32,
    pub learner: String,
    pub course_slug: String,
    pub lesson: String,
    pub submitted_at: Option<String>,
    pub answers: Vec<PendingAnswer>,
}

impl From<&grading::Pending> for PendingAttempt {
    fn from(p: &grading::Pending) -> Self {
        PendingAttempt {
            attempt_id: p.attempt.id,
            enrollment_id: p.enrollment.id,
            learner: p.learner.clone(),
            course_slug: p.published.0.slug.clone(),
            lesson: p.attempt.lesson_key.clone(),
            submitted_at: p.attempt.submitted_at.map(iso),
            answers: p
                .answers
                .iter()
                .map(|a| PendingAnswer {
                    question: a.question.clone(),
                    prompt: a.prompt.clone(),
                    answer: a.answer.clone(),
                    accepted: a.accepted.clone(),
                    points: a.points,
                })
                .collect(),
        }
    }
}

/// Attempts with short-text answers waiting for a person, that the caller
/// may grade: as an administrator, an editor of the course, or a
/// facilitator of the learner's cohort. Oldest first, at most 200.
#[utoipa::path(get, path = "/api/v1/grading", tag = "learning", security(("bearer" = [])),
    responses((status = 200, body = Vec<PendingAttempt>), (status = 401, body = Problem)))]
pub async fn pending_grading(
    state: web::Data<AppState>,
    caller: ApiUser,
) -> Result<HttpResponse, ApiError> {
    let list = grading::pending(&state.app, &caller.0).await?;
    Ok(HttpResponse::Ok().json(list.iter().map(PendingAttempt::from).collect::<Vec<_>>()))
}

#[derive(Deserialize, ToSchema)]
pub struct GradeRequest {
    /// Question key → whether the answer is right (full points) or not.
    /// Every pending answer of the attempt, at once.
    pub decisions: BTreeMap<String, bool>,
}

/// Grades the answers of an attempt that waited for a person; a passing
/// attempt completes the quiz (and perhaps the course). Grading an attempt
/// already graded changes nothing (409 `already_graded`).
#[utoipa::path(post, path = "/api/v1/attempts/{id}/grade", tag = "learning", security(("bearer" = [])), request_body = GradeRequest,
    responses((status = 200, body = AttemptView), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, description = "`already_graded`", body = Problem),
        (status = 422, description = "`invalid_input`: a decision missing, or for an answer not waiting", body = Problem)))]
pub async fn grade_attempt(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
    body: web::Json<GradeRequest>,
) -> Result<HttpResponse, ApiError> {
    let (graded, p) = grading::grade(&state.app, &caller.0, *id, &body.decisions).await?;
    Ok(HttpResponse::Ok().json(attempt_view(&graded, &p)))
}

/// A partner organisation's places in a course.
#[derive(Serialize, ToSchema)]
pub struct PartnerPlaces {
    pub organisation_id: i32,
    pub organisation_name: String,
    /// How many of its people may hold an enrolment at once; `null`: no limit.
    pub places: Option<i32>,
    /// How many hold one now.
    pub used: u64,
    pub granted_at: String,
}

/// The partner organisations granted places in the course. Their partner
/// coordinators may enrol their people (`…/enrollments/bulk`) even when the
/// course is not open to everyone (closed, by key, by application).
#[utoipa::path(get, path = "/api/v1/courses/{id}/partners", tag = "learning", security(("bearer" = [])),
    responses((status = 200, body = Vec<PartnerPlaces>)))]
pub async fn list_partners(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
) -> Result<HttpResponse, ApiError> {
    let list = kuza_app::partners::list(&state.app, caller.actor(), *id).await?;
    Ok(HttpResponse::Ok().json(
        list.into_iter()
            .map(|(g, org)| PartnerPlaces {
                organisation_id: g.organisation_id,
                organisation_name: org.name,
                places: g.places,
                used: g.used,
                granted_at: iso(g.granted_at),
            })
            .collect::<Vec<_>>(),
    ))
}

#[derive(Deserialize, ToSchema)]
pub struct GrantRequest {
    /// 1 to 100,000; `null` or absent: no limit.
    #[schema(minimum = 1, maximum = 100_000)]
    pub places: Option<i32>,
}

/// Grants a partner organisation places in the course, or changes them.
#[utoipa::path(put, path = "/api/v1/courses/{id}/partners/{organisation}", tag = "learning", security(("bearer" = [])),
    request_body = GrantRequest,
    responses((status = 204, description = "Granted"), (status = 404, description = "No such course or organisation", body = Problem),
        (status = 422, description = "`places_invalid`", body = Problem)))]
pub async fn grant_partner(
    state: web::Data<AppState>,
    caller: ApiUser,
    path: web::Path<(i32, i32)>,
    body: web::Json<GrantRequest>,
) -> Result<HttpResponse, ApiError> {
    let (id, organisation) = path.into_inner();
    kuza_app::partners::grant(&state.app, caller.actor(), id, organisation, body.places).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Withdraws a partner organisation's places; its people already enrolled
/// stay enrolled.
#[utoipa::path(delete, path = "/api/v1/courses/{id}/partners/{organisation}", tag = "learning", security(("bearer" = [])),
    responses((status = 204, description = "Withdrawn"), (status = 404, description = "No such course, or no places granted", body = Problem)))]
pub async fn withdraw_partner(
    state: web::Data<AppState>,
    caller: ApiUser,
    path: web::Path<(i32, i32)>,
) -> Result<HttpResponse, ApiError> {
    let (id, organisation) = path.into_inner();
    kuza_app::partners::withdraw(&state.app, caller.actor(), id, organisation).await?;
    Ok(HttpResponse::NoContent().finish())
}
