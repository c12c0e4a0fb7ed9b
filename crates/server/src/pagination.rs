//! Paging for every list, in the API and the portal.

use kuza_app::{AppError, FieldProblem};
use kuza_courses::catalog::MAX_PAGE;
use serde::{Deserialize, Serialize};

pub const MAX_PER_PAGE: u64 = 100;
const DEFAULT_PER_PAGE: u64 = 20;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// Page number, from 1 to 10,000.
    pub page: Option<u64>,
    /// Items per page, 1 to 100 (default 20).
    pub per_page: Option<u64>,
}

impl PageQuery {
    /// `(page, per_page)`: the size clamped to sane bounds, a page beyond
    /// [`MAX_PAGE`] refused (`bad_query`), so that no offset overflows.
    pub fn page_and_size(&self) -> Result<(u64, u64), AppError> {
        let page = self.page.unwrap_or(1).max(1);
        if page > MAX_PAGE {
            return Err(AppError::BadQuery(vec![FieldProblem::new(
                "page",
                "page_invalid",
            )]));
        }
        Ok((
            page,
            self.per_page
                .unwrap_or(DEFAULT_PER_PAGE)
                .clamp(1, MAX_PER_PAGE),
        ))
    }
}

/// An API page of items.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub page: u64,
    pub per_page: u64,
    pub total: u64,
}

impl<T> Page<T> {
    /// The page `page` (of `per_page`) of a whole list read at once (the
    /// caller's own records, a handful), each item made by `view`.
    pub fn of<U>(all: Vec<U>, page: u64, per_page: u64, view: impl FnMut(U) -> T) -> Page<T> {
        let total = all.len() as u64;
        let items = all
            .into_iter()
            .skip(((page - 1) * per_page) as usize)
            .take(per_page as usize)
            .map(view)
            .collect();
        Page {
            items,
            page,
            per_page,
            total,
        }
    }
}

/// Links for a portal pager.
#[derive(Debug, Serialize)]
pub struct Pager {
    pub page: u64,
    pub pages: u64,
    pub previous: Option<String>,
    pub next: Option<String>,
}

impl Pager {
    pub fn new(
        page: u64,
        per_page: u64,
        total: u64,
        base: &str,
        params: &[(&str, Option<&str>)],
    ) -> Pager {
        let pages = total.div_ceil(per_page).max(1);
        let link = |p: u64| {
            let mut q: Vec<(&str, String)> = params
                .iter()
                .filter_map(|(k, v)| v.filter(|v| !v.is_empty()).map(|v| (*k, v.to_owned())))
                .collect();
            q.push(("page", p.to_string()));
            format!(
                "{base}?{}",
                serde_urlencoded::to_string(q).unwrap_or_default()
            )
        };
        Pager {
            page,
            pages,
            previous: (page > 1).then(|| link(page - 1)),
            next: (page < pages).then(|| link(page + 1)),
        }
    }
}
