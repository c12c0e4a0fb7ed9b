//! A learner's steps, shared by the API and the portal: enrol, leave,
//! complete a lesson, start and submit a quiz attempt, and the dashboard.
//! Each step is one write transaction; its emails and jobs are written in
//! it, so they exist exactly when the step committed.

use crate::state::AppState;
use kuza_accounts::users::User;
use kuza_courses::content::Quiz;
use kuza_courses::draft::{Course, translated};
use kuza_courses::versions::Version;
use kuza_courses::{CourseError, Translated, pick};
use kuza_db::entities::course;
use kuza_db::values::{AttendanceStatus, Code, CourseStatus, EnrollmentStatus, Format, LessonKind};
use kuza_enrollment::{By, EnrolError, Enrolled, Enrollment};
use kuza_i18n::Language;
use kuza_progress::quiz::{self, Attempt, Given, Submitted};
use kuza_progress::{Progress, ProgressError, Step};
use sea_orm::{ColumnTrait, DbErr, EntityTrait, QueryFilter};
use serde::Serialize;
use std::sync::Arc;

#[derive(Debug, thiserror::Error)]
pub enum LearningError {
    #[error(transparent)]
    Enrol(#[from] EnrolError),
    #[error(transparent)]
    Progress(#[from] ProgressError),
    #[error(transparent)]
    Course(#[from] CourseError),
    #[error(transparent)]
    Job(#[from] kuza_jobs::JobError),
    #[error(transparent)]
    Db(#[from] DbErr),
}

impl From<quiz::QuizError> for LearningError {
    fn from(e: quiz::QuizError) -> Self {
        LearningError::Progress(e.into())
    }
}

/// A published course and its current version (from the per-process cache).
pub type Published = Arc<(Course, Version)>;

/// A published course by id (from the cache). An archived one is
/// `Archived` (its learners' records remain), a draft not found.
pub async fn published_by_id(state: &AppState, id: i32) -> Result<Published, LearningError> {
    if let Some(p) = state.published.course_by_id(&state.db, id).await? {
        return Ok(p);
    }
    let status = course::Entity::find_by_id(id)
        .one(&state.db)
        .await?
        .map(|c| c.status);
    Err(match status {
        Some(CourseStatus::Archived) => EnrolError::Archived.into(),
        _ => EnrolError::NotFound.into(),
    })
}

/// The published course a lesson key belongs to.
pub async fn published_by_lesson(state: &AppState, key: &str) -> Result<Published, LearningError> {
    let course_id = state
        .published
        .course_of_lesson(&state.db, key)
        .await?
        .ok_or(ProgressError::NoSuchLesson)?;
    published_by_id(state, course_id).await
}

/// A course row by id, in any status.
pub async fn course_row(state: &AppState, id: i32) -> Result<Course, LearningError> {
    Ok(course::Entity::find_by_id(id)
        .one(&state.db)
        .await?
        .ok_or(EnrolError::NotFound)?)
}

/// Saves checked enrolment settings (`Settings::problems` is empty); the
/// cached course pages follow, as after a publication.
pub async fn save_settings(
    conn: &impl sea_orm::ConnectionTrait,
    course_id: i32,
    s: &kuza_enrollment::Settings,
) -> Result<(), LearningError> {
    kuza_enrollment::save_settings(conn, course_id, s).await?;
    kuza_courses::catalog::changed(conn).await?;
    Ok(())
}

fn language_of(user: &User) -> Language {
    Language::parse(&user.language).unwrap_or(Language::En)
}

/// Text of a translated field in `lang`, else the course's default.
pub fn text_in(t: &Translated, lang: Language, default: &str) -> String {
    pick(t, lang.code(), default).0.to_owned()
}

/// A course's title in `lang` and the absolute link to its page.
fn course_title_and_link(c: &Course, base_url: &str, lang: Language) -> (String, String) {
    let title = text_in(&translated(&c.title), lang, &c.default_language);
    let link = format!("{}/courses/{}", base_url.trim_end_matches('/'), c.slug);
    (title, link)
}

/// Queues the email about `e`'s place (`enrolled`, `waitlisted`, `offered`).
pub(crate) async fn email_enrolment(
    conn: &impl sea_orm::ConnectionTrait,
    base_url: &str,
    kind: &str,
    e: &Enrollment,
) -> Result<(), LearningError> {
    let user = kuza_accounts::users::get(conn, e.user_id)
        .await
        .map_err(|err| DbErr::Custom(err.to_string()))?;
    let Some(c) = course::Entity::find_by_id(e.course_id).one(conn).await? else {
        return Ok(());
    };
    email_place(conn, base_url, kind, e, &user, &c).await
}

/// [`email_enrolment`] with the learner and the course already read.
async fn email_place(
    conn: &impl sea_orm::ConnectionTrait,
    base_url: &str,
    kind: &str,
    e: &Enrollment,
    user: &User,
    c: &Course,
) -> Result<(), LearningError> {
    let lang = language_of(user);
    let (title, link) = course_title_and_link(c, base_url, lang);
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
    let msg = kuza_mail::Outgoing::enrolment(
        kind,
        &user.email,
        &user.display_name,
        lang,
        serde_json::json!({ "course": title, "cohort": cohort, "link": link, "deadline": deadline }),
    );
    kuza_mail::enqueue(conn, &msg).await?;
    Ok(())
}

/// Emails each learner offered a place.
async fn email_offers(
    conn: &impl sea_orm::ConnectionTrait,
    base_url: &str,
    offered: &[Enrollment],
) -> Result<(), LearningError> {
    for e in offered {
        email_enrolment(conn, base_url, "offered", e).await?;
        tracing::info!(
            enrollment.id = e.id,
            cohort.id = e.cohort_id,
            "place offered from the waitlist"
        );
    }
    Ok(())
}

/// Enrols `user` by themselves: in a self-paced course directly (with its
/// key, if it has one), in a cohort of any other course (a place, or the
/// waitlist when it is full). Emails them when something changed.
pub async fn enrol(
    state: &AppState,
    p: &Published,
    user: &User,
    key: Option<&str>,
    answers: Option<&[String]>,
    cohort_id: Option<i32>,
) -> Result<Enrolled, LearningError> {
    let cached = &p.0;
    let txn = kuza_db::begin_write(&state.db).await?;
    // The settings as they are now, not as cached.
    let c = course::Entity::find_by_id(cached.id)
        .one(&txn)
        .await?
        .ok_or(EnrolError::NotFound)?;
    let done = enrol_in(&txn, &c, user, cohort_id, By::Learner { key, answers }).await?;
    let kind = match done.enrollment.status {
        EnrollmentStatus::Waitlisted => Some("waitlisted"),
        EnrollmentStatus::Active => Some("enrolled"),
        // An application is answered when it is decided.
        _ => None,
    };
    if let (true, Some(kind)) = (done.new, kind) {
        email_place(
            &txn,
            &state.settings.base_url,
            kind,
            &done.enrollment,
            user,
            &c,
        )
        .await?;
    }
    txn.commit().await?;
    if done.new {
        tracing::info!(
            course.id = c.id,
            user.id = user.id,
            enrollment.id = done.enrollment.id,
            status = done.enrollment.status.code(),
            "enrolled"
        );
    }
    Ok(done)
}

/// Enrols `user` in the course (`c` read in this transaction): directly
/// in a self-paced course, else in the cohort given.
pub(crate) async fn enrol_in(
    conn: &impl sea_orm::ConnectionTrait,
    c: &Course,
    user: &User,
    cohort_id: Option<i32>,
    by: By<'_>,
) -> Result<Enrolled, LearningError> {
    Ok(match (c.format, cohort_id) {
        (Format::SelfPaced, _) => kuza_enrollment::enrol_by(conn, c, user.id, by).await?,
        (_, None) => return Err(EnrolError::NeedsCohort.into()),
        (_, Some(id)) => {
            let cohort = kuza_enrollment::cohorts::get(conn, id)
                .await?
                .filter(|k| k.course_id == c.id)
                .ok_or(EnrolError::NotFound)?;
            kuza_enrollment::cohorts::enrol(conn, c, &cohort, user.id, by).await?
        }
    })
}

/// Queues the invitation of someone a coordinator enrolled: the course, and
/// the link to choose a password.
pub(crate) async fn email_invitation(
    conn: &impl sea_orm::ConnectionTrait,
    base_url: &str,
    user: &User,
    c: &Course,
    link: &str,
) -> Result<(), LearningError> {
    let lang = language_of(user);
    let (title, course_link) = course_title_and_link(c, base_url, lang);
    let msg = kuza_mail::Outgoing::enrolment(
        "invited",
        &user.email,
        &user.display_name,
        lang,
        serde_json::json!({ "course": title, "link": link, "course_link": course_link }),
    );
    kuza_mail::enqueue(conn, &msg).await?;
    Ok(())
}

/// The learner leaves the course or its waitlist; a freed place is offered
/// to the next on the waitlist.
pub async fn withdraw(state: &AppState, course_id: i32, user_id: i32) -> Result<(), LearningError> {
    let txn = kuza_db::begin_write(&state.db).await?;
    let e = kuza_enrollment::find(&txn, course_id, user_id)
        .await?
        .ok_or(EnrolError::NotEnrolled)?;
    let offered = kuza_enrollment::withdraw(&txn, &e, user_id).await?;
    email_offers(&txn, &state.settings.base_url, &offered).await?;
    txn.commit().await?;
    Ok(())
}

/// A coordinator takes a learner out (the caller checked who may); a freed
/// place is offered to the next on the waitlist.
pub async fn remove(
    state: &AppState,
    e: &Enrollment,
    actor: i32,
    message: Option<&str>,
) -> Result<(), LearningError> {
    let txn = kuza_db::begin_write(&state.db).await?;
    let offered = kuza_enrollment::remove(&txn, e, actor, message).await?;
    email_offers(&txn, &state.settings.base_url, &offered).await?;
    txn.commit().await?;
    tracing::info!(
        enrollment.id = e.id,
        user.id = actor,
        "learner removed by a coordinator"
    );
    Ok(())
}

/// The learner takes the place offered to them.
pub async fn confirm(state: &AppState, e: &Enrollment) -> Result<Enrollment, LearningError> {
    let txn = kuza_db::begin_write(&state.db).await?;
    let confirmed = kuza_enrollment::cohorts::confirm(&txn, e).await?;
    txn.commit().await?;
    Ok(confirmed)
}

/// Lapses the offers past their deadline and offers the places on (run
/// periodically by the worker). Returns how many lapsed.
pub async fn lapse_offers(
    db: &sea_orm::DatabaseConnection,
    base_url: &str,
) -> Result<usize, LearningError> {
    let txn = kuza_db::begin_write(db).await?;
    let done = kuza_enrollment::cohorts::lapse_offers(&txn).await?;
    email_offers(&txn, base_url, &done.offered).await?;
    txn.commit().await?;
    Ok(done.lapsed.len())
}

/// Creates a cohort, or saves an existing one's changes (a larger capacity
/// offers places to the waitlist). The caller checked the input.
pub async fn save_cohort(
    state: &AppState,
    course_id: i32,
    cohort_id: Option<i32>,
    input: &kuza_enrollment::cohorts::CohortInput,
) -> Result<kuza_enrollment::cohorts::Cohort, LearningError> {
    let txn = kuza_db::begin_write(&state.db).await?;
    let cohort = match cohort_id {
        None => kuza_enrollment::cohorts::create(&txn, course_id, input).await?,
        Some(id) => {
            let offered = kuza_enrollment::cohorts::update(&txn, id, input).await?;
            email_offers(&txn, &state.settings.base_url, &offered).await?;
            kuza_enrollment::cohorts::get(&txn, id)
                .await?
                .ok_or(EnrolError::NotFound)?
        }
    };
    txn.commit().await?;
    Ok(cohort)
}

/// The viewer's enrolment in the course, if any (whatever its status), with
/// the lessons it has completed.
pub async fn enrollment_with_completed(
    state: &AppState,
    course_id: i32,
    user_id: i32,
) -> Result<Option<(Enrollment, std::collections::BTreeSet<String>)>, LearningError> {
    Ok(kuza_progress::find_with_completed(&state.db, course_id, user_id).await?)
}

/// The viewer's enrolment in the course, if any (whatever its status).
pub async fn enrollment(
    state: &AppState,
    course_id: i32,
    user_id: i32,
) -> Result<Option<Enrollment>, LearningError> {
    Ok(kuza_enrollment::find(&state.db, course_id, user_id).await?)
}

/// Where a learner is in a course.
pub async fn progress(
    state: &AppState,
    p: &Published,
    e: &Enrollment,
) -> Result<Progress, LearningError> {
    let done = kuza_progress::completed(&state.db, e.id).await?;
    Ok(Progress::of(&p.1.document, &done))
}

/// Marks a lesson complete; returns the step and the progress after it.
pub async fn complete_lesson(
    state: &AppState,
    p: &Published,
    user_id: i32,
    key: &str,
) -> Result<(Step, Progress), LearningError> {
    let (c, v) = &**p;
    let txn = kuza_db::begin_write(&state.db).await?;
    let (step, progress) =
        kuza_progress::complete_lesson(&txn, c.id, user_id, &v.document, v.number, key).await?;
    txn.commit().await?;
    if step.course_completed {
        tracing::info!(course.id = c.id, user.id = user_id, "course completed");
    }
    Ok((step, progress))
}

/// Starts (or resumes) an attempt at a quiz lesson.
pub async fn start_attempt(
    state: &AppState,
    p: &Published,
    user_id: i32,
    key: &str,
) -> Result<(Attempt, bool), LearningError> {
    let (c, v) = &**p;
    let txn = kuza_db::begin_write(&state.db).await?;
    let started = quiz::start(&txn, c.id, user_id, &v.document, key).await?;
    txn.commit().await?;
    Ok(started)
}

/// An attempt of the viewer's, with the course it belongs to.
pub async fn own_attempt(
    state: &AppState,
    user_id: i32,
    attempt_id: i32,
) -> Result<(Attempt, Enrollment, Published), LearningError> {
    let a = quiz::attempt(&state.db, attempt_id)
        .await?
        .ok_or(quiz::QuizError::AttemptNotFound)?;
    let e = kuza_enrollment::by_id(&state.db, a.enrollment_id)
        .await?
        .filter(|e| e.user_id == user_id)
        // Someone else's attempt is not found, rather than forbidden.
        .ok_or(quiz::QuizError::AttemptNotFound)?;
    let p = published_by_id(state, e.course_id).await?;
    Ok((a, e, p))
}

/// Submits an attempt's answers (once; see `kuza_progress::quiz`).
pub async fn submit_attempt(
    state: &AppState,
    p: &Published,
    user_id: i32,
    attempt_id: i32,
    given: &Given,
) -> Result<Submitted, LearningError> {
    let (c, v) = &**p;
    let txn = kuza_db::begin_write(&state.db).await?;
    let done = quiz::submit(
        &txn,
        c.id,
        user_id,
        &v.document,
        v.number,
        attempt_id,
        given,
    )
    .await?;
    txn.commit().await?;
    if done.step.course_completed {
        tracing::info!(course.id = c.id, user.id = user_id, "course completed");
    }
    Ok(done)
}

/// A course on the learner's dashboard.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    pub enrollment: Enrollment,
    pub slug: String,
    pub title: Translated,
    pub default_language: String,
    /// `None` for an archived course (no current version to measure against).
    pub progress: Option<Progress>,
    /// Whether its pages are still there (published).
    pub available: bool,
}

/// The learner's courses, newest enrolment first (those they left or were
/// removed from left out; waitlists and offered places in).
pub async fn dashboard(state: &AppState, user_id: i32) -> Result<Vec<Entry>, LearningError> {
    let enrollments: Vec<Enrollment> = kuza_enrollment::of_user(&state.db, user_id)
        .await?
        .into_iter()
        .filter(|e| !kuza_enrollment::ended(e))
        .collect();
    let ids: Vec<i32> = enrollments.iter().map(|e| e.course_id).collect();
    let courses = course::Entity::find()
        .filter(course::Column::Id.is_in(ids))
        .all(&state.db)
        .await?;
    let eids: Vec<i32> = enrollments.iter().map(|e| e.id).collect();
    let mut done = kuza_progress::completed_of(&state.db, &eids).await?;
    let mut out = vec![];
    for e in enrollments {
        let Some(c) = courses.iter().find(|c| c.id == e.course_id) else {
            continue;
        };
        let entry = if c.status == CourseStatus::Published {
            let p = state.published.course(&state.db, &c.slug).await?;
            let doc = &p.1.document;
            let completed = done.remove(&e.id).unwrap_or_default();
            Entry {
                slug: c.slug.clone(),
                title: doc.title.clone(),
                default_language: doc.default_language.clone(),
                progress: Some(Progress::of(doc, &completed)),
                available: true,
                enrollment: e,
            }
        } else {
            Entry {
                slug: c.slug.clone(),
                title: translated(&c.title),
                default_language: c.default_language.clone(),
                progress: None,
                available: false,
                enrollment: e,
            }
        };
        out.push(entry);
    }
    Ok(out)
}

/// The feedback a learner sees for one question: the question's own, then
/// that of each option they chose.
pub fn feedback_for(quiz: &Quiz, key: &str, given: &Given) -> Vec<Translated> {
    let Some(q) = quiz.questions.iter().find(|q| q.key == key) else {
        return vec![];
    };
    let chosen = given.get(key).cloned().unwrap_or_default();
    let mut out: Vec<Translated> = q
        .answer
        .options()
        .iter()
        .filter(|o| chosen.contains(&o.key) && !o.feedback.is_empty())
        .map(|o| o.feedback.clone())
        .collect();
    if !q.feedback.is_empty() {
        out.insert(0, q.feedback.clone());
    }
    out
}

pub fn status_of(a: &Attempt) -> &'static str {
    if a.submitted_at.is_some() {
        "submitted"
    } else if quiz::open_at(a, kuza_db::now()) {
        "open"
    } else {
        "expired"
    }
}

/// The portal page of an attempt.
pub fn attempt_path(slug: &str, a: &Attempt) -> String {
    format!("/courses/{slug}/lessons/{}/attempts/{}", a.lesson_key, a.id)
}

/// Records the attendance a facilitator took at a session, all or nothing:
/// `(enrollment id, status)` for members of the session's cohort. Returns
/// how many learners this completed the course for.
pub async fn take_attendance(
    state: &AppState,
    session: &kuza_enrollment::sessions::Session,
    records: &[(i32, AttendanceStatus)],
    by: i32,
) -> Result<usize, LearningError> {
    let cohort = kuza_enrollment::cohorts::get(&state.db, session.cohort_id)
        .await?
        .ok_or(EnrolError::NotFound)?;
    let p = published_by_id(state, cohort.course_id).await?;
    let (_, v) = &*p;
    let txn = kuza_db::begin_write(&state.db).await?;
    let mut completed = 0;
    for (enrollment_id, status) in records {
        let step = kuza_progress::record_attendance(
            &txn,
            session,
            *enrollment_id,
            *status,
            by,
            &v.document,
            v.number,
        )
        .await?;
        if step.course_completed {
            completed += 1;
        }
    }
    txn.commit().await?;
    tracing::info!(
        session.id = session.id,
        records = records.len(),
        completed,
        user.id = by,
        "attendance taken"
    );
    Ok(completed)
}

/// Emails the members of every cohort whose session starts within a day
/// (once per session, whichever process gets there first). Run by the
/// worker; returns how many sessions were reminded of.
pub async fn send_reminders(
    db: &sea_orm::DatabaseConnection,
    base_url: &str,
) -> Result<usize, LearningError> {
    let txn = kuza_db::begin_write(db).await?;
    let due = kuza_enrollment::sessions::take_due_reminders(&txn, 24 * 3600).await?;
    for s in &due {
        let Some(cohort) = kuza_enrollment::cohorts::get(&txn, s.cohort_id).await? else {
            continue;
        };
        for m in kuza_enrollment::cohorts::roster(&txn, cohort.id).await? {
            if kuza_enrollment::studies(&m.enrollment)
                && m.enrollment.status != EnrollmentStatus::Completed
            {
                email_reminder(&txn, base_url, s, &cohort, &m.enrollment).await?;
            }
        }
    }
    txn.commit().await?;
    Ok(due.len())
}

async fn email_reminder(
    conn: &impl sea_orm::ConnectionTrait,
    base_url: &str,
    s: &kuza_enrollment::sessions::Session,
    cohort: &kuza_enrollment::cohorts::Cohort,
    e: &Enrollment,
) -> Result<(), LearningError> {
    let user = kuza_accounts::users::get(conn, e.user_id)
        .await
        .map_err(|err| DbErr::Custom(err.to_string()))?;
    let Some(c) = course::Entity::find_by_id(e.course_id).one(conn).await? else {
        return Ok(());
    };
    let lang = language_of(&user);
    let (title, link) = course_title_and_link(&c, base_url, lang);
    let msg = kuza_mail::Outgoing::enrolment(
        "session_reminder",
        &user.email,
        &user.display_name,
        lang,
        serde_json::json!({
            "course": title, "cohort": cohort.name, "link": link, "session": s.title,
            "when": crate::calendar::local_time(s.starts_at, &s.time_zone),
            "venue": s.venue, "meeting_url": s.meeting_url,
        }),
    );
    kuza_mail::enqueue(conn, &msg).await?;
    Ok(())
}

/// The sessions a person's calendar shows: those of the cohorts they study
/// in, with their course's title in their language.
pub async fn calendar_of(
    state: &AppState,
    user: &User,
) -> Result<Vec<(kuza_enrollment::sessions::Session, String, String, String)>, LearningError> {
    let lang = language_of(user);
    let mine: Vec<Enrollment> = kuza_enrollment::of_user(&state.db, user.id)
        .await?
        .into_iter()
        .filter(kuza_enrollment::studies)
        .collect();
    let cohort_ids: Vec<i32> = mine.iter().filter_map(|e| e.cohort_id).collect();
    let mut out = vec![];
    for s in kuza_enrollment::sessions::of_cohorts(&state.db, &cohort_ids).await? {
        let Some(cohort) = kuza_enrollment::cohorts::get(&state.db, s.cohort_id).await? else {
            continue;
        };
        let c = course_row(state, cohort.course_id).await?;
        let (title, link) = course_title_and_link(&c, &state.settings.base_url, lang);
        out.push((s, title, cohort.name, link));
    }
    Ok(out)
}

/// What someone is to a cohort, most rights first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum CohortRole {
    /// The course's owner, a co-author or an administrator: runs it all.
    Editor,
    /// Takes attendance and reads the roster.
    Facilitator,
    /// Studies in it (active or completed).
    Member,
}

/// The cohort and what `user_id` is to it (`None`: nothing).
pub async fn cohort_role(
    state: &AppState,
    user_id: i32,
    is_admin: bool,
    cohort_id: i32,
) -> Result<(kuza_enrollment::cohorts::Cohort, Option<CohortRole>), LearningError> {
    let cohort = kuza_enrollment::cohorts::get(&state.db, cohort_id)
        .await?
        .ok_or(EnrolError::NotFound)?;
    let role =
        match kuza_courses::draft::editable(&state.db, cohort.course_id, user_id, is_admin).await {
            Ok(_) => Some(CohortRole::Editor),
            Err(CourseError::Forbidden) => {
                if kuza_enrollment::cohorts::facilitators(&state.db, cohort.id)
                    .await?
                    .contains(&user_id)
                {
                    Some(CohortRole::Facilitator)
                } else {
                    kuza_enrollment::find(&state.db, cohort.course_id, user_id)
                        .await?
                        .filter(|e| e.cohort_id == Some(cohort.id) && kuza_enrollment::studies(e))
                        .map(|_| CohortRole::Member)
                }
            }
            Err(e) => return Err(e.into()),
        };
    Ok((cohort, role))
}

/// The keys of a course's live-session lessons in its current version
/// (none when it is not published).
pub async fn live_lessons(state: &AppState, course_id: i32) -> Vec<String> {
    match published_by_id(state, course_id).await {
        Ok(p) => {
            p.1.document
                .modules
                .iter()
                .flat_map(|m| &m.lessons)
                .filter(|l| l.kind == LessonKind::Live)
                .map(|l| l.key.clone())
                .collect()
        }
        Err(_) => vec![],
    }
}

/// Whether `user_id` may grade the attempts of enrolment `e`: an
/// administrator, an editor of its course, or a facilitator of its cohort.
pub async fn can_grade(
    state: &AppState,
    user_id: i32,
    is_admin: bool,
    e: &Enrollment,
) -> Result<bool, LearningError> {
    if is_admin
        || kuza_courses::draft::editable(&state.db, e.course_id, user_id, false)
            .await
            .is_ok()
    {
        return Ok(true);
    }
    Ok(match e.cohort_id {
        Some(k) => kuza_enrollment::cohorts::facilitators(&state.db, k)
            .await?
            .contains(&user_id),
        None => false,
    })
}

/// An attempt waiting for a person, with what grading it needs.
pub struct Pending {
    pub attempt: kuza_progress::quiz::Attempt,
    pub enrollment: Enrollment,
    pub learner: String,
    pub published: Published,
}

/// The attempts waiting for a person that `user_id` may grade, oldest
/// first (at most 200 at a time): those of the courses they own or co-author
/// and of the cohorts they facilitate (all for administrators), read in one
/// query, then their enrolments and learners in one query each.
pub async fn pending_grading(
    state: &AppState,
    user_id: i32,
    is_admin: bool,
) -> Result<Vec<Pending>, LearningError> {
    use kuza_db::entities::{cohort_facilitator, enrollment, quiz_attempt, user};
    use sea_orm::sea_query::{Expr, Query};
    use sea_orm::{Condition, QueryOrder, QuerySelect};
    let mut q = quiz_attempt::Entity::find()
        .filter(quiz_attempt::Column::NeedsGrading.eq(true))
        .order_by_asc(quiz_attempt::Column::SubmittedAt)
        .order_by_asc(quiz_attempt::Column::Id)
        .limit(200);
    if !is_admin {
        let courses: Vec<i32> = kuza_courses::draft::list_editable(&state.db, user_id, false)
            .await?
            .iter()
            .map(|c| c.id)
            .collect();
        let cohorts: Vec<i32> = cohort_facilitator::Entity::find()
            .filter(cohort_facilitator::Column::UserId.eq(user_id))
            .select_only()
            .column(cohort_facilitator::Column::CohortId)
            .into_tuple()
            .all(&state.db)
            .await?;
        if courses.is_empty() && cohorts.is_empty() {
            return Ok(vec![]);
        }
        let theirs = Query::select()
            .column(enrollment::Column::Id)
            .from(enrollment::Entity)
            .cond_where(
                Condition::any()
                    .add(enrollment::Column::CourseId.is_in(courses))
                    .add(enrollment::Column::CohortId.is_in(cohorts)),
            )
            .to_owned();
        q = q.filter(Expr::col(quiz_attempt::Column::EnrollmentId).in_subquery(theirs));
    }
    let waiting = q.all(&state.db).await?;
    let enrolments: std::collections::HashMap<i32, Enrollment> = enrollment::Entity::find()
        .filter(enrollment::Column::Id.is_in(waiting.iter().map(|a| a.enrollment_id)))
        .all(&state.db)
        .await?
        .into_iter()
        .map(|e| (e.id, e))
        .collect();
    let names: std::collections::HashMap<i32, String> = user::Entity::find()
        .filter(user::Column::Id.is_in(enrolments.values().map(|e| e.user_id)))
        .select_only()
        .column(user::Column::Id)
        .column(user::Column::DisplayName)
        .into_tuple::<(i32, String)>()
        .all(&state.db)
        .await?
        .into_iter()
        .collect();
    let mut out = vec![];
    for a in waiting {
        let Some(e) = enrolments.get(&a.enrollment_id).cloned() else {
            continue;
        };
        // An archived course's attempts wait until it is published again.
        let Ok(p) = published_by_id(state, e.course_id).await else {
            continue;
        };
        out.push(Pending {
            learner: names.get(&e.user_id).cloned().unwrap_or_default(),
            attempt: a,
            enrollment: e,
            published: p,
        });
    }
    Ok(out)
}

/// Records a grader's decisions on an attempt's pending answers (the caller
/// checked they may grade it).
pub async fn grade(
    state: &AppState,
    p: &Published,
    attempt_id: i32,
    decisions: &std::collections::BTreeMap<String, bool>,
    by: i32,
) -> Result<Option<kuza_progress::quiz::Attempt>, LearningError> {
    let (_, v) = &**p;
    let txn = kuza_db::begin_write(&state.db).await?;
    let done =
        kuza_progress::quiz::grade_pending(&txn, attempt_id, decisions, by, &v.document, v.number)
            .await?;
    txn.commit().await?;
    if let Some((a, step)) = &done {
        tracing::info!(
            attempt.id = a.id,
            user.id = by,
            course_completed = step.course_completed,
            "answers graded"
        );
    }
    Ok(done.map(|(a, _)| a))
}

/// A coordinator accepts or declines an application (the caller checked
/// they may), with an optional message emailed to the applicant.
pub async fn decide(
    state: &AppState,
    e: &Enrollment,
    accept: bool,
    actor: i32,
    message: Option<&str>,
) -> Result<Enrollment, LearningError> {
    let txn = kuza_db::begin_write(&state.db).await?;
    let c = course::Entity::find_by_id(e.course_id)
        .one(&txn)
        .await?
        .ok_or(EnrolError::NotFound)?;
    let decided = if accept {
        kuza_enrollment::accept(&txn, e, &c, actor, message).await?
    } else {
        kuza_enrollment::decline(&txn, e, actor, message).await?
    };
    let user = kuza_accounts::users::get(&txn, e.user_id)
        .await
        .map_err(|err| DbErr::Custom(err.to_string()))?;
    let lang = language_of(&user);
    let (title, link) = course_title_and_link(&c, &state.settings.base_url, lang);
    let kind = if accept { "accepted" } else { "declined" };
    let msg = kuza_mail::Outgoing::enrolment(
        kind,
        &user.email,
        &user.display_name,
        lang,
        serde_json::json!({
            "course": title, "link": link, "message": message.unwrap_or_default(),
            "waitlisted": decided.status == EnrollmentStatus::Waitlisted,
        }),
    );
    kuza_mail::enqueue(&txn, &msg).await?;
    txn.commit().await?;
    tracing::info!(
        enrollment.id = e.id,
        user.id = actor,
        decision = kind,
        "application decided"
    );
    Ok(decided)
}
