//! Live sessions in the portal: the attendance sheet a facilitator fills
//! in on a phone (one row per learner, three choices, one button), and a
//! session's iCalendar file for its members.

use super::learning::date;
use super::{Portal, Posted};
use crate::calendar::{self, Entry};
use crate::errors::PortalError;
use crate::learning::{self, CohortRole};
use actix_web::{HttpResponse, web};
use kuza_db::values::Code;
use kuza_enrollment::sessions::{self, AttendanceStatus, Session};
use serde_json::json;
use tera::Context;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/sessions/{id}/attendance", web::get().to(sheet))
        .route("/sessions/{id}/attendance", web::post().to(save))
        .route("/sessions/{id}/calendar.ics", web::get().to(session_ics));
}

/// The session and the viewer's role in its cohort (at least `least`).
async fn session_for(
    portal: &Portal,
    id: i32,
    least: CohortRole,
) -> Result<(Session, kuza_enrollment::cohorts::Cohort), PortalError> {
    let v = portal.require_user()?;
    let s = sessions::get(&portal.state.db, id)
        .await?
        .ok_or(PortalError::NotFound)?;
    match learning::cohort_role(&portal.state, v.user.id, v.grants.is_admin(), s.cohort_id).await? {
        (c, Some(role)) if role <= least => Ok((s, c)),
        _ => Err(PortalError::Forbidden),
    }
}

/// What a page shows of a session.
pub(super) fn session_json(s: &Session) -> serde_json::Value {
    json!({
        "id": s.id, "title": s.title,
        "when": calendar::local_time(s.starts_at, &s.time_zone),
        "time_zone": s.time_zone, "venue": s.venue, "meeting_url": s.meeting_url,
        "ics": format!("/sessions/{}/calendar.ics", s.id),
        "attendance": format!("/sessions/{}/attendance", s.id),
        "date": date(s.starts_at),
    })
}

async fn sheet(portal: Portal, id: web::Path<i32>) -> Result<HttpResponse, PortalError> {
    let (s, c) = session_for(&portal, *id, CohortRole::Facilitator).await?;
    let taken = sessions::attendance_of(&portal.state.db, s.id).await?;
    let rows: Vec<_> = kuza_enrollment::cohorts::roster(&portal.state.db, c.id)
        .await?
        .into_iter()
        .filter(|m| kuza_enrollment::studies(&m.enrollment))
        .map(|m| {
            let status = taken
                .iter()
                .find(|a| a.enrollment_id == m.enrollment.id)
                .map(|a| a.status);
            json!({ "id": m.enrollment.id, "name": m.name, "status": status })
        })
        .collect();
    let mut ctx = Context::new();
    ctx.insert("session", &session_json(&s));
    ctx.insert("cohort", &c.name);
    ctx.insert("rows", &rows);
    ctx.insert("statuses", &AttendanceStatus::all());
    portal.render("attendance.html", ctx)
}

async fn save(
    posted: Posted<Vec<(String, String)>>,
    id: web::Path<i32>,
) -> Result<HttpResponse, PortalError> {
    let portal = posted.portal;
    let (s, _) = session_for(&portal, *id, CohortRole::Facilitator).await?;
    let mut records = vec![];
    for (k, v) in &posted.form {
        if let Some(e) = k.strip_prefix("a-") {
            let e: i32 = e.parse().map_err(|_| PortalError::BadRequest)?;
            let status = AttendanceStatus::parse(v).ok_or(PortalError::BadRequest)?;
            records.push((e, status));
        }
    }
    let by = portal.require_user()?.user.id;
    learning::take_attendance(&portal.state, &s, &records, by).await?;
    Ok(portal.redirect(&format!(
        "/sessions/{}/attendance?notice=attendance-saved",
        s.id
    )))
}

async fn session_ics(portal: Portal, id: web::Path<i32>) -> Result<HttpResponse, PortalError> {
    let (s, c) = session_for(&portal, *id, CohortRole::Member).await?;
    let course = learning::course_row(&portal.state, c.course_id).await?;
    let title = learning::text_in(
        &kuza_courses::draft::translated(&course.title),
        portal.lang,
        &course.default_language,
    );
    let entry = Entry {
        session: &s,
        course: title,
        cohort: c.name.clone(),
        link: portal.state.link(&format!("/courses/{}", course.slug)),
    };
    Ok(calendar::response(
        &format!("session-{}", s.id),
        calendar::ics(
            &portal.state.settings.site_name,
            &calendar::host(&portal.state),
            &[entry],
        ),
    ))
}
