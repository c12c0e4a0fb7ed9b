//! Live sessions of a cohort: scheduling them (the course's editors),
//! attendance (editors and the cohort's facilitators), their calendar files
//! (members and staff), the personal calendar feed, and the reminders the
//! worker sends a day ahead.

use crate::calendar::{self, Entry};
use crate::cohorts::cohort_for;
use crate::mail;
use crate::policy::{Action, Actor};
use crate::{App, AppError, FieldProblem};
use kuza_courses::draft::Course;
use kuza_enrollment::EnrollmentStatus;
use kuza_enrollment::cohorts::{self, Cohort};
use kuza_enrollment::sessions::{self, AttendanceStatus, Session, SessionInput};
use sea_orm::EntityTrait;

/// The session and its cohort, if the actor may do `action` to the cohort.
async fn session_for(
    app: &App,
    actor: Option<&Actor>,
    id: i32,
    action: Action,
) -> Result<(Session, Cohort, Course), AppError> {
    let s = sessions::get(&app.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let (k, c) = cohort_for(app, actor, s.cohort_id, action).await?;
    Ok((s, k, c))
}

/// A cohort's sessions in time order (its members, facilitators, the
/// course's editors).
pub async fn of_cohort(
    app: &App,
    actor: Option<&Actor>,
    cohort_id: i32,
) -> Result<Vec<Session>, AppError> {
    let (k, _) = cohort_for(app, actor, cohort_id, Action::SeeSessions).await?;
    Ok(sessions::of_cohort(&app.db, k.id).await?)
}

/// What is wrong with a session of course `c` as given (the check
/// [`create`] and [`update`] make; forms show it beside their own).
pub async fn problems(
    app: &App,
    c: &Course,
    input: &SessionInput,
) -> Result<Vec<FieldProblem>, AppError> {
    let live: Vec<String> = crate::learning::live_lessons(app, c.id)
        .await?
        .into_iter()
        .map(|l| l.key)
        .collect();
    Ok(input
        .problems(&live)
        .into_iter()
        .map(|(field, code)| FieldProblem::new(field, code))
        .collect())
}

async fn check(app: &App, c: &Course, input: &SessionInput) -> Result<(), AppError> {
    let problems = problems(app, c, input).await?;
    if problems.is_empty() {
        Ok(())
    } else {
        Err(AppError::Invalid(problems))
    }
}

/// Schedules a session for a cohort (the course's editors).
pub async fn create(
    app: &App,
    actor: Option<&Actor>,
    cohort_id: i32,
    input: &SessionInput,
) -> Result<Session, AppError> {
    let (k, c) = cohort_for(app, actor, cohort_id, Action::ManageCohort).await?;
    check(app, &c, input).await?;
    Ok(sessions::create(&app.db, k.id, input).await?)
}

/// Changes a session (the course's editors); a new start time is reminded
/// of again.
pub async fn update(
    app: &App,
    actor: Option<&Actor>,
    id: i32,
    input: &SessionInput,
) -> Result<Session, AppError> {
    let (s, _, c) = session_for(app, actor, id, Action::ManageCohort).await?;
    check(app, &c, input).await?;
    sessions::update(&app.db, &s, input).await?;
    sessions::get(&app.db, s.id)
        .await?
        .ok_or(AppError::NotFound)
}

/// One learner on an attendance sheet.
pub struct Line {
    pub enrollment_id: i32,
    pub name: String,
    /// Absent until taken.
    pub status: Option<AttendanceStatus>,
}

/// The cohort's learners and what was recorded for each (editors and the
/// cohort's facilitators).
pub async fn sheet(
    app: &App,
    actor: Option<&Actor>,
    id: i32,
) -> Result<(Session, Cohort, Vec<Line>), AppError> {
    let (s, k, _) = session_for(app, actor, id, Action::RunCohort).await?;
    let taken = sessions::attendance_of(&app.db, s.id).await?;
    let lines = cohorts::roster(&app.db, k.id)
        .await?
        .into_iter()
        .filter(|m| m.enrollment.status.studies())
        .map(|m| Line {
            status: taken
                .iter()
                .find(|a| a.enrollment_id == m.enrollment.id)
                .map(|a| a.status),
            enrollment_id: m.enrollment.id,
            name: m.name,
        })
        .collect();
    Ok((s, k, lines))
}

/// Records attendance, all or nothing (editors and the cohort's
/// facilitators): `(enrollment id, status)` for members of the session's
/// cohort. Being present at a session that stands for a live lesson
/// completes that lesson; the course's attendance rule is checked. Returns
/// how many learners this completed the course for.
pub async fn take_attendance(
    app: &App,
    actor: &Actor,
    id: i32,
    records: &[(i32, AttendanceStatus)],
) -> Result<usize, AppError> {
    let (s, k, _) = session_for(app, Some(actor), id, Action::RunCohort).await?;
    let p = crate::learning::published_by_id(app, k.course_id).await?;
    let (_, v) = &*p;
    let txn = kuza_db::begin_write(&app.db).await?;
    let mut completed = 0;
    for (enrollment_id, status) in records {
        let step = kuza_progress::record_attendance(
            &txn,
            &s,
            *enrollment_id,
            *status,
            actor.id(),
            &v.document,
            v.number,
        )
        .await
        .map_err(|e| match e {
            kuza_progress::ProgressError::NotEnrolled => {
                AppError::invalid("records", "not_in_cohort")
            }
            other => other.into(),
        })?;
        if step.course_completed {
            completed += 1;
        }
        crate::certificates::after_step(app, &txn, &step, &v.document, v.number).await?;
    }
    txn.commit().await?;
    tracing::info!(
        session.id = s.id,
        records = records.len(),
        completed,
        user.id = actor.id(),
        "attendance taken"
    );
    Ok(completed)
}

/// One session as an iCalendar file (members, facilitators, editors), the
/// course's title in the actor's language.
pub async fn session_ics(
    app: &App,
    actor: Option<&Actor>,
    id: i32,
) -> Result<(Session, String), AppError> {
    let (s, k, c) = session_for(app, actor, id, Action::SeeSessions).await?;
    let lang = actor.map_or(kuza_i18n::Language::En, |a| mail::language_of(&a.user));
    let (title, link) = mail::course_title_and_link(app, &c, lang);
    let entry = Entry {
        session: &s,
        course: title,
        cohort: k.name.clone(),
        link,
    };
    let body = calendar::ics(app, &[entry]);
    Ok((s, body))
}

/// The actor's calendar feed address (made on first use; `reset`: a new
/// one, the old stops working).
pub async fn feed_link(app: &App, actor: &Actor, reset: bool) -> Result<String, AppError> {
    let path = calendar::feed_path(&app.db, &app.secret, actor.id(), reset).await?;
    Ok(app.link(&path))
}

/// The calendar behind a feed address (`{user id}-{signature}`): the
/// sessions of the cohorts its owner studies in. `None`: no such feed.
pub async fn feed(app: &App, token: &str) -> Result<Option<String>, AppError> {
    let Some(user_id) = calendar::feed_owner(&app.db, &app.secret, token).await? else {
        return Ok(None);
    };
    let Ok(user) = kuza_accounts::users::get(&app.db, user_id).await else {
        return Ok(None);
    };
    let lang = mail::language_of(&user);
    let cohort_ids: Vec<i32> = kuza_enrollment::of_user(&app.db, user.id)
        .await?
        .into_iter()
        .filter(|e| e.status.studies())
        .filter_map(|e| e.cohort_id)
        .collect();
    let mut rows = vec![];
    for s in sessions::of_cohorts(&app.db, &cohort_ids).await? {
        let Some(k) = cohorts::get(&app.db, s.cohort_id).await? else {
            continue;
        };
        let Some(c) = kuza_db::entities::course::Entity::find_by_id(k.course_id)
            .one(&app.db)
            .await?
        else {
            continue;
        };
        let (title, link) = mail::course_title_and_link(app, &c, lang);
        rows.push((s, title, k.name, link));
    }
    let entries: Vec<Entry<'_>> = rows
        .iter()
        .map(|(s, course, cohort, link)| Entry {
            session: s,
            course: course.clone(),
            cohort: cohort.clone(),
            link: link.clone(),
        })
        .collect();
    Ok(Some(calendar::ics(app, &entries)))
}

/// The sessions of the cohorts the actor facilitates that ended after
/// `since` (their dashboard).
pub async fn facilitated(app: &App, actor: &Actor, since: i64) -> Result<Vec<Session>, AppError> {
    let cohort_ids = crate::policy::cohorts_facilitated_by(&app.db, actor).await?;
    Ok(sessions::of_cohorts(&app.db, &cohort_ids)
        .await?
        .into_iter()
        .filter(|s| s.ends_at >= since)
        .collect())
}

/// Emails the members of every cohort whose session starts within a day
/// (once per session, whichever process gets there first). Run by the
/// worker; returns how many sessions were reminded of.
pub async fn send_reminders(app: &App) -> Result<usize, AppError> {
    let txn = kuza_db::begin_write(&app.db).await?;
    let due = sessions::take_due_reminders(&txn, 24 * 3600).await?;
    for s in &due {
        let Some(cohort) = cohorts::get(&txn, s.cohort_id).await? else {
            continue;
        };
        for m in cohorts::roster(&txn, cohort.id).await? {
            let status = m.enrollment.status;
            if status.studies() && status != EnrollmentStatus::Completed {
                mail::reminder(&txn, app, s, &cohort, &m.enrollment).await?;
            }
        }
    }
    txn.commit().await?;
    Ok(due.len())
}
