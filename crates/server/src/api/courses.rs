//! `/api/v1/courses`, `/modules`, `/lessons`: authors build a course's
//! draft and publish it; `/api/v1/catalog/{slug}` reads what was published.

use super::{ApiUser, iso};
use crate::errors::{ApiError, Problem};
use crate::http::content_length;
use crate::routes::{Access, Table, doc};
use crate::state::AppState;
use actix_web::http::Method;
use actix_web::{HttpRequest, HttpResponse, web};
use kuza_app::{archives, courses};
use kuza_courses::content::{Content, Quiz, Video};
use kuza_courses::draft::{self, Course, CourseInput, Lesson, LessonInput, Module, ModuleInput};
use kuza_courses::{Translated, versions};
use kuza_db::values::Code;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

pub fn routes(t: &mut Table) {
    t.api(
        Method::POST,
        "/api/v1/courses",
        Access::Author,
        create_course,
        doc::<__path_create_course>,
    );
    t.api(
        Method::GET,
        "/api/v1/courses/mine",
        Access::Author,
        my_courses,
        doc::<__path_my_courses>,
    );
    t.api(
        Method::PUT,
        "/api/v1/courses/{id}",
        Access::CourseEditor,
        update_course,
        doc::<__path_update_course>,
    );
    t.api(
        Method::DELETE,
        "/api/v1/courses/{id}",
        Access::CourseEditor,
        delete_course,
        doc::<__path_delete_course>,
    );
    t.api(
        Method::GET,
        "/api/v1/courses/{id}/draft",
        Access::CourseEditor,
        get_draft,
        doc::<__path_get_draft>,
    );
    t.api(
        Method::POST,
        "/api/v1/courses/{id}/archive",
        Access::CourseEditor,
        archive_course,
        doc::<__path_archive_course>,
    );
    t.api(
        Method::POST,
        "/api/v1/courses/{id}/publish",
        Access::CourseEditor,
        publish_course,
        doc::<__path_publish_course>,
    );
    t.api(
        Method::GET,
        "/api/v1/courses/{id}/versions",
        Access::CourseEditor,
        course_versions,
        doc::<__path_course_versions>,
    );
    t.api(
        Method::GET,
        "/api/v1/courses/{id}/archive",
        Access::CourseEditor,
        export_archive,
        doc::<__path_export_archive>,
    );
    t.api(
        Method::POST,
        "/api/v1/courses/import",
        Access::Author,
        import_archive,
        doc::<__path_import_archive>,
    );
    t.api(
        Method::POST,
        "/api/v1/courses/document",
        Access::Author,
        create_from_document,
        doc::<__path_create_from_document>,
    );
    t.api(
        Method::POST,
        "/api/v1/courses/{id}/modules",
        Access::CourseEditor,
        add_module,
        doc::<__path_add_module>,
    );
    t.api(
        Method::PUT,
        "/api/v1/modules/{id}",
        Access::CourseEditor,
        update_module,
        doc::<__path_update_module>,
    );
    t.api(
        Method::DELETE,
        "/api/v1/modules/{id}",
        Access::CourseEditor,
        delete_module,
        doc::<__path_delete_module>,
    );
    t.api(
        Method::POST,
        "/api/v1/modules/{id}/lessons",
        Access::CourseEditor,
        add_lesson,
        doc::<__path_add_lesson>,
    );
    t.api(
        Method::PUT,
        "/api/v1/lessons/{id}",
        Access::CourseEditor,
        update_lesson,
        doc::<__path_update_lesson>,
    );
    t.api(
        Method::DELETE,
        "/api/v1/lessons/{id}",
        Access::CourseEditor,
        delete_lesson,
        doc::<__path_delete_lesson>,
    );
    t.api(
        Method::GET,
        "/api/v1/lessons/{id}/quiz",
        Access::CourseEditor,
        get_quiz,
        doc::<__path_get_quiz>,
    );
    t.api(
        Method::PUT,
        "/api/v1/lessons/{id}/quiz",
        Access::CourseEditor,
        put_quiz,
        doc::<__path_put_quiz>,
    );
    t.api(
        Method::DELETE,
        "/api/v1/lessons/{id}/quiz",
        Access::CourseEditor,
        delete_quiz,
        doc::<__path_delete_quiz>,
    );
    t.api(
        Method::GET,
        "/api/v1/catalog/{slug}",
        Access::Public,
        published_course,
        doc::<__path_published_course>,
    );
}

#[derive(Deserialize, ToSchema)]
pub struct CourseRequest {
    /// Lower-case words joined by hyphens, 3–80 characters; fixed once published.
    #[schema(value_type = kuza_courses::schema::Slug)]
    pub slug: String,
    /// self_paced, facilitated, face_to_face or blended.
    #[schema(value_type = crate::api::schemas::FormatCode)]
    pub format: String,
    /// introductory, intermediate or advanced.
    #[schema(value_type = crate::api::schemas::LevelCode)]
    pub level: String,
    #[schema(value_type = kuza_courses::schema::Hours)]
    pub estimated_hours: f64,
    /// One of ar, zh, en, fr, ru, es: the fallback for missing translations.
    #[schema(value_type = kuza_courses::schema::LanguageCode)]
    pub default_language: String,
    /// The languages the course is offered in (the default is added).
    #[schema(value_type = Vec<kuza_courses::schema::LanguageCode>)]
    pub languages: Vec<String>,
    /// Free tags, and SDGs as `sdg:11` or targets as `sdg:11.3`.
    #[serde(default)]
    #[schema(value_type = Vec<kuza_courses::schema::Theme>)]
    pub themes: Vec<String>,
    /// Text per language code; the default language is required.
    #[schema(value_type = kuza_courses::schema::Title)]
    pub title: Translated,
    #[serde(default)]
    #[schema(value_type = kuza_courses::schema::Summary)]
    pub summary: Translated,
    #[schema(value_type = Option<crate::api::schemas::Id>)]
    pub organisation_id: Option<i32>,
    /// An image (PNG, JPEG, WebP) uploaded to this course.
    #[serde(default)]
    #[schema(value_type = Option<crate::api::schemas::Id>)]
    pub cover_media_id: Option<i32>,
}

impl From<CourseRequest> for CourseInput {
    fn from(r: CourseRequest) -> Self {
        CourseInput {
            slug: r.slug,
            format: r.format,
            level: r.level,
            estimated_hours: r.estimated_hours,
            default_language: r.default_language,
            languages: r.languages,
            themes: r.themes,
            title: r.title,
            summary: r.summary,
            organisation_id: r.organisation_id,
            cover_media_id: r.cover_media_id,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct CourseView {
    pub id: i32,
    pub slug: String,
    pub format: String,
    pub level: String,
    pub estimated_hours: f64,
    pub default_language: String,
    pub languages: Vec<String>,
    pub themes: Vec<String>,
    #[schema(value_type = kuza_courses::schema::Texts)]
    pub title: Translated,
    #[schema(value_type = kuza_courses::schema::Texts)]
    pub summary: Translated,
    pub organisation_id: Option<i32>,
    pub cover_media_id: Option<i32>,
    pub owner_id: i32,
    /// draft (never published), published or archived.
    pub status: String,
    /// The newest published version; 0 before the first publication.
    pub current_version: i32,
    pub updated_at: String,
}

impl From<&Course> for CourseView {
    fn from(c: &Course) -> Self {
        CourseView {
            id: c.id,
            slug: c.slug.clone(),
            format: c.format.code(),
            level: c.level.code(),
            estimated_hours: f64::from(c.estimated_minutes) / 60.0,
            default_language: c.default_language.clone(),
            languages: draft::languages_of(c)
                .iter()
                .map(|l| l.code().to_owned())
                .collect(),
            themes: draft::themes_of(c),
            title: draft::translated(&c.title),
            summary: draft::translated(&c.summary),
            organisation_id: c.organisation_id,
            cover_media_id: c.cover_media_id,
            owner_id: c.owner_id,
            status: c.status.code(),
            current_version: c.current_version,
            updated_at: iso(c.updated_at),
        }
    }
}

#[derive(Deserialize, ToSchema)]
pub struct ModuleRequest {
    #[schema(value_type = kuza_courses::schema::Title)]
    pub title: Translated,
    /// 1-based place among the course's modules; default: last.
    #[schema(value_type = Option<crate::api::schemas::Position>)]
    pub position: Option<i32>,
}

#[derive(Serialize, ToSchema)]
pub struct ModuleView {
    pub id: i32,
    /// Stable across versions.
    pub key: String,
    pub position: i32,
    #[schema(value_type = kuza_courses::schema::Texts)]
    pub title: Translated,
}

impl From<&Module> for ModuleView {
    fn from(m: &Module) -> Self {
        ModuleView {
            id: m.id,
            key: m.key.clone(),
            position: m.position,
            title: draft::translated(&m.title),
        }
    }
}

#[derive(Deserialize, ToSchema)]
pub struct LessonRequest {
    #[schema(value_type = kuza_courses::schema::Title)]
    pub title: Translated,
    /// `text`, `video`, `file`, `quiz`, `live` (a placeholder that
    /// cohorts fill with dates) or `package` (a SCORM package).
    #[schema(value_type = crate::api::schemas::LessonKindCode)]
    pub kind: String,
    #[serde(default = "yes")]
    pub required: bool,
    /// Markdown per language (sanitized when published); for kinds other
    /// than text, an introduction.
    #[serde(default)]
    #[schema(value_type = kuza_courses::schema::Body)]
    pub body: Translated,
    /// For `video`: `{"media": <id>|null, "url": "https://…"|null,
    /// "captions": {"en": <WebVTT media id>}, "transcript": {"en": "Markdown"}}`.
    #[schema(value_type = Option<kuza_courses::content::Video>)]
    pub video: Option<Video>,
    /// For `file`: the media id of the download.
    #[schema(value_type = Option<crate::api::schemas::Id>)]
    pub file: Option<i32>,
    /// For `quiz`: the quiz (see `PUT /api/v1/lessons/{id}/quiz`).
    #[schema(value_type = Option<kuza_courses::content::Quiz>)]
    pub quiz: Option<Quiz>,
    /// For `package`: the id of one of the course's SCORM packages (see
    /// `POST /api/v1/courses/{id}/packages`).
    #[schema(value_type = Option<crate::api::schemas::Id>)]
    pub package: Option<i32>,
    /// 1-based place in the module; default: last.
    #[schema(value_type = Option<crate::api::schemas::Position>)]
    pub position: Option<i32>,
}

fn yes() -> bool {
    true
}

impl From<LessonRequest> for LessonInput {
    fn from(r: LessonRequest) -> Self {
        LessonInput {
            title: r.title,
            kind: r.kind,
            required: r.required,
            body: r.body,
            content: Content {
                video: r.video,
                file: r.file,
                quiz: r.quiz,
                package: r.package,
            },
            position: r.position,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct LessonView {
    pub id: i32,
    /// Stable across versions: learner progress follows it.
    pub key: String,
    pub module_id: i32,
    pub position: i32,
    pub kind: String,
    pub required: bool,
    #[schema(value_type = kuza_courses::schema::Texts)]
    pub title: Translated,
    #[schema(value_type = kuza_courses::schema::Texts)]
    pub body: Translated,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub video: Option<Video>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<i32>,
    /// With its answers: only the course's editors read this.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub quiz: Option<Quiz>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub package: Option<i32>,
}

impl From<&Lesson> for LessonView {
    fn from(l: &Lesson) -> Self {
        let content = draft::content_of(l);
        LessonView {
            id: l.id,
            key: l.key.clone(),
            module_id: l.module_id,
            position: l.position,
            kind: l.kind.code(),
            required: l.required,
            title: draft::translated(&l.title),
            body: draft::translated(&l.body),
            video: content.video,
            file: content.file,
            quiz: content.quiz,
            package: content.package,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct DraftModuleView {
    #[serde(flatten)]
    pub module: ModuleView,
    pub lessons: Vec<LessonView>,
}

#[derive(Serialize, ToSchema)]
pub struct MissingTranslation {
    /// The field, e.g. `modules[0].lessons[2].body`.
    pub at: String,
    pub language: String,
}

#[derive(Serialize, ToSchema)]
pub struct DraftView {
    pub course: CourseView,
    pub modules: Vec<DraftModuleView>,
    /// Fields without text in one of the course's languages.
    pub missing_translations: Vec<MissingTranslation>,
}

/// Creates a draft course; the caller becomes its owner (authors, administrators).
#[utoipa::path(post, path = "/api/v1/courses", tag = "courses", security(("bearer" = [])), request_body = CourseRequest,
    responses((status = 201, body = CourseView), (status = 403, body = Problem), (status = 409, description = "`slug_taken`", body = Problem), (status = 422, body = Problem)))]
pub async fn create_course(
    state: web::Data<AppState>,
    caller: ApiUser,
    body: web::Json<CourseRequest>,
) -> Result<HttpResponse, ApiError> {
    let c = courses::create(&state.app, caller.actor(), &body.into_inner().into()).await?;
    Ok(HttpResponse::Created().json(CourseView::from(&c)))
}

/// The courses the caller owns or co-authors (all, for administrators).
#[utoipa::path(get, path = "/api/v1/courses/mine", tag = "courses", security(("bearer" = [])),
    responses((status = 200, body = Vec<CourseView>), (status = 403, body = Problem)))]
pub async fn my_courses(
    state: web::Data<AppState>,
    caller: ApiUser,
) -> Result<HttpResponse, ApiError> {
    let list = courses::mine(&state.app, caller.actor()).await?;
    Ok(HttpResponse::Ok().json(list.iter().map(CourseView::from).collect::<Vec<_>>()))
}

/// Replaces a course's settings (its authors and administrators).
#[utoipa::path(put, path = "/api/v1/courses/{id}", tag = "courses", security(("bearer" = [])), request_body = CourseRequest,
    responses((status = 200, body = CourseView), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn update_course(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
    body: web::Json<CourseRequest>,
) -> Result<HttpResponse, ApiError> {
    let c = courses::update(&state.app, caller.actor(), *id, &body.into_inner().into()).await?;
    Ok(HttpResponse::Ok().json(CourseView::from(&c)))
}

/// The draft with its modules and lessons, and the translations it lacks.
#[utoipa::path(get, path = "/api/v1/courses/{id}/draft", tag = "courses", security(("bearer" = [])),
    responses((status = 200, body = DraftView), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn get_draft(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
) -> Result<HttpResponse, ApiError> {
    let d = courses::draft(&state.app, caller.actor(), *id).await?;
    let missing = draft::missing_translations(&d)
        .into_iter()
        .map(|m| MissingTranslation {
            at: m.at,
            language: m.language,
        })
        .collect();
    let modules = d
        .modules
        .iter()
        .map(|(m, ls)| DraftModuleView {
            module: m.into(),
            lessons: ls.iter().map(LessonView::from).collect(),
        })
        .collect();
    Ok(HttpResponse::Ok().json(DraftView {
        course: (&d.course).into(),
        modules,
        missing_translations: missing,
    }))
}

/// Archives a course: it leaves the catalog; its versions are kept.
#[utoipa::path(post, path = "/api/v1/courses/{id}/archive", tag = "courses", security(("bearer" = [])),
    responses((status = 204), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn archive_course(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
) -> Result<HttpResponse, ApiError> {
    courses::archive(&state.app, caller.actor(), *id).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Deletes a course that was never published; a published course is
/// archived instead (`409 course_was_published`).
#[utoipa::path(delete, path = "/api/v1/courses/{id}", tag = "courses", security(("bearer" = [])),
    responses((status = 204), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, description = "`course_was_published`", body = Problem)))]
pub async fn delete_course(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
) -> Result<HttpResponse, ApiError> {
    courses::delete(&state.app, caller.actor(), *id).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Serialize, ToSchema)]
pub struct Published {
    pub version: i32,
}

/// Publishes the draft as a new, immutable version. Refused, with every
/// reason, while the course is incomplete.
#[utoipa::path(post, path = "/api/v1/courses/{id}/publish", tag = "courses", security(("bearer" = [])),
    responses((status = 201, body = Published), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, description = "`not_publishable`, with the reasons in `errors`", body = Problem)))]
pub async fn publish_course(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
) -> Result<HttpResponse, ApiError> {
    let version = courses::publish(&state.app, caller.actor(), *id).await?;
    Ok(HttpResponse::Created().json(Published { version }))
}

#[derive(Serialize, ToSchema)]
pub struct VersionView {
    pub number: i32,
    pub published_at: String,
    pub published_by: Option<i32>,
}

/// The version history, newest first.
#[utoipa::path(get, path = "/api/v1/courses/{id}/versions", tag = "courses", security(("bearer" = [])),
    responses((status = 200, body = Vec<VersionView>), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn course_versions(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
) -> Result<HttpResponse, ApiError> {
    let list: Vec<VersionView> = courses::history(&state.app, caller.actor(), *id)
        .await?
        .into_iter()
        .map(|v| VersionView {
            number: v.number,
            published_at: iso(v.published_at),
            published_by: v.published_by,
        })
        .collect();
    Ok(HttpResponse::Ok().json(list))
}

/// Adds a module to the draft.
#[utoipa::path(post, path = "/api/v1/courses/{id}/modules", tag = "courses", security(("bearer" = [])), request_body = ModuleRequest,
    responses((status = 201, body = ModuleView), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn add_module(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
    body: web::Json<ModuleRequest>,
) -> Result<HttpResponse, ApiError> {
    let b = body.into_inner();
    let input = ModuleInput {
        title: b.title,
        position: b.position,
    };
    let m = courses::add_module(&state.app, caller.actor(), *id, &input).await?;
    Ok(HttpResponse::Created().json(ModuleView::from(&m)))
}

/// Renames or moves a module.
#[utoipa::path(put, path = "/api/v1/modules/{id}", tag = "courses", security(("bearer" = [])), request_body = ModuleRequest,
    responses((status = 200, body = ModuleView), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn update_module(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
    body: web::Json<ModuleRequest>,
) -> Result<HttpResponse, ApiError> {
    let b = body.into_inner();
    let input = ModuleInput {
        title: b.title,
        position: b.position,
    };
    let m = courses::update_module(&state.app, caller.actor(), *id, &input).await?;
    Ok(HttpResponse::Ok().json(ModuleView::from(&m)))
}

/// Removes a module and its lessons from the draft (published versions keep them).
#[utoipa::path(delete, path = "/api/v1/modules/{id}", tag = "courses", security(("bearer" = [])),
    responses((status = 204), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn delete_module(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
) -> Result<HttpResponse, ApiError> {
    courses::delete_module(&state.app, caller.actor(), *id).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Adds a lesson to a module.
#[utoipa::path(post, path = "/api/v1/modules/{id}/lessons", tag = "courses", security(("bearer" = [])), request_body = LessonRequest,
    responses((status = 201, body = LessonView), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn add_lesson(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
    body: web::Json<LessonRequest>,
) -> Result<HttpResponse, ApiError> {
    let l = courses::add_lesson(&state.app, caller.actor(), *id, &body.into_inner().into()).await?;
    Ok(HttpResponse::Created().json(LessonView::from(&l)))
}

/// Replaces a lesson's content, or moves it within its module.
#[utoipa::path(put, path = "/api/v1/lessons/{id}", tag = "courses", security(("bearer" = [])), request_body = LessonRequest,
    responses((status = 200, body = LessonView), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn update_lesson(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
    body: web::Json<LessonRequest>,
) -> Result<HttpResponse, ApiError> {
    let l =
        courses::update_lesson(&state.app, caller.actor(), *id, &body.into_inner().into()).await?;
    Ok(HttpResponse::Ok().json(LessonView::from(&l)))
}

/// Removes a lesson from the draft (published versions keep it).
#[utoipa::path(delete, path = "/api/v1/lessons/{id}", tag = "courses", security(("bearer" = [])),
    responses((status = 204), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn delete_lesson(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
) -> Result<HttpResponse, ApiError> {
    courses::delete_lesson(&state.app, caller.actor(), *id).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Serialize, ToSchema)]
pub struct PublishedCourse {
    pub id: i32,
    pub version: i32,
    pub published_at: String,
    /// The version's document: settings, files (`media`, by id, each with
    /// the `url` it is served at), and modules with their lessons (title, Markdown
    /// `body` and sanitized `html` per language; `content` for videos,
    /// downloads and quizzes — quizzes without their answers).
    #[schema(value_type = Object)]
    pub document: serde_json::Value,
}

/// The current published version of a course (public, like the catalog).
#[utoipa::path(get, path = "/api/v1/catalog/{slug}", tag = "courses",
    responses((status = 200, body = PublishedCourse), (status = 404, description = "Unknown, never published or archived", body = Problem)))]
pub async fn published_course(
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let found = kuza_app::learning::published(&state.app, &slug).await?;
    let (c, v) = &*found;
    let mut document = versions::public_json(&v.document);
    if let Some(media) = document.get_mut("media").and_then(|m| m.as_object_mut()) {
        for (id, m) in media.iter_mut() {
            if let (Ok(id), Some(name)) = (id.parse::<i32>(), m["name"].as_str()) {
                m["url"] = crate::files::path_of(&state.app, id, name).into();
            }
        }
    }
    Ok(HttpResponse::Ok().json(PublishedCourse {
        id: c.id,
        version: v.number,
        published_at: iso(v.published_at),
        document,
    }))
}

/// A quiz lesson's quiz, with its answers (the course's editors only).
#[utoipa::path(get, path = "/api/v1/lessons/{id}/quiz", tag = "courses", security(("bearer" = [])),
    responses((status = 200, description = "The quiz, with its answers; `null` when it has none yet", body = Option<kuza_courses::content::Quiz>), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, description = "`lesson_not_a_quiz`", body = Problem)))]
pub async fn get_quiz(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
) -> Result<HttpResponse, ApiError> {
    let (_, _, quiz) = courses::quiz(&state.app, caller.actor(), *id).await?;
    Ok(HttpResponse::Ok().json(quiz))
}

/// Replaces a quiz lesson's quiz: settings (`pass_mark` in percent,
/// `attempts`, `time_limit_minutes`, `shuffle`) and questions (`single`,
/// `multiple`, `true_false`, `numeric`, `short_text`). Keys of existing
/// questions and options are kept; new ones get keys. Whether the quiz can
/// be passed is checked at publication.
#[utoipa::path(put, path = "/api/v1/lessons/{id}/quiz", tag = "courses", security(("bearer" = [])), request_body = kuza_courses::content::Quiz,
    responses((status = 200, description = "The quiz as saved: new questions and options given their keys", body = kuza_courses::content::Quiz), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, description = "`lesson_not_a_quiz`", body = Problem), (status = 422, body = Problem)))]
pub async fn put_quiz(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
    body: web::Json<Quiz>,
) -> Result<HttpResponse, ApiError> {
    let l = courses::set_quiz(&state.app, caller.actor(), *id, Some(&body)).await?;
    Ok(HttpResponse::Ok().json(draft::content_of(&l).quiz))
}

/// Removes a quiz lesson's questions and settings.
#[utoipa::path(delete, path = "/api/v1/lessons/{id}/quiz", tag = "courses", security(("bearer" = [])),
    responses((status = 204), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, description = "`lesson_not_a_quiz`", body = Problem)))]
pub async fn delete_quiz(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
) -> Result<HttpResponse, ApiError> {
    courses::set_quiz(&state.app, caller.actor(), *id, None).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The course's draft as a portable archive (a zip of `course.json`,
/// Markdown and media; see docs/course-archive.md).
#[utoipa::path(get, path = "/api/v1/courses/{id}/archive", tag = "courses", security(("bearer" = [])),
    responses((status = 200, description = "application/zip", content_type = "application/zip"), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn export_archive(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
) -> Result<HttpResponse, ApiError> {
    let (c, zip) = archives::export(&state.app, caller.actor(), *id).await?;
    Ok(HttpResponse::Ok()
        .content_type("application/zip")
        .insert_header((
            actix_web::http::header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{}.zip\"", c.slug),
        ))
        .body(zip))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ImportQuery {
    /// Replaces the archive's slug (to import a copy of a course).
    pub slug: Option<String>,
}

/// Creates a draft course from an archive (the zip as the request body, at
/// most `upload_max_mb`). Unsafe archives (paths outside the folder, links,
/// too many or too large entries) are refused and nothing is kept.
#[utoipa::path(post, path = "/api/v1/courses/import", tag = "courses", security(("bearer" = [])), params(ImportQuery),
    request_body(content = Vec<u8>, content_type = "application/zip"),
    responses((status = 201, body = CourseView), (status = 403, body = Problem), (status = 409, body = Problem), (status = 413, body = Problem), (status = 422, description = "The archive or a value in it, with the entry or field in `errors`", body = Problem)))]
pub async fn import_archive(
    state: web::Data<AppState>,
    caller: ApiUser,
    query: web::Query<ImportQuery>,
    req: HttpRequest,
    body: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let declared = content_length(&req);
    let c = archives::import(
        &state.app,
        caller.actor(),
        body,
        declared,
        query.slug.as_deref(),
    )
    .await?;
    Ok(HttpResponse::Created().json(CourseView::from(&c)))
}

/// A complete course in one request: the archive's content as JSON.
#[derive(Deserialize, ToSchema)]
#[expect(
    dead_code,
    reason = "the request body's shape for the OpenAPI document; kuza_app::archives reads it"
)]
pub struct CourseDocument {
    /// What `course.json` holds in an archive.
    #[schema(value_type = Object)]
    pub course: serde_json::Value,
    /// The archive's other files by path: `lessons/MM-LL.<lang>.md` (and
    /// `.transcript.<lang>.md`) as text, `media/<name>` as base64.
    #[serde(default)]
    pub files: std::collections::BTreeMap<String, String>,
}

/// Creates a draft course, with its modules, lessons, quizzes and files, from
/// one document (the same content as an archive; see docs/course-archive.md).
#[utoipa::path(post, path = "/api/v1/courses/document", tag = "courses", security(("bearer" = [])), request_body = CourseDocument,
    responses((status = 201, body = CourseView), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn create_from_document(
    state: web::Data<AppState>,
    caller: ApiUser,
    req: HttpRequest,
    body: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let declared = content_length(&req);
    let c = archives::import_document(&state.app, caller.actor(), body, declared).await?;
    Ok(HttpResponse::Created().json(CourseView::from(&c)))
}
