//! The public page of a published course, in the reader's language where
//! the course offers it, else in the course's default language (marked with
//! its own `lang` and `dir`).

use super::Portal;
use crate::errors::PortalError;
use crate::routes::{Access, Table};
use actix_web::http::Method;
use actix_web::{HttpResponse, web};
use kuza_app::AppError;
use kuza_courses::versions::{DocLesson, DocMedia};
use kuza_courses::{Document, Translated, pick};
use kuza_i18n::Language;
use tera::Context;

pub fn routes(t: &mut Table) {
    t.page(Method::GET, "/courses/{slug}", Access::Public, course_page);
    t.page(
        Method::GET,
        "/courses/{slug}/lessons/{key}",
        Access::Public,
        lesson_page,
    );
}

pub(super) fn text(t: &Translated, lang: Language, default: &str) -> serde_json::Value {
    let (s, l) = pick(t, lang.code(), default);
    let dir = Language::parse(l).unwrap_or(Language::En).dir();
    serde_json::json!({ "text": s, "lang": l, "dir": dir, "fallback": l != lang.code() })
}

/// The course page's variables for a document (a published version, or a
/// draft being previewed when `version` is `None`).
pub(super) fn course_context(
    portal: &Portal,
    doc: &Document,
    version: Option<(i32, i64)>,
    base: &str,
) -> Context {
    let lang = portal.lang;
    let default = doc.default_language.as_str();
    let modules: Vec<_> = doc
        .modules
        .iter()
        .map(|m| {
            let lessons: Vec<_> = m
                .lessons
                .iter()
                .map(|l| serde_json::json!({ "key": l.key, "title": text(&l.title, lang, default), "required": l.required, "kind": l.kind, "href": format!("{base}/lessons/{}", l.key) }))
                .collect();
            serde_json::json!({ "title": text(&m.title, lang, default), "lessons": lessons })
        })
        .collect();
    let languages: Vec<_> = doc
        .languages
        .iter()
        .filter_map(|l| Language::parse(l))
        .map(|l| serde_json::json!({ "code": l.code(), "name": l.native_name() }))
        .collect();
    let title = text(&doc.title, lang, default);
    let mut ctx = Context::new();
    if title["fallback"] == true {
        let shown_in = Language::parse(default)
            .unwrap_or(Language::En)
            .native_name();
        ctx.insert(
            "fallback_notice",
            &portal.t("course-in-other-language", &[("language", shown_in.into())]),
        );
    }
    ctx.insert("course_title", &title);
    ctx.insert("summary", &text(&doc.summary, lang, default));
    ctx.insert("format", &doc.format);
    ctx.insert("level", &doc.level);
    ctx.insert("hours", &((doc.estimated_minutes + 30) / 60).max(1));
    ctx.insert("course_languages", &languages);
    ctx.insert("themes", &doc.themes);
    ctx.insert("modules", &modules);
    ctx.insert("base", base);
    if let Some(cover) = doc
        .cover
        .and_then(|id| doc.media.get(&id).map(|m| media_url(portal, id, m)))
    {
        ctx.insert("cover", &cover);
    }
    if let Some((number, published_at)) = version {
        // An ISO date, isolated as left-to-right (LRI … PDI): inside Arabic
        // text the bidi algorithm would otherwise show 2026-11-23 as 23-11-2026.
        let date = chrono::DateTime::from_timestamp(published_at, 0)
            .unwrap_or_default()
            .format("%Y-%m-%d");
        ctx.insert("version", &number);
        ctx.insert("published_on", &format!("\u{2066}{date}\u{2069}"));
    }
    ctx
}

async fn course_page(portal: Portal, slug: web::Path<String>) -> Result<HttpResponse, PortalError> {
    let found = kuza_app::catalog::course_page(&portal.state.app, &slug, portal.lang).await?;
    let (_, version) = &*found;
    let mut ctx = course_context(
        &portal,
        &version.document,
        Some((version.number, version.published_at)),
        &format!("/courses/{slug}"),
    );
    super::learning::course_panel(&portal, &found, &mut ctx).await?;
    portal.render("course.html", ctx)
}

/// Where a file of a version is served.
fn media_url(portal: &Portal, id: i32, m: &DocMedia) -> String {
    crate::files::path_of(&portal.state.app, id, &m.name)
}

/// The lesson page's variables: the lesson in the reader's language, its
/// video, download or quiz, and the lessons before and after it. `base` is
/// the course page the links go back to.
pub(super) fn lesson_context(
    portal: &Portal,
    doc: &Document,
    key: &str,
    base: &str,
) -> Option<Context> {
    let lang = portal.lang;
    let default = doc.default_language.as_str();
    let all: Vec<(&Translated, &DocLesson)> = doc
        .modules
        .iter()
        .flat_map(|m| m.lessons.iter().map(move |l| (&m.title, l)))
        .collect();
    let at = all.iter().position(|(_, l)| l.key == key)?;
    let (module_title, l) = all[at];
    let link = |i: usize| {
        all.get(i).map(|(_, x)| {
            serde_json::json!({ "href": format!("{base}/lessons/{}", x.key), "title": text(&x.title, lang, default) })
        })
    };
    let mut ctx = Context::new();
    ctx.insert("base", base);
    ctx.insert("lesson_key", key);
    ctx.insert("course_title", &text(&doc.title, lang, default));
    ctx.insert("module_title", &text(module_title, lang, default));
    ctx.insert("lesson_title", &text(&l.title, lang, default));
    ctx.insert("kind", &l.kind);
    ctx.insert("required", &l.required);
    ctx.insert("body", &text(&l.html, lang, default));
    ctx.insert("position", &(at + 1));
    ctx.insert("count", &all.len());
    if let Some(prev) = at.checked_sub(1).and_then(link) {
        ctx.insert("previous", &prev);
    }
    if let Some(next) = link(at + 1) {
        ctx.insert("next", &next);
    }
    let file = |id: i32| {
        doc.media.get(&id).map(|m| {
            serde_json::json!({
                "href": media_url(portal, id, m), "name": m.name, "type": m.content_type,
                "size_kb": ((m.size + 1023) / 1024).max(1),
            })
        })
    };
    if let Some(v) = &l.content.video {
        let captions: Vec<_> = v
            .captions
            .iter()
            .filter_map(|(code, id)| {
                let language = Language::parse(code)?;
                let m = doc.media.get(id)?;
                Some(serde_json::json!({
                    "src": media_url(portal, *id, m), "lang": code, "label": language.native_name(),
                    "default": code == lang.code(),
                }))
            })
            .collect();
        ctx.insert(
            "video",
            &serde_json::json!({
                "file": v.media.and_then(file), "url": v.url, "captions": captions,
            }),
        );
        if !l.transcript_html.is_empty() {
            ctx.insert("transcript", &text(&l.transcript_html, lang, default));
        }
    }
    if let Some(f) = l.content.file.and_then(file) {
        ctx.insert("download", &f);
    }
    if let Some(q) = &l.content.quiz {
        let q = q.for_learner();
        ctx.insert(
            "quiz",
            &serde_json::json!({
                "questions": q.questions.len(), "points": q.points, "pass_mark": q.pass_mark,
                "attempts": q.attempts, "time_limit": q.time_limit_minutes,
            }),
        );
    }
    Some(ctx)
}

async fn lesson_page(
    portal: Portal,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, PortalError> {
    let (slug, key) = path.into_inner();
    let found = kuza_app::catalog::lesson_page(&portal.state.app, &slug, &key, portal.lang).await?;
    let (_, version) = &*found;
    let mut ctx = lesson_context(
        &portal,
        &version.document,
        &key,
        &format!("/courses/{slug}"),
    )
    .ok_or(AppError::NotFound)?;
    super::learning::lesson_panel(&portal, &found, &key, &mut ctx).await?;
    portal.render("lesson.html", ctx)
}
