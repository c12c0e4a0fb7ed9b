//! Short-text answers that wait for a person: the queue each grader sees
//! (an administrator all of it, an editor their courses', a facilitator
//! their cohorts'), and grading an attempt, once.

use crate::policy::{self, Action, Actor, On};
use crate::published::Published;
use crate::{App, AppError};
use kuza_courses::Translated;
use kuza_courses::content::Answer;
use kuza_enrollment::Enrollment;
use kuza_progress::quiz::{self, Attempt, Outcome};
use std::collections::{BTreeMap, HashMap};

/// An attempt waiting for a person, with what grading it needs.
pub struct Pending {
    pub attempt: Attempt,
    pub enrollment: Enrollment,
    pub learner: String,
    pub published: Published,
    /// The answers waiting, in the quiz's order.
    pub answers: Vec<PendingAnswer>,
}

pub struct PendingAnswer {
    pub question: String,
    pub prompt: Translated,
    /// What the learner wrote.
    pub answer: String,
    /// The answers the author accepted, for comparison.
    pub accepted: Vec<String>,
    pub points: u32,
}

/// The answers of `a` that wait for a person.
fn pending_answers(p: &Published, a: &Attempt) -> Vec<PendingAnswer> {
    let quiz =
        kuza_progress::lesson(&p.1.document, &a.lesson_key).and_then(|l| l.content.quiz.as_ref());
    let (given, results) = quiz::stored(a);
    results
        .iter()
        .filter(|r| r.outcome == Outcome::Pending)
        .filter_map(|r| {
            let q = quiz?.questions.iter().find(|q| q.key == r.key)?;
            let accepted = match &q.answer {
                Answer::ShortText { accepted, .. } => accepted.clone(),
                _ => vec![],
            };
            Some(PendingAnswer {
                question: r.key.clone(),
                prompt: q.prompt.clone(),
                answer: given
                    .get(&r.key)
                    .and_then(|v| v.first().cloned())
                    .unwrap_or_default(),
                accepted,
                points: r.max,
            })
        })
        .collect()
}

/// The attempts waiting for a person that the actor may grade, oldest
/// first (at most 200 at a time): those of the courses they edit and of the
/// cohorts they facilitate (all for administrators), read in one query,
/// then their enrolments and learners in one query each.
pub async fn pending(app: &App, actor: &Actor) -> Result<Vec<Pending>, AppError> {
    use kuza_db::entities::{enrollment, quiz_attempt, user};
    use sea_orm::sea_query::{Expr, Query};
    use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
    let mut q = quiz_attempt::Entity::find()
        .filter(quiz_attempt::Column::NeedsGrading.eq(true))
        .order_by_asc(quiz_attempt::Column::SubmittedAt)
        .order_by_asc(quiz_attempt::Column::Id)
        .limit(200);
    if !actor.is_admin() {
        let courses = policy::courses_edited_by(&app.db, actor)
            .await?
            .unwrap_or_default();
        let cohorts = policy::cohorts_facilitated_by(&app.db, actor).await?;
        if courses.is_empty() && cohorts.is_empty() {
            return Ok(vec![]);
        }
        let theirs = Query::select()
            .column(enrollment::Column::Id)
            .from(enrollment::Entity)
            .cond_where(
                Condition::any()
                    .add(enrollment::Column::CourseId.is_in(courses))
                    .add(enrollment::Column::CohortId.is_in(cohorts)),
            )
            .to_owned();
        q = q.filter(Expr::col(quiz_attempt::Column::EnrollmentId).in_subquery(theirs));
    }
    let waiting = q.all(&app.db).await?;
    let enrolments: HashMap<i32, Enrollment> = enrollment::Entity::find()
        .filter(enrollment::Column::Id.is_in(waiting.iter().map(|a| a.enrollment_id)))
        .all(&app.db)
        .await?
        .into_iter()
        .map(|e| (e.id, e))
        .collect();
    let names: HashMap<i32, String> = user::Entity::find()
        .filter(user::Column::Id.is_in(enrolments.values().map(|e| e.user_id)))
        .select_only()
        .column(user::Column::Id)
        .column(user::Column::DisplayName)
        .into_tuple::<(i32, String)>()
        .all(&app.db)
        .await?
        .into_iter()
        .collect();
    let mut out = vec![];
    for a in waiting {
        let Some(e) = enrolments.get(&a.enrollment_id).cloned() else {
            continue;
        };
        // An archived course's attempts wait until it is published again.
        let Some(p) = app.published.course_by_id(&app.db, e.course_id).await? else {
            continue;
        };
        out.push(Pending {
            learner: names.get(&e.user_id).cloned().unwrap_or_default(),
            answers: pending_answers(&p, &a),
            attempt: a,
            enrollment: e,
            published: p,
        });
    }
    Ok(out)
}

/// Records a grader's decisions on an attempt's pending answers (question
/// key → right or wrong); a passing attempt then completes the quiz and
/// perhaps the course. Grading twice is `already_graded`.
pub async fn grade(
    app: &App,
    actor: &Actor,
    attempt_id: i32,
    decisions: &BTreeMap<String, bool>,
) -> Result<(Attempt, Published), AppError> {
    let a = quiz::attempt(&app.db, attempt_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let e = kuza_enrollment::by_id(&app.db, a.enrollment_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let facts = policy::enrollment(&app.db, &e).await?;
    policy::may(Some(actor), Action::Grade, On::Enrollment(&facts))?;
    let p = crate::learning::published_by_id(app, e.course_id).await?;
    let (_, v) = &*p;
    let txn = kuza_db::begin_write(&app.db).await?;
    let done =
        quiz::grade_pending(&txn, a.id, decisions, actor.id(), &v.document, v.number).await?;
    if let Some((_, step)) = &done {
        crate::certificates::after_graded(app, &txn, step, &v.document, v.number).await?;
    }
    txn.commit().await?;
    let Some((graded, step)) = done else {
        return Err(AppError::conflict(
            "already_graded",
            "these answers were graded already",
        ));
    };
    tracing::info!(
        attempt.id = graded.id,
        user.id = actor.id(),
        course_completed = step.course_completed,
        "answers graded"
    );
    Ok((graded, p))
}
