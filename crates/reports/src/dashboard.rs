//! The agency's headline figures for a period: the learners it reached
//! (distinct learners who enrolled), from how many countries, the share in
//! least developed countries and the share of women, completions and
//! certificates; and enrolments and completions by theme and by SDG goal.
//! Shares are of those who stated a country or a gender. A course can
//! carry several themes and goals, so those rows do not add up to a total.

use crate::{
    CERTIFIED, COMPLETED, Dimension, ENROLLED, Filter, Raw, TOOK_A_PLACE, conditions, tally,
};
use kuza_db::sql::Sql;
use kuza_i18n::countries;
use sea_orm::{ConnectionTrait, DbErr};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The course's join, when the filter names a format (the semi-join reads
/// the learner from the outer query).
fn course_join(f: &Filter) -> &'static str {
    if f.format.is_some() {
        " JOIN courses c ON c.id = e.course_id"
    } else {
        ""
    }
}

/// Headline figures (unsuppressed: the caller suppresses what it shows).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Headline {
    pub learners: u64,
    pub countries: u64,
    /// Learners in least developed countries, and of a stated country.
    pub ldc: u64,
    pub stated_country: u64,
    /// Women, and learners of a stated gender.
    pub women: u64,
    pub stated_gender: u64,
    pub completions: u64,
    pub certificates: u64,
}

/// Enrolments made and completions in the period, for one theme or goal.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reach {
    pub enrolments: u64,
    pub completions: u64,
}

fn int(r: &sea_orm::QueryResult, i: usize) -> Result<u64, DbErr> {
    Ok(r.try_get_by_index::<Option<i64>>(i)?.unwrap_or(0).max(0) as u64)
}

/// The headline figures of the period `[f.from, f.to)`.
pub async fn headline(conn: &impl ConnectionTrait, f: &Filter) -> Result<Headline, DbErr> {
    let backend = conn.get_database_backend();
    let mut h = Headline::default();
    // Learners partition by country and gender: distinct counts add up.
    // Each learner who enrolled in the period, found by a semi-join (far
    // cheaper than counting distinct learners over their enrolments).
    let mut sql = Sql::new(backend);
    sql.push(&format!(
        "SELECT u.country, u.gender, CAST(COUNT(*) AS BIGINT) FROM users u \
         WHERE EXISTS (SELECT 1 FROM enrollments e{} \
         WHERE e.user_id = u.id AND {TOOK_A_PLACE} AND e.enrolled_at >= ",
        course_join(f)
    ))
    .bind(f.from);
    sql.push(" AND e.enrolled_at < ").bind(f.to);
    conditions(&mut sql, f);
    sql.push(") GROUP BY u.country, u.gender");
    let mut seen = BTreeSet::new();
    for r in conn.query_all(sql.statement()).await? {
        let country: Option<String> = r.try_get_by_index(0)?;
        let gender: Option<String> = r.try_get_by_index(1)?;
        let n = int(&r, 2)?;
        h.learners += n;
        if let Some(c) = country.as_deref().and_then(countries::get) {
            seen.insert(c.code.clone());
            h.stated_country += n;
            if c.ldc {
                h.ldc += n;
            }
        }
        match gender.as_deref() {
            Some("female") => {
                h.women += n;
                h.stated_gender += n;
            }
            Some("male" | "other") => h.stated_gender += n,
            _ => {}
        }
    }
    h.countries = seen.len() as u64;
    for (_, c) in tally(conn, &[&COMPLETED], &[], f).await? {
        h.completions += c.completed;
    }
    for (_, c) in tally(conn, &[&CERTIFIED], &[], f).await? {
        h.certificates += c.certified;
    }
    Ok(h)
}

/// Enrolments and completions of the period by the catalog's facets:
/// `theme` (the free themes) and `sdg` (goals only, not targets), each a
/// map from value to its figures. The enrolments are counted per course in
/// one pass (like a report by course) and spread over each course's facets here (a course counts
/// once under each of its values, as a join would count it).
pub async fn by_facets(
    conn: &impl ConnectionTrait,
    f: &Filter,
) -> Result<(BTreeMap<String, Reach>, BTreeMap<String, Reach>), DbErr> {
    let backend = conn.get_database_backend();
    let mut per_course: HashMap<i64, Reach> = HashMap::new();
    for (raw, c) in tally(conn, &[&ENROLLED, &COMPLETED], &[Dimension::Course], f).await? {
        if let Some(Raw::Int(Some(course))) = raw.first() {
            let reach = per_course.entry(*course).or_default();
            reach.enrolments += c.enrolled;
            reach.completions += c.completed;
        }
    }
    let (mut themes, mut goals) = (BTreeMap::new(), BTreeMap::new());
    if per_course.is_empty() {
        return Ok((themes, goals));
    }
    let facets = conn
        .query_all(sea_orm::Statement::from_string(
            backend,
            "SELECT course_id, facet, value FROM catalog_facets \
             WHERE facet = 'theme' OR (facet = 'sdg' AND value NOT LIKE '%.%')",
        ))
        .await?;
    for r in facets {
        let course: i64 = r.try_get_by_index::<i32>(0)?.into();
        let facet: String = r.try_get_by_index(1)?;
        let value: String = r.try_get_by_index(2)?;
        let Some(reach) = per_course.get(&course) else {
            continue;
        };
        let into: &mut BTreeMap<String, Reach> = if facet == "theme" {
            &mut themes
        } else {
            &mut goals
        };
        let to = into.entry(value).or_default();
        to.enrolments += reach.enrolments;
        to.completions += reach.completions;
    }
    Ok((themes, goals))
}
