//! Live sessions through the API: a course's editors schedule them for a
//! cohort; editors and the cohort's facilitators take attendance; members
//! and staff read them and download them as iCalendar; each person has a
//! calendar feed at a secret address (`/calendar/….ics`, no sign-in, for
//! calendar apps).

use super::cohorts::cohort_for;
use super::{ApiUser, field_errors, iso, rfc3339};
use crate::calendar::{self, Entry};
use crate::errors::{ApiError, FieldError, Problem};
use crate::learning;
use crate::state::AppState;
use actix_web::{HttpResponse, web};
use kuza_db::values::Code;
use kuza_enrollment::cohorts::{self, Cohort};
use kuza_enrollment::sessions::{self, AttendanceStatus, Session, SessionInput};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/cohorts/{id}/sessions", web::get().to(list))
        .route("/cohorts/{id}/sessions", web::post().to(create))
        .route("/sessions/{id}", web::put().to(update))
        .route("/sessions/{id}/attendance", web::get().to(get_attendance))
        .route("/sessions/{id}/attendance", web::put().to(put_attendance))
        .route("/sessions/{id}/ics", web::get().to(session_ics))
        .route("/me/calendar", web::get().to(my_calendar))
        .route("/me/calendar/reset", web::post().to(reset_calendar));
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
        local_start: calendar::local_time(s.starts_at, &s.time_zone),
        venue: s.venue.clone(),
        meeting_url: s.meeting_url.clone(),
        lesson_key: s.lesson_key.clone(),
    }
}

/// The cohort, if the caller studies in it or may run it.
async fn member_or_staff(state: &AppState, caller: &ApiUser, id: i32) -> Result<Cohort, ApiError> {
    match learning::cohort_role(state, caller.user.id, caller.grants.is_admin(), id).await? {
        (c, Some(_)) => Ok(c),
        (_, None) => Err(ApiError::Forbidden),
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
    let c = member_or_staff(&state, &caller, *id).await?;
    let list: Vec<SessionView> = sessions::of_cohort(&state.db, c.id)
        .await?
        .iter()
        .map(view)
        .collect();
    Ok(HttpResponse::Ok().json(list))
}

#[derive(Deserialize, ToSchema)]
pub struct SessionRequest {
    pub title: String,
    /// RFC 3339 date-times.
    pub starts_at: String,
    pub ends_at: String,
    /// IANA time zone where it takes place, e.g. `Africa/Nairobi`.
    pub time_zone: String,
    /// A place (face-to-face), a meeting link (https), or both.
    pub venue: Option<String>,
    pub meeting_url: Option<String>,
    /// The key of the course's live-session lesson this session stands
    /// for: being present completes it.
    pub lesson_key: Option<String>,
}

async fn input_of(
    state: &AppState,
    cohort: &Cohort,
    r: SessionRequest,
) -> Result<SessionInput, ApiError> {
    let mut bad = vec![];
    let starts_at = rfc3339("starts_at", &r.starts_at, &mut bad);
    let ends_at = rfc3339("ends_at", &r.ends_at, &mut bad);
    let input = SessionInput {
        title: r.title,
        starts_at,
        ends_at,
        time_zone: r.time_zone,
        venue: r.venue,
        meeting_url: r.meeting_url,
        lesson_key: r.lesson_key,
    };
    if bad.is_empty() {
        let live = learning::live_lessons(state, cohort.course_id).await;
        bad.extend(input.problems(&live));
    }
    if bad.is_empty() {
        Ok(input)
    } else {
        Err(ApiError::Invalid(field_errors(bad)))
    }
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
    let c = cohort_for(&state, caller.user.id, caller.grants.is_admin(), *id, false).await?;
    let input = input_of(&state, &c, body.into_inner()).await?;
    let s = sessions::create(&state.db, c.id, &input).await?;
    Ok(HttpResponse::Created().json(view(&s)))
}

/// The session, with its cohort, if the caller may run it (facilitators
/// included with `facilitators`).
async fn staff_session(
    state: &AppState,
    caller: &ApiUser,
    id: i32,
    facilitators: bool,
) -> Result<(Session, Cohort), ApiError> {
    let s = sessions::get(&state.db, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let c = cohort_for(
        state,
        caller.user.id,
        caller.grants.is_admin(),
        s.cohort_id,
        facilitators,
    )
    .await?;
    Ok((s, c))
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
    let (s, c) = staff_session(&state, &caller, *id, false).await?;
    let input = input_of(&state, &c, body.into_inner()).await?;
    sessions::update(&state.db, &s, &input).await?;
    let s = sessions::get(&state.db, s.id)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(HttpResponse::Ok().json(view(&s)))
}

#[derive(Serialize, Deserialize, ToSchema)]
pub struct AttendanceRecord {
    pub enrollment_id: i32,
    /// present, absent or excused.
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
    let (s, c) = staff_session(&state, &caller, *id, true).await?;
    let taken = sessions::attendance_of(&state.db, s.id).await?;
    let lines: Vec<AttendanceLine> = cohorts::roster(&state.db, c.id)
        .await?
        .into_iter()
        .filter(|m| kuza_enrollment::studies(&m.enrollment))
        .map(|m| AttendanceLine {
            status: taken
                .iter()
                .find(|a| a.enrollment_id == m.enrollment.id)
                .map(|a| a.status.code()),
            enrollment_id: m.enrollment.id,
            name: m.name,
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
    let (s, _) = staff_session(&state, &caller, *id, true).await?;
    let records = body.into_inner().records;
    let bad: Vec<FieldError> = records
        .iter()
        .enumerate()
        .filter(|(_, r)| AttendanceStatus::parse(&r.status).is_none())
        .map(|(i, _)| FieldError {
            field: format!("records[{i}].status"),
            code: "unknown_value".into(),
        })
        .collect();
    if !bad.is_empty() {
        return Err(ApiError::Invalid(bad));
    }
    let pairs: Vec<(i32, AttendanceStatus)> = records
        .into_iter()
        .filter_map(|r| Some((r.enrollment_id, AttendanceStatus::parse(&r.status)?)))
        .collect();
    let completed = match learning::take_attendance(&state, &s, &pairs, caller.user.id).await {
        Err(learning::LearningError::Progress(kuza_progress::ProgressError::NotEnrolled)) => {
            return Err(ApiError::Invalid(vec![FieldError {
                field: "records".into(),
                code: "not_in_cohort".into(),
            }]));
        }
        other => other?,
    };
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
    let s = sessions::get(&state.db, *id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let c = member_or_staff(&state, &caller, s.cohort_id).await?;
    let course = learning::course_row(&state, c.course_id).await?;
    let lang = kuza_i18n::Language::parse(&caller.user.language).unwrap_or(kuza_i18n::Language::En);
    let title = learning::text_in(
        &kuza_courses::draft::translated(&course.title),
        lang,
        &course.default_language,
    );
    let entry = Entry {
        session: &s,
        course: title,
        cohort: c.name.clone(),
        link: state.link(&format!("/courses/{}", course.slug)),
    };
    Ok(calendar::response(
        &format!("session-{}", s.id),
        calendar::ics(&state.settings.site_name, &calendar::host(&state), &[entry]),
    ))
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
    let path = calendar::feed_path(&state.db, &state, caller.user.id, false).await?;
    Ok(HttpResponse::Ok().json(CalendarFeed {
        url: state.link(&path),
    }))
}

/// A new feed address; the old one stops working.
#[utoipa::path(post, path = "/api/v1/me/calendar/reset", tag = "sessions", security(("bearer" = [])),
    responses((status = 200, body = CalendarFeed), (status = 401, body = Problem)))]
pub async fn reset_calendar(
    state: web::Data<AppState>,
    caller: ApiUser,
) -> Result<HttpResponse, ApiError> {
    let path = calendar::feed_path(&state.db, &state, caller.user.id, true).await?;
    Ok(HttpResponse::Ok().json(CalendarFeed {
        url: state.link(&path),
    }))
}

/// `/calendar/{user id}-{signature}.ics`: the person's sessions, for
/// calendar apps (no sign-in; the address is the secret).
pub async fn feed(
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let token = token.strip_suffix(".ics").ok_or(ApiError::NotFound)?;
    let user_id = calendar::feed_owner(&state.db, &state, token)
        .await?
        .ok_or(ApiError::NotFound)?;
    let user = kuza_accounts::users::get(&state.db, user_id)
        .await
        .map_err(|_| ApiError::NotFound)?;
    let rows = learning::calendar_of(&state, &user).await?;
    let entries: Vec<Entry<'_>> = rows
        .iter()
        .map(|(s, course, cohort, link)| Entry {
            session: s,
            course: course.clone(),
            cohort: cohort.clone(),
            link: link.clone(),
        })
        .collect();
    Ok(calendar::response(
        "kuza",
        calendar::ics(&state.settings.site_name, &calendar::host(&state), &entries),
    ))
}
