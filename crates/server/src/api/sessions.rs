//! Live sessions through the API: a course's editors schedule them for a
//! cohort; editors and the cohort's facilitators take attendance; members
//! and staff read them and download them as iCalendar; each person has a
//! calendar feed at a secret address (`/calendar/….ics`, no sign-in, for
//! calendar apps).

use super::{ApiUser, iso, rfc3339};
use crate::errors::{ApiError, Problem};
use crate::http::ics_download;
use crate::routes::{Access, Table, doc};
use crate::state::AppState;
use actix_web::http::Method;
use actix_web::{HttpResponse, web};
use kuza_app::mail::local_time;
use kuza_app::{AppError, FieldProblem, sessions};
use kuza_db::values::Code;
use kuza_enrollment::sessions::{AttendanceStatus, Session, SessionInput};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

pub fn routes(t: &mut Table) {
    t.api(
        Method::GET,
        "/api/v1/cohorts/{id}/sessions",
        Access::CohortMember,
        list,
        doc::<__path_list>,
    );
    t.api(
        Method::POST,
        "/api/v1/cohorts/{id}/sessions",
        Access::CohortEditor,
        create,
        doc::<__path_create>,
    );
    t.api(
        Method::PUT,
        "/api/v1/sessions/{id}",
        Access::CohortEditor,
        update,
        doc::<__path_update>,
    );
    t.api(
        Method::GET,
        "/api/v1/sessions/{id}/attendance",
        Access::CohortStaff,
        get_attendance,
        doc::<__path_get_attendance>,
    );
    t.api(
        Method::PUT,
        "/api/v1/sessions/{id}/attendance",
        Access::CohortStaff,
        put_attendance,
        doc::<__path_put_attendance>,
    );
    t.api(
        Method::GET,
        "/api/v1/sessions/{id}/ics",
        Access::CohortMember,
        session_ics,
        doc::<__path_session_ics>,
    );
    t.api(
        Method::GET,
        "/api/v1/me/calendar",
        Access::SignedIn,
        my_calendar,
        doc::<__path_my_calendar>,
    );
    t.api(
        Method::POST,
        "/api/v1/me/calendar/reset",
        Access::SignedIn,
        reset_calendar,
        doc::<__path_reset_calendar>,
    );
}

#[derive(Serialize, ToSchema)]
pub struct SessionView {
    pub id: i32,
    pub cohort_id: i32,
    pub title: String,
    pub starts_at: String,
    pub ends_at: String,
    pub time_zone: String,
    /// The start as people read it where the session takes place.
    pub local_start: String,
    pub venue: Option<String>,
    pub meeting_url: Option<String>,
    /// The course's live-session lesson it stands for.
    pub lesson_key: Option<String>,
}

pub(crate) fn view(s: &Session) -> SessionView {
    SessionView {
        id: s.id,
        cohort_id: s.cohort_id,
        title: s.title.clone(),
        starts_at: iso(s.starts_at),
        ends_at: iso(s.ends_at),
        time_zone: s.time_zone.clone(),
        local_start: local_time(s.starts_at, &s.time_zone),
        venue: s.venue.clone(),
        meeting_url: s.meeting_url.clone(),
        lesson_key: s.lesson_key.clone(),
    }
}

/// A cohort's sessions in time order (its members, facilitators, the
/// course's editors).
#[utoipa::path(get, path = "/api/v1/cohorts/{id}/sessions", tag = "sessions", security(("bearer" = [])),
    responses((status = 200, body = Vec<SessionView>), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn list(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
) -> Result<HttpResponse, ApiError> {
    let list: Vec<SessionView> = sessions::of_cohort(&state.app, caller.actor(), *id)
        .await?
        .iter()
        .map(view)
        .collect();
    Ok(HttpResponse::Ok().json(list))
}

#[derive(Deserialize, ToSchema)]
pub struct SessionRequest {
    #[schema(value_type = crate::api::schemas::SessionTitle)]
    pub title: String,
    /// RFC 3339 date-times.
    #[schema(value_type = crate::api::schemas::DateTime)]
    pub starts_at: String,
    #[schema(value_type = crate::api::schemas::DateTime)]
    pub ends_at: String,
    /// IANA time zone where it takes place, e.g. `Africa/Nairobi`.
    #[schema(value_type = crate::api::schemas::TimeZone)]
    pub time_zone: String,
    /// A place (face-to-face), a meeting link (https), or both.
    #[schema(value_type = Option<crate::api::schemas::Venue>)]
    pub venue: Option<String>,
    #[schema(value_type = Option<crate::api::schemas::MeetingUrl>)]
    pub meeting_url: Option<String>,
    /// The key of the course's live-session lesson this session stands
    /// for: being present completes it.
    pub lesson_key: Option<String>,
}

/// The request as input (its times read; the rest is checked by the use
/// case), or the times that are not ones.
fn input_of(r: SessionRequest) -> Result<SessionInput, ApiError> {
    let mut bad = vec![];
    let starts_at = rfc3339("starts_at", &r.starts_at, &mut bad);
    let ends_at = rfc3339("ends_at", &r.ends_at, &mut bad);
    if !bad.is_empty() {
        return Err(AppError::Invalid(bad).into());
    }
    Ok(SessionInput {
        title: r.title,
        starts_at,
        ends_at,
        time_zone: r.time_zone,
        venue: r.venue,
        meeting_url: r.meeting_url,
        lesson_key: r.lesson_key,
    })
}

/// Schedules a session for a cohort (the course's editors).
#[utoipa::path(post, path = "/api/v1/cohorts/{id}/sessions", tag = "sessions", security(("bearer" = [])), request_body = SessionRequest,
    responses((status = 201, body = SessionView), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn create(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
    body: web::Json<SessionRequest>,
) -> Result<HttpResponse, ApiError> {
    let input = input_of(body.into_inner())?;
    let s = sessions::create(&state.app, caller.actor(), *id, &input).await?;
    Ok(HttpResponse::Created().json(view(&s)))
}

/// Changes a session (the course's editors); a new start time is reminded
/// of again.
#[utoipa::path(put, path = "/api/v1/sessions/{id}", tag = "sessions", security(("bearer" = [])), request_body = SessionRequest,
    responses((status = 200, body = SessionView), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn update(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
    body: web::Json<SessionRequest>,
) -> Result<HttpResponse, ApiError> {
    let input = input_of(body.into_inner())?;
    let s = sessions::update(&state.app, caller.actor(), *id, &input).await?;
    Ok(HttpResponse::Ok().json(view(&s)))
}

#[derive(Serialize, Deserialize, ToSchema)]
pub struct AttendanceRecord {
    pub enrollment_id: i32,
    /// present, absent or excused.
    #[schema(value_type = crate::api::schemas::AttendanceStatusCode)]
    pub status: String,
}

#[derive(Serialize, ToSchema)]
pub struct AttendanceLine {
    pub enrollment_id: i32,
    pub name: String,
    /// Absent until taken.
    pub status: Option<String>,
}

/// The cohort's learners and what was recorded for each (editors and the
/// cohort's facilitators).
#[utoipa::path(get, path = "/api/v1/sessions/{id}/attendance", tag = "sessions", security(("bearer" = [])),
    responses((status = 200, body = Vec<AttendanceLine>), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn get_attendance(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
) -> Result<HttpResponse, ApiError> {
    let (_, _, lines) = sessions::sheet(&state.app, caller.actor(), *id).await?;
    let lines: Vec<AttendanceLine> = lines
        .into_iter()
        .map(|l| AttendanceLine {
            enrollment_id: l.enrollment_id,
            name: l.name,
            status: l.status.map(|s| s.code()),
        })
        .collect();
    Ok(HttpResponse::Ok().json(lines))
}

#[derive(Deserialize, ToSchema)]
pub struct AttendanceRequest {
    pub records: Vec<AttendanceRecord>,
}

#[derive(Serialize, ToSchema)]
pub struct AttendanceResult {
    pub recorded: usize,
    /// Learners whose course this completed (the attendance rule met).
    pub completed: usize,
}

/// Records attendance, all or nothing (editors and the cohort's
/// facilitators). Being present at a session that stands for a live lesson
/// completes that lesson; the course's attendance rule is checked.
#[utoipa::path(put, path = "/api/v1/sessions/{id}/attendance", tag = "sessions", security(("bearer" = [])), request_body = AttendanceRequest,
    responses((status = 200, body = AttendanceResult), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 422, description = "`invalid_input`: an unknown status, or someone not studying in this cohort", body = Problem)))]
pub async fn put_attendance(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
    body: web::Json<AttendanceRequest>,
) -> Result<HttpResponse, ApiError> {
    let records = body.into_inner().records;
    let bad: Vec<FieldProblem> = records
        .iter()
        .enumerate()
        .filter(|(_, r)| AttendanceStatus::parse(&r.status).is_none())
        .map(|(i, _)| FieldProblem::new(format!("records[{i}].status"), "unknown_value"))
        .collect();
    if !bad.is_empty() {
        return Err(AppError::Invalid(bad).into());
    }
    let pairs: Vec<(i32, AttendanceStatus)> = records
        .into_iter()
        .filter_map(|r| Some((r.enrollment_id, AttendanceStatus::parse(&r.status)?)))
        .collect();
    let completed = sessions::take_attendance(&state.app, &caller.0, *id, &pairs).await?;
    Ok(HttpResponse::Ok().json(AttendanceResult {
        recorded: pairs.len(),
        completed,
    }))
}

/// One session as an iCalendar file (members, facilitators, editors).
#[utoipa::path(get, path = "/api/v1/sessions/{id}/ics", tag = "sessions", security(("bearer" = [])),
    responses((status = 200, description = "An iCalendar file", content_type = "text/calendar"), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn session_ics(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
) -> Result<HttpResponse, ApiError> {
    let (s, body) = sessions::session_ics(&state.app, caller.actor(), *id).await?;
    Ok(ics_download(&format!("session-{}", s.id), body))
}

#[derive(Serialize, ToSchema)]
pub struct CalendarFeed {
    /// A secret address any calendar app can subscribe to; anyone who has
    /// it sees the caller's sessions. Reset it if it leaks.
    pub url: String,
}

/// The caller's calendar feed address (made on first use).
#[utoipa::path(get, path = "/api/v1/me/calendar", tag = "sessions", security(("bearer" = [])),
    responses((status = 200, body = CalendarFeed), (status = 401, body = Problem)))]
pub async fn my_calendar(
    state: web::Data<AppState>,
    caller: ApiUser,
) -> Result<HttpResponse, ApiError> {
    let url = sessions::feed_link(&state.app, &caller.0, false).await?;
    Ok(HttpResponse::Ok().json(CalendarFeed { url }))
}

/// A new feed address; the old one stops working.
#[utoipa::path(post, path = "/api/v1/me/calendar/reset", tag = "sessions", security(("bearer" = [])),
    responses((status = 200, body = CalendarFeed), (status = 401, body = Problem)))]
pub async fn reset_calendar(
    state: web::Data<AppState>,
    caller: ApiUser,
) -> Result<HttpResponse, ApiError> {
    let url = sessions::feed_link(&state.app, &caller.0, true).await?;
    Ok(HttpResponse::Ok().json(CalendarFeed { url }))
}

/// `/calendar/{user id}-{signature}.ics`: the person's sessions, for
/// calendar apps (no sign-in; the address is the secret).
pub async fn feed(
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let token = token.strip_suffix(".ics").ok_or(AppError::NotFound)?;
    let body = sessions::feed(&state.app, token)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(ics_download("kuza", body))
}
