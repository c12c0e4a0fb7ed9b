//! Progress through a course: completed lessons, quiz attempts, and the
//! course's completion.
//!
//! Progress is recorded against lesson keys, which stay the same across
//! versions, and measured against the course's current version: a learner
//! keeps what they did when the course is republished.
//!
//! Every write here starts by locking the learner's enrolment row
//! ([`lock`]; `FOR UPDATE` on PostgreSQL, SQLite's single writer otherwise),
//! so the steps of one learner in one course happen one after another even
//! when they arrive at once from two server processes. Completion is then
//! evaluated in the same transaction as the step that finished the course,
//! and the `course_completed` job written there too, once per enrolment.

pub mod quiz;

use kuza_courses::Document;
use kuza_courses::versions::DocLesson;
use kuza_db::entities::{course, enrollment, lesson_progress};
use kuza_db::values::{AttendanceStatus, EnrollmentStatus, LessonKind};
use kuza_db::{is_postgres, now};
use kuza_enrollment::Enrollment;
use kuza_enrollment::sessions::{self, Session};
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, FromQueryResult,
    QueryFilter, QuerySelect, Statement,
};
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};

/// The job written when a learner completes a course (certificates).
pub const COURSE_COMPLETED: &str = "course_completed";

#[derive(Debug, thiserror::Error)]
pub enum ProgressError {
    #[error("no such lesson in this course")]
    NoSuchLesson,
    #[error("not enrolled in this course")]
    NotEnrolled,
    #[error("a quiz is completed by passing it")]
    LessonIsQuiz,
    #[error("a live session is completed by attending it")]
    LessonIsLive,
    #[error("a package lesson is completed when its package reports it")]
    LessonIsPackage,
    #[error(transparent)]
    Quiz(#[from] quiz::QuizError),
    #[error(transparent)]
    Job(#[from] kuza_jobs::JobError),
    #[error(transparent)]
    Db(#[from] DbErr),
}

impl ProgressError {
    pub fn code(&self) -> &'static str {
        match self {
            ProgressError::NoSuchLesson => "not_found",
            ProgressError::NotEnrolled => "not_enrolled",
            ProgressError::LessonIsQuiz => "lesson_is_quiz",
            ProgressError::LessonIsLive => "lesson_is_live",
            ProgressError::LessonIsPackage => "lesson_is_package",
            ProgressError::Quiz(e) => e.code(),
            ProgressError::Job(_) | ProgressError::Db(_) => "internal",
        }
    }
}

/// Re-reads the enrolment, locked until the transaction ends (see the
/// module's notes). `None` if it is gone.
pub async fn lock(conn: &impl ConnectionTrait, id: i32) -> Result<Option<Enrollment>, DbErr> {
    if is_postgres(conn) {
        let row = conn
            .query_one(Statement::from_sql_and_values(
                conn.get_database_backend(),
                "SELECT * FROM enrollments WHERE id = $1 FOR UPDATE",
                [id.into()],
            ))
            .await?;
        return row
            .map(|r| Enrollment::from_query_result(&r, ""))
            .transpose();
    }
    enrollment::Entity::find_by_id(id).one(conn).await
}

/// The learner's enrolment in a course, locked like [`lock`] (one query
/// where reading the id first would take two).
pub async fn lock_in(
    conn: &impl ConnectionTrait,
    course_id: i32,
    user_id: i32,
) -> Result<Option<Enrollment>, DbErr> {
    if is_postgres(conn) {
        let row = conn
            .query_one(Statement::from_sql_and_values(
                conn.get_database_backend(),
                "SELECT * FROM enrollments WHERE course_id = $1 AND user_id = $2 FOR UPDATE",
                [course_id.into(), user_id.into()],
            ))
            .await?;
        return row
            .map(|r| Enrollment::from_query_result(&r, ""))
            .transpose();
    }
    kuza_enrollment::find(conn, course_id, user_id).await
}

/// The learner's enrolment in a course with the keys of the lessons it has
/// completed, in one query (the course and lesson pages).
pub async fn find_with_completed(
    conn: &impl ConnectionTrait,
    course_id: i32,
    user_id: i32,
) -> Result<Option<(Enrollment, BTreeSet<String>)>, DbErr> {
    with_completed(conn, course_id, user_id, false).await
}

/// [`find_with_completed`], with the enrolment locked like [`lock`].
pub async fn lock_with_completed(
    conn: &impl ConnectionTrait,
    course_id: i32,
    user_id: i32,
) -> Result<Option<(Enrollment, BTreeSet<String>)>, DbErr> {
    with_completed(conn, course_id, user_id, true).await
}

async fn with_completed(
    conn: &impl ConnectionTrait,
    course_id: i32,
    user_id: i32,
    locked: bool,
) -> Result<Option<(Enrollment, BTreeSet<String>)>, DbErr> {
    use sea_orm::Iterable;
    use sea_orm::sea_query::{Expr, LockType, Query};
    let mut stmt = Query::select()
        .columns(enrollment::Column::iter().map(|c| (enrollment::Entity, c)))
        .column((lesson_progress::Entity, lesson_progress::Column::LessonKey))
        .from(enrollment::Entity)
        .left_join(
            lesson_progress::Entity,
            Expr::col((
                lesson_progress::Entity,
                lesson_progress::Column::EnrollmentId,
            ))
            .equals((enrollment::Entity, enrollment::Column::Id)),
        )
        .and_where(Expr::col((enrollment::Entity, enrollment::Column::CourseId)).eq(course_id))
        .and_where(Expr::col((enrollment::Entity, enrollment::Column::UserId)).eq(user_id))
        .to_owned();
    if locked && is_postgres(conn) {
        stmt.lock_with_tables(LockType::Update, [enrollment::Entity]);
    }
    let rows = conn
        .query_all(conn.get_database_backend().build(&stmt))
        .await?;
    let Some(first) = rows.first() else {
        return Ok(None);
    };
    let e = Enrollment::from_query_result(first, "")?;
    let mut done = BTreeSet::new();
    for r in &rows {
        if let Some(key) = r.try_get::<Option<String>>("", "lesson_key")? {
            done.insert(key);
        }
    }
    Ok(Some((e, done)))
}

/// The keys of the lessons the enrolment has completed.
pub async fn completed(
    conn: &impl ConnectionTrait,
    enrollment_id: i32,
) -> Result<BTreeSet<String>, DbErr> {
    let keys: Vec<String> = lesson_progress::Entity::find()
        .filter(lesson_progress::Column::EnrollmentId.eq(enrollment_id))
        .select_only()
        .column(lesson_progress::Column::LessonKey)
        .into_tuple()
        .all(conn)
        .await?;
    Ok(keys.into_iter().collect())
}

/// The completed lesson keys of several enrolments at once (a dashboard).
pub async fn completed_of(
    conn: &impl ConnectionTrait,
    enrollment_ids: &[i32],
) -> Result<HashMap<i32, BTreeSet<String>>, DbErr> {
    let mut out: HashMap<i32, BTreeSet<String>> = HashMap::new();
    for chunk in enrollment_ids.chunks(500) {
        let rows: Vec<(i32, String)> = lesson_progress::Entity::find()
            .filter(lesson_progress::Column::EnrollmentId.is_in(chunk.iter().copied()))
            .select_only()
            .column(lesson_progress::Column::EnrollmentId)
            .column(lesson_progress::Column::LessonKey)
            .into_tuple()
            .all(conn)
            .await?;
        for (id, key) in rows {
            out.entry(id).or_default().insert(key);
        }
    }
    Ok(out)
}

/// How far a learner is: over the required lessons, or over all lessons
/// when the course marks none required.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
    pub percent: u8,
    pub modules: Vec<ModuleProgress>,
    /// Where to resume: the first lesson not completed, in course order.
    pub next: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ModuleProgress {
    pub key: String,
    pub done: usize,
    pub total: usize,
    pub percent: u8,
}

fn percent(done: usize, total: usize) -> u8 {
    if total == 0 || done >= total {
        return 100;
    }
    // Never 100 before the last lesson: floor, not round.
    u8::try_from(done * 100 / total).unwrap_or(99)
}

impl Progress {
    pub fn of(doc: &Document, completed: &BTreeSet<String>) -> Progress {
        // Without required lessons, every lesson counts.
        let all = !doc
            .modules
            .iter()
            .flat_map(|m| &m.lessons)
            .any(|l| l.required);
        let mut modules = vec![];
        let (mut done, mut total) = (0, 0);
        for m in &doc.modules {
            let (mut d, mut t) = (0, 0);
            for l in m.lessons.iter().filter(|l| all || l.required) {
                t += 1;
                if completed.contains(&l.key) {
                    d += 1;
                }
            }
            done += d;
            total += t;
            modules.push(ModuleProgress {
                key: m.key.clone(),
                done: d,
                total: t,
                percent: percent(d, t),
            });
        }
        let next = doc
            .modules
            .iter()
            .flat_map(|m| &m.lessons)
            .find(|l| !completed.contains(&l.key))
            .map(|l| l.key.clone());
        Progress {
            done,
            total,
            percent: percent(done, total),
            modules,
            next,
        }
    }

    pub fn finished(&self) -> bool {
        self.done >= self.total
    }
}

pub fn lesson<'a>(doc: &'a Document, key: &str) -> Option<&'a DocLesson> {
    doc.modules
        .iter()
        .flat_map(|m| &m.lessons)
        .find(|l| l.key == key)
}

/// What a step changed.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
pub struct Step {
    /// The learner's enrolment.
    pub enrollment_id: i32,
    /// False when the lesson was already complete.
    pub newly: bool,
    /// True when this step completed the course.
    pub course_completed: bool,
}

/// Who completes a lesson.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Completer {
    /// The learner, saying so: a text, video or download lesson (quizzes
    /// complete by passing, live sessions by attendance, packages when
    /// they report it).
    Learner,
    /// The lesson's SCORM package, reporting it completed (and passed,
    /// where it reports success).
    Package,
}

/// Marks a lesson of a course complete for a learner enrolled in it, as
/// `by` may, then evaluates the course's completion. Call it in a write
/// transaction; `version` is the number of the version `doc` is. Returns
/// the step and where the learner is after it.
pub async fn complete_lesson(
    conn: &impl ConnectionTrait,
    course_id: i32,
    user_id: i32,
    doc: &Document,
    version: i32,
    key: &str,
    by: Completer,
) -> Result<(Step, Progress), ProgressError> {
    let (e, mut done) = lock_with_completed(conn, course_id, user_id)
        .await?
        .filter(|(e, _)| kuza_enrollment::studies(e))
        .ok_or(ProgressError::NotEnrolled)?;
    let l = lesson(doc, key).ok_or(ProgressError::NoSuchLesson)?;
    match (l.kind, by) {
        (LessonKind::Quiz, _) => return Err(ProgressError::LessonIsQuiz),
        (LessonKind::Live, _) => return Err(ProgressError::LessonIsLive),
        (LessonKind::Package, Completer::Learner) => return Err(ProgressError::LessonIsPackage),
        (LessonKind::Text | LessonKind::Video | LessonKind::File, Completer::Package) => {
            return Err(ProgressError::NoSuchLesson);
        }
        (LessonKind::Text | LessonKind::Video | LessonKind::File, Completer::Learner)
        | (LessonKind::Package, Completer::Package) => {}
    }
    // Read under the lock: nobody else adds this learner's lessons now.
    let newly = !done.contains(key) && record(conn, e.id, key).await?;
    done.insert(key.to_owned());
    let course_completed = evaluate_with(conn, &e, doc, version, &done).await?;
    let step = Step {
        enrollment_id: e.id,
        newly,
        course_completed,
    };
    Ok((step, Progress::of(doc, &done)))
}

/// Records whether a learner attended a session of their cohort. Being
/// present at a session that stands for a live-session lesson completes
/// that lesson; either way the course's completion is evaluated (its
/// attendance rule may now be met). Call it in a write transaction.
pub async fn record_attendance(
    conn: &impl ConnectionTrait,
    session: &Session,
    enrollment_id: i32,
    status: AttendanceStatus,
    by: i32,
    doc: &Document,
    version: i32,
) -> Result<Step, ProgressError> {
    let e = lock(conn, enrollment_id)
        .await?
        .filter(kuza_enrollment::studies)
        .filter(|e| e.cohort_id == Some(session.cohort_id))
        .ok_or(ProgressError::NotEnrolled)?;
    sessions::set_attendance(conn, session.id, e.id, status, by).await?;
    if status == AttendanceStatus::Present {
        kuza_enrollment::active_on(conn, e.id, session.starts_at).await?;
    }
    let newly = match &session.lesson_key {
        Some(key) if status == AttendanceStatus::Present && lesson(doc, key).is_some() => {
            record(conn, e.id, key).await?
        }
        _ => false,
    };
    let course_completed = evaluate(conn, &e, doc, version).await?;
    Ok(Step {
        enrollment_id: e.id,
        newly,
        course_completed,
    })
}

/// Stores one completed lesson (a day of activity); false if it was
/// already there.
async fn record(conn: &impl ConnectionTrait, enrollment_id: i32, key: &str) -> Result<bool, DbErr> {
    let t = now();
    kuza_enrollment::active_on(conn, enrollment_id, t).await?;
    let n = lesson_progress::Entity::insert(lesson_progress::ActiveModel {
        enrollment_id: Set(enrollment_id),
        lesson_key: Set(key.to_owned()),
        completed_at: Set(t),
    })
    .on_conflict(
        OnConflict::columns([
            lesson_progress::Column::EnrollmentId,
            lesson_progress::Column::LessonKey,
        ])
        .do_nothing()
        .to_owned(),
    )
    .exec_without_returning(conn)
    .await?;
    Ok(n == 1)
}

/// Completes the enrolment if every lesson that counts is complete (and, in
/// a cohort of a course with an attendance rule, enough sessions were
/// attended), and writes the `course_completed` job with it. `e` must have been read with
/// [`lock`] in this transaction. Returns whether this call completed it.
pub async fn evaluate(
    conn: &impl ConnectionTrait,
    e: &Enrollment,
    doc: &Document,
    version: i32,
) -> Result<bool, ProgressError> {
    if e.status != EnrollmentStatus::Active {
        return Ok(false);
    }
    let done = completed(conn, e.id).await?;
    evaluate_with(conn, e, doc, version, &done).await
}

/// [`evaluate`] with the completed lessons already read in the transaction.
async fn evaluate_with(
    conn: &impl ConnectionTrait,
    e: &Enrollment,
    doc: &Document,
    version: i32,
    done: &BTreeSet<String>,
) -> Result<bool, ProgressError> {
    if e.status != EnrollmentStatus::Active {
        return Ok(false);
    }
    if !Progress::of(doc, done).finished() {
        return Ok(false);
    }
    if e.cohort_id.is_some() {
        let rule = course::Entity::find_by_id(e.course_id)
            .one(conn)
            .await?
            .and_then(|c| c.attendance_percent);
        if let Some(percent) = rule
            && !sessions::rate(conn, e).await?.meets(percent)
        {
            return Ok(false);
        }
    }
    if !kuza_enrollment::complete(conn, e).await? {
        return Ok(false);
    }
    kuza_jobs::enqueue(
        conn,
        COURSE_COMPLETED,
        &serde_json::json!({
            "enrollment_id": e.id, "course_id": e.course_id, "user_id": e.user_id,
            "version": version, "completed_at": now(),
        }),
        Some(&format!("{COURSE_COMPLETED}:{}", e.id)),
    )
    .await?;
    Ok(true)
}
