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
use kuza_db::values::Code;
use kuza_enrollment::{Enrollment, EnrollmentStatus};
use kuza_i18n::Language;
use kuza_mail::Outgoing;
use kuza_progress::Step;
use sea_orm::ConnectionTrait;
use serde_json::json;
use std::path::PathBuf;
use std::sync::OnceLock;

pub use kuza_progress::COURSE_COMPLETED;

/// The job that renders a certificate's PDF in each of its languages and
/// stores them, once per revision.
pub const RENDER: &str = "certificate_render";

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
    let (c, written, user, (held, score)) = earn(conn, e, doc, version, Gates::All).await?;
    if !written || held.is_some() {
        return Ok(c);
    }
    give(app, conn, c, &user, None, score).await
}

/// Which gates apply: all, or (a certificate issued by hand) only the
/// confirmed address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gates {
    All,
    AddressOnly,
}

/// The first gate a certificate of `user` for enrolment `e` does not pass
/// yet (`None`: it may be given now), with the learner's final score.
async fn gate(
    conn: &impl ConnectionTrait,
    user: &User,
    e: &Enrollment,
    gates: Gates,
) -> Result<(Option<HeldReason>, Option<i32>), AppError> {
    use sea_orm::EntityTrait;
    let course = kuza_db::entities::course::Entity::find_by_id(e.course_id)
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    let score = kuza_progress::quiz::final_score(conn, e.id, course.grade_policy).await?;
    if user.email_verified_at.is_none() {
        return Ok((Some(HeldReason::EmailUnconfirmed), score));
    }
    if gates == Gates::All
        && let (Some(min), Some(s)) = (course.certificate_min_score, score)
        && s < min
    {
        return Ok((Some(HeldReason::ScoreBelowMinimum), score));
    }
    if gates == Gates::All
        && course.certificate_needs_report
        && let Some(k) = e.cohort_id
        && !kuza_enrollment::reports::validated(conn, k).await?
    {
        return Ok((Some(HeldReason::ReportPending), score));
    }
    if gates == Gates::All
        && crate::surveys::evaluation_awaited(conn, e.course_id, e.user_id).await?
    {
        return Ok((Some(HeldReason::EvaluationPending), score));
    }
    Ok((None, score))
}

/// Writes the certificate `e` earned with version `version` (`doc`), held
/// at the first gate it does not pass: the certificate, whether this call
/// wrote it, the learner, and the gate with the final score.
async fn earn(
    conn: &impl ConnectionTrait,
    e: &Enrollment,
    doc: &Document,
    version: i32,
    gates: Gates,
) -> Result<(Certificate, bool, User, (Option<HeldReason>, Option<i32>)), AppError> {
    let user = kuza_accounts::users::get(conn, e.user_id).await?;
    let (held, score) = gate(conn, &user, e, gates).await?;
    let who = Earner {
        enrollment_id: e.id,
        user_id: e.user_id,
        course_id: e.course_id,
        cohort_id: e.cohort_id,
        name: &user.display_name,
        language: &user.language,
        completed_at: e.completed_at.unwrap_or_else(kuza_db::now),
        final_score: score,
    };
    let (c, written) = certs::earn(conn, who, &Earned::of(doc, version), held).await?;
    Ok((c, written, user, (held, score)))
}

/// After an attempt was graded (submitted, or its answers graded by a
/// person), in its transaction: a better score after completing may pass
/// the course's minimum. Only quiz steps can change the score, so only
/// they look.
pub async fn after_graded(
    app: &App,
    conn: &impl ConnectionTrait,
    step: &Step,
    doc: &Document,
    version: i32,
) -> Result<(), AppError> {
    if step.course_completed {
        return after_step(app, conn, step, doc, version).await;
    }
    if let Some(c) = certs::of_enrollment(conn, step.enrollment_id)
        .await?
        .filter(|c| c.held_reason == Some(HeldReason::ScoreBelowMinimum))
    {
        release_if_clear(app, conn, c).await?;
    }
    Ok(())
}

/// Looks at a held certificate's gates again: gives it if it passes them
/// all now, else keeps it held at the first it does not pass.
async fn release_if_clear(
    app: &App,
    conn: &impl ConnectionTrait,
    c: Certificate,
) -> Result<Certificate, AppError> {
    if c.status != CertificateStatus::Held {
        return Ok(c);
    }
    let e = kuza_enrollment::by_id(conn, c.enrollment_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let user = kuza_accounts::users::get(conn, c.user_id).await?;
    match gate(conn, &user, &e, Gates::All).await? {
        (None, score) => give(app, conn, c, &user, None, score).await,
        (Some(reason), score) => Ok(certs::hold(conn, c, reason, score).await?),
    }
}

/// Gives the certificates a cohort held for its report (just validated),
/// those that pass every gate; call it in the validating transaction.
/// How many were given.
pub async fn on_report_validated(
    app: &App,
    conn: &impl ConnectionTrait,
    cohort_id: i32,
) -> Result<usize, AppError> {
    let held = certs::held_in_cohort(conn, cohort_id, HeldReason::ReportPending).await?;
    release_all(app, conn, held).await
}

/// Releases what a course held for a score below its minimum that now
/// reaches it (its editors lowered or removed the minimum); call it in
/// the transaction that saved the settings. How many were given.
pub async fn on_minimum_changed(
    app: &App,
    conn: &impl ConnectionTrait,
    course_id: i32,
) -> Result<usize, AppError> {
    let held = certs::held_in_course(conn, course_id, HeldReason::ScoreBelowMinimum).await?;
    release_all(app, conn, held).await
}

/// Gives the certificate enrolment `enrollment_id` held for its
/// evaluation, just submitted, if it passes every gate now; call it in
/// the submitting transaction.
pub async fn on_evaluation_submitted(
    app: &App,
    conn: &impl ConnectionTrait,
    enrollment_id: i32,
) -> Result<(), AppError> {
    if let Some(c) = certs::of_enrollment(conn, enrollment_id)
        .await?
        .filter(|c| c.held_reason == Some(HeldReason::EvaluationPending))
    {
        release_if_clear(app, conn, c).await?;
    }
    Ok(())
}

/// Releases what a course held for its evaluation, which its editors no
/// longer require; call it in the transaction that saved that. How many
/// were given.
pub async fn on_evaluation_not_required(
    app: &App,
    conn: &impl ConnectionTrait,
    course_id: i32,
) -> Result<usize, AppError> {
    let held = certs::held_in_course(conn, course_id, HeldReason::EvaluationPending).await?;
    release_all(app, conn, held).await
}

/// Looks at each held certificate's gates again ([`release_if_clear`]);
/// how many were given.
async fn release_all(
    app: &App,
    conn: &impl ConnectionTrait,
    held: Vec<Certificate>,
) -> Result<usize, AppError> {
    let mut given = 0;
    for c in held {
        if release_if_clear(app, conn, c).await?.status == CertificateStatus::Issued {
            given += 1;
        }
    }
    Ok(given)
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

/// Releases a held certificate: its number, the audit record and the
/// learner's email, in the caller's transaction.
async fn give(
    app: &App,
    conn: &impl ConnectionTrait,
    c: Certificate,
    user: &User,
    by: Option<i32>,
    final_score: Option<i32>,
) -> Result<Certificate, AppError> {
    let design = crate::design::for_course(conn, c.course_id).await?;
    let c = certs::release(conn, c, &app.certificate_prefix, final_score, &design).await?;
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
    queue_render(conn, &c).await?;
    tracing::info!(
        certificate.id = c.id,
        user.id = c.user_id,
        course.id = c.course_id,
        "certificate issued"
    );
    Ok(c)
}

pub use kuza_certification::path as page;

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
    let mut given = 0;
    for c in certs::held_of_user(conn, user.id, HeldReason::EmailUnconfirmed).await? {
        if release_if_clear(app, conn, c).await?.status == CertificateStatus::Issued {
            given += 1;
        }
    }
    Ok(given)
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

/// An administrator's write on one certificate: the policy asked, the
/// transaction open, the certificate read in it.
async fn for_administrator(
    app: &App,
    actor: &Actor,
    public_id: &str,
) -> Result<(sea_orm::DatabaseTransaction, Certificate), AppError> {
    policy::may(Some(actor), Action::ManageCertificates, On::Site)?;
    let txn = kuza_db::begin_write(&app.db).await?;
    let c = certs::by_public_id(&txn, public_id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((txn, c))
}

/// Revokes a certificate (administrators), with the reason the page will
/// show; the learner is told by email.
pub async fn revoke(
    app: &App,
    actor: &Actor,
    public_id: &str,
    reason: &str,
) -> Result<Certificate, AppError> {
    let (txn, c) = for_administrator(app, actor, public_id).await?;
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

/// Queues the rendering of `c`'s current revision (once).
async fn queue_render(conn: &impl ConnectionTrait, c: &Certificate) -> Result<(), AppError> {
    kuza_jobs::enqueue(
        conn,
        RENDER,
        &json!({ "certificate_id": c.id, "revision": c.revision }),
        Some(&format!("{RENDER}:{}:{}", c.id, c.revision)),
    )
    .await?;
    Ok(())
}

/// The fonts of the certificates, read on first use (about 55 MB, so only
/// by a process that renders one).
#[derive(Debug)]
pub struct PdfFonts {
    dir: Option<PathBuf>,
    fonts: OnceLock<Result<kuza_pdf::Fonts, String>>,
}

impl PdfFonts {
    /// From `dir`, or the system's Noto folders when `None`.
    pub fn new(dir: Option<PathBuf>) -> PdfFonts {
        PdfFonts {
            dir,
            fonts: OnceLock::new(),
        }
    }

    /// The fonts, read now if they were not (blocking: call it off the
    /// async threads).
    pub fn get(&self) -> Result<&kuza_pdf::Fonts, AppError> {
        self.fonts
            .get_or_init(|| {
                kuza_pdf::Fonts::from_dir_or_system(self.dir.as_deref()).map_err(|e| e.to_string())
            })
            .as_ref()
            .map_err(|e| AppError::Unavailable(e.clone()))
    }
}

/// Where a certificate's PDF in one language is stored: per revision, so
/// a correction never serves the superseded file.
fn pdf_key(c: &Certificate, lang: &str) -> String {
    format!("certificates/{}/r{}/{lang}.pdf", c.public_id, c.revision)
}

/// A certificate's PDF, or why there is none.
#[derive(Debug)]
pub enum Pdf {
    File {
        certificate: Certificate,
        lang: String,
        bytes: Vec<u8>,
    },
    /// Revoked: its PDF is no longer given (the page says why).
    Revoked(Certificate),
}

/// The PDF of the certificate at `public_id` in `lang`, one of its
/// languages (without one: `preferred` if it has it, else its default):
/// the stored file, or rendered and stored now when its job has not run
/// yet. A language the course was not published in is not found.
pub async fn pdf(
    app: &App,
    public_id: &str,
    lang: Option<&str>,
    preferred: Language,
) -> Result<Pdf, AppError> {
    let c = public(app, public_id).await?;
    if c.status == CertificateStatus::Revoked {
        return Ok(Pdf::Revoked(c));
    }
    let languages = certs::languages(&c);
    let lang = match lang {
        Some(l) if languages.iter().any(|x| x == l) => l.to_owned(),
        Some(_) => return Err(AppError::NotFound),
        None if languages.iter().any(|x| x == preferred.code()) => preferred.code().to_owned(),
        None => c.default_language.clone(),
    };
    let bytes = stored_or_rendered(app, &c, &lang).await?;
    Ok(Pdf::File {
        certificate: c,
        lang,
        bytes,
    })
}

async fn stored_or_rendered(app: &App, c: &Certificate, lang: &str) -> Result<Vec<u8>, AppError> {
    let key = pdf_key(c, lang);
    if let Some(bytes) = app.storage.get_bytes(&key).await? {
        return Ok(bytes);
    }
    let bytes = render(app, c, lang).await?;
    app.storage.put_bytes(&key, bytes.clone()).await?;
    Ok(bytes)
}

/// Runs a [`RENDER`] job: the PDF in each of the certificate's languages,
/// unless that revision is stored already (a retry renders only what is
/// missing; an object is written whole or not at all).
pub async fn run_render_job(app: &App, payload: &str) -> Result<(), AppError> {
    #[derive(serde::Deserialize)]
    struct Render {
        certificate_id: i32,
        revision: i32,
    }
    let job: Render = serde_json::from_str(payload)
        .map_err(|e| AppError::Internal(format!("job payload: {e}")))?;
    let Some(c) = certs::by_id(&app.db, job.certificate_id).await? else {
        return Ok(());
    };
    // A later revision has its own job; a revoked one is not given.
    if c.revision != job.revision || c.status != CertificateStatus::Issued {
        return Ok(());
    }
    // Without the fonts no retry can help: say so, and leave the PDFs to
    // be made when they are first asked for, once the fonts are there.
    let fonts = app.pdf_fonts.clone();
    if let Err(e) = tokio::task::spawn_blocking(move || fonts.get().map(|_| ()))
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?
    {
        tracing::error!(certificate.id = c.id, error.cause = %e, "certificate PDFs cannot be rendered");
        return Ok(());
    }
    for lang in certs::languages(&c) {
        stored_or_rendered(app, &c, &lang).await?;
    }
    Ok(())
}

/// Renders `c` in `lang`, off the async threads, with its signed
/// credential attached (so the file alone carries it).
pub async fn render(app: &App, c: &Certificate, lang: &str) -> Result<Vec<u8>, AppError> {
    let credential = crate::credentials::credential(app, c).await?;
    render_with(app, c, lang, &credential).await
}

/// A sample learner's name written in `lang`'s script.
pub fn sample_name(lang: &str) -> &'static str {
    match lang {
        "ar" => "أمينة ديالو",
        "zh" => "王芳",
        "ru" => "Анна Иванова",
        "fr" => "Amélie Ngoma-Dubois",
        "es" => "José Núñez",
        _ => "Amina Diallo",
    }
}

/// A certificate of a course titled `title`, in its languages, earned by
/// someone whose name is written in `lang`'s script: not stored, never
/// numbered (the studio's preview, the benchmark).
pub fn sample(
    title: &kuza_courses::Translated,
    default_language: &str,
    lang: &str,
    minutes: i32,
) -> Certificate {
    let name = sample_name(lang);
    let t = kuza_db::now();
    let mut languages: Vec<&str> = title.keys().map(String::as_str).collect();
    languages.sort_unstable();
    Certificate {
        id: 1,
        public_id: "SAMPLE0000000000000000".into(),
        number: Some("KZ-2026-000123".into()),
        enrollment_id: 0,
        user_id: 0,
        course_id: 0,
        cohort_id: None,
        status: CertificateStatus::Issued,
        held_reason: None,
        kind: kuza_certification::CertificateKind::Completion,
        learner_name: name.into(),
        course_title: serde_json::to_string(title).unwrap_or_default(),
        languages: languages.join(","),
        default_language: default_language.into(),
        estimated_minutes: minutes,
        course_version: 1,
        language: lang.into(),
        completed_at: t,
        issued_at: Some(t),
        revision: 1,
        revoked_at: None,
        revoked_reason: None,
        created_at: t,
        updated_at: t,
        credential: None,
        final_score: None,
        design: None,
    }
}

/// Renders `c` in `lang` with `credential` attached, off the async threads.
pub async fn render_with(
    app: &App,
    c: &Certificate,
    lang: &str,
    credential: &serde_json::Value,
) -> Result<Vec<u8>, AppError> {
    let mut data = pdf_data(app, c, lang).await?;
    data.attachment = Some(kuza_pdf::Attachment {
        name: "credential.json".into(),
        mime_type: "application/ld+json".into(),
        description: "Open Badges 3.0 credential (W3C Verifiable Credential)".into(),
        data: serde_json::to_vec_pretty(&credential).unwrap_or_default(),
    });
    let fonts = app.pdf_fonts.clone();
    tokio::task::spawn_blocking(move || {
        kuza_pdf::render(fonts.get()?, &data).map_err(|e| AppError::Internal(e.to_string()))
    })
    .await
    .map_err(|e| AppError::Internal(format!("rendering stopped: {e}")))?
}

/// A date as a certificate writes it in `lang`: "7 December 2026",
/// "7 décembre 2026", "2026年12月7日"…
pub fn long_date(app: &App, lang: Language, ts: i64) -> String {
    use chrono::Datelike;
    let d = chrono::DateTime::from_timestamp(ts, 0).unwrap_or_default();
    let month = app.localizer.t(lang, &format!("month-{}", d.month()), &[]);
    app.localizer.t(
        lang,
        "pdf-date",
        &[
            ("day", i64::from(d.day()).into()),
            ("month", month.into()),
            ("year", i64::from(d.year()).into()),
        ],
    )
}

/// A stored picture a certificate names; a missing one is left out (and
/// logged) rather than failing the certificate.
async fn picture(app: &App, key: &str) -> Option<Vec<u8>> {
    match crate::design::image(app, key).await {
        Ok(Some(b)) => Some(b),
        Ok(None) => {
            tracing::warn!(key, "a certificate's picture is missing from storage");
            None
        }
        Err(e) => {
            tracing::warn!(key, error = %e, "a certificate's picture could not be read");
            None
        }
    }
}

/// What the PDF says, in `lang`, with the pictures of its design.
async fn pdf_data(
    app: &App,
    c: &Certificate,
    lang: &str,
) -> Result<kuza_pdf::Certificate, AppError> {
    let design = kuza_certification::design::Design::of(c.design.as_deref());
    let logo = match &design.logo {
        Some(k) => picture(app, k).await,
        None => None,
    };
    let mut signatories = vec![];
    for s in design.all_signatories() {
        let signature = match &s.signature {
            Some(k) => picture(app, k).await,
            None => None,
        };
        signatories.push(kuza_pdf::Signatory {
            name: s.name.clone(),
            title: s.title.clone(),
            organisation: s.organisation.clone(),
            signature,
        });
    }
    let mut partner_logos = vec![];
    for k in design.all_logos() {
        partner_logos.extend(picture(app, k).await);
    }
    let mut text = pdf_text(app, c, lang, logo, signatories, partner_logos);
    if let Some(p) = &design.provider {
        let l = Language::parse(lang).unwrap_or(Language::En);
        text.details.push(app.localizer.t(
            l,
            "pdf-provided-by",
            &[("provider", p.name_in(l.code()).to_owned().into())],
        ));
    }
    Ok(text)
}

/// What the PDF says, in `lang`.
fn pdf_text(
    app: &App,
    c: &Certificate,
    lang: &str,
    logo: Option<Vec<u8>>,
    signatories: Vec<kuza_pdf::Signatory>,
    partner_logos: Vec<Vec<u8>>,
) -> kuza_pdf::Certificate {
    let l = Language::parse(lang).unwrap_or(Language::En);
    let t = |key: &str, args: &[(&str, kuza_i18n::Arg<'_>)]| app.localizer.t(l, key, args);
    let (course, course_lang) = certs::title_in(c, lang);
    let heading = t(&format!("cert-kind-{}", c.kind.code()), &[]);
    let reason = t(&format!("pdf-reason-{}", c.kind.code()), &[]);
    let hours = i64::from((c.estimated_minutes + 59) / 60);
    let duration = t("cert-hours", &[("hours", hours.into())]);
    let number = c.number.clone().unwrap_or_default();
    kuza_pdf::Certificate {
        lang: l.code().to_owned(),
        rtl: l.dir() == "rtl",
        issuer: app.site_name.clone(),
        logo,
        presented: t("pdf-presented", &[]),
        name: c.learner_name.clone(),
        reason,
        course,
        course_lang,
        details: vec![
            t(
                "pdf-completed-on",
                &[("date", long_date(app, l, c.completed_at).into())],
            ),
            t("pdf-duration", &[("duration", duration.into())]),
        ],
        signatories,
        partner_logos,
        number_label: t("pdf-number", &[]),
        verify_label: t("pdf-verify", &[]),
        verify_url: app.link(&page(c)),
        title: format!("{heading} {number}"),
        issued_at: c.issued_at.unwrap_or(c.completed_at),
        heading,
        number,
        attachment: None,
    }
}

/// Issues the certificate of an enrolment by hand (administrators): the
/// learner completed the course elsewhere; `reason` says how, in the
/// audit log. Held, like any other, until the address is confirmed.
pub async fn issue_by_hand(
    app: &App,
    actor: &Actor,
    enrollment_id: i32,
    reason: &str,
) -> Result<Certificate, AppError> {
    policy::may(Some(actor), Action::ManageCertificates, On::Site)?;
    let reason = certs::parse_reason(reason)?;
    let e = kuza_enrollment::by_id(&app.db, enrollment_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let p = crate::learning::published_by_id(app, e.course_id).await?;
    let (_, v) = &*p;
    let txn = kuza_db::begin_write(&app.db).await?;
    let e = kuza_progress::lock(&txn, enrollment_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if !e.status.studies() {
        return Err(AppError::conflict(
            "not_enrolled",
            "the learner is not enrolled in this course",
        ));
    }
    if certs::of_enrollment(&txn, e.id).await?.is_some() {
        return Err(AppError::conflict(
            "already_certified",
            "this enrolment has its certificate already",
        ));
    }
    let (c, _, user, (held, score)) =
        earn(&txn, &e, &v.document, v.number, Gates::AddressOnly).await?;
    kuza_accounts::audit::record(
        &txn,
        Some(actor.id()),
        "certificate.issued_by_hand",
        "certificate",
        Some(c.id),
        json!({ "enrollment_id": e.id, "reason": reason }),
    )
    .await?;
    let c = match held {
        None => give(app, &txn, c, &user, Some(actor.id()), score).await?,
        Some(_) => c,
    };
    txn.commit().await?;
    Ok(c)
}

/// Corrects the learner's name on a certificate (administrators): the same
/// number, a new revision, signed and rendered again (the old PDF is
/// superseded).
pub async fn correct_name(
    app: &App,
    actor: &Actor,
    public_id: &str,
    name: &str,
) -> Result<Certificate, AppError> {
    let (txn, c) = for_administrator(app, actor, public_id).await?;
    let before = c.learner_name.clone();
    let c = certs::correct_name(&txn, c, name).await?;
    kuza_accounts::audit::record(
        &txn,
        Some(actor.id()),
        "certificate.revised",
        "certificate",
        Some(c.id),
        json!({ "number": c.number, "revision": c.revision, "from": before, "to": c.learner_name }),
    )
    .await?;
    if c.status == CertificateStatus::Issued {
        queue_render(&txn, &c).await?;
    }
    txn.commit().await?;
    tracing::info!(
        certificate.id = c.id,
        revision = c.revision,
        user.id = actor.id(),
        "certificate revised"
    );
    Ok(c)
}

/// A page of the certificates `filter` selects (administrators).
pub async fn list(
    app: &App,
    actor: &Actor,
    filter: &certs::Filter,
    page: u64,
    per_page: u64,
) -> Result<(Vec<Certificate>, u64), AppError> {
    policy::may(Some(actor), Action::ManageCertificates, On::Site)?;
    Ok(certs::page(&app.db, filter, page, per_page).await?)
}

/// Every certificate `filter` selects as CSV (administrators): UTF-8 with
/// a byte-order mark, formula-safe.
pub async fn export_csv(
    app: &App,
    actor: &Actor,
    filter: &certs::Filter,
) -> Result<String, AppError> {
    use crate::export::{csv_field, iso};
    policy::may(Some(actor), Action::ManageCertificates, On::Site)?;
    let mut out = String::from(
        "\u{feff}number,status,name,course,course_id,cohort_id,kind,completed_at,issued_at,revoked_at,revoked_reason,revision,url\r\n",
    );
    for c in certs::all(&app.db, filter).await? {
        let (title, _) = certs::title_in(&c, &c.default_language);
        let row = [
            csv_field(c.number.as_deref().unwrap_or_default()),
            csv_field(&c.status.code()),
            csv_field(&c.learner_name),
            csv_field(&title),
            c.course_id.to_string(),
            c.cohort_id.map(|x| x.to_string()).unwrap_or_default(),
            csv_field(&c.kind.code()),
            csv_field(&iso(c.completed_at)),
            csv_field(&c.issued_at.map(iso).unwrap_or_default()),
            csv_field(&c.revoked_at.map(iso).unwrap_or_default()),
            csv_field(c.revoked_reason.as_deref().unwrap_or_default()),
            c.revision.to_string(),
            csv_field(&app.link(&page(&c))),
        ];
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    Ok(out)
}

/// Finds an issued or revoked certificate by its number, for `/verify`:
/// each lookup counts against the client's limit (numbers are guessable,
/// so they cannot be tried by the thousand).
pub async fn find_by_number(
    app: &App,
    client: &str,
    number: &str,
) -> Result<Option<Certificate>, AppError> {
    let throttle = &app.limits.throttle;
    let over = kuza_accounts::auth::count_attempt(
        &app.db,
        &format!("verify:{client}"),
        throttle.window_seconds,
    )
    .await?
        > VERIFY_PER_WINDOW;
    if over {
        return Err(AppError::Throttled {
            retry_after: throttle.window_seconds,
        });
    }
    let Some(number) = certs::normalize_number(number) else {
        return Ok(None);
    };
    Ok(certs::by_number(&app.db, &number)
        .await?
        .filter(|c| c.status != CertificateStatus::Held))
}

/// Lookups by number a client may make in the throttling window.
pub const VERIFY_PER_WINDOW: u64 = 30;

/// A learner's enrolment as administrators see it beside certificates.
#[derive(Debug)]
pub struct Record {
    pub enrollment: Enrollment,
    pub title: kuza_courses::Translated,
    pub default_language: String,
    pub certificate: Option<Certificate>,
}

/// A learner's enrolments that may have a certificate (active or
/// completed), with theirs (administrators).
pub async fn learner_records(
    app: &App,
    actor: &Actor,
    user_id: i32,
) -> Result<Vec<Record>, AppError> {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    policy::may(Some(actor), Action::ManageCertificates, On::Site)?;
    let enrollments: Vec<Enrollment> = kuza_enrollment::of_user(&app.db, user_id)
        .await?
        .into_iter()
        .filter(|e| e.status.studies())
        .collect();
    let ids: Vec<i32> = enrollments.iter().map(|e| e.course_id).collect();
    let courses = kuza_db::entities::course::Entity::find()
        .filter(kuza_db::entities::course::Column::Id.is_in(ids))
        .all(&app.db)
        .await?;
    let mut held = certs::of_user(&app.db, user_id).await?;
    Ok(enrollments
        .into_iter()
        .filter_map(|e| {
            let c = courses.iter().find(|c| c.id == e.course_id)?;
            let certificate = held
                .iter()
                .position(|x| x.enrollment_id == e.id)
                .map(|i| held.swap_remove(i));
            Some(Record {
                title: kuza_courses::draft::translated(&c.title),
                default_language: c.default_language.clone(),
                certificate,
                enrollment: e,
            })
        })
        .collect())
}

/// A sample certificate of a course as it will look in `lang`, one of its
/// languages, with a name in the script of `name_lang` (any of the six;
/// else `lang`'s): an Arabic name on a French certificate, a Chinese one
/// on an English certificate (its editors, in the studio). Signed and
/// rendered now, never stored.
pub async fn preview(
    app: &App,
    actor: &Actor,
    course_id: i32,
    lang: &str,
    name_lang: Option<&str>,
) -> Result<Vec<u8>, AppError> {
    let c = crate::courses::editable(app, Some(actor), course_id).await?;
    let languages = kuza_courses::draft::languages_of(&c);
    if !languages.iter().any(|l| l.code() == lang) {
        return Err(AppError::NotFound);
    }
    let title = kuza_courses::draft::translated(&c.title);
    let mut sample = sample(&title, &c.default_language, lang, c.estimated_minutes);
    if let Some(other) = name_lang.and_then(Language::parse) {
        sample.learner_name = sample_name(other.code()).to_owned();
    }
    let design = crate::design::for_course(&app.db, c.id).await?;
    sample.design = serde_json::to_string(&design).ok();
    let credential = crate::credentials::sign_unkept(app, &sample, &c.slug).await?;
    render_with(app, &sample, lang, &credential).await
}

/// The signed credential of the certificate at a public id (anyone; a
/// revoked certificate's too: its status list says it is revoked).
pub async fn credential_at(app: &App, public_id: &str) -> Result<serde_json::Value, AppError> {
    let c = public(app, public_id).await?;
    crate::credentials::credential(app, &c).await
}

/// Whether `actor` may issue, correct and revoke certificates and validate
/// reports (what pages offer them).
pub fn may_manage(actor: Option<&Actor>) -> bool {
    policy::may(actor, Action::ManageCertificates, On::Site).is_ok()
}
