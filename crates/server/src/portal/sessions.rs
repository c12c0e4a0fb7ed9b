//! Live sessions in the portal: the attendance sheet a facilitator fills
//! in on a phone (one row per learner, three choices, one button), and a
//! session's iCalendar file for its members.

use super::learning::date;
use super::{Portal, Posted};
use crate::errors::PortalError;
use crate::http::ics_download;
use crate::routes::{Access, Table};
use actix_web::http::Method;
use actix_web::{HttpResponse, web};
use kuza_app::mail::local_time;
use kuza_app::{AppError, sessions};
use kuza_db::values::Code;
use kuza_enrollment::sessions::{AttendanceStatus, Session};
use serde_json::json;
use tera::Context;

pub fn routes(t: &mut Table) {
    t.page(
        Method::GET,
        "/sessions/{id}/attendance",
        Access::CohortStaff,
        sheet,
    );
    t.page(
        Method::POST,
        "/sessions/{id}/attendance",
        Access::CohortStaff,
        save,
    );
    t.page(
        Method::GET,
        "/sessions/{id}/calendar.ics",
        Access::CohortMember,
        session_ics,
    );
}

/// What a page shows of a session.
pub(super) fn session_json(s: &Session) -> serde_json::Value {
    json!({
        "id": s.id, "title": s.title,
        "when": local_time(s.starts_at, &s.time_zone),
        "time_zone": s.time_zone, "venue": s.venue, "meeting_url": s.meeting_url,
        "ics": format!("/sessions/{}/calendar.ics", s.id),
        "attendance": format!("/sessions/{}/attendance", s.id),
        "date": date(s.starts_at),
    })
}

async fn sheet(portal: Portal, id: web::Path<i32>) -> Result<HttpResponse, PortalError> {
    let (s, k, lines) = sessions::sheet(&portal.state.app, portal.actor(), *id).await?;
    let rows: Vec<_> = lines
        .iter()
        .map(|l| json!({ "id": l.enrollment_id, "name": l.name, "status": l.status }))
        .collect();
    let mut ctx = Context::new();
    ctx.insert("session", &session_json(&s));
    ctx.insert("cohort", &k.name);
    ctx.insert("rows", &rows);
    ctx.insert("statuses", &AttendanceStatus::all());
    portal.render("attendance.html", ctx)
}

async fn save(
    posted: Posted<Vec<(String, String)>>,
    id: web::Path<i32>,
) -> Result<HttpResponse, PortalError> {
    let portal = posted.portal;
    let actor = portal.require_user()?;
    let bad = || AppError::BadInput("attendance".into());
    let mut records = vec![];
    for (k, v) in &posted.form {
        if let Some(e) = k.strip_prefix("a-") {
            let e: i32 = e.parse().map_err(|_| bad())?;
            let status = AttendanceStatus::parse(v).ok_or_else(bad)?;
            records.push((e, status));
        }
    }
    sessions::take_attendance(&portal.state.app, actor, *id, &records).await?;
    Ok(portal.redirect(&format!(
        "/sessions/{}/attendance?notice=attendance-saved",
        *id
    )))
}

async fn session_ics(portal: Portal, id: web::Path<i32>) -> Result<HttpResponse, PortalError> {
    let (s, body) = sessions::session_ics(&portal.state.app, portal.actor(), *id).await?;
    Ok(ics_download(&format!("session-{}", s.id), body))
}
