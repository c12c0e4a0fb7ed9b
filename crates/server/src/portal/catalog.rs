//! `/courses`: the catalog page. A GET form (search box and filter
//! selects) that works without JavaScript; result cards in the reader's
//! language, else the course's default language (marked with its own
//! `lang` and `dir`); paging links that keep the filters. A filter value
//! the page does not know (an old bookmark, a hand-edited address) is left
//! out with a notice rather than refused.

use super::Portal;
use crate::errors::PortalError;
use crate::pagination::Pager;
use actix_web::{HttpRequest, HttpResponse, web};
use kuza_courses::catalog::{self, Search, SearchInput};
use kuza_courses::values::{FORMATS, LEVELS};
use kuza_courses::{Translated, pick};
use kuza_i18n::Language;
use tera::Context;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/courses", web::get().to(catalog_page));
}

const PER_PAGE: u64 = 20;
/// Longest summary shown on a card, in characters.
const SUMMARY_CHARS: usize = 180;

fn text(t: &Translated, lang: Language, default: &str, max: usize) -> serde_json::Value {
    let (s, l) = pick(t, lang.code(), default);
    let dir = Language::parse(l).unwrap_or(Language::En).dir();
    let s = match s.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", s[..cut].trim_end()),
        None => s.to_owned(),
    };
    serde_json::json!({ "text": s, "lang": l, "dir": dir })
}

async fn catalog_page(portal: Portal, req: HttpRequest) -> Result<HttpResponse, PortalError> {
    // Read by hand rather than with `web::Query`: a repeated or malformed
    // parameter must not turn the page into an error.
    let pairs: Vec<(String, String)> =
        serde_urlencoded::from_str(req.query_string()).unwrap_or_default();
    let get = |k: &str| {
        pairs
            .iter()
            .find(|(key, v)| key == k && !v.trim().is_empty())
            .map(|(_, v)| v.trim().to_owned())
    };
    let mut input = SearchInput {
        q: get("q"),
        format: get("format"),
        level: get("level"),
        language: get("language"),
        theme: get("theme"),
        sdg: get("sdg"),
        sort: get("sort"),
        lang: portal.lang,
        page: get("page").and_then(|p| p.parse().ok()).unwrap_or(1),
        per_page: PER_PAGE,
    };
    let (search, ignored) = match Search::parse(&input) {
        Ok(s) => (s, false),
        Err(problems) => {
            for p in &problems {
                match p.at.as_str() {
                    "q" => input.q = None,
                    "format" => input.format = None,
                    "level" => input.level = None,
                    "language" => input.language = None,
                    "theme" => input.theme = None,
                    "sdg" => input.sdg = None,
                    "sort" => input.sort = None,
                    _ => input.page = 1,
                }
            }
            let s = Search::parse(&input).map_err(|p| PortalError::Internal(format!("{p:?}")))?;
            (s, true)
        }
    };
    let db = &portal.state.db;
    let results = catalog::search(db, &search).await?;
    let themes = catalog::themes(db).await?;

    let lang = portal.lang;
    let cards: Vec<_> = results
        .entries
        .iter()
        .map(|e| {
            let d = e.default_language.as_str();
            let languages: Vec<_> = e
                .languages
                .iter()
                .filter_map(|l| Language::parse(l))
                .map(|l| serde_json::json!({ "code": l.code(), "name": l.native_name() }))
                .collect();
            let sdgs: Vec<_> = e
                .themes
                .iter()
                .filter_map(|t| t.strip_prefix("sdg:"))
                .collect();
            serde_json::json!({
                "slug": e.slug,
                "title": text(&e.title, lang, d, 200),
                "summary": text(&e.summary, lang, d, SUMMARY_CHARS),
                "format": e.format,
                "level": e.level,
                "hours": ((e.estimated_minutes + 30) / 60).max(1),
                "languages": languages,
                "sdgs": sdgs,
            })
        })
        .collect();
    let chosen: Vec<(&str, Option<String>)> = vec![
        ("q", input.q.clone()),
        ("format", input.format.clone()),
        ("level", input.level.clone()),
        ("language", input.language.clone()),
        ("theme", input.theme.clone()),
        ("sdg", input.sdg.clone()),
        ("sort", input.sort.clone()),
    ];
    let params: Vec<(&str, Option<&str>)> =
        chosen.iter().map(|(k, v)| (*k, v.as_deref())).collect();
    let mut ctx = Context::new();
    for (k, v) in &chosen {
        ctx.insert(*k, &v.clone().unwrap_or_default());
    }
    ctx.insert("filtered", &chosen.iter().any(|(_, v)| v.is_some()));
    ctx.insert("ignored", &ignored);
    ctx.insert("cards", &cards);
    ctx.insert("total", &results.total);
    ctx.insert("formats", &FORMATS);
    ctx.insert("levels", &LEVELS);
    ctx.insert("sorts", &catalog::SORTS);
    ctx.insert(
        "sdg_goals",
        &(1..=17).map(|g: u8| g.to_string()).collect::<Vec<_>>(),
    );
    ctx.insert(
        "themes",
        &themes.iter().map(|(t, _)| t.as_str()).collect::<Vec<_>>(),
    );
    ctx.insert(
        "pager",
        &Pager::new(
            search.page,
            search.per_page,
            results.total,
            "/courses",
            &params,
        ),
    );
    portal.render("catalog.html", ctx)
}
