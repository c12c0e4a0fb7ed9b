//! Certificates: earned in the step that completes a course, given at once
//! (or held, with the reason, until they may be), verified by anyone at
//! their public address, revoked by administrators.
//!
//! [`on_completed`] is called by every step that can complete a course,
//! inside its transaction, so the learner's next page shows the
//! certificate. The `course_completed` job that the same transaction
//! writes runs [`run_completed_job`] in the background: it earns the
//! certificate where the step did not (a completion from before
//! certificates existed), and is where the slower work of a certificate
//! goes. Either way there is one certificate per completed enrolment
//! (the table's unique enrolment), one number (taken once, when it is
//! released) and one email (queued under the certificate's own key).

use crate::mail::language_of;
use crate::policy::{self, Action, On};
use crate::{Actor, App, AppError};
use kuza_accounts::users::User;
use kuza_certification::{
    self as certs, Certificate, CertificateStatus, Earned, Earner, HeldReason,
};
use kuza_courses::Document;
use kuza_enrollment::{Enrollment, EnrollmentStatus};
use kuza_mail::Outgoing;
use kuza_progress::Step;
use sea_orm::ConnectionTrait;
use serde_json::json;

pub use kuza_progress::COURSE_COMPLETED;

/// Earns the certificate of `e`, which this transaction just completed
/// with version `version` (`doc`) of its course, and gives it at once
/// unless it must wait. Call it in the completing transaction.
pub async fn on_completed(
    app: &App,
    conn: &impl ConnectionTrait,
    e: &Enrollment,
    doc: &Document,
    version: i32,
) -> Result<Certificate, AppError> {
    let user = kuza_accounts::users::get(conn, e.user_id).await?;
    let held = hold_for(&user);
    let who = Earner {
        enrollment_id: e.id,
        user_id: e.user_id,
        course_id: e.course_id,
        cohort_id: e.cohort_id,
        name: &user.display_name,
        language: &user.language,
        completed_at: e.completed_at.unwrap_or_else(kuza_db::now),
    };
    let (c, written) = certs::earn(conn, who, &Earned::of(doc, version), held).await?;
    if !written || held.is_some() {
        return Ok(c);
    }
    give(app, conn, c, &user, None).await
}

/// After a learner's step, in its transaction: the certificate, when
/// the step completed the course.
pub async fn after_step(
    app: &App,
    conn: &impl ConnectionTrait,
    step: &Step,
    doc: &Document,
    version: i32,
) -> Result<(), AppError> {
    if !step.course_completed {
        return Ok(());
    }
    let e = kuza_enrollment::by_id(conn, step.enrollment_id)
        .await?
        .ok_or(AppError::NotFound)?;
    on_completed(app, conn, &e, doc, version).await?;
    Ok(())
}

/// Why a certificate of `user`'s must wait, if it must.
fn hold_for(user: &User) -> Option<HeldReason> {
    user.email_verified_at
        .is_none()
        .then_some(HeldReason::EmailUnconfirmed)
}

/// Releases a held certificate: its number, the audit record and the
/// learner's email, in the caller's transaction.
async fn give(
    app: &App,
    conn: &impl ConnectionTrait,
    c: Certificate,
    user: &User,
    by: Option<i32>,
) -> Result<Certificate, AppError> {
    let c = certs::release(conn, c, &app.certificate_prefix).await?;
    kuza_accounts::audit::record(
        conn,
        by,
        "certificate.issued",
        "certificate",
        Some(c.id),
        json!({ "number": c.number, "enrollment_id": c.enrollment_id, "user_id": c.user_id,
                "course_id": c.course_id }),
    )
    .await?;
    let lang = language_of(user);
    let (course, _) = certs::title_in(&c, lang.code());
    let msg = Outgoing::notice(
        "certificate_issued",
        &user.email,
        &user.display_name,
        lang,
        json!({ "course": course, "number": c.number, "link": app.link(&page(&c)),
                "all": app.link("/certificates") }),
    );
    kuza_mail::enqueue_once(conn, &msg, &format!("certificate-issued:{}", c.id)).await?;
    tracing::info!(
        certificate.id = c.id,
        user.id = c.user_id,
        course.id = c.course_id,
        "certificate issued"
    );
    Ok(c)
}

/// The certificate's public page.
pub fn page(c: &Certificate) -> String {
    format!("/certificates/{}", c.public_id)
}

/// Runs a `course_completed` job: earns (and gives) the certificate if
/// the completing step did not, for a completion that still stands.
pub async fn run_completed_job(app: &App, payload: &str) -> Result<(), AppError> {
    #[derive(serde::Deserialize)]
    struct Completed {
        enrollment_id: i32,
        course_id: i32,
        version: i32,
    }
    let job: Completed = serde_json::from_str(payload)
        .map_err(|e| AppError::Internal(format!("job payload: {e}")))?;
    if certs::of_enrollment(&app.db, job.enrollment_id)
        .await?
        .is_some()
    {
        return Ok(());
    }
    let version = match kuza_courses::versions::version(&app.db, job.course_id, job.version).await {
        Ok(v) => v,
        // The course is gone: nothing to certify.
        Err(kuza_courses::CourseError::NotFound) => return Ok(()),
        Err(e) => return Err(e.into()),
    };
    let txn = kuza_db::begin_write(&app.db).await?;
    let Some(e) = kuza_progress::lock(&txn, job.enrollment_id).await? else {
        return Ok(());
    };
    if e.status == EnrollmentStatus::Completed {
        on_completed(app, &txn, &e, &version.document, version.number).await?;
    }
    txn.commit().await?;
    Ok(())
}

/// Gives the certificates `user` earned while their address was not
/// confirmed; call it in the transaction that confirmed it.
pub async fn on_email_confirmed(
    app: &App,
    conn: &impl ConnectionTrait,
    user: &User,
) -> Result<usize, AppError> {
    let held = certs::held_of_user(conn, user.id, HeldReason::EmailUnconfirmed).await?;
    let n = held.len();
    for c in held {
        give(app, conn, c, user, None).await?;
    }
    Ok(n)
}

/// The signed-in learner's certificates, newest first, held ones
/// included (with their reason).
pub async fn mine(app: &App, actor: &Actor) -> Result<Vec<Certificate>, AppError> {
    Ok(certs::of_user(&app.db, actor.id()).await?)
}

/// The learner's certificate for one course, if they earned one.
pub async fn for_enrollment(app: &App, e: &Enrollment) -> Result<Option<Certificate>, AppError> {
    Ok(certs::of_enrollment(&app.db, e.id).await?)
}

/// A certificate as anyone may see it: issued or revoked. A held one, an
/// unknown or a malformed public id are not found alike.
pub async fn public(app: &App, public_id: &str) -> Result<Certificate, AppError> {
    certs::by_public_id(&app.db, public_id)
        .await?
        .filter(|c| c.status != CertificateStatus::Held)
        .ok_or(AppError::NotFound)
}

/// Revokes a certificate (administrators), with the reason the page will
/// show; the learner is told by email.
pub async fn revoke(
    app: &App,
    actor: &Actor,
    public_id: &str,
    reason: &str,
) -> Result<Certificate, AppError> {
    policy::may(Some(actor), Action::ManageCertificates, On::Site)?;
    let txn = kuza_db::begin_write(&app.db).await?;
    let c = certs::by_public_id(&txn, public_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let c = certs::revoke(&txn, c, reason).await?;
    kuza_accounts::audit::record(
        &txn,
        Some(actor.id()),
        "certificate.revoked",
        "certificate",
        Some(c.id),
        json!({ "number": c.number, "reason": c.revoked_reason }),
    )
    .await?;
    let user = kuza_accounts::users::get(&txn, c.user_id).await?;
    let lang = language_of(&user);
    let (course, _) = certs::title_in(&c, lang.code());
    let msg = Outgoing::notice(
        "certificate_revoked",
        &user.email,
        &user.display_name,
        lang,
        json!({ "course": course, "number": c.number, "reason": c.revoked_reason,
                "link": app.link(&page(&c)) }),
    );
    kuza_mail::enqueue_once(&txn, &msg, &format!("certificate-revoked:{}", c.id)).await?;
    txn.commit().await?;
    tracing::info!(
        certificate.id = c.id,
        user.id = actor.id(),
        "certificate revoked"
    );
    Ok(c)
}
