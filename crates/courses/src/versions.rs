//! Publication: the draft becomes an immutable, numbered version.

use crate::content::{self, Content};
use crate::draft::{
    self, Course, Draft, MediaKind, content_of, default_language_of, languages_of, translated,
};
use crate::markdown::to_safe_html;
use crate::values::Translated;
use crate::{CourseError, Problem, is_unique_violation, problem};
use kuza_db::entities::{course, course_version, published_lesson};
use kuza_db::now;
use kuza_db::values::{CourseStatus, Format, LessonKind, Level};
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A published version of a course: everything a learner's page needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub slug: String,
    pub format: Format,
    pub level: Level,
    pub estimated_minutes: i32,
    pub default_language: String,
    pub languages: Vec<String>,
    pub themes: Vec<String>,
    pub title: Translated,
    pub summary: Translated,
    /// The cover image (a key of `media`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cover: Option<i32>,
    pub modules: Vec<DocModule>,
    /// The files the version uses, by media id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub media: BTreeMap<i32, DocMedia>,
}

/// A file as a page needs it: `/media/{id}/{name}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocMedia {
    pub name: String,
    pub content_type: String,
    pub size: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocModule {
    /// Stable across versions.
    pub key: String,
    pub title: Translated,
    pub lessons: Vec<DocLesson>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocLesson {
    /// Stable across versions: progress is recorded against it.
    pub key: String,
    pub kind: LessonKind,
    pub required: bool,
    pub title: Translated,
    /// The Markdown the author wrote, per language.
    pub body: Translated,
    /// The same, rendered and sanitized at publication.
    pub html: Translated,
    /// The video, download or quiz.
    #[serde(default, skip_serializing_if = "is_empty")]
    pub content: Content,
    /// A video's transcript, rendered and sanitized.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub transcript_html: Translated,
}

fn is_empty(c: &Content) -> bool {
    *c == Content::default()
}

fn render(t: &Translated) -> Translated {
    t.iter()
        .map(|(lang, md)| (lang.clone(), to_safe_html(md)))
        .collect()
}

/// One published version: its number, date and document.
#[derive(Debug, Clone)]
pub struct Version {
    pub number: i32,
    pub published_at: i64,
    pub document: Document,
}

/// Builds the document from a draft, or says everything that stops it.
pub fn document_of(d: &Draft) -> Result<Document, CourseError> {
    let c = &d.course;
    let default = default_language_of(c).code().to_owned();
    let mut problems: Vec<Problem> = vec![];
    if d.modules.is_empty() {
        problems.push(problem("modules", "course_has_no_modules"));
    }
    let mut modules = vec![];
    let mut used: Vec<(String, i32, MediaKind)> = vec![];
    for (i, (m, lessons)) in d.modules.iter().enumerate() {
        if lessons.is_empty() {
            problems.push(problem(format!("modules[{i}]"), "module_has_no_lessons"));
        }
        let mut doc_lessons = vec![];
        for (j, l) in lessons.iter().enumerate() {
            let body = translated(&l.body);
            if l.kind == LessonKind::Text && !body.contains_key(&default) {
                problems.push(problem(
                    format!("modules[{i}].lessons[{j}].body.{default}"),
                    "default_language_missing",
                ));
            }
            let at = format!("modules[{i}].lessons[{j}]");
            let content = content_of(l);
            let mut transcript_html = Translated::new();
            match l.kind {
                LessonKind::Video => match &content.video {
                    Some(v) if v.media.is_some() || v.url.is_some() => {
                        used.extend(
                            v.media
                                .map(|id| (format!("{at}.video"), id, MediaKind::Video)),
                        );
                        for (lang, id) in &v.captions {
                            used.push((
                                format!("{at}.video.captions.{lang}"),
                                *id,
                                MediaKind::Captions,
                            ));
                        }
                        transcript_html = render(&v.transcript);
                    }
                    _ => problems.push(problem(format!("{at}.video"), "video_missing")),
                },
                LessonKind::File => match content.file {
                    Some(id) => used.push((format!("{at}.file"), id, MediaKind::Any)),
                    None => problems.push(problem(format!("{at}.file"), "file_missing")),
                },
                LessonKind::Package => match content.package {
                    Some(id) if d.packages.contains(&id) => {}
                    _ => problems.push(problem(format!("{at}.package"), "package_missing")),
                },
                LessonKind::Quiz => match &content.quiz {
                    Some(q) => {
                        content::publishable(q, &default, &format!("{at}.quiz"), &mut problems)
                    }
                    None => problems.push(problem(
                        format!("{at}.quiz.questions"),
                        "quiz_has_no_questions",
                    )),
                },
                _ => {}
            }
            let html = render(&body);
            // Files a lesson's text shows or links to are the version's
            // too: public while it is published, kept while it exists.
            for id in linked_media(&html) {
                used.push((format!("{at}.body"), id, MediaKind::Any));
            }
            for id in linked_media(&transcript_html) {
                used.push((format!("{at}.video.transcript"), id, MediaKind::Any));
            }
            doc_lessons.push(DocLesson {
                key: l.key.clone(),
                kind: l.kind,
                required: l.required,
                title: translated(&l.title),
                html,
                body,
                content,
                transcript_html,
            });
        }
        modules.push(DocModule {
            key: m.key.clone(),
            title: translated(&m.title),
            lessons: doc_lessons,
        });
    }
    if let Some(cover) = c.cover_media_id {
        used.push(("cover".into(), cover, MediaKind::Image));
    }
    // Files are checked again here: one may have been deleted since the
    // lesson named it.
    let mut media = BTreeMap::new();
    for (at, id, kind) in used {
        match d.media.iter().find(|m| m.id == id) {
            Some(m) if kind.accepts(&m.content_type) => {
                media.insert(
                    id,
                    DocMedia {
                        name: m.file_name.clone(),
                        content_type: m.content_type.clone(),
                        size: m.size,
                    },
                );
            }
            _ => problems.push(problem(at, "media_missing")),
        }
    }
    if !problems.is_empty() {
        return Err(CourseError::NotPublishable(problems));
    }
    Ok(Document {
        slug: c.slug.clone(),
        format: c.format,
        level: c.level,
        estimated_minutes: c.estimated_minutes,
        default_language: default,
        languages: languages_of(c)
            .iter()
            .map(|l| l.code().to_owned())
            .collect(),
        themes: draft::themes_of(c),
        title: translated(&c.title),
        summary: translated(&c.summary),
        cover: c.cover_media_id,
        modules,
        media,
    })
}

/// The ids of the files rendered lesson HTML shows or links to
/// (`src="/media/12-…/map.png"`, `href="/media/12/notes.pdf"`), each once.
fn linked_media(html: &Translated) -> Vec<i32> {
    let mut ids = vec![];
    for h in html.values() {
        for prefix in ["src=\"/media/", "href=\"/media/"] {
            for (i, _) in h.match_indices(prefix) {
                let rest = &h[i + prefix.len()..];
                let end = rest
                    .find(|c: char| !c.is_ascii_digit())
                    .unwrap_or(rest.len());
                if let Ok(id) = rest[..end].parse::<i32>()
                    && !ids.contains(&id)
                {
                    ids.push(id);
                }
            }
        }
    }
    ids
}

/// Publishes the draft as the next version; returns its number. Two
/// simultaneous publications cannot both take the same number.
pub async fn publish(conn: &impl ConnectionTrait, c: &Course, by: i32) -> Result<i32, CourseError> {
    let doc = document_of(&draft::load(conn, c.clone()).await?)?;
    let latest: Option<i32> = course_version::Entity::find()
        .filter(course_version::Column::CourseId.eq(c.id))
        .select_only()
        .column_as(course_version::Column::Number.max(), "n")
        .into_tuple::<Option<i32>>()
        .one(conn)
        .await?
        .flatten();
    let number = latest.unwrap_or(0) + 1;
    let t = now();
    course_version::Entity::insert(course_version::ActiveModel {
        course_id: Set(c.id),
        number: Set(number),
        document: Set(serde_json::to_string(&doc)
            .map_err(|e| CourseError::Db(sea_orm::DbErr::Custom(e.to_string())))?),
        published_at: Set(t),
        published_by: Set(Some(by)),
        ..Default::default()
    })
    .exec_without_returning(conn)
    .await
    .map_err(|e| {
        if is_unique_violation(&e) {
            CourseError::PublishConflict
        } else {
            e.into()
        }
    })?;
    course::Entity::update_many()
        .col_expr(course::Column::Status, CourseStatus::Published.into())
        .col_expr(course::Column::CurrentVersion, number.into())
        .col_expr(course::Column::UpdatedAt, t.into())
        .filter(course::Column::Id.eq(c.id))
        .exec(conn)
        .await?;
    let keys: Vec<&str> = doc
        .modules
        .iter()
        .flat_map(|m| m.lessons.iter().map(|l| l.key.as_str()))
        .collect();
    for chunk in keys.chunks(500) {
        published_lesson::Entity::insert_many(chunk.iter().map(|k| {
            published_lesson::ActiveModel {
                lesson_key: Set((*k).to_owned()),
                course_id: Set(c.id),
            }
        }))
        .on_conflict(
            OnConflict::column(published_lesson::Column::LessonKey)
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(conn)
        .await?;
    }
    crate::catalog::index(conn, c, number, &doc).await?;
    Ok(number)
}

fn parse(row: course_version::Model) -> Result<Version, CourseError> {
    let document = serde_json::from_str(&row.document)
        .map_err(|e| CourseError::Db(sea_orm::DbErr::Custom(format!("version {}: {e}", row.id))))?;
    Ok(Version {
        number: row.number,
        published_at: row.published_at,
        document,
    })
}

/// The current version of a published course, by slug. Drafts that were
/// never published and archived courses are not found.
pub async fn published(
    conn: &impl ConnectionTrait,
    slug: &str,
) -> Result<(Course, Version), CourseError> {
    let c = course::Entity::find()
        .filter(course::Column::Slug.eq(slug))
        .filter(course::Column::Status.eq(CourseStatus::Published))
        .one(conn)
        .await?
        .ok_or(CourseError::NotFound)?;
    let row = course_version::Entity::find()
        .filter(course_version::Column::CourseId.eq(c.id))
        .filter(course_version::Column::Number.eq(c.current_version))
        .one(conn)
        .await?
        .ok_or(CourseError::NotFound)?;
    Ok((c, parse(row)?))
}

/// Version `number` of a course, whatever the course's state now (the
/// version a learner completed, for their certificate).
pub async fn version(
    conn: &impl ConnectionTrait,
    course_id: i32,
    number: i32,
) -> Result<Version, CourseError> {
    let row = course_version::Entity::find()
        .filter(course_version::Column::CourseId.eq(course_id))
        .filter(course_version::Column::Number.eq(number))
        .one(conn)
        .await?
        .ok_or(CourseError::NotFound)?;
    parse(row)
}

/// Version history (newest first): number, date, publisher.
#[derive(Debug, Clone, Serialize)]
pub struct VersionInfo {
    pub number: i32,
    pub published_at: i64,
    pub published_by: Option<i32>,
}

pub async fn history(
    conn: &impl ConnectionTrait,
    c: &Course,
) -> Result<Vec<VersionInfo>, CourseError> {
    let rows: Vec<(i32, i64, Option<i32>)> = course_version::Entity::find()
        .filter(course_version::Column::CourseId.eq(c.id))
        .order_by_desc(course_version::Column::Number)
        .select_only()
        .columns([
            course_version::Column::Number,
            course_version::Column::PublishedAt,
            course_version::Column::PublishedBy,
        ])
        .into_tuple()
        .all(conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(number, published_at, published_by)| VersionInfo {
            number,
            published_at,
            published_by,
        })
        .collect())
}

/// The document as anyone may read it: each quiz as [`crate::content::LearnerQuiz`],
/// without correct options, accepted answers or feedback.
pub fn public_json(doc: &Document) -> serde_json::Value {
    let mut v = serde_json::to_value(doc).unwrap_or_default();
    for (i, m) in doc.modules.iter().enumerate() {
        for (j, l) in m.lessons.iter().enumerate() {
            if let Some(q) = &l.content.quiz {
                v["modules"][i]["lessons"][j]["content"]["quiz"] =
                    serde_json::to_value(q.for_learner()).unwrap_or_default();
            }
        }
    }
    v
}

/// Whether a file is used by the draft (a lesson or the cover) or by any
/// published version: such a file cannot be deleted, or pages would break.
pub async fn media_in_use(
    conn: &impl ConnectionTrait,
    c: &Course,
    media_id: i32,
) -> Result<bool, CourseError> {
    if c.cover_media_id == Some(media_id) {
        return Ok(true);
    }
    let d = draft::load(conn, c.clone()).await?;
    let in_draft = d.modules.iter().any(|(_, lessons)| {
        lessons
            .iter()
            .any(|l| content::media_ids(&content_of(l)).contains(&media_id))
    });
    if in_draft {
        return Ok(true);
    }
    let rows = course_version::Entity::find()
        .filter(course_version::Column::CourseId.eq(c.id))
        .all(conn)
        .await?;
    for row in rows {
        if parse(row)?.document.media.contains_key(&media_id) {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Whether the draft or a version of the course has a lesson that runs
/// the package `package_id` (it is then kept).
pub async fn package_in_use(
    conn: &impl ConnectionTrait,
    c: &Course,
    package_id: i32,
) -> Result<bool, CourseError> {
    let d = draft::load(conn, c.clone()).await?;
    let in_draft = d.modules.iter().any(|(_, lessons)| {
        lessons
            .iter()
            .any(|l| content_of(l).package == Some(package_id))
    });
    if in_draft {
        return Ok(true);
    }
    let rows = course_version::Entity::find()
        .filter(course_version::Column::CourseId.eq(c.id))
        .all(conn)
        .await?;
    for row in rows {
        let doc = parse(row)?.document;
        let uses = doc
            .modules
            .iter()
            .flat_map(|m| &m.lessons)
            .any(|l| l.content.package == Some(package_id));
        if uses {
            return Ok(true);
        }
    }
    Ok(false)
}

#[cfg(test)]
mod tests {
    use super::linked_media;

    #[test]
    fn files_a_lesson_shows_or_links_to_are_found_once() {
        let html = [
            (
                "en".to_owned(),
                r#"<p><img src="/media/12-ab12/map.png" alt="Map"> <a href="/media/7/notes.pdf">notes</a> /media/99/x</p>"#.to_owned(),
            ),
            ("fr".to_owned(), r#"<img src="/media/12-ab12/carte.png">"#.to_owned()),
        ]
        .into();
        assert_eq!(linked_media(&html), [12, 7]);
    }
}
