//! `/courses`: the catalog page. A GET form (search box and filter
//! selects) that works without JavaScript; result cards in the reader's
//! language, else the course's default language (marked with its own
//! `lang` and `dir`); paging links that keep the filters. A filter value
//! the page does not know (an old bookmark, a hand-edited address) is left
//! out with a notice rather than refused.
//!
//! The page is the catalog's hot path, so its labels are looked up here once
//! each and its `<option>`s built as HTML (escaped) rather than through a
//! template function call per option and per card.

use super::Portal;
use crate::errors::PortalError;
use crate::pagination::Pager;
use crate::routes::{Access, Table};
use actix_web::http::Method;
use actix_web::{HttpRequest, HttpResponse};
use kuza_app::catalog;
use kuza_courses::catalog::{SORTS, SearchInput};
use kuza_courses::{Translated, pick};
use kuza_db::values::{Code, Format, Level};
use kuza_i18n::{Language, escape_html};
use std::collections::HashMap;
use tera::Context;

pub fn routes(t: &mut Table) {
    t.page(Method::GET, "/courses", Access::Public, catalog_page);
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

/// `<option>`s: "any" first, then each `(value, label)`, `selected` marked;
/// with `lang`, each option says its value is its language.
fn options(any: &str, items: &[(String, String)], selected: Option<&str>, lang: bool) -> String {
    let mut html = format!("<option value=\"\">{}</option>", escape_html(any));
    for (value, label) in items {
        let mark = if Some(value.as_str()) == selected {
            " selected"
        } else {
            ""
        };
        let value = escape_html(value);
        let lang = if lang {
            format!(" lang=\"{value}\"")
        } else {
            String::new()
        };
        html.push_str(&format!(
            "<option value=\"{value}\"{lang}{mark}>{}</option>",
            escape_html(label)
        ));
    }
    html
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
    let input = SearchInput {
        q: get("q"),
        format: get("format"),
        level: get("level"),
        language: get("language"),
        theme: get("theme"),
        sdg: get("sdg"),
        provider: get("provider"),
        sort: get("sort"),
        lang: portal.lang,
        page: get("page").and_then(|p| p.parse().ok()).unwrap_or(1),
        per_page: PER_PAGE,
    };
    let (search, input, ignored) = catalog::lenient(input)?;
    let results = catalog::search(&portal.state.app, &search).await?;
    let themes = catalog::themes(&portal.state.app).await?;
    let providers = catalog::providers(&portal.state.app).await?;
    let provider_name = |id: Option<i32>| {
        id.and_then(|id| providers.iter().find(|p| p.id == id))
            .map(|p| p.name_in(portal.lang).to_owned())
    };

    let lang = portal.lang;
    let labelled = |prefix: &str, codes: Vec<String>| -> Vec<(String, String)> {
        codes
            .into_iter()
            .map(|c| {
                let label = portal.t(&format!("{prefix}{c}"), &[]);
                (c, label)
            })
            .collect()
    };
    let formats = labelled("course-format-", names::<Format>());
    let levels = labelled("course-level-", names::<Level>());
    let label_of = |list: &[(String, String)], code: &str| {
        list.iter()
            .find(|(c, _)| c == code)
            .map_or_else(|| code.to_owned(), |(_, l)| l.clone())
    };
    let mut sdg_labels: HashMap<String, String> = HashMap::new();
    let mut sdg_label = |code: &str| {
        sdg_labels
            .entry(code.to_owned())
            .or_insert_with(|| portal.t("catalog-sdg-goal", &[("goal", code.into())]))
            .clone()
    };
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
            let sdgs: Vec<String> = e
                .themes
                .iter()
                .filter_map(|t| t.strip_prefix("sdg:"))
                .map(&mut sdg_label)
                .collect();
            let hours = i64::from(((e.estimated_minutes + 30) / 60).max(1));
            let facts = format!(
                "{} · {} · {}",
                label_of(&formats, &e.format.code()),
                label_of(&levels, &e.level.code()),
                portal.t("course-hours", &[("hours", hours.into())])
            );
            serde_json::json!({
                "slug": e.slug,
                "title": text(&e.title, lang, d, 200),
                "summary": text(&e.summary, lang, d, SUMMARY_CHARS),
                "facts": facts,
                "languages": languages,
                "sdgs": sdgs,
                "provider": provider_name(e.provider),
            })
        })
        .collect();

    let any = portal.t("catalog-any", &[]);
    let languages: Vec<(String, String)> = Language::ALL
        .iter()
        .map(|l| (l.code().to_owned(), l.native_name().to_owned()))
        .collect();
    let theme_items: Vec<(String, String)> =
        themes.iter().map(|t| (t.clone(), t.clone())).collect();
    let goals: Vec<(String, String)> = (1..=17u8)
        .map(|g| (g.to_string(), sdg_label(&g.to_string())))
        .collect();
    let provider_items: Vec<(String, String)> = providers
        .iter()
        .map(|p| (p.id.to_string(), p.name_in(lang).to_owned()))
        .collect();
    let sorts = labelled("catalog-sort-", SORTS.map(str::to_owned).to_vec());
    let mut ctx = Context::new();
    ctx.insert(
        "format_options",
        &options(&any, &formats, input.format.as_deref(), false),
    );
    ctx.insert(
        "level_options",
        &options(&any, &levels, input.level.as_deref(), false),
    );
    ctx.insert(
        "language_options",
        &options(&any, &languages, input.language.as_deref(), true),
    );
    ctx.insert(
        "theme_options",
        &options(&any, &theme_items, input.theme.as_deref(), false),
    );
    ctx.insert(
        "sdg_options",
        &options(&any, &goals, input.sdg.as_deref(), false),
    );
    ctx.insert("has_providers", &!provider_items.is_empty());
    ctx.insert(
        "provider_options",
        &options(&any, &provider_items, input.provider.as_deref(), false),
    );
    ctx.insert(
        "sort_options",
        &options(
            &portal.t("catalog-sort-default", &[]),
            &sorts,
            input.sort.as_deref(),
            false,
        ),
    );
    let chosen: [(&str, Option<&str>); 8] = [
        ("q", input.q.as_deref()),
        ("format", input.format.as_deref()),
        ("level", input.level.as_deref()),
        ("language", input.language.as_deref()),
        ("theme", input.theme.as_deref()),
        ("sdg", input.sdg.as_deref()),
        ("provider", input.provider.as_deref()),
        ("sort", input.sort.as_deref()),
    ];
    ctx.insert("q", input.q.as_deref().unwrap_or_default());
    ctx.insert("filtered", &chosen.iter().any(|(_, v)| v.is_some()));
    ctx.insert("ignored", &ignored);
    ctx.insert("cards", &cards);
    ctx.insert(
        "count",
        &portal.t("catalog-count", &[("count", (results.total as i64).into())]),
    );
    ctx.insert(
        "pager",
        &Pager::new(
            search.page,
            search.per_page,
            results.total,
            "/courses",
            &chosen,
        ),
    );
    portal.render("catalog.html", ctx)
}

/// Every stored name of an enum, in order.
fn names<T: Code>() -> Vec<String> {
    T::all().iter().map(Code::code).collect()
}
