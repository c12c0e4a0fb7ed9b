//! Needs assessments as those who run them see them: the list (a partner
//! coordinator's organisation's; every one, for administrators) and the
//! form that starts one. Editing, answering and results are the other
//! surveys' pages (see `surveys.rs`).

use super::courses::text;
use super::studio::{Form, field, translated};
use super::{Portal, Posted};
use crate::errors::PortalError;
use crate::routes::{Access, Table};
use actix_web::HttpResponse;
use actix_web::http::Method;
use kuza_app::needs::{self, Creating};
use kuza_app::{AppError, admin};
use kuza_db::values::Code;
use kuza_surveys::SurveyAudience;
use serde_json::{Value, json};
use tera::Context;

pub fn routes(t: &mut Table) {
    t.page(Method::GET, "/surveys", Access::PartnerOrAdmin, list_page);
    t.page(Method::POST, "/surveys", Access::PartnerOrAdmin, create);
}

async fn context(portal: &Portal) -> Result<Context, PortalError> {
    let app = &portal.state.app;
    let listed = needs::list(app, portal.actor()).await?;
    let names: std::collections::HashMap<i32, String> = admin::all_organisations(app)
        .await?
        .into_iter()
        .map(|o| (o.id, o.name))
        .collect();
    let surveys: Vec<Value> = listed
        .iter()
        .map(|l| {
            let s = &l.survey;
            json!({
                "id": s.id,
                "title": text(&kuza_surveys::needs::title(s), portal.lang, &s.default_language),
                "organisation": s.organisation_id.and_then(|o| names.get(&o)),
                "audience": s.audience.map(|a| a.code()),
                "state": kuza_surveys::needs::state(s),
                "started": l.started, "submitted": l.submitted,
            })
        })
        .collect();
    let mut ctx = Context::new();
    ctx.insert("surveys", &surveys);
    let is_admin = portal.actor().is_some_and(|a| a.is_admin());
    let organisations: Vec<Value> = if is_admin {
        let mut all: Vec<(&i32, &String)> = names.iter().collect();
        all.sort_by(|a, b| a.1.cmp(b.1));
        all.into_iter()
            .map(|(id, name)| json!({ "id": id, "name": name }))
            .collect()
    } else {
        vec![]
    };
    ctx.insert("organisations", &organisations);
    ctx.insert("is_admin", &is_admin);
    ctx.insert("errors", &serde_json::Map::new());
    ctx.insert("error_count", &0);
    Ok(ctx)
}

async fn list_page(portal: Portal) -> Result<HttpResponse, PortalError> {
    let ctx = context(&portal).await?;
    portal.render("needs.html", ctx)
}

async fn create(posted: Posted<Form>) -> Result<HttpResponse, PortalError> {
    let portal = posted.portal;
    let f = &posted.form;
    let organisation = match field(f, "organisation").trim() {
        "" => None,
        v => Some(
            v.parse()
                .map_err(|_| AppError::BadInput("organisation".into()))?,
        ),
    };
    let c = Creating {
        title: translated(f, "title"),
        audience: SurveyAudience::parse(field(f, "audience")).unwrap_or(SurveyAudience::Members),
        organisation,
        default: portal.lang,
    };
    match needs::create(&portal.state.app, portal.actor(), c).await {
        Ok(s) => Ok(portal.redirect(&format!("/surveys/{}/edit?notice=studio-saved", s.id))),
        Err(AppError::Invalid(bad)) => {
            let mut ctx = context(&portal).await?;
            ctx.insert("errors", &portal.field_errors(&bad));
            ctx.insert("error_count", &bad.len());
            ctx.insert("values", f);
            portal.render_invalid("needs.html", ctx)
        }
        Err(e) => Err(e.into()),
    }
}
