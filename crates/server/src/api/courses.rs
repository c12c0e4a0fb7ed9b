//! `/api/v1/courses`, `/modules`, `/lessons`: authors build a course's
//! draft and publish it; `/api/v1/catalog/{slug}` reads what was published.

use super::{ApiUser, iso};
use crate::errors::{ApiError, Problem};
use crate::state::AppState;
use actix_web::{HttpResponse, web};
use kuza_accounts::Role;
use kuza_courses::draft::{self, Course, CourseInput, Lesson, LessonInput, Module, ModuleInput};
use kuza_courses::{Translated, versions};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/courses", web::post().to(create_course))
        .route("/courses/mine", web::get().to(my_courses))
        .route("/courses/{id}", web::put().to(update_course))
        .route("/courses/{id}/draft", web::get().to(get_draft))
        .route("/courses/{id}/archive", web::post().to(archive_course))
        .route("/courses/{id}/publish", web::post().to(publish_course))
        .route("/courses/{id}/versions", web::get().to(course_versions))
        .route("/courses/{id}/modules", web::post().to(add_module))
        .route("/modules/{id}", web::put().to(update_module))
        .route("/modules/{id}", web::delete().to(delete_module))
        .route("/modules/{id}/lessons", web::post().to(add_lesson))
        .route("/lessons/{id}", web::put().to(update_lesson))
        .route("/lessons/{id}", web::delete().to(delete_lesson))
        .route("/catalog/{slug}", web::get().to(published_course));
}

#[derive(Deserialize, ToSchema)]
pub struct CourseRequest {
    /// Lower-case words joined by hyphens, 3–80 characters; fixed once published.
    pub slug: String,
    /// self_paced, facilitated, face_to_face or blended.
    pub format: String,
    /// introductory, intermediate or advanced.
    pub level: String,
    pub estimated_hours: f64,
    /// One of ar, zh, en, fr, ru, es: the fallback for missing translations.
    pub default_language: String,
    /// The languages the course is offered in (the default is added).
    pub languages: Vec<String>,
    /// Free tags, and SDGs as `sdg:11` or targets as `sdg:11.3`.
    #[serde(default)]
    pub themes: Vec<String>,
    /// Text per language code; the default language is required.
    pub title: Translated,
    #[serde(default)]
    pub summary: Translated,
    pub organisation_id: Option<i32>,
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
    pub title: Translated,
    pub summary: Translated,
    pub organisation_id: Option<i32>,
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
            format: c.format.clone(),
            level: c.level.clone(),
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
            owner_id: c.owner_id,
            status: c.status.clone(),
            current_version: c.current_version,
            updated_at: iso(c.updated_at),
        }
    }
}

#[derive(Deserialize, ToSchema)]
pub struct ModuleRequest {
    pub title: Translated,
    /// 1-based place among the course's modules; default: last.
    pub position: Option<i32>,
}

#[derive(Serialize, ToSchema)]
pub struct ModuleView {
    pub id: i32,
    /// Stable across versions.
    pub key: String,
    pub position: i32,
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
    pub title: Translated,
    /// `text` for now; video, file, quiz and live-session lessons follow.
    pub kind: String,
    #[serde(default = "yes")]
    pub required: bool,
    /// Markdown per language (sanitized when published).
    #[serde(default)]
    pub body: Translated,
    /// 1-based place in the module; default: last.
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
    pub title: Translated,
    pub body: Translated,
}

impl From<&Lesson> for LessonView {
    fn from(l: &Lesson) -> Self {
        LessonView {
            id: l.id,
            key: l.key.clone(),
            module_id: l.module_id,
            position: l.position,
            kind: l.kind.clone(),
            required: l.required,
            title: draft::translated(&l.title),
            body: draft::translated(&l.body),
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

async fn editable(state: &AppState, caller: &ApiUser, course_id: i32) -> Result<Course, ApiError> {
    Ok(draft::editable(
        &state.db,
        course_id,
        caller.user.id,
        caller.grants.is_admin(),
    )
    .await?)
}

/// Creates a draft course; the caller becomes its owner (authors, administrators).
#[utoipa::path(post, path = "/api/v1/courses", tag = "courses", security(("bearer" = [])), request_body = CourseRequest,
    responses((status = 201, body = CourseView), (status = 403, body = Problem), (status = 409, description = "`slug_taken`", body = Problem), (status = 422, body = Problem)))]
pub async fn create_course(
    state: web::Data<AppState>,
    caller: ApiUser,
    body: web::Json<CourseRequest>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Role::Author)?;
    let c = draft::create(&state.db, caller.user.id, &body.into_inner().into()).await?;
    tracing::info!(course.id = c.id, user.id = caller.user.id, "course created");
    Ok(HttpResponse::Created().json(CourseView::from(&c)))
}

/// The courses the caller owns or co-authors (all, for administrators).
#[utoipa::path(get, path = "/api/v1/courses/mine", tag = "courses", security(("bearer" = [])),
    responses((status = 200, body = Vec<CourseView>), (status = 403, body = Problem)))]
pub async fn my_courses(
    state: web::Data<AppState>,
    caller: ApiUser,
) -> Result<HttpResponse, ApiError> {
    caller.require(Role::Author)?;
    let list = draft::list_editable(&state.db, caller.user.id, caller.grants.is_admin()).await?;
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
    let c = editable(&state, &caller, *id).await?;
    let c = draft::update(&state.db, &c, &body.into_inner().into()).await?;
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
    let c = editable(&state, &caller, *id).await?;
    let d = draft::load(&state.db, c).await?;
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
    let txn = kuza_db::begin_write(&state.db).await?;
    let c = draft::editable(&txn, *id, caller.user.id, caller.grants.is_admin()).await?;
    draft::archive(&txn, &c).await?;
    txn.commit().await?;
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
    let txn = kuza_db::begin_write(&state.db).await?;
    let c = draft::editable(&txn, *id, caller.user.id, caller.grants.is_admin()).await?;
    let version = versions::publish(&txn, &c, caller.user.id).await?;
    txn.commit().await?;
    tracing::info!(
        course.id = c.id,
        course.version = version,
        user.id = caller.user.id,
        "course published"
    );
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
    let c = editable(&state, &caller, *id).await?;
    let list: Vec<VersionView> = versions::history(&state.db, &c)
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
    let txn = kuza_db::begin_write(&state.db).await?;
    let c = draft::editable(&txn, *id, caller.user.id, caller.grants.is_admin()).await?;
    let b = body.into_inner();
    let m = draft::add_module(
        &txn,
        &c,
        &ModuleInput {
            title: b.title,
            position: b.position,
        },
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(ModuleView::from(&m)))
}

async fn module_course(
    caller: &ApiUser,
    module_id: i32,
    conn: &impl sea_orm::ConnectionTrait,
) -> Result<Course, ApiError> {
    let course_id = draft::course_of_module(conn, module_id).await?;
    Ok(draft::editable(conn, course_id, caller.user.id, caller.grants.is_admin()).await?)
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
    let txn = kuza_db::begin_write(&state.db).await?;
    let c = module_course(&caller, *id, &txn).await?;
    let b = body.into_inner();
    let m = draft::update_module(
        &txn,
        &c,
        *id,
        &ModuleInput {
            title: b.title,
            position: b.position,
        },
    )
    .await?;
    txn.commit().await?;
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
    let txn = kuza_db::begin_write(&state.db).await?;
    let c = module_course(&caller, *id, &txn).await?;
    draft::delete_module(&txn, &c, *id).await?;
    txn.commit().await?;
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
    let txn = kuza_db::begin_write(&state.db).await?;
    let c = module_course(&caller, *id, &txn).await?;
    let l = draft::add_lesson(&txn, &c, *id, &body.into_inner().into()).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(LessonView::from(&l)))
}

async fn lesson_course(
    caller: &ApiUser,
    lesson_id: i32,
    conn: &impl sea_orm::ConnectionTrait,
) -> Result<Course, ApiError> {
    let course_id = draft::course_of_lesson(conn, lesson_id).await?;
    Ok(draft::editable(conn, course_id, caller.user.id, caller.grants.is_admin()).await?)
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
    let txn = kuza_db::begin_write(&state.db).await?;
    let c = lesson_course(&caller, *id, &txn).await?;
    let l = draft::update_lesson(&txn, &c, *id, &body.into_inner().into()).await?;
    txn.commit().await?;
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
    let txn = kuza_db::begin_write(&state.db).await?;
    let c = lesson_course(&caller, *id, &txn).await?;
    draft::delete_lesson(&txn, &c, *id).await?;
    txn.commit().await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Serialize, ToSchema)]
pub struct PublishedCourse {
    pub id: i32,
    pub version: i32,
    pub published_at: String,
    /// The version's document: settings, and modules with their lessons
    /// (title, Markdown `body` and sanitized `html` per language).
    #[schema(value_type = Object)]
    pub document: kuza_courses::Document,
}

/// The current published version of a course (public, like the catalog).
#[utoipa::path(get, path = "/api/v1/catalog/{slug}", tag = "courses",
    responses((status = 200, body = PublishedCourse), (status = 404, description = "Unknown, never published or archived", body = Problem)))]
pub async fn published_course(
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let (c, v) = versions::published(&state.db, &slug).await?;
    Ok(HttpResponse::Ok().json(PublishedCourse {
        id: c.id,
        version: v.number,
        published_at: iso(v.published_at),
        document: v.document,
    }))
}
