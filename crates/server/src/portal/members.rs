//! An organisation's members in the portal: its coordinators' home. The
//! people who named the organisation wait to be confirmed (or removed);
//! confirmed members are listed with what they study and have completed,
//! and each one's courses, progress and certificates are a click away.

use super::courses::text;
use super::learning::date;
use super::{Portal, Posted};
use crate::errors::PortalError;
use crate::pagination::{PageQuery, Pager};
use crate::routes::{Access, Table};
use actix_web::http::Method;
use actix_web::{HttpResponse, web};
use kuza_accounts::members::Standing;
use kuza_accounts::organisations;
use kuza_app::members;
use serde::Deserialize;
use serde_json::{Value, json};
use std::collections::HashMap;
use tera::Context;

pub fn routes(t: &mut Table) {
    t.page(
        Method::GET,
        "/organisations/{id}/members",
        Access::OrganisationCoordinator,
        list,
    );
    t.page(
        Method::GET,
        "/organisations/{id}/members/{user_id}",
        Access::OrganisationCoordinator,
        member,
    );
    t.page(
        Method::POST,
        "/organisations/{id}/members/{user_id}/confirm",
        Access::OrganisationCoordinator,
        confirm,
    );
    t.page(
        Method::POST,
        "/organisations/{id}/members/{user_id}/remove",
        Access::OrganisationCoordinator,
        remove,
    );
}

/// The members shown on one page.
const PER_PAGE: u64 = 50;

#[derive(Deserialize)]
struct ListQuery {
    status: Option<String>,
    q: Option<String>,
    page: Option<u64>,
}

async fn list(
    portal: Portal,
    id: web::Path<i32>,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, PortalError> {
    let org = id.into_inner();
    // An unknown tab shows the confirmed members, as the default does.
    let standing = query
        .status
        .as_deref()
        .and_then(Standing::parse)
        .unwrap_or(Standing::Confirmed);
    let (page, per_page) = PageQuery {
        page: query.page,
        per_page: Some(PER_PAGE),
    }
    .page_and_size()?;
    let q = query.q.as_deref().map(str::trim).filter(|q| !q.is_empty());
    let p = members::list(
        &portal.state.app,
        portal.actor(),
        org,
        standing,
        q,
        page,
        per_page,
    )
    .await?;
    let rows: Vec<Value> = p
        .members
        .iter()
        .map(|m| {
            json!({
                "id": m.user.id,
                "name": m.user.display_name,
                "email": m.user.email,
                "confirmed_by": m.user.organisation_confirmation,
                "confirmed_on": m.user.organisation_confirmed_at.map(date),
                "studying": m.studying,
                "completed": m.completed,
                "certificates": m.certificates,
            })
        })
        .collect();
    let provided: Vec<Value> = kuza_app::cohorts::provided(&portal.state.app, portal.actor(), org)
        .await?
        .iter()
        .map(|c| json!({ "id": c.id, "title": super::studio::title_in(&portal, c) }))
        .collect();
    let path = format!("/organisations/{org}/members");
    let mut ctx = Context::new();
    ctx.insert("provided", &provided);
    ctx.insert("org_id", &org);
    ctx.insert(
        "organisation",
        &organisations::name_in(&p.organisation, portal.lang.code()),
    );
    ctx.insert("status", standing.code());
    ctx.insert("q", q.unwrap_or_default());
    ctx.insert("rows", &rows);
    ctx.insert("total", &p.total);
    ctx.insert("pending", &p.pending);
    ctx.insert("confirmed", &p.confirmed);
    ctx.insert(
        "pager",
        &Pager::new(
            page,
            per_page,
            p.total,
            &path,
            &[("status", Some(standing.code())), ("q", q)],
        ),
    );
    portal.render("members.html", ctx)
}

async fn member(portal: Portal, path: web::Path<(i32, i32)>) -> Result<HttpResponse, PortalError> {
    let (org, user_id) = path.into_inner();
    let (organisation, user, courses) =
        members::member(&portal.state.app, portal.actor(), org, user_id).await?;
    let lang = portal.lang;
    let rows: Vec<Value> = courses
        .iter()
        .map(|x| {
            json!({
                "title": text(&x.title, lang, &x.default_language),
                "href": x.available.then(|| format!("/courses/{}", x.slug)),
                "status": x.enrollment.status,
                "percent": x.progress.as_ref().filter(|_| kuza_enrollment::studies(&x.enrollment)).map(|p| p.percent),
                "enrolled_on": date(x.enrollment.enrolled_at),
                "completed_on": x.enrollment.completed_at.map(date),
                "certificate": x.certificate.as_ref().map(|c| super::certificates::certificate_json(&portal, c)),
            })
        })
        .collect();
    let mut ctx = Context::new();
    ctx.insert("org_id", &org);
    ctx.insert(
        "organisation",
        &organisations::name_in(&organisation, lang.code()),
    );
    ctx.insert(
        "member",
        &json!({"name": user.display_name, "email": user.email}),
    );
    ctx.insert("rows", &rows);
    portal.render("member.html", ctx)
}

type Empty = HashMap<String, String>;

async fn confirm(
    posted: Posted<Empty>,
    path: web::Path<(i32, i32)>,
) -> Result<HttpResponse, PortalError> {
    let p = posted.portal;
    let (org, user_id) = path.into_inner();
    members::confirm(&p.state.app, p.actor(), org, user_id).await?;
    Ok(p.redirect(&format!(
        "/organisations/{org}/members?status=pending&notice=member-confirmed"
    )))
}

async fn remove(
    posted: Posted<Empty>,
    path: web::Path<(i32, i32)>,
) -> Result<HttpResponse, PortalError> {
    let p = posted.portal;
    let (org, user_id) = path.into_inner();
    members::remove(&p.state.app, p.actor(), org, user_id).await?;
    let back = match posted.form.get("back").map(String::as_str) {
        Some("pending") => "pending",
        _ => "confirmed",
    };
    Ok(p.redirect(&format!(
        "/organisations/{org}/members?status={back}&notice=member-removed"
    )))
}
