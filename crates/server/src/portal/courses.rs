//! The public page of a published course, in the reader's language where
//! the course offers it, else in the course's default language (marked with
//! its own `lang` and `dir`).

use super::Portal;
use crate::errors::PortalError;
use actix_web::{HttpResponse, web};
use kuza_courses::{Document, Translated, pick, versions};
use kuza_i18n::Language;
use tera::Context;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/courses/{slug}", web::get().to(course_page));
}

fn text(t: &Translated, lang: Language, default: &str) -> serde_json::Value {
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
                .map(|l| serde_json::json!({ "title": text(&l.title, lang, default), "required": l.required, "kind": l.kind }))
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
    let (course, version) = versions::published(&portal.state.db, &slug).await?;
    crate::counts::course_view(&portal.state.counts, course.id);
    let ctx = course_context(
        &portal,
        &version.document,
        Some((version.number, version.published_at)),
    );
    portal.render("course.html", ctx)
}
