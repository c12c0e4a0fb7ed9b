//! Administration through the API: users, roles, organisations.

use super::accounts::UserView;
use super::{ApiUser, iso};
use crate::errors::{ApiError, Problem};
use crate::pagination::{Page, PageQuery};
use crate::state::AppState;
use actix_web::{HttpResponse, web};
use kuza_accounts::organisations::{self, OrganisationInput};
use kuza_accounts::{Grants, Role, roles, users};
use kuza_db::entities::organisation::Model as Organisation;
use kuza_db::values::Code;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/users", web::get().to(list_users))
        .route("/users/{id}", web::get().to(get_user))
        .route("/users/{id}", web::patch().to(update_user))
        .route("/users/{id}/roles", web::put().to(set_roles))
        .route("/organisations", web::get().to(list_organisations))
        .route("/organisations", web::post().to(create_organisation))
        .route("/organisations/{id}", web::get().to(get_organisation))
        .route("/organisations/{id}", web::put().to(update_organisation));
}

#[derive(Deserialize, IntoParams)]
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
    caller.require(Role::Admin)?;
    let (page, per_page) = paging.page_and_size();
    let (list, total) = users::list(&state.db, search.q.as_deref(), page, per_page).await?;
    let ids: Vec<i32> = list.iter().map(|u| u.id).collect();
    let grants = roles::grants_for(&state.db, &ids).await?;
    let none = Grants::default();
    let items = list
        .iter()
        .map(|u| UserView::new(u, grants.get(&u.id).unwrap_or(&none)))
        .collect();
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
    caller.require(Role::Admin)?;
    let user = users::get(&state.db, *id).await?;
    let grants = roles::grants_of(&state.db, user.id).await?;
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
    caller.require(Role::Admin)?;
    if *id == caller.user.id && !body.active {
        return Err(ApiError::Conflict {
            code: "cannot_disable_self",
            detail: "administrators cannot disable their own account".into(),
        });
    }
    let txn = kuza_db::begin_write(&state.db).await?;
    users::set_active(&txn, Some(caller.user.id), *id, body.active).await?;
    txn.commit().await?;
    let user = users::get(&state.db, *id).await?;
    let grants = roles::grants_of(&state.db, user.id).await?;
    Ok(HttpResponse::Ok().json(UserView::new(&user, &grants)))
}

#[derive(Deserialize, ToSchema)]
pub struct RolesUpdate {
    /// The complete set: any of author, facilitator, admin, partner.
    pub roles: Vec<String>,
    /// Required with `partner`: the organisation whose reports it may see.
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
    caller.require(Role::Admin)?;
    let mut parsed = vec![];
    for r in &body.roles {
        parsed.push(Role::parse(r).ok_or_else(|| {
            ApiError::Invalid(vec![crate::errors::FieldError {
                field: "roles".into(),
                code: "role_unknown".into(),
            }])
        })?);
    }
    if *id == caller.user.id && !parsed.contains(&Role::Admin) {
        return Err(ApiError::Conflict {
            code: "cannot_demote_self",
            detail: "administrators cannot remove their own administrator role".into(),
        });
    }
    let txn = kuza_db::begin_write(&state.db).await?;
    let user = users::get(&txn, *id).await?;
    let grants = roles::set_grants(
        &txn,
        Some(caller.user.id),
        user.id,
        &Grants {
            roles: parsed,
            partner_organisation_id: body.partner_organisation_id,
        },
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::Ok().json(UserView::new(&user, &grants)))
}

#[derive(Serialize, ToSchema)]
pub struct OrganisationView {
    pub id: i32,
    pub name: String,
    /// government, local_authority, academia, civil_society, private_sector or international.
    pub kind: String,
    pub country: String,
    pub created_at: String,
}

impl From<Organisation> for OrganisationView {
    fn from(o: Organisation) -> Self {
        OrganisationView {
            id: o.id,
            name: o.name,
            kind: o.kind,
            country: o.country,
            created_at: iso(o.created_at),
        }
    }
}

#[derive(Deserialize, ToSchema)]
pub struct OrganisationRequest {
    pub name: String,
    pub kind: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
}

impl From<OrganisationRequest> for OrganisationInput {
    fn from(r: OrganisationRequest) -> Self {
        OrganisationInput {
            name: r.name,
            kind: r.kind,
            country: r.country,
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
    let (page, per_page) = paging.page_and_size();
    let (list, total) = organisations::list(&state.db, page, per_page).await?;
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
        organisations::get(&state.db, *id).await?,
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
    caller.require(Role::Admin)?;
    let org =
        organisations::create(&state.db, Some(caller.user.id), &body.into_inner().into()).await?;
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
    caller.require(Role::Admin)?;
    let org = organisations::update(
        &state.db,
        Some(caller.user.id),
        *id,
        &body.into_inner().into(),
    )
    .await?;
    Ok(HttpResponse::Ok().json(OrganisationView::from(org)))
}
