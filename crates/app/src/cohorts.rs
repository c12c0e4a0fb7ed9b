//! Running a course's enrolments: its enrolment settings, its cohorts
//! (dates, capacity, facilitators, waitlist), the roster with progress,
//! applications to decide, and removing a learner. The course's editors
//! run all of it; its provider's coordinators open and run its cohorts; a
//! cohort's facilitators read its roster.

use crate::export::{csv_field, iso};
use crate::mail;
use crate::policy::{self, Action, Actor, On};
use crate::{App, AppError, FieldProblem};
use kuza_courses::draft::{self, Course};
use kuza_db::entities::enrollment;
use kuza_db::values::EnrollmentStatus;
use kuza_enrollment::cohorts::{self, Cohort, CohortInput};
use kuza_enrollment::{Enrollment, Settings, SettingsInput};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde::Serialize;

/// The course, if the actor may run its enrolments.
pub async fn editable(
    app: &App,
    actor: Option<&Actor>,
    course_id: i32,
) -> Result<Course, AppError> {
    let (c, facts) = policy::course(&app.db, course_id).await?;
    policy::may(actor, Action::EditCourse, On::Course(&facts))?;
    Ok(c)
}

/// The cohort and its course, if the actor may do `action` to it.
pub async fn cohort_for(
    app: &App,
    actor: Option<&Actor>,
    cohort_id: i32,
    action: Action,
) -> Result<(Cohort, Course), AppError> {
    let k = cohorts::get(&app.db, cohort_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let (c, facts) = policy::cohort(&app.db, &k, actor).await?;
    policy::may(actor, action, On::Cohort(&facts))?;
    Ok((k, c))
}

/// A course's enrolment settings.
pub async fn settings(
    app: &App,
    actor: Option<&Actor>,
    course_id: i32,
) -> Result<Settings, AppError> {
    Ok(Settings::of(&editable(app, actor, course_id).await?))
}

/// Replaces a course's enrolment settings; they apply at once, without a
/// new version (the cached course pages follow, as after a publication).
pub async fn save_settings(
    app: &App,
    actor: Option<&Actor>,
    course_id: i32,
    input: SettingsInput,
) -> Result<Settings, AppError> {
    let s = input.parse().map_err(AppError::fields)?;
    let txn = kuza_db::begin_write(&app.db).await?;
    let (c, facts) = policy::course(&txn, course_id).await?;
    policy::may(actor, Action::EditCourse, On::Course(&facts))?;
    kuza_enrollment::save_settings(&txn, c.id, &s).await?;
    kuza_courses::catalog::changed(&txn).await?;
    let released = if s.certificate_min_score != c.certificate_min_score {
        crate::certificates::on_minimum_changed(app, &txn, c.id).await?
    } else {
        0
    };
    txn.commit().await?;
    app.published.changed();
    if released > 0 {
        tracing::info!(
            course.id = c.id,
            certificates = released,
            "certificates released by a lower minimum score"
        );
    }
    Ok(s)
}

/// A cohort's end-of-training report as its staff see it: the report if
/// filed, what a new one starts from (the cohort's dates, its
/// facilitators, how many took part), and the certificates it holds.
#[derive(Debug)]
pub struct ReportPage {
    pub cohort: Cohort,
    pub report: Option<kuza_enrollment::reports::Report>,
    pub draft: kuza_enrollment::reports::ReportInput,
    /// The cohort's held certificates (any reason), oldest first.
    pub held: Vec<kuza_certification::Certificate>,
}

/// The cohort's report (its editors and facilitators, administrators).
pub async fn report(
    app: &App,
    actor: Option<&Actor>,
    cohort_id: i32,
) -> Result<ReportPage, AppError> {
    use kuza_db::entities::user;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let (k, _) = cohort_for(app, actor, cohort_id, Action::RunCohort).await?;
    let report = kuza_enrollment::reports::find(&app.db, k.id).await?;
    let ids = cohorts::facilitators(&app.db, k.id).await?;
    let names: Vec<String> = user::Entity::find()
        .filter(user::Column::Id.is_in(ids))
        .all(&app.db)
        .await?
        .into_iter()
        .map(|u| u.display_name)
        .collect();
    let participants = cohorts::roster(&app.db, k.id)
        .await?
        .iter()
        .filter(|m| m.enrollment.status.studies())
        .count();
    let draft = kuza_enrollment::reports::ReportInput {
        starts_at: k.starts_at,
        ends_at: k.ends_at,
        facilitators: names.join(", "),
        participants: i32::try_from(participants).unwrap_or(i32::MAX),
        ..Default::default()
    };
    let held = kuza_certification::held_in_cohort(&app.db, k.id, None).await?;
    Ok(ReportPage {
        cohort: k,
        report,
        draft,
        held,
    })
}

/// Files (or files again, until it is validated) the cohort's report.
pub async fn file_report(
    app: &App,
    actor: Option<&Actor>,
    cohort_id: i32,
    input: &kuza_enrollment::reports::ReportInput,
) -> Result<kuza_enrollment::reports::Report, AppError> {
    let (k, _) = cohort_for(app, actor, cohort_id, Action::RunCohort).await?;
    let by = policy::signed_in(actor)?.id();
    let txn = kuza_db::begin_write(&app.db).await?;
    let r = kuza_enrollment::reports::file(&txn, k.id, input, by).await?;
    kuza_accounts::audit::record(
        &txn,
        Some(by),
        "cohort_report.filed",
        "cohort",
        Some(k.id),
        serde_json::json!({}),
    )
    .await?;
    txn.commit().await?;
    Ok(r)
}

/// Validates the cohort's filed report (administrators), and gives the
/// certificates it held that pass every gate, in the same transaction.
/// Returns the report and how many certificates were given.
pub async fn validate_report(
    app: &App,
    actor: &Actor,
    cohort_id: i32,
) -> Result<(kuza_enrollment::reports::Report, usize), AppError> {
    policy::may(Some(actor), Action::ManageCertificates, On::Site)?;
    let k = cohorts::get(&app.db, cohort_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let txn = kuza_db::begin_write(&app.db).await?;
    let (r, now_validated) = kuza_enrollment::reports::validate(&txn, k.id, actor.id()).await?;
    let given = if now_validated {
        kuza_accounts::audit::record(
            &txn,
            Some(actor.id()),
            "cohort_report.validated",
            "cohort",
            Some(k.id),
            serde_json::json!({}),
        )
        .await?;
        crate::certificates::on_report_validated(app, &txn, k.id).await?
    } else {
        0
    };
    txn.commit().await?;
    tracing::info!(
        cohort.id = k.id,
        certificates = given,
        user.id = actor.id(),
        "end-of-training report validated"
    );
    Ok((r, given))
}

/// A cohort with what its lists show.
pub struct Summary {
    pub cohort: Cohort,
    /// Places held.
    pub taken: u64,
    pub facilitators: Vec<i32>,
}

impl Summary {
    /// Places left; `None` without a capacity.
    pub fn places_left(&self) -> Option<i64> {
        self.cohort
            .capacity
            .map(|cap| (i64::from(cap) - self.taken as i64).max(0))
    }
}

async fn summaries(app: &App, course_id: i32) -> Result<Vec<Summary>, AppError> {
    let mut out = vec![];
    for k in cohorts::of_course(&app.db, course_id).await? {
        out.push(Summary {
            taken: cohorts::taken(&app.db, k.id).await?,
            facilitators: cohorts::facilitators(&app.db, k.id).await?,
            cohort: k,
        });
    }
    Ok(out)
}

/// A published course's cohorts, soonest first (public).
pub async fn of_published(app: &App, course_id: i32) -> Result<Vec<Summary>, AppError> {
    let p = crate::learning::published_by_id(app, course_id).await?;
    summaries(app, p.0.id).await
}

/// The course, if the actor runs its cohorts (its editors, its provider's
/// coordinators).
pub async fn runnable(
    app: &App,
    actor: Option<&Actor>,
    course_id: i32,
) -> Result<Course, AppError> {
    let (c, facts) = policy::course(&app.db, course_id).await?;
    policy::may(actor, Action::RunCohorts, On::Course(&facts))?;
    Ok(c)
}

/// Whether the actor edits the course (beyond running its cohorts).
pub async fn edits(app: &App, actor: &Actor, c: &Course) -> Result<bool, AppError> {
    Ok(policy::edits(actor, &policy::course_of(&app.db, c).await?))
}

/// The courses an organisation provides, for its coordinators (and
/// administrators), newest first: the cohorts they run.
pub async fn provided(
    app: &App,
    actor: Option<&Actor>,
    organisation_id: i32,
) -> Result<Vec<Course>, AppError> {
    policy::may(
        actor,
        Action::ManageMembers,
        On::Organisation(organisation_id),
    )?;
    use kuza_db::entities::course;
    use sea_orm::QueryOrder;
    Ok(course::Entity::find()
        .filter(course::Column::OrganisationId.eq(organisation_id))
        .order_by_desc(course::Column::Id)
        .all(&app.db)
        .await?)
}

/// A course's cohorts for those who run them (any status).
pub async fn of_course(
    app: &App,
    actor: Option<&Actor>,
    course_id: i32,
) -> Result<(Course, Vec<Summary>), AppError> {
    let c = runnable(app, actor, course_id).await?;
    let list = summaries(app, c.id).await?;
    Ok((c, list))
}

/// The course's languages, as cohort languages are checked against.
fn languages(c: &Course) -> Vec<String> {
    draft::languages_of(c)
        .iter()
        .map(|l| l.code().to_owned())
        .collect()
}

/// Creates a cohort of a course from checked input.
pub async fn create(
    app: &App,
    actor: Option<&Actor>,
    course_id: i32,
    input: &CohortInput,
) -> Result<Summary, AppError> {
    let c = runnable(app, actor, course_id).await?;
    check(&c, input)?;
    let txn = kuza_db::begin_write(&app.db).await?;
    let k = cohorts::create(&txn, c.id, input).await?;
    txn.commit().await?;
    summary(app, k).await
}

/// Saves a cohort's changes; a larger capacity offers the new places to the
/// waitlist at once.
pub async fn update(
    app: &App,
    actor: Option<&Actor>,
    cohort_id: i32,
    input: &CohortInput,
) -> Result<Summary, AppError> {
    let (k, c) = cohort_for(app, actor, cohort_id, Action::ManageCohort).await?;
    check(&c, input)?;
    let txn = kuza_db::begin_write(&app.db).await?;
    let offered = cohorts::update(&txn, k.id, input).await?;
    mail::offers(&txn, app, &offered).await?;
    let k = cohorts::get(&txn, k.id).await?.ok_or(AppError::NotFound)?;
    txn.commit().await?;
    summary(app, k).await
}

/// What is wrong with a cohort of course `c` as given (the check [`create`]
/// and [`update`] make; forms show it beside their own).
pub fn problems(c: &Course, input: &CohortInput) -> Vec<FieldProblem> {
    input
        .problems(&languages(c))
        .into_iter()
        .map(|(field, code)| FieldProblem::new(field, code))
        .collect()
}

fn check(c: &Course, input: &CohortInput) -> Result<(), AppError> {
    let problems = problems(c, input);
    if problems.is_empty() {
        Ok(())
    } else {
        Err(AppError::Invalid(problems))
    }
}

async fn summary(app: &App, k: Cohort) -> Result<Summary, AppError> {
    Ok(Summary {
        taken: cohorts::taken(&app.db, k.id).await?,
        facilitators: cohorts::facilitators(&app.db, k.id).await?,
        cohort: k,
    })
}

/// One person on a cohort's roster.
#[derive(Debug, Clone, Serialize)]
pub struct Member {
    pub enrollment: Enrollment,
    pub name: String,
    pub email: String,
    pub country: String,
    /// Lessons that count, done; `None` for those not studying (or a
    /// course no longer published).
    pub progress_percent: Option<u8>,
}

impl Member {
    /// Whether a coordinator can still take them out.
    pub fn removable(&self) -> bool {
        !self.enrollment.status.ended() && self.enrollment.status != EnrollmentStatus::Completed
    }
}

/// Everyone in the cohort, on its waitlist or who left it, with their
/// progress (editors, administrators and the cohort's facilitators).
pub async fn roster(
    app: &App,
    actor: Option<&Actor>,
    cohort_id: i32,
) -> Result<(Cohort, Vec<Member>), AppError> {
    let (k, _) = cohort_for(app, actor, cohort_id, Action::RunCohort).await?;
    let roster = cohorts::roster(&app.db, k.id).await?;
    let p = app.published.course_by_id(&app.db, k.course_id).await?;
    let ids: Vec<i32> = roster.iter().map(|m| m.enrollment.id).collect();
    let mut done = kuza_progress::completed_of(&app.db, &ids).await?;
    let members = roster
        .into_iter()
        .map(|m| {
            let progress_percent = match (&p, m.enrollment.status.studies()) {
                (Some(p), true) => Some(
                    kuza_progress::Progress::of(
                        &p.1.document,
                        &done.remove(&m.enrollment.id).unwrap_or_default(),
                    )
                    .percent,
                ),
                _ => None,
            };
            Member {
                enrollment: m.enrollment,
                name: m.name,
                email: m.email,
                country: m.country,
                progress_percent,
            }
        })
        .collect();
    Ok((k, members))
}

/// The roster as CSV (UTF-8 with a byte-order mark, for spreadsheets).
pub fn roster_csv(members: &[Member]) -> String {
    use kuza_db::values::Code;
    let mut out = String::from(
        "\u{feff}name,email,country,status,enrolled_at,completed_at,progress_percent\r\n",
    );
    for m in members {
        let e = &m.enrollment;
        let row = [
            csv_field(&m.name),
            csv_field(&m.email),
            csv_field(&m.country),
            csv_field(&e.status.code()),
            csv_field(&iso(e.enrolled_at)),
            csv_field(&e.completed_at.map(iso).unwrap_or_default()),
            m.progress_percent
                .map(|p| p.to_string())
                .unwrap_or_default(),
        ];
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}

/// An application waiting for a decision.
pub struct Application {
    pub enrollment: Enrollment,
    pub name: String,
    pub email: String,
    pub cohort: Option<String>,
    /// The answers, in the order of the course's questions.
    pub answers: Vec<String>,
}

/// The course's applications waiting for a decision, oldest first.
pub async fn applications(
    app: &App,
    actor: Option<&Actor>,
    course_id: i32,
) -> Result<Vec<Application>, AppError> {
    let c = editable(app, actor, course_id).await?;
    let applied = enrollment::Entity::find()
        .filter(enrollment::Column::CourseId.eq(c.id))
        .filter(enrollment::Column::Status.eq(EnrollmentStatus::Applied))
        .all(&app.db)
        .await?;
    let mut out = vec![];
    for e in applied {
        let Ok(u) = kuza_accounts::users::get(&app.db, e.user_id).await else {
            continue;
        };
        let cohort = match e.cohort_id {
            Some(k) => cohorts::get(&app.db, k).await?.map(|k| k.name),
            None => None,
        };
        out.push(Application {
            answers: e
                .answers
                .as_deref()
                .and_then(|a| serde_json::from_str(a).ok())
                .unwrap_or_default(),
            name: u.display_name,
            email: u.email,
            cohort,
            enrollment: e,
        });
    }
    Ok(out)
}

/// A message kept with a decision or a removal: trimmed, at most 1,000
/// characters, none when empty.
fn message_of(m: Option<&str>) -> Option<String> {
    m.map(str::trim)
        .filter(|m| !m.is_empty())
        .map(|m| m.chars().take(1000).collect())
}

/// The enrolment `id` and its course, if the actor runs its enrolments.
async fn managed(
    app: &App,
    actor: Option<&Actor>,
    id: i32,
) -> Result<(Enrollment, Course), AppError> {
    let e = kuza_enrollment::by_id(&app.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let (c, facts) = policy::course(&app.db, e.course_id).await?;
    policy::may(actor, Action::ManageEnrolments, On::Course(&facts))?;
    Ok((e, c))
}

/// The course of enrolment `id`, if the actor runs its enrolments.
pub async fn course_of_enrollment(app: &App, actor: &Actor, id: i32) -> Result<i32, AppError> {
    Ok(managed(app, Some(actor), id).await?.1.id)
}

/// A coordinator takes a learner out of a course or its waitlist, with a
/// message kept in the history; a freed place goes to the next on the
/// waitlist. Returns the enrolment as it was.
pub async fn remove(
    app: &App,
    actor: &Actor,
    id: i32,
    message: Option<&str>,
) -> Result<Enrollment, AppError> {
    let (e, _) = managed(app, Some(actor), id).await?;
    let message = message_of(message);
    let txn = kuza_db::begin_write(&app.db).await?;
    let offered = kuza_enrollment::remove(&txn, &e, actor.id(), message.as_deref()).await?;
    mail::offers(&txn, app, &offered).await?;
    txn.commit().await?;
    tracing::info!(
        enrollment.id = e.id,
        user.id = actor.id(),
        "learner removed by a coordinator"
    );
    Ok(e)
}

/// A coordinator accepts or declines an application, with a message
/// emailed to the applicant and kept in the history.
pub async fn decide(
    app: &App,
    actor: &Actor,
    id: i32,
    accept: bool,
    message: Option<&str>,
) -> Result<Enrollment, AppError> {
    let (e, _) = managed(app, Some(actor), id).await?;
    let message = message_of(message);
    let txn = kuza_db::begin_write(&app.db).await?;
    // The course as it is now (its cap), under the transaction.
    let (c, _) = policy::course(&txn, e.course_id).await?;
    let decided = if accept {
        kuza_enrollment::accept(&txn, &e, &c, actor.id(), message.as_deref()).await?
    } else {
        kuza_enrollment::decline(&txn, &e, actor.id(), message.as_deref()).await?
    };
    mail::decision(&txn, app, &decided, &c, accept, message.as_deref()).await?;
    txn.commit().await?;
    tracing::info!(
        enrollment.id = e.id,
        user.id = actor.id(),
        accepted = accept,
        "application decided"
    );
    Ok(decided)
}

/// Facilitators named by email; the emails that are no account.
pub async fn facilitators_by_email(
    app: &App,
    emails: &[&str],
) -> Result<Result<Vec<i32>, String>, AppError> {
    let mut ids = vec![];
    for email in emails {
        match kuza_accounts::users::find_by_email(&app.db, email).await? {
            Some(u) => ids.push(u.id),
            None => return Ok(Err((*email).to_owned())),
        }
    }
    Ok(Ok(ids))
}

/// The emails of a cohort's facilitators.
pub async fn facilitator_emails(app: &App, cohort_id: i32) -> Result<Vec<String>, AppError> {
    let mut out = vec![];
    for f in cohorts::facilitators(&app.db, cohort_id).await? {
        if let Ok(u) = kuza_accounts::users::get(&app.db, f).await {
            out.push(u.email);
        }
    }
    Ok(out)
}
