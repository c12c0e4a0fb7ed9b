//! Administration through the API: users, roles, organisations.

use super::accounts::UserView;
use super::{ApiUser, iso};
use crate::errors::{ApiError, Problem};
use crate::pagination::{Page, PageQuery};
use crate::routes::{Access, Table, doc};
use crate::state::AppState;
use actix_web::http::Method;
use actix_web::{HttpResponse, web};
use kuza_accounts::organisations::{self, OrganisationInput};
use kuza_app::admin;
use kuza_db::entities::organisation::Model as Organisation;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::{IntoParams, ToSchema};

pub fn routes(t: &mut Table) {
    t.api(
        Method::GET,
        "/api/v1/users",
        Access::Admin,
        list_users,
        doc::<__path_list_users>,
    );
    t.api(
        Method::GET,
        "/api/v1/users/{id}",
        Access::Admin,
        get_user,
        doc::<__path_get_user>,
    );
    t.api(
        Method::PATCH,
        "/api/v1/users/{id}",
        Access::Admin,
        update_user,
        doc::<__path_update_user>,
    );
    t.api(
        Method::PUT,
        "/api/v1/users/{id}/roles",
        Access::Admin,
        set_roles,
        doc::<__path_set_roles>,
    );
    t.api(
        Method::GET,
        "/api/v1/organisations",
        Access::Public,
        list_organisations,
        doc::<__path_list_organisations>,
    );
    t.api(
        Method::POST,
        "/api/v1/organisations",
        Access::Admin,
        create_organisation,
        doc::<__path_create_organisation>,
    );
    t.api(
        Method::GET,
        "/api/v1/organisations/{id}",
        Access::Public,
        get_organisation,
        doc::<__path_get_organisation>,
    );
    t.api(
        Method::PUT,
        "/api/v1/organisations/{id}",
        Access::Admin,
        update_organisation,
        doc::<__path_update_organisation>,
    );
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UserSearch {
    /// Part of a name or email address.
    pub q: Option<String>,
}

/// Users, newest first (administrators).
#[utoipa::path(get, path = "/api/v1/users", tag = "admin", security(("bearer" = [])), params(UserSearch, PageQuery),
    responses((status = 200, body = Page<UserView>), (status = 401, body = Problem), (status = 403, body = Problem)))]
pub async fn list_users(
    state: web::Data<AppState>,
    caller: ApiUser,
    search: web::Query<UserSearch>,
    paging: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let (page, per_page) = paging.page_and_size()?;
    let (rows, total) = admin::users(
        &state.app,
        caller.actor(),
        search.q.as_deref(),
        page,
        per_page,
    )
    .await?;
    let items = rows.iter().map(|(u, g)| UserView::new(u, g)).collect();
    Ok(HttpResponse::Ok().json(Page {
        items,
        page,
        per_page,
        total,
    }))
}

/// One user (administrators).
#[utoipa::path(get, path = "/api/v1/users/{id}", tag = "admin", security(("bearer" = [])),
    responses((status = 200, body = UserView), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn get_user(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
) -> Result<HttpResponse, ApiError> {
    let (user, grants) = admin::user(&state.app, caller.actor(), *id).await?;
    Ok(HttpResponse::Ok().json(UserView::new(&user, &grants)))
}

#[derive(Deserialize, ToSchema)]
pub struct UserStatus {
    /// false disables the account and ends its sessions and tokens.
    pub active: bool,
}

/// Enables or disables an account (administrators; not their own).
#[utoipa::path(patch, path = "/api/v1/users/{id}", tag = "admin", security(("bearer" = [])), request_body = UserStatus,
    responses((status = 200, body = UserView), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem)))]
pub async fn update_user(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
    body: web::Json<UserStatus>,
) -> Result<HttpResponse, ApiError> {
    let (user, grants) = admin::set_active(&state.app, caller.actor(), *id, body.active).await?;
    Ok(HttpResponse::Ok().json(UserView::new(&user, &grants)))
}

#[derive(Deserialize, ToSchema)]
pub struct RolesUpdate {
    /// The complete set: any of author, facilitator, admin, partner.
    #[schema(value_type = Vec<crate::api::schemas::RoleCode>)]
    pub roles: Vec<String>,
    /// Required with `partner`: the organisation whose reports it may see.
    #[schema(value_type = Option<crate::api::schemas::Id>)]
    pub partner_organisation_id: Option<i32>,
}

/// Replaces a user's roles (administrators). Recorded in the audit log.
#[utoipa::path(put, path = "/api/v1/users/{id}/roles", tag = "admin", security(("bearer" = [])), request_body = RolesUpdate,
    responses((status = 200, body = UserView), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn set_roles(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
    body: web::Json<RolesUpdate>,
) -> Result<HttpResponse, ApiError> {
    let (user, grants) = admin::set_roles(
        &state.app,
        caller.actor(),
        *id,
        &body.roles,
        body.partner_organisation_id,
    )
    .await?;
    Ok(HttpResponse::Ok().json(UserView::new(&user, &grants)))
}

#[derive(Serialize, ToSchema)]
pub struct OrganisationView {
    pub id: i32,
    pub name: String,
    /// The name in other languages, by language code.
    pub names: BTreeMap<String, String>,
    #[schema(value_type = crate::api::schemas::OrganisationKind)]
    pub kind: String,
    /// ISO 3166-1 alpha-2 of a country of the UN M49 standard; empty: not stated.
    pub country: String,
    /// Email domains whose confirmed addresses make members without asking.
    pub email_domains: Vec<String>,
    /// Whether it delivers courses under the portal (its courses carry its
    /// name; its coordinators run their cohorts).
    pub provider: bool,
    pub created_at: String,
}

impl From<Organisation> for OrganisationView {
    fn from(o: Organisation) -> Self {
        OrganisationView {
            id: o.id,
            names: organisations::names(&o),
            email_domains: organisations::email_domains(&o),
            name: o.name,
            kind: o.kind,
            country: o.country,
            provider: o.provider,
            created_at: iso(o.created_at),
        }
    }
}

#[derive(Deserialize, ToSchema)]
pub struct OrganisationRequest {
    #[schema(value_type = crate::api::schemas::OrganisationName)]
    pub name: String,
    /// The name in other languages, by language code (`ar`, `zh`, `en`,
    /// `fr`, `ru`, `es`); empty ones are left out.
    #[serde(default)]
    pub names: BTreeMap<String, String>,
    #[schema(value_type = crate::api::schemas::OrganisationKind)]
    pub kind: String,
    #[schema(value_type = crate::api::schemas::CountryCode)]
    pub country: String,
    /// Host names, such as `nairobi.go.ke`: people whose confirmed address
    /// is at one are members without asking. Not a public mail service's;
    /// at most 20.
    #[serde(default)]
    pub email_domains: Vec<String>,
    /// Whether it delivers courses under the portal. It cannot stop while
    /// a course names it (`organisation_provides_courses`).
    #[serde(default)]
    pub provider: bool,
}

impl From<OrganisationRequest> for OrganisationInput {
    fn from(r: OrganisationRequest) -> Self {
        OrganisationInput {
            name: r.name,
            kind: r.kind,
            country: r.country,
            names: r.names,
            email_domains: r.email_domains.join(","),
            provider: r.provider,
        }
    }
}

/// Organisations by name (public: people choose theirs when signing up).
#[utoipa::path(get, path = "/api/v1/organisations", tag = "organisations", params(PageQuery),
    responses((status = 200, body = Page<OrganisationView>)))]
pub async fn list_organisations(
    state: web::Data<AppState>,
    paging: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let (page, per_page) = paging.page_and_size()?;
    let (list, total) = admin::organisations(&state.app, page, per_page).await?;
    let items = list.into_iter().map(OrganisationView::from).collect();
    Ok(HttpResponse::Ok().json(Page {
        items,
        page,
        per_page,
        total,
    }))
}

/// One organisation (public).
#[utoipa::path(get, path = "/api/v1/organisations/{id}", tag = "organisations",
    responses((status = 200, body = OrganisationView), (status = 404, body = Problem)))]
pub async fn get_organisation(
    state: web::Data<AppState>,
    id: web::Path<i32>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(OrganisationView::from(
        admin::organisation(&state.app, *id).await?,
    )))
}

/// Creates an organisation (administrators).
#[utoipa::path(post, path = "/api/v1/organisations", tag = "organisations", security(("bearer" = [])), request_body = OrganisationRequest,
    responses((status = 201, body = OrganisationView), (status = 403, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn create_organisation(
    state: web::Data<AppState>,
    caller: ApiUser,
    body: web::Json<OrganisationRequest>,
) -> Result<HttpResponse, ApiError> {
    let org =
        admin::create_organisation(&state.app, caller.actor(), &body.into_inner().into()).await?;
    Ok(HttpResponse::Created().json(OrganisationView::from(org)))
}

/// Replaces an organisation's fields (administrators).
#[utoipa::path(put, path = "/api/v1/organisations/{id}", tag = "organisations", security(("bearer" = [])), request_body = OrganisationRequest,
    responses((status = 200, body = OrganisationView), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn update_organisation(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
    body: web::Json<OrganisationRequest>,
) -> Result<HttpResponse, ApiError> {
    let org =
        admin::update_organisation(&state.app, caller.actor(), *id, &body.into_inner().into())
            .await?;
    Ok(HttpResponse::Ok().json(OrganisationView::from(org)))
}
