//! The catalog: the published courses, searched and filtered.
//!
//! [`index`] writes a course's entry from the version being published (in
//! the publishing transaction) and [`remove`] takes it out when the course
//! is archived, so the catalog holds exactly the published courses at their
//! current version.
//!
//! Search matches every term against the titles and summaries in all six
//! languages, with the database's own full-text index:
//!
//! - SQLite: an FTS5 `trigram` table. Terms of three characters or more go
//!   to `MATCH` as quoted strings (so `"`, `*`, `-`, `NEAR` are plain text)
//!   and rank by `bm25`; shorter terms (a two-character Chinese word such
//!   as 城市) cannot use trigrams and fall back to `LIKE`.
//! - PostgreSQL: terms made only of letters and digits match word prefixes
//!   in a `simple` `tsvector` (`to_tsquery('simple', 'term:*')`, built from
//!   letters and digits only, so nothing in it is query syntax) and rank by
//!   `ts_rank`. Chinese terms (which `simple` does not split into words),
//!   Arabic terms (whose words carry attached prefixes, see
//!   [`needs_substring`]) and terms with punctuation inside fall back to
//!   `LIKE` on the text, served by a `pg_trgm` index where the extension
//!   exists.
//!
//! So SQLite matches any substring (`plan` finds `explanation`) while
//! PostgreSQL matches Latin and Cyrillic words by their beginning (`plan`
//! finds `planning`, not `explanation`).
//!
//! The search text is stored lower-cased and terms are lower-cased the
//! same way, so matching ignores case in every script on both backends.

use crate::draft::Course;
use crate::values::{Translated, parse_themes, pick};
use crate::versions::{self, Document};
use crate::{CourseError, Problem, problem};
use kuza_db::entities::{catalog_entry, catalog_facet, course_version};
use kuza_db::sql::Sql;
use kuza_db::values::{Code, Format, Level};
use kuza_db::{is_postgres, now};
use kuza_i18n::Language;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, FromQueryResult,
    QueryFilter, QuerySelect, Statement,
};
use std::collections::BTreeSet;

pub const SORTS: [&str; 4] = ["relevance", "newest", "title", "duration"];
/// Longest search text accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 200;
/// Terms beyond this many are ignored.
const MAX_TERMS: usize = 8;
/// Pages beyond this are refused (nobody reads them; offsets stay small).
pub const MAX_PAGE: u64 = 10_000;

/// A catalog query as it arrives: every filter optional, empty meaning "any".
#[derive(Debug, Clone)]
pub struct SearchInput {
    pub q: Option<String>,
    pub format: Option<String>,
    pub level: Option<String>,
    /// A course language code.
    pub language: Option<String>,
    /// A free theme tag.
    pub theme: Option<String>,
    /// A goal (`11`) or target (`11.3`); a goal also finds its targets.
    pub sdg: Option<String>,
    /// A provider organisation's id.
    pub provider: Option<String>,
    /// One of [`SORTS`]; default: relevance when searching, else newest.
    pub sort: Option<String>,
    /// The reader's language, for sorting by title.
    pub lang: Language,
    pub page: u64,
    pub per_page: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Sort {
    Relevance,
    Newest,
    Title,
    Duration,
}

/// A valid catalog query; equal queries give equal results (a cache key).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Search {
    terms: Vec<String>,
    format: Option<Format>,
    level: Option<Level>,
    language: Option<Language>,
    theme: Option<String>,
    sdg: Option<String>,
    provider: Option<i32>,
    pub sort: Sort,
    lang: Language,
    pub page: u64,
    pub per_page: u64,
}

fn given(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// The search terms: lower-cased words without the punctuation around
/// them, each kept once.
fn terms_of(q: &str) -> Vec<String> {
    let mut out: Vec<String> = vec![];
    // A control character (a NUL from `%00`) separates words like a space.
    for w in q
        .to_lowercase()
        .split(|c: char| c.is_whitespace() || c.is_control())
    {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if !w.is_empty() && !out.iter().any(|t| t == w) {
            out.push(w.to_owned());
        }
    }
    out.truncate(MAX_TERMS);
    out
}

impl Search {
    /// Checks every filter; says which ones are wrong (`field`, `code`).
    pub fn parse(input: &SearchInput) -> Result<Search, Vec<Problem>> {
        let mut problems = vec![];
        let terms = match given(&input.q) {
            Some(q) if q.chars().count() > MAX_QUERY_CHARS => {
                problems.push(problem("q", "query_too_long"));
                vec![]
            }
            Some(q) => terms_of(q),
            None => vec![],
        };
        let format = given(&input.format).and_then(|s| {
            Format::parse(s).or_else(|| {
                problems.push(problem("format", "format_invalid"));
                None
            })
        });
        let level = given(&input.level).and_then(|s| {
            Level::parse(s).or_else(|| {
                problems.push(problem("level", "level_invalid"));
                None
            })
        });
        let sort = given(&input.sort).and_then(|s| {
            SORTS.contains(&s).then(|| s.to_owned()).or_else(|| {
                problems.push(problem("sort", "sort_invalid"));
                None
            })
        });
        let language = given(&input.language).and_then(|l| {
            let lang = Language::parse(l).filter(|x| x.code() == l);
            if lang.is_none() {
                problems.push(problem("language", "language_invalid"));
            }
            lang
        });
        let mut sdg = given(&input.sdg).and_then(|s| {
            let s = s.to_lowercase();
            let tag = if s.starts_with("sdg:") {
                s
            } else {
                format!("sdg:{s}")
            };
            match parse_themes(&[tag]) {
                Ok(t) => t.first().map(|t| t.trim_start_matches("sdg:").to_owned()),
                Err(_) => {
                    problems.push(problem("sdg", "sdg_invalid"));
                    None
                }
            }
        });
        let mut theme = None;
        if let Some(t) = given(&input.theme) {
            match parse_themes(&[t.to_owned()]).as_deref() {
                Ok([t]) => match t.strip_prefix("sdg:") {
                    Some(goal) if sdg.is_none() => sdg = Some(goal.to_owned()),
                    Some(_) => {}
                    None => theme = Some(t.clone()),
                },
                _ => problems.push(problem("theme", "theme_invalid")),
            }
        }
        let provider = given(&input.provider).and_then(|p| {
            p.parse::<i32>().ok().filter(|id| *id > 0).or_else(|| {
                problems.push(problem("provider", "provider_invalid"));
                None
            })
        });
        if input.page > MAX_PAGE {
            problems.push(problem("page", "page_invalid"));
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let sort = match sort.as_deref() {
            Some("title") => Sort::Title,
            Some("duration") => Sort::Duration,
            Some("newest") => Sort::Newest,
            _ if !terms.is_empty() => Sort::Relevance,
            _ => Sort::Newest,
        };
        Ok(Search {
            terms,
            format,
            level,
            language,
            theme,
            sdg,
            provider,
            sort,
            lang: input.lang,
            page: input.page.max(1),
            per_page: input.per_page.clamp(1, 100),
        })
    }

    pub fn is_searching(&self) -> bool {
        !self.terms.is_empty()
    }
}

/// A course in the catalog.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub course_id: i32,
    pub slug: String,
    pub version: i32,
    pub format: Format,
    pub level: Level,
    pub estimated_minutes: i32,
    pub default_language: String,
    pub languages: Vec<String>,
    pub themes: Vec<String>,
    pub title: Translated,
    pub summary: Translated,
    /// The organisation that provides it (the course's, now).
    pub provider: Option<i32>,
    /// First publication (Unix seconds).
    pub published_at: i64,
    /// The current version's publication.
    pub updated_at: i64,
}

/// One page of results and how many there are in all.
#[derive(Debug, Clone)]
pub struct Results {
    pub entries: Vec<Entry>,
    pub total: u64,
}

fn list(s: &str) -> Vec<String> {
    s.split(',')
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect()
}

impl From<Row> for Entry {
    fn from(m: Row) -> Self {
        Entry {
            course_id: m.course_id,
            languages: list(&m.languages),
            themes: list(&m.themes),
            title: crate::draft::translated(&m.title),
            summary: crate::draft::translated(&m.summary),
            provider: m.provider_id,
            slug: m.slug,
            version: m.version,
            format: m.format,
            level: m.level,
            estimated_minutes: m.estimated_minutes,
            default_language: m.default_language,
            published_at: m.published_at,
            updated_at: m.updated_at,
        }
    }
}

/// The facet rows of a document: its languages, free themes, and SDG goals
/// and targets (a target brings its goal).
fn facets_of(doc: &Document) -> BTreeSet<(&'static str, String)> {
    let mut out = BTreeSet::new();
    for l in &doc.languages {
        out.insert(("language", l.clone()));
    }
    for t in &doc.themes {
        match t.strip_prefix("sdg:") {
            Some(code) => {
                if let Some((goal, _)) = code.split_once('.') {
                    out.insert(("sdg", goal.to_owned()));
                }
                out.insert(("sdg", code.to_owned()));
            }
            None => {
                out.insert(("theme", t.clone()));
            }
        }
    }
    out
}

/// Writes (or rewrites) the catalog entry of `course` from version
/// `version` being published. Call it in the publishing transaction.
pub async fn index(
    conn: &impl ConnectionTrait,
    course: &Course,
    version: i32,
    doc: &Document,
) -> Result<(), CourseError> {
    unindex(conn, course.id).await?;
    let first: Option<i64> = course_version::Entity::find()
        .filter(course_version::Column::CourseId.eq(course.id))
        .select_only()
        .column_as(course_version::Column::PublishedAt.min(), "first")
        .into_tuple::<Option<i64>>()
        .one(conn)
        .await?
        .flatten();
    let t = now();
    let default = doc.default_language.as_str();
    let sort = |l: Language| pick(&doc.title, l.code(), default).0.to_lowercase();
    let search_text = doc
        .title
        .values()
        .chain(doc.summary.values())
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join("\n")
        .to_lowercase();
    catalog_entry::Entity::insert(catalog_entry::ActiveModel {
        course_id: Set(course.id),
        slug: Set(doc.slug.clone()),
        version: Set(version),
        format: Set(doc.format),
        level: Set(doc.level),
        estimated_minutes: Set(doc.estimated_minutes),
        default_language: Set(default.to_owned()),
        languages: Set(doc.languages.join(",")),
        themes: Set(doc.themes.join(",")),
        title: Set(serde_json::to_string(&doc.title).unwrap_or_else(|_| "{}".into())),
        summary: Set(serde_json::to_string(&doc.summary).unwrap_or_else(|_| "{}".into())),
        search_text: Set(search_text.clone()),
        sort_ar: Set(sort(Language::Ar)),
        sort_zh: Set(sort(Language::Zh)),
        sort_en: Set(sort(Language::En)),
        sort_fr: Set(sort(Language::Fr)),
        sort_ru: Set(sort(Language::Ru)),
        sort_es: Set(sort(Language::Es)),
        published_at: Set(first.unwrap_or(t)),
        updated_at: Set(t),
    })
    .exec_without_returning(conn)
    .await?;
    let facets: Vec<_> = facets_of(doc)
        .into_iter()
        .map(|(facet, value)| catalog_facet::ActiveModel {
            facet: Set(facet.to_owned()),
            value: Set(value),
            course_id: Set(course.id),
        })
        .collect();
    if !facets.is_empty() {
        catalog_facet::Entity::insert_many(facets)
            .exec_without_returning(conn)
            .await?;
    }
    let themes: Vec<&String> = doc
        .themes
        .iter()
        .filter(|t| !t.starts_with("sdg:"))
        .collect();
    if !themes.is_empty() {
        let mut sql = Sql::new(conn.get_database_backend());
        sql.push("INSERT INTO catalog_themes (value) VALUES ");
        for (i, t) in themes.iter().enumerate() {
            sql.push(if i == 0 { "(" } else { ", (" })
                .bind((*t).clone())
                .push(")");
        }
        sql.push(" ON CONFLICT (value) DO NOTHING");
        conn.execute(sql.statement()).await?;
    }
    if !is_postgres(conn) {
        conn.execute(Statement::from_sql_and_values(
            DbBackend::Sqlite,
            "INSERT INTO catalog_fts (rowid, search_text) VALUES (?, ?)",
            [course.id.into(), search_text.into()],
        ))
        .await?;
    }
    changed(conn).await
}

/// The PostgreSQL channel notified when the published courses change.
pub const CHANGES_CHANNEL: &str = "kuza_published";

/// Records, in the caller's transaction, that the published courses
/// changed (published, archived, or their enrolment settings): the
/// `published` generation goes up and, on PostgreSQL, the other processes
/// are notified when the transaction commits.
pub async fn changed(conn: &impl ConnectionTrait) -> Result<(), CourseError> {
    conn.execute_unprepared(
        "UPDATE changes SET generation = generation + 1 WHERE name = 'published'",
    )
    .await?;
    if is_postgres(conn) {
        conn.execute_unprepared(&format!("NOTIFY {CHANGES_CHANNEL}"))
            .await?;
    }
    Ok(())
}

/// How many times the published courses have changed: a process that
/// caches what they show compares this with what it last saw.
pub async fn generation(conn: &impl ConnectionTrait) -> Result<i64, CourseError> {
    let row = conn
        .query_one(Statement::from_string(
            conn.get_database_backend(),
            "SELECT generation FROM changes WHERE name = 'published'",
        ))
        .await?
        .ok_or_else(|| CourseError::Db(sea_orm::DbErr::RecordNotFound("changes".into())))?;
    Ok(row.try_get_by_index(0)?)
}

/// Takes a course out of the catalog (archived). Doing it twice is harmless.
pub async fn remove(conn: &impl ConnectionTrait, course_id: i32) -> Result<(), CourseError> {
    unindex(conn, course_id).await?;
    changed(conn).await
}

async fn unindex(conn: &impl ConnectionTrait, course_id: i32) -> Result<(), CourseError> {
    let themes: Vec<String> = catalog_facet::Entity::find()
        .filter(catalog_facet::Column::CourseId.eq(course_id))
        .filter(catalog_facet::Column::Facet.eq("theme"))
        .select_only()
        .column(catalog_facet::Column::Value)
        .into_tuple()
        .all(conn)
        .await?;
    catalog_facet::Entity::delete_many()
        .filter(catalog_facet::Column::CourseId.eq(course_id))
        .exec(conn)
        .await?;
    if !themes.is_empty() {
        // The themes no other published course has leave the list. On
        // PostgreSQL, a course gaining the same theme in a concurrent,
        // uncommitted publication is not seen here, so the theme can drop
        // out of the list until the next publication that has it; the
        // filter itself reads the facets and stays exact.
        let mut sql = Sql::new(conn.get_database_backend());
        sql.push("DELETE FROM catalog_themes WHERE value IN (");
        for (i, t) in themes.into_iter().enumerate() {
            if i > 0 {
                sql.push(", ");
            }
            sql.bind(t);
        }
        sql.push(
            ") AND NOT EXISTS (SELECT 1 FROM catalog_facets f \
             WHERE f.facet = 'theme' AND f.value = catalog_themes.value)",
        );
        conn.execute(sql.statement()).await?;
    }
    catalog_entry::Entity::delete_by_id(course_id)
        .exec(conn)
        .await?;
    if !is_postgres(conn) {
        conn.execute(Statement::from_sql_and_values(
            DbBackend::Sqlite,
            "DELETE FROM catalog_fts WHERE rowid = ?",
            [course_id.into()],
        ))
        .await?;
    }
    Ok(())
}

/// Indexes every published course that has no catalog entry (courses
/// published before the catalog existed); returns how many. Cheap when
/// there are none, so it runs at every start.
pub async fn index_missing(conn: &impl ConnectionTrait) -> Result<usize, CourseError> {
    let backend = conn.get_database_backend();
    let slugs: Vec<String> = conn
        .query_all(Statement::from_string(
            backend,
            "SELECT c.slug FROM courses c WHERE c.status = 'published' AND NOT EXISTS \
             (SELECT 1 FROM catalog_entries e WHERE e.course_id = c.id)",
        ))
        .await?
        .iter()
        .map(|r| r.try_get::<String>("", "slug"))
        .collect::<Result<_, _>>()?;
    for slug in &slugs {
        let (c, v) = versions::published(conn, slug).await?;
        index(conn, &c, v.number, &v.document).await?;
    }
    Ok(slugs.len())
}

/// `%term%` for `LIKE … ESCAPE '\'`.
fn like_pattern(term: &str) -> String {
    let mut p = String::from("%");
    for c in term.chars() {
        if matches!(c, '%' | '_' | '\\') {
            p.push('\\');
        }
        p.push(c);
    }
    p.push('%');
    p
}

/// Characters whose words a `simple` `tsvector` cannot find by prefix:
/// Chinese, Japanese and Korean, which it keeps as one long "word" per run
/// of characters; and Arabic, which attaches the conjunction, the article
/// and prepositions to the word (و، ال، ب، ل), so مترابطة is inside the
/// word ومترابطة rather than at its start.
fn needs_substring(c: char) -> bool {
    matches!(c as u32,
        0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF
        | 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF
        | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x20000..=0x2FA1F)
}

/// How each term is matched on this backend.
struct Plan {
    /// SQLite: an FTS5 `MATCH` expression; PostgreSQL: a `to_tsquery` text.
    full_text: Option<String>,
    /// Terms matched with `LIKE` on the lower-cased text.
    like: Vec<String>,
}

fn plan(backend: DbBackend, terms: &[String]) -> Plan {
    let mut full_text = vec![];
    let mut like = vec![];
    for t in terms {
        if backend == DbBackend::Postgres {
            if t.chars().all(char::is_alphanumeric) && !t.chars().any(needs_substring) {
                full_text.push(format!("{t}:*"));
            } else {
                like.push(t.clone());
            }
        } else if t.chars().count() >= 3 {
            // A quoted FTS5 string: `""` is a quote; nothing else is syntax.
            full_text.push(format!("\"{}\"", t.replace('"', "\"\"")));
        } else {
            like.push(t.clone());
        }
    }
    let joiner = if backend == DbBackend::Postgres {
        " & "
    } else {
        " "
    };
    Plan {
        full_text: (!full_text.is_empty()).then(|| full_text.join(joiner)),
        like,
    }
}

/// What a result needs (not the search text or the sort keys).
const COLUMNS: &str = "e.course_id, e.slug, e.version, e.format, e.level, e.estimated_minutes, \
    e.default_language, e.languages, e.themes, e.title, e.summary, e.published_at, e.updated_at, \
    (SELECT c.organisation_id FROM courses c WHERE c.id = e.course_id) AS provider_id";

#[derive(FromQueryResult)]
struct Row {
    course_id: i32,
    slug: String,
    version: i32,
    format: Format,
    level: Level,
    estimated_minutes: i32,
    default_language: String,
    languages: String,
    themes: String,
    title: String,
    summary: String,
    published_at: i64,
    updated_at: i64,
    provider_id: Option<i32>,
}

impl Search {
    /// SQLite: the full-text matches and their rank, computed on their own
    /// (`bm25()` only works inside the full-text query, and the window
    /// function that counts the results would take it out of there).
    fn with(&self, sql: &mut Sql, plan: &Plan) {
        if let (Some(ft), DbBackend::Sqlite) = (&plan.full_text, sql.backend()) {
            sql.push(
                "WITH m AS MATERIALIZED (SELECT rowid AS id, bm25(catalog_fts) AS rank \
                 FROM catalog_fts WHERE catalog_fts MATCH ",
            )
            .bind(ft.clone())
            .push(") ");
        }
    }

    /// `FROM … WHERE …` for this search.
    fn tables_and_conditions(&self, sql: &mut Sql, plan: &Plan) {
        let pg = sql.backend() == DbBackend::Postgres;
        sql.push(" FROM catalog_entries e");
        if plan.full_text.is_some() && !pg {
            sql.push(" JOIN m ON m.id = e.course_id");
        }
        sql.push(" WHERE 1 = 1");
        if let (Some(ft), true) = (&plan.full_text, pg) {
            sql.push(" AND e.search_tsv @@ to_tsquery('simple', ")
                .bind(ft.clone())
                .push(")");
        }
        for t in &plan.like {
            sql.push(" AND e.search_text LIKE ")
                .bind(like_pattern(t))
                .push(" ESCAPE '\\'");
        }
        if let Some(f) = &self.format {
            sql.push(" AND e.format = ").bind(f.code());
        }
        if let Some(l) = &self.level {
            sql.push(" AND e.level = ").bind(l.code());
        }
        for (facet, value) in [
            ("language", self.language.map(|l| l.code().to_owned())),
            ("theme", self.theme.clone()),
            ("sdg", self.sdg.clone()),
        ] {
            if let Some(v) = value {
                sql.push(" AND EXISTS (SELECT 1 FROM catalog_facets x WHERE x.facet = ")
                    .bind(facet)
                    .push(" AND x.value = ")
                    .bind(v)
                    .push(" AND x.course_id = e.course_id)");
            }
        }
        // The provider is the course's now (it applies without a new
        // version), so it is read from the course, not the entry.
        if let Some(p) = self.provider {
            sql.push(" AND EXISTS (SELECT 1 FROM courses c WHERE c.id = e.course_id AND c.organisation_id = ")
                .bind(p)
                .push(")");
        }
    }

    fn order_by(&self, sql: &mut Sql, plan: &Plan) {
        let pg = sql.backend() == DbBackend::Postgres;
        sql.push(" ORDER BY ");
        match (self.sort, &plan.full_text) {
            (Sort::Relevance, Some(ft)) if pg => {
                sql.push("ts_rank(e.search_tsv, to_tsquery('simple', ")
                    .bind(ft.clone())
                    .push(")) DESC, ");
            }
            (Sort::Relevance, Some(_)) => {
                sql.push("m.rank ASC, ");
            }
            (Sort::Title, _) => {
                // The column name comes from the closed set of languages.
                sql.push(&format!("e.sort_{} ASC, ", self.lang.code()));
            }
            (Sort::Duration, _) => {
                sql.push("e.estimated_minutes ASC, ");
            }
            _ => {}
        }
        sql.push("e.published_at DESC, e.course_id DESC");
    }
}

#[derive(FromQueryResult)]
struct Count {
    total: i64,
}

/// One page of the published courses matching `search`, and the total.
pub async fn search(conn: &impl ConnectionTrait, search: &Search) -> Result<Results, CourseError> {
    let backend = conn.get_database_backend();
    let plan = plan(backend, &search.terms);
    let pg = backend == DbBackend::Postgres;
    let offset = (search.page - 1) * search.per_page;
    let count = || {
        let mut sql = Sql::new(backend);
        search.with(&mut sql, &plan);
        sql.push("SELECT COUNT(*) AS total");
        search.tables_and_conditions(&mut sql, &plan);
        Count::find_by_statement(sql.statement()).one(conn)
    };
    // SQLite counts from an index without reading the rows, and the page
    // query then reads only its own rows; PostgreSQL counts in the page
    // query (a window over the matches), so a search scans once.
    let mut total = None;
    if !pg {
        let n = count().await?.map_or(0, |c| c.total.max(0) as u64);
        if offset >= n {
            return Ok(Results {
                entries: vec![],
                total: n,
            });
        }
        total = Some(n);
    }
    let mut sql = Sql::new(backend);
    search.with(&mut sql, &plan);
    sql.push("SELECT ").push(COLUMNS);
    if pg {
        sql.push(", COUNT(*) OVER () AS total");
    }
    search.tables_and_conditions(&mut sql, &plan);
    search.order_by(&mut sql, &plan);
    sql.push(" LIMIT ")
        .bind(search.per_page as i64)
        .push(" OFFSET ")
        .bind(offset as i64);
    let rows = conn.query_all(sql.statement()).await?;
    let total = match (total, rows.first()) {
        (Some(n), _) => n,
        (None, Some(r)) => r.try_get::<i64>("", "total")?.max(0) as u64,
        // Past the last page: count on its own.
        (None, None) if search.page > 1 => count().await?.map_or(0, |c| c.total.max(0) as u64),
        (None, None) => 0,
    };
    Ok(Results {
        entries: rows
            .iter()
            .map(|r| Row::from_query_result(r, "").map(Entry::from))
            .collect::<Result<_, _>>()?,
        total,
    })
}

/// The free themes of the published courses, by name (at most 200).
/// Read from `catalog_themes`, which [`index`] and [`remove`] keep, rather
/// than grouped from the facets on every page view.
pub async fn themes(conn: &impl ConnectionTrait) -> Result<Vec<String>, CourseError> {
    let rows = conn
        .query_all(Statement::from_string(
            conn.get_database_backend(),
            "SELECT value FROM catalog_themes ORDER BY value LIMIT 200",
        ))
        .await?;
    Ok(rows
        .iter()
        .map(|r| r.try_get::<String>("", "value"))
        .collect::<Result<_, _>>()?)
}

/// An organisation that provides published courses, with its names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Provider {
    pub id: i32,
    pub name: String,
    /// The name in other languages, by language code.
    pub names: std::collections::BTreeMap<String, String>,
}

impl Provider {
    /// Its name in `lang`, else its name.
    pub fn name_in(&self, lang: Language) -> &str {
        self.names.get(lang.code()).unwrap_or(&self.name)
    }
}

/// The providers of published courses, by name: the catalog's filter, and
/// the names its cards and the course pages show.
pub async fn providers(conn: &impl ConnectionTrait) -> Result<Vec<Provider>, CourseError> {
    let mut sql = Sql::new(conn.get_database_backend());
    sql.push("SELECT o.id, o.name, o.names FROM organisations o WHERE o.provider = ")
        .bind(true)
        .push(
            " AND EXISTS (SELECT 1 FROM courses c JOIN catalog_entries e ON e.course_id = c.id \
         WHERE c.organisation_id = o.id) ORDER BY o.name",
        );
    let rows = conn.query_all(sql.statement()).await?;
    rows.iter()
        .map(|r| {
            Ok(Provider {
                id: r.try_get("", "id")?,
                name: r.try_get("", "name")?,
                names: serde_json::from_str(&r.try_get::<String>("", "names")?).unwrap_or_default(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> SearchInput {
        SearchInput {
            q: None,
            format: None,
            level: None,
            language: None,
            theme: None,
            sdg: None,
            provider: None,
            sort: None,
            lang: Language::En,
            page: 1,
            per_page: 20,
        }
    }

    #[test]
    fn terms_drop_surrounding_punctuation_and_repeats() {
        assert_eq!(
            terms_of("  \"Urban* -planning NEAR(x) urban 城市 "),
            ["urban", "planning", "near(x", "城市"]
        );
        assert!(terms_of("\" * - ( )").is_empty());
        assert_eq!(terms_of("a\u{0}b\u{1}"), ["a", "b"]);
    }

    #[test]
    fn fts5_terms_are_quoted_and_short_ones_use_like() {
        let p = plan(
            DbBackend::Sqlite,
            &["ab\"c".to_owned(), "城市".to_owned(), "near".to_owned()],
        );
        assert_eq!(p.full_text.as_deref(), Some("\"ab\"\"c\" \"near\""));
        assert_eq!(p.like, ["城市"]);
        let p = plan(
            DbBackend::Postgres,
            &[
                "habitat".to_owned(),
                "城市规划".to_owned(),
                "l'eau".to_owned(),
                "مترابطة".to_owned(),
                "город".to_owned(),
            ],
        );
        assert_eq!(p.full_text.as_deref(), Some("habitat:* & город:*"));
        assert_eq!(p.like, ["城市规划", "l'eau", "مترابطة"]);
        assert_eq!(like_pattern("50%_a\\"), "%50\\%\\_a\\\\%");
    }

    #[test]
    fn unknown_filter_values_are_named() {
        let bad = SearchInput {
            format: Some("webinar".into()),
            level: Some("expert".into()),
            language: Some("de".into()),
            sdg: Some("18".into()),
            sort: Some("random".into()),
            page: MAX_PAGE + 1,
            ..input()
        };
        let fields: Vec<_> = Search::parse(&bad)
            .unwrap_err()
            .into_iter()
            .map(|p| p.at)
            .collect();
        assert_eq!(
            fields,
            ["format", "level", "sort", "language", "sdg", "page"]
        );
    }

    #[test]
    fn sdg_filters_accept_goals_and_targets_and_sorting_defaults_to_relevance_when_searching() {
        let s = Search::parse(&SearchInput {
            sdg: Some("11".into()),
            q: Some("housing".into()),
            ..input()
        })
        .unwrap();
        assert_eq!((s.sdg.as_deref(), s.sort), (Some("11"), Sort::Relevance));
        let s = Search::parse(&SearchInput {
            sdg: Some("sdg:6.a".into()),
            sort: Some("relevance".into()),
            ..input()
        })
        .unwrap();
        assert_eq!((s.sdg.as_deref(), s.sort), (Some("6.a"), Sort::Newest));
    }
}
