//! A course's follow-up: some months after completing a course (three
//! unless its editors say otherwise), the learner is emailed, in their
//! language, a signed link that opens the follow-up form without signing
//! in; one reminder follows if they have not answered. The worker sweeps
//! for what is due ([`send_due`]); every process may, since the invitation
//! is written once per person and survey and its email is queued in the
//! same transaction under its own key.
//!
//! The link names the invitation and carries an HMAC of it under the
//! instance's secret: an altered link names nothing; it works until the
//! invitation expires and until the response is submitted.

use crate::mail::language_of;
use crate::surveys::{Answered, Answering, Intent, answering, save_answers, survey_of};
use crate::{App, AppError};
use kuza_db::entities::course;
use kuza_i18n::Language;
use kuza_mail::Outgoing;
use kuza_surveys::answers::Given;
use kuza_surveys::invitations::{self, Invitation};
use kuza_surveys::{ResponseStatus, SurveyPurpose};
use sea_orm::EntityTrait;
use serde_json::json;

/// At most this many invitations and reminders per sweep (the next sweep
/// takes the rest).
const BATCH: u64 = 500;

fn message(inv: &Invitation) -> String {
    format!("survey-invitation:{}:{}", inv.id, inv.created_at)
}

/// The invitation's link path.
pub fn link_path(secret: &[u8], inv: &Invitation) -> String {
    format!(
        "/surveys/answer/{}.{}",
        inv.id,
        crate::signing::sign(secret, &message(inv))
    )
}

/// Why a link does not open the form.
fn link_refused(code: &'static str) -> AppError {
    let detail = match code {
        "link_expired" => "this link has expired",
        _ => "this link is not valid",
    };
    AppError::Refused {
        code,
        detail: detail.into(),
    }
}

/// The invitation a link names, if its signature holds and it has not
/// expired.
async fn invitation_of(app: &App, token: &str) -> Result<Invitation, AppError> {
    let invalid = || link_refused("link_invalid");
    let (id, sig) = token.split_once('.').ok_or_else(invalid)?;
    let id: i32 = id.parse().map_err(|_| invalid())?;
    let inv = invitations::by_id(&app.db, id).await?.ok_or_else(invalid)?;
    if !crate::signing::holds(&app.secret, &message(&inv), sig) {
        return Err(invalid());
    }
    if inv.expires_at <= kuza_db::now() {
        return Err(link_refused("link_expired"));
    }
    Ok(inv)
}

/// The follow-up a link opens, with the answers so far (a submitted one
/// shows as submitted: the link has done its work).
pub async fn by_link(app: &App, token: &str) -> Result<Answering, AppError> {
    let inv = invitation_of(app, token).await?;
    let s = kuza_surveys::by_id(&app.db, inv.survey_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let c = course::Entity::find_by_id(s.course_id.unwrap_or_default())
        .one(&app.db)
        .await?
        .ok_or(AppError::NotFound)?;
    let r = kuza_surveys::response_of(&app.db, s.id, inv.user_id).await?;
    answering(&app.db, Some(c), s, r).await
}

/// Saves answers through a link (as [`crate::surveys::answer`] does for a
/// signed-in learner); a submitted response refuses.
pub async fn answer_by_link(
    app: &App,
    token: &str,
    page: Option<usize>,
    given: &Given,
    intent: Intent,
    language: Language,
) -> Result<Answered, AppError> {
    let inv = invitation_of(app, token).await?;
    let txn = kuza_db::begin_write(&app.db).await?;
    let s = kuza_surveys::by_id(&txn, inv.survey_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let e = match inv.enrollment_id {
        Some(id) => kuza_enrollment::by_id(&txn, id).await?,
        None => None,
    };
    let who = kuza_surveys::Respondent {
        user_id: Some(inv.user_id),
        enrollment_id: inv.enrollment_id,
        course_id: s.course_id,
        cohort_id: e.and_then(|e| e.cohort_id),
        language: language.code(),
    };
    let r = kuza_surveys::start(&txn, &s, who).await?;
    let out = save_answers(&txn, &r, page, given, intent, who.language).await?;
    txn.commit().await?;
    Ok(out)
}

/// Whether the link's response is submitted (the page says thank you).
pub fn submitted(a: &Answering) -> bool {
    a.response
        .as_ref()
        .is_some_and(|r| r.status == ResponseStatus::Submitted)
}

/// Sends the follow-ups due at `now` and the reminders: how many of each
/// this call queued.
pub async fn send_due(app: &App, now: i64) -> Result<(usize, usize), AppError> {
    let mut invited = 0;
    for due in invitations::due(&app.db, now, BATCH).await? {
        let txn = kuza_db::begin_write(&app.db).await?;
        let Some(c) = course::Entity::find_by_id(due.course_id).one(&txn).await? else {
            continue;
        };
        let s = survey_of(&txn, &c, SurveyPurpose::FollowUp).await?;
        let months = s.months.unwrap_or(invitations::DEFAULT_MONTHS);
        let due_at = chrono::DateTime::from_timestamp(due.completed_at, 0)
            .and_then(|d| d.checked_add_months(chrono::Months::new(months.max(0) as u32)))
            .map_or(now, |d| d.timestamp());
        let Some(inv) = invitations::invite(
            &txn,
            s.id,
            due.user_id,
            Some(due.enrollment_id),
            due_at,
            now,
        )
        .await?
        else {
            continue;
        };
        queue_email(app, &txn, &c, &inv, "survey_invitation").await?;
        txn.commit().await?;
        invited += 1;
    }
    let mut reminded = 0;
    for inv in invitations::to_remind(&app.db, now, BATCH).await? {
        let txn = kuza_db::begin_write(&app.db).await?;
        if !invitations::mark_reminded(&txn, inv.id, now).await? {
            continue;
        }
        let Some(s) = kuza_surveys::by_id(&txn, inv.survey_id).await? else {
            continue;
        };
        let Some(c) = course::Entity::find_by_id(s.course_id.unwrap_or_default())
            .one(&txn)
            .await?
        else {
            continue;
        };
        queue_email(app, &txn, &c, &inv, "survey_reminder").await?;
        txn.commit().await?;
        reminded += 1;
    }
    Ok((invited, reminded))
}

/// Queues the invitation's email (or its reminder), once (its own key), in
/// the learner's language.
async fn queue_email(
    app: &App,
    conn: &impl sea_orm::ConnectionTrait,
    c: &course::Model,
    inv: &Invitation,
    kind: &str,
) -> Result<(), AppError> {
    let user = kuza_accounts::users::get(conn, inv.user_id).await?;
    let lang = language_of(&user);
    let titles: kuza_courses::Translated = serde_json::from_str(&c.title).unwrap_or_default();
    let (course, _) = kuza_courses::pick(&titles, lang.code(), &c.default_language);
    let expires = chrono::DateTime::from_timestamp(inv.expires_at, 0)
        .map(|d| d.date_naive().to_string())
        .unwrap_or_default();
    let msg = Outgoing::notice(
        kind,
        &user.email,
        &user.display_name,
        lang,
        // The form opens in their language, signed in or not.
        json!({ "course": course, "expires": expires,
                "link": app.link(&format!("{}?lang={}", link_path(&app.secret, inv), lang.code())) }),
    );
    kuza_mail::enqueue_once(conn, &msg, &format!("{kind}:{}", inv.id)).await?;
    Ok(())
}
