//! Live sessions in calendars: an iCalendar file per session, a personal
//! feed per person at a secret address, and a session's time as people
//! read it where it takes place.
//!
//! The feed's address is `/calendar/{user id}-{signature}.ics`: the
//! signature is an HMAC of the user id and a random key kept in
//! `calendar_keys`, with the server's secret. A database copy alone does
//! not reveal anyone's address, and a new key (reset) makes the old one
//! stop working.

use crate::state::AppState;
use hmac::{Hmac, Mac};
use icalendar::{Calendar, Component, Event, EventLike};
use kuza_db::entities::calendar_key;
use kuza_enrollment::sessions::{Session, zone};
use rand::Rng;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, ConnectionTrait, DbErr, EntityTrait};
use sha2::Sha256;
use subtle::ConstantTimeEq;

/// The site's host name, for event UIDs.
pub fn host(state: &AppState) -> String {
    state
        .settings
        .base_url
        .split("://")
        .nth(1)
        .unwrap_or("kuza")
        .trim_end_matches('/')
        .to_owned()
}

/// An iCalendar download, never cached by shared caches.
pub fn response(name: &str, body: String) -> actix_web::HttpResponse {
    actix_web::HttpResponse::Ok()
        .content_type("text/calendar; charset=utf-8")
        .insert_header((
            "Content-Disposition",
            format!("attachment; filename=\"{name}.ics\""),
        ))
        .insert_header(("Cache-Control", "private, no-cache"))
        .body(body)
}

/// `2026-11-24 14:00 (UTC+03:00)` in the session's own time zone.
pub fn local_time(ts: i64, time_zone: &str) -> String {
    let utc = chrono::DateTime::from_timestamp(ts, 0).unwrap_or_default();
    match zone(time_zone) {
        Some(tz) => utc
            .with_timezone(&tz)
            .format("%Y-%m-%d %H:%M (UTC%:z)")
            .to_string(),
        None => utc.format("%Y-%m-%d %H:%M (UTC)").to_string(),
    }
}

/// One session as a calendar event.
pub struct Entry<'a> {
    pub session: &'a Session,
    pub course: String,
    pub cohort: String,
    /// The course page (absolute).
    pub link: String,
}

/// An iCalendar document of `entries` (times in UTC; every calendar shows
/// them in its own zone).
pub fn ics(name: &str, host: &str, entries: &[Entry<'_>]) -> String {
    let mut cal = Calendar::new();
    cal.name(name);
    for e in entries {
        let s = e.session;
        let mut ev = Event::new();
        ev.uid(&format!("session-{}@{host}", s.id))
            .summary(&format!("{} · {}", s.title, e.course))
            .starts(chrono::DateTime::from_timestamp(s.starts_at, 0).unwrap_or_default())
            .ends(chrono::DateTime::from_timestamp(s.ends_at, 0).unwrap_or_default())
            .timestamp(chrono::DateTime::from_timestamp(s.updated_at, 0).unwrap_or_default());
        let mut description = format!("{} ({})\n{}", e.course, e.cohort, e.link);
        if let Some(url) = &s.meeting_url {
            ev.url(url);
            description.push('\n');
            description.push_str(url);
        }
        match (&s.venue, &s.meeting_url) {
            (Some(v), _) => ev.location(v),
            (None, Some(url)) => ev.location(url),
            _ => &mut ev,
        };
        ev.description(&description);
        cal.push(ev.done());
    }
    cal.done().to_string()
}

fn signature(secret: &[u8], user_id: i32, key: &str) -> String {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(secret).expect("HMAC takes any key length");
    mac.update(format!("calendar:{user_id}:{key}").as_bytes());
    hex::encode(&mac.finalize().into_bytes()[..16])
}

fn new_key() -> String {
    let bytes: [u8; 16] = rand::thread_rng().r#gen();
    hex::encode(bytes)
}

/// The person's feed path (`/calendar/….ics`), made on first use; with
/// `reset`, a new one (the old stops working).
pub async fn feed_path(
    conn: &impl ConnectionTrait,
    state: &AppState,
    user_id: i32,
    reset: bool,
) -> Result<String, DbErr> {
    let existing = calendar_key::Entity::find_by_id(user_id).one(conn).await?;
    let key = match existing {
        Some(k) if !reset => k.key,
        _ => {
            let key = new_key();
            calendar_key::Entity::insert(calendar_key::ActiveModel {
                user_id: Set(user_id),
                key: Set(key.clone()),
            })
            .on_conflict(
                OnConflict::column(calendar_key::Column::UserId)
                    .update_column(calendar_key::Column::Key)
                    .to_owned(),
            )
            .exec_without_returning(conn)
            .await?;
            key
        }
    };
    Ok(format!(
        "/calendar/{user_id}-{}.ics",
        signature(&state.secret, user_id, &key)
    ))
}

/// The user a feed address (`{user id}-{signature}`) belongs to, if valid.
pub async fn feed_owner(
    conn: &impl ConnectionTrait,
    state: &AppState,
    token: &str,
) -> Result<Option<i32>, DbErr> {
    let Some((id, sig)) = token.split_once('-') else {
        return Ok(None);
    };
    let Ok(user_id) = id.parse::<i32>() else {
        return Ok(None);
    };
    let Some(k) = calendar_key::Entity::find_by_id(user_id).one(conn).await? else {
        return Ok(None);
    };
    let expected = signature(&state.secret, user_id, &k.key);
    Ok(bool::from(expected.as_bytes().ct_eq(sig.as_bytes())).then_some(user_id))
}
