//! `/grading`: short-text answers waiting for a person, for those who may
//! grade them (administrators, course editors, cohort facilitators). One
//! small form per attempt: right or wrong for each waiting answer.

use super::courses::text;
use super::{Portal, Posted};
use crate::errors::PortalError;
use crate::learning;
use actix_web::{HttpResponse, web};
use serde_json::json;
use std::collections::BTreeMap;
use tera::Context;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/grading", web::get().to(page))
        .route("/grading/{attempt}", web::post().to(grade));
}

async fn page(portal: Portal) -> Result<HttpResponse, PortalError> {
    let v = portal.require_user()?;
    let pending = learning::pending_grading(&portal.state, v.user.id, v.grants.is_admin()).await?;
    let lang = portal.lang;
    let items: Vec<_> = pending
        .iter()
        .map(|p| {
            let doc = &p.published.1.document;
            let default = doc.default_language.as_str();
            let view = crate::api::pending_view(p);
            let lesson = kuza_progress::lesson(doc, &p.attempt.lesson_key)
                .map(|l| text(&l.title, lang, default));
            json!({
                "id": p.attempt.id, "learner": p.learner,
                "course": text(&doc.title, lang, default), "lesson": lesson,
                "answers": view.answers.iter().map(|a| json!({
                    "key": a.question, "prompt": text(&a.prompt, lang, default),
                    "answer": a.answer, "accepted": a.accepted.join(" · "), "points": a.points,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let mut ctx = Context::new();
    ctx.insert("items", &items);
    portal.render("grading.html", ctx)
}

async fn grade(
    posted: Posted<Vec<(String, String)>>,
    attempt: web::Path<i32>,
) -> Result<HttpResponse, PortalError> {
    let portal = posted.portal;
    let v = portal.require_user()?;
    let a = kuza_progress::quiz::attempt(&portal.state.db, *attempt)
        .await?
        .ok_or(PortalError::NotFound)?;
    let e = kuza_enrollment::by_id(&portal.state.db, a.enrollment_id)
        .await?
        .ok_or(PortalError::NotFound)?;
    if !learning::can_grade(&portal.state, v.user.id, v.grants.is_admin(), &e).await? {
        return Err(PortalError::Forbidden);
    }
    let mut decisions = BTreeMap::new();
    for (k, val) in &posted.form {
        if let Some(q) = k.strip_prefix("g-") {
            decisions.insert(q.to_owned(), val == "right");
        }
    }
    let p = learning::published_by_id(&portal.state, e.course_id).await?;
    let by = v.user.id;
    match learning::grade(&portal.state, &p, a.id, &decisions, by).await {
        Ok(_) => Ok(portal.redirect("/grading?notice=grading-saved")),
        // A missing decision: the page asks for every answer.
        Err(learning::LearningError::Progress(kuza_progress::ProgressError::Quiz(
            kuza_progress::quiz::QuizError::BadAnswers(_),
        ))) => Err(PortalError::BadRequest),
        Err(e) => Err(e.into()),
    }
}
