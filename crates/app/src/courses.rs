//! Authoring: a course's draft (settings, modules, lessons, quizzes), its
//! publication as an immutable version, archiving and deleting. Every step
//! is the course's editors' (an author who owns or co-authors it, or an
//! administrator); publishing and archiving move the published-course
//! cache on at once.

use crate::policy::{self, Action, Actor, On};
use crate::{App, AppError};
use kuza_courses::content::Quiz;
use kuza_courses::draft::{
    self, Course, CourseInput, Draft, Lesson, LessonInput, Module, ModuleInput,
};
use kuza_courses::versions::{self, Document, VersionInfo};
use kuza_db::values::LessonKind;
use sea_orm::ConnectionTrait;

/// The course, if the actor may edit it, read in `conn`.
async fn editable_in(
    conn: &impl ConnectionTrait,
    actor: Option<&Actor>,
    course_id: i32,
) -> Result<Course, AppError> {
    let (c, facts) = policy::course(conn, course_id).await?;
    policy::may(actor, Action::EditCourse, On::Course(&facts))?;
    Ok(c)
}

/// The course, if the actor may edit it.
pub async fn editable(
    app: &App,
    actor: Option<&Actor>,
    course_id: i32,
) -> Result<Course, AppError> {
    editable_in(&app.db, actor, course_id).await
}

/// Whether the actor may create courses (and open the studio).
pub fn may_create(actor: Option<&Actor>) -> Result<(), AppError> {
    policy::may(actor, Action::CreateCourse, On::Site)
}

/// Creates a draft course; the actor becomes its owner (authors,
/// administrators).
pub async fn create(
    app: &App,
    actor: Option<&Actor>,
    input: &CourseInput,
) -> Result<Course, AppError> {
    policy::may(actor, Action::CreateCourse, On::Site)?;
    let a = policy::signed_in(actor)?;
    let c = draft::create(&app.db, a.id(), input).await?;
    tracing::info!(course.id = c.id, user.id = a.id(), "course created");
    Ok(c)
}

/// The organisations a course can name as its provider, by name.
pub async fn providers(app: &App) -> Result<Vec<kuza_db::entities::organisation::Model>, AppError> {
    Ok(kuza_accounts::organisations::providers(&app.db).await?)
}

/// The courses the actor edits, last changed first (the studio's list).
pub async fn mine(app: &App, actor: Option<&Actor>) -> Result<Vec<Course>, AppError> {
    policy::may(actor, Action::CreateCourse, On::Site)?;
    let a = policy::signed_in(actor)?;
    Ok(draft::list_editable(&app.db, a.id(), a.is_admin()).await?)
}

/// Replaces a course's settings.
pub async fn update(
    app: &App,
    actor: Option<&Actor>,
    course_id: i32,
    input: &CourseInput,
) -> Result<Course, AppError> {
    let c = editable(app, actor, course_id).await?;
    let txn = kuza_db::begin_write(&app.db).await?;
    let updated = draft::update(&txn, &c, input).await?;
    // The provider applies at once, not with the next version: the
    // catalog and the course page show it from the course's row.
    let provider_changed = updated.organisation_id != c.organisation_id;
    if provider_changed {
        kuza_courses::catalog::changed(&txn).await?;
    }
    txn.commit().await?;
    if provider_changed {
        app.published.changed();
    }
    Ok(updated)
}

/// The draft with its modules, lessons and files.
pub async fn draft(app: &App, actor: Option<&Actor>, course_id: i32) -> Result<Draft, AppError> {
    let c = editable(app, actor, course_id).await?;
    Ok(draft::load(&app.db, c).await?)
}

/// The draft as a learner would see it once published, or every reason it
/// cannot be published yet.
pub async fn preview(
    app: &App,
    actor: Option<&Actor>,
    course_id: i32,
) -> Result<(Course, Document), AppError> {
    let d = draft(app, actor, course_id).await?;
    let doc = versions::document_of(&d)?;
    Ok((d.course, doc))
}

/// The published versions, newest first.
pub async fn history(
    app: &App,
    actor: Option<&Actor>,
    course_id: i32,
) -> Result<Vec<VersionInfo>, AppError> {
    let c = editable(app, actor, course_id).await?;
    Ok(versions::history(&app.db, &c).await?)
}

/// Publishes the draft as the next version; returns its number. The next
/// page anyone opens on this process shows it; other processes follow.
pub async fn publish(app: &App, actor: Option<&Actor>, course_id: i32) -> Result<i32, AppError> {
    let a = policy::signed_in(actor)?;
    let txn = kuza_db::begin_write(&app.db).await?;
    let c = editable_in(&txn, actor, course_id).await?;
    let version = versions::publish(&txn, &c, a.id()).await?;
    txn.commit().await?;
    app.published.changed();
    tracing::info!(
        course.id = c.id,
        course.version = version,
        user.id = a.id(),
        "course published"
    );
    Ok(version)
}

/// Archives a course: it leaves the catalog and its pages; its versions
/// and its learners' records are kept.
pub async fn archive(app: &App, actor: Option<&Actor>, course_id: i32) -> Result<Course, AppError> {
    let txn = kuza_db::begin_write(&app.db).await?;
    let c = editable_in(&txn, actor, course_id).await?;
    draft::archive(&txn, &c).await?;
    txn.commit().await?;
    app.published.changed();
    Ok(c)
}

/// Deletes a course that was never published (`course_was_published`
/// otherwise: archive it instead).
pub async fn delete(app: &App, actor: Option<&Actor>, course_id: i32) -> Result<(), AppError> {
    let txn = kuza_db::begin_write(&app.db).await?;
    let c = editable_in(&txn, actor, course_id).await?;
    draft::delete(&txn, &c).await?;
    txn.commit().await?;
    tracing::info!(course.id = c.id, "course deleted");
    Ok(())
}

/// Adds a module to the draft.
pub async fn add_module(
    app: &App,
    actor: Option<&Actor>,
    course_id: i32,
    input: &ModuleInput,
) -> Result<Module, AppError> {
    let txn = kuza_db::begin_write(&app.db).await?;
    let c = editable_in(&txn, actor, course_id).await?;
    let m = draft::add_module(&txn, &c, input).await?;
    txn.commit().await?;
    Ok(m)
}

/// A module of a course the actor may edit, with its course.
pub async fn module(
    app: &App,
    actor: Option<&Actor>,
    module_id: i32,
) -> Result<(Course, Module), AppError> {
    let course_id = draft::course_of_module(&app.db, module_id).await?;
    let c = editable(app, actor, course_id).await?;
    let m = draft::module(&app.db, &c, module_id).await?;
    Ok((c, m))
}

/// Renames or moves a module.
pub async fn update_module(
    app: &App,
    actor: Option<&Actor>,
    module_id: i32,
    input: &ModuleInput,
) -> Result<Module, AppError> {
    let txn = kuza_db::begin_write(&app.db).await?;
    let course_id = draft::course_of_module(&txn, module_id).await?;
    let c = editable_in(&txn, actor, course_id).await?;
    let m = draft::update_module(&txn, &c, module_id, input).await?;
    txn.commit().await?;
    Ok(m)
}

/// Removes a module and its lessons from the draft (published versions
/// keep them); returns its course.
pub async fn delete_module(
    app: &App,
    actor: Option<&Actor>,
    module_id: i32,
) -> Result<Course, AppError> {
    let txn = kuza_db::begin_write(&app.db).await?;
    let course_id = draft::course_of_module(&txn, module_id).await?;
    let c = editable_in(&txn, actor, course_id).await?;
    draft::delete_module(&txn, &c, module_id).await?;
    txn.commit().await?;
    Ok(c)
}

/// Adds a lesson to a module.
pub async fn add_lesson(
    app: &App,
    actor: Option<&Actor>,
    module_id: i32,
    input: &LessonInput,
) -> Result<Lesson, AppError> {
    let txn = kuza_db::begin_write(&app.db).await?;
    let course_id = draft::course_of_module(&txn, module_id).await?;
    let c = editable_in(&txn, actor, course_id).await?;
    let l = draft::add_lesson(&txn, &c, module_id, input).await?;
    txn.commit().await?;
    Ok(l)
}

/// A lesson of a course the actor may edit, with its course.
pub async fn lesson(
    app: &App,
    actor: Option<&Actor>,
    lesson_id: i32,
) -> Result<(Course, Lesson), AppError> {
    let course_id = draft::course_of_lesson(&app.db, lesson_id).await?;
    let c = editable(app, actor, course_id).await?;
    let l = draft::lesson(&app.db, &c, lesson_id).await?;
    Ok((c, l))
}

/// Replaces a lesson's content, or moves it within its module.
pub async fn update_lesson(
    app: &App,
    actor: Option<&Actor>,
    lesson_id: i32,
    input: &LessonInput,
) -> Result<Lesson, AppError> {
    let txn = kuza_db::begin_write(&app.db).await?;
    let course_id = draft::course_of_lesson(&txn, lesson_id).await?;
    let c = editable_in(&txn, actor, course_id).await?;
    let l = draft::update_lesson(&txn, &c, lesson_id, input).await?;
    txn.commit().await?;
    Ok(l)
}

/// Removes a lesson from the draft (published versions keep it); returns
/// it as it was.
pub async fn delete_lesson(
    app: &App,
    actor: Option<&Actor>,
    lesson_id: i32,
) -> Result<Lesson, AppError> {
    let txn = kuza_db::begin_write(&app.db).await?;
    let course_id = draft::course_of_lesson(&txn, lesson_id).await?;
    let c = editable_in(&txn, actor, course_id).await?;
    let l = draft::lesson(&txn, &c, lesson_id).await?;
    draft::delete_lesson(&txn, &c, lesson_id).await?;
    txn.commit().await?;
    Ok(l)
}

/// A quiz lesson with its quiz and answers (`None` before any question),
/// for its editors; another kind of lesson is `lesson_not_a_quiz`.
pub async fn quiz(
    app: &App,
    actor: Option<&Actor>,
    lesson_id: i32,
) -> Result<(Course, Lesson, Option<Quiz>), AppError> {
    let (c, l) = lesson(app, actor, lesson_id).await?;
    if l.kind != LessonKind::Quiz {
        return Err(kuza_courses::CourseError::NotAQuiz.into());
    }
    let q = draft::content_of(&l).quiz;
    Ok((c, l, q))
}

/// Replaces a quiz lesson's quiz (`None` removes its questions and
/// settings); keys of existing questions and options are kept.
pub async fn set_quiz(
    app: &App,
    actor: Option<&Actor>,
    lesson_id: i32,
    quiz: Option<&Quiz>,
) -> Result<Lesson, AppError> {
    let txn = kuza_db::begin_write(&app.db).await?;
    let course_id = draft::course_of_lesson(&txn, lesson_id).await?;
    let c = editable_in(&txn, actor, course_id).await?;
    let l = draft::set_quiz(&txn, &c, lesson_id, quiz).await?;
    txn.commit().await?;
    Ok(l)
}
