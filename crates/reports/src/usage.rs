//! Use of the content: course page views, lesson views and file downloads
//! (counted as they happen, `view_counts`) per month, and the views per
//! language version of the courses (the language the page was shown in).
//! Views are not people: nothing here is suppressed.

use kuza_db::sql::Sql;
use sea_orm::{ConnectionTrait, DbErr};
use std::collections::BTreeMap;

/// Views and downloads of one month or one language.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Use {
    pub course_views: u64,
    pub lesson_views: u64,
    /// Per month only: files are not in one language.
    pub downloads: u64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Usage {
    /// `YYYY-MM` → use.
    pub months: BTreeMap<String, Use>,
    /// Language code → views of that language version.
    pub languages: BTreeMap<String, Use>,
}

/// The use of the courses (`None`: all; optionally of one format) over the
/// days `[from, to)` (days since the Unix epoch).
pub async fn usage(
    conn: &impl ConnectionTrait,
    courses: Option<&[i32]>,
    format: Option<&str>,
    from: i64,
    to: i64,
) -> Result<Usage, DbErr> {
    let mut sql = Sql::new(conn.get_database_backend());
    sql.push(
        "SELECT v.subject, \
         CASE WHEN v.subject IN ('course_language', 'lesson_language') THEN v.subject_key ELSE '' END, \
         CAST(v.day AS BIGINT), CAST(SUM(v.count) AS BIGINT) \
         FROM view_counts v JOIN courses c ON c.id = v.course_id \
         WHERE v.subject IN ('course', 'lesson', 'media', 'course_language', 'lesson_language') \
         AND v.day >= ",
    )
    .bind(from);
    sql.push(" AND v.day < ").bind(to);
    if let Some(ids) = courses {
        if ids.is_empty() {
            return Ok(Usage::default());
        }
        sql.push(" AND v.course_id IN (");
        for (i, id) in ids.iter().enumerate() {
            if i > 0 {
                sql.push(", ");
            }
            sql.bind(*id);
        }
        sql.push(")");
    }
    if let Some(f) = format {
        sql.push(" AND c.format = ").bind(f.to_owned());
    }
    sql.push(" GROUP BY 1, 2, 3");
    let mut out = Usage::default();
    for r in conn.query_all(sql.statement()).await? {
        let subject: String = r.try_get_by_index(0)?;
        let key: String = r.try_get_by_index(1)?;
        let day: i64 = r.try_get_by_index::<Option<i64>>(2)?.unwrap_or(0);
        let n = r.try_get_by_index::<Option<i64>>(3)?.unwrap_or(0).max(0) as u64;
        let month = chrono::DateTime::from_timestamp(day * 86_400, 0)
            .map_or_else(String::new, |d| d.format("%Y-%m").to_string());
        let lang = key.rsplit(':').next().unwrap_or_default().to_owned();
        match subject.as_str() {
            "course" => out.months.entry(month).or_default().course_views += n,
            "lesson" => out.months.entry(month).or_default().lesson_views += n,
            "media" => out.months.entry(month).or_default().downloads += n,
            "course_language" => out.languages.entry(lang).or_default().course_views += n,
            _ => out.languages.entry(lang).or_default().lesson_views += n,
        }
    }
    Ok(out)
}
