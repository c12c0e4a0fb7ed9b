//! A course's SCORM packages and the lessons that run them: uploading one
//! (read and checked whole, stored whole or not at all), listing and
//! deleting them (the course's editors), reading their files (anyone for a
//! published course that runs the package, its editors otherwise), and a
//! learner's sessions: the launch with the data to resume from, each commit
//! of run-time data checked and kept, and the lesson completed through the
//! same learner step as any other once the package reports it done.

use crate::media::Credentials;
use crate::policy::Actor;
use crate::published::Published;
use crate::{App, AppError};
use bytes::Bytes;
use futures_util::Stream;
use kuza_courses::archive::Limits;
use kuza_courses::draft::Course;
use kuza_db::values::LessonKind;
pub use kuza_packages::manifest::Manifest;
use kuza_packages::manifest::{Item, ScormType, Standard};
use kuza_packages::records::{self, PackageError, Run};
pub use kuza_packages::records::{Mode, Stored};
use kuza_packages::runtime::{self, Outcome};
use kuza_progress::{Completer, Step};
use serde_json::Value;

/// What a package's zip may hold: up to 10,000 files (a large authored
/// course has a few thousand), each within the upload limit, and four
/// times that in all.
pub fn limits(upload_max_mb: u64) -> Limits {
    let entry = upload_max_mb * 1024 * 1024;
    Limits {
        max_entries: 10_000,
        max_entry_bytes: entry,
        max_total_bytes: entry * 4,
    }
}

/// Uploads a SCORM package to a course: `body` is streamed into a temp
/// file (refused past the upload limit), read as a zip with the course
/// archives' checks and its manifest read; every problem refuses the whole
/// package and nothing is kept.
pub async fn upload<S, E>(
    app: &App,
    actor: Option<&Actor>,
    course_id: i32,
    name: &str,
    body: S,
    declared: Option<u64>,
) -> Result<Stored, AppError>
where
    S: Stream<Item = Result<Bytes, E>>,
    E: std::fmt::Display,
{
    let (c, a, received) = crate::media::receive(app, actor, course_id, body, declared).await?;
    let name = kuza_media::names::sanitize(name)
        .ok_or_else(|| AppError::invalid("name", "bad_file_name"))?;
    let (path, spill) = (
        received.path().to_owned(),
        app.storage.temp_dir().to_owned(),
    );
    let limits = limits(app.limits.upload_max_mb);
    let package = tokio::task::spawn_blocking(move || {
        let file = std::fs::File::open(&path).map_err(|e| AppError::Internal(e.to_string()))?;
        kuza_packages::package::read(std::io::BufReader::new(file), limits, &spill)
            .map_err(|p| AppError::from(PackageError::Invalid(p)))
    })
    .await
    .map_err(|e| AppError::Internal(format!("reading the package: {e}")))??;
    let stored = records::store(
        &app.db,
        &app.storage,
        c.id,
        Some(a.id()),
        &name,
        &package,
        (received.size, &received.sha256),
    )
    .await?;
    tracing::info!(course.id = c.id, package.id = stored.id, package.files = stored.files, package.standard = %stored.standard, user.id = a.id(), "package uploaded");
    Ok(stored)
}

/// A course's packages, oldest first.
pub async fn list(
    app: &App,
    actor: Option<&Actor>,
    course_id: i32,
) -> Result<(Course, Vec<Stored>), AppError> {
    let c = crate::courses::editable(app, actor, course_id).await?;
    let all = records::list(&app.db, c.id).await?;
    Ok((c, all))
}

/// One package, for its course's editors, with its manifest.
pub async fn get(
    app: &App,
    actor: Option<&Actor>,
    package_id: i32,
) -> Result<(Stored, Manifest), AppError> {
    let p = records::find(&app.db, package_id).await?;
    crate::courses::editable(app, actor, p.course_id).await?;
    let m = records::manifest(&p)?;
    Ok((p, m))
}

/// Deletes a package, its files and its learners' data. One that a lesson
/// of the draft or of a version runs is kept (`package_in_use`).
pub async fn delete(app: &App, actor: Option<&Actor>, package_id: i32) -> Result<Course, AppError> {
    let p = records::find(&app.db, package_id).await?;
    let c = crate::courses::editable(app, actor, p.course_id).await?;
    if kuza_courses::versions::package_in_use(&app.db, &c, p.id).await? {
        return Err(AppError::conflict(
            "package_in_use",
            "a lesson of the draft or of a published version runs this package",
        ));
    }
    records::delete(&app.db, &app.storage, &p).await?;
    tracing::info!(
        course.id = c.id,
        package.id = p.id,
        user.id = actor.map(Actor::id),
        "package deleted"
    );
    Ok(c)
}

/// The package whose files the asker may read: anyone's while the
/// published version of its course runs it (so they may be cached),
/// otherwise only its course's editors' (others are refused; signed out,
/// it is not found).
pub async fn readable(
    app: &App,
    package_id: i32,
    asker: Credentials,
) -> Result<(Stored, bool), AppError> {
    let p = records::find(&app.db, package_id)
        .await
        .map_err(|_| AppError::NotFound)?;
    let runs = |pb: &Published| {
        pb.1.document
            .modules
            .iter()
            .flat_map(|m| &m.lessons)
            .any(|l| l.kind == LessonKind::Package && l.content.package == Some(p.id))
    };
    if app
        .published
        .course_by_id(&app.db, p.course_id)
        .await?
        .is_some_and(|pb| runs(&pb))
    {
        return Ok((p, true));
    }
    let actor = match (asker.bearer, asker.session) {
        (Some(token), _) => crate::accounts::bearer_actor(app, &token).await?,
        (None, Some(session)) => crate::accounts::session_actor(app, &session).await?,
        (None, None) => None,
    };
    // Signed out, it is not found (as a course file); anyone else signed
    // in is refused.
    if actor.is_none() {
        return Err(AppError::NotFound);
    }
    crate::courses::editable(app, actor.as_ref(), p.course_id).await?;
    Ok((p, false))
}

/// Where the file at `path` of a package is stored.
pub fn file_key(package_id: i32, path: &str) -> String {
    records::key(package_id, path)
}

/// An entry of a package's table of contents.
#[derive(Debug, Clone)]
pub struct Entry {
    pub identifier: String,
    pub title: String,
    /// 0 for the organization's own items.
    pub depth: usize,
    /// It launches something (a group of items does not).
    pub launches: bool,
    /// The SCO's data says it is done.
    pub done: bool,
    pub current: bool,
}

/// A session of a package lesson as the lesson page starts it.
#[derive(Debug)]
pub struct Launch {
    pub package: Stored,
    pub standard: Standard,
    /// The organization's title.
    pub title: String,
    pub toc: Vec<Entry>,
    /// The launched item.
    pub sco: String,
    /// The address the frame opens (same origin, the package's path).
    pub url: String,
    /// Launchable items before and after this one (flow navigation).
    pub previous: Option<String>,
    pub next: Option<String>,
    /// The data model the run-time library starts from (`loadFromJSON`):
    /// what the SCO kept, with the LMS's own elements.
    pub initial: Value,
    /// What the commits of this session are signed with: the run, its
    /// attempt, the mode and their signature.
    pub commit: CommitKey,
    pub mode: Mode,
}

/// What a commit names, signed at launch so that nobody else can write
/// this learner's data, and an old attempt's page cannot write a new one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommitKey {
    pub run: i32,
    pub attempt: i32,
    pub review: bool,
    pub signature: String,
}

fn commit_message(run: i32, attempt: i32, review: bool) -> String {
    format!("package-run:{run}:{attempt}:{review}")
}

impl CommitKey {
    fn new(app: &App, run: &Run, mode: Mode) -> CommitKey {
        let review = mode == Mode::Review;
        CommitKey {
            run: run.id,
            attempt: run.attempt,
            review,
            signature: crate::signing::sign(
                &app.secret,
                &commit_message(run.id, run.attempt, review),
            ),
        }
    }

    fn holds(&self, app: &App) -> bool {
        crate::signing::holds(
            &app.secret,
            &commit_message(self.run, self.attempt, self.review),
            &self.signature,
        )
    }
}

/// The package lesson `key` of `p`, its package and manifest.
async fn lesson_package(
    app: &App,
    p: &Published,
    key: &str,
) -> Result<(Stored, Manifest), AppError> {
    let l = kuza_progress::lesson(&p.1.document, key).ok_or(AppError::NotFound)?;
    let id = match (l.kind, l.content.package) {
        (LessonKind::Package, Some(id)) => id,
        _ => return Err(AppError::NotFound),
    };
    let stored = records::find(&app.db, id).await?;
    let m = records::manifest(&stored)?;
    Ok((stored, m))
}

fn flatten(items: &[Item], depth: usize, out: &mut Vec<(usize, Item)>) {
    for i in items {
        out.push((depth, i.clone()));
        flatten(&i.children, depth + 1, out);
    }
}

/// Whether an item launches a SCO (an asset needs no data to be done).
pub fn is_sco(m: &Manifest, item: &Item) -> bool {
    item.resource
        .as_deref()
        .and_then(|r| m.resource(r))
        .is_some_and(|r| r.scorm_type == ScormType::Sco)
}

/// The table of contents with what the learner's runs say.
fn toc(all: &[(usize, Item)], runs: &[Run], current: Option<&str>) -> Vec<Entry> {
    all.iter()
        .map(|(depth, i)| Entry {
            identifier: i.identifier.clone(),
            title: i.title.clone(),
            depth: *depth,
            launches: i.resource.is_some() && i.visible,
            done: runs
                .iter()
                .any(|r| r.sco == i.identifier && records::done(r)),
            current: current == Some(i.identifier.as_str()),
        })
        .filter(|en| en.launches || !en.title.is_empty())
        .collect()
}

/// A package lesson as its page shows it to the learner (no session
/// starts): the table of contents with what is done.
pub struct Overview {
    pub title: String,
    pub toc: Vec<Entry>,
    /// Something of it was launched.
    pub started: bool,
}

/// Where the actor is in the package lesson `key` (`None`: not studying
/// the course).
pub async fn overview(
    app: &App,
    actor: &Actor,
    p: &Published,
    key: &str,
) -> Result<Option<Overview>, AppError> {
    let (_, m) = lesson_package(app, p, key).await?;
    let Some(e) = kuza_progress::find_with_completed(&app.db, p.0.id, actor.id())
        .await?
        .map(|(e, _)| e)
        .filter(kuza_enrollment::studies)
    else {
        return Ok(None);
    };
    let Some(org) = m.organization() else {
        return Ok(None);
    };
    let mut all = vec![];
    flatten(&org.items, 0, &mut all);
    let runs = records::runs(&app.db, e.id, key).await?;
    Ok(Some(Overview {
        title: org.title.clone(),
        toc: toc(&all, &runs, None),
        started: !runs.is_empty(),
    }))
}

/// Starts a session of the package lesson `key` for the actor, at `sco`
/// (an item's identifier) or else at the first item not done.
pub async fn launch(
    app: &App,
    actor: &Actor,
    p: &Published,
    key: &str,
    sco: Option<&str>,
) -> Result<Launch, AppError> {
    let e = kuza_progress::find_with_completed(&app.db, p.0.id, actor.id())
        .await?
        .map(|(e, _)| e)
        .filter(kuza_enrollment::studies)
        .ok_or(kuza_progress::ProgressError::NotEnrolled)?;
    let (stored, m) = lesson_package(app, p, key).await?;
    let Some(org) = m.organization() else {
        return Err(AppError::NotFound);
    };
    let mut all = vec![];
    flatten(&org.items, 0, &mut all);
    let launchable: Vec<&Item> = all
        .iter()
        .map(|(_, i)| i)
        .filter(|i| i.resource.is_some())
        .collect();
    let runs = records::runs(&app.db, e.id, key).await?;
    let is_done = |id: &str| runs.iter().any(|r| r.sco == id && records::done(r));
    let item = match sco {
        Some(id) => launchable
            .iter()
            .find(|i| i.identifier == id)
            .ok_or(AppError::NotFound)?,
        None => launchable
            .iter()
            .find(|i| !is_done(&i.identifier))
            .or(launchable.first())
            .ok_or(AppError::NotFound)?,
    };
    let resource = item
        .resource
        .as_deref()
        .and_then(|r| m.resource(r))
        .ok_or(AppError::NotFound)?;
    let href = resource.href.clone().unwrap_or_default();
    let txn = kuza_db::begin_write(&app.db).await?;
    let (run, mode) = records::launch(&txn, e.id, key, stored.id, &item.identifier).await?;
    // A package of assets alone reports nothing: opening it is doing it.
    if !launchable.iter().any(|i| is_sco(&m, i)) {
        completed(app, &txn, actor, p, key).await?;
    }
    txn.commit().await?;
    let position = launchable
        .iter()
        .position(|i| i.identifier == item.identifier)
        .unwrap_or(0);
    let user = &actor.user;
    let initial = initial_data(m.standard, item, &run, mode, user.id, &user.display_name);
    let url = format!(
        "/packages/{}/{}{}",
        stored.id,
        href,
        parameters(&href, item.parameters.as_deref())
    );
    Ok(Launch {
        standard: m.standard,
        title: org.title.clone(),
        toc: toc(&all, &runs, Some(&item.identifier)),
        sco: item.identifier.clone(),
        url,
        previous: position
            .checked_sub(1)
            .and_then(|i| launchable.get(i))
            .map(|i| i.identifier.clone()),
        next: launchable.get(position + 1).map(|i| i.identifier.clone()),
        initial,
        commit: CommitKey::new(app, &run, mode),
        mode,
        package: stored,
    })
}

/// An item's `parameters` joined to its resource's address as the
/// content packaging specification says: `?` or `&` as the address needs.
fn parameters(href: &str, params: Option<&str>) -> String {
    let Some(p) = params.map(str::trim).filter(|p| !p.is_empty()) else {
        return String::new();
    };
    let p = p.trim_start_matches(['?', '&']);
    if p.starts_with('#') {
        return p.to_owned();
    }
    let joiner = if href.contains('?') { '&' } else { '?' };
    format!("{joiner}{p}")
}

/// The data model the SCO starts from: what it kept (unless the attempt is
/// new), and what the LMS sets (learner, entry, credit, mode, total time,
/// launch data, the manifest's thresholds).
fn initial_data(
    standard: Standard,
    item: &Item,
    run: &Run,
    mode: Mode,
    user_id: i32,
    name: &str,
) -> Value {
    let kept = match mode {
        Mode::New => Default::default(),
        Mode::Resume | Mode::Review => records::values(run),
    };
    let entry = match mode {
        Mode::New => "ab-initio",
        Mode::Resume => "resume",
        Mode::Review => "",
    };
    let (credit, lesson_mode) = match mode {
        Mode::Review => ("no-credit", "review"),
        _ => ("credit", "normal"),
    };
    let total = runtime::total_time(standard, run.total_seconds);
    let launch_data = item.launch_data.clone().unwrap_or_default();
    let mut lms: Vec<(&str, String)> = vec![];
    match standard {
        Standard::Scorm12 => {
            lms.extend([
                ("cmi.core.student_id", user_id.to_string()),
                ("cmi.core.student_name", name.to_owned()),
                ("cmi.core.credit", credit.to_owned()),
                ("cmi.core.entry", entry.to_owned()),
                ("cmi.core.lesson_mode", lesson_mode.to_owned()),
                ("cmi.core.total_time", total),
                ("cmi.launch_data", launch_data),
            ]);
            if let Some(s) = item.mastery_score {
                lms.push(("cmi.student_data.mastery_score", s.to_string()));
            }
        }
        Standard::Scorm2004 { .. } => {
            lms.extend([
                ("cmi.learner_id", user_id.to_string()),
                ("cmi.learner_name", name.to_owned()),
                ("cmi.credit", credit.to_owned()),
                ("cmi.entry", entry.to_owned()),
                ("cmi.mode", lesson_mode.to_owned()),
                ("cmi.total_time", total),
                ("cmi.launch_data", launch_data),
            ]);
            if let Some(t) = item.completion_threshold {
                lms.push(("cmi.completion_threshold", t.to_string()));
            }
            if let Some(s) = item.passing_score {
                lms.push(("cmi.scaled_passing_score", s.to_string()));
            }
        }
    }
    runtime::tree(&kept, &lms)
}

/// The package lesson `key` is done: the learner step, with what follows
/// it (the course's completion, the certificate), in the caller's
/// transaction.
async fn completed(
    app: &App,
    txn: &impl sea_orm::ConnectionTrait,
    actor: &Actor,
    p: &Published,
    key: &str,
) -> Result<Step, AppError> {
    let (c, v) = &**p;
    let (s, _) = kuza_progress::complete_lesson(
        txn,
        c.id,
        actor.id(),
        &v.document,
        v.number,
        key,
        Completer::Package,
    )
    .await?;
    crate::certificates::after_step(app, txn, &s, &v.document, v.number).await?;
    Ok(s)
}

/// What a commit did.
#[derive(Debug)]
pub struct Committed {
    pub outcome: Outcome,
    /// Set when this commit completed the lesson (and maybe the course).
    pub step: Option<Step>,
}

/// Keeps a commit of run-time data (`body`: the run-time library's JSON,
/// `{"cmi": {...}}`) for the session `key` names. Everything is checked
/// before anything is kept; when every SCO of the package is then done
/// (completed, and not failed), the lesson completes through the learner
/// step, with what follows it (the course, the certificate).
pub async fn commit(
    app: &App,
    actor: &Actor,
    p: &Published,
    lesson: &str,
    key: &CommitKey,
    body: &[u8],
) -> Result<Committed, AppError> {
    let c = &p.0;
    // What is read from the pool is read before the write transaction: a
    // transaction waiting for a second connection while the others wait
    // for its lock would hold them all until the pool's timeout.
    kuza_progress::find_with_completed(&app.db, c.id, actor.id())
        .await?
        .filter(|(e, _)| kuza_enrollment::studies(e))
        .ok_or(kuza_progress::ProgressError::NotEnrolled)?;
    if !key.holds(app) {
        return Err(AppError::NotFound);
    }
    let (stored, m) = lesson_package(app, p, lesson).await?;
    let cmi = serde_json::from_slice::<Value>(body)
        .ok()
        .and_then(|v| v.get("cmi").cloned())
        .ok_or_else(|| AppError::BadInput("the body is not run-time data".into()))?;
    let txn = kuza_db::begin_write(&app.db).await?;
    let (e, _) = kuza_progress::lock_with_completed(&txn, c.id, actor.id())
        .await?
        .filter(|(e, _)| kuza_enrollment::studies(e))
        .ok_or(kuza_progress::ProgressError::NotEnrolled)?;
    let runs = records::runs(&txn, e.id, lesson).await?;
    let run = runs
        .iter()
        .find(|r| r.id == key.run)
        .cloned()
        .ok_or(AppError::NotFound)?;
    if run.attempt != key.attempt {
        return Err(AppError::conflict(
            "package_attempt_over",
            "a newer attempt of this lesson has started",
        ));
    }
    let item = m
        .launchable()
        .into_iter()
        .find(|i| i.identifier == run.sco)
        .cloned()
        .ok_or(AppError::NotFound)?;
    let mode = if key.review {
        Mode::Review
    } else {
        Mode::Resume
    };
    let (run, outcome) =
        records::commit(&txn, run, mode, m.standard, records::rules(&item), &cmi).await?;
    let mut step = None;
    let done = |id: &str| {
        (run.sco == id && records::done(&run))
            || runs
                .iter()
                .any(|r| r.sco == id && r.id != run.id && records::done(r))
    };
    let scos: Vec<&Item> = m
        .launchable()
        .into_iter()
        .filter(|i| is_sco(&m, i))
        .collect();
    if !key.review && !scos.is_empty() && scos.iter().all(|i| done(&i.identifier)) {
        step = Some(completed(app, &txn, actor, p, lesson).await?);
    }
    txn.commit().await?;
    if let Some(s) = step.filter(|s| s.newly) {
        tracing::info!(
            course.id = c.id,
            user.id = actor.id(),
            package.id = stored.id,
            lesson = lesson,
            course.completed = s.course_completed,
            "package lesson completed"
        );
    }
    Ok(Committed { outcome, step })
}
