//! A course's packages as stored (the row with its manifest, the files in
//! the storage under `packages/{id}/`), and each learner's run-time data
//! per lesson and SCO.

use crate::manifest::{Item, Manifest, Problem, Standard};
use crate::package::Package;
use crate::runtime::{self, Completion, Outcome, Rules, Success, Values};
use kuza_courses::archive::Entry;
use kuza_db::entities::{package, package_run};
use kuza_db::now;
use kuza_media::{MediaError, Storage};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait,
    IntoActiveModel, QueryFilter, QueryOrder,
};

pub type Stored = package::Model;
pub type Run = package_run::Model;

#[derive(Debug, thiserror::Error)]
pub enum PackageError {
    #[error("the package or the data has problems")]
    Invalid(Vec<Problem>),
    #[error("no such package")]
    NotFound,
    #[error(transparent)]
    Db(#[from] DbErr),
    #[error(transparent)]
    Media(#[from] MediaError),
}

/// The standard as stored.
pub fn code(s: Standard) -> &'static str {
    match s {
        Standard::Scorm12 => "scorm_1.2",
        Standard::Scorm2004 { edition: 3 } => "scorm_2004_3",
        Standard::Scorm2004 { .. } => "scorm_2004_4",
    }
}

/// Where a package's file is kept.
pub fn key(package_id: i32, path: &str) -> String {
    format!("packages/{package_id}/{path}")
}

/// Stores a package read and checked: its row, then every file. If a file
/// cannot be stored, what was stored of it is removed with the row, so a
/// package is kept whole or not at all.
pub async fn store(
    conn: &impl ConnectionTrait,
    storage: &Storage,
    course_id: i32,
    uploaded_by: Option<i32>,
    file_name: &str,
    p: &Package,
    (size, sha256): (u64, &str),
) -> Result<Stored, PackageError> {
    let m = &p.manifest;
    let title = m
        .organization()
        .map(|o| o.title.trim().to_owned())
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| file_name.to_owned());
    let manifest = serde_json::to_string(m).map_err(|e| DbErr::Custom(format!("manifest: {e}")))?;
    let row = package::ActiveModel {
        course_id: Set(course_id),
        title: Set(title),
        file_name: Set(file_name.to_owned()),
        standard: Set(code(m.standard).to_owned()),
        manifest: Set(manifest),
        files: Set(i32::try_from(p.files.len()).unwrap_or(i32::MAX)),
        size: Set(i64::try_from(size).unwrap_or(i64::MAX)),
        sha256: Set(sha256.to_owned()),
        uploaded_by: Set(uploaded_by),
        created_at: Set(now()),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    for (path, entry) in &p.files {
        let put = match entry {
            Entry::Bytes(b) => storage.put_bytes(&key(row.id, path), b.clone()).await,
            Entry::OnDisk(file) => storage.put_file(&key(row.id, path), file).await,
        };
        if let Err(e) = put {
            storage
                .delete_under(&format!("packages/{}", row.id))
                .await
                .ok();
            package::Entity::delete_by_id(row.id).exec(conn).await?;
            return Err(e.into());
        }
    }
    Ok(row)
}

pub async fn find(conn: &impl ConnectionTrait, id: i32) -> Result<Stored, PackageError> {
    package::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or(PackageError::NotFound)
}

/// A course's packages, oldest first.
pub async fn list(conn: &impl ConnectionTrait, course_id: i32) -> Result<Vec<Stored>, DbErr> {
    package::Entity::find()
        .filter(package::Column::CourseId.eq(course_id))
        .order_by_asc(package::Column::Id)
        .all(conn)
        .await
}

/// The manifest kept with a package.
pub fn manifest(p: &Stored) -> Result<Manifest, PackageError> {
    serde_json::from_str(&p.manifest)
        .map_err(|e| PackageError::Db(DbErr::Custom(format!("package {}: {e}", p.id))))
}

/// Removes a package: its row (and with it every learner's data of it),
/// then its files.
pub async fn delete(
    conn: &impl ConnectionTrait,
    storage: &Storage,
    p: &Stored,
) -> Result<(), PackageError> {
    package::Entity::delete_by_id(p.id).exec(conn).await?;
    storage.delete_under(&format!("packages/{}", p.id)).await?;
    Ok(())
}

/// The rules of the manifest for an item.
pub fn rules(item: &Item) -> Rules {
    Rules {
        mastery_score: item.mastery_score,
        completion_threshold: item.completion_threshold,
        passing_score: item.passing_score,
    }
}

/// How a SCO is launched this time (`cmi.mode` and `cmi.entry`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The first launch of an attempt (`entry` `ab-initio`).
    New,
    /// Back where the learner left (`entry` `resume`): an attempt with
    /// data, not done.
    Resume,
    /// The SCO is done: it opens for review, and what it reports no
    /// longer changes its status or score (`no-credit`).
    Review,
}

/// Whether the SCO's data says it is done: completed, and not failed
/// (a SCO that only reports passing counts as done).
pub fn done(r: &Run) -> bool {
    (r.completion == "completed" && r.success != "failed")
        || (r.completion == "unknown" && r.success == "passed")
}

fn completion_code(c: Completion) -> &'static str {
    match c {
        Completion::NotAttempted => "not_attempted",
        Completion::Incomplete => "incomplete",
        Completion::Completed => "completed",
        Completion::Unknown => "unknown",
    }
}

fn success_code(s: Success) -> &'static str {
    match s {
        Success::Unknown => "unknown",
        Success::Passed => "passed",
        Success::Failed => "failed",
    }
}

/// The learner's runs of a package lesson, one per SCO launched.
pub async fn runs(
    conn: &impl ConnectionTrait,
    enrollment_id: i32,
    lesson_key: &str,
) -> Result<Vec<Run>, DbErr> {
    package_run::Entity::find()
        .filter(package_run::Column::EnrollmentId.eq(enrollment_id))
        .filter(package_run::Column::LessonKey.eq(lesson_key))
        .order_by_asc(package_run::Column::Id)
        .all(conn)
        .await
}

async fn run_of(
    conn: &impl ConnectionTrait,
    enrollment_id: i32,
    lesson_key: &str,
    sco: &str,
) -> Result<Option<Run>, DbErr> {
    package_run::Entity::find()
        .filter(package_run::Column::EnrollmentId.eq(enrollment_id))
        .filter(package_run::Column::LessonKey.eq(lesson_key))
        .filter(package_run::Column::Sco.eq(sco))
        .one(conn)
        .await
}

/// Starts a session of a SCO (call it in a write transaction): the time
/// of the last session joins the total; an attempt not done resumes, a
/// failed one starts again from nothing; a SCO done opens for review.
pub async fn launch(
    conn: &impl ConnectionTrait,
    enrollment_id: i32,
    lesson_key: &str,
    package_id: i32,
    sco: &str,
) -> Result<(Run, Mode), DbErr> {
    let t = now();
    let Some(r) = run_of(conn, enrollment_id, lesson_key, sco).await? else {
        let run = package_run::ActiveModel {
            enrollment_id: Set(enrollment_id),
            lesson_key: Set(lesson_key.to_owned()),
            package_id: Set(package_id),
            sco: Set(sco.to_owned()),
            data: Set("{}".into()),
            completion: Set("not_attempted".into()),
            success: Set("unknown".into()),
            score_scaled: Set(None),
            score_raw: Set(None),
            total_seconds: Set(0.0),
            session_seconds: Set(0.0),
            suspended: Set(false),
            attempt: Set(1),
            commits: Set(0),
            started_at: Set(t),
            updated_at: Set(t),
            ..Default::default()
        }
        .insert(conn)
        .await?;
        return Ok((run, Mode::New));
    };
    // An attempt not done resumes with its data, whatever its exit said:
    // the last commit of a session travels as a beacon and may land after
    // the learner is back, and nobody wants their progress wiped for
    // closing a tab. A failed attempt starts again from nothing.
    let mode = if done(&r) {
        Mode::Review
    } else if r.success == "failed" || r.commits == 0 {
        Mode::New
    } else {
        Mode::Resume
    };
    let fresh = mode == Mode::New && r.commits > 0;
    let mut a = r.clone().into_active_model();
    a.total_seconds = Set(r.total_seconds + r.session_seconds);
    a.session_seconds = Set(0.0);
    a.package_id = Set(package_id);
    if fresh {
        a.data = Set("{}".into());
        a.attempt = Set(r.attempt + 1);
        a.commits = Set(0);
        a.started_at = Set(t);
    }
    a.updated_at = Set(t);
    Ok((a.update(conn).await?, mode))
}

/// The values a run holds.
pub fn values(r: &Run) -> Values {
    serde_json::from_str(&r.data).unwrap_or_default()
}

/// Keeps a commit of a SCO's data (call it in a write transaction, after
/// [`launch`]): checked whole, then what it says. A SCO in review keeps
/// its status and score; only its time counts.
pub async fn commit(
    conn: &impl ConnectionTrait,
    run: Run,
    mode: Mode,
    standard: Standard,
    rules: Rules,
    cmi: &serde_json::Value,
) -> Result<(Run, Outcome), PackageError> {
    let values = runtime::read_commit(standard, cmi).map_err(PackageError::Invalid)?;
    let o = runtime::outcome(standard, &values, rules);
    let mut a = run.clone().into_active_model();
    a.session_seconds = Set(o.session_seconds);
    a.commits = Set(run.commits + 1);
    a.updated_at = Set(now());
    if mode != Mode::Review {
        a.data = Set(serde_json::to_string(&values)
            .map_err(|e| DbErr::Custom(format!("run-time data: {e}")))?);
        a.completion = Set(completion_code(o.completion).into());
        a.success = Set(success_code(o.success).into());
        a.score_scaled = Set(o.scaled);
        a.score_raw = Set(o.raw);
        a.suspended = Set(o.suspended);
    }
    Ok((a.update(conn).await?, o))
}

/// Finds the run a commit is for.
pub async fn find_run(
    conn: &impl ConnectionTrait,
    enrollment_id: i32,
    lesson_key: &str,
    sco: &str,
) -> Result<Option<Run>, DbErr> {
    run_of(conn, enrollment_id, lesson_key, sco).await
}
