//! The instance's survey question bank, as administrators keep it: every
//! question with where it is standard, new questions added (any survey
//! may then take them, and their answers compare across surveys), and
//! questions retired (offered to no new survey; those that have them keep
//! them) or brought back.

use super::courses::text;
use super::studio::{Form, field};
use super::surveys::{question_of, studio_field};
use super::{Portal, Posted};
use crate::errors::PortalError;
use crate::routes::{Access, Table};
use actix_web::HttpResponse;
use actix_web::http::Method;
use kuza_app::surveys::{self, NewBankQuestion};
use kuza_app::{AppError, FieldProblem};
use kuza_db::values::Code;
use kuza_i18n::Language;
use kuza_surveys::form::Kind;
use serde_json::{Value, json};
use tera::Context;

pub fn routes(t: &mut Table) {
    t.page(Method::GET, "/admin/survey-bank", Access::Admin, page);
    t.page(Method::POST, "/admin/survey-bank", Access::Admin, change);
}

async fn context(portal: &Portal) -> Result<Context, PortalError> {
    let bank = surveys::bank_to_manage(&portal.state.app, portal.actor()).await?;
    let lang = portal.lang;
    let rows: Vec<Value> = bank
        .iter()
        .map(|b| {
            json!({
                "key": b.key, "kind": b.question.kind.code(), "retired": b.retired,
                "standard": b.standard.map(|s| s.code()),
                "text": text(&b.question.text, lang, "en"),
            })
        })
        .collect();
    let mut ctx = Context::new();
    ctx.insert("questions", &rows);
    ctx.insert(
        "kinds",
        &Kind::ALL.iter().map(|k| k.code()).collect::<Vec<_>>(),
    );
    let languages: Vec<Value> = Language::ALL
        .iter()
        .map(|l| json!({ "code": l.code(), "name": l.native_name(), "dir": l.dir(), "default": *l == lang }))
        .collect();
    ctx.insert("languages", &languages);
    ctx.insert("errors", &serde_json::Map::new());
    ctx.insert("error_count", &0);
    Ok(ctx)
}

async fn page(portal: Portal) -> Result<HttpResponse, PortalError> {
    let ctx = context(&portal).await?;
    portal.render("admin_survey_bank.html", ctx)
}

/// `action`: `add` a question, `retire` or `restore` the one of `key`.
async fn change(posted: Posted<Form>) -> Result<HttpResponse, PortalError> {
    let portal = posted.portal;
    let app = &portal.state.app;
    let f = &posted.form;
    let key = field(f, "key").trim();
    let result = match field(f, "action") {
        "retire" | "restore" => {
            let retired = field(f, "action") == "retire";
            surveys::retire_bank_question(app, portal.actor(), key, retired).await
        }
        "add" => {
            let mut bad = vec![];
            let question = question_of(f, &Language::ALL, &mut bad);
            if bad.is_empty() {
                let new = NewBankQuestion {
                    key: Some(key.to_owned()).filter(|k| !k.is_empty()),
                    question,
                    default: portal.lang,
                };
                surveys::add_to_bank(app, portal.actor(), new)
                    .await
                    .map(|_| ())
            } else {
                Err(AppError::Invalid(bad))
            }
        }
        _ => return Err(AppError::BadInput("unknown action".into()).into()),
    };
    match result {
        Ok(()) => Ok(portal.redirect("/admin/survey-bank?notice=studio-saved")),
        Err(AppError::Invalid(bad)) => {
            let shown: Vec<FieldProblem> = bad.iter().map(studio_field).collect();
            let mut ctx = context(&portal).await?;
            ctx.insert("errors", &portal.field_errors(&shown));
            ctx.insert("error_count", &shown.len());
            ctx.insert("values", f);
            portal.render_invalid("admin_survey_bank.html", ctx)
        }
        Err(AppError::Conflict { code, .. }) => {
            let shown = [FieldProblem::new("key", code)];
            let mut ctx = context(&portal).await?;
            ctx.insert("errors", &portal.field_errors(&shown));
            ctx.insert("error_count", &1);
            ctx.insert("values", f);
            portal.render_invalid("admin_survey_bank.html", ctx)
        }
        Err(e) => Err(e.into()),
    }
}
