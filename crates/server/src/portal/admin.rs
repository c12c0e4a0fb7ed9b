//! Administration: users and their roles, organisations.

use super::{Portal, Posted};
use crate::errors::PortalError;
use crate::pagination::{PageQuery, Pager};
use crate::routes::{Access, Table};
use actix_web::http::Method;
use actix_web::{HttpResponse, web};
use kuza_accounts::organisations::{self, OrganisationInput};
use kuza_accounts::values::ORGANISATION_KINDS;
use kuza_accounts::{Grants, Role};
use kuza_app::{AppError, FieldProblem, admin};
use kuza_db::values::Code;
use kuza_i18n::{Language, countries};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use std::collections::BTreeMap;
use tera::Context;

pub fn routes(t: &mut Table) {
    t.page(Method::GET, "/admin/users", Access::Admin, users_page);
    t.page(Method::GET, "/admin/users/{id}", Access::Admin, user_page);
    t.page(Method::POST, "/admin/users/{id}", Access::Admin, save_user);
    t.page(
        Method::GET,
        "/admin/organisations",
        Access::Admin,
        orgs_page,
    );
    t.page(
        Method::POST,
        "/admin/organisations",
        Access::Admin,
        create_org,
    );
    t.page(
        Method::GET,
        "/admin/organisations/new",
        Access::Admin,
        new_org_page,
    );
    t.page(
        Method::GET,
        "/admin/organisations/{id}",
        Access::Admin,
        org_page,
    );
    t.page(
        Method::POST,
        "/admin/organisations/{id}",
        Access::Admin,
        save_org,
    );
}

#[derive(Deserialize)]
struct UsersQuery {
    q: Option<String>,
    page: Option<u64>,
}

async fn users_page(
    portal: Portal,
    query: web::Query<UsersQuery>,
) -> Result<HttpResponse, PortalError> {
    let page = PageQuery {
        page: query.page,
        per_page: Some(50),
    }
    .page_and_size()?;
    let (list, total) = admin::users(
        &portal.state.app,
        portal.actor(),
        query.q.as_deref(),
        page.0,
        page.1,
    )
    .await?;
    let rows: Vec<_> = list
        .iter()
        .map(|(u, g)| {
            serde_json::json!({
                "user": u,
                "country": countries::name(&u.country, portal.lang),
                "roles": g.roles,
            })
        })
        .collect();
    let mut ctx = Context::new();
    ctx.insert("rows", &rows);
    ctx.insert("q", &query.q.clone().unwrap_or_default());
    ctx.insert("total", &total);
    ctx.insert(
        "pager",
        &Pager::new(
            page.0,
            page.1,
            total,
            "/admin/users",
            &[("q", query.q.as_deref())],
        ),
    );
    portal.render("admin_users.html", ctx)
}

async fn user_context(portal: &Portal, id: i32, ctx: &mut Context) -> Result<(), PortalError> {
    let (user, grants) = admin::user(&portal.state.app, portal.actor(), id).await?;
    ctx.insert("user", &user);
    ctx.insert("grants", &grants);
    ctx.insert("country", &countries::name(&user.country, portal.lang));
    ctx.insert(
        "organisations",
        &admin::all_organisations(&portal.state.app).await?,
    );
    ctx.insert("roles", &Role::all());
    ctx.insert("is_self", &(portal.actor().map(|a| a.id()) == Some(id)));
    let records =
        kuza_app::certificates::learner_records(&portal.state.app, portal.require_user()?, id)
            .await?;
    let records: Vec<serde_json::Value> = records
        .iter()
        .map(|r| {
            serde_json::json!({
                "id": r.enrollment.id,
                "title": super::courses::text(&r.title, portal.lang, &r.default_language),
                "status": r.enrollment.status,
                "certificate": r.certificate.as_ref().map(|c| super::certificates::certificate_json(portal, c)),
            })
        })
        .collect();
    ctx.insert("records", &records);
    Ok(())
}

async fn user_page(portal: Portal, id: web::Path<i32>) -> Result<HttpResponse, PortalError> {
    let mut ctx = Context::new();
    user_context(&portal, id.into_inner(), &mut ctx).await?;
    portal.render("admin_user.html", ctx)
}

#[derive(Deserialize)]
struct UserForm {
    role_author: Option<String>,
    role_facilitator: Option<String>,
    role_admin: Option<String>,
    role_partner: Option<String>,
    role_partner_viewer: Option<String>,
    partner_organisation_id: Option<String>,
    active: Option<String>,
}

async fn save_user(
    posted: Posted<UserForm>,
    id: web::Path<i32>,
) -> Result<HttpResponse, PortalError> {
    let Posted { portal, form } = posted;
    let id = id.into_inner();
    let is_self = portal.actor().map(|a| a.id()) == Some(id);
    let mut granted: Vec<Role> = [
        (Role::Author, &form.role_author),
        (Role::Facilitator, &form.role_facilitator),
        (Role::Admin, &form.role_admin),
        (Role::Partner, &form.role_partner),
        (Role::PartnerViewer, &form.role_partner_viewer),
    ]
    .into_iter()
    .filter(|(_, v)| v.is_some())
    .map(|(r, _)| r)
    .collect();
    // An administrator's own "admin" box is disabled in the form: it stays.
    if is_self && !granted.contains(&Role::Admin) {
        granted.push(Role::Admin);
    }
    let grants = Grants {
        roles: granted,
        partner_organisation_id: form
            .partner_organisation_id
            .as_deref()
            .and_then(|s| s.trim().parse().ok()),
    };
    // An administrator's own "active" box is disabled, so the form does not
    // send it: unchanged.
    let active = (!is_self).then_some(form.active.is_some());
    match admin::save_user(&portal.state.app, portal.actor(), id, &grants, active).await {
        Ok(()) => Ok(portal.redirect(&format!("/admin/users/{id}?notice=admin-user-saved"))),
        Err(AppError::Invalid(errs)) => {
            let mut ctx = Context::new();
            user_context(&portal, id, &mut ctx).await?;
            ctx.insert("errors", &portal.field_errors(&errs));
            ctx.insert("error_count", &errs.len());
            portal.render_invalid("admin_user.html", ctx)
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
struct OrgsQuery {
    page: Option<u64>,
}

async fn orgs_page(
    portal: Portal,
    query: web::Query<OrgsQuery>,
) -> Result<HttpResponse, PortalError> {
    // The list itself is public through the API; this page is the
    // administrators' way in to change them.
    admin::may_manage_organisations(portal.actor())?;
    let page = PageQuery {
        page: query.page,
        per_page: Some(50),
    }
    .page_and_size()?;
    let (list, total) = admin::organisations(&portal.state.app, page.0, page.1).await?;
    let rows: Vec<_> = list
        .iter()
        .map(|o| {
            serde_json::json!({
                "org": o,
                "name": organisations::name_in(o, portal.lang.code()),
                "country": countries::name(&o.country, portal.lang),
            })
        })
        .collect();
    let mut ctx = Context::new();
    ctx.insert("rows", &rows);
    ctx.insert("total", &total);
    ctx.insert(
        "pager",
        &Pager::new(page.0, page.1, total, "/admin/organisations", &[]),
    );
    portal.render("admin_orgs.html", ctx)
}

#[derive(Deserialize, Serialize, Default)]
struct OrgForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    country: String,
    /// The name in each language, `name_ar` … `name_zh` in the form.
    #[serde(default, flatten)]
    names: BTreeMap<String, String>,
    /// One per line (or separated by commas).
    #[serde(default)]
    email_domains: String,
    /// A checkbox: present when ticked.
    #[serde(default)]
    provider: Option<String>,
}

/// The form's field for the name in `lang`.
fn name_field(lang: Language) -> String {
    format!("name_{}", lang.code())
}

fn org_form_page(
    portal: &Portal,
    form: &OrgForm,
    id: Option<i32>,
    errors: Option<&[FieldProblem]>,
) -> Result<HttpResponse, PortalError> {
    let mut ctx = Context::new();
    ctx.insert("form", form);
    ctx.insert("id", &id);
    ctx.insert("kinds", &ORGANISATION_KINDS);
    let names: Vec<Value> = Language::ALL
        .iter()
        .map(|l| {
            json!({
                "code": l.code(),
                "native": l.native_name(),
                "dir": l.dir(),
                "field": name_field(*l),
                "value": form.names.get(&name_field(*l)).cloned().unwrap_or_default(),
            })
        })
        .collect();
    ctx.insert("names", &names);
    ctx.insert(
        "country_options",
        &portal
            .state
            .views
            .country_options(portal.lang, &form.country),
    );
    match errors {
        None => portal.render("admin_org.html", ctx),
        Some(errs) => {
            ctx.insert("errors", &portal.field_errors(errs));
            ctx.insert("error_count", &errs.len());
            portal.render_invalid("admin_org.html", ctx)
        }
    }
}

async fn new_org_page(portal: Portal) -> Result<HttpResponse, PortalError> {
    admin::may_manage_organisations(portal.actor())?;
    org_form_page(&portal, &OrgForm::default(), None, None)
}

async fn org_page(portal: Portal, id: web::Path<i32>) -> Result<HttpResponse, PortalError> {
    admin::may_manage_organisations(portal.actor())?;
    let org = admin::organisation(&portal.state.app, id.into_inner()).await?;
    let form = OrgForm {
        names: organisations::names(&org)
            .into_iter()
            .filter_map(|(l, n)| Language::parse(&l).map(|l| (name_field(l), n)))
            .collect(),
        email_domains: organisations::email_domains(&org).join("\n"),
        name: org.name,
        kind: org.kind,
        country: org.country,
        provider: org.provider.then(|| "on".into()),
    };
    org_form_page(&portal, &form, Some(org.id), None)
}

fn org_input(form: &OrgForm) -> OrganisationInput {
    OrganisationInput {
        name: form.name.clone(),
        kind: form.kind.clone(),
        country: form.country.clone(),
        names: Language::ALL
            .iter()
            .filter_map(|l| {
                let n = form.names.get(&name_field(*l))?;
                Some((l.code().to_owned(), n.clone()))
            })
            .collect(),
        email_domains: form.email_domains.clone(),
        provider: form.provider.is_some(),
    }
}

fn taken() -> Vec<FieldProblem> {
    vec![FieldProblem::new("name", "organisation_name_taken")]
}

async fn create_org(posted: Posted<OrgForm>) -> Result<HttpResponse, PortalError> {
    let Posted { portal, form } = posted;
    match admin::create_organisation(&portal.state.app, portal.actor(), &org_input(&form)).await {
        Ok(org) => Ok(portal.redirect(&format!(
            "/admin/organisations/{}?notice=admin-org-saved",
            org.id
        ))),
        Err(AppError::Invalid(errs)) => org_form_page(&portal, &form, None, Some(&errs)),
        Err(e @ AppError::Conflict { .. }) if e.code() == "organisation_name_taken" => {
            org_form_page(&portal, &form, None, Some(&taken()))
        }
        Err(e) => Err(e.into()),
    }
}

async fn save_org(
    posted: Posted<OrgForm>,
    id: web::Path<i32>,
) -> Result<HttpResponse, PortalError> {
    let Posted { portal, form } = posted;
    let id = id.into_inner();
    match admin::update_organisation(&portal.state.app, portal.actor(), id, &org_input(&form)).await
    {
        Ok(_) => Ok(portal.redirect(&format!("/admin/organisations/{id}?notice=admin-org-saved"))),
        Err(AppError::Invalid(errs)) => org_form_page(&portal, &form, Some(id), Some(&errs)),
        Err(e @ AppError::Conflict { .. }) if e.code() == "organisation_name_taken" => {
            org_form_page(&portal, &form, Some(id), Some(&taken()))
        }
        Err(e) => Err(e.into()),
    }
}
