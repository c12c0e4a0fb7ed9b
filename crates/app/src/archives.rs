//! Course archives end to end: export a course's draft with its files, and
//! import an archive as a new draft course (docs/course-archive.md). The
//! use cases ([`export`], [`import`], [`import_document`]) ask the policy;
//! the CLI (`kuza course export|import`) and the demo loader, which act as
//! the operator, call [`zip_of`] and [`import_files`] directly.
//!
//! An import is all or nothing: the rows are written in one transaction,
//! and files already put in storage are removed again if anything fails.

use crate::policy::{self, Action, Actor, On};
use crate::{App, AppError, FieldProblem};
use bytes::Bytes;
use kuza_courses::archive::{self, ArchiveError, Entry, Files, Limits, Parsed};
use kuza_courses::draft::{self, Course, CourseInput, LessonInput, ModuleInput};
use kuza_courses::{CourseError, content};
use kuza_media::{MediaError, Storage};
use sea_orm::{ConnectionTrait, DatabaseConnection};
use std::collections::BTreeMap;

/// Why an import or export failed, in the words the API and CLI report.
#[derive(Debug, thiserror::Error)]
pub enum ArchiveFailure {
    /// The archive itself: layout, unsafe paths, limits.
    #[error("{0}")]
    Archive(#[from] ArchiveError),
    /// A value in the archive (field paths as in `course.json`).
    #[error("invalid course: {0:?}")]
    Invalid(Vec<kuza_courses::Problem>),
    /// A media file was refused (not an allowed type, empty, too large).
    #[error("{path}: {error}")]
    Media { path: String, error: MediaError },
    #[error("a course with this slug already exists")]
    SlugTaken,
    #[error("{0}")]
    Course(CourseError),
    #[error("{0}")]
    Storage(MediaError),
}

impl From<CourseError> for ArchiveFailure {
    fn from(e: CourseError) -> Self {
        match e {
            CourseError::Invalid(p) => ArchiveFailure::Invalid(p),
            CourseError::SlugTaken => ArchiveFailure::SlugTaken,
            other => ArchiveFailure::Course(other),
        }
    }
}

impl From<sea_orm::DbErr> for ArchiveFailure {
    fn from(e: sea_orm::DbErr) -> Self {
        ArchiveFailure::Course(e.into())
    }
}

/// What a zip may hold: at most 2,000 entries, each within the upload
/// limit, and four times that in all.
pub fn limits(upload_max_mb: u64) -> Limits {
    let entry = upload_max_mb * 1024 * 1024;
    Limits {
        max_entries: 2000,
        max_entry_bytes: entry,
        max_total_bytes: entry * 4,
    }
}

async fn read_all(storage: &Storage, key: &str) -> Result<Vec<u8>, MediaError> {
    use futures_util::TryStreamExt;
    let mut stream = storage.read(key, None).await?;
    let mut out = vec![];
    while let Some(chunk) = stream.try_next().await? {
        out.extend_from_slice(&chunk);
    }
    Ok(out)
}

impl ArchiveFailure {
    /// One line per problem, with where it is (the command line's report).
    pub fn describe(&self) -> String {
        match self {
            ArchiveFailure::Invalid(problems) => problems
                .iter()
                .map(|p| format!("{}: {}", p.at, p.code))
                .collect::<Vec<_>>()
                .join("\n"),
            other => other.to_string(),
        }
    }
}

impl From<ArchiveFailure> for AppError {
    fn from(e: ArchiveFailure) -> Self {
        match e {
            ArchiveFailure::Archive(a) => AppError::invalid(a.at, a.code),
            ArchiveFailure::Invalid(p) => {
                AppError::Invalid(p.iter().map(|x| FieldProblem::new(&x.at, x.code)).collect())
            }
            ArchiveFailure::Media { path, error } => AppError::invalid(path, error.code()),
            ArchiveFailure::SlugTaken => CourseError::SlugTaken.into(),
            ArchiveFailure::Course(c) => c.into(),
            ArchiveFailure::Storage(m) => m.into(),
        }
    }
}

/// The course's draft as a zip, for its editors.
pub async fn export(
    app: &App,
    actor: Option<&Actor>,
    course_id: i32,
) -> Result<(Course, Vec<u8>), AppError> {
    let (c, facts) = policy::course(&app.db, course_id).await?;
    policy::may(actor, Action::EditCourse, On::Course(&facts))?;
    let zip = zip_of(&app.db, &app.storage, &c).await?;
    Ok((c, zip))
}

/// Creates a draft course from an archive (a zip, the request body of
/// `declared` length, within the upload limit), owned by the actor; `slug`
/// replaces the archive's own.
pub async fn import<S, E>(
    app: &App,
    actor: Option<&Actor>,
    body: S,
    declared: Option<u64>,
    slug: Option<&str>,
) -> Result<Course, AppError>
where
    S: futures_util::Stream<Item = Result<Bytes, E>>,
    E: std::fmt::Display,
{
    policy::may(actor, Action::CreateCourse, On::Site)?;
    let a = policy::signed_in(actor)?;
    if declared.is_some_and(|n| n > app.upload_limit_bytes()) {
        return Err(AppError::TooLarge);
    }
    // The zip goes to a temp file (413 as soon as it passes the limit), and
    // is read off the request threads, its media inflated to disk.
    let zip = app.storage.receive(body, app.upload_limit_bytes()).await?;
    let files = unzip(&app.storage, zip.path(), app.limits.upload_max_mb).await?;
    drop(zip);
    let c = import_files(
        &app.db,
        &app.storage,
        app.limits.upload_max_mb,
        a.id(),
        files,
        slug,
    )
    .await?;
    tracing::info!(course.id = c.id, user.id = a.id(), "course imported");
    Ok(c)
}

/// A course as one JSON document: what `course.json` holds in an archive,
/// and the archive's other files by path (`lessons/….md` as text,
/// `media/…` as base64).
#[derive(Debug, serde::Deserialize)]
pub struct CourseDocument {
    pub course: serde_json::Value,
    #[serde(default)]
    pub files: BTreeMap<String, String>,
}

/// Creates a draft course from one [`CourseDocument`] (the request body,
/// which may be as large as an archive since media come base64-encoded).
pub async fn import_document<S, E>(
    app: &App,
    actor: Option<&Actor>,
    body: S,
    declared: Option<u64>,
) -> Result<Course, AppError>
where
    S: futures_util::Stream<Item = Result<Bytes, E>>,
    E: std::fmt::Display,
{
    use base64::Engine;
    policy::may(actor, Action::CreateCourse, On::Site)?;
    let a = policy::signed_in(actor)?;
    let bytes = crate::read_limited(body, declared, app.upload_limit_bytes()).await?;
    let CourseDocument { course, files } =
        serde_json::from_slice(&bytes).map_err(|e| AppError::BadInput(e.to_string()))?;
    let course = &course;
    let mut all = Files::new();
    all.insert(
        "course.json".into(),
        serde_json::to_vec(course)
            .map_err(|e| AppError::BadInput(e.to_string()))?
            .into(),
    );
    for (path, text) in files {
        let bytes = if path.starts_with("media/") {
            base64::engine::general_purpose::STANDARD
                .decode(text.trim())
                .map_err(|_| AppError::invalid(format!("files.{path}"), "base64_invalid"))?
        } else {
            text.into_bytes()
        };
        all.insert(path, bytes.into());
    }
    let c = import_files(
        &app.db,
        &app.storage,
        app.limits.upload_max_mb,
        a.id(),
        all,
        None,
    )
    .await?;
    tracing::info!(
        course.id = c.id,
        user.id = a.id(),
        "course created from a document"
    );
    Ok(c)
}

/// The course's draft as a zip.
pub async fn zip_of(
    conn: &impl ConnectionTrait,
    storage: &Storage,
    c: &Course,
) -> Result<Vec<u8>, ArchiveFailure> {
    let d = draft::load(conn, c.clone()).await?;
    let mut used: Vec<i32> = c.cover_media_id.into_iter().collect();
    for (_, lessons) in &d.modules {
        for l in lessons {
            used.extend(content::media_ids(&draft::content_of(l)));
        }
    }
    let mut bytes: BTreeMap<i32, Vec<u8>> = BTreeMap::new();
    for m in d.media.iter().filter(|m| used.contains(&m.id)) {
        let data = read_all(storage, &m.storage_key)
            .await
            .map_err(ArchiveFailure::Storage)?;
        bytes.insert(m.id, data);
    }
    let files = archive::export(&d, |id| bytes.remove(&id))?;
    archive::write_zip(&files).map_err(|e| ArchiveFailure::Storage(e.into()))
}

/// Reads the zip at `path` on a blocking thread, inflating its media into
/// the storage's temp directory.
pub async fn unzip(
    storage: &Storage,
    path: &std::path::Path,
    upload_max_mb: u64,
) -> Result<Files, ArchiveFailure> {
    let (path, spill) = (path.to_owned(), storage.temp_dir().to_owned());
    tokio::task::spawn_blocking(move || {
        let file = std::fs::File::open(&path).map_err(|e| ArchiveFailure::Storage(e.into()))?;
        archive::read_zip(std::io::BufReader::new(file), limits(upload_max_mb), &spill)
            .map_err(ArchiveFailure::from)
    })
    .await
    .map_err(|e| ArchiveFailure::Storage(MediaError::Storage(format!("reading the zip: {e}"))))?
}

/// Reads the zip at `path` and imports it as a new draft owned by `owner`;
/// `slug` replaces the archive's own.
pub async fn import_zip_files(
    db: &DatabaseConnection,
    storage: &Storage,
    upload_max_mb: u64,
    owner: i32,
    path: &std::path::Path,
    slug: Option<&str>,
) -> Result<Course, ArchiveFailure> {
    let files = unzip(storage, path, upload_max_mb).await?;
    import_files(db, storage, upload_max_mb, owner, files, slug).await
}

/// Imports archive files as a new draft course.
pub async fn import_files(
    db: &DatabaseConnection,
    storage: &Storage,
    upload_max_mb: u64,
    owner: i32,
    files: Files,
    slug: Option<&str>,
) -> Result<Course, ArchiveFailure> {
    let parsed = archive::parse(files)?;
    let mut stored: Vec<String> = vec![];
    let txn = kuza_db::begin_write(db).await?;
    let result = write(
        &txn,
        storage,
        upload_max_mb,
        owner,
        &parsed,
        slug,
        &mut stored,
    )
    .await;
    match result {
        Ok(c) => match txn.commit().await {
            Ok(()) => Ok(c),
            Err(e) => {
                remove(storage, &stored).await;
                Err(e.into())
            }
        },
        Err(e) => {
            drop(txn);
            remove(storage, &stored).await;
            Err(e)
        }
    }
}

async fn remove(storage: &Storage, keys: &[String]) {
    for key in keys {
        if let Err(e) = storage.delete(key).await {
            tracing::warn!(storage.key = %key, error.cause = %e, "removing a file of a failed import failed");
        }
    }
}

async fn write(
    txn: &impl ConnectionTrait,
    storage: &Storage,
    upload_max_mb: u64,
    owner: i32,
    parsed: &Parsed,
    slug: Option<&str>,
    stored: &mut Vec<String>,
) -> Result<Course, ArchiveFailure> {
    let a = &parsed.course;
    let mut input = CourseInput {
        slug: slug.unwrap_or(&a.slug).to_owned(),
        format: a.format.clone(),
        level: a.level.clone(),
        estimated_hours: a.estimated_hours,
        default_language: a.default_language.clone(),
        languages: a.languages.clone(),
        themes: a.themes.clone(),
        title: a.title.clone(),
        summary: a.summary.clone(),
        organisation_id: None,
        cover_media_id: None,
    };
    let c = draft::create(txn, owner, &input).await?;
    let mut ids: BTreeMap<String, i32> = BTreeMap::new();
    for (path, entry) in &parsed.media {
        let name = path.trim_start_matches("media/");
        let body = entry_stream(entry);
        let media_error = |error| ArchiveFailure::Media {
            path: path.clone(),
            error,
        };
        let received = storage
            .receive(body, upload_max_mb * 1024 * 1024)
            .await
            .map_err(media_error)?;
        let m = kuza_media::records::create(txn, storage, c.id, Some(owner), name, &received)
            .await
            .map_err(media_error)?;
        stored.push(m.storage_key.clone());
        ids.insert(path.clone(), m.id);
    }
    let id_of = |p: &str| ids.get(p).copied();
    for (i, (title, lessons)) in parsed.modules.iter().enumerate() {
        let m = draft::add_module(
            txn,
            &c,
            &ModuleInput {
                title: title.clone(),
                position: None,
            },
        )
        .await
        .map_err(|e| at(e, &format!("modules[{i}].")))?;
        for (j, l) in lessons.iter().enumerate() {
            let input = LessonInput {
                title: l.lesson.title.clone(),
                kind: l.lesson.kind.clone(),
                required: l.lesson.required,
                body: l.body.clone(),
                content: l.content(id_of),
                position: None,
            };
            draft::add_lesson(txn, &c, m.id, &input)
                .await
                .map_err(|e| at(e, &format!("modules[{i}].lessons[{j}].")))?;
        }
    }
    if let Some(cover) = a.cover.as_deref().and_then(id_of) {
        input.cover_media_id = Some(cover);
        draft::update(txn, &c, &input).await?;
    }
    Ok(draft::editable(txn, c.id, owner, true).await?)
}

/// An entry's bytes as a stream: from memory, or read from its temp file
/// in chunks.
fn entry_stream(
    entry: &Entry,
) -> futures_util::stream::BoxStream<'static, Result<Bytes, std::io::Error>> {
    use futures_util::StreamExt;
    match entry {
        Entry::Bytes(b) => {
            let b = Bytes::from(b.clone());
            futures_util::stream::once(async move { Ok(b) }).boxed()
        }
        Entry::OnDisk(temp) => {
            let path = temp.to_path_buf();
            futures_util::stream::unfold(None, move |file: Option<tokio::fs::File>| {
                let path = path.clone();
                async move {
                    use tokio::io::AsyncReadExt;
                    let mut file = match file {
                        Some(f) => f,
                        None => match tokio::fs::File::open(&path).await {
                            Ok(f) => f,
                            Err(e) => return Some((Err(e), None)),
                        },
                    };
                    let mut buf = vec![0u8; 64 * 1024];
                    match file.read(&mut buf).await {
                        Ok(0) => None,
                        Ok(n) => {
                            buf.truncate(n);
                            Some((Ok(Bytes::from(buf)), Some(file)))
                        }
                        Err(e) => Some((Err(e), None)),
                    }
                }
            })
            .boxed()
        }
    }
}

/// Prefixes the paths of a module's or lesson's problems with where it is.
fn at(e: CourseError, prefix: &str) -> ArchiveFailure {
    match e {
        CourseError::Invalid(p) => ArchiveFailure::Invalid(
            p.into_iter()
                .map(|x| kuza_courses::Problem {
                    at: format!("{prefix}{}", x.at),
                    ..x
                })
                .collect(),
        ),
        other => other.into(),
    }
}
