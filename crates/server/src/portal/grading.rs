//! `/grading`: short-text answers waiting for a person, for those who may
//! grade them (administrators, course editors, cohort facilitators). One
//! small form per attempt: right or wrong for each waiting answer.

use super::courses::text;
use super::{Portal, Posted};
use crate::errors::PortalError;
use crate::routes::{Access, Table};
use actix_web::http::Method;
use actix_web::{HttpResponse, web};
use kuza_app::{AppError, grading};
use serde_json::json;
use std::collections::BTreeMap;
use tera::Context;

pub fn routes(t: &mut Table) {
    t.page(Method::GET, "/grading", Access::SignedIn, page);
    t.page(Method::POST, "/grading/{attempt}", Access::Grader, grade);
}

async fn page(portal: Portal) -> Result<HttpResponse, PortalError> {
    let actor = portal.require_user()?;
    let pending = grading::pending(&portal.state.app, actor).await?;
    let lang = portal.lang;
    let items: Vec<_> = pending
        .iter()
        .map(|p| {
            let doc = &p.published.1.document;
            let default = doc.default_language.as_str();
            let lesson = kuza_progress::lesson(doc, &p.attempt.lesson_key)
                .map(|l| text(&l.title, lang, default));
            json!({
                "id": p.attempt.id, "learner": p.learner,
                "course": text(&doc.title, lang, default), "lesson": lesson,
                "answers": p.answers.iter().map(|a| json!({
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
    let actor = portal.require_user()?;
    let mut decisions = BTreeMap::new();
    for (k, val) in &posted.form {
        if let Some(q) = k.strip_prefix("g-") {
            decisions.insert(q.to_owned(), val == "right");
        }
    }
    match grading::grade(&portal.state.app, actor, *attempt, &decisions).await {
        Ok(_) => Ok(portal.redirect("/grading?notice=grading-saved")),
        // A second click on the same form: it was saved the first time.
        Err(e) if e.code() == "already_graded" => {
            Ok(portal.redirect("/grading?notice=grading-saved"))
        }
        // A missing decision: the page asks for every answer.
        Err(AppError::Invalid(_)) => Err(AppError::BadInput("decisions".into()).into()),
        Err(e) => Err(e.into()),
    }
}
