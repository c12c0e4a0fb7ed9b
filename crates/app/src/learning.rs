//! A learner's steps: enrol, leave, confirm an offered place, complete a
//! lesson, start and submit a quiz attempt, and what the course, lesson and
//! dashboard pages show of them. Each step is one write transaction; its
//! emails and jobs are written in it, so they exist exactly when the step
//! committed.

use crate::mail::{self, Place};
use crate::policy::{self, Action, Actor, On};
use crate::published::Published;
use crate::{App, AppError};
use kuza_courses::Translated;
use kuza_courses::content::Quiz;
use kuza_courses::draft::{Course, translated};
use kuza_db::entities::course;
use kuza_db::values::{CourseStatus, EnrollmentStatus, LessonKind};
use kuza_enrollment::sessions::Session;
use kuza_enrollment::{By, EnrolError, Enrolled, Enrollment, Event};
use kuza_progress::quiz::{self, Attempt, Given, Submitted};
use kuza_progress::{Progress, Step};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use serde::Serialize;
use std::collections::BTreeSet;

/// A published course by id (from the per-process cache). An archived
/// one is `course_archived` (its learners' records remain), a draft or an
/// unknown id not found.
pub async fn published_by_id(app: &App, id: i32) -> Result<Published, AppError> {
    if let Some(p) = app.published.course_by_id(&app.db, id).await? {
        return Ok(p);
    }
    let status = course::Entity::find_by_id(id)
        .one(&app.db)
        .await?
        .map(|c| c.status);
    Err(match status {
        Some(CourseStatus::Archived) => EnrolError::Archived.into(),
        _ => AppError::NotFound,
    })
}

/// A published course by slug.
pub async fn published(app: &App, slug: &str) -> Result<Published, AppError> {
    Ok(app.published.course(&app.db, slug).await?)
}

/// The published course a lesson key belongs to.
pub async fn published_by_lesson(app: &App, key: &str) -> Result<Published, AppError> {
    let course_id = app
        .published
        .course_of_lesson(&app.db, key)
        .await?
        .ok_or(AppError::NotFound)?;
    published_by_id(app, course_id).await
}

/// Enrols the actor by themselves: in a self-paced course directly (with
/// its key, if it has one; with answers, if it takes applications), in a
/// cohort of any other course (a place, or the waitlist when it is full).
/// Emails them when something changed.
pub async fn enrol(
    app: &App,
    actor: &Actor,
    p: &Published,
    key: Option<&str>,
    answers: Option<&[String]>,
    cohort_id: Option<i32>,
) -> Result<Enrolled, AppError> {
    let txn = kuza_db::begin_write(&app.db).await?;
    // The settings as they are now, not as cached.
    let c = course::Entity::find_by_id(p.0.id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    let done = enrol_in(
        &txn,
        &c,
        actor.id(),
        cohort_id,
        By::Learner { key, answers },
    )
    .await?;
    let kind = match done.enrollment.status {
        EnrollmentStatus::Waitlisted => Some(Place::Waitlisted),
        EnrollmentStatus::Active => Some(Place::Enrolled),
        // An application is answered when it is decided.
        _ => None,
    };
    if let (true, Some(kind)) = (done.new, kind) {
        mail::place_of(&txn, app, kind, &done.enrollment, &actor.user, &c).await?;
    }
    txn.commit().await?;
    if done.new {
        tracing::info!(
            course.id = c.id,
            user.id = actor.id(),
            enrollment.id = done.enrollment.id,
            status = ?done.enrollment.status,
            "enrolled"
        );
    }
    Ok(done)
}

/// Enrols `user_id` in the course (`c` read in this transaction): directly
/// in a self-paced course, else in the cohort given.
pub(crate) async fn enrol_in(
    conn: &impl ConnectionTrait,
    c: &Course,
    user_id: i32,
    cohort_id: Option<i32>,
    by: By<'_>,
) -> Result<Enrolled, AppError> {
    if !c.format.runs_in_cohorts() {
        return Ok(kuza_enrollment::enrol_by(conn, c, user_id, by).await?);
    }
    let id = cohort_id.ok_or(EnrolError::NeedsCohort)?;
    let cohort = kuza_enrollment::cohorts::get(conn, id)
        .await?
        .filter(|k| k.course_id == c.id)
        .ok_or(AppError::NotFound)?;
    Ok(kuza_enrollment::cohorts::enrol(conn, c, &cohort, user_id, by).await?)
}

/// The actor's enrolment `id`, if it is theirs (someone else's is not found).
async fn own(app: &App, actor: &Actor, id: i32) -> Result<Enrollment, AppError> {
    let e = kuza_enrollment::by_id(&app.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    policy::may(Some(actor), Action::ActAsLearner, On::RecordOf(e.user_id))?;
    Ok(e)
}

/// The actor leaves the course or its waitlist (their progress is kept
/// should they return); a freed place is offered to the next on the
/// waitlist. Leaving twice is harmless.
pub async fn withdraw(app: &App, actor: &Actor, course_id: i32) -> Result<(), AppError> {
    let txn = kuza_db::begin_write(&app.db).await?;
    let e = kuza_enrollment::find(&txn, course_id, actor.id())
        .await?
        .ok_or(EnrolError::NotEnrolled)?;
    let offered = kuza_enrollment::withdraw(&txn, &e, actor.id()).await?;
    mail::offers(&txn, app, &offered).await?;
    txn.commit().await?;
    Ok(())
}

/// [`withdraw`], naming the enrolment.
pub async fn withdraw_enrollment(app: &App, actor: &Actor, id: i32) -> Result<(), AppError> {
    let e = own(app, actor, id).await?;
    withdraw(app, actor, e.course_id).await
}

/// The actor takes the place offered to them, before its deadline.
pub async fn confirm(app: &App, actor: &Actor, id: i32) -> Result<Enrollment, AppError> {
    let e = own(app, actor, id).await?;
    let txn = kuza_db::begin_write(&app.db).await?;
    let confirmed = kuza_enrollment::cohorts::confirm(&txn, &e).await?;
    txn.commit().await?;
    Ok(confirmed)
}

/// [`confirm`], naming the course.
pub async fn confirm_in(app: &App, actor: &Actor, course_id: i32) -> Result<Enrollment, AppError> {
    let e = kuza_enrollment::find(&app.db, course_id, actor.id())
        .await?
        .ok_or(AppError::NotFound)?;
    confirm(app, actor, e.id).await
}

/// Lapses the offers past their deadline and offers the places on (run
/// periodically by the worker). Returns how many lapsed.
pub async fn lapse_offers(app: &App) -> Result<usize, AppError> {
    let txn = kuza_db::begin_write(&app.db).await?;
    let done = kuza_enrollment::cohorts::lapse_offers(&txn).await?;
    mail::offers(&txn, app, &done.offered).await?;
    txn.commit().await?;
    Ok(done.lapsed.len())
}

/// The actor's enrolment in the course, if any (whatever its status), with
/// the lessons it has completed.
pub async fn enrollment_with_completed(
    app: &App,
    actor: &Actor,
    course_id: i32,
) -> Result<Option<(Enrollment, BTreeSet<String>)>, AppError> {
    Ok(kuza_progress::find_with_completed(&app.db, course_id, actor.id()).await?)
}

/// Where a learner is in a course.
pub async fn progress(app: &App, p: &Published, e: &Enrollment) -> Result<Progress, AppError> {
    let done = kuza_progress::completed(&app.db, e.id).await?;
    Ok(Progress::of(&p.1.document, &done))
}

/// One enrolment as its learner (or an administrator) reads it.
pub struct EnrollmentDetail {
    pub enrollment: Enrollment,
    pub slug: String,
    pub title: Translated,
    /// Absent for an archived course.
    pub progress: Option<Progress>,
    /// Every change, oldest first.
    pub history: Vec<Event>,
}

/// The enrolment `id` with its history.
pub async fn enrollment_detail(
    app: &App,
    actor: &Actor,
    id: i32,
) -> Result<EnrollmentDetail, AppError> {
    let e = kuza_enrollment::by_id(&app.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    policy::may(Some(actor), Action::ReadEnrollment, On::RecordOf(e.user_id))?;
    let (slug, title, progress) = match app.published.course_by_id(&app.db, e.course_id).await? {
        Some(p) => {
            let pr = progress(app, &p, &e).await?;
            (p.0.slug.clone(), p.1.document.title.clone(), Some(pr))
        }
        // Archived since: the record stays, without progress.
        None => {
            let c = course::Entity::find_by_id(e.course_id)
                .one(&app.db)
                .await?
                .ok_or(AppError::NotFound)?;
            (c.slug.clone(), translated(&c.title), None)
        }
    };
    let history = kuza_enrollment::events(&app.db, e.id).await?;
    Ok(EnrollmentDetail {
        enrollment: e,
        slug,
        title,
        progress,
        history,
    })
}

/// Marks a lesson complete; returns the step and the progress after it.
pub async fn complete_lesson(
    app: &App,
    actor: &Actor,
    p: &Published,
    key: &str,
) -> Result<(Step, Progress), AppError> {
    let (c, v) = &**p;
    let txn = kuza_db::begin_write(&app.db).await?;
    let (step, progress) = kuza_progress::complete_lesson(
        &txn,
        c.id,
        actor.id(),
        &v.document,
        v.number,
        key,
        kuza_progress::Completer::Learner,
    )
    .await?;
    crate::certificates::after_step(app, &txn, &step, &v.document, v.number).await?;
    txn.commit().await?;
    if step.course_completed {
        tracing::info!(course.id = c.id, user.id = actor.id(), "course completed");
    }
    Ok((step, progress))
}

/// Where to go after completing `key`: the next lesson in course order,
/// else the first one not done, else the course page (`None`).
pub fn after_lesson(p: &Published, key: &str, progress: &Progress) -> Option<String> {
    let keys: Vec<&str> =
        p.1.document
            .modules
            .iter()
            .flat_map(|m| m.lessons.iter().map(|l| l.key.as_str()))
            .collect();
    keys.iter()
        .position(|k| *k == key)
        .and_then(|i| keys.get(i + 1))
        .map(|k| (*k).to_owned())
        .or_else(|| progress.next.clone())
}

/// Starts (or resumes, `true`) an attempt at a quiz lesson.
pub async fn start_attempt(
    app: &App,
    actor: &Actor,
    p: &Published,
    key: &str,
) -> Result<(Attempt, bool), AppError> {
    let (c, v) = &**p;
    let txn = kuza_db::begin_write(&app.db).await?;
    let started = quiz::start(&txn, c.id, actor.id(), &v.document, key).await?;
    txn.commit().await?;
    Ok(started)
}

/// An attempt of the actor's, with the course it belongs to; anyone
/// else's is not found.
pub async fn own_attempt(
    app: &App,
    actor: &Actor,
    attempt_id: i32,
) -> Result<(Attempt, Published), AppError> {
    let a = quiz::attempt(&app.db, attempt_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let e = own(app, actor, a.enrollment_id).await?;
    let p = published_by_id(app, e.course_id).await?;
    Ok((a, p))
}

/// Submits an attempt's answers (once; see `kuza_progress::quiz`).
pub async fn submit_attempt(
    app: &App,
    actor: &Actor,
    attempt_id: i32,
    given: &Given,
) -> Result<(Submitted, Published), AppError> {
    let (_, p) = own_attempt(app, actor, attempt_id).await?;
    let (c, v) = &*p;
    let txn = kuza_db::begin_write(&app.db).await?;
    let done = quiz::submit(
        &txn,
        c.id,
        actor.id(),
        &v.document,
        v.number,
        attempt_id,
        given,
    )
    .await?;
    crate::certificates::after_graded(app, &txn, &done.step, &v.document, v.number).await?;
    txn.commit().await?;
    if done.step.course_completed {
        tracing::info!(course.id = c.id, user.id = actor.id(), "course completed");
    }
    Ok((done, p))
}

/// The state of an attempt as learners see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AttemptStatus {
    Open,
    Submitted,
    /// Not submitted in time.
    Expired,
}

pub fn status_of(a: &Attempt) -> AttemptStatus {
    if a.submitted_at.is_some() {
        AttemptStatus::Submitted
    } else if quiz::open_at(a, kuza_db::now()) {
        AttemptStatus::Open
    } else {
        AttemptStatus::Expired
    }
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

/// The portal page of an attempt.
pub fn attempt_path(slug: &str, a: &Attempt) -> String {
    format!("/courses/{slug}/lessons/{}/attempts/{}", a.lesson_key, a.id)
}

/// What the course page shows the viewer about their place in it.
pub enum CoursePlace {
    /// Not in the course (or they left): the course's open cohorts, for a
    /// cohort course.
    Outside { cohorts: Vec<OpenCohort> },
    /// Studying: their progress and, in a cohort, its sessions.
    Studying {
        enrollment: Enrollment,
        done: BTreeSet<String>,
        progress: Progress,
        sessions: Vec<Session>,
    },
    /// Waiting: on a waitlist, offered a place, or applied.
    Waiting {
        enrollment: Enrollment,
        cohort: Option<String>,
    },
}

/// A cohort as the course page lists it.
pub struct OpenCohort {
    pub cohort: kuza_enrollment::cohorts::Cohort,
    /// Places left; `None` without a capacity.
    pub left: Option<i64>,
    pub open: bool,
}

/// The viewer's place in a published course (`actor` `None`: signed out).
pub async fn course_place(
    app: &App,
    actor: Option<&Actor>,
    p: &Published,
) -> Result<CoursePlace, AppError> {
    let current = match actor {
        Some(a) => kuza_progress::find_with_completed(&app.db, p.0.id, a.id())
            .await?
            .filter(|(e, _)| !e.status.ended()),
        None => None,
    };
    Ok(match current {
        Some((e, done)) if e.status.studies() => {
            let progress = Progress::of(&p.1.document, &done);
            let sessions = match e.cohort_id {
                Some(k) => kuza_enrollment::sessions::of_cohort(&app.db, k).await?,
                None => vec![],
            };
            CoursePlace::Studying {
                enrollment: e,
                done,
                progress,
                sessions,
            }
        }
        Some((e, _)) => {
            let cohort = match e.cohort_id {
                Some(id) => kuza_enrollment::cohorts::get(&app.db, id)
                    .await?
                    .map(|c| c.name),
                None => None,
            };
            CoursePlace::Waiting {
                enrollment: e,
                cohort,
            }
        }
        None if p.0.format.runs_in_cohorts() => CoursePlace::Outside {
            cohorts: open_cohorts(app, p.0.id).await?,
        },
        None => CoursePlace::Outside { cohorts: vec![] },
    })
}

/// A course's cohorts that have not ended, soonest first, with the places
/// left in each.
pub async fn open_cohorts(app: &App, course_id: i32) -> Result<Vec<OpenCohort>, AppError> {
    use kuza_enrollment::cohorts;
    let now = kuza_db::now();
    let mut out = vec![];
    for c in cohorts::of_course(&app.db, course_id).await? {
        if c.ends_at < now {
            continue;
        }
        let taken = cohorts::taken(&app.db, c.id).await?;
        out.push(OpenCohort {
            left: c.capacity.map(|cap| (i64::from(cap) - taken as i64).max(0)),
            open: cohorts::open_at(&c, now),
            cohort: c,
        });
    }
    Ok(out)
}

/// What the lesson page shows a learner studying in the course.
pub struct LessonState {
    pub enrollment: Enrollment,
    pub done: BTreeSet<String>,
    pub progress: Progress,
    /// For a quiz lesson: the attempts so far.
    pub quiz: Option<QuizState>,
}

pub struct QuizState {
    /// Oldest first.
    pub attempts: Vec<Attempt>,
    /// The attempt still open, if any.
    pub open: Option<i32>,
    /// Attempts left; `None` without a limit.
    pub left: Option<usize>,
    /// The attempt whose score counts under the course's policy.
    pub counted: Option<i32>,
}

/// The viewer's state on a lesson page; `None` unless they study in the
/// course.
pub async fn lesson_state(
    app: &App,
    actor: Option<&Actor>,
    p: &Published,
    key: &str,
) -> Result<Option<LessonState>, AppError> {
    let Some(a) = actor else {
        return Ok(None);
    };
    let Some((e, done)) = kuza_progress::find_with_completed(&app.db, p.0.id, a.id())
        .await?
        .filter(|(e, _)| e.status.studies())
    else {
        return Ok(None);
    };
    let progress = Progress::of(&p.1.document, &done);
    let q = kuza_progress::lesson(&p.1.document, key).and_then(|l| l.content.quiz.as_ref());
    let quiz = match q {
        Some(q) => {
            let attempts = quiz::attempts(&app.db, e.id, key).await?;
            let now = kuza_db::now();
            Some(QuizState {
                open: attempts
                    .iter()
                    .find(|a| quiz::open_at(a, now))
                    .map(|a| a.id),
                left: q
                    .attempts
                    .map(|n| (n as usize).saturating_sub(attempts.len())),
                counted: quiz::counted(&attempts, p.0.grade_policy).map(|a| a.id),
                attempts,
            })
        }
        None => None,
    };
    Ok(Some(LessonState {
        enrollment: e,
        done,
        progress,
        quiz,
    }))
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
    /// The certificate it earned (given or held).
    pub certificate: Option<kuza_certification::Certificate>,
}

/// The actor's courses, newest enrolment first (those they left or were
/// removed from left out; waitlists and offered places in).
pub async fn dashboard(app: &App, actor: &Actor) -> Result<Vec<Entry>, AppError> {
    courses_of(app, actor.id()).await
}

/// A person's courses as their dashboard shows them (asked after the
/// policy allowed whoever reads them).
pub(crate) async fn courses_of(app: &App, user_id: i32) -> Result<Vec<Entry>, AppError> {
    let enrollments: Vec<Enrollment> = kuza_enrollment::of_user(&app.db, user_id)
        .await?
        .into_iter()
        .filter(|e| !e.status.ended())
        .collect();
    let ids: Vec<i32> = enrollments.iter().map(|e| e.course_id).collect();
    let courses = course::Entity::find()
        .filter(course::Column::Id.is_in(ids))
        .all(&app.db)
        .await?;
    let eids: Vec<i32> = enrollments.iter().map(|e| e.id).collect();
    let mut done = kuza_progress::completed_of(&app.db, &eids).await?;
    let mut certificates = kuza_certification::of_user(&app.db, user_id).await?;
    let mut out = vec![];
    for e in enrollments {
        let Some(c) = courses.iter().find(|c| c.id == e.course_id) else {
            continue;
        };
        let certificate = certificates
            .iter()
            .position(|x| x.enrollment_id == e.id)
            .map(|i| certificates.swap_remove(i));
        let entry = if c.status == CourseStatus::Published {
            let p = app.published.course(&app.db, &c.slug).await?;
            let doc = &p.1.document;
            let completed = done.remove(&e.id).unwrap_or_default();
            Entry {
                slug: c.slug.clone(),
                title: doc.title.clone(),
                default_language: doc.default_language.clone(),
                progress: Some(Progress::of(doc, &completed)),
                available: true,
                certificate,
                enrollment: e,
            }
        } else {
            Entry {
                slug: c.slug.clone(),
                title: translated(&c.title),
                default_language: c.default_language.clone(),
                progress: None,
                available: false,
                certificate,
                enrollment: e,
            }
        };
        out.push(entry);
    }
    Ok(out)
}

/// The keys of a course's live-session lessons in its current version
/// (none when it is not published).
pub async fn live_lessons(app: &App, course_id: i32) -> Result<Vec<LiveLesson>, AppError> {
    Ok(
        match app.published.course_by_id(&app.db, course_id).await? {
            Some(p) => {
                let doc = &p.1.document;
                doc.modules
                    .iter()
                    .flat_map(|m| &m.lessons)
                    .filter(|l| l.kind == LessonKind::Live)
                    .map(|l| LiveLesson {
                        key: l.key.clone(),
                        title: l.title.clone(),
                        default_language: doc.default_language.clone(),
                    })
                    .collect()
            }
            None => vec![],
        },
    )
}

/// A live-session lesson a session can stand for.
pub struct LiveLesson {
    pub key: String,
    pub title: Translated,
    pub default_language: String,
}
