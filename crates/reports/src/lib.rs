//! Reports: who was reached and what they did, counted from the learning
//! records themselves, disaggregated the way agencies report (country, M49
//! region and sub-region, LDC / LLDC / SIDS, gender, age band, kind of
//! organisation, organisation) and by course, cohort, format, language and
//! period, alone or crossed two at a time, with small cells suppressed.
//!
//! Each measure counts its own events in the period: enrolments when they
//! were made, completions when they happened, certificates when they were
//! issued, attendance at the sessions held, active learners on the days
//! they did something. The database groups by the columns it has (a
//! country code, a year of birth); the groupings derived from them (a
//! region, an age band) are added up here, which is exact because every
//! learner has one country and one year of birth.
//!
//! No HTTP, no templates: the caller decides who may ask for what (the
//! application's policy) and how the figures are shown.

pub mod dashboard;
pub mod suppress;
pub mod usage;

use kuza_db::sql::Sql;
use kuza_i18n::countries;
use sea_orm::{ConnectionTrait, DatabaseBackend, DbErr, QueryResult};
use std::collections::{BTreeMap, HashMap};
use suppress::{Counts, Mark};

/// What a report can be broken down by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dimension {
    Course,
    Cohort,
    Format,
    /// The learner's language (the one they study in).
    Language,
    Month,
    Quarter,
    Year,
    Country,
    Region,
    SubRegion,
    Ldc,
    Lldc,
    Sids,
    Gender,
    AgeBand,
    OrganisationKind,
    Organisation,
    /// The organisation that provides the course.
    Provider,
}

impl Dimension {
    pub const ALL: [Dimension; 18] = [
        Dimension::Course,
        Dimension::Cohort,
        Dimension::Format,
        Dimension::Language,
        Dimension::Month,
        Dimension::Quarter,
        Dimension::Year,
        Dimension::Country,
        Dimension::Region,
        Dimension::SubRegion,
        Dimension::Ldc,
        Dimension::Lldc,
        Dimension::Sids,
        Dimension::Gender,
        Dimension::AgeBand,
        Dimension::OrganisationKind,
        Dimension::Organisation,
        Dimension::Provider,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Dimension::Course => "course",
            Dimension::Cohort => "cohort",
            Dimension::Format => "format",
            Dimension::Language => "language",
            Dimension::Month => "month",
            Dimension::Quarter => "quarter",
            Dimension::Year => "year",
            Dimension::Country => "country",
            Dimension::Region => "region",
            Dimension::SubRegion => "sub_region",
            Dimension::Ldc => "ldc",
            Dimension::Lldc => "lldc",
            Dimension::Sids => "sids",
            Dimension::Gender => "gender",
            Dimension::AgeBand => "age_band",
            Dimension::OrganisationKind => "organisation_kind",
            Dimension::Organisation => "organisation",
            Dimension::Provider => "provider",
        }
    }

    pub fn parse(s: &str) -> Option<Dimension> {
        Dimension::ALL.into_iter().find(|d| d.code() == s)
    }

    /// Whether it is a period (month, quarter, year).
    fn is_period(self) -> bool {
        matches!(
            self,
            Dimension::Month | Dimension::Quarter | Dimension::Year
        )
    }

    /// Whether its groups are the learners' own (one per learner), so
    /// that distinct learners add up across them.
    fn of_learners(self) -> bool {
        !matches!(
            self,
            Dimension::Course
                | Dimension::Cohort
                | Dimension::Format
                | Dimension::Provider
                | Dimension::Month
                | Dimension::Quarter
                | Dimension::Year
        )
    }
}

/// What a report measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Measure {
    /// Enrolments made in the period (people who took a place: studying,
    /// completed, or who left since).
    Enrolments,
    /// Distinct learners who did something in the period (enrolled,
    /// completed a lesson or a quiz, attended, completed a course).
    ActiveLearners,
    /// Courses completed in the period.
    Completions,
    /// Of the enrolments made in the period, the share completed by now.
    CompletionRate,
    /// Certificates issued in the period and valid now.
    Certificates,
    /// The mean final score (percent) of the completions of the period
    /// whose course has quizzes (kept on their certificates).
    AverageScore,
    /// The median number of days from enrolment to completion, for the
    /// completions of the period.
    MedianDays,
    /// Of the attendance taken at the sessions held in the period
    /// (excused absences left out), the share present.
    AttendanceRate,
}

impl Measure {
    pub const ALL: [Measure; 8] = [
        Measure::Enrolments,
        Measure::ActiveLearners,
        Measure::Completions,
        Measure::CompletionRate,
        Measure::Certificates,
        Measure::AverageScore,
        Measure::MedianDays,
        Measure::AttendanceRate,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Measure::Enrolments => "enrolments",
            Measure::ActiveLearners => "active_learners",
            Measure::Completions => "completions",
            Measure::CompletionRate => "completion_rate",
            Measure::Certificates => "certificates",
            Measure::AverageScore => "average_score",
            Measure::MedianDays => "median_days",
            Measure::AttendanceRate => "attendance_rate",
        }
    }

    pub fn parse(s: &str) -> Option<Measure> {
        Measure::ALL.into_iter().find(|m| m.code() == s)
    }

    /// Whether it is a count (else a rate, a mean or a median).
    pub fn is_count(self) -> bool {
        matches!(
            self,
            Measure::Enrolments
                | Measure::ActiveLearners
                | Measure::Completions
                | Measure::Certificates
        )
    }

    /// Whether it is a share (0 to 1).
    pub fn is_share(self) -> bool {
        matches!(self, Measure::CompletionRate | Measure::AttendanceRate)
    }
}

/// The group of those with no value: no country, gender, year of birth or
/// confirmed organisation given.
pub const NOT_STATED: &str = "not_stated";
/// The group of what has none: an enrolment outside a cohort, a learner of
/// no organisation, a place in no M49 region (Antarctica).
pub const NONE: &str = "none";

/// Which records a report counts. Every condition given narrows it.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// The period, `[from, to)` in Unix seconds.
    pub from: i64,
    pub to: i64,
    /// Only the confirmed members of this organisation.
    pub organisation: Option<i32>,
    /// Only these courses (`None`: every course).
    pub courses: Option<Vec<i32>>,
    /// Only these cohorts.
    pub cohorts: Option<Vec<i32>>,
    /// Only courses of this format (its stored code).
    pub format: Option<String>,
    /// Only learners studying in this language.
    pub language: Option<String>,
}

/// A report's question.
#[derive(Debug, Clone)]
pub struct Query {
    pub filter: Filter,
    /// The rows' grouping (`None`: one row, everything).
    pub rows: Option<Dimension>,
    /// The columns' grouping, for a crossed table.
    pub columns: Option<Dimension>,
    /// Counts below this (but not zero) are suppressed.
    pub threshold: u64,
}

/// One figure as shown.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Figure {
    /// `None` when suppressed or when there is nothing to measure (a rate
    /// of no enrolments).
    pub value: Option<f64>,
    pub mark: Mark,
}

/// A report's answer: the groups of its rows and columns (their keys:
/// ids, codes, periods, or [`NOT_STATED`] / [`NONE`]) and every measure's
/// figures at `(row, column)` positions, the totals last (see
/// [`Report::at`]).
#[derive(Debug, Clone)]
pub struct Report {
    pub rows: Vec<String>,
    /// `["all"]` when the report is not crossed.
    pub columns: Vec<String>,
    pub crossed: bool,
    pub figures: BTreeMap<Measure, Vec<Figure>>,
    pub threshold: u64,
}

impl Report {
    /// The figure of `measure` at `(row, column)`; `row == rows.len()` is
    /// the totals row and `column == columns.len()` the totals column.
    pub fn at(&self, measure: Measure, row: usize, column: usize) -> Figure {
        let i = row * (self.columns.len() + 1) + column;
        self.figures[&measure][i]
    }

    /// The position of a column total in a one-way report (its one column).
    pub fn total_column(&self) -> usize {
        if self.crossed { self.columns.len() } else { 0 }
    }
}

/// What is added up per group.
#[derive(Debug, Clone, Default)]
pub(crate) struct Sums {
    enrolled: u64,
    enrolled_done: u64,
    completed: u64,
    score_sum: u64,
    score_n: u64,
    days: BTreeMap<i64, u64>,
    certified: u64,
    present: u64,
    attendance: u64,
    active: u64,
}

/// A group's key as the database gives it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Raw {
    Int(Option<i64>),
    Text(Option<String>),
}

/// The periods of a grouping by month, quarter or year that meet
/// `[from, to)`, in order: each one's first second (UTC) and its label
/// (`2026-03`, `2026-Q1`, `2026`).
fn periods(d: Dimension, from: i64, to: i64) -> Vec<(i64, String)> {
    use chrono::{Datelike, NaiveDate};
    let Some(first) = chrono::DateTime::from_timestamp(from, 0).map(|t| t.date_naive()) else {
        return Vec::new();
    };
    let months = match d {
        Dimension::Month => 1,
        Dimension::Quarter => 3,
        _ => 12,
    };
    let mut year = first.year();
    let mut month0 = (first.month0() / months) * months;
    let mut out = Vec::new();
    while let Some(start) = NaiveDate::from_ymd_opt(year, month0 + 1, 1) {
        let at = start
            .and_hms_opt(0, 0, 0)
            .map_or(i64::MAX, |t| t.and_utc().timestamp());
        if at >= to && !out.is_empty() {
            break;
        }
        out.push((
            at,
            match d {
                Dimension::Month => format!("{year}-{:02}", month0 + 1),
                Dimension::Quarter => format!("{year}-Q{}", month0 / 3 + 1),
                _ => year.to_string(),
            },
        ));
        month0 += months;
        if month0 >= 12 {
            month0 = 0;
            year += 1;
        }
    }
    out
}

/// The period an event at `time` falls in, as an index into `starts`
/// (1 for the first; 0 before it): PostgreSQL finds it by a binary search,
/// SQLite by the comparisons in turn. Integers only, far cheaper than
/// formatting a date per row.
fn bucket(backend: DatabaseBackend, time: &str, starts: &[(i64, String)]) -> String {
    if backend == DatabaseBackend::Postgres {
        let list: Vec<String> = starts.iter().map(|(at, _)| at.to_string()).collect();
        format!(
            "CAST(width_bucket(CAST({time} AS BIGINT), ARRAY[{}]::BIGINT[]) AS BIGINT)",
            list.join(", ")
        )
    } else if starts.len() < 2 {
        "1".into()
    } else {
        let mut out = String::from("CASE");
        for (i, (at, _)) in starts.iter().enumerate().skip(1) {
            out.push_str(&format!(" WHEN {time} < {at} THEN {i}"));
        }
        out.push_str(&format!(" ELSE {} END", starts.len()));
        out
    }
}

/// The expression a dimension is grouped by in SQL, given the time column
/// of the events counted and the period asked; and whether it reads as an
/// integer (a period reads as its index, see [`bucket`]).
fn expression(d: Dimension, backend: DatabaseBackend, time: &str, f: &Filter) -> (String, bool) {
    let confirmed = "u.organisation_confirmed_at IS NOT NULL";
    match d {
        Dimension::Course => ("CAST(e.course_id AS BIGINT)".into(), true),
        Dimension::Cohort => ("CAST(e.cohort_id AS BIGINT)".into(), true),
        Dimension::Format => ("c.format".into(), false),
        Dimension::Language => ("u.language".into(), false),
        Dimension::Month | Dimension::Quarter | Dimension::Year => {
            (bucket(backend, time, &periods(d, f.from, f.to)), true)
        }
        Dimension::Country
        | Dimension::Region
        | Dimension::SubRegion
        | Dimension::Ldc
        | Dimension::Lldc
        | Dimension::Sids => ("u.country".into(), false),
        Dimension::Gender => ("u.gender".into(), false),
        Dimension::AgeBand => ("CAST(u.birth_year AS BIGINT)".into(), true),
        Dimension::OrganisationKind => (format!("CASE WHEN {confirmed} THEN o.kind END"), false),
        Dimension::Organisation => (
            format!("CAST(CASE WHEN {confirmed} THEN u.organisation_id END AS BIGINT)"),
            true,
        ),
        Dimension::Provider => ("CAST(c.organisation_id AS BIGINT)".into(), true),
    }
}

/// The age bands, by the age reached in the year the period ends.
pub const AGE_BANDS: [&str; 6] = ["under_25", "25_34", "35_44", "45_54", "55_64", "65_plus"];

fn age_band(age: i64) -> &'static str {
    match age {
        ..25 => AGE_BANDS[0],
        25..35 => AGE_BANDS[1],
        35..45 => AGE_BANDS[2],
        45..55 => AGE_BANDS[3],
        55..65 => AGE_BANDS[4],
        _ => AGE_BANDS[5],
    }
}

/// A raw key as the dimension's group.
fn group(d: Dimension, raw: &Raw, year: i64) -> String {
    let text = |s: &Option<String>| s.clone().filter(|s| !s.is_empty());
    match (d, raw) {
        (Dimension::AgeBand, Raw::Int(y)) => {
            y.map_or(NOT_STATED.into(), |y| age_band(year - y).into())
        }
        (Dimension::Cohort | Dimension::Organisation | Dimension::Provider, Raw::Int(id)) => {
            id.map_or(NONE.into(), |i| i.to_string())
        }
        (_, Raw::Int(id)) => id.map_or(NONE.into(), |i| i.to_string()),
        (Dimension::OrganisationKind, Raw::Text(s)) => text(s).unwrap_or_else(|| NONE.into()),
        (Dimension::Country, Raw::Text(s)) => text(s).unwrap_or_else(|| NOT_STATED.into()),
        (
            Dimension::Region
            | Dimension::SubRegion
            | Dimension::Ldc
            | Dimension::Lldc
            | Dimension::Sids,
            Raw::Text(s),
        ) => {
            let Some(c) = text(s).as_deref().and_then(countries::get) else {
                return NOT_STATED.into();
            };
            let grouping = |yes: bool, code: &str| {
                if yes {
                    code.to_owned()
                } else {
                    "other".to_owned()
                }
            };
            match d {
                Dimension::Region => c.region.clone().unwrap_or_else(|| NONE.into()),
                Dimension::SubRegion => c.sub_region.clone().unwrap_or_else(|| NONE.into()),
                Dimension::Ldc => grouping(c.ldc, "ldc"),
                Dimension::Lldc => grouping(c.lldc, "lldc"),
                _ => grouping(c.sids, "sids"),
            }
        }
        (Dimension::Gender, Raw::Text(s)) => text(s).unwrap_or_else(|| NOT_STATED.into()),
        (_, Raw::Text(s)) => text(s).unwrap_or_else(|| NONE.into()),
    }
}

/// The joins a question needs to reach the learner (`u`), their
/// organisation (`o`) and the course (`c`), and only those: at a million
/// enrolments each join costs about as much as the scan.
pub(crate) fn joins(dims: &[Dimension], f: &Filter) -> String {
    let course = f.format.is_some()
        || dims
            .iter()
            .any(|d| matches!(d, Dimension::Format | Dimension::Provider));
    let organisation = dims.contains(&Dimension::OrganisationKind);
    let learner = organisation
        || f.organisation.is_some()
        || f.language.is_some()
        || dims.iter().any(|d| d.of_learners());
    let mut out = String::new();
    if learner {
        out.push_str(" JOIN users u ON u.id = e.user_id");
    }
    if course {
        out.push_str(" JOIN courses c ON c.id = e.course_id");
    }
    if organisation {
        out.push_str(" LEFT JOIN organisations o ON o.id = u.organisation_id");
    }
    out
}

/// ` AND column IN (ids…)` (nothing matches an empty list).
pub fn push_in(sql: &mut Sql, column: &str, ids: &[i32]) {
    if ids.is_empty() {
        sql.push(" AND 1 = 0");
        return;
    }
    sql.push(&format!(" AND {column} IN ("));
    for (i, id) in ids.iter().enumerate() {
        if i > 0 {
            sql.push(", ");
        }
        sql.bind(*id);
    }
    sql.push(")");
}

/// Adds the filter's conditions (after a `WHERE`).
fn conditions(sql: &mut Sql, f: &Filter) {
    if let Some(org) = f.organisation {
        sql.push(" AND u.organisation_confirmed_at IS NOT NULL AND u.organisation_id = ")
            .bind(org);
    }
    for (column, ids) in [("e.course_id", &f.courses), ("e.cohort_id", &f.cohorts)] {
        if let Some(ids) = ids {
            push_in(sql, column, ids);
        }
    }
    if let Some(format) = &f.format {
        sql.push(" AND c.format = ").bind(format.clone());
    }
    if let Some(language) = &f.language {
        sql.push(" AND u.language = ").bind(language.clone());
    }
}

/// The statuses of an enrolment that took a place: studying, completed,
/// or left since.
pub(crate) const TOOK_A_PLACE: &str = "e.status IN ('active', 'completed', 'withdrawn', 'removed')";

/// One kind of event: the table it is read from (as `e`, or joined to the
/// enrolment `e`, so the learner and course joins read it), its time, the
/// condition that makes a row one of these events, the values added up
/// per event (`1` counts them), an extra integer key, and how its figures
/// add to a group's.
pub(crate) struct Events {
    from: &'static str,
    time: &'static str,
    condition: &'static str,
    sums: &'static [&'static str],
    extra: Option<&'static str>,
    add: fn(&mut Sums, &[u64], Option<i64>),
}

/// Enrolments made in the period, and how many of them are completed by now.
pub(crate) const ENROLLED: Events = Events {
    from: "enrollments e",
    time: "e.enrolled_at",
    condition: TOOK_A_PLACE,
    sums: &["1", "CASE WHEN e.status = 'completed' THEN 1 ELSE 0 END"],
    extra: None,
    add: |c, s, _| {
        c.enrolled += s[0];
        c.enrolled_done += s[1];
    },
};

/// Completions in the period, with the days each took as the extra key.
pub(crate) const COMPLETED: Events = Events {
    from: "enrollments e",
    time: "e.completed_at",
    condition: "e.status = 'completed'",
    sums: &["1"],
    extra: Some("(e.completed_at - e.enrolled_at) / 86400"),
    add: |c, s, days| {
        c.completed += s[0];
        if let Some(days) = days {
            *c.days.entry(days.max(0)).or_default() += s[0];
        }
    },
};

/// The final scores of the period's completions, from their certificates
/// alone: a certificate carries its learner, course, cohort and completion
/// time.
const SCORED: Events = Events {
    from: "certificates e",
    time: "e.completed_at",
    condition: "e.final_score IS NOT NULL",
    sums: &["e.final_score", "1"],
    extra: None,
    add: |c, s, _| {
        c.score_sum += s[0];
        c.score_n += s[1];
    },
};

/// Certificates issued in the period (and valid), from themselves alone.
pub(crate) const CERTIFIED: Events = Events {
    from: "certificates e",
    time: "e.issued_at",
    condition: "e.status = 'issued'",
    sums: &["1"],
    extra: None,
    add: |c, s, _| c.certified += s[0],
};

/// Attendance taken at the sessions held in the period (excused absences
/// left out), and those present.
const ATTENDED: Events = Events {
    from: "attendance a JOIN live_sessions s ON s.id = a.session_id \
           JOIN enrollments e ON e.id = a.enrollment_id",
    time: "s.starts_at",
    condition: "a.status <> 'excused'",
    sums: &["CASE WHEN a.status = 'present' THEN 1 ELSE 0 END", "1"],
    extra: None,
    add: |c, s, _| {
        c.present += s[0];
        c.attendance += s[1];
    },
};

/// How the events are read: by period, each kind in its own pass, grouped
/// by the period its own time falls in; else the kinds of one table in one
/// pass over it.
fn passes(periodic: bool) -> Vec<Vec<&'static Events>> {
    if periodic {
        [&ENROLLED, &COMPLETED, &SCORED, &CERTIFIED, &ATTENDED]
            .into_iter()
            .map(|e| vec![e])
            .collect()
    } else {
        vec![
            vec![&ENROLLED, &COMPLETED],
            vec![&SCORED, &CERTIFIED],
            vec![&ATTENDED],
        ]
    }
}

type Rows = Vec<(Vec<Raw>, Option<i64>, Vec<u64>)>;

/// The events of these kinds (of one table; one kind when a grouping is a
/// period, whose key is read from its time) grouped by `dims`, in one
/// pass: each row counts for the kinds whose condition and period it
/// meets. The sums come in the kinds' order. The period's bounds are
/// integers written into the statement.
async fn events(
    conn: &impl ConnectionTrait,
    kinds: &[&Events],
    dims: &[Dimension],
    f: &Filter,
) -> Result<Rows, DbErr> {
    let backend = conn.get_database_backend();
    let keys = keys(dims, backend, kinds[0].time, f);
    let meets = |k: &Events| {
        format!(
            "({} AND {t} >= {} AND {t} < {})",
            k.condition,
            f.from,
            f.to,
            t = k.time
        )
    };
    let mut select: Vec<String> = keys.iter().map(|(k, _)| k.clone()).collect();
    let extra = kinds.iter().find_map(|k| {
        k.extra
            .map(|x| format!("CASE WHEN {} THEN {x} END", meets(k)))
    });
    if let Some(x) = &extra {
        select.push(format!("CAST({x} AS BIGINT)"));
    }
    for k in kinds {
        for x in k.sums {
            select.push(format!(
                "CAST(SUM(CASE WHEN {} THEN {x} END) AS BIGINT)",
                meets(k)
            ));
        }
    }
    let any: Vec<String> = kinds.iter().map(|k| meets(k)).collect();
    let mut sql = Sql::new(backend);
    sql.push("SELECT ").push(&select.join(", "));
    sql.push(&format!(
        " FROM {}{} WHERE ({})",
        kinds[0].from,
        joins(dims, f),
        any.join(" OR ")
    ));
    conditions(&mut sql, f);
    let groups = keys.len() + usize::from(extra.is_some());
    group_by(&mut sql, groups);
    let n: usize = kinds.iter().map(|k| k.sums.len()).sum();
    let mut out = Vec::new();
    for r in conn.query_all(sql.statement()).await? {
        let days = match extra {
            Some(_) => r.try_get_by_index::<Option<i64>>(keys.len())?,
            None => None,
        };
        out.push((read_keys(&r, &keys)?, days, read_sums(&r, groups, n)?));
    }
    Ok(out)
}

/// The events of these kinds (see [`events`]) with each row's figures
/// added up as a group's.
pub(crate) async fn tally(
    conn: &impl ConnectionTrait,
    kinds: &[&Events],
    dims: &[Dimension],
    f: &Filter,
) -> Result<Vec<(Vec<Raw>, Sums)>, DbErr> {
    let mut out = Vec::new();
    for (raw, extra, sums) in events(conn, kinds, dims, f).await? {
        let mut c = Sums::default();
        let mut at = 0;
        for kind in kinds {
            (kind.add)(&mut c, &sums[at..at + kind.sums.len()], extra);
            at += kind.sums.len();
        }
        out.push((raw, c));
    }
    Ok(out)
}

/// Where the active learners are counted from: the table (as `e` for the
/// learner and course, joined to the enrolment when the cohort is needed),
/// its day column, a condition, and whether it holds only enrolments in a
/// cohort (so a cohort's group is one course's learners).
struct Stream {
    from: &'static str,
    day: &'static str,
    condition: &'static str,
    in_cohorts: bool,
}

/// Active learners from the days of activity alone: they carry their
/// learner and course, so the learner and course joins read them as `e`.
const ACTIVE: Stream = Stream {
    from: "learning_days e",
    day: "e.day",
    condition: "1 = 1",
    in_cohorts: false,
};

/// Active learners in cohorts, which only the enrolment knows.
const ACTIVE_IN_COHORTS: Stream = Stream {
    from: "learning_days d JOIN enrollments e ON e.id = d.enrollment_id",
    day: "d.day",
    condition: "e.cohort_id IS NOT NULL",
    in_cohorts: true,
};

/// Active learners outside any cohort.
const ACTIVE_OUTSIDE_COHORTS: Stream = Stream {
    condition: "e.cohort_id IS NULL",
    in_cohorts: false,
    ..ACTIVE_IN_COHORTS
};

/// The active learners grouped by `dims`. By cohort, those in cohorts
/// (each cohort one course's learners) and those outside any (the "none"
/// group) are counted apart, each the cheapest exact way.
async fn active(
    conn: &impl ConnectionTrait,
    dims: &[Dimension],
    f: &Filter,
) -> Result<Rows, DbErr> {
    let Some(at) = dims.iter().position(|d| *d == Dimension::Cohort) else {
        let s = if f.cohorts.is_some() {
            &ACTIVE_IN_COHORTS
        } else {
            &ACTIVE
        };
        return stream(conn, s, dims, f).await;
    };
    let mut rows = stream(conn, &ACTIVE_IN_COHORTS, dims, f).await?;
    if f.cohorts.is_none() {
        let rest: Vec<Dimension> = dims
            .iter()
            .copied()
            .filter(|d| *d != Dimension::Cohort)
            .collect();
        for (mut raw, extra, sums) in stream(conn, &ACTIVE_OUTSIDE_COHORTS, &rest, f).await? {
            raw.insert(at, Raw::Int(None));
            rows.push((raw, extra, sums));
        }
    }
    Ok(rows)
}

/// Distinct active learners grouped by the given dimensions (each key read
/// as the database gives it), the cheapest exact way the grouping allows.
async fn stream(
    conn: &impl ConnectionTrait,
    s: &Stream,
    dims: &[Dimension],
    f: &Filter,
) -> Result<Rows, DbErr> {
    let backend = conn.get_database_backend();
    let day = s.day;
    let keys = keys(dims, backend, &format!("({day} * 86400)"), f);
    let mut select: Vec<String> = keys.iter().map(|(k, _)| k.clone()).collect();
    let mut sql = Sql::new(backend);
    // The day is a day number, and the period whole days, so its index
    // serves.
    let first = f.from.div_euclid(86_400) + i64::from(f.from.rem_euclid(86_400) > 0);
    let end = f.to.div_euclid(86_400) + i64::from(f.to.rem_euclid(86_400) > 0);
    let periodic = dims.iter().any(|d| d.is_period());
    if !periodic
        && (dims.contains(&Dimension::Course) || s.in_cohorts && dims.contains(&Dimension::Cohort))
    {
        // Learners grouped by course or by cohort in cohorts (and what is
        // theirs): a learner has one enrolment per course, so the
        // enrolments active in the period, found by a semi-join, are the
        // learners.
        select.push("CAST(COUNT(*) AS BIGINT)".into());
        sql.push("SELECT ").push(&select.join(", "));
        sql.push(&format!(" FROM enrollments e{}", joins(dims, f)));
        sql.push(&format!(
            " WHERE {} AND EXISTS (SELECT 1 FROM learning_days d \
             WHERE d.enrollment_id = e.id AND d.day >= ",
            s.condition
        ))
        .bind(first);
        sql.push(" AND d.day < ").bind(end);
        sql.push(")");
        conditions(&mut sql, f);
    } else if dims.iter().all(|d| d.of_learners()) {
        // Learners grouped only by what is theirs (or not grouped): each
        // learner once, found by a semi-join, far cheaper than counting
        // distinct learners over a million rows.
        select.push("CAST(COUNT(*) AS BIGINT)".into());
        sql.push("SELECT ").push(&select.join(", "));
        sql.push(" FROM users u");
        if dims.contains(&Dimension::OrganisationKind) {
            sql.push(" LEFT JOIN organisations o ON o.id = u.organisation_id");
        }
        sql.push(&format!(" WHERE EXISTS (SELECT 1 FROM {}", s.from));
        if f.format.is_some() {
            sql.push(" JOIN courses c ON c.id = e.course_id");
        }
        sql.push(&format!(
            " WHERE e.user_id = u.id AND {} AND {day} >= ",
            s.condition
        ))
        .bind(first);
        sql.push(&format!(" AND {day} < ")).bind(end);
        conditions(&mut sql, f);
        sql.push(")");
    } else {
        select.push("CAST(COUNT(DISTINCT e.user_id) AS BIGINT)".into());
        sql.push("SELECT ").push(&select.join(", "));
        sql.push(&format!(
            " FROM {}{} WHERE {} AND {day} >= ",
            s.from,
            joins(dims, f),
            s.condition
        ))
        .bind(first);
        sql.push(&format!(" AND {day} < ")).bind(end);
        conditions(&mut sql, f);
    }
    group_by(&mut sql, keys.len());
    let mut out = Vec::new();
    for r in conn.query_all(sql.statement()).await? {
        out.push((read_keys(&r, &keys)?, None, read_sums(&r, keys.len(), 1)?));
    }
    Ok(out)
}

/// The group keys of the given dimensions, with `time` the events' time
/// column (for a period): each its SQL expression and whether it reads as
/// an integer.
fn keys(
    dims: &[Dimension],
    backend: DatabaseBackend,
    time: &str,
    f: &Filter,
) -> Vec<(String, bool)> {
    dims.iter()
        .map(|d| expression(*d, backend, time, f))
        .collect()
}

/// Groups by the first `n` columns, if any.
fn group_by(sql: &mut Sql, n: usize) {
    if n > 0 {
        let list: Vec<String> = (1..=n).map(|i| i.to_string()).collect();
        sql.push(" GROUP BY ").push(&list.join(", "));
    }
}

/// A row's group keys, each read as its expression gives it.
fn read_keys(r: &QueryResult, keys: &[(String, bool)]) -> Result<Vec<Raw>, DbErr> {
    keys.iter()
        .enumerate()
        .map(|(i, (_, int))| {
            Ok(if *int {
                Raw::Int(r.try_get_by_index::<Option<i64>>(i)?)
            } else {
                Raw::Text(r.try_get_by_index::<Option<String>>(i)?)
            })
        })
        .collect()
}

fn read_sums(r: &QueryResult, from: usize, n: usize) -> Result<Vec<u64>, DbErr> {
    (from..from + n)
        .map(|i| {
            r.try_get_by_index::<Option<i64>>(i)
                .map(|v| v.unwrap_or(0).max(0) as u64)
        })
        .collect()
}

/// The year the period ends in (age bands count ages reached in it).
fn year_of(ts: i64) -> i64 {
    use chrono::Datelike;
    chrono::DateTime::from_timestamp(ts.saturating_sub(1), 0).map_or(1970, |d| i64::from(d.year()))
}

/// Runs the report: the streams, the groups, the totals, the suppression.
pub async fn run(conn: &impl ConnectionTrait, q: &Query) -> Result<Report, DbErr> {
    let dims: Vec<Dimension> = [q.rows, q.columns].into_iter().flatten().collect();
    let crossed = q.rows.is_some() && q.columns.is_some();
    let year = year_of(q.filter.to);
    let labels: HashMap<Dimension, Vec<(i64, String)>> = dims
        .iter()
        .filter(|d| d.is_period())
        .map(|&d| (d, periods(d, q.filter.from, q.filter.to)))
        .collect();
    // A raw key as its group; a period's index as its label.
    let label = |d: Dimension, raw: &Raw| -> String {
        match (d, raw) {
            (Dimension::Month | Dimension::Quarter | Dimension::Year, Raw::Int(i)) => i
                .and_then(|i| usize::try_from(i).ok()?.checked_sub(1))
                .and_then(|i| labels[&d].get(i))
                .map_or(NONE.into(), |(_, l)| l.clone()),
            _ => group(d, raw, year),
        }
    };
    // Groups by (row, column) key; the totals come from adding them up,
    // but for distinct learners, which come from the database per total.
    let mut cells: HashMap<(String, String), Sums> = HashMap::new();
    let key_of = |raw: &[Raw]| -> (String, String) {
        let row = q.rows.map_or("all".to_owned(), |d| label(d, &raw[0]));
        let column = q
            .columns
            .map_or("all".to_owned(), |d| label(d, &raw[dims.len() - 1]));
        (row, column)
    };
    for pass in passes(dims.iter().any(|d| d.is_period())) {
        for (raw, s) in tally(conn, &pass, &dims, &q.filter).await? {
            add(cells.entry(key_of(&raw)).or_default(), &s);
        }
    }
    for (raw, _, s) in active(conn, &dims, &q.filter).await? {
        cells.entry(key_of(&raw)).or_default().active += s[0];
    }
    let mut rows: Vec<String> = cells.keys().map(|k| k.0.clone()).collect();
    let mut columns: Vec<String> = cells.keys().map(|k| k.1.clone()).collect();
    for v in [&mut rows, &mut columns] {
        v.sort_by(natural);
        v.dedup();
    }
    if rows.is_empty() {
        rows.push("all".into());
    }
    if columns.is_empty() {
        columns.push("all".into());
    }
    let (nr, nc) = (rows.len(), columns.len());
    let width = nc + 1;
    let mut grid: Vec<Sums> = vec![Sums::default(); (nr + 1) * width];
    let ri: HashMap<&str, usize> = rows
        .iter()
        .enumerate()
        .map(|(i, k)| (k.as_str(), i))
        .collect();
    let ci: HashMap<&str, usize> = columns
        .iter()
        .enumerate()
        .map(|(i, k)| (k.as_str(), i))
        .collect();
    for ((r, c), s) in &cells {
        let (r, c) = (ri[r.as_str()], ci[c.as_str()]);
        for pos in [
            r * width + c,
            r * width + nc,
            nr * width + c,
            nr * width + nc,
        ] {
            add(&mut grid[pos], s);
        }
    }
    // Distinct learners do not add up across courses or periods: their
    // totals are asked of the database, unless the grouping is one of
    // learners' own groups.
    let distinct = |d: Option<Dimension>| d.is_none_or(Dimension::of_learners);
    for (pos_of, ds) in [
        (Total::Rows, q.rows),
        (Total::Columns, q.columns),
        (Total::Grand, None),
    ] {
        let summed = match pos_of {
            Total::Rows => !crossed || distinct(q.columns),
            Total::Columns => distinct(q.rows),
            Total::Grand => !crossed || distinct(q.rows) && distinct(q.columns),
        };
        if summed {
            continue;
        }
        for (i, s) in grid.iter_mut().enumerate() {
            let (r, c) = (i / width, i % width);
            let this = match pos_of {
                Total::Rows => c == nc && r < nr,
                Total::Columns => r == nr && c < nc,
                Total::Grand => r == nr && c == nc,
            };
            if this {
                s.active = 0;
            }
        }
        let by: Vec<Dimension> = ds.into_iter().collect();
        for (raw, _, s) in active(conn, &by, &q.filter).await? {
            let key = by.first().map_or("all".to_owned(), |d| label(*d, &raw[0]));
            let pos = match pos_of {
                Total::Rows => ri.get(key.as_str()).map(|&r| r * width + nc),
                Total::Columns => ci.get(key.as_str()).map(|&c| nr * width + c),
                Total::Grand => Some(nr * width + nc),
            };
            if let Some(p) = pos {
                grid[p].active += s[0];
            }
        }
    }
    if !crossed {
        // One column: its totals column repeats it; keep the grand total
        // in the column itself.
        for r in 0..=nr {
            grid[r * width + nc] = Sums::default();
        }
    }
    Ok(Report {
        figures: figures(&grid, nr, nc, crossed, q.threshold),
        rows,
        columns,
        crossed,
        threshold: q.threshold,
    })
}

#[derive(Clone, Copy)]
enum Total {
    Rows,
    Columns,
    Grand,
}

fn add(to: &mut Sums, s: &Sums) {
    to.enrolled += s.enrolled;
    to.enrolled_done += s.enrolled_done;
    to.completed += s.completed;
    to.score_sum += s.score_sum;
    to.score_n += s.score_n;
    for (d, n) in &s.days {
        *to.days.entry(*d).or_default() += n;
    }
    to.certified += s.certified;
    to.present += s.present;
    to.attendance += s.attendance;
    to.active += s.active;
}

/// Numbers in numeric order, then words, "none" and "not stated" last.
fn natural(a: &String, b: &String) -> std::cmp::Ordering {
    let rank = |s: &str| match s {
        NONE => 2,
        NOT_STATED => 3,
        _ => i32::from(s.parse::<i64>().is_err()),
    };
    rank(a)
        .cmp(&rank(b))
        .then_with(|| match (a.parse::<i64>(), b.parse::<i64>()) {
            (Ok(x), Ok(y)) => x.cmp(&y),
            _ => a.cmp(b),
        })
}

/// The median of a histogram of whole days.
fn median(days: &BTreeMap<i64, u64>) -> Option<f64> {
    let n: u64 = days.values().sum();
    if n == 0 {
        return None;
    }
    let nth = |k: u64| {
        let mut seen = 0;
        for (d, c) in days {
            seen += c;
            if seen >= k {
                return *d as f64;
            }
        }
        0.0
    };
    Some(if n % 2 == 1 {
        nth(n.div_ceil(2))
    } else {
        (nth(n / 2) + nth(n / 2 + 1)) / 2.0
    })
}

/// Every measure's figures, suppressed.
fn figures(
    grid: &[Sums],
    rows: usize,
    columns: usize,
    crossed: bool,
    k: u64,
) -> BTreeMap<Measure, Vec<Figure>> {
    let table = |f: &dyn Fn(&Sums) -> u64| {
        let mut t = Counts::new(rows, columns, crossed);
        for (i, s) in grid.iter().enumerate() {
            t.figures[i] = f(s);
        }
        let marks = suppress::suppress(&t, k);
        (t, marks)
    };
    let (enrolled, enrolled_m) = table(&|s| s.enrolled);
    let (done, done_m) = table(&|s| s.enrolled_done);
    let (completed, completed_m) = table(&|s| s.completed);
    let (certified, certified_m) = table(&|s| s.certified);
    let (active, active_m) = table(&|s| s.active);
    let (scored, scored_m) = table(&|s| s.score_n);
    let (present, present_m) = table(&|s| s.present);
    let (taken, taken_m) = table(&|s| s.attendance);
    let count = |t: &Counts, m: &[Mark]| -> Vec<Figure> {
        t.figures
            .iter()
            .zip(m)
            .map(|(&n, &mark)| Figure {
                value: (mark == Mark::Shown).then_some(n as f64),
                mark,
            })
            .collect()
    };
    let ratio = |marks: Vec<Mark>, value: &dyn Fn(usize) -> Option<f64>| -> Vec<Figure> {
        marks
            .into_iter()
            .enumerate()
            .map(|(i, mark)| Figure {
                value: if mark == Mark::Shown { value(i) } else { None },
                mark,
            })
            .collect()
    };
    let share = |n: u64, d: u64| (d > 0).then(|| n as f64 / d as f64);
    let mut out = BTreeMap::new();
    out.insert(Measure::Enrolments, count(&enrolled, &enrolled_m));
    out.insert(Measure::ActiveLearners, count(&active, &active_m));
    out.insert(Measure::Completions, count(&completed, &completed_m));
    out.insert(Measure::Certificates, count(&certified, &certified_m));
    out.insert(
        Measure::CompletionRate,
        ratio(
            suppress::ratio_marks(&done_m, &enrolled_m, &enrolled.figures, k),
            &|i| share(done.figures[i], enrolled.figures[i]),
        ),
    );
    out.insert(
        Measure::AverageScore,
        ratio(
            suppress::ratio_marks(&scored_m, &scored_m, &scored.figures, k),
            &|i| share(grid[i].score_sum, scored.figures[i]),
        ),
    );
    out.insert(
        Measure::MedianDays,
        ratio(
            suppress::ratio_marks(&completed_m, &completed_m, &completed.figures, k),
            &|i| median(&grid[i].days),
        ),
    );
    out.insert(
        Measure::AttendanceRate,
        ratio(
            suppress::ratio_marks(&present_m, &taken_m, &taken.figures, k),
            &|i| share(present.figures[i], taken.figures[i]),
        ),
    );
    out
}

/// A grouping by one of the report's dimensions for other records that
/// name a learner, a course and a cohort, read as `e` (`e.user_id`,
/// `e.course_id`, `e.cohort_id`), such as survey responses: their groups
/// are the report's own (the same regions, age bands, periods and
/// not-stated groups), so the figures of both read alike.
pub struct Grouping {
    dimension: Dimension,
    expression: String,
    int: bool,
    periods: Vec<(i64, String)>,
    year: i64,
}

impl Grouping {
    /// `time` is the column of the records' time (for a period).
    pub fn new(d: Dimension, backend: DatabaseBackend, time: &str, f: &Filter) -> Grouping {
        let (expression, int) = expression(d, backend, time, f);
        Grouping {
            dimension: d,
            expression,
            int,
            periods: if d.is_period() {
                periods(d, f.from, f.to)
            } else {
                Vec::new()
            },
            year: year_of(f.to),
        }
    }

    /// What to select (and group by) for it.
    pub fn expression(&self) -> &str {
        &self.expression
    }

    /// The group of the value read at column `i` of `r`.
    pub fn group_of(&self, r: &QueryResult, i: usize) -> Result<String, DbErr> {
        let raw = if self.int {
            Raw::Int(r.try_get_by_index::<Option<i64>>(i)?)
        } else {
            Raw::Text(r.try_get_by_index::<Option<String>>(i)?)
        };
        Ok(match (self.dimension.is_period(), &raw) {
            (true, Raw::Int(i)) => i
                .and_then(|i| usize::try_from(i).ok()?.checked_sub(1))
                .and_then(|i| self.periods.get(i))
                .map_or(NONE.into(), |(_, l)| l.clone()),
            _ => group(self.dimension, &raw, self.year),
        })
    }
}

/// The joins that records read as `e` need for `grouping` and the
/// filter: the person (`u`), their organisation (`o`), the course (`c`).
/// With `optional`, the person and the course may be missing (a survey
/// answered by someone not signed in, or of no course): such a record is
/// grouped as not stated, or as none, rather than left out.
pub fn joins_for(grouping: Option<Dimension>, f: &Filter, optional: bool) -> String {
    let dims: Vec<Dimension> = grouping.into_iter().collect();
    let out = joins(&dims, f);
    if optional {
        out.replace(" JOIN users u", " LEFT JOIN users u")
            .replace(" JOIN courses c", " LEFT JOIN courses c")
    } else {
        out
    }
}

/// Adds the filter's conditions on records read as `e` (after a `WHERE`).
pub fn push_conditions(sql: &mut Sql, f: &Filter) {
    conditions(sql, f);
}

/// Groups in the reports' order: numbers and periods in order, then
/// names, then "none" and "not stated"; each once.
pub fn order_groups(groups: &mut Vec<String>) {
    groups.sort_by(natural);
    groups.dedup();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_follow_m49_and_say_not_stated() {
        let text = |s: &str| Raw::Text(Some(s.into()));
        assert_eq!(group(Dimension::Region, &text("KE"), 2026), "002");
        assert_eq!(group(Dimension::SubRegion, &text("KE"), 2026), "202");
        assert_eq!(group(Dimension::Ldc, &text("ET"), 2026), "ldc");
        assert_eq!(group(Dimension::Ldc, &text("KE"), 2026), "other");
        assert_eq!(group(Dimension::Sids, &text("FJ"), 2026), "sids");
        assert_eq!(group(Dimension::Region, &text(""), 2026), NOT_STATED);
        assert_eq!(
            group(Dimension::Country, &Raw::Text(None), 2026),
            NOT_STATED
        );
        assert_eq!(group(Dimension::Region, &text("AQ"), 2026), NONE);
        assert_eq!(group(Dimension::Gender, &Raw::Text(None), 2026), NOT_STATED);
        assert_eq!(
            group(Dimension::AgeBand, &Raw::Int(Some(2000)), 2026),
            "25_34"
        );
        assert_eq!(
            group(Dimension::AgeBand, &Raw::Int(Some(2002)), 2026),
            "under_25"
        );
        assert_eq!(group(Dimension::AgeBand, &Raw::Int(None), 2026), NOT_STATED);
        assert_eq!(group(Dimension::Organisation, &Raw::Int(None), 2026), NONE);
    }

    #[test]
    fn periods_start_on_their_first_day_and_cover_the_range() {
        let at = |y, m, d| {
            chrono::NaiveDate::from_ymd_opt(y, m, d)
                .unwrap()
                .and_hms_opt(0, 0, 0)
                .unwrap()
                .and_utc()
                .timestamp()
        };
        let labels = |d, from, to| -> Vec<String> {
            periods(d, from, to).into_iter().map(|(_, l)| l).collect()
        };
        let months = periods(Dimension::Month, at(2025, 12, 15), at(2026, 3, 1));
        assert_eq!(
            months,
            [
                (at(2025, 12, 1), "2025-12".to_owned()),
                (at(2026, 1, 1), "2026-01".to_owned()),
                (at(2026, 2, 1), "2026-02".to_owned()),
            ]
        );
        assert_eq!(
            labels(Dimension::Quarter, at(2025, 11, 2), at(2026, 4, 2)),
            ["2025-Q4", "2026-Q1", "2026-Q2"]
        );
        assert_eq!(
            labels(Dimension::Year, at(2024, 2, 29), at(2026, 1, 1)),
            ["2024", "2025"]
        );
        // SQLite's comparisons give the same index as PostgreSQL's search.
        let case = bucket(DatabaseBackend::Sqlite, "t", &months);
        assert_eq!(
            case,
            format!(
                "CASE WHEN t < {} THEN 1 WHEN t < {} THEN 2 ELSE 3 END",
                at(2026, 1, 1),
                at(2026, 2, 1)
            )
        );
    }

    #[test]
    fn medians_of_whole_days() {
        let h = |v: &[(i64, u64)]| v.iter().copied().collect::<BTreeMap<_, _>>();
        assert_eq!(median(&h(&[])), None);
        assert_eq!(median(&h(&[(3, 1)])), Some(3.0));
        assert_eq!(median(&h(&[(1, 1), (9, 1)])), Some(5.0));
        assert_eq!(median(&h(&[(1, 2), (4, 1), (30, 2)])), Some(4.0));
    }

    #[test]
    fn groups_sort_numbers_then_words_then_none_and_not_stated() {
        let mut v: Vec<String> = ["not_stated", "10", "none", "9", "female", "2"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        v.sort_by(natural);
        assert_eq!(v, ["2", "9", "10", "female", "none", "not_stated"]);
    }
}
