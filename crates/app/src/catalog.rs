//! The catalog and the public pages of published courses: searches and
//! course pages come from the per-process cache; viewing a course page or
//! a lesson is counted.

use crate::published::Published;
use crate::{App, AppError, FieldProblem};
use kuza_courses::catalog::{Provider, Results, Search, SearchInput};
use kuza_i18n::Language;
use std::sync::Arc;

/// A search whose every filter must be valid (the API: `bad_query` names
/// each wrong one).
pub fn strict(input: &SearchInput) -> Result<Search, Vec<FieldProblem>> {
    Search::parse(input).map_err(|problems| {
        problems
            .iter()
            .map(|p| FieldProblem::new(&p.at, p.code))
            .collect()
    })
}

/// A search with the invalid filters left out (the portal's page, which
/// says that some were ignored: `true`), and the input without them.
pub fn lenient(mut input: SearchInput) -> Result<(Search, SearchInput, bool), AppError> {
    match Search::parse(&input) {
        Ok(s) => Ok((s, input, false)),
        Err(problems) => {
            for p in &problems {
                match p.at.as_str() {
                    "q" => input.q = None,
                    "format" => input.format = None,
                    "level" => input.level = None,
                    "language" => input.language = None,
                    "theme" => input.theme = None,
                    "sdg" => input.sdg = None,
                    "provider" => input.provider = None,
                    "sort" => input.sort = None,
                    _ => input.page = 1,
                }
            }
            // With every named filter gone, what is left parses.
            let s = Search::parse(&input).map_err(|p| AppError::Internal(format!("{p:?}")))?;
            Ok((s, input, true))
        }
    }
}

/// One page of results.
pub async fn search(app: &App, search: &Search) -> Result<Arc<Results>, AppError> {
    Ok(app.published.search(&app.db, search).await?)
}

/// The free themes of the published courses, for the filter.
pub async fn themes(app: &App) -> Result<Arc<Vec<String>>, AppError> {
    Ok(app.published.themes(&app.db).await?)
}

/// The providers of the published courses (the filter's choices, and the
/// names shown with their courses).
pub async fn providers(app: &App) -> Result<Arc<Vec<Provider>>, AppError> {
    Ok(app.published.providers(&app.db).await?)
}

/// A published course's page for a reader of `lang`: its current version;
/// the view is counted, with the language version shown.
pub async fn course_page(app: &App, slug: &str, lang: Language) -> Result<Published, AppError> {
    let p = crate::learning::published(app, slug).await?;
    crate::counts::course_view(&app.counts, p.0.id, version_language(&p, lang));
    Ok(p)
}

/// A lesson's page: the course's current version, if it has the lesson;
/// the view is counted, with the language version shown.
pub async fn lesson_page(
    app: &App,
    slug: &str,
    key: &str,
    lang: Language,
) -> Result<Published, AppError> {
    let p = crate::learning::published(app, slug).await?;
    if kuza_progress::lesson(&p.1.document, key).is_none() {
        return Err(AppError::NotFound);
    }
    crate::counts::lesson_view(&app.counts, p.0.id, key, version_language(&p, lang));
    Ok(p)
}

/// The language version a reader of `lang` is shown: theirs when the
/// course has it, else the course's default.
fn version_language(p: &Published, lang: Language) -> &str {
    let doc = &p.1.document;
    if doc.languages.iter().any(|l| l == lang.code()) {
        lang.code()
    } else {
        &doc.default_language
    }
}
