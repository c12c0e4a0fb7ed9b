//! Portable course archives (docs/course-archive.md): a zip that is also a
//! readable folder of JSON, Markdown and media.
//!
//! This module turns a draft into the archive's files ([`export`]) and the
//! files back into what a draft is made of ([`parse`]), and reads and writes
//! the zip safely ([`read_zip`], [`write_zip`]). Storing the media and
//! creating the rows is the caller's (it owns storage and the transaction).
//! Writing is deterministic: the same course always gives the same bytes.
//!
//! Reading never holds a media file in memory: each is inflated into a
//! temporary file, counted against the limits as its bytes arrive, and the
//! zip is refused the moment one is passed. Reading is blocking work: call
//! it off the async threads (`spawn_blocking`).

use crate::content::{Content, Quiz, Video};
use crate::draft::{self, Draft, content_of, default_language_of, languages_of, translated};
use crate::values::Translated;
use kuza_db::values::{Code, LessonKind};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::{Read, Seek, Write};
use std::path::Path;
use std::sync::Arc;

/// The archive's files: path → content, in path order.
pub type Files = BTreeMap<String, Entry>;

/// One file of an archive: its bytes, or (a media file read from a zip)
/// a temporary file they were inflated into, removed when the last copy of
/// the entry is dropped.
#[derive(Debug, Clone)]
pub enum Entry {
    Bytes(Vec<u8>),
    OnDisk(Arc<tempfile::TempPath>),
}

impl Entry {
    /// The whole content (a file on disk is read).
    pub fn read(&self) -> std::io::Result<Vec<u8>> {
        match self {
            Entry::Bytes(b) => Ok(b.clone()),
            Entry::OnDisk(path) => std::fs::read(&**path),
        }
    }
}

impl From<Vec<u8>> for Entry {
    fn from(bytes: Vec<u8>) -> Self {
        Entry::Bytes(bytes)
    }
}

/// The largest text file (`course.json`, a lesson's Markdown) read into
/// memory: far above any valid one (a lesson body is at most 200,000
/// characters).
pub const TEXT_MAX_BYTES: u64 = 4 * 1024 * 1024;

pub const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArchiveCourse {
    pub kuza_archive: u32,
    pub slug: String,
    pub format: String,
    pub level: String,
    pub estimated_hours: f64,
    pub default_language: String,
    pub languages: Vec<String>,
    #[serde(default)]
    pub themes: Vec<String>,
    pub title: Translated,
    #[serde(default)]
    pub summary: Translated,
    #[serde(default)]
    pub cover: Option<String>,
    pub modules: Vec<ArchiveModule>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArchiveModule {
    pub title: Translated,
    pub lessons: Vec<ArchiveLesson>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArchiveLesson {
    pub kind: String,
    pub required: bool,
    pub title: Translated,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub video: Option<ArchiveVideo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quiz: Option<Quiz>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArchiveVideo {
    #[serde(default)]
    pub file: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub captions: BTreeMap<String, String>,
}

/// Why an archive was refused; `at` names the entry or field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{code} at {at}")]
pub struct ArchiveError {
    pub at: String,
    pub code: &'static str,
}

fn refuse(at: impl Into<String>, code: &'static str) -> ArchiveError {
    ArchiveError {
        at: at.into(),
        code,
    }
}

/// What a zip may hold.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub max_entries: usize,
    pub max_entry_bytes: u64,
    pub max_total_bytes: u64,
}

fn lesson_path(m: usize, l: usize) -> String {
    format!("lessons/{:02}-{:02}", m + 1, l + 1)
}

/// A media file name as it may stand in `media/`: the stored name, with
/// anything that could be a path or hidden file replaced.
fn archive_name(name: &str) -> String {
    let clean: String = name
        .chars()
        .map(|c| {
            if c == '/' || c == '\\' || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect();
    let clean = clean.trim_start_matches('.').trim().to_owned();
    if clean.is_empty() {
        "file".into()
    } else {
        clean
    }
}

/// A name not yet used: `map.pdf`, then `map-2.pdf`, `map-3.pdf`, ….
fn unique_name(name: &str, used: &[String]) -> String {
    if !used.iter().any(|u| u == name) {
        return name.to_owned();
    }
    let (stem, ext) = match name.rfind('.') {
        Some(i) if i > 0 => (&name[..i], &name[i..]),
        _ => (name, ""),
    };
    (2..)
        .map(|n| format!("{stem}-{n}{ext}"))
        .find(|c| !used.iter().any(|u| u == c))
        .unwrap_or_default()
}

/// Without instance-specific keys, so that exports of the same content are
/// the same bytes wherever it was imported.
fn portable_quiz(q: &Quiz) -> Quiz {
    let mut q = q.clone();
    for question in &mut q.questions {
        question.key.clear();
        if let crate::content::Answer::Single { options }
        | crate::content::Answer::Multiple { options } = &mut question.answer
        {
            for o in options {
                o.key.clear();
            }
        }
    }
    q
}

/// A Markdown file: the stored text (always trimmed) and a final newline.
fn text_file(text: &str) -> Vec<u8> {
    format!("{text}\n").into_bytes()
}

/// The draft as archive files. `bytes(media_id)` gives a file's content;
/// only files the course uses are written.
pub fn export(
    d: &Draft,
    mut bytes: impl FnMut(i32) -> Option<Vec<u8>>,
) -> Result<Files, ArchiveError> {
    let c = &d.course;
    let mut files = Files::new();
    let mut names: BTreeMap<i32, String> = BTreeMap::new();
    let mut used: Vec<String> = vec![];
    let mut media_path = |id: i32, files: &mut Files| -> Result<String, ArchiveError> {
        if let Some(n) = names.get(&id) {
            return Ok(format!("media/{n}"));
        }
        let m = d
            .media
            .iter()
            .find(|m| m.id == id)
            .ok_or_else(|| refuse(format!("media {id}"), "media_missing"))?;
        let name = unique_name(&archive_name(&m.file_name), &used);
        let data = bytes(id).ok_or_else(|| refuse(format!("media {id}"), "media_missing"))?;
        used.push(name.clone());
        names.insert(id, name.clone());
        files.insert(format!("media/{name}"), data.into());
        Ok(format!("media/{name}"))
    };
    let cover = c
        .cover_media_id
        .map(|id| media_path(id, &mut files))
        .transpose()?;
    let mut modules = vec![];
    for (i, (m, lessons)) in d.modules.iter().enumerate() {
        let mut out = vec![];
        for (j, l) in lessons.iter().enumerate() {
            let base = lesson_path(i, j);
            for (lang, text) in translated(&l.body) {
                files.insert(format!("{base}.{lang}.md"), text_file(&text).into());
            }
            let content = content_of(l);
            let mut lesson = ArchiveLesson {
                kind: l.kind.code(),
                required: l.required,
                title: translated(&l.title),
                video: None,
                file: None,
                quiz: None,
            };
            match l.kind {
                LessonKind::Video => {
                    let v = content.video.unwrap_or_default();
                    for (lang, text) in &v.transcript {
                        files.insert(
                            format!("{base}.transcript.{lang}.md"),
                            text_file(text).into(),
                        );
                    }
                    let mut captions = BTreeMap::new();
                    for (lang, id) in &v.captions {
                        captions.insert(lang.clone(), media_path(*id, &mut files)?);
                    }
                    lesson.video = Some(ArchiveVideo {
                        file: v.media.map(|id| media_path(id, &mut files)).transpose()?,
                        url: v.url,
                        captions,
                    });
                }
                LessonKind::File => {
                    lesson.file = content
                        .file
                        .map(|id| media_path(id, &mut files))
                        .transpose()?;
                }
                LessonKind::Quiz => {
                    lesson.quiz = Some(portable_quiz(&content.quiz.unwrap_or_default()))
                }
                // A package's files are not written into an archive yet.
                LessonKind::Package => {
                    return Err(refuse(
                        format!("modules[{i}].lessons[{j}]"),
                        "archive_package_unsupported",
                    ));
                }
                _ => {}
            }
            out.push(lesson);
        }
        modules.push(ArchiveModule {
            title: translated(&m.title),
            lessons: out,
        });
    }
    let course = ArchiveCourse {
        kuza_archive: FORMAT_VERSION,
        slug: c.slug.clone(),
        format: c.format.code(),
        level: c.level.code(),
        estimated_hours: f64::from(c.estimated_minutes) / 60.0,
        default_language: default_language_of(c).code().to_owned(),
        languages: languages_of(c)
            .iter()
            .map(|l| l.code().to_owned())
            .collect(),
        themes: draft::themes_of(c),
        title: translated(&c.title),
        summary: translated(&c.summary),
        cover,
        modules,
    };
    let mut json =
        serde_json::to_vec_pretty(&course).map_err(|_| refuse("course.json", "archive_invalid"))?;
    json.push(b'\n');
    files.insert("course.json".into(), json.into());
    Ok(files)
}

/// A lesson of an archive, with its text from the Markdown files.
#[derive(Debug, Clone)]
pub struct ParsedLesson {
    pub lesson: ArchiveLesson,
    pub body: Translated,
    pub transcript: Translated,
}

/// An archive read and checked: the course, each module's lessons with
/// their text, and the media files by path (each used at least once).
#[derive(Debug, Clone)]
pub struct Parsed {
    pub course: ArchiveCourse,
    pub modules: Vec<(Translated, Vec<ParsedLesson>)>,
    pub media: BTreeMap<String, Entry>,
}

fn text_of(path: &str, entry: &Entry) -> Result<String, ArchiveError> {
    let bytes = entry
        .read()
        .map_err(|_| refuse(path, "archive_entry_unreadable"))?;
    String::from_utf8(bytes).map_err(|_| refuse(path, "archive_text_not_utf8"))
}

/// Checks the archive's files: the layout, `course.json`, that every media
/// path it names is present and nothing else is there. Field values are
/// checked again when the draft is created from it.
pub fn parse(mut files: Files) -> Result<Parsed, ArchiveError> {
    let json = files
        .remove("course.json")
        .ok_or_else(|| refuse("course.json", "archive_course_json_missing"))?;
    let json = json
        .read()
        .map_err(|_| refuse("course.json", "archive_entry_unreadable"))?;
    let course: ArchiveCourse = serde_json::from_slice(&json).map_err(|e| {
        refuse(
            format!("course.json line {} column {}", e.line(), e.column()),
            "archive_course_json_invalid",
        )
    })?;
    if course.kuza_archive != FORMAT_VERSION {
        return Err(refuse(
            "course.json kuza_archive",
            "archive_version_unknown",
        ));
    }
    let mut media: BTreeMap<String, Entry> = BTreeMap::new();
    let mut wanted: Vec<String> = course.cover.iter().cloned().collect();
    let mut modules = vec![];
    for (i, m) in course.modules.iter().enumerate() {
        let mut lessons = vec![];
        for (j, l) in m.lessons.iter().enumerate() {
            let base = lesson_path(i, j);
            let mut body = Translated::new();
            let mut transcript = Translated::new();
            for lang in kuza_i18n::Language::ALL.map(|l| l.code()) {
                let path = format!("{base}.{lang}.md");
                if let Some(b) = files.remove(&path) {
                    body.insert(lang.to_owned(), text_of(&path, &b)?);
                }
                let path = format!("{base}.transcript.{lang}.md");
                if let Some(b) = files.remove(&path) {
                    transcript.insert(lang.to_owned(), text_of(&path, &b)?);
                }
            }
            if let Some(v) = &l.video {
                wanted.extend(v.file.iter().cloned());
                wanted.extend(v.captions.values().cloned());
            }
            wanted.extend(l.file.iter().cloned());
            lessons.push(ParsedLesson {
                lesson: l.clone(),
                body,
                transcript,
            });
        }
        modules.push((m.title.clone(), lessons));
    }
    for path in wanted {
        if media.contains_key(&path) {
            continue;
        }
        let ok = path
            .strip_prefix("media/")
            .is_some_and(|n| !n.is_empty() && !n.contains('/'));
        if !ok {
            return Err(refuse(path, "archive_media_path_invalid"));
        }
        let bytes = files
            .remove(&path)
            .ok_or_else(|| refuse(path.clone(), "archive_media_missing"))?;
        media.insert(path, bytes);
    }
    if let Some(extra) = files.keys().next() {
        return Err(refuse(extra.clone(), "archive_entry_unexpected"));
    }
    Ok(Parsed {
        course,
        modules,
        media,
    })
}

impl ParsedLesson {
    /// The lesson's content with media paths resolved to ids by `id_of`.
    pub fn content(&self, id_of: impl Fn(&str) -> Option<i32>) -> Content {
        let l = &self.lesson;
        Content {
            video: l.video.as_ref().map(|v| Video {
                media: v.file.as_deref().and_then(&id_of),
                url: v.url.clone(),
                captions: v
                    .captions
                    .iter()
                    .filter_map(|(lang, p)| id_of(p).map(|id| (lang.clone(), id)))
                    .collect(),
                transcript: self.transcript.clone(),
            }),
            file: l.file.as_deref().and_then(&id_of),
            quiz: l.quiz.clone(),
            package: None,
        }
    }
}

/// Reads a course archive's zip safely (see [`read_zip_with`]): media
/// files (`media/…`) are inflated into temporary files in `spill`, the
/// others (at most [`TEXT_MAX_BYTES`] each) into memory.
pub fn read_zip<R: Read + Seek>(
    reader: R,
    limits: Limits,
    spill: &Path,
) -> Result<Files, ArchiveError> {
    read_zip_with(reader, limits, spill, &|name| !name.starts_with("media/"))
}

/// Reads a zip safely: every entry a plain file under the archive's folder
/// (no absolute paths, no `..`, no links, no name twice), within the
/// limits, checked on the bytes actually inflated rather than the sizes the
/// zip declares, and refused as soon as one is passed. The entries
/// `in_memory` names are read into memory (at most [`TEXT_MAX_BYTES`]
/// each), the others inflated into temporary files in `spill`. Directory
/// entries are skipped. Blocking.
pub fn read_zip_with<R: Read + Seek>(
    reader: R,
    limits: Limits,
    spill: &Path,
    in_memory: &dyn Fn(&str) -> bool,
) -> Result<Files, ArchiveError> {
    let mut zip =
        zip::ZipArchive::new(reader).map_err(|_| refuse("archive", "archive_not_a_zip"))?;
    if zip.has_duplicate_names() {
        return Err(refuse("archive", "archive_entry_duplicate"));
    }
    if zip.len() > limits.max_entries {
        return Err(refuse("archive", "archive_too_many_entries"));
    }
    let mut files = Files::new();
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let mut entry = zip
            .by_index(i)
            .map_err(|_| refuse(format!("entry {i}"), "archive_not_a_zip"))?;
        let name = entry
            .name()
            .map_err(|_| refuse(format!("entry {i}"), "archive_path_unsafe"))?
            .into_owned();
        let safe = entry.enclosed_name().is_some()
            && !name.starts_with('/')
            && !name.contains('\\')
            && !name.split('/').any(|part| part == ".." || part == ".")
            && !name.contains(':');
        if !safe || entry.is_symlink() {
            return Err(refuse(name, "archive_path_unsafe"));
        }
        if entry.is_dir() {
            continue;
        }
        // What this entry may still take: its own limit, what is left of
        // the total, and for text the text limit. One byte more is read to
        // tell a file that fits from one that does not.
        let media = !in_memory(&name);
        let mut cap = limits
            .max_entry_bytes
            .min(limits.max_total_bytes.saturating_sub(total));
        if !media {
            cap = cap.min(TEXT_MAX_BYTES);
        }
        let unreadable = |_| refuse(name.clone(), "archive_entry_unreadable");
        let mut limited = entry.by_ref().take(cap + 1);
        let (read, content) = if media {
            let mut temp = tempfile::Builder::new()
                .prefix("archive-")
                .tempfile_in(spill)
                .map_err(unreadable)?;
            let read = std::io::copy(&mut limited, &mut temp).map_err(unreadable)?;
            (read, Entry::OnDisk(Arc::new(temp.into_temp_path())))
        } else {
            let mut data = vec![];
            let read = limited.read_to_end(&mut data).map_err(unreadable)? as u64;
            (read, Entry::Bytes(data))
        };
        if read > cap {
            let code = if read > limits.max_entry_bytes || (!media && read > TEXT_MAX_BYTES) {
                "archive_entry_too_large"
            } else {
                "archive_too_large"
            };
            return Err(refuse(name, code));
        }
        total += read;
        files.insert(name, content);
    }
    Ok(files)
}

/// Writes the files as a zip: path order, a fixed date, fixed permissions,
/// so that the same files always give the same bytes.
pub fn write_zip(files: &Files) -> std::io::Result<Vec<u8>> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::DEFAULT)
        .unix_permissions(0o644);
    for (path, entry) in files {
        zip.start_file(path.as_str(), options)
            .map_err(std::io::Error::other)?;
        match entry {
            Entry::Bytes(bytes) => zip.write_all(bytes)?,
            Entry::OnDisk(temp) => {
                std::io::copy(&mut std::fs::File::open(&**temp)?, &mut zip)?;
            }
        }
    }
    Ok(zip.finish().map_err(std::io::Error::other)?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMITS: Limits = Limits {
        max_entries: 10,
        max_entry_bytes: 1000,
        max_total_bytes: 1500,
    };

    fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let files: Files = entries
            .iter()
            .map(|(p, b)| (p.to_string(), b.to_vec().into()))
            .collect();
        write_zip(&files).unwrap()
    }

    fn read_zip(bytes: &[u8], limits: Limits) -> Result<Files, ArchiveError> {
        super::read_zip(std::io::Cursor::new(bytes), limits, &std::env::temp_dir())
    }

    #[test]
    fn the_same_files_give_the_same_bytes() {
        let a = zip_of(&[("course.json", b"{}"), ("media/a.txt", b"x")]);
        let b = zip_of(&[("media/a.txt", b"x"), ("course.json", b"{}")]);
        assert_eq!(a, b);
        let back = read_zip(&a, LIMITS).unwrap();
        assert!(
            matches!(back["media/a.txt"], Entry::OnDisk(_)),
            "media go to disk"
        );
        assert_eq!(back["media/a.txt"].read().unwrap(), b"x");
        assert!(matches!(back["course.json"], Entry::Bytes(_)));
        // Written again from disk, the same bytes.
        assert_eq!(write_zip(&back).unwrap(), a);
    }

    #[test]
    fn a_name_twice_is_refused() {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        for body in [b"first".as_slice(), b"second"] {
            // The writer refuses a second entry of the same name; a hostile
            // archive is made by hand, so name them apart and patch one.
            let name = if body == b"first" {
                "media/a.txt"
            } else {
                "media/b.txt"
            };
            zip.start_file(name, options).unwrap();
            zip.write_all(body).unwrap();
        }
        let mut bytes = zip.finish().unwrap().into_inner();
        // Every header naming b.txt now names a.txt.
        for i in 0..bytes.len().saturating_sub(11) {
            if &bytes[i..i + 11] == b"media/b.txt" {
                bytes[i + 6] = b'a';
            }
        }
        assert_eq!(
            read_zip(&bytes, LIMITS).unwrap_err(),
            refuse("archive", "archive_entry_duplicate")
        );
    }

    #[test]
    fn a_spilled_entry_is_removed_when_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let zip = zip_of(&[("media/a.bin", &[7u8; 500])]);
        let files = super::read_zip(std::io::Cursor::new(&zip), LIMITS, dir.path()).unwrap();
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        drop(files);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
        // A refused archive leaves nothing either.
        let big = vec![0u8; 1001];
        assert!(
            super::read_zip(
                std::io::Cursor::new(&zip_of(&[("media/big.bin", &big)])),
                LIMITS,
                dir.path()
            )
            .is_err()
        );
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn unsafe_and_oversized_archives_are_refused() {
        for bad in [
            "../escape.md",
            "/etc/passwd",
            "media/../../x",
            "a\\b",
            "C:/x",
        ] {
            let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
            zip.start_file(bad, zip::write::SimpleFileOptions::default())
                .unwrap();
            zip.write_all(b"x").unwrap();
            let bytes = zip.finish().unwrap().into_inner();
            assert_eq!(
                read_zip(&bytes, LIMITS).unwrap_err().code,
                "archive_path_unsafe",
                "{bad}"
            );
        }
        let big = vec![0u8; 1001];
        assert_eq!(
            read_zip(&zip_of(&[("media/big.bin", &big)]), LIMITS)
                .unwrap_err()
                .code,
            "archive_entry_too_large"
        );
        let half = vec![0u8; 800];
        assert_eq!(
            read_zip(&zip_of(&[("a", &half), ("b", &half)]), LIMITS)
                .unwrap_err()
                .code,
            "archive_too_large"
        );
        let many: Vec<(String, Vec<u8>)> = (0..11).map(|i| (format!("f{i}"), vec![])).collect();
        let refs: Vec<(&str, &[u8])> = many
            .iter()
            .map(|(p, b)| (p.as_str(), b.as_slice()))
            .collect();
        assert_eq!(
            read_zip(&zip_of(&refs), LIMITS).unwrap_err().code,
            "archive_too_many_entries"
        );
        assert_eq!(
            read_zip(b"not a zip", LIMITS).unwrap_err().code,
            "archive_not_a_zip"
        );
    }

    #[test]
    fn media_must_be_named_and_nothing_else_present() {
        let course =
            br#"{"kuza_archive":1,"slug":"s-1","format":"self_paced","level":"introductory",
            "estimated_hours":1,"default_language":"en","languages":["en"],"title":{"en":"T"},
            "cover":"media/c.png","modules":[]}"#;
        let mut files: Files = [("course.json".to_owned(), course.to_vec().into())].into();
        assert_eq!(
            parse(files.clone()).unwrap_err().code,
            "archive_media_missing"
        );
        files.insert("media/c.png".into(), vec![1].into());
        files.insert("media/stray.exe".into(), vec![1].into());
        assert_eq!(
            parse(files.clone()).unwrap_err(),
            refuse("media/stray.exe", "archive_entry_unexpected")
        );
        files.remove("media/stray.exe");
        assert_eq!(parse(files).unwrap().media.len(), 1);
    }

    #[test]
    fn names_stay_unique_and_plain() {
        assert_eq!(archive_name("../x/y.pdf"), "_x_y.pdf");
        assert_eq!(
            unique_name("map.pdf", &["map.pdf".into(), "map-2.pdf".into()]),
            "map-3.pdf"
        );
    }
}
