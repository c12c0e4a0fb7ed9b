//! The authoring studio: authors build courses in the portal, without
//! JavaScript. Every translatable field is shown once per language of the
//! course, side by side; publishing shows every reason it cannot happen yet.

use super::courses::{course_context, lesson_context};
use super::{Portal, Posted};
use crate::errors::PortalError;
use crate::routes::{Access, Table};
use actix_web::http::Method;
use actix_web::{HttpResponse, web};
use kuza_app::{AppError, FieldProblem, courses};
use kuza_courses::draft::{self, Course, CourseInput, ModuleInput};
use kuza_courses::{Translated, pick};
use kuza_db::values::{Code, Format, Level};
use kuza_i18n::Language;
use std::collections::HashMap;
use tera::Context;

pub fn routes(t: &mut Table) {
    t.page(Method::GET, "/studio", Access::Author, list);
    t.page(Method::POST, "/studio", Access::Author, create);
    t.page(Method::GET, "/studio/new", Access::Author, new_form);
    t.page(
        Method::GET,
        "/studio/courses/{id}",
        Access::CourseEditor,
        editor,
    );
    t.page(
        Method::POST,
        "/studio/courses/{id}",
        Access::CourseEditor,
        save_settings,
    );
    t.page(
        Method::POST,
        "/studio/courses/{id}/modules",
        Access::CourseEditor,
        add_module,
    );
    t.page(
        Method::POST,
        "/studio/courses/{id}/publish",
        Access::CourseEditor,
        publish,
    );
    t.page(
        Method::POST,
        "/studio/courses/{id}/archive",
        Access::CourseEditor,
        archive,
    );
    t.page(
        Method::GET,
        "/studio/courses/{id}/preview",
        Access::CourseEditor,
        preview,
    );
    t.page(
        Method::GET,
        "/studio/courses/{id}/preview/lessons/{key}",
        Access::CourseEditor,
        preview_lesson,
    );
    t.page(
        Method::GET,
        "/studio/modules/{id}",
        Access::CourseEditor,
        module_page,
    );
    t.page(
        Method::POST,
        "/studio/modules/{id}",
        Access::CourseEditor,
        save_module,
    );
    t.page(
        Method::POST,
        "/studio/modules/{id}/delete",
        Access::CourseEditor,
        delete_module,
    );
    super::studio_lessons::routes(t);
    super::studio_cohorts::routes(t);
}

pub(super) type Form = HashMap<String, String>;

pub(super) fn field<'a>(f: &'a Form, name: &str) -> &'a str {
    f.get(name).map_or("", |s| s.as_str())
}

/// `title_en`, `title_ar`, … → a translation map.
pub(super) fn translated(f: &Form, prefix: &str) -> Translated {
    Language::ALL
        .iter()
        .filter_map(|l| {
            f.get(&format!("{prefix}_{}", l.code()))
                .map(|v| (l.code().to_owned(), v.clone()))
        })
        .filter(|(_, v)| !v.trim().is_empty())
        .collect()
}

/// The course, if the viewer may edit it.
pub(super) async fn editable(portal: &Portal, course_id: i32) -> Result<Course, PortalError> {
    Ok(courses::editable(&portal.state.app, portal.actor(), course_id).await?)
}

pub(super) fn title_in(portal: &Portal, c: &Course) -> String {
    let t = draft::translated(&c.title);
    pick(&t, portal.lang.code(), &c.default_language)
        .0
        .to_owned()
}

async fn list(portal: Portal) -> Result<HttpResponse, PortalError> {
    let mine = courses::mine(&portal.state.app, portal.actor()).await?;
    let rows: Vec<_> = mine
        .iter()
        .map(|c| serde_json::json!({ "id": c.id, "title": title_in(&portal, c), "status": c.status, "version": c.current_version, "slug": c.slug }))
        .collect();
    let mut ctx = Context::new();
    ctx.insert("rows", &rows);
    portal.render("studio.html", ctx)
}

/// The settings form's values: from the stored course, or as typed.
fn settings_values(c: Option<&Course>, typed: Option<&Form>) -> serde_json::Value {
    if let Some(f) = typed {
        let langs: Vec<&str> = Language::ALL
            .iter()
            .map(|l| l.code())
            .filter(|c| f.contains_key(&format!("lang_{c}")))
            .collect();
        return serde_json::json!({
            "slug": field(f, "slug"), "format": field(f, "format"), "level": field(f, "level"),
            "hours": field(f, "estimated_hours"), "default_language": field(f, "default_language"),
            "languages": langs, "themes": field(f, "themes"),
            "title": translated(f, "title"), "summary": translated(f, "summary"),
            "cover": field(f, "cover_media_id").parse::<i32>().ok(),
            "provider": field(f, "organisation_id").parse::<i32>().ok(),
        });
    }
    match c {
        Some(c) => serde_json::json!({
            "slug": c.slug, "format": c.format, "level": c.level,
            "hours": format!("{}", f64::from(c.estimated_minutes) / 60.0), "default_language": c.default_language,
            "languages": draft::languages_of(c).iter().map(|l| l.code()).collect::<Vec<_>>(),
            "themes": draft::themes_of(c).join(", "),
            "title": draft::translated(&c.title), "summary": draft::translated(&c.summary),
            "cover": c.cover_media_id, "provider": c.organisation_id,
        }),
        None => {
            serde_json::json!({ "format": "self_paced", "level": "introductory", "hours": "1", "languages": [], "title": {}, "summary": {}, "provider": null })
        }
    }
}

fn settings_input(f: &Form) -> CourseInput {
    CourseInput {
        slug: field(f, "slug").into(),
        format: field(f, "format").into(),
        level: field(f, "level").into(),
        estimated_hours: field(f, "estimated_hours")
            .trim()
            .replace(',', ".")
            .parse()
            .unwrap_or(f64::NAN),
        default_language: field(f, "default_language").into(),
        languages: Language::ALL
            .iter()
            .filter(|l| f.contains_key(&format!("lang_{}", l.code())))
            .map(|l| l.code().to_owned())
            .collect(),
        themes: field(f, "themes")
            .split(',')
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
            .collect(),
        title: translated(f, "title"),
        summary: translated(f, "summary"),
        organisation_id: field(f, "organisation_id").parse().ok(),
        cover_media_id: field(f, "cover_media_id").parse().ok(),
    }
}

async fn choices(portal: &Portal, ctx: &mut Context) -> Result<(), PortalError> {
    ctx.insert("formats", &Format::all());
    ctx.insert("levels", &Level::all());
    let providers: Vec<serde_json::Value> = courses::providers(&portal.state.app)
        .await?
        .iter()
        .map(|o| serde_json::json!({ "id": o.id, "name": kuza_accounts::organisations::name_in(o, portal.lang.code()) }))
        .collect();
    ctx.insert("providers", &providers);
    Ok(())
}

async fn new_form(portal: Portal) -> Result<HttpResponse, PortalError> {
    courses::may_create(portal.actor())?;
    let mut ctx = Context::new();
    choices(&portal, &mut ctx).await?;
    let mut values = settings_values(None, None);
    values["default_language"] = portal.lang.code().into();
    values["languages"] = serde_json::json!([portal.lang.code()]);
    ctx.insert("values", &values);
    portal.render("studio_new.html", ctx)
}

async fn create(posted: Posted<Form>) -> Result<HttpResponse, PortalError> {
    let Posted { portal, form } = posted;
    match courses::create(&portal.state.app, portal.actor(), &settings_input(&form)).await {
        Ok(c) => Ok(portal.redirect(&format!("/studio/courses/{}?notice=studio-saved", c.id))),
        Err(e) => {
            let problems = form_problems(e)?;
            let mut ctx = Context::new();
            choices(&portal, &mut ctx).await?;
            ctx.insert("values", &settings_values(None, Some(&form)));
            ctx.insert("errors", &portal.field_errors(&problems));
            ctx.insert("error_count", &problems.len());
            portal.render_invalid("studio_new.html", ctx)
        }
    }
}

/// A refusal of the settings form as the fields it names: invalid values,
/// or a slug already taken; anything else is an error page.
fn form_problems(e: AppError) -> Result<Vec<FieldProblem>, PortalError> {
    match e {
        AppError::Invalid(p) => Ok(p),
        e if e.code() == "slug_taken" => Ok(vec![FieldProblem::new("slug", "slug_taken")]),
        e => Err(e.into()),
    }
}

/// What the editor page shows besides the course: what the author typed and
/// what went wrong, or the version just published.
#[derive(Default)]
struct Shown<'a> {
    typed: Option<&'a Form>,
    problems: Option<&'a [FieldProblem]>,
    publish_problems: Option<&'a [FieldProblem]>,
    published: Option<i32>,
}

async fn editor_page(
    portal: &Portal,
    c: &Course,
    shown: Shown<'_>,
) -> Result<HttpResponse, PortalError> {
    let Shown {
        typed,
        problems,
        publish_problems,
        published,
    } = shown;
    let d = courses::draft(&portal.state.app, portal.actor(), c.id).await?;
    let lang = portal.lang.code();
    let modules: Vec<_> = d
        .modules
        .iter()
        .map(|(m, lessons)| {
            let mt = draft::translated(&m.title);
            let ls: Vec<_> = lessons
                .iter()
                .map(|l| {
                    let lt = draft::translated(&l.title);
                    serde_json::json!({ "id": l.id, "title": pick(&lt, lang, &c.default_language).0, "required": l.required })
                })
                .collect();
            serde_json::json!({ "id": m.id, "title": pick(&mt, lang, &c.default_language).0, "lessons": ls })
        })
        .collect();
    let missing: Vec<_> = draft::missing_translations(&d)
        .into_iter()
        .map(|m| {
            let name = Language::parse(&m.language)
                .map_or(m.language.clone(), |l| l.native_name().to_owned());
            portal.t(
                "studio-missing-item",
                &[("field", m.at.into()), ("language", name.into())],
            )
        })
        .collect();
    let history: Vec<_> = courses::history(&portal.state.app, portal.actor(), c.id)
        .await?
        .iter()
        .map(|v| {
            let date = chrono::DateTime::from_timestamp(v.published_at, 0)
                .unwrap_or_default()
                .format("%Y-%m-%d");
            portal.t(
                "studio-version-item",
                &[
                    ("number", i64::from(v.number).into()),
                    ("date", format!("\u{2066}{date}\u{2069}").into()),
                ],
            )
        })
        .collect();
    let mut ctx = Context::new();
    choices(portal, &mut ctx).await?;
    ctx.insert("course", &serde_json::json!({ "id": c.id, "status": c.status, "version": c.current_version, "slug": c.slug, "title": title_in(portal, c) }));
    ctx.insert("values", &settings_values(Some(c), typed));
    ctx.insert("course_languages", &course_languages(c));
    let images: Vec<_> = d
        .media
        .iter()
        .filter(|x| draft::MediaKind::Image.accepts(&x.content_type))
        .map(|x| serde_json::json!({ "id": x.id, "name": x.file_name }))
        .collect();
    ctx.insert("images", &images);
    ctx.insert("modules", &modules);
    ctx.insert("missing", &missing);
    ctx.insert("history", &history);
    if let Some(p) = problems {
        ctx.insert("errors", &portal.field_errors(p));
        ctx.insert("error_count", &p.len());
    }
    if let Some(n) = published {
        ctx.insert(
            "published",
            &portal.t("studio-published", &[("version", i64::from(n).into())]),
        );
    }
    if let Some(p) = publish_problems {
        let list: Vec<String> = p
            .iter()
            .map(|x| format!("{}: {}", x.field, portal.t(&format!("err-{}", x.code), &[])))
            .collect();
        ctx.insert("publish_problems", &list);
    }
    if problems.is_some() || publish_problems.is_some() {
        portal.render_invalid("studio_course.html", ctx)
    } else {
        portal.render("studio_course.html", ctx)
    }
}

pub(super) fn course_languages(c: &Course) -> Vec<serde_json::Value> {
    draft::languages_of(c)
        .iter()
        .map(|l| serde_json::json!({ "code": l.code(), "name": l.native_name(), "dir": l.dir() }))
        .collect()
}

#[derive(serde::Deserialize)]
struct EditorQuery {
    published: Option<i32>,
}

async fn editor(
    portal: Portal,
    id: web::Path<i32>,
    q: web::Query<EditorQuery>,
) -> Result<HttpResponse, PortalError> {
    let c = editable(&portal, *id).await?;
    editor_page(
        &portal,
        &c,
        Shown {
            published: q.published,
            ..Default::default()
        },
    )
    .await
}

async fn save_settings(
    posted: Posted<Form>,
    id: web::Path<i32>,
) -> Result<HttpResponse, PortalError> {
    let Posted { portal, form } = posted;
    let c = editable(&portal, *id).await?;
    let input = settings_input(&form);
    match courses::update(&portal.state.app, portal.actor(), c.id, &input).await {
        Ok(_) => Ok(portal.redirect(&format!("/studio/courses/{}?notice=studio-saved", c.id))),
        Err(e) => {
            let p = form_problems(e)?;
            editor_page(
                &portal,
                &c,
                Shown {
                    typed: Some(&form),
                    problems: Some(&p),
                    ..Default::default()
                },
            )
            .await
        }
    }
}

pub(super) fn position(f: &Form) -> Option<i32> {
    field(f, "position").trim().parse().ok()
}

async fn add_module(posted: Posted<Form>, id: web::Path<i32>) -> Result<HttpResponse, PortalError> {
    let Posted { portal, form } = posted;
    let input = ModuleInput {
        title: translated(&form, "title"),
        position: None,
    };
    match courses::add_module(&portal.state.app, portal.actor(), *id, &input).await {
        Ok(m) => Ok(portal.redirect(&format!("/studio/modules/{}?notice=studio-saved", m.id))),
        Err(AppError::Invalid(p)) => {
            // The form's title fields are `module_title_…`.
            let p: Vec<FieldProblem> = p
                .into_iter()
                .map(|x| FieldProblem::new(format!("module_{}", x.field), x.code))
                .collect();
            let c = editable(&portal, *id).await?;
            editor_page(
                &portal,
                &c,
                Shown {
                    problems: Some(&p),
                    ..Default::default()
                },
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

async fn publish(posted: Posted<Form>, id: web::Path<i32>) -> Result<HttpResponse, PortalError> {
    let portal = posted.portal;
    match courses::publish(&portal.state.app, portal.actor(), *id).await {
        Ok(n) => Ok(portal.redirect(&format!("/studio/courses/{}?published={n}", *id))),
        Err(AppError::NotPublishable(p)) => {
            let c = editable(&portal, *id).await?;
            editor_page(
                &portal,
                &c,
                Shown {
                    publish_problems: Some(&p),
                    ..Default::default()
                },
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

async fn archive(posted: Posted<Form>, id: web::Path<i32>) -> Result<HttpResponse, PortalError> {
    let portal = posted.portal;
    let c = courses::archive(&portal.state.app, portal.actor(), *id).await?;
    Ok(portal.redirect(&format!("/studio/courses/{}?notice=studio-saved", c.id)))
}

/// The draft as a learner would see it, before publishing.
async fn preview(portal: Portal, id: web::Path<i32>) -> Result<HttpResponse, PortalError> {
    match courses::preview(&portal.state.app, portal.actor(), *id).await {
        Ok((c, doc)) => {
            let mut ctx = course_context(
                &portal,
                &doc,
                None,
                &format!("/studio/courses/{}/preview", c.id),
            );
            ctx.insert("preview_of", &c.id);
            portal.render("course.html", ctx)
        }
        Err(AppError::NotPublishable(p)) => not_yet_publishable(&portal, *id, &p).await,
        Err(e) => Err(e.into()),
    }
}

/// The editor page with every reason the draft cannot be shown as
/// published yet.
async fn not_yet_publishable(
    portal: &Portal,
    course_id: i32,
    problems: &[FieldProblem],
) -> Result<HttpResponse, PortalError> {
    let c = editable(portal, course_id).await?;
    editor_page(
        portal,
        &c,
        Shown {
            publish_problems: Some(problems),
            ..Default::default()
        },
    )
    .await
}

/// A lesson of the draft as a learner would see it.
async fn preview_lesson(
    portal: Portal,
    path: web::Path<(i32, String)>,
) -> Result<HttpResponse, PortalError> {
    let (id, key) = path.into_inner();
    match courses::preview(&portal.state.app, portal.actor(), id).await {
        Ok((c, doc)) => {
            let mut ctx = lesson_context(
                &portal,
                &doc,
                &key,
                &format!("/studio/courses/{}/preview", c.id),
            )
            .ok_or(AppError::NotFound)?;
            ctx.insert("preview_of", &c.id);
            portal.render("lesson.html", ctx)
        }
        Err(AppError::NotPublishable(p)) => not_yet_publishable(&portal, id, &p).await,
        Err(e) => Err(e.into()),
    }
}

pub(super) async fn module_of(
    portal: &Portal,
    module_id: i32,
) -> Result<(Course, draft::Module), PortalError> {
    Ok(courses::module(&portal.state.app, portal.actor(), module_id).await?)
}

async fn module_form(
    portal: &Portal,
    c: &Course,
    m: &draft::Module,
    typed: Option<&Form>,
    problems: Option<&[FieldProblem]>,
) -> Result<HttpResponse, PortalError> {
    let d = courses::draft(&portal.state.app, portal.actor(), c.id).await?;
    let lessons: Vec<_> = d
        .modules
        .iter()
        .find(|(x, _)| x.id == m.id)
        .map(|(_, ls)| {
            ls.iter()
                .map(|l| {
                    let lt = draft::translated(&l.title);
                    serde_json::json!({ "id": l.id, "title": pick(&lt, portal.lang.code(), &c.default_language).0, "required": l.required })
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    let title = draft::translated(&m.title);
    let mut ctx = Context::new();
    ctx.insert(
        "course",
        &serde_json::json!({ "id": c.id, "title": title_in(portal, c) }),
    );
    ctx.insert("module", &serde_json::json!({ "id": m.id, "position": m.position, "name": pick(&title, portal.lang.code(), &c.default_language).0 }));
    ctx.insert("title", &typed.map_or(title, |f| translated(f, "title")));
    ctx.insert("lessons", &lessons);
    ctx.insert("course_languages", &course_languages(c));
    if let Some(p) = problems {
        ctx.insert("errors", &portal.field_errors(p));
        ctx.insert("error_count", &p.len());
        return portal.render_invalid("studio_module.html", ctx);
    }
    portal.render("studio_module.html", ctx)
}

async fn module_page(portal: Portal, id: web::Path<i32>) -> Result<HttpResponse, PortalError> {
    let (c, m) = module_of(&portal, *id).await?;
    module_form(&portal, &c, &m, None, None).await
}

async fn save_module(
    posted: Posted<Form>,
    id: web::Path<i32>,
) -> Result<HttpResponse, PortalError> {
    let Posted { portal, form } = posted;
    let input = ModuleInput {
        title: translated(&form, "title"),
        position: position(&form),
    };
    match courses::update_module(&portal.state.app, portal.actor(), *id, &input).await {
        Ok(m) => Ok(portal.redirect(&format!("/studio/modules/{}?notice=studio-saved", m.id))),
        Err(AppError::Invalid(p)) => {
            let (c, m) = module_of(&portal, *id).await?;
            module_form(&portal, &c, &m, Some(&form), Some(&p)).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn delete_module(
    posted: Posted<Form>,
    id: web::Path<i32>,
) -> Result<HttpResponse, PortalError> {
    let portal = posted.portal;
    let c = courses::delete_module(&portal.state.app, portal.actor(), *id).await?;
    Ok(portal.redirect(&format!("/studio/courses/{}?notice=studio-saved", c.id)))
}
