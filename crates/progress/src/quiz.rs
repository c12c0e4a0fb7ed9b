//! Quiz attempts: started, answered in one plain form, graded on submit.
//!
//! - An attempt is started first (it gets its number, its deadline when the
//!   quiz has a time limit, and the seed that orders a shuffled quiz); a
//!   started attempt that is neither submitted nor past its deadline is
//!   resumed rather than a new one begun.
//! - The attempt limit counts every attempt started. Submitting after the
//!   deadline (plus [`GRACE_SECONDS`] for slow connections) is refused and
//!   the answers are not stored.
//! - Submitting is done once: the row changes only while `submitted_at` is
//!   null, so a double-submitted form counts once and the second request
//!   gets the first one's result.
//! - Answers naming a question or option the quiz does not have are refused
//!   as a whole, nothing stored.
//! - A passing attempt completes the quiz lesson (and so perhaps the course)
//!   in the same transaction. Which attempt's score is reported, the best or
//!   the last, is the course's policy.

use crate::{ProgressError, Step, evaluate, lesson, lock, lock_in, record};
use kuza_courses::Document;
use kuza_courses::content::{Answer, Choice, Question, Quiz, normalize_text_answer};
use kuza_db::entities::quiz_attempt;
use kuza_db::now;
use kuza_db::values::{GradePolicy, LessonKind};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub use kuza_db::entities::quiz_attempt::Model as Attempt;

/// Seconds after the deadline a submission is still taken (the form was
/// sent in time over a slow connection).
pub const GRACE_SECONDS: i64 = 60;
/// Longest short-text answer kept.
pub const MAX_TEXT: usize = 2_000;

/// The answers as submitted: question key → the values given (option keys,
/// `true`/`false`, a number, a text). A form sends every value as text.
pub type Given = BTreeMap<String, Vec<String>>;

#[derive(Debug, thiserror::Error)]
pub enum QuizError {
    #[error("this lesson is not a quiz")]
    NotQuiz,
    #[error("no attempts left")]
    AttemptsExhausted,
    #[error("the time for this attempt is over")]
    TimeOver,
    #[error("no such attempt")]
    AttemptNotFound,
    #[error("the answers do not fit the quiz")]
    BadAnswers(Vec<(String, &'static str)>),
}

impl QuizError {
    pub fn code(&self) -> &'static str {
        match self {
            QuizError::NotQuiz => "lesson_not_a_quiz",
            QuizError::AttemptsExhausted => "attempts_exhausted",
            QuizError::TimeOver => "time_over",
            QuizError::AttemptNotFound => "not_found",
            QuizError::BadAnswers(_) => "bad_answers",
        }
    }
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Correct,
    Incorrect,
    Unanswered,
    /// Waits for a facilitator (a short text that matched no accepted answer).
    Pending,
}

/// One question's grading, kept with the attempt.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct QuestionResult {
    pub key: String,
    pub outcome: Outcome,
    pub points: u32,
    pub max: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Graded {
    pub points: u32,
    pub max: u32,
    pub pending: bool,
    pub results: Vec<QuestionResult>,
}

/// Whether `points` of `max` reach a pass mark in percent.
pub fn passes(points: u32, max: u32, pass_mark: u8) -> bool {
    u64::from(points) * 100 >= u64::from(pass_mark) * u64::from(max)
}

/// A number as people type it: `3.5`, `3,5`, ` 1 200 `.
fn parse_number(s: &str) -> Option<f64> {
    let t: String = s
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}' && *c != '\u{202f}')
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    t.parse::<f64>().ok().filter(|n| n.is_finite())
}

fn values<'a>(given: &'a Given, key: &str) -> Vec<&'a str> {
    given
        .get(key)
        .map(|v| {
            v.iter()
                .map(|s| s.trim())
                .filter(|s| !s.is_empty())
                .collect()
        })
        .unwrap_or_default()
}

/// Every way the answers do not fit the quiz, as `(path, code)`.
pub fn check(quiz: &Quiz, given: &Given) -> Result<(), Vec<(String, &'static str)>> {
    let mut problems = vec![];
    for key in given.keys() {
        if !quiz.questions.iter().any(|q| &q.key == key) {
            problems.push((key.clone(), "unknown_question"));
        }
    }
    for q in &quiz.questions {
        let v = values(given, &q.key);
        let known = |x: &str| q.answer.options().iter().any(|o| o.key == x);
        let problem = match &q.answer {
            Answer::Single { .. } if v.len() > 1 => Some("one_value"),
            Answer::Single { .. } | Answer::Multiple { .. } if v.iter().any(|x| !known(x)) => {
                Some("unknown_option")
            }
            Answer::TrueFalse { .. }
                if v.len() > 1 || v.iter().any(|x| *x != "true" && *x != "false") =>
            {
                Some("not_true_or_false")
            }
            Answer::Numeric { .. }
                if v.len() > 1 || v.iter().any(|x| parse_number(x).is_none()) =>
            {
                Some("not_a_number")
            }
            Answer::ShortText { .. } if v.len() > 1 => Some("one_value"),
            Answer::ShortText { .. } if v.iter().any(|x| x.chars().count() > MAX_TEXT) => {
                Some("too_long")
            }
            _ => None,
        };
        if let Some(code) = problem {
            problems.push((q.key.clone(), code));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

fn outcome(q: &Question, v: &[&str]) -> Outcome {
    if v.is_empty() {
        return Outcome::Unanswered;
    }
    let right = match &q.answer {
        Answer::Single { options } | Answer::Multiple { options } => {
            let mut chosen: Vec<&str> = v.to_vec();
            chosen.sort_unstable();
            chosen.dedup();
            let mut correct: Vec<&str> = options
                .iter()
                .filter(|o| o.correct)
                .map(|o| o.key.as_str())
                .collect();
            correct.sort_unstable();
            chosen == correct
        }
        Answer::TrueFalse { answer } => v[0] == if *answer { "true" } else { "false" },
        Answer::Numeric { answer, tolerance } => {
            parse_number(v[0]).is_some_and(|n| (n - answer).abs() <= tolerance.abs() + 1e-9)
        }
        Answer::ShortText { accepted, manual } => {
            let a = normalize_text_answer(v[0]);
            if accepted.iter().any(|x| normalize_text_answer(x) == a) {
                true
            } else if *manual {
                return Outcome::Pending;
            } else {
                false
            }
        }
    };
    if right {
        Outcome::Correct
    } else {
        Outcome::Incorrect
    }
}

/// Grades checked answers: full points for a right answer (all and only the
/// correct options of a multiple-choice question), none otherwise.
pub fn grade(quiz: &Quiz, given: &Given) -> Graded {
    let results: Vec<QuestionResult> = quiz
        .questions
        .iter()
        .map(|q| {
            let outcome = outcome(q, &values(given, &q.key));
            QuestionResult {
                key: q.key.clone(),
                outcome,
                points: if outcome == Outcome::Correct {
                    q.points
                } else {
                    0
                },
                max: q.points,
            }
        })
        .collect();
    Graded {
        points: results.iter().map(|r| r.points).sum(),
        max: quiz.points(),
        pending: results.iter().any(|r| r.outcome == Outcome::Pending),
        results,
    }
}

/// A stable 64-bit mix of a seed and a key (FNV-1a, then splitmix64's
/// finalizer): the same order on every page of an attempt, and in every
/// process, without storing it.
fn rank(seed: i64, key: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ seed.cast_unsigned();
    for b in key.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h = (h ^ (h >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h = (h ^ (h >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

/// The questions, each with its options, in the order this attempt shows
/// them (the authored order unless the quiz is shuffled).
pub fn arranged(quiz: &Quiz, seed: i64) -> Vec<(&Question, Vec<&Choice>)> {
    let mut qs: Vec<(&Question, Vec<&Choice>)> = quiz
        .questions
        .iter()
        .map(|q| {
            let mut os: Vec<&Choice> = q.answer.options().iter().collect();
            if quiz.shuffle {
                os.sort_by_key(|o| rank(seed, &o.key));
            }
            (q, os)
        })
        .collect();
    if quiz.shuffle {
        qs.sort_by_key(|(q, _)| rank(seed, &q.key));
    }
    qs
}

fn quiz_of<'a>(doc: &'a Document, lesson_key: &str) -> Result<&'a Quiz, ProgressError> {
    let l = lesson(doc, lesson_key).ok_or(ProgressError::NoSuchLesson)?;
    if l.kind != LessonKind::Quiz {
        return Err(QuizError::NotQuiz.into());
    }
    l.content.quiz.as_ref().ok_or(QuizError::NotQuiz.into())
}

/// The enrolment's attempts at a quiz lesson, oldest first.
pub async fn attempts(
    conn: &impl ConnectionTrait,
    enrollment_id: i32,
    lesson_key: &str,
) -> Result<Vec<Attempt>, DbErr> {
    quiz_attempt::Entity::find()
        .filter(quiz_attempt::Column::EnrollmentId.eq(enrollment_id))
        .filter(quiz_attempt::Column::LessonKey.eq(lesson_key))
        .order_by_asc(quiz_attempt::Column::Number)
        .all(conn)
        .await
}

pub async fn attempt(conn: &impl ConnectionTrait, id: i32) -> Result<Option<Attempt>, DbErr> {
    quiz_attempt::Entity::find_by_id(id).one(conn).await
}

/// Whether an attempt can still be submitted at `t`.
pub fn open_at(a: &Attempt, t: i64) -> bool {
    a.submitted_at.is_none() && a.deadline.is_none_or(|d| t <= d + GRACE_SECONDS)
}

/// The attempt whose score counts under `policy`: among the graded ones.
pub fn counted(attempts: &[Attempt], policy: GradePolicy) -> Option<&Attempt> {
    let graded = attempts.iter().filter(|a| a.points.is_some());
    match policy {
        GradePolicy::Last => graded.max_by_key(|a| a.number),
        // The best score; the earlier attempt among equals.
        GradePolicy::Best => graded.min_by_key(|a| (std::cmp::Reverse(a.points), a.number)),
    }
}

/// The learner's final score: the points of the attempt that counts on each
/// quiz they took (under `policy`), as a percentage of those quizzes'
/// points, rounded down; `None` when they took none.
pub async fn final_score(
    conn: &impl ConnectionTrait,
    enrollment_id: i32,
    policy: GradePolicy,
) -> Result<Option<i32>, DbErr> {
    let all = quiz_attempt::Entity::find()
        .filter(quiz_attempt::Column::EnrollmentId.eq(enrollment_id))
        .all(conn)
        .await?;
    let mut by_quiz: std::collections::BTreeMap<&str, Vec<Attempt>> = Default::default();
    for a in &all {
        by_quiz
            .entry(a.lesson_key.as_str())
            .or_default()
            .push(a.clone());
    }
    let (mut points, mut max) = (0i64, 0i64);
    for attempts in by_quiz.values() {
        if let Some(a) = counted(attempts, policy) {
            points += i64::from(a.points.unwrap_or(0));
            max += i64::from(a.max_points);
        }
    }
    Ok((max > 0).then(|| i32::try_from(points * 100 / max).unwrap_or(0)))
}

/// Starts an attempt at a quiz, or returns the one still open (`true`
/// when resumed). Call it in a write transaction.
pub async fn start(
    conn: &impl ConnectionTrait,
    course_id: i32,
    user_id: i32,
    doc: &Document,
    lesson_key: &str,
) -> Result<(Attempt, bool), ProgressError> {
    let e = lock_in(conn, course_id, user_id)
        .await?
        .filter(kuza_enrollment::studies)
        .ok_or(ProgressError::NotEnrolled)?;
    let quiz = quiz_of(doc, lesson_key)?;
    let t = now();
    let previous = attempts(conn, e.id, lesson_key).await?;
    if let Some(open) = previous.iter().find(|a| open_at(a, t)) {
        return Ok((open.clone(), true));
    }
    if quiz
        .attempts
        .is_some_and(|limit| previous.len() >= limit as usize)
    {
        return Err(QuizError::AttemptsExhausted.into());
    }
    let number = previous.iter().map(|a| a.number).max().unwrap_or(0) + 1;
    let id = quiz_attempt::Entity::insert(quiz_attempt::ActiveModel {
        enrollment_id: Set(e.id),
        lesson_key: Set(lesson_key.to_owned()),
        number: Set(number),
        seed: Set(rand::random::<i64>()),
        started_at: Set(t),
        deadline: Set(quiz.time_limit_minutes.map(|m| t + i64::from(m) * 60)),
        submitted_at: Set(None),
        answers: Set(None),
        results: Set(None),
        points: Set(None),
        max_points: Set(i32::try_from(quiz.points()).unwrap_or(i32::MAX)),
        passed: Set(None),
        needs_grading: Set(false),
        graded_by: Set(None),
        graded_at: Set(None),
        ..Default::default()
    })
    .exec(conn)
    .await?
    .last_insert_id;
    let a = attempt(conn, id).await?.ok_or(QuizError::AttemptNotFound)?;
    Ok((a, false))
}

/// What a submission did.
#[derive(Debug, Clone)]
pub struct Submitted {
    pub attempt: Attempt,
    /// False when the attempt had already been submitted (this request
    /// changed nothing and reports the first one's result).
    pub first: bool,
    pub step: Step,
}

/// Grades and stores the answers of an open attempt; a passing one
/// completes the quiz lesson, and perhaps the course. Call it in a write
/// transaction.
pub async fn submit(
    conn: &impl ConnectionTrait,
    course_id: i32,
    user_id: i32,
    doc: &Document,
    version: i32,
    attempt_id: i32,
    given: &Given,
) -> Result<Submitted, ProgressError> {
    let e = lock_in(conn, course_id, user_id)
        .await?
        .filter(kuza_enrollment::studies)
        .ok_or(ProgressError::NotEnrolled)?;
    let a = attempt(conn, attempt_id)
        .await?
        .filter(|a| a.enrollment_id == e.id)
        .ok_or(QuizError::AttemptNotFound)?;
    let unchanged = Step {
        enrollment_id: e.id,
        newly: false,
        course_completed: false,
    };
    if a.submitted_at.is_some() {
        return Ok(Submitted {
            attempt: a,
            first: false,
            step: unchanged,
        });
    }
    let quiz = quiz_of(doc, &a.lesson_key)?;
    let t = now();
    if !open_at(&a, t) {
        return Err(QuizError::TimeOver.into());
    }
    check(quiz, given).map_err(QuizError::BadAnswers)?;
    let g = grade(quiz, given);
    let passed = (!g.pending).then(|| passes(g.points, g.max, quiz.pass_mark));
    let stored = Attempt {
        submitted_at: Some(t),
        answers: Some(to_json(given)),
        results: Some(to_json(&g.results)),
        points: (!g.pending).then(|| i32::try_from(g.points).unwrap_or(i32::MAX)),
        max_points: i32::try_from(g.max).unwrap_or(i32::MAX),
        passed,
        needs_grading: g.pending,
        ..a.clone()
    };
    let changed = quiz_attempt::Entity::update_many()
        .col_expr(
            quiz_attempt::Column::SubmittedAt,
            stored.submitted_at.into(),
        )
        .col_expr(quiz_attempt::Column::Answers, stored.answers.clone().into())
        .col_expr(quiz_attempt::Column::Results, stored.results.clone().into())
        .col_expr(quiz_attempt::Column::Points, stored.points.into())
        .col_expr(quiz_attempt::Column::MaxPoints, stored.max_points.into())
        .col_expr(quiz_attempt::Column::Passed, stored.passed.into())
        .col_expr(
            quiz_attempt::Column::NeedsGrading,
            stored.needs_grading.into(),
        )
        .filter(quiz_attempt::Column::Id.eq(a.id))
        .filter(quiz_attempt::Column::SubmittedAt.is_null())
        .exec(conn)
        .await?
        .rows_affected;
    if changed == 0 {
        // Submitted meanwhile (the enrolment lock makes this unreachable).
        return Ok(Submitted {
            attempt: attempt(conn, a.id)
                .await?
                .ok_or(QuizError::AttemptNotFound)?,
            first: false,
            step: unchanged,
        });
    }
    kuza_enrollment::active_on(conn, e.id, t).await?;
    let step = if passed == Some(true) {
        let newly = record(conn, e.id, &a.lesson_key).await?;
        Step {
            enrollment_id: e.id,
            newly,
            course_completed: evaluate(conn, &e, doc, version).await?,
        }
    } else {
        unchanged
    };
    Ok(Submitted {
        attempt: stored,
        first: true,
        step,
    })
}

/// Values built here (maps of strings, results) always serialize.
fn to_json(v: &impl Serialize) -> String {
    serde_json::to_string(v).unwrap_or_default()
}

/// The stored answers and results of a submitted attempt.
pub fn stored(a: &Attempt) -> (Given, Vec<QuestionResult>) {
    let answers = a
        .answers
        .as_deref()
        .and_then(|s| serde_json::from_str(s).ok())
        .unwrap_or_default();
    let results = a
        .results
        .as_deref()
        .and_then(|s| serde_json::from_str(s).ok())
        .unwrap_or_default();
    (answers, results)
}

/// A facilitator's decision on each answer that waited for a person
/// (question key → right or not): full points or none, as for every
/// question. All of them must be decided at once. A passing attempt then
/// completes the quiz lesson, and perhaps the course. Grading twice changes
/// nothing (`None`). Call it in a write transaction.
pub async fn grade_pending(
    conn: &impl ConnectionTrait,
    attempt_id: i32,
    decisions: &BTreeMap<String, bool>,
    by: i32,
    doc: &Document,
    version: i32,
) -> Result<Option<(Attempt, Step)>, ProgressError> {
    let a = attempt(conn, attempt_id)
        .await?
        .ok_or(QuizError::AttemptNotFound)?;
    let e = lock(conn, a.enrollment_id)
        .await?
        .ok_or(ProgressError::NotEnrolled)?;
    // As it is now, under the lock.
    let a = attempt(conn, attempt_id)
        .await?
        .ok_or(QuizError::AttemptNotFound)?;
    if !a.needs_grading {
        return Ok(None);
    }
    let quiz = quiz_of(doc, &a.lesson_key)?;
    let (_, mut results) = stored(&a);
    let pending: Vec<String> = results
        .iter()
        .filter(|r| r.outcome == Outcome::Pending)
        .map(|r| r.key.clone())
        .collect();
    let mut bad: Vec<(String, &'static str)> = decisions
        .keys()
        .filter(|k| !pending.contains(k))
        .map(|k| (k.clone(), "not_pending"))
        .collect();
    bad.extend(
        pending
            .iter()
            .filter(|k| !decisions.contains_key(*k))
            .map(|k| (k.clone(), "required")),
    );
    if !bad.is_empty() {
        return Err(QuizError::BadAnswers(bad).into());
    }
    for r in &mut results {
        if let Some(right) = decisions.get(&r.key) {
            r.outcome = if *right {
                Outcome::Correct
            } else {
                Outcome::Incorrect
            };
            r.points = if *right { r.max } else { 0 };
        }
    }
    let points: u32 = results.iter().map(|r| r.points).sum();
    let max = u32::try_from(a.max_points).unwrap_or(0);
    let passed = passes(points, max, quiz.pass_mark);
    let t = now();
    let changed = quiz_attempt::Entity::update_many()
        .col_expr(
            quiz_attempt::Column::Results,
            Some(to_json(&results)).into(),
        )
        .col_expr(
            quiz_attempt::Column::Points,
            Some(i32::try_from(points).unwrap_or(i32::MAX)).into(),
        )
        .col_expr(quiz_attempt::Column::Passed, Some(passed).into())
        .col_expr(quiz_attempt::Column::NeedsGrading, false.into())
        .col_expr(quiz_attempt::Column::GradedBy, Some(by).into())
        .col_expr(quiz_attempt::Column::GradedAt, Some(t).into())
        .filter(quiz_attempt::Column::Id.eq(a.id))
        .filter(quiz_attempt::Column::NeedsGrading.eq(true))
        .exec(conn)
        .await?
        .rows_affected;
    if changed == 0 {
        return Ok(None);
    }
    let step = if passed && kuza_enrollment::studies(&e) {
        let newly = record(conn, e.id, &a.lesson_key).await?;
        Step {
            enrollment_id: e.id,
            newly,
            course_completed: evaluate(conn, &e, doc, version).await?,
        }
    } else {
        Step {
            enrollment_id: e.id,
            newly: false,
            course_completed: false,
        }
    };
    let graded = attempt(conn, a.id)
        .await?
        .ok_or(QuizError::AttemptNotFound)?;
    Ok(Some((graded, step)))
}

/// Submitted attempts waiting for a person, oldest first, of the given
/// enrolments.
pub async fn pending_of(
    conn: &impl ConnectionTrait,
    enrollment_ids: &[i32],
) -> Result<Vec<Attempt>, DbErr> {
    let mut out = vec![];
    for chunk in enrollment_ids.chunks(500) {
        out.extend(
            quiz_attempt::Entity::find()
                .filter(quiz_attempt::Column::EnrollmentId.is_in(chunk.iter().copied()))
                .filter(quiz_attempt::Column::NeedsGrading.eq(true))
                .all(conn)
                .await?,
        );
    }
    out.sort_by_key(|a| (a.submitted_at, a.id));
    Ok(out)
}
