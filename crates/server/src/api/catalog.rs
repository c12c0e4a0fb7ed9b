//! `GET /api/v1/catalog`: the published courses, searched, filtered,
//! sorted and paginated (public, like the catalog page).

use super::iso;
use crate::errors::{ApiError, Problem};
use crate::pagination::{Page, PageQuery};
use crate::routes::{Access, Table, doc};
use crate::state::AppState;
use actix_web::http::Method;
use actix_web::{HttpResponse, web};
use kuza_app::{AppError, FieldProblem, catalog};
use kuza_courses::Translated;
use kuza_courses::catalog::{Entry, Provider, SearchInput};
use kuza_db::values::Code;
use kuza_i18n::Language;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::{IntoParams, ToSchema};

pub fn routes(t: &mut Table) {
    t.api(
        Method::GET,
        "/api/v1/catalog",
        Access::Public,
        list_catalog,
        doc::<__path_list_catalog>,
    );
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CatalogQuery {
    /// Words to find in the titles and summaries, in any of the six
    /// languages; every word must match. At most 200 characters.
    pub q: Option<String>,
    /// self_paced, facilitated, face_to_face or blended.
    pub format: Option<String>,
    /// introductory, intermediate or advanced.
    pub level: Option<String>,
    /// Courses offered in this language: ar, zh, en, fr, ru or es.
    pub language: Option<String>,
    /// A free theme tag, e.g. `housing`.
    pub theme: Option<String>,
    /// A Sustainable Development Goal (`11`, which also finds its targets
    /// such as `11.3`) or a target (`11.3`).
    pub sdg: Option<String>,
    /// A provider organisation's id: the courses it delivers.
    pub provider: Option<String>,
    /// relevance (the default when searching), newest (the default
    /// otherwise), title or duration (shortest first).
    pub sort: Option<String>,
    /// The language whose titles `sort=title` orders by (default en).
    pub lang: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct CatalogItem {
    pub slug: String,
    /// The current published version.
    pub version: i32,
    pub format: String,
    pub level: String,
    pub estimated_hours: f64,
    pub default_language: String,
    pub languages: Vec<String>,
    /// Free tags, and SDGs as `sdg:11` or targets as `sdg:11.3`.
    pub themes: Vec<String>,
    /// Text per language code.
    #[schema(value_type = kuza_courses::schema::Texts)]
    pub title: Translated,
    #[schema(value_type = kuza_courses::schema::Texts)]
    pub summary: Translated,
    /// The organisation that delivers it, if any.
    pub provider: Option<ProviderView>,
    /// First publication.
    pub published_at: String,
    /// Publication of the current version.
    pub updated_at: String,
}

/// An organisation that provides courses.
#[derive(Serialize, ToSchema)]
pub struct ProviderView {
    pub id: i32,
    pub name: String,
    /// The name in other languages, by language code.
    pub names: BTreeMap<String, String>,
}

impl From<&Provider> for ProviderView {
    fn from(p: &Provider) -> Self {
        ProviderView {
            id: p.id,
            name: p.name.clone(),
            names: p.names.clone(),
        }
    }
}

impl CatalogItem {
    fn of(e: &Entry, providers: &[Provider]) -> Self {
        CatalogItem {
            provider: e
                .provider
                .and_then(|id| providers.iter().find(|p| p.id == id))
                .map(ProviderView::from),
            slug: e.slug.clone(),
            version: e.version,
            format: e.format.code(),
            level: e.level.code(),
            estimated_hours: f64::from(e.estimated_minutes) / 60.0,
            default_language: e.default_language.clone(),
            languages: e.languages.clone(),
            themes: e.themes.clone(),
            title: e.title.clone(),
            summary: e.summary.clone(),
            published_at: iso(e.published_at),
            updated_at: iso(e.updated_at),
        }
    }
}

/// Published courses (public). Unknown filter values are refused with
/// `bad_query`, naming each parameter in `errors`.
#[utoipa::path(get, path = "/api/v1/catalog", tag = "catalog", params(CatalogQuery, PageQuery),
    responses((status = 200, body = Page<CatalogItem>), (status = 400, description = "`bad_query`: an unknown filter value or sort, a page beyond 10,000, a search over 200 characters", body = Problem)))]
pub async fn list_catalog(
    state: web::Data<AppState>,
    query: web::Query<CatalogQuery>,
    paging: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let (page, per_page) = paging.page_and_size()?;
    let q = query.into_inner();
    let lang = match q.lang.as_deref().filter(|l| !l.is_empty()) {
        None => Language::En,
        Some(l) => Language::parse(l)
            .filter(|x| x.code() == l)
            .ok_or_else(|| {
                ApiError(AppError::BadQuery(vec![FieldProblem::new(
                    "lang",
                    "language_invalid",
                )]))
            })?,
    };
    let search = catalog::strict(&SearchInput {
        q: q.q,
        format: q.format,
        level: q.level,
        language: q.language,
        theme: q.theme,
        sdg: q.sdg,
        provider: q.provider,
        sort: q.sort,
        lang,
        page,
        per_page,
    })
    .map_err(AppError::BadQuery)?;
    let results = catalog::search(&state.app, &search).await?;
    let providers = catalog::providers(&state.app).await?;
    Ok(HttpResponse::Ok().json(Page {
        items: results
            .entries
            .iter()
            .map(|e| CatalogItem::of(e, &providers))
            .collect(),
        page: search.page,
        per_page: search.per_page,
        total: results.total,
    }))
}
