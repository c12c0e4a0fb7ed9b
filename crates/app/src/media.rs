//! A course's files: uploading (streamed, checked on the bytes), listing
//! and deleting them (the course's editors), reading one (anyone for a
//! published course, its editors otherwise), and the course's view and
//! download counts.

use crate::policy::{self, Action, Actor, On};
use crate::{App, AppError};
use bytes::Bytes;
use futures_util::Stream;
use kuza_courses::draft::Course;
use kuza_media::Media;
use std::collections::BTreeMap;

/// Uploads a file to a course: `body` (of `declared` length, when the
/// client said) is streamed into a temp file and refused (413) the moment
/// it passes the upload limit, then its type is read from its bytes and
/// must be allowed (415); nothing is kept when anything fails. The actor's
/// rights are checked before a byte is read.
pub async fn upload<S, E>(
    app: &App,
    actor: Option<&Actor>,
    course_id: i32,
    name: &str,
    body: S,
    declared: Option<u64>,
) -> Result<Media, AppError>
where
    S: Stream<Item = Result<Bytes, E>>,
    E: std::fmt::Display,
{
    let (c, a, received) = receive(app, actor, course_id, body, declared).await?;
    let m = kuza_media::records::create(&app.db, &app.storage, c.id, Some(a.id()), name, &received)
        .await?;
    tracing::info!(course.id = c.id, media.id = m.id, media.size = m.size, media.content_type = %m.content_type, user.id = a.id(), "file uploaded");
    Ok(m)
}

/// What every upload to a course starts with: the actor edits the course
/// and the declared size is within the limit, both before a byte is read;
/// then the body is streamed into a temp file, refused (413) the moment
/// it passes the limit.
pub(crate) async fn receive<'a, S, E>(
    app: &App,
    actor: Option<&'a Actor>,
    course_id: i32,
    body: S,
    declared: Option<u64>,
) -> Result<(Course, &'a Actor, kuza_media::Received), AppError>
where
    S: Stream<Item = Result<Bytes, E>>,
    E: std::fmt::Display,
{
    let c = crate::courses::editable(app, actor, course_id).await?;
    let a = policy::signed_in(actor)?;
    if declared.is_some_and(|n| n > app.upload_limit_bytes()) {
        return Err(AppError::TooLarge);
    }
    let received = app.storage.receive(body, app.upload_limit_bytes()).await?;
    Ok((c, a, received))
}

/// A course's files, newest first.
pub async fn list(
    app: &App,
    actor: Option<&Actor>,
    course_id: i32,
) -> Result<(Course, Vec<Media>), AppError> {
    let c = crate::courses::editable(app, actor, course_id).await?;
    let files = kuza_media::records::list(&app.db, c.id).await?;
    Ok((c, files))
}

/// Deletes a file: its row, then its bytes. A file that the draft (a
/// lesson or the cover) or a published version uses is kept
/// (`media_in_use`). Returns its course.
pub async fn delete(app: &App, actor: Option<&Actor>, media_id: i32) -> Result<Course, AppError> {
    let m = kuza_media::records::find(&app.db, media_id).await?;
    let c = crate::courses::editable(app, actor, m.course_id).await?;
    if kuza_courses::versions::media_in_use(&app.db, &c, m.id).await? {
        return Err(AppError::conflict(
            "media_in_use",
            "a lesson, the cover or a published version uses this file",
        ));
    }
    kuza_media::records::delete(&app.db, &app.storage, &m).await?;
    tracing::info!(
        course.id = m.course_id,
        media.id = m.id,
        user.id = actor.map(Actor::id),
        "file deleted"
    );
    Ok(c)
}

/// The course a file belongs to.
pub async fn course_of_file(app: &App, media_id: i32) -> Result<i32, AppError> {
    Ok(kuza_media::records::find(&app.db, media_id)
        .await?
        .course_id)
}

/// A file's address: its id and a signature of it with the server's
/// secret (`{id}-{16 bytes hex}`), so that addresses cannot be counted:
/// knowing one file's address tells nothing of the next one's.
pub fn address(app: &App, media_id: i32) -> String {
    format!("{media_id}-{}", signature(&app.secret, media_id))
}

fn signature(secret: &[u8], media_id: i32) -> String {
    use hmac::Mac;
    let mut mac = <hmac::Hmac<sha2::Sha256> as Mac>::new_from_slice(secret)
        .expect("HMAC takes any key length");
    mac.update(format!("media:{media_id}").as_bytes());
    hex::encode(&mac.finalize().into_bytes()[..16])
}

/// Who asks for a file: a portal session or an API token, if any. Only
/// read when the file is not public, so serving a published course's files
/// costs no sign-in lookup.
#[derive(Debug, Default)]
pub struct Credentials {
    pub session: Option<String>,
    pub bearer: Option<String>,
}

/// What an address gives the asker.
#[derive(Debug)]
pub enum Readable {
    /// The file; `public` when the published version of its course uses
    /// it (anyone may read and cache it), otherwise only its course's
    /// editors may, uncached.
    File { media: Media, public: bool },
    /// An address with the id alone (written into a lesson by hand, or
    /// from before addresses were signed) of a public file: its address.
    Moved { address: String },
}

/// The file at `address` (`{id}-{signature}`), if the asker may read it.
/// A file is public only while the current published version of its course
/// uses it (the cover, a video or its captions, a download, a file linked
/// from a lesson); any other file (an upload for the next version, one the
/// new version no longer uses, any file of a draft or an archived course)
/// only its course's editors read. To anyone else it is not found.
pub async fn readable(app: &App, at: &str, asker: Credentials) -> Result<Readable, AppError> {
    let (id, signed) = match at.split_once('-') {
        Some((id, sig)) => (id, Some(sig)),
        None => (at, None),
    };
    let id: i32 = id.parse().map_err(|_| AppError::NotFound)?;
    if let Some(sig) = signed {
        let expected = signature(&app.secret, id);
        if !bool::from(subtle::ConstantTimeEq::ct_eq(
            expected.as_bytes(),
            sig.as_bytes(),
        )) {
            return Err(AppError::NotFound);
        }
    }
    let (m, c) = kuza_media::records::find_with_course(&app.db, id)
        .await
        .map_err(|_| AppError::NotFound)?;
    let shown = app
        .published
        .course_by_id(&app.db, c.id)
        .await?
        .is_some_and(|p| p.1.document.media.contains_key(&m.id));
    if signed.is_none() {
        // Only a public file's address is told.
        return match shown {
            true => Ok(Readable::Moved {
                address: address(app, m.id),
            }),
            false => Err(AppError::NotFound),
        };
    }
    let file = |course| policy::File {
        course,
        shown_by_published_version: shown,
    };
    let bare = policy::Course {
        id: c.id,
        owner_id: c.owner_id,
        co_authors: vec![],
        status: c.status,
        provider: c.organisation_id,
    };
    if policy::may(None, Action::ReadFile, On::File(&file(bare))).is_ok() {
        return Ok(Readable::File {
            media: m,
            public: true,
        });
    }
    let actor = match (asker.bearer, asker.session) {
        (Some(token), _) => crate::accounts::bearer_actor(app, &token).await?,
        (None, Some(session)) => crate::accounts::session_actor(app, &session).await?,
        (None, None) => None,
    };
    let facts = policy::course_of(&app.db, &c).await?;
    policy::may(actor.as_ref(), Action::ReadFile, On::File(&file(facts)))?;
    Ok(Readable::File {
        media: m,
        public: false,
    })
}

/// A course's counts over a period.
pub struct Stats {
    pub course_id: i32,
    pub from: chrono::NaiveDate,
    pub to: chrono::NaiveDate,
    /// Per subject (`course`, `lesson`, `media`), every one present.
    pub totals: BTreeMap<String, i64>,
    /// (subject, key) → count.
    pub items: BTreeMap<(String, String), i64>,
}

fn day_number(d: chrono::NaiveDate) -> i32 {
    (d - chrono::DateTime::UNIX_EPOCH.date_naive()).num_days() as i32
}

fn parse_day(field: &'static str, s: &str) -> Result<chrono::NaiveDate, AppError> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| AppError::invalid(field, "date_invalid"))
}

/// Views of the course page and its lessons and downloads of its files from
/// `from` to `to` (`YYYY-MM-DD`, UTC, both included; default: the 30 days
/// to today). The course's editors and administrators.
pub async fn stats(
    app: &App,
    actor: Option<&Actor>,
    course_id: i32,
    from: Option<&str>,
    to: Option<&str>,
) -> Result<Stats, AppError> {
    let c = crate::courses::editable(app, actor, course_id).await?;
    let to = match to {
        Some(s) => parse_day("to", s)?,
        None => chrono::Utc::now().date_naive(),
    };
    let from = match from {
        Some(s) => parse_day("from", s)?,
        None => to - chrono::Duration::days(29),
    };
    if from > to {
        return Err(AppError::invalid("from", "date_order"));
    }
    let t = kuza_media::counts::totals(&app.db, c.id, day_number(from), day_number(to)).await?;
    Ok(Stats {
        course_id: c.id,
        from,
        to,
        totals: t.per_subject,
        items: t.per_item,
    })
}
