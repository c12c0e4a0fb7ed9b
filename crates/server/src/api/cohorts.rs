//! Cohorts through the API: a course's editors (and administrators) create
//! and change them and remove learners; they and the cohort's facilitators
//! read its roster (JSON or CSV); anyone lists a published course's
//! cohorts; a learner confirms a place offered from the waitlist.

use super::{ApiUser, iso, rfc3339};
use crate::errors::{ApiError, Problem};
use crate::routes::{Access, Table, doc};
use crate::state::AppState;
use actix_web::http::Method;
use actix_web::{HttpResponse, web};
use kuza_app::cohorts::{self, Member, Summary};
use kuza_app::{AppError, learning};
use kuza_db::values::Code;
use kuza_enrollment::cohorts::CohortInput;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

pub fn routes(t: &mut Table) {
    t.api(
        Method::GET,
        "/api/v1/cohorts/{id}/report",
        Access::CohortStaff,
        get_report,
        doc::<__path_get_report>,
    );
    t.api(
        Method::PUT,
        "/api/v1/cohorts/{id}/report",
        Access::CohortStaff,
        put_report,
        doc::<__path_put_report>,
    );
    t.api(
        Method::POST,
        "/api/v1/cohorts/{id}/report/validate",
        Access::Admin,
        validate_report,
        doc::<__path_validate_report>,
    );
    t.api(
        Method::GET,
        "/api/v1/courses/{id}/cohorts",
        Access::Public,
        list,
        doc::<__path_list>,
    );
    t.api(
        Method::POST,
        "/api/v1/courses/{id}/cohorts",
        Access::CohortRunner,
        create,
        doc::<__path_create>,
    );
    t.api(
        Method::PUT,
        "/api/v1/cohorts/{id}",
        Access::CohortEditor,
        update,
        doc::<__path_update>,
    );
    t.api(
        Method::GET,
        "/api/v1/cohorts/{id}/roster",
        Access::CohortStaff,
        roster,
        doc::<__path_roster>,
    );
    t.api(
        Method::GET,
        "/api/v1/cohorts/{id}/roster.csv",
        Access::CohortStaff,
        roster_csv,
        doc::<__path_roster_csv>,
    );
    t.api(
        Method::POST,
        "/api/v1/enrollments/{id}/confirm",
        Access::Own,
        confirm,
        doc::<__path_confirm>,
    );
    t.api(
        Method::POST,
        "/api/v1/enrollments/{id}/remove",
        Access::CourseEditor,
        remove,
        doc::<__path_remove>,
    );
    t.api(
        Method::POST,
        "/api/v1/enrollments/{id}/accept",
        Access::CourseEditor,
        accept,
        doc::<__path_accept>,
    );
    t.api(
        Method::POST,
        "/api/v1/enrollments/{id}/decline",
        Access::CourseEditor,
        decline,
        doc::<__path_decline>,
    );
}

#[derive(Serialize, ToSchema)]
pub struct CohortView {
    pub id: i32,
    pub course_id: i32,
    pub name: String,
    pub language: String,
    pub starts_at: String,
    pub ends_at: String,
    pub opens_at: Option<String>,
    pub closes_at: Option<String>,
    pub capacity: Option<i32>,
    /// Places left; absent without a capacity.
    pub places_left: Option<i64>,
    /// Whether enrolment is open now (a full cohort still takes a waitlist).
    pub open: bool,
    pub confirm_hours: i32,
    pub facilitators: Vec<i32>,
}

fn view(s: &Summary) -> CohortView {
    let c = &s.cohort;
    CohortView {
        id: c.id,
        course_id: c.course_id,
        name: c.name.clone(),
        language: c.language.clone(),
        starts_at: iso(c.starts_at),
        ends_at: iso(c.ends_at),
        opens_at: c.opens_at.map(iso),
        closes_at: c.closes_at.map(iso),
        capacity: c.capacity,
        places_left: s.places_left(),
        open: kuza_enrollment::cohorts::open_at(c, kuza_db::now()),
        confirm_hours: c.confirm_hours,
        facilitators: s.facilitators.clone(),
    }
}

/// A published course's cohorts, soonest first (public).
#[utoipa::path(get, path = "/api/v1/courses/{id}/cohorts", tag = "cohorts",
    responses((status = 200, body = Vec<CohortView>), (status = 404, body = Problem)))]
pub async fn list(
    state: web::Data<AppState>,
    id: web::Path<i32>,
) -> Result<HttpResponse, ApiError> {
    let list = cohorts::of_published(&state.app, *id).await?;
    Ok(HttpResponse::Ok().json(list.iter().map(view).collect::<Vec<_>>()))
}

#[derive(Deserialize, ToSchema)]
pub struct CohortRequest {
    #[schema(value_type = crate::api::schemas::CohortName)]
    pub name: String,
    /// One of the course's languages.
    #[schema(value_type = kuza_courses::schema::LanguageCode)]
    pub language: String,
    /// RFC 3339 date-times.
    #[schema(value_type = crate::api::schemas::DateTime)]
    pub starts_at: String,
    #[schema(value_type = crate::api::schemas::DateTime)]
    pub ends_at: String,
    /// When enrolment opens (default: now) and closes (default: the start).
    #[schema(value_type = Option<crate::api::schemas::DateTime>)]
    pub opens_at: Option<String>,
    #[schema(value_type = Option<crate::api::schemas::DateTime>)]
    pub closes_at: Option<String>,
    /// Most participants; absent for no limit. Beyond it, a waitlist.
    #[schema(value_type = Option<crate::api::schemas::Capacity>)]
    pub capacity: Option<i32>,
    /// Hours a learner offered a freed place has to confirm (default 72).
    #[schema(value_type = Option<crate::api::schemas::ConfirmHours>)]
    pub confirm_hours: Option<i32>,
    /// User ids of its facilitators.
    #[serde(default)]
    #[schema(value_type = Vec<crate::api::schemas::Id>)]
    pub facilitators: Vec<i32>,
}

/// The request as input (its dates read; the rest is checked by the use
/// case), or the dates that are not ones.
fn input_of(r: CohortRequest) -> Result<CohortInput, ApiError> {
    let mut bad = vec![];
    let starts_at = rfc3339("starts_at", &r.starts_at, &mut bad);
    let ends_at = rfc3339("ends_at", &r.ends_at, &mut bad);
    let opens_at = r
        .opens_at
        .as_deref()
        .map(|s| rfc3339("opens_at", s, &mut bad));
    let closes_at = r
        .closes_at
        .as_deref()
        .map(|s| rfc3339("closes_at", s, &mut bad));
    if !bad.is_empty() {
        return Err(AppError::Invalid(bad).into());
    }
    Ok(CohortInput {
        name: r.name,
        language: r.language,
        starts_at,
        ends_at,
        opens_at,
        closes_at,
        capacity: r.capacity,
        confirm_hours: r.confirm_hours.unwrap_or(72),
        facilitators: r.facilitators,
    })
}

/// Creates a cohort of a course (its editors and administrators).
#[utoipa::path(post, path = "/api/v1/courses/{id}/cohorts", tag = "cohorts", security(("bearer" = [])), request_body = CohortRequest,
    responses((status = 201, body = CohortView), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn create(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
    body: web::Json<CohortRequest>,
) -> Result<HttpResponse, ApiError> {
    let input = input_of(body.into_inner())?;
    let cohort = cohorts::create(&state.app, caller.actor(), *id, &input).await?;
    Ok(HttpResponse::Created().json(view(&cohort)))
}

/// Replaces a cohort's settings; a larger capacity offers the new places to
/// the waitlist at once.
#[utoipa::path(put, path = "/api/v1/cohorts/{id}", tag = "cohorts", security(("bearer" = [])), request_body = CohortRequest,
    responses((status = 200, body = CohortView), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn update(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
    body: web::Json<CohortRequest>,
) -> Result<HttpResponse, ApiError> {
    let input = input_of(body.into_inner())?;
    let cohort = cohorts::update(&state.app, caller.actor(), *id, &input).await?;
    Ok(HttpResponse::Ok().json(view(&cohort)))
}

#[derive(Serialize, ToSchema)]
pub struct MemberView {
    pub enrollment_id: i32,
    pub user_id: i32,
    pub name: String,
    pub email: String,
    pub country: String,
    /// active, completed, offered, waitlisted, withdrawn or removed.
    pub status: String,
    pub enrolled_at: String,
    pub completed_at: Option<String>,
    pub offer_expires_at: Option<String>,
    /// Lessons that count, done; absent for those not studying.
    pub progress_percent: Option<u8>,
}

impl From<&Member> for MemberView {
    fn from(m: &Member) -> Self {
        let e = &m.enrollment;
        MemberView {
            enrollment_id: e.id,
            user_id: e.user_id,
            name: m.name.clone(),
            email: m.email.clone(),
            country: m.country.clone(),
            status: e.status.code(),
            enrolled_at: iso(e.enrolled_at),
            completed_at: e.completed_at.map(iso),
            offer_expires_at: e.offer_expires_at.map(iso),
            progress_percent: m.progress_percent,
        }
    }
}

/// Everyone in the cohort, on its waitlist or who left it, with their
/// progress (editors, administrators and the cohort's facilitators).
#[utoipa::path(get, path = "/api/v1/cohorts/{id}/roster", tag = "cohorts", security(("bearer" = [])),
    responses((status = 200, body = Vec<MemberView>), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn roster(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
) -> Result<HttpResponse, ApiError> {
    let (_, members) = cohorts::roster(&state.app, caller.actor(), *id).await?;
    Ok(HttpResponse::Ok().json(members.iter().map(MemberView::from).collect::<Vec<_>>()))
}

/// The roster as CSV (UTF-8 with a byte-order mark, for spreadsheets).
#[utoipa::path(get, path = "/api/v1/cohorts/{id}/roster.csv", tag = "cohorts", security(("bearer" = [])),
    responses((status = 200, description = "name, email, country, status, enrolled_at, completed_at, progress_percent", content_type = "text/csv"), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn roster_csv(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
) -> Result<HttpResponse, ApiError> {
    let (k, members) = cohorts::roster(&state.app, caller.actor(), *id).await?;
    Ok(crate::http::csv_download(
        &format!("cohort-{}-roster", k.id),
        cohorts::roster_csv(&members),
    ))
}

/// The caller takes the place offered to them from the waitlist, before
/// its deadline.
#[utoipa::path(post, path = "/api/v1/enrollments/{id}/confirm", tag = "cohorts", security(("bearer" = [])),
    responses((status = 200, description = "The enrolment, now active", body = Object), (status = 404, body = Problem), (status = 409, description = "`no_offer`: none, or its deadline passed", body = Problem)))]
pub async fn confirm(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
) -> Result<HttpResponse, ApiError> {
    let e = learning::confirm(&state.app, &caller.0, *id).await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({ "id": e.id, "status": e.status })))
}

#[derive(Deserialize, ToSchema)]
pub struct RemoveRequest {
    /// Kept in the enrolment's history.
    pub message: Option<String>,
}

/// Takes a learner out of a course or its waitlist (the course's editors
/// and administrators); a freed place goes to the next on the waitlist.
#[utoipa::path(post, path = "/api/v1/enrollments/{id}/remove", tag = "cohorts", security(("bearer" = [])), request_body = RemoveRequest,
    responses((status = 204), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, description = "`enrollment_completed`", body = Problem)))]
pub async fn remove(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
    body: web::Json<RemoveRequest>,
) -> Result<HttpResponse, ApiError> {
    cohorts::remove(&state.app, &caller.0, *id, body.message.as_deref()).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Deserialize, ToSchema)]
pub struct DecisionRequest {
    /// Emailed to the applicant and kept in the enrolment's history.
    pub message: Option<String>,
}

async fn decide(
    state: &AppState,
    caller: &ApiUser,
    id: i32,
    accept: bool,
    message: Option<&str>,
) -> Result<HttpResponse, ApiError> {
    let e = cohorts::decide(&state.app, &caller.0, id, accept, message).await?;
    Ok(HttpResponse::Ok().json(serde_json::json!({ "id": e.id, "status": e.status })))
}

/// Accepts an application (the course's editors and administrators): a
/// place, or the cohort's waitlist when it is full. The applicant is
/// emailed, with the message.
#[utoipa::path(post, path = "/api/v1/enrollments/{id}/accept", tag = "cohorts", security(("bearer" = [])), request_body = DecisionRequest,
    responses((status = 200, description = "`status`: active or waitlisted", body = Object), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, description = "`not_an_application`, `course_full`", body = Problem)))]
pub async fn accept(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
    body: web::Json<DecisionRequest>,
) -> Result<HttpResponse, ApiError> {
    decide(&state, &caller, *id, true, body.message.as_deref()).await
}

/// Declines an application, with a message emailed to the applicant.
#[utoipa::path(post, path = "/api/v1/enrollments/{id}/decline", tag = "cohorts", security(("bearer" = [])), request_body = DecisionRequest,
    responses((status = 200, body = Object), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, description = "`not_an_application`", body = Problem)))]
pub async fn decline(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
    body: web::Json<DecisionRequest>,
) -> Result<HttpResponse, ApiError> {
    decide(&state, &caller, *id, false, body.message.as_deref()).await
}

/// A cohort's end-of-training report.
#[derive(Serialize, ToSchema)]
pub struct ReportView {
    pub starts_at: String,
    pub ends_at: String,
    pub facilitators: String,
    pub participants: i32,
    pub attendance: String,
    pub outcomes: String,
    pub remarks: String,
    pub filed_at: String,
    /// Absent until an administrator validates it; from then it no longer changes.
    pub validated_at: Option<String>,
}

impl From<&kuza_enrollment::reports::Report> for ReportView {
    fn from(r: &kuza_enrollment::reports::Report) -> Self {
        ReportView {
            starts_at: iso(r.starts_at),
            ends_at: iso(r.ends_at),
            facilitators: r.facilitators.clone(),
            participants: r.participants,
            attendance: r.attendance.clone(),
            outcomes: r.outcomes.clone(),
            remarks: r.remarks.clone(),
            filed_at: iso(r.filed_at),
            validated_at: r.validated_at.map(iso),
        }
    }
}

/// A certificate the cohort holds, and why.
#[derive(Serialize, ToSchema)]
pub struct HeldCertificate {
    pub name: String,
    pub enrollment_id: i32,
    /// `email_unconfirmed`, `score_below_minimum` or `report_pending`.
    #[schema(value_type = String)]
    pub reason: Option<kuza_certification::HeldReason>,
}

#[derive(Serialize, ToSchema)]
pub struct ReportState {
    /// Absent until it is filed.
    pub report: Option<ReportView>,
    pub held: Vec<HeldCertificate>,
}

fn report_state(page: &cohorts::ReportPage) -> ReportState {
    ReportState {
        report: page.report.as_ref().map(ReportView::from),
        held: page
            .held
            .iter()
            .map(|c| HeldCertificate {
                name: c.learner_name.clone(),
                enrollment_id: c.enrollment_id,
                reason: c.held_reason,
            })
            .collect(),
    }
}

/// The cohort's end-of-training report and the certificates the cohort
/// holds, with why (its editors and facilitators, administrators).
#[utoipa::path(get, path = "/api/v1/cohorts/{id}/report", tag = "cohorts", security(("bearer" = [])),
    responses((status = 200, body = ReportState), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn get_report(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
) -> Result<HttpResponse, ApiError> {
    let page = cohorts::report(&state.app, caller.actor(), *id).await?;
    Ok(HttpResponse::Ok().json(report_state(&page)))
}

#[derive(Deserialize, ToSchema)]
pub struct ReportBody {
    pub starts_at: String,
    pub ends_at: String,
    /// Who facilitated (at most 1,000 characters).
    pub facilitators: String,
    /// How many took part (0 to 100,000).
    pub participants: i32,
    /// The attendance summary (at most 5,000 characters).
    pub attendance: String,
    /// The outcomes (at most 5,000 characters).
    pub outcomes: String,
    #[serde(default)]
    pub remarks: String,
}

/// Files the cohort's end-of-training report, or files it again until it
/// is validated.
#[utoipa::path(put, path = "/api/v1/cohorts/{id}/report", tag = "cohorts", security(("bearer" = [])), request_body = ReportBody,
    responses((status = 200, body = ReportView), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, description = "`report_validated`: it no longer changes", body = Problem), (status = 422, body = Problem)))]
pub async fn put_report(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
    body: web::Json<ReportBody>,
) -> Result<HttpResponse, ApiError> {
    let mut bad = vec![];
    let input = kuza_enrollment::reports::ReportInput {
        starts_at: rfc3339("starts_at", &body.starts_at, &mut bad),
        ends_at: rfc3339("ends_at", &body.ends_at, &mut bad),
        facilitators: body.facilitators.clone(),
        participants: body.participants,
        attendance: body.attendance.clone(),
        outcomes: body.outcomes.clone(),
        remarks: body.remarks.clone(),
    };
    if !bad.is_empty() {
        return Err(AppError::Invalid(bad).into());
    }
    let r = cohorts::file_report(&state.app, caller.actor(), *id, &input).await?;
    Ok(HttpResponse::Ok().json(ReportView::from(&r)))
}

#[derive(Serialize, ToSchema)]
pub struct Validated {
    pub report: ReportView,
    /// Certificates given by this validation.
    pub certificates_released: usize,
}

/// Validates the cohort's filed report (administrators): the certificates
/// it held are given at once.
#[utoipa::path(post, path = "/api/v1/cohorts/{id}/report/validate", tag = "cohorts", security(("bearer" = [])),
    responses((status = 200, body = Validated), (status = 404, body = Problem),
        (status = 409, description = "`report_not_filed`", body = Problem)))]
pub async fn validate_report(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
) -> Result<HttpResponse, ApiError> {
    let (r, given) = cohorts::validate_report(&state.app, &caller.0, *id).await?;
    Ok(HttpResponse::Ok().json(Validated {
        report: ReportView::from(&r),
        certificates_released: given,
    }))
}
