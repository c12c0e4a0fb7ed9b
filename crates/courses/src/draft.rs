//! The draft: what authors edit. Learners never read it.

use crate::content::{self, Content, Langs};
use crate::values::limits::{BODY_MAX, SUMMARY_MAX, TITLE_MAX};
use crate::values::{
    Length, Translated, parse_languages, parse_minutes, parse_named, parse_slug, parse_themes,
    parse_translated,
};
use crate::{CourseError, Problem, is_unique_violation, problem};
use kuza_db::entities::{
    course, course_author, course_lesson, course_module, media, organisation, package,
};
use kuza_db::now;
use kuza_db::values::{CourseStatus, Format, LessonKind, Level};
use kuza_i18n::Language;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use serde::Serialize;

pub use kuza_db::entities::course::Model as Course;
pub use kuza_db::entities::course_lesson::Model as Lesson;
pub use kuza_db::entities::course_module::Model as Module;
pub use kuza_db::entities::media::Model as Media;

/// A course's settings, as they arrive.
#[derive(Debug, Clone, Default)]
pub struct CourseInput {
    pub slug: String,
    pub format: String,
    pub level: String,
    pub estimated_hours: f64,
    pub default_language: String,
    pub languages: Vec<String>,
    pub themes: Vec<String>,
    pub title: Translated,
    pub summary: Translated,
    pub organisation_id: Option<i32>,
    /// An image uploaded to this course.
    pub cover_media_id: Option<i32>,
}

struct ValidCourse {
    slug: String,
    format: Format,
    level: Level,
    minutes: i32,
    default: Language,
    languages: Vec<Language>,
    themes: Vec<String>,
    title: Translated,
    summary: Translated,
    organisation_id: Option<i32>,
    cover_media_id: Option<i32>,
}

fn json(t: &Translated) -> String {
    serde_json::to_string(t).unwrap_or_else(|_| "{}".into())
}

/// A stored translation map (always written by this crate, so valid).
pub fn translated(s: &str) -> Translated {
    serde_json::from_str(s).unwrap_or_default()
}

/// The course's languages, default first.
pub fn languages_of(c: &Course) -> Vec<Language> {
    c.languages.split(',').filter_map(Language::parse).collect()
}

/// The course's themes (free tags and `sdg:` codes).
pub fn themes_of(c: &Course) -> Vec<String> {
    c.themes
        .split(',')
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect()
}

pub fn default_language_of(c: &Course) -> Language {
    Language::parse(&c.default_language).unwrap_or(Language::En)
}

async fn validate(
    conn: &impl ConnectionTrait,
    course_id: Option<i32>,
    input: &CourseInput,
) -> Result<ValidCourse, CourseError> {
    let mut problems: Vec<Problem> = vec![];
    let slug = parse_slug(&input.slug).map_err(|p| problems.push(p)).ok();
    let format = parse_named::<Format>("format", &input.format, "format_invalid")
        .map_err(|p| problems.push(p))
        .ok();
    let level = parse_named::<Level>("level", &input.level, "level_invalid")
        .map_err(|p| problems.push(p))
        .ok();
    let minutes = parse_minutes(input.estimated_hours)
        .map_err(|p| problems.push(p))
        .ok();
    let themes = parse_themes(&input.themes)
        .map_err(|p| problems.push(p))
        .ok();
    let langs = parse_languages(&input.default_language, &input.languages)
        .map_err(|p| problems.push(p))
        .ok();
    let (mut title, mut summary) = (None, None);
    if let Some((default, languages)) = &langs {
        title = parse_translated(
            "title",
            &input.title,
            languages,
            *default,
            Length::Line(TITLE_MAX),
            true,
        )
        .map_err(|p| problems.push(p))
        .ok();
        summary = parse_translated(
            "summary",
            &input.summary,
            languages,
            *default,
            Length::Lines(SUMMARY_MAX),
            false,
        )
        .map_err(|p| problems.push(p))
        .ok();
    }
    // The course's provider: an organisation that delivers courses.
    if let Some(org) = input.organisation_id {
        match organisation::Entity::find_by_id(org).one(conn).await? {
            None => problems.push(problem("organisation_id", "organisation_unknown")),
            Some(o) if !o.provider => {
                problems.push(problem("organisation_id", "organisation_not_provider"))
            }
            Some(_) => {}
        }
    }
    if let Some(cover) = input.cover_media_id {
        // A new course has no uploads yet, so it cannot name a cover.
        let ok = match course_id {
            Some(id) => media_of_kind(conn, id, cover, MediaKind::Image).await?,
            None => false,
        };
        if !ok {
            problems.push(problem("cover_media_id", "media_invalid"));
        }
    }
    match (slug, format, level, minutes, themes, langs, title, summary) {
        (
            Some(slug),
            Some(format),
            Some(level),
            Some(minutes),
            Some(themes),
            Some((default, languages)),
            Some(title),
            Some(summary),
        ) if problems.is_empty() => Ok(ValidCourse {
            slug,
            format,
            level,
            minutes,
            default,
            languages,
            themes,
            title,
            summary,
            organisation_id: input.organisation_id,
            cover_media_id: input.cover_media_id,
        }),
        _ => Err(CourseError::Invalid(problems)),
    }
}

fn slug_taken(e: sea_orm::DbErr) -> CourseError {
    if is_unique_violation(&e) {
        CourseError::SlugTaken
    } else {
        e.into()
    }
}

/// Creates a draft course owned by `owner_id`.
pub async fn create(
    conn: &impl ConnectionTrait,
    owner_id: i32,
    input: &CourseInput,
) -> Result<Course, CourseError> {
    let v = validate(conn, None, input).await?;
    let t = now();
    course::Entity::insert(course::ActiveModel {
        slug: Set(v.slug),
        format: Set(v.format),
        level: Set(v.level),
        estimated_minutes: Set(v.minutes),
        default_language: Set(v.default.code().into()),
        languages: Set(v
            .languages
            .iter()
            .map(|l| l.code())
            .collect::<Vec<_>>()
            .join(",")),
        themes: Set(v.themes.join(",")),
        title: Set(json(&v.title)),
        summary: Set(json(&v.summary)),
        organisation_id: Set(v.organisation_id),
        owner_id: Set(owner_id),
        status: Set(CourseStatus::Draft),
        current_version: Set(0),
        created_at: Set(t),
        updated_at: Set(t),
        ..Default::default()
    })
    .exec_with_returning(conn)
    .await
    .map_err(slug_taken)
}

/// A course by slug, in any status (for the command line).
pub async fn find_by_slug(
    conn: &impl ConnectionTrait,
    slug: &str,
) -> Result<Option<Course>, CourseError> {
    Ok(course::Entity::find()
        .filter(course::Column::Slug.eq(slug))
        .one(conn)
        .await?)
}

/// The course, if `user_id` may edit it: its owner, a co-author, or an administrator.
pub async fn editable(
    conn: &impl ConnectionTrait,
    course_id: i32,
    user_id: i32,
    is_admin: bool,
) -> Result<Course, CourseError> {
    let c = course::Entity::find_by_id(course_id)
        .one(conn)
        .await?
        .ok_or(CourseError::NotFound)?;
    if is_admin || c.owner_id == user_id {
        return Ok(c);
    }
    let co = course_author::Entity::find()
        .filter(course_author::Column::CourseId.eq(course_id))
        .filter(course_author::Column::UserId.eq(user_id))
        .one(conn)
        .await?;
    if co.is_some() {
        Ok(c)
    } else {
        Err(CourseError::Forbidden)
    }
}

/// The courses `user_id` owns or co-authors (all of them for administrators).
pub async fn list_editable(
    conn: &impl ConnectionTrait,
    user_id: i32,
    is_admin: bool,
) -> Result<Vec<Course>, CourseError> {
    let mut q = course::Entity::find().order_by_desc(course::Column::UpdatedAt);
    if !is_admin {
        let co: Vec<i32> = course_author::Entity::find()
            .filter(course_author::Column::UserId.eq(user_id))
            .select_only()
            .column(course_author::Column::CourseId)
            .into_tuple()
            .all(conn)
            .await?;
        q = q.filter(
            course::Column::OwnerId
                .eq(user_id)
                .or(course::Column::Id.is_in(co)),
        );
    }
    Ok(q.all(conn).await?)
}

/// Replaces a course's settings. The slug is fixed once a version is
/// published (links to it are out in the world).
pub async fn update(
    conn: &impl ConnectionTrait,
    c: &Course,
    input: &CourseInput,
) -> Result<Course, CourseError> {
    let v = validate(conn, Some(c.id), input).await?;
    if c.current_version > 0 && v.slug != c.slug {
        return Err(CourseError::Invalid(vec![problem(
            "slug",
            "slug_fixed_after_publication",
        )]));
    }
    course::Entity::update(course::ActiveModel {
        id: Set(c.id),
        slug: Set(v.slug),
        format: Set(v.format),
        level: Set(v.level),
        estimated_minutes: Set(v.minutes),
        default_language: Set(v.default.code().into()),
        languages: Set(v
            .languages
            .iter()
            .map(|l| l.code())
            .collect::<Vec<_>>()
            .join(",")),
        themes: Set(v.themes.join(",")),
        title: Set(json(&v.title)),
        summary: Set(json(&v.summary)),
        organisation_id: Set(v.organisation_id),
        cover_media_id: Set(v.cover_media_id),
        updated_at: Set(now()),
        ..Default::default()
    })
    .exec(conn)
    .await
    .map_err(slug_taken)
}

/// Archives a course: it leaves the public pages and the catalog; its
/// versions are kept.
pub async fn archive(conn: &impl ConnectionTrait, c: &Course) -> Result<(), CourseError> {
    course::Entity::update_many()
        .col_expr(course::Column::Status, CourseStatus::Archived.into())
        .col_expr(course::Column::UpdatedAt, now().into())
        .filter(course::Column::Id.eq(c.id))
        .exec(conn)
        .await?;
    crate::catalog::remove(conn, c.id).await
}

/// Deletes a course that was never published (a published one has
/// learners' history and links in the world: archive it instead).
pub async fn delete(conn: &impl ConnectionTrait, c: &Course) -> Result<(), CourseError> {
    if c.current_version > 0 {
        return Err(CourseError::PublishedCourse);
    }
    course::Entity::delete_by_id(c.id).exec(conn).await?;
    Ok(())
}

/// Replaces a quiz lesson's quiz (`None` removes its questions and settings).
pub async fn set_quiz(
    conn: &impl ConnectionTrait,
    c: &Course,
    lesson_id: i32,
    quiz: Option<&content::Quiz>,
) -> Result<Lesson, CourseError> {
    let l = lesson(conn, c, lesson_id).await?;
    if l.kind != LessonKind::Quiz {
        return Err(CourseError::NotAQuiz);
    }
    let (offered, default) = (languages_of(c), default_language_of(c));
    let quiz = match quiz {
        Some(q) => Some(
            content::parse_quiz(
                q,
                &Langs {
                    offered: &offered,
                    default,
                },
            )
            .map_err(CourseError::Invalid)?,
        ),
        None => None,
    };
    let content = Content {
        quiz,
        ..Content::default()
    };
    course_lesson::Entity::update_many()
        .col_expr(
            course_lesson::Column::Content,
            content_json(&content).into(),
        )
        .col_expr(course_lesson::Column::UpdatedAt, now().into())
        .filter(course_lesson::Column::Id.eq(lesson_id))
        .exec(conn)
        .await?;
    touch(conn, c.id).await?;
    lesson(conn, c, lesson_id).await
}

async fn touch(conn: &impl ConnectionTrait, course_id: i32) -> Result<(), CourseError> {
    course::Entity::update_many()
        .col_expr(course::Column::UpdatedAt, now().into())
        .filter(course::Column::Id.eq(course_id))
        .exec(conn)
        .await?;
    Ok(())
}

#[derive(Debug, Clone, Default)]
pub struct ModuleInput {
    pub title: Translated,
    /// 1-based place among the course's modules; default: last.
    pub position: Option<i32>,
}

#[derive(Debug, Clone, Default)]
pub struct LessonInput {
    pub title: Translated,
    /// `text`, `video`, `file`, `quiz` or `live`.
    pub kind: String,
    pub required: bool,
    /// Markdown per language (an introduction for kinds other than text).
    pub body: Translated,
    /// The kind's own part; only the field for `kind` is kept.
    pub content: Content,
    /// 1-based place in the module; default: last.
    pub position: Option<i32>,
}

/// Puts `id` at 1-based `position` among `ids` (in order) and returns the
/// new order.
fn reorder(mut ids: Vec<i32>, id: i32, position: Option<i32>) -> Vec<i32> {
    ids.retain(|x| *x != id);
    let at = position.map_or(ids.len(), |p| (p.max(1) as usize - 1).min(ids.len()));
    ids.insert(at, id);
    ids
}

async fn module_ids(conn: &impl ConnectionTrait, course_id: i32) -> Result<Vec<i32>, CourseError> {
    Ok(course_module::Entity::find()
        .filter(course_module::Column::CourseId.eq(course_id))
        .order_by_asc(course_module::Column::Position)
        .order_by_asc(course_module::Column::Id)
        .select_only()
        .column(course_module::Column::Id)
        .into_tuple()
        .all(conn)
        .await?)
}

async fn lesson_ids(conn: &impl ConnectionTrait, module_id: i32) -> Result<Vec<i32>, CourseError> {
    Ok(course_lesson::Entity::find()
        .filter(course_lesson::Column::ModuleId.eq(module_id))
        .order_by_asc(course_lesson::Column::Position)
        .order_by_asc(course_lesson::Column::Id)
        .select_only()
        .column(course_lesson::Column::Id)
        .into_tuple()
        .all(conn)
        .await?)
}

async fn renumber_modules(conn: &impl ConnectionTrait, order: &[i32]) -> Result<(), CourseError> {
    for (i, id) in order.iter().enumerate() {
        course_module::Entity::update_many()
            .col_expr(course_module::Column::Position, (i as i32 + 1).into())
            .filter(course_module::Column::Id.eq(*id))
            .exec(conn)
            .await?;
    }
    Ok(())
}

async fn renumber_lessons(conn: &impl ConnectionTrait, order: &[i32]) -> Result<(), CourseError> {
    for (i, id) in order.iter().enumerate() {
        course_lesson::Entity::update_many()
            .col_expr(course_lesson::Column::Position, (i as i32 + 1).into())
            .filter(course_lesson::Column::Id.eq(*id))
            .exec(conn)
            .await?;
    }
    Ok(())
}

fn module_title(c: &Course, t: &Translated) -> Result<Translated, CourseError> {
    parse_translated(
        "title",
        t,
        &languages_of(c),
        default_language_of(c),
        Length::Line(TITLE_MAX),
        true,
    )
    .map_err(|p| CourseError::Invalid(vec![p]))
}

pub async fn add_module(
    conn: &impl ConnectionTrait,
    c: &Course,
    input: &ModuleInput,
) -> Result<Module, CourseError> {
    let title = module_title(c, &input.title)?;
    let m = course_module::Entity::insert(course_module::ActiveModel {
        course_id: Set(c.id),
        key: Set(uuid::Uuid::new_v4().to_string()),
        position: Set(i32::MAX),
        title: Set(json(&title)),
        created_at: Set(now()),
        ..Default::default()
    })
    .exec_with_returning(conn)
    .await?;
    let order = reorder(module_ids(conn, c.id).await?, m.id, input.position);
    renumber_modules(conn, &order).await?;
    touch(conn, c.id).await?;
    module(conn, c, m.id).await
}

/// A module of course `c`.
pub async fn module(
    conn: &impl ConnectionTrait,
    c: &Course,
    module_id: i32,
) -> Result<Module, CourseError> {
    course_module::Entity::find_by_id(module_id)
        .filter(course_module::Column::CourseId.eq(c.id))
        .one(conn)
        .await?
        .ok_or(CourseError::NotFound)
}

/// The course a module belongs to (to authorize `/modules/{id}` routes).
pub async fn course_of_module(
    conn: &impl ConnectionTrait,
    module_id: i32,
) -> Result<i32, CourseError> {
    course_module::Entity::find_by_id(module_id)
        .select_only()
        .column(course_module::Column::CourseId)
        .into_tuple()
        .one(conn)
        .await?
        .ok_or(CourseError::NotFound)
}

/// The course a lesson belongs to (to authorize `/lessons/{id}` routes).
pub async fn course_of_lesson(
    conn: &impl ConnectionTrait,
    lesson_id: i32,
) -> Result<i32, CourseError> {
    course_lesson::Entity::find_by_id(lesson_id)
        .select_only()
        .column(course_lesson::Column::CourseId)
        .into_tuple()
        .one(conn)
        .await?
        .ok_or(CourseError::NotFound)
}

pub async fn update_module(
    conn: &impl ConnectionTrait,
    c: &Course,
    module_id: i32,
    input: &ModuleInput,
) -> Result<Module, CourseError> {
    module(conn, c, module_id).await?;
    let title = module_title(c, &input.title)?;
    course_module::Entity::update_many()
        .col_expr(course_module::Column::Title, json(&title).into())
        .filter(course_module::Column::Id.eq(module_id))
        .exec(conn)
        .await?;
    if input.position.is_some() {
        let order = reorder(module_ids(conn, c.id).await?, module_id, input.position);
        renumber_modules(conn, &order).await?;
    }
    touch(conn, c.id).await?;
    module(conn, c, module_id).await
}

/// Deletes a module and its lessons from the draft (published versions keep them).
pub async fn delete_module(
    conn: &impl ConnectionTrait,
    c: &Course,
    module_id: i32,
) -> Result<(), CourseError> {
    module(conn, c, module_id).await?;
    course_module::Entity::delete_by_id(module_id)
        .exec(conn)
        .await?;
    renumber_modules(conn, &module_ids(conn, c.id).await?).await?;
    touch(conn, c.id).await
}

/// What a media id must be, for the place it is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MediaKind {
    Image,
    Video,
    Captions,
    Any,
}

impl MediaKind {
    pub fn accepts(self, content_type: &str) -> bool {
        match self {
            MediaKind::Image => ["image/png", "image/jpeg", "image/webp"].contains(&content_type),
            MediaKind::Video => ["video/webm", "video/mp4"].contains(&content_type),
            MediaKind::Captions => content_type == "text/vtt",
            MediaKind::Any => true,
        }
    }
}

/// Whether `media_id` is a file of course `course_id` fit for `kind`.
async fn media_of_kind(
    conn: &impl ConnectionTrait,
    course_id: i32,
    media_id: i32,
    kind: MediaKind,
) -> Result<bool, CourseError> {
    Ok(media::Entity::find_by_id(media_id)
        .filter(media::Column::CourseId.eq(course_id))
        .one(conn)
        .await?
        .is_some_and(|m| kind.accepts(&m.content_type)))
}

async fn valid_lesson(
    conn: &impl ConnectionTrait,
    c: &Course,
    input: &LessonInput,
) -> Result<(Translated, Translated, LessonKind, Content), CourseError> {
    let (offered, default) = (languages_of(c), default_language_of(c));
    let langs = Langs {
        offered: &offered,
        default,
    };
    let mut problems = vec![];
    let title = parse_translated(
        "title",
        &input.title,
        &offered,
        default,
        Length::Line(TITLE_MAX),
        true,
    )
    .map_err(|p| problems.push(p))
    .ok();
    let body = parse_translated(
        "body",
        &input.body,
        &offered,
        default,
        Length::Lines(BODY_MAX),
        false,
    )
    .map_err(|p| problems.push(p))
    .ok();
    let kind = parse_named::<LessonKind>("kind", &input.kind, "lesson_kind_invalid")
        .map_err(|p| problems.push(p))
        .ok();
    let mut content = Content::default();
    let mut wanted: Vec<(String, i32, MediaKind)> = vec![];
    match kind {
        Some(LessonKind::Video) => {
            let video = input.content.video.clone().unwrap_or_default();
            match content::parse_video(&video, &langs) {
                Ok(v) => {
                    wanted.extend(
                        v.media
                            .map(|id| ("video.media".into(), id, MediaKind::Video)),
                    );
                    for (lang, id) in &v.captions {
                        wanted.push((format!("video.captions.{lang}"), *id, MediaKind::Captions));
                    }
                    content.video = Some(v);
                }
                Err(p) => problems.extend(p),
            }
        }
        Some(LessonKind::File) => {
            content.file = input.content.file;
            wanted.extend(
                input
                    .content
                    .file
                    .map(|id| ("file".into(), id, MediaKind::Any)),
            );
        }
        Some(LessonKind::Quiz) => {
            let quiz = input.content.quiz.clone().unwrap_or_default();
            match content::parse_quiz(&quiz, &langs) {
                Ok(q) => content.quiz = Some(q),
                Err(p) => problems.extend(p),
            }
        }
        Some(LessonKind::Package) => {
            content.package = input.content.package;
            if let Some(id) = input.content.package
                && !packages_of(conn, c.id).await?.contains(&id)
            {
                problems.push(problem("package", "package_invalid"));
            }
        }
        _ => {}
    }
    for (at, id, kind) in wanted {
        if !media_of_kind(conn, c.id, id, kind).await? {
            problems.push(problem(at, "media_invalid"));
        }
    }
    match (title, body, kind) {
        (Some(t), Some(b), Some(k)) if problems.is_empty() => Ok((t, b, k, content)),
        _ => Err(CourseError::Invalid(problems)),
    }
}

/// A lesson's content as stored (always written by this crate, so valid).
pub fn content_of(l: &Lesson) -> Content {
    serde_json::from_str(&l.content).unwrap_or_default()
}

fn content_json(c: &Content) -> String {
    serde_json::to_string(c).unwrap_or_else(|_| "{}".into())
}

pub async fn add_lesson(
    conn: &impl ConnectionTrait,
    c: &Course,
    module_id: i32,
    input: &LessonInput,
) -> Result<Lesson, CourseError> {
    module(conn, c, module_id).await?;
    let (title, body, kind, content) = valid_lesson(conn, c, input).await?;
    let t = now();
    let l = course_lesson::Entity::insert(course_lesson::ActiveModel {
        course_id: Set(c.id),
        module_id: Set(module_id),
        key: Set(uuid::Uuid::new_v4().to_string()),
        position: Set(i32::MAX),
        kind: Set(kind),
        required: Set(input.required),
        title: Set(json(&title)),
        body: Set(json(&body)),
        content: Set(content_json(&content)),
        created_at: Set(t),
        updated_at: Set(t),
        ..Default::default()
    })
    .exec_with_returning(conn)
    .await?;
    let order = reorder(lesson_ids(conn, module_id).await?, l.id, input.position);
    renumber_lessons(conn, &order).await?;
    touch(conn, c.id).await?;
    lesson(conn, c, l.id).await
}

/// A lesson of course `c`.
pub async fn lesson(
    conn: &impl ConnectionTrait,
    c: &Course,
    lesson_id: i32,
) -> Result<Lesson, CourseError> {
    course_lesson::Entity::find_by_id(lesson_id)
        .filter(course_lesson::Column::CourseId.eq(c.id))
        .one(conn)
        .await?
        .ok_or(CourseError::NotFound)
}

pub async fn update_lesson(
    conn: &impl ConnectionTrait,
    c: &Course,
    lesson_id: i32,
    input: &LessonInput,
) -> Result<Lesson, CourseError> {
    let existing = lesson(conn, c, lesson_id).await?;
    let (title, body, kind, content) = valid_lesson(conn, c, input).await?;
    course_lesson::Entity::update(course_lesson::ActiveModel {
        id: Set(lesson_id),
        kind: Set(kind),
        required: Set(input.required),
        title: Set(json(&title)),
        body: Set(json(&body)),
        content: Set(content_json(&content)),
        updated_at: Set(now()),
        ..Default::default()
    })
    .exec(conn)
    .await?;
    if input.position.is_some() {
        let order = reorder(
            lesson_ids(conn, existing.module_id).await?,
            lesson_id,
            input.position,
        );
        renumber_lessons(conn, &order).await?;
    }
    touch(conn, c.id).await?;
    lesson(conn, c, lesson_id).await
}

pub async fn delete_lesson(
    conn: &impl ConnectionTrait,
    c: &Course,
    lesson_id: i32,
) -> Result<(), CourseError> {
    let existing = lesson(conn, c, lesson_id).await?;
    course_lesson::Entity::delete_by_id(lesson_id)
        .exec(conn)
        .await?;
    renumber_lessons(conn, &lesson_ids(conn, existing.module_id).await?).await?;
    touch(conn, c.id).await
}

/// The whole draft: the course, its modules in order, each with its lessons
/// in order (two queries).
#[derive(Debug, Clone)]
pub struct Draft {
    pub course: Course,
    pub modules: Vec<(Module, Vec<Lesson>)>,
    /// The course's uploaded files, oldest first.
    pub media: Vec<Media>,
    /// The ids of the course's SCORM packages.
    pub packages: Vec<i32>,
}

/// The ids of a course's SCORM packages.
pub async fn packages_of(
    conn: &impl ConnectionTrait,
    course_id: i32,
) -> Result<Vec<i32>, CourseError> {
    Ok(package::Entity::find()
        .filter(package::Column::CourseId.eq(course_id))
        .order_by_asc(package::Column::Id)
        .select_only()
        .column(package::Column::Id)
        .into_tuple()
        .all(conn)
        .await?)
}

/// The course's uploaded files, oldest first.
pub async fn media_of(
    conn: &impl ConnectionTrait,
    course_id: i32,
) -> Result<Vec<Media>, CourseError> {
    Ok(media::Entity::find()
        .filter(media::Column::CourseId.eq(course_id))
        .order_by_asc(media::Column::Id)
        .all(conn)
        .await?)
}

pub async fn load(conn: &impl ConnectionTrait, c: Course) -> Result<Draft, CourseError> {
    let modules = course_module::Entity::find()
        .filter(course_module::Column::CourseId.eq(c.id))
        .order_by_asc(course_module::Column::Position)
        .all(conn)
        .await?;
    let lessons = course_lesson::Entity::find()
        .filter(course_lesson::Column::CourseId.eq(c.id))
        .order_by_asc(course_lesson::Column::Position)
        .all(conn)
        .await?;
    let modules = modules
        .into_iter()
        .map(|m| {
            let ls = lessons
                .iter()
                .filter(|l| l.module_id == m.id)
                .cloned()
                .collect();
            (m, ls)
        })
        .collect();
    let media = media_of(conn, c.id).await?;
    let packages = packages_of(conn, c.id).await?;
    Ok(Draft {
        course: c,
        modules,
        media,
        packages,
    })
}

/// A translation the draft lacks: the field, and the language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Missing {
    pub at: String,
    pub language: String,
}

/// Every field that has no text in one of the course's languages.
pub fn missing_translations(d: &Draft) -> Vec<Missing> {
    let langs = languages_of(&d.course);
    let mut out = vec![];
    let mut check = |at: String, t: &Translated| {
        for l in &langs {
            if !t.contains_key(l.code()) {
                out.push(Missing {
                    at: at.clone(),
                    language: l.code().into(),
                });
            }
        }
    };
    check("title".into(), &translated(&d.course.title));
    check("summary".into(), &translated(&d.course.summary));
    for (i, (m, lessons)) in d.modules.iter().enumerate() {
        check(format!("modules[{i}].title"), &translated(&m.title));
        for (j, l) in lessons.iter().enumerate() {
            check(
                format!("modules[{i}].lessons[{j}].title"),
                &translated(&l.title),
            );
            let at = format!("modules[{i}].lessons[{j}]");
            if l.kind == LessonKind::Text {
                check(format!("{at}.body"), &translated(&l.body));
            }
            if let Some(q) = content_of(l).quiz {
                for (k, question) in q.questions.iter().enumerate() {
                    check(format!("{at}.quiz.questions[{k}].prompt"), &question.prompt);
                    for (o, option) in question.answer.options().iter().enumerate() {
                        check(
                            format!("{at}.quiz.questions[{k}].options[{o}].text"),
                            &option.text,
                        );
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn reordering_moves_one_item_and_keeps_the_rest_in_order() {
        assert_eq!(super::reorder(vec![1, 2, 3, 4], 4, Some(1)), [4, 1, 2, 3]);
        assert_eq!(super::reorder(vec![1, 2, 3, 4], 1, None), [2, 3, 4, 1]);
        assert_eq!(super::reorder(vec![1, 2, 3], 2, Some(99)), [1, 3, 2]);
        assert_eq!(super::reorder(vec![1, 2, 3], 3, Some(0)), [3, 1, 2]);
    }
}
