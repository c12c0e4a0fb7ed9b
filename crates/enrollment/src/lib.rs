//! Enrolment: a learner's place in a course, and every change to it.
//!
//! One row per learner and course (`enrollments`, unique on the pair), so
//! enrolling twice is harmless and a learner who withdrew and comes back
//! keeps their progress. Each change of status writes an
//! `enrollment_events` row with who made it and when, in the same
//! transaction.
//!
//! Self-enrolment into a self-paced course is one step. Two learners taking
//! the last seat at once cannot both get it: on PostgreSQL the course row
//! is locked (`FOR UPDATE`) before the seats are counted; SQLite has one
//! writer at a time (callers use `kuza_db::begin_write`).

use kuza_db::entities::{course, enrollment, enrollment_event};
use kuza_db::sql::Sql;
pub use kuza_db::values::EnrollmentStatus;
use kuza_db::values::{Code, CourseStatus};
pub use kuza_db::values::{EnrolmentMode, GradePolicy};
use kuza_db::{is_postgres, now};
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, Statement,
};
use serde::Serialize;
use subtle::ConstantTimeEq;

pub use kuza_db::entities::enrollment::Model as Enrollment;
pub use kuza_db::entities::enrollment_event::Model as Event;

/// Screening questions a course may ask, and the longest answer kept.
pub const MAX_QUESTIONS: usize = 10;
/// Characters per language of a screening question.
pub const QUESTION_MAX: usize = 500;
pub const ENROLMENT_KEY_MAX: usize = 100;
pub const ENROLMENT_CAP: std::ops::RangeInclusive<i32> = 1..=1_000_000;
pub const ATTENDANCE_PERCENT: std::ops::RangeInclusive<i32> = 1..=100;
pub const MAX_ANSWER: usize = 2_000;

pub mod cohorts;
pub mod partners;
pub mod reports;
pub mod sessions;

/// Whether the learner may study (and is counted in the course).
pub fn studies(e: &Enrollment) -> bool {
    e.status.studies()
}

/// Whether the enrolment has ended (the learner left, was removed, or
/// their application was declined).
pub fn ended(e: &Enrollment) -> bool {
    e.status.ended()
}

/// A course's screening questions: each a map from language code to text.
pub fn screening(c: &course::Model) -> Vec<std::collections::BTreeMap<String, String>> {
    c.screening_questions
        .as_deref()
        .and_then(|s| serde_json::from_str(s).ok())
        .unwrap_or_default()
}

/// An applicant's answers, checked against the course's questions, as the
/// JSON kept with the enrolment.
pub(crate) fn answers_json(
    c: &course::Model,
    answers: Option<&[String]>,
) -> Result<String, EnrolError> {
    let questions = screening(c).len();
    let answers: Vec<String> = answers
        .unwrap_or_default()
        .iter()
        .map(|a| a.trim().to_owned())
        .collect();
    if answers.len() != questions
        || answers
            .iter()
            .any(|a| a.is_empty() || a.chars().count() > MAX_ANSWER)
    {
        return Err(EnrolError::AnswersRequired);
    }
    serde_json::to_string(&answers).map_err(|e| EnrolError::Db(DbErr::Custom(e.to_string())))
}

#[derive(Debug, thiserror::Error)]
pub enum EnrolError {
    /// Unknown, or a draft never published: nothing a learner can see.
    #[error("no such course")]
    NotFound,
    #[error("the course is archived")]
    Archived,
    #[error("this course does not take enrolments")]
    Closed,
    #[error("this course runs in cohorts: enrol in one of its cohorts")]
    NeedsCohort,
    #[error("an enrolment key is needed")]
    KeyRequired,
    #[error("the enrolment key is wrong")]
    WrongKey,
    #[error("the course is full")]
    Full,
    #[error("a completed course cannot be left")]
    AlreadyCompleted,
    #[error("a coordinator removed you from this course")]
    Removed,
    #[error("enrolment in this cohort is not open")]
    CohortClosed,
    #[error("no place is waiting for your confirmation")]
    NoOffer,
    #[error("answer every screening question")]
    AnswersRequired,
    #[error("this is not an application waiting for a decision")]
    NotAnApplication,
    #[error("not enrolled")]
    NotEnrolled,
    #[error("the places granted to your organisation in this course are all taken")]
    PartnerPlacesUsed,
    #[error(transparent)]
    Db(#[from] DbErr),
}

impl EnrolError {
    /// A stable code for the API's problem documents and the portal's notices.
    pub fn code(&self) -> &'static str {
        match self {
            EnrolError::NotFound => "not_found",
            EnrolError::Archived => "course_archived",
            EnrolError::Closed => "enrolment_closed",
            EnrolError::NeedsCohort => "enrolment_needs_cohort",
            EnrolError::KeyRequired => "enrolment_key_required",
            EnrolError::WrongKey => "enrolment_key_wrong",
            EnrolError::Full => "course_full",
            EnrolError::AlreadyCompleted => "enrollment_completed",
            EnrolError::Removed => "enrollment_removed",
            EnrolError::CohortClosed => "cohort_closed",
            EnrolError::NoOffer => "no_offer",
            EnrolError::AnswersRequired => "answers_required",
            EnrolError::NotAnApplication => "not_an_application",
            EnrolError::NotEnrolled => "not_enrolled",
            EnrolError::PartnerPlacesUsed => "partner_places_used",
            EnrolError::Db(_) => "internal",
        }
    }
}

/// The result of asking to enrol.
#[derive(Debug, Clone, Serialize)]
pub struct Enrolled {
    pub enrollment: Enrollment,
    /// False when the learner was already in the course (nothing changed).
    pub new: bool,
}

/// The learner's enrolment in a course, whatever its status.
pub async fn find(
    conn: &impl ConnectionTrait,
    course_id: i32,
    user_id: i32,
) -> Result<Option<Enrollment>, DbErr> {
    enrollment::Entity::find()
        .filter(enrollment::Column::CourseId.eq(course_id))
        .filter(enrollment::Column::UserId.eq(user_id))
        .one(conn)
        .await
}

pub async fn by_id(conn: &impl ConnectionTrait, id: i32) -> Result<Option<Enrollment>, DbErr> {
    enrollment::Entity::find_by_id(id).one(conn).await
}

/// A learner's enrolments, newest first.
pub async fn of_user(conn: &impl ConnectionTrait, user_id: i32) -> Result<Vec<Enrollment>, DbErr> {
    enrollment::Entity::find()
        .filter(enrollment::Column::UserId.eq(user_id))
        .order_by_desc(enrollment::Column::EnrolledAt)
        .order_by_desc(enrollment::Column::Id)
        .all(conn)
        .await
}

/// An enrolment's history, oldest first.
pub async fn events(conn: &impl ConnectionTrait, enrollment_id: i32) -> Result<Vec<Event>, DbErr> {
    enrollment_event::Entity::find()
        .filter(enrollment_event::Column::EnrollmentId.eq(enrollment_id))
        .order_by_asc(enrollment_event::Column::Id)
        .all(conn)
        .await
}

/// Records a change of `e`'s status (already written) with who made it.
pub async fn record(
    conn: &impl ConnectionTrait,
    enrollment_id: i32,
    status: EnrollmentStatus,
    actor: Option<i32>,
    message: Option<&str>,
) -> Result<(), DbErr> {
    let t = now();
    enrollment_event::Entity::insert(enrollment_event::ActiveModel {
        enrollment_id: Set(enrollment_id),
        status: Set(status),
        actor_id: Set(actor),
        message: Set(message.map(str::to_owned)),
        created_at: Set(t),
        ..Default::default()
    })
    .exec_without_returning(conn)
    .await?;
    if status.studies() {
        active_on(conn, enrollment_id, t).await?;
    }
    Ok(())
}

/// Records that the enrolment's learner did something on the (UTC) day of
/// `at`: enrolled, completed a lesson or a quiz, attended, completed the
/// course. Reports count a period's active learners from these days. Once
/// per enrolment and day.
pub async fn active_on(
    conn: &impl ConnectionTrait,
    enrollment_id: i32,
    at: i64,
) -> Result<(), DbErr> {
    let day = i32::try_from(at.div_euclid(86_400)).unwrap_or(i32::MAX);
    // The learner and course copied from the enrolment, in one statement.
    let mut sql = Sql::new(conn.get_database_backend());
    sql.push("INSERT INTO learning_days (enrollment_id, day, user_id, course_id) SELECT id, ")
        .bind(day);
    sql.push(", user_id, course_id FROM enrollments WHERE id = ")
        .bind(enrollment_id);
    sql.push(" ON CONFLICT (enrollment_id, day) DO NOTHING");
    conn.execute(sql.statement()).await?;
    Ok(())
}

/// How many learners are active in the course.
pub async fn active_count(conn: &impl ConnectionTrait, course_id: i32) -> Result<u64, DbErr> {
    enrollment::Entity::find()
        .filter(enrollment::Column::CourseId.eq(course_id))
        .filter(enrollment::Column::Status.eq(EnrollmentStatus::Active))
        .count(conn)
        .await
}

/// Locks the course row until the transaction ends (PostgreSQL), so seat
/// counts taken after it are not raced by another enrolment.
pub(crate) async fn lock_course(conn: &impl ConnectionTrait, course_id: i32) -> Result<(), DbErr> {
    if is_postgres(conn) {
        conn.execute(Statement::from_sql_and_values(
            conn.get_database_backend(),
            "SELECT id FROM courses WHERE id = $1 FOR UPDATE",
            [course_id.into()],
        ))
        .await?;
    }
    Ok(())
}

/// Who asks for an enrolment.
#[derive(Debug, Clone, Copy)]
pub enum By<'a> {
    /// The learner, with the course's key if it has one, or their answers
    /// to its screening questions when it takes applications.
    Learner {
        key: Option<&'a str>,
        answers: Option<&'a [String]>,
    },
    /// A coordinator or administrator (a bulk upload): no key is needed and
    /// a closed course or cohort window does not stop them; caps and
    /// capacities still hold.
    Coordinator { actor: i32 },
    /// A partner coordinator enrolling their organisation's people, in a
    /// course open to them (the policy decides which): like a coordinator,
    /// except that someone a coordinator removed stays removed.
    Partner { actor: i32 },
}

impl By<'_> {
    pub(crate) fn actor(&self, learner: i32) -> i32 {
        match self {
            By::Learner { .. } => learner,
            By::Coordinator { actor } | By::Partner { actor } => *actor,
        }
    }

    /// Only a coordinator brings back someone a coordinator removed.
    pub(crate) fn may_undo_removal(&self) -> bool {
        matches!(self, By::Coordinator { .. })
    }
}

/// Enrols `user_id` in a self-paced course by themselves. Already enrolled
/// (or completed): nothing changes. Withdrawn: active again, with the
/// progress kept. Call it in a write transaction.
pub async fn enrol(
    conn: &impl ConnectionTrait,
    c: &course::Model,
    user_id: i32,
    key: Option<&str>,
) -> Result<Enrolled, EnrolError> {
    enrol_by(conn, c, user_id, By::Learner { key, answers: None }).await
}

/// [`enrol`], asked by the learner or by a coordinator.
pub async fn enrol_by(
    conn: &impl ConnectionTrait,
    c: &course::Model,
    user_id: i32,
    by: By<'_>,
) -> Result<Enrolled, EnrolError> {
    match c.status {
        CourseStatus::Published => {}
        CourseStatus::Archived => return Err(EnrolError::Archived),
        CourseStatus::Draft => return Err(EnrolError::NotFound),
    }
    // A cap is counted under the course's lock. Without one, learners
    // enrolling in the same course at once need not wait for each other:
    // the same learner's concurrent requests are settled by the unique
    // (course, learner) index and by updates guarded by the status read.
    if c.enrolment_cap.is_some() {
        lock_course(conn, c.id).await?;
    }
    let existing = find(conn, c.id, user_id).await?;
    if let Some(e) = &existing {
        if e.status == EnrollmentStatus::Removed && !by.may_undo_removal() {
            return Err(EnrolError::Removed);
        }
        if !ended(e) {
            return Ok(Enrolled {
                enrollment: e.clone(),
                new: false,
            });
        }
    }
    if c.format.runs_in_cohorts() {
        return Err(EnrolError::NeedsCohort);
    }
    let mut status = EnrollmentStatus::Active;
    let mut answers_kept = None;
    match (c.enrolment, by) {
        (_, By::Coordinator { .. } | By::Partner { .. }) | (EnrolmentMode::Open, _) => {}
        (EnrolmentMode::Application, By::Learner { answers, .. }) => {
            status = EnrollmentStatus::Applied;
            answers_kept = Some(answers_json(c, answers)?);
        }
        (EnrolmentMode::Key, By::Learner { key, .. }) => check_key(c, key)?,
        _ => return Err(EnrolError::Closed),
    }
    // An application takes no place until it is accepted.
    if status == EnrollmentStatus::Active
        && let Some(cap) = c.enrolment_cap
        && active_count(conn, c.id).await? >= u64::try_from(cap).unwrap_or(0)
    {
        return Err(EnrolError::Full);
    }
    let t = now();
    let enrollment = match existing {
        Some(e) => {
            let changed = enrollment::Entity::update_many()
                .col_expr(enrollment::Column::Status, status.into())
                .col_expr(enrollment::Column::CohortId, Option::<i32>::None.into())
                .col_expr(enrollment::Column::Answers, answers_kept.clone().into())
                .col_expr(enrollment::Column::EnrolledAt, t.into())
                .col_expr(enrollment::Column::UpdatedAt, t.into())
                .filter(enrollment::Column::Id.eq(e.id))
                .filter(enrollment::Column::Status.eq(e.status))
                .exec(conn)
                .await?
                .rows_affected;
            if changed == 0 {
                // Another request of theirs changed it first.
                return settled(conn, c.id, user_id).await;
            }
            Enrollment {
                status,
                cohort_id: None,
                answers: answers_kept,
                enrolled_at: t,
                updated_at: t,
                ..e
            }
        }
        None => {
            let inserted = enrollment::Entity::insert(enrollment::ActiveModel {
                course_id: Set(c.id),
                user_id: Set(user_id),
                cohort_id: Set(None),
                status: Set(status),
                enrolled_at: Set(t),
                completed_at: Set(None),
                queued_at: Set(None),
                offer_expires_at: Set(None),
                answers: Set(answers_kept),
                created_at: Set(t),
                updated_at: Set(t),
                ..Default::default()
            })
            .on_conflict(
                OnConflict::columns([enrollment::Column::CourseId, enrollment::Column::UserId])
                    .do_nothing()
                    .to_owned(),
            )
            .exec_without_returning(conn)
            .await?;
            if inserted == 0 {
                // Another request of theirs enrolled them first.
                return settled(conn, c.id, user_id).await;
            }
            find(conn, c.id, user_id)
                .await?
                .ok_or(EnrolError::NotFound)?
        }
    };
    record(conn, enrollment.id, status, Some(by.actor(user_id)), None).await?;
    Ok(Enrolled {
        enrollment,
        new: true,
    })
}

/// The course's enrolment key, as a learner gave it (checked in constant
/// time; spaces around it ignored).
pub(crate) fn check_key(c: &course::Model, key: Option<&str>) -> Result<(), EnrolError> {
    let given = key.map(str::trim).filter(|k| !k.is_empty());
    let expected = c.enrolment_key.as_deref().unwrap_or_default();
    match given {
        None => Err(EnrolError::KeyRequired),
        Some(k) if !bool::from(k.as_bytes().ct_eq(expected.as_bytes())) => {
            Err(EnrolError::WrongKey)
        }
        Some(_) => Ok(()),
    }
}

/// The enrolment as another request of the same learner left it.
async fn settled(
    conn: &impl ConnectionTrait,
    course_id: i32,
    user_id: i32,
) -> Result<Enrolled, EnrolError> {
    let enrollment = find(conn, course_id, user_id)
        .await?
        .ok_or(EnrolError::NotFound)?;
    Ok(Enrolled {
        enrollment,
        new: false,
    })
}

/// The learner leaves the course (their progress is kept should they come
/// back), or the waitlist. Leaving twice is harmless. In a cohort, the
/// place freed goes to the next on the waitlist: returns who was offered it.
pub async fn withdraw(
    conn: &impl ConnectionTrait,
    e: &Enrollment,
    actor: i32,
) -> Result<Vec<Enrollment>, EnrolError> {
    end(conn, e, EnrollmentStatus::Withdrawn, Some(actor), None).await
}

/// A coordinator takes a learner out of a course or a waitlist, with an
/// optional message; the place goes to the next on the waitlist.
pub async fn remove(
    conn: &impl ConnectionTrait,
    e: &Enrollment,
    actor: i32,
    message: Option<&str>,
) -> Result<Vec<Enrollment>, EnrolError> {
    end(conn, e, EnrollmentStatus::Removed, Some(actor), message).await
}

async fn end(
    conn: &impl ConnectionTrait,
    e: &Enrollment,
    status: EnrollmentStatus,
    actor: Option<i32>,
    message: Option<&str>,
) -> Result<Vec<Enrollment>, EnrolError> {
    if let Some(cohort) = e.cohort_id {
        cohorts::lock(conn, cohort).await?;
    }
    // As it is now, under the lock.
    let e = by_id(conn, e.id).await?.ok_or(EnrolError::NotEnrolled)?;
    if ended(&e) {
        return Ok(vec![]);
    }
    if e.status == EnrollmentStatus::Completed {
        return Err(EnrolError::AlreadyCompleted);
    }
    // Only from the status just read: a completion racing this one wins.
    let changed = enrollment::Entity::update_many()
        .col_expr(enrollment::Column::Status, status.into())
        .col_expr(
            enrollment::Column::OfferExpiresAt,
            Option::<i64>::None.into(),
        )
        .col_expr(enrollment::Column::UpdatedAt, now().into())
        .filter(enrollment::Column::Id.eq(e.id))
        .filter(enrollment::Column::Status.eq(e.status))
        .exec(conn)
        .await?
        .rows_affected;
    if changed == 0 {
        return Ok(vec![]);
    }
    record(conn, e.id, status, actor, message).await?;
    match e.cohort_id {
        Some(cohort) if e.status != EnrollmentStatus::Waitlisted => {
            Ok(cohorts::promote(conn, cohort).await?)
        }
        _ => Ok(vec![]),
    }
}

/// Marks an active enrolment completed, once: returns whether this call did
/// it (a second call, or one racing it, finds it no longer active).
pub async fn complete(conn: &impl ConnectionTrait, e: &Enrollment) -> Result<bool, DbErr> {
    let t = now();
    let changed = enrollment::Entity::update_many()
        .col_expr(
            enrollment::Column::Status,
            EnrollmentStatus::Completed.into(),
        )
        .col_expr(enrollment::Column::CompletedAt, Some(t).into())
        .col_expr(enrollment::Column::UpdatedAt, t.into())
        .filter(enrollment::Column::Id.eq(e.id))
        .filter(enrollment::Column::Status.eq(EnrollmentStatus::Active))
        .exec(conn)
        .await?
        .rows_affected;
    if changed == 1 {
        record(conn, e.id, EnrollmentStatus::Completed, None, None).await?;
    }
    Ok(changed == 1)
}

/// A course's enrolment settings, as edited by its authors and coordinators.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Settings {
    pub enrolment: EnrolmentMode,
    pub enrolment_key: Option<String>,
    pub enrolment_cap: Option<i32>,
    pub grade_policy: GradePolicy,
    /// Share of a cohort's sessions to attend to complete (1–100).
    pub attendance_percent: Option<i32>,
    /// Asked of applicants (`enrolment` = `application`); each a map from
    /// language code to text.
    pub screening_questions: Vec<std::collections::BTreeMap<String, String>>,
    /// Final score (1–100, percent of the quizzes' points) a learner needs
    /// for the certificate; it waits until then.
    pub certificate_min_score: Option<i32>,
    /// In cohorts, certificates wait for the cohort's end-of-training
    /// report to be filed and validated.
    pub certificate_needs_report: bool,
}

/// The settings as they arrive from a form or a request, unchecked.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SettingsInput {
    pub enrolment: String,
    pub enrolment_key: Option<String>,
    pub enrolment_cap: Option<i32>,
    pub grade_policy: String,
    pub attendance_percent: Option<i32>,
    pub screening_questions: Vec<std::collections::BTreeMap<String, String>>,
    pub certificate_min_score: Option<i32>,
    pub certificate_needs_report: bool,
}

impl Settings {
    pub fn of(c: &course::Model) -> Settings {
        Settings {
            enrolment: c.enrolment,
            enrolment_key: c.enrolment_key.clone(),
            enrolment_cap: c.enrolment_cap,
            grade_policy: c.grade_policy,
            attendance_percent: c.attendance_percent,
            screening_questions: screening(c),
            certificate_min_score: c.certificate_min_score,
            certificate_needs_report: c.certificate_needs_report,
        }
    }
}

impl SettingsInput {
    /// The checked settings, or every problem as `(field, code)`.
    pub fn parse(self) -> Result<Settings, Vec<(&'static str, &'static str)>> {
        let mut p = vec![];
        let enrolment = EnrolmentMode::parse(&self.enrolment);
        if enrolment.is_none() {
            p.push(("enrolment", "unknown_value"));
        }
        let key = self.enrolment_key.as_deref().map(str::trim).unwrap_or("");
        if enrolment == Some(EnrolmentMode::Key) && key.is_empty() {
            p.push(("enrolment_key", "required"));
        }
        if key.chars().count() > ENROLMENT_KEY_MAX {
            p.push(("enrolment_key", "too_long"));
        }
        if self
            .enrolment_cap
            .is_some_and(|c| !ENROLMENT_CAP.contains(&c))
        {
            p.push(("enrolment_cap", "out_of_range"));
        }
        let grade_policy = GradePolicy::parse(&self.grade_policy);
        if grade_policy.is_none() {
            p.push(("grade_policy", "unknown_value"));
        }
        let questions = &self.screening_questions;
        if enrolment == Some(EnrolmentMode::Application) && questions.is_empty() {
            p.push(("screening_questions", "required"));
        }
        if questions.len() > MAX_QUESTIONS
            || questions.iter().any(|q| {
                q.values().all(|t| t.trim().is_empty())
                    || q.values().any(|t| t.chars().count() > QUESTION_MAX)
            })
        {
            p.push(("screening_questions", "out_of_range"));
        }
        if self
            .attendance_percent
            .is_some_and(|a| !ATTENDANCE_PERCENT.contains(&a))
        {
            p.push(("attendance_percent", "out_of_range"));
        }
        if self
            .certificate_min_score
            .is_some_and(|a| !ATTENDANCE_PERCENT.contains(&a))
        {
            p.push(("certificate_min_score", "out_of_range"));
        }
        match (enrolment, grade_policy) {
            (Some(enrolment), Some(grade_policy)) if p.is_empty() => Ok(Settings {
                enrolment,
                enrolment_key: self.enrolment_key,
                enrolment_cap: self.enrolment_cap,
                grade_policy,
                attendance_percent: self.attendance_percent,
                screening_questions: self.screening_questions,
                certificate_min_score: self.certificate_min_score,
                certificate_needs_report: self.certificate_needs_report,
            }),
            _ => Err(p),
        }
    }
}

/// Saves checked settings (see [`Settings::problems`]).
pub async fn save_settings(
    conn: &impl ConnectionTrait,
    course_id: i32,
    s: &Settings,
) -> Result<(), DbErr> {
    let key = s
        .enrolment_key
        .as_deref()
        .map(str::trim)
        .filter(|k| !k.is_empty())
        .map(str::to_owned);
    course::Entity::update_many()
        .col_expr(course::Column::Enrolment, s.enrolment.into())
        .col_expr(course::Column::EnrolmentKey, key.into())
        .col_expr(course::Column::EnrolmentCap, s.enrolment_cap.into())
        .col_expr(course::Column::GradePolicy, s.grade_policy.into())
        .col_expr(
            course::Column::AttendancePercent,
            s.attendance_percent.into(),
        )
        .col_expr(
            course::Column::ScreeningQuestions,
            (!s.screening_questions.is_empty())
                .then(|| serde_json::to_string(&s.screening_questions).unwrap_or_default())
                .into(),
        )
        .col_expr(
            course::Column::CertificateMinScore,
            s.certificate_min_score.into(),
        )
        .col_expr(
            course::Column::CertificateNeedsReport,
            s.certificate_needs_report.into(),
        )
        .col_expr(course::Column::UpdatedAt, now().into())
        .filter(course::Column::Id.eq(course_id))
        .exec(conn)
        .await?;
    Ok(())
}

/// A coordinator accepts an application, with an optional message: a
/// place (a cohort's, if it has one left; else its waitlist), or, in a
/// self-paced course, active unless it is full.
pub async fn accept(
    conn: &impl ConnectionTrait,
    e: &Enrollment,
    c: &course::Model,
    actor: i32,
    message: Option<&str>,
) -> Result<Enrollment, EnrolError> {
    let t = now();
    let status = match e.cohort_id {
        Some(k) => {
            cohorts::lock(conn, k).await?;
            let cohort = cohorts::get(conn, k).await?.ok_or(EnrolError::NotFound)?;
            if cohorts::has_room(&cohort, cohorts::taken(conn, k).await?) {
                EnrollmentStatus::Active
            } else {
                EnrollmentStatus::Waitlisted
            }
        }
        None => {
            lock_course(conn, c.id).await?;
            if let Some(cap) = c.enrolment_cap
                && active_count(conn, c.id).await? >= u64::try_from(cap).unwrap_or(0)
            {
                return Err(EnrolError::Full);
            }
            EnrollmentStatus::Active
        }
    };
    let changed = enrollment::Entity::update_many()
        .col_expr(enrollment::Column::Status, status.into())
        .col_expr(enrollment::Column::EnrolledAt, t.into())
        .col_expr(
            enrollment::Column::QueuedAt,
            (status == EnrollmentStatus::Waitlisted).then_some(t).into(),
        )
        .col_expr(enrollment::Column::UpdatedAt, t.into())
        .filter(enrollment::Column::Id.eq(e.id))
        .filter(enrollment::Column::Status.eq(EnrollmentStatus::Applied))
        .exec(conn)
        .await?
        .rows_affected;
    if changed == 0 {
        return Err(EnrolError::NotAnApplication);
    }
    record(conn, e.id, status, Some(actor), message).await?;
    by_id(conn, e.id).await?.ok_or(EnrolError::NotFound)
}

/// A coordinator declines an application, with an optional message.
pub async fn decline(
    conn: &impl ConnectionTrait,
    e: &Enrollment,
    actor: i32,
    message: Option<&str>,
) -> Result<Enrollment, EnrolError> {
    let changed = enrollment::Entity::update_many()
        .col_expr(
            enrollment::Column::Status,
            EnrollmentStatus::Declined.into(),
        )
        .col_expr(enrollment::Column::UpdatedAt, now().into())
        .filter(enrollment::Column::Id.eq(e.id))
        .filter(enrollment::Column::Status.eq(EnrollmentStatus::Applied))
        .exec(conn)
        .await?
        .rows_affected;
    if changed == 0 {
        return Err(EnrolError::NotAnApplication);
    }
    record(conn, e.id, EnrollmentStatus::Declined, Some(actor), message).await?;
    by_id(conn, e.id).await?.ok_or(EnrolError::NotFound)
}
