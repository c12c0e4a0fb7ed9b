//! The authoring studio: authors build courses in the portal, without
//! JavaScript. Every translatable field is shown once per language of the
//! course, side by side; publishing shows every reason it cannot happen yet.

use super::courses::{course_context, lesson_context};
use super::{Portal, Posted};
use crate::errors::PortalError;
use actix_web::{HttpResponse, web};
use kuza_accounts::Role;
use kuza_courses::draft::{self, Course, CourseInput, ModuleInput};
use kuza_courses::{CourseError, Problem, Translated, pick, versions};
use kuza_db::values::{Code, Format, Level};
use kuza_i18n::Language;
use std::collections::HashMap;
use tera::Context;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/studio", web::get().to(list))
        .route("/studio", web::post().to(create))
        .route("/studio/new", web::get().to(new_form))
        .route("/studio/courses/{id}", web::get().to(editor))
        .route("/studio/courses/{id}", web::post().to(save_settings))
        .route("/studio/courses/{id}/modules", web::post().to(add_module))
        .route("/studio/courses/{id}/publish", web::post().to(publish))
        .route("/studio/courses/{id}/archive", web::post().to(archive))
        .route("/studio/courses/{id}/preview", web::get().to(preview))
        .route(
            "/studio/courses/{id}/preview/lessons/{key}",
            web::get().to(preview_lesson),
        )
        .route("/studio/modules/{id}", web::get().to(module_page))
        .route("/studio/modules/{id}", web::post().to(save_module))
        .route("/studio/modules/{id}/delete", web::post().to(delete_module))
        .configure(super::studio_lessons::routes)
        .configure(super::studio_cohorts::routes);
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

/// Form field errors (`title.ru` → field `title_ru`), in the page's language.
pub(super) fn field_errors(
    portal: &Portal,
    problems: &[Problem],
) -> serde_json::Map<String, serde_json::Value> {
    let mut m = serde_json::Map::new();
    for p in problems {
        let key = p.at.replace('.', "_");
        m.entry(key)
            .or_insert_with(|| portal.t(&format!("err-{}", p.code), &[]).into());
    }
    m
}

/// The viewer, if they may author courses at all.
pub(super) fn author(portal: &Portal) -> Result<(i32, bool), PortalError> {
    let v = portal.require_role(Role::Author)?;
    Ok((v.user.id, v.grants.is_admin()))
}

pub(super) async fn editable(portal: &Portal, course_id: i32) -> Result<Course, PortalError> {
    let (user, admin) = author(portal)?;
    Ok(draft::editable(&portal.state.db, course_id, user, admin).await?)
}

pub(super) fn title_in(portal: &Portal, c: &Course) -> String {
    let t = draft::translated(&c.title);
    pick(&t, portal.lang.code(), &c.default_language)
        .0
        .to_owned()
}

async fn list(portal: Portal) -> Result<HttpResponse, PortalError> {
    let (user, admin) = author(&portal)?;
    let courses = draft::list_editable(&portal.state.db, user, admin).await?;
    let rows: Vec<_> = courses
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
        });
    }
    match c {
        Some(c) => serde_json::json!({
            "slug": c.slug, "format": c.format, "level": c.level,
            "hours": format!("{}", f64::from(c.estimated_minutes) / 60.0), "default_language": c.default_language,
            "languages": draft::languages_of(c).iter().map(|l| l.code()).collect::<Vec<_>>(),
            "themes": draft::themes_of(c).join(", "),
            "title": draft::translated(&c.title), "summary": draft::translated(&c.summary),
            "cover": c.cover_media_id,
        }),
        None => {
            serde_json::json!({ "format": "self_paced", "level": "introductory", "hours": "1", "languages": [], "title": {}, "summary": {} })
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
        organisation_id: None,
        cover_media_id: field(f, "cover_media_id").parse().ok(),
    }
}

fn choices(ctx: &mut Context) {
    ctx.insert("formats", &Format::all());
    ctx.insert("levels", &Level::all());
}

async fn new_form(portal: Portal) -> Result<HttpResponse, PortalError> {
    author(&portal)?;
    let mut ctx = Context::new();
    choices(&mut ctx);
    let mut values = settings_values(None, None);
    values["default_language"] = portal.lang.code().into();
    values["languages"] = serde_json::json!([portal.lang.code()]);
    ctx.insert("values", &values);
    portal.render("studio_new.html", ctx)
}

async fn create(posted: Posted<Form>) -> Result<HttpResponse, PortalError> {
    let Posted { portal, form } = posted;
    let (user, _) = author(&portal)?;
    match draft::create(&portal.state.db, user, &settings_input(&form)).await {
        Ok(c) => Ok(portal.redirect(&format!("/studio/courses/{}?notice=studio-saved", c.id))),
        Err(CourseError::Invalid(problems)) => {
            let mut ctx = Context::new();
            choices(&mut ctx);
            ctx.insert("values", &settings_values(None, Some(&form)));
            ctx.insert("errors", &field_errors(&portal, &problems));
            ctx.insert("error_count", &problems.len());
            portal.render_invalid("studio_new.html", ctx)
        }
        Err(CourseError::SlugTaken) => {
            let problems = [kuza_courses::Problem {
                at: "slug".into(),
                code: "slug_taken",
            }];
            let mut ctx = Context::new();
            choices(&mut ctx);
            ctx.insert("values", &settings_values(None, Some(&form)));
            ctx.insert("errors", &field_errors(&portal, &problems));
            ctx.insert("error_count", &1);
            portal.render_invalid("studio_new.html", ctx)
        }
        Err(e) => Err(e.into()),
    }
}

/// What the editor page shows besides the course: what the author typed and
/// what went wrong, or the version just published.
#[derive(Default)]
struct Shown<'a> {
    typed: Option<&'a Form>,
    problems: Option<&'a [Problem]>,
    publish_problems: Option<&'a [Problem]>,
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
    let d = draft::load(&portal.state.db, c.clone()).await?;
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
    let history: Vec<_> = versions::history(&portal.state.db, c)
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
    choices(&mut ctx);
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
        ctx.insert("errors", &field_errors(portal, p));
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
            .map(|x| format!("{}: {}", x.at, portal.t(&format!("err-{}", x.code), &[])))
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
    let mut input = settings_input(&form);
    // The studio does not edit the owning organisation (administrators set
    // it through the API), so saving keeps it.
    input.organisation_id = c.organisation_id;
    match draft::update(&portal.state.db, &c, &input).await {
        Ok(_) => Ok(portal.redirect(&format!("/studio/courses/{}?notice=studio-saved", c.id))),
        Err(CourseError::Invalid(p)) => {
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
        Err(CourseError::SlugTaken) => {
            let p = [Problem {
                at: "slug".into(),
                code: "slug_taken",
            }];
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
        Err(e) => Err(e.into()),
    }
}

pub(super) fn position(f: &Form) -> Option<i32> {
    field(f, "position").trim().parse().ok()
}

async fn add_module(posted: Posted<Form>, id: web::Path<i32>) -> Result<HttpResponse, PortalError> {
    let Posted { portal, form } = posted;
    let c = editable(&portal, *id).await?;
    let txn = kuza_db::begin_write(&portal.state.db).await?;
    let input = ModuleInput {
        title: translated(&form, "title"),
        position: None,
    };
    match draft::add_module(&txn, &c, &input).await {
        Ok(m) => {
            txn.commit().await?;
            Ok(portal.redirect(&format!("/studio/modules/{}?notice=studio-saved", m.id)))
        }
        Err(CourseError::Invalid(p)) => {
            drop(txn);
            let p: Vec<Problem> = p
                .into_iter()
                .map(|x| Problem {
                    at: format!("module_{}", x.at),
                    ..x
                })
                .collect();
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
    let c = editable(&portal, *id).await?;
    let (user, _) = author(&portal)?;
    let txn = kuza_db::begin_write(&portal.state.db).await?;
    match versions::publish(&txn, &c, user).await {
        Ok(n) => {
            txn.commit().await?;
            portal.state.published.changed();
            tracing::info!(
                course.id = c.id,
                course.version = n,
                user.id = user,
                "course published"
            );
            Ok(portal.redirect(&format!("/studio/courses/{}?published={n}", c.id)))
        }
        Err(CourseError::NotPublishable(p)) => {
            drop(txn);
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
    let c = editable(&portal, *id).await?;
    // The status and the catalog entry change together.
    let txn = kuza_db::begin_write(&portal.state.db).await?;
    draft::archive(&txn, &c).await?;
    txn.commit().await?;
    portal.state.published.changed();
    Ok(portal.redirect(&format!("/studio/courses/{}?notice=studio-saved", c.id)))
}

/// The draft as a learner would see it, before publishing.
async fn preview(portal: Portal, id: web::Path<i32>) -> Result<HttpResponse, PortalError> {
    let c = editable(&portal, *id).await?;
    let d = draft::load(&portal.state.db, c.clone()).await?;
    match versions::document_of(&d) {
        Ok(doc) => {
            let mut ctx = course_context(
                &portal,
                &doc,
                None,
                &format!("/studio/courses/{}/preview", c.id),
            );
            ctx.insert("preview_of", &c.id);
            portal.render("course.html", ctx)
        }
        Err(CourseError::NotPublishable(p)) => {
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

/// A lesson of the draft as a learner would see it.
async fn preview_lesson(
    portal: Portal,
    path: web::Path<(i32, String)>,
) -> Result<HttpResponse, PortalError> {
    let (id, key) = path.into_inner();
    let c = editable(&portal, id).await?;
    let d = draft::load(&portal.state.db, c.clone()).await?;
    match versions::document_of(&d) {
        Ok(doc) => {
            let mut ctx = lesson_context(
                &portal,
                &doc,
                &key,
                &format!("/studio/courses/{}/preview", c.id),
            )
            .ok_or(PortalError::NotFound)?;
            ctx.insert("preview_of", &c.id);
            portal.render("lesson.html", ctx)
        }
        Err(CourseError::NotPublishable(p)) => {
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

pub(super) async fn module_of(
    portal: &Portal,
    module_id: i32,
) -> Result<(Course, draft::Module), PortalError> {
    let course_id = draft::course_of_module(&portal.state.db, module_id).await?;
    let c = editable(portal, course_id).await?;
    let m = draft::module(&portal.state.db, &c, module_id).await?;
    Ok((c, m))
}

async fn module_form(
    portal: &Portal,
    c: &Course,
    m: &draft::Module,
    typed: Option<&Form>,
    problems: Option<&[Problem]>,
) -> Result<HttpResponse, PortalError> {
    let d = draft::load(&portal.state.db, c.clone()).await?;
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
        ctx.insert("errors", &field_errors(portal, p));
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
    let (c, m) = module_of(&portal, *id).await?;
    let txn = kuza_db::begin_write(&portal.state.db).await?;
    let input = ModuleInput {
        title: translated(&form, "title"),
        position: position(&form),
    };
    match draft::update_module(&txn, &c, m.id, &input).await {
        Ok(_) => {
            txn.commit().await?;
            Ok(portal.redirect(&format!("/studio/modules/{}?notice=studio-saved", m.id)))
        }
        Err(CourseError::Invalid(p)) => {
            drop(txn);
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
    let (c, m) = module_of(&portal, *id).await?;
    let txn = kuza_db::begin_write(&portal.state.db).await?;
    draft::delete_module(&txn, &c, m.id).await?;
    txn.commit().await?;
    Ok(portal.redirect(&format!("/studio/courses/{}?notice=studio-saved", c.id)))
}
