//! Live sessions in calendars: an iCalendar document per session or per
//! person, and the personal feed at a secret address.
//!
//! The feed's address is `/calendar/{user id}-{signature}.ics`: the
//! signature is an HMAC of the user id and a random key kept in
//! `calendar_keys`, with the server's secret. A database copy alone does
//! not reveal anyone's address, and a new key (reset) makes the old one
//! stop working.

use crate::App;
use icalendar::{Calendar, Component, Event, EventLike};
use kuza_db::entities::calendar_key;
use kuza_enrollment::sessions::Session;
use rand::Rng;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, ConnectionTrait, DbErr, EntityTrait};

/// One session as a calendar event.
pub struct Entry<'a> {
    pub session: &'a Session,
    pub course: String,
    pub cohort: String,
    /// The course page (absolute).
    pub link: String,
}

/// A value as iCalendar may carry it: line breaks become `\n` (which the
/// calendar crate escapes), any other control character is dropped, so no
/// stored text can end a line of the document and start a property of its
/// own (a bare carriage return is a line end to many readers).
fn text(s: &str) -> String {
    s.replace("\r\n", "\n")
        .chars()
        .map(|c| if c == '\r' { '\n' } else { c })
        .filter(|c| *c == '\n' || !c.is_control())
        .collect()
}

/// An iCalendar document of `entries` (times in UTC; every calendar shows
/// them in its own zone).
pub fn ics(app: &App, entries: &[Entry<'_>]) -> String {
    let host = app.host();
    let mut cal = Calendar::new();
    cal.name(&text(&app.site_name));
    for e in entries {
        let s = e.session;
        let mut ev = Event::new();
        ev.uid(&format!("session-{}@{host}", s.id))
            .summary(&text(&format!("{} · {}", s.title, e.course)))
            .starts(chrono::DateTime::from_timestamp(s.starts_at, 0).unwrap_or_default())
            .ends(chrono::DateTime::from_timestamp(s.ends_at, 0).unwrap_or_default())
            .timestamp(chrono::DateTime::from_timestamp(s.updated_at, 0).unwrap_or_default());
        let mut description = format!("{} ({})\n{}", e.course, e.cohort, e.link);
        if let Some(url) = &s.meeting_url {
            ev.url(&text(url));
            description.push('\n');
            description.push_str(url);
        }
        match (&s.venue, &s.meeting_url) {
            (Some(v), _) => ev.location(&text(v)),
            (None, Some(url)) => ev.location(&text(url)),
            _ => &mut ev,
        };
        ev.description(&text(&description));
        cal.push(ev.done());
    }
    cal.done().to_string()
}

fn message(user_id: i32, key: &str) -> String {
    format!("calendar:{user_id}:{key}")
}

fn new_key() -> String {
    let bytes: [u8; 16] = rand::thread_rng().r#gen();
    hex::encode(bytes)
}

/// The person's feed path (`/calendar/….ics`), made on first use; with
/// `reset`, a new one (the old stops working).
pub async fn feed_path(
    conn: &impl ConnectionTrait,
    secret: &[u8],
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
        crate::signing::sign(secret, &message(user_id, &key))
    ))
}

/// The user a feed address (`{user id}-{signature}`) belongs to, if valid.
pub async fn feed_owner(
    conn: &impl ConnectionTrait,
    secret: &[u8],
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
    Ok(crate::signing::holds(secret, &message(user_id, &k.key), sig).then_some(user_id))
}

#[cfg(test)]
mod tests {
    use super::text;

    #[test]
    fn no_stored_text_can_end_a_line_of_the_calendar() {
        assert_eq!(text("Room 4\rDTSTART:2020"), "Room 4\nDTSTART:2020");
        assert_eq!(text("a\r\nb\nc"), "a\nb\nc");
        assert_eq!(text("a\u{0}b\u{b}c\u{1b}d"), "abcd");
        assert_eq!(
            text("Nairobi, \u{645}\u{62f}\u{64a}\u{646}\u{629}"),
            "Nairobi, \u{645}\u{62f}\u{64a}\u{646}\u{629}"
        );
    }
}
