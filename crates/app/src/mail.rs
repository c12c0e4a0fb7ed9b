//! The emails the steps cause. Each is queued in the caller's transaction,
//! so it is sent exactly when the step commits, in the recipient's
//! language.

use crate::{App, AppError};
use kuza_accounts::auth::{self, Purpose};
use kuza_accounts::users::User;
use kuza_courses::draft::{Course, translated};
use kuza_courses::{Translated, pick};
use kuza_db::entities::course;
use kuza_enrollment::Enrollment;
use kuza_enrollment::cohorts::Cohort;
use kuza_enrollment::sessions::Session;
use kuza_i18n::Language;
use kuza_mail::Outgoing;
use sea_orm::{ConnectionTrait, EntityTrait};

/// The person's interface language.
pub fn language_of(user: &User) -> Language {
    Language::parse(&user.language).unwrap_or(Language::En)
}

/// Text of a translated field in `lang`, else the course's default.
pub fn text_in(t: &Translated, lang: Language, default: &str) -> String {
    pick(t, lang.code(), default).0.to_owned()
}

/// A course's title in `lang` and the absolute link to its page.
pub fn course_title_and_link(app: &App, c: &Course, lang: Language) -> (String, String) {
    let title = text_in(&translated(&c.title), lang, &c.default_language);
    (title, app.link(&format!("/courses/{}", c.slug)))
}

/// `2026-11-24 14:00 (UTC+03:00)` in the session's own time zone.
pub fn local_time(ts: i64, time_zone: &str) -> String {
    let utc = chrono::DateTime::from_timestamp(ts, 0).unwrap_or_default();
    match kuza_enrollment::sessions::zone(time_zone) {
        Some(tz) => utc
            .with_timezone(&tz)
            .format("%Y-%m-%d %H:%M (UTC%:z)")
            .to_string(),
        None => utc.format("%Y-%m-%d %H:%M (UTC)").to_string(),
    }
}

/// A fresh address-confirmation link, emailed to `user`.
pub async fn verification(
    conn: &impl ConnectionTrait,
    app: &App,
    user: &User,
) -> Result<(), AppError> {
    let token = auth::create_link_token(conn, user.id, Purpose::VerifyEmail).await?;
    let link = app.link(&format!("/verify-email?token={token}"));
    let msg = Outgoing::verify_email(&user.email, &user.display_name, language_of(user), &link);
    kuza_mail::enqueue(conn, &msg).await?;
    Ok(())
}

/// The job that writes an account email in the background. A request that
/// could tell whether an address has an account (a sign-up with a taken
/// address, a reset request) only queues this job, the same for every
/// address: neither its answer nor its time says which it was.
pub const ACCOUNT_EMAIL: &str = "account_email";

/// What an [`ACCOUNT_EMAIL`] job writes.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
#[serde(tag = "purpose", rename_all = "snake_case")]
pub enum AccountEmail {
    /// A reset link, if the address has an active account.
    ResetPassword { email: String },
    /// To the owner of an address someone signed up with: sign in or reset.
    AlreadyRegistered { email: String },
}

/// Queues an [`ACCOUNT_EMAIL`] job in the caller's transaction.
pub async fn account_email(
    conn: &impl ConnectionTrait,
    what: &AccountEmail,
) -> Result<(), AppError> {
    kuza_jobs::enqueue(conn, ACCOUNT_EMAIL, what, None).await?;
    Ok(())
}

/// Runs an [`ACCOUNT_EMAIL`] job: looks the address up and queues the
/// email, if any, in one transaction.
pub async fn send_account_email(app: &App, payload: &str) -> Result<(), AppError> {
    let what: AccountEmail = serde_json::from_str(payload)
        .map_err(|e| AppError::Internal(format!("job payload: {e}")))?;
    let txn = kuza_db::begin_write(&app.db).await?;
    match &what {
        AccountEmail::ResetPassword { email } => password_reset(&txn, app, email).await?,
        AccountEmail::AlreadyRegistered { email } => {
            if let Some(user) = kuza_accounts::users::find_by_email(&txn, email)
                .await?
                .filter(|u| u.active)
            {
                let msg = Outgoing::already_registered(
                    &user.email,
                    &user.display_name,
                    language_of(&user),
                    &app.link("/sign-in"),
                    &app.link("/forgot-password"),
                );
                // At most one an hour, however often someone tries: none if
                // one was queued within the hour, and the hour's key makes
                // two workers at once queue one.
                let t = kuza_db::now();
                let prefix = format!("registered:{}:", user.id);
                if !kuza_jobs::queued_since(&txn, &prefix, t - 3600).await? {
                    kuza_mail::enqueue_once(&txn, &msg, &format!("{prefix}{}", t / 3600)).await?;
                }
            }
        }
    }
    txn.commit().await?;
    Ok(())
}

/// A password-reset link for the account at `email`, if there is one; the
/// caller answers the same either way.
pub async fn password_reset(
    conn: &impl ConnectionTrait,
    app: &App,
    email: &str,
) -> Result<(), AppError> {
    if let Some((user, token)) = auth::request_password_reset(conn, email).await? {
        let link = app.link(&format!("/reset-password?token={token}"));
        let msg =
            Outgoing::reset_password(&user.email, &user.display_name, language_of(&user), &link);
        kuza_mail::enqueue(conn, &msg).await?;
    }
    Ok(())
}

/// What an enrolment email is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Enrolled,
    Waitlisted,
    Offered,
}

impl Place {
    fn template(self) -> &'static str {
        match self {
            Place::Enrolled => "enrolled",
            Place::Waitlisted => "waitlisted",
            Place::Offered => "offered",
        }
    }
}

/// Queues the email about `e`'s place.
pub async fn place(
    conn: &impl ConnectionTrait,
    app: &App,
    kind: Place,
    e: &Enrollment,
) -> Result<(), AppError> {
    let user = kuza_accounts::users::get(conn, e.user_id).await?;
    let Some(c) = course::Entity::find_by_id(e.course_id).one(conn).await? else {
        return Ok(());
    };
    place_of(conn, app, kind, e, &user, &c).await
}

/// [`place`] with the learner and the course already read.
pub async fn place_of(
    conn: &impl ConnectionTrait,
    app: &App,
    kind: Place,
    e: &Enrollment,
    user: &User,
    c: &Course,
) -> Result<(), AppError> {
    let lang = language_of(user);
    let (title, link) = course_title_and_link(app, c, lang);
    let cohort = match e.cohort_id {
        Some(id) => kuza_enrollment::cohorts::get(conn, id)
            .await?
            .map(|c| c.name)
            .unwrap_or_default(),
        None => String::new(),
    };
    let deadline = e
        .offer_expires_at
        .map(|t| {
            chrono::DateTime::from_timestamp(t, 0)
                .unwrap_or_default()
                .format("%Y-%m-%d %H:%M")
                .to_string()
        })
        .unwrap_or_default();
    let msg = Outgoing::notice(
        kind.template(),
        &user.email,
        &user.display_name,
        lang,
        serde_json::json!({ "course": title, "cohort": cohort, "link": link, "deadline": deadline }),
    );
    kuza_mail::enqueue(conn, &msg).await?;
    Ok(())
}

/// Emails each learner offered a place.
pub async fn offers(
    conn: &impl ConnectionTrait,
    app: &App,
    offered: &[Enrollment],
) -> Result<(), AppError> {
    for e in offered {
        place(conn, app, Place::Offered, e).await?;
        tracing::info!(
            enrollment.id = e.id,
            cohort.id = e.cohort_id,
            "place offered from the waitlist"
        );
    }
    Ok(())
}

/// The invitation of someone a coordinator enrolled: the course, and the
/// link to choose a password.
pub async fn invitation(
    conn: &impl ConnectionTrait,
    app: &App,
    user: &User,
    c: &Course,
) -> Result<(), AppError> {
    let token = auth::create_link_token(conn, user.id, Purpose::Invite).await?;
    let link = app.link(&format!("/reset-password?token={token}"));
    let lang = language_of(user);
    let (title, course_link) = course_title_and_link(app, c, lang);
    let msg = Outgoing::notice(
        "invited",
        &user.email,
        &user.display_name,
        lang,
        serde_json::json!({ "course": title, "link": link, "course_link": course_link }),
    );
    kuza_mail::enqueue(conn, &msg).await?;
    Ok(())
}

/// A coordinator's decision on an application, with their message.
pub async fn decision(
    conn: &impl ConnectionTrait,
    app: &App,
    decided: &Enrollment,
    c: &Course,
    accepted: bool,
    message: Option<&str>,
) -> Result<(), AppError> {
    let user = kuza_accounts::users::get(conn, decided.user_id).await?;
    let lang = language_of(&user);
    let (title, link) = course_title_and_link(app, c, lang);
    let msg = Outgoing::notice(
        if accepted { "accepted" } else { "declined" },
        &user.email,
        &user.display_name,
        lang,
        serde_json::json!({
            "course": title, "link": link, "message": message.unwrap_or_default(),
            "waitlisted": decided.status == kuza_enrollment::EnrollmentStatus::Waitlisted,
        }),
    );
    kuza_mail::enqueue(conn, &msg).await?;
    Ok(())
}

/// A reminder of a session starting soon.
pub async fn reminder(
    conn: &impl ConnectionTrait,
    app: &App,
    s: &Session,
    cohort: &Cohort,
    e: &Enrollment,
) -> Result<(), AppError> {
    let user = kuza_accounts::users::get(conn, e.user_id).await?;
    let Some(c) = course::Entity::find_by_id(e.course_id).one(conn).await? else {
        return Ok(());
    };
    let lang = language_of(&user);
    let (title, link) = course_title_and_link(app, &c, lang);
    let msg = Outgoing::notice(
        "session_reminder",
        &user.email,
        &user.display_name,
        lang,
        serde_json::json!({
            "course": title, "cohort": cohort.name, "link": link, "session": s.title,
            "when": local_time(s.starts_at, &s.time_zone),
            "venue": s.venue, "meeting_url": s.meeting_url,
        }),
    );
    kuza_mail::enqueue(conn, &msg).await?;
    Ok(())
}
