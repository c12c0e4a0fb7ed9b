//! Results: the submitted answers counted per question (each option's
//! count, the mean of a scale or a number, the net promoter score of a
//! 0–10 rating), for one survey or for a standard question across many,
//! grouped the way reports are (a course, a cohort, a period, a country, a
//! region, LDC / LLDC / SIDS, gender, age band, kind of organisation), with
//! the same small-cell suppression: a group of fewer respondents than the
//! threshold shows none of its figures, and another is hidden with it
//! where a total would give it away.
//!
//! Responses carry their learner, course and cohort, so they are read as
//! `e` by the reports' groupings, and the answers are joined to them.

use crate::form::{Kind, Question};
use kuza_db::sql::Sql;
use kuza_db::values::SurveyPurpose;
use kuza_reports::suppress::{Counts, Mark, suppress};
use kuza_reports::{Dimension, Filter, Grouping};
use sea_orm::{ConnectionTrait, DbErr};
use std::collections::HashMap;

/// Which surveys' responses count.
#[derive(Debug, Clone, Copy)]
pub enum Surveys<'a> {
    /// These (a course's evaluation, a needs assessment, some courses').
    Ids(&'a [i32]),
    /// Every course's survey of this purpose, read by the database rather
    /// than listed: a list of a thousand ids costs PostgreSQL more to plan
    /// than the query costs to run.
    OfCourses(SurveyPurpose),
}

impl Surveys<'_> {
    /// ` AND column IN (…)`.
    fn push(&self, sql: &mut Sql, column: &str) {
        match self {
            Surveys::Ids(ids) => kuza_reports::push_in(sql, column, ids),
            Surveys::OfCourses(p) => {
                sql.push(&format!(
                    " AND {column} IN (SELECT id FROM surveys WHERE course_id IS NOT NULL AND purpose = "
                ))
                .bind(kuza_db::values::Code::code(p))
                .push(")");
            }
        }
    }
}

/// What to count.
#[derive(Debug, Clone)]
pub struct Scope<'a> {
    /// The surveys whose responses count (a course's evaluation, or every
    /// evaluation for a standard question across courses).
    pub surveys: Surveys<'a>,
    /// The questions to count, in the order shown.
    pub questions: &'a [Question],
    /// The period (of submission), the courses, cohorts, organisation.
    pub filter: &'a Filter,
    pub by: Option<Dimension>,
    pub threshold: u64,
    /// Responses may have no person or no course (a needs assessment):
    /// they are grouped as not stated or none rather than left out.
    pub optional: bool,
}

/// One question's figures, per group and then for everyone.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionResult {
    pub question: Question,
    /// Respondents who answered it.
    pub answered: Vec<Option<u64>>,
    /// Per option (a scale's points, a choice's options, a rating's 0–10):
    /// how many chose it.
    pub options: Vec<Vec<Option<u64>>>,
    /// The mean of a scale's points, a rating or a number.
    pub mean: Vec<Option<f64>>,
    /// A rating's net promoter score: the share of 9s and 10s less the
    /// share of 0s to 6s, from −100 to 100.
    pub nps: Vec<Option<f64>>,
}

/// The results: the groups (`["all"]` when not grouped), respondents per
/// group with their marks, the questions; each vector has one figure per
/// group and the total last.
#[derive(Debug, Clone, PartialEq)]
pub struct Results {
    pub groups: Vec<String>,
    pub respondents: Vec<u64>,
    pub marks: Vec<Mark>,
    pub questions: Vec<QuestionResult>,
    pub threshold: u64,
}

/// How many options a question's answers are counted over.
pub fn option_count(q: &Question) -> usize {
    match q.kind {
        Kind::Likert | Kind::Single | Kind::Multiple => q.options.len(),
        Kind::Rating => 11,
        Kind::Number | Kind::ShortText | Kind::LongText => 0,
    }
}

/// `SELECT <group>, <rest> FROM <from> <joins> WHERE <submitted in the
/// period> AND <survey> <filter>`, then `GROUP BY` the first `keys` columns.
fn query(
    backend: sea_orm::DatabaseBackend,
    grouping: Option<&Grouping>,
    rest: &str,
    from: &str,
    survey_column: &str,
    s: &Scope<'_>,
) -> (Sql, usize) {
    let mut sql = Sql::new(backend);
    let group = grouping.map(|g| g.expression().to_owned());
    sql.push("SELECT ");
    if let Some(g) = &group {
        sql.push(g).push(", ");
    }
    sql.push(rest);
    sql.push(&format!(
        " FROM {from}{} WHERE e.status = 'submitted' AND e.submitted_at >= {} AND e.submitted_at < {}",
        kuza_reports::joins_for(s.by, s.filter, s.optional),
        s.filter.from,
        s.filter.to
    ));
    s.surveys.push(&mut sql, survey_column);
    kuza_reports::push_conditions(&mut sql, s.filter);
    (sql, usize::from(group.is_some()))
}

fn group_by(sql: &mut Sql, n: usize) {
    let list: Vec<String> = (1..=n).map(|i| i.to_string()).collect();
    sql.push(" GROUP BY ").push(&list.join(", "));
}

/// An option (`None` for a number) with how many chose it and the sum of
/// the numbers given.
type Counted = (Option<i64>, u64, f64);

/// Counts the results.
pub async fn count(conn: &impl ConnectionTrait, s: &Scope<'_>) -> Result<Results, DbErr> {
    let backend = conn.get_database_backend();
    let grouping =
        s.by.map(|d| Grouping::new(d, backend, "e.submitted_at", s.filter));
    let group_of = |r: &sea_orm::QueryResult| -> Result<String, DbErr> {
        match &grouping {
            Some(g) => g.group_of(r, 0),
            None => Ok("all".to_owned()),
        }
    };
    // Respondents per group.
    let (mut sql, k) = query(
        backend,
        grouping.as_ref(),
        "COUNT(*)",
        "survey_responses e",
        "e.survey_id",
        s,
    );
    if k > 0 {
        group_by(&mut sql, k);
    }
    let mut respondents: HashMap<String, u64> = HashMap::new();
    for r in conn.query_all(sql.statement()).await? {
        let n: i64 = r.try_get_by_index(k)?;
        *respondents.entry(group_of(&r)?).or_default() += n.max(0) as u64;
    }
    // Answers per group, question and option, with the numbers' sums.
    let counted: Vec<&Question> = s.questions.iter().filter(|q| !q.kind.is_text()).collect();
    let ids: Vec<String> = counted.iter().map(|q| q.id.clone()).collect();
    // By (group, question): each option's count and the numbers' sum.
    let mut answers: HashMap<(String, String), Vec<Counted>> = HashMap::new();
    let mut distinct: HashMap<(String, String), u64> = HashMap::new();
    if !ids.is_empty() {
        let from = "survey_answers a JOIN survey_responses e ON e.id = a.response_id";
        let (mut sql, k) = query(
            backend,
            grouping.as_ref(),
            "a.question, CAST(a.choice AS BIGINT), COUNT(*), CAST(SUM(a.number) AS DOUBLE PRECISION)",
            from,
            "a.survey_id",
            s,
        );
        push_questions(&mut sql, &ids);
        group_by(&mut sql, k + 2);
        for r in conn.query_all(sql.statement()).await? {
            let q: String = r.try_get_by_index(k)?;
            let choice: Option<i64> = r.try_get_by_index(k + 1)?;
            let n: i64 = r.try_get_by_index(k + 2)?;
            let sum: Option<f64> = r.try_get_by_index(k + 3)?;
            answers.entry((group_of(&r)?, q)).or_default().push((
                choice,
                n.max(0) as u64,
                sum.unwrap_or(0.0),
            ));
        }
        // A multiple choice's respondents are counted once however many
        // options they chose.
        let multiple: Vec<String> = counted
            .iter()
            .filter(|q| q.kind == Kind::Multiple)
            .map(|q| q.id.clone())
            .collect();
        if !multiple.is_empty() {
            let (mut sql, k) = query(
                backend,
                grouping.as_ref(),
                "a.question, COUNT(DISTINCT a.response_id)",
                from,
                "a.survey_id",
                s,
            );
            push_questions(&mut sql, &multiple);
            group_by(&mut sql, k + 1);
            for r in conn.query_all(sql.statement()).await? {
                let q: String = r.try_get_by_index(k)?;
                let n: i64 = r.try_get_by_index(k + 1)?;
                *distinct.entry((group_of(&r)?, q)).or_default() += n.max(0) as u64;
            }
        }
    }
    let mut groups: Vec<String> = respondents.keys().cloned().collect();
    kuza_reports::order_groups(&mut groups);
    if groups.is_empty() {
        groups.push("all".into());
    }
    let n = groups.len();
    let mut table = Counts::new(n, 1, false);
    for (i, g) in groups.iter().enumerate() {
        table.add(i, 0, respondents.get(g).copied().unwrap_or(0));
    }
    // Distinct respondents add up across groups (one group each).
    for i in 0..n {
        let v = table.get(i, 0);
        table.add(n, 0, v);
    }
    let all_marks = suppress(&table, s.threshold);
    let marks: Vec<Mark> = (0..=n).map(|i| all_marks[table.index(i, 0)]).collect();
    let counts: Vec<u64> = (0..=n).map(|i| table.get(i, 0)).collect();
    let shown = |i: usize| marks[i] == Mark::Shown;
    let questions = s
        .questions
        .iter()
        .map(|q| {
            let options = option_count(q);
            // Per position (group, then the total): answered, per option, sum.
            let mut answered = vec![0u64; n + 1];
            let mut per = vec![vec![0u64; n + 1]; options];
            let mut sum = vec![0f64; n + 1];
            for (i, g) in groups.iter().enumerate() {
                let found = answers.get(&(g.clone(), q.id.clone()));
                for (choice, c, s) in found.into_iter().flatten() {
                    for at in [i, n] {
                        answered[at] += c;
                        sum[at] += s;
                        if let Some(slot) = choice
                            .and_then(|c| usize::try_from(c).ok())
                            .and_then(|c| per.get_mut(c))
                        {
                            slot[at] += c;
                        }
                    }
                }
                if q.kind == Kind::Multiple {
                    let d = distinct
                        .get(&(g.clone(), q.id.clone()))
                        .copied()
                        .unwrap_or(0);
                    answered[i] = d;
                }
            }
            if q.kind == Kind::Multiple {
                answered[n] = answered[..n].iter().sum();
            }
            let when = |at: usize, v: Option<f64>| v.filter(|_| shown(at));
            QuestionResult {
                question: q.clone(),
                answered: (0..=n)
                    .map(|at| Some(answered[at]).filter(|_| shown(at) && !q.kind.is_text()))
                    .collect(),
                options: per
                    .iter()
                    .map(|o| {
                        (0..=n)
                            .map(|at| Some(o[at]).filter(|_| shown(at)))
                            .collect()
                    })
                    .collect(),
                mean: (0..=n)
                    .map(|at| {
                        let has_mean = matches!(q.kind, Kind::Likert | Kind::Rating | Kind::Number);
                        when(
                            at,
                            (has_mean && answered[at] > 0).then(|| sum[at] / answered[at] as f64),
                        )
                    })
                    .collect(),
                nps: (0..=n)
                    .map(|at| {
                        if q.kind != Kind::Rating || answered[at] == 0 {
                            return None;
                        }
                        let promoters: u64 = per[9][at] + per[10][at];
                        let detractors: u64 = per[..=6].iter().map(|o| o[at]).sum();
                        when(
                            at,
                            Some(
                                100.0 * (promoters as f64 - detractors as f64)
                                    / answered[at] as f64,
                            ),
                        )
                    })
                    .collect(),
            }
        })
        .collect();
    Ok(Results {
        groups,
        respondents: counts,
        marks,
        questions,
        threshold: s.threshold,
    })
}

fn push_questions(sql: &mut Sql, ids: &[String]) {
    sql.push(" AND a.question IN (");
    for (i, id) in ids.iter().enumerate() {
        if i > 0 {
            sql.push(", ");
        }
        sql.bind(id.clone());
    }
    sql.push(")");
}

/// A free-text answer as its readers see it.
#[derive(Debug, Clone, PartialEq)]
pub struct TextAnswer {
    pub question: String,
    pub text: String,
    pub submitted_at: i64,
    /// Who wrote it (for a survey that is not anonymous).
    pub user_id: Option<i32>,
}

/// The most recent free-text answers (at most `limit`) to the text
/// questions among `questions`, in the scope's period and filter.
pub async fn texts(
    conn: &impl ConnectionTrait,
    s: &Scope<'_>,
    limit: u64,
) -> Result<Vec<TextAnswer>, DbErr> {
    let ids: Vec<String> = s
        .questions
        .iter()
        .filter(|q| q.kind.is_text())
        .map(|q| q.id.clone())
        .collect();
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let scope = Scope {
        by: None,
        ..s.clone()
    };
    let (mut sql, _) = query(
        conn.get_database_backend(),
        None,
        "a.question, a.text, e.submitted_at, e.user_id",
        "survey_answers a JOIN survey_responses e ON e.id = a.response_id",
        "a.survey_id",
        &scope,
    );
    push_questions(&mut sql, &ids);
    sql.push(" ORDER BY e.submitted_at DESC, a.id DESC LIMIT ")
        .bind(limit as i64);
    let mut out = vec![];
    for r in conn.query_all(sql.statement()).await? {
        out.push(TextAnswer {
            question: r.try_get_by_index(0)?,
            text: r.try_get_by_index::<Option<String>>(1)?.unwrap_or_default(),
            submitted_at: r.try_get_by_index::<Option<i64>>(2)?.unwrap_or(0),
            user_id: r.try_get_by_index::<Option<i32>>(3)?,
        });
    }
    Ok(out)
}

/// How many were asked, started and submitted, in the period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Rates {
    /// Offered the survey: for an evaluation, the completions of the
    /// period.
    pub invited: u64,
    pub started: u64,
    pub submitted: u64,
}

/// The response rates of surveys: the responses started and submitted in
/// the period and, for evaluations (`completions`), the period's
/// completions of the filter's courses as those offered them.
pub async fn rates(
    conn: &impl ConnectionTrait,
    surveys: Surveys<'_>,
    f: &Filter,
    completions: bool,
) -> Result<Rates, DbErr> {
    let backend = conn.get_database_backend();
    let one = |sql: Sql| async move {
        let r = conn.query_one(sql.statement()).await?;
        Ok::<u64, DbErr>(
            r.map(|r| r.try_get_by_index::<i64>(0))
                .transpose()?
                .unwrap_or(0)
                .max(0) as u64,
        )
    };
    let joins = kuza_reports::joins_for(None, f, false);
    let invited = if completions {
        let mut sql = Sql::new(backend);
        sql.push(&format!(
            "SELECT COUNT(*) FROM enrollments e{joins} WHERE e.status = 'completed' AND e.completed_at >= {} AND e.completed_at < {}",
            f.from, f.to
        ));
        kuza_reports::push_conditions(&mut sql, f);
        one(sql).await?
    } else {
        0
    };
    let mut counts = [0u64; 2];
    for (i, time) in ["e.started_at", "e.submitted_at"].iter().enumerate() {
        let mut sql = Sql::new(backend);
        sql.push(&format!(
            "SELECT COUNT(*) FROM survey_responses e{joins} WHERE {time} >= {} AND {time} < {}",
            f.from, f.to
        ));
        surveys.push(&mut sql, "e.survey_id");
        kuza_reports::push_conditions(&mut sql, f);
        counts[i] = one(sql).await?;
    }
    Ok(Rates {
        invited,
        started: counts[0],
        submitted: counts[1],
    })
}
