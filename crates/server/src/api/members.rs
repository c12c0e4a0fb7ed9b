//! An organisation's members through the API: its coordinators (and
//! administrators) list the people who named it, confirm or remove them,
//! and follow a confirmed member's courses and certificates.

use super::ApiUser;
use super::accounts::UserView;
use super::learning::{EnrollmentView, view};
use crate::errors::{ApiError, Problem};
use crate::pagination::{Page, PageQuery};
use crate::routes::{Access, Table, doc};
use crate::state::AppState;
use actix_web::http::Method;
use actix_web::{HttpResponse, web};
use kuza_accounts::members::Standing;
use kuza_app::{AppError, FieldProblem, members};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

pub fn routes(t: &mut Table) {
    t.api(
        Method::GET,
        "/api/v1/organisations/{id}/members",
        Access::OrganisationCoordinator,
        list,
        doc::<__path_list>,
    );
    t.api(
        Method::GET,
        "/api/v1/organisations/{id}/members/{user_id}",
        Access::OrganisationCoordinator,
        get,
        doc::<__path_get>,
    );
    t.api(
        Method::POST,
        "/api/v1/organisations/{id}/members/{user_id}/confirm",
        Access::OrganisationCoordinator,
        confirm,
        doc::<__path_confirm>,
    );
    t.api(
        Method::DELETE,
        "/api/v1/organisations/{id}/members/{user_id}",
        Access::OrganisationCoordinator,
        remove,
        doc::<__path_remove>,
    );
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MemberSearch {
    /// `pending` (named the organisation, waiting) or `confirmed` (the default).
    pub status: Option<String>,
    /// Part of a name or email address.
    pub q: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct MemberView {
    pub id: i32,
    pub email: String,
    pub display_name: String,
    /// `pending` or `confirmed`.
    pub status: String,
    /// How the membership was confirmed: `coordinator`, `administrator`,
    /// `invitation` (the organisation's bulk enrolment) or `domain`.
    pub confirmed_by: Option<String>,
    pub confirmed_at: Option<String>,
    /// Confirmed members only: courses studied now, completed, and
    /// certificates given.
    pub studying: u64,
    pub completed: u64,
    pub certificates: u64,
}

fn member_view(m: members::Member) -> MemberView {
    MemberView {
        id: m.user.id,
        status: Standing::of(&m.user)
            .unwrap_or(Standing::Pending)
            .code()
            .into(),
        confirmed_by: m.user.organisation_confirmation.clone(),
        confirmed_at: m.user.organisation_confirmed_at.map(super::iso),
        email: m.user.email,
        display_name: m.user.display_name,
        studying: m.studying,
        completed: m.completed,
        certificates: m.certificates,
    }
}

/// The organisation's members, by name: the confirmed ones, or those
/// waiting (`status=pending`).
#[utoipa::path(get, path = "/api/v1/organisations/{id}/members", tag = "organisations", security(("bearer" = [])), params(MemberSearch, PageQuery),
    responses((status = 200, body = Page<MemberView>), (status = 400, description = "`bad_query`: an unknown status", body = Problem),
        (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn list(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
    search: web::Query<MemberSearch>,
    paging: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let (page, per_page) = paging.page_and_size()?;
    let standing = match search.status.as_deref() {
        None => Standing::Confirmed,
        Some(s) => Standing::parse(s).ok_or_else(|| {
            AppError::BadQuery(vec![FieldProblem::new("status", "status_invalid")])
        })?,
    };
    let p = members::list(
        &state.app,
        caller.actor(),
        *id,
        standing,
        search.q.as_deref(),
        page,
        per_page,
    )
    .await?;
    Ok(HttpResponse::Ok().json(Page {
        items: p.members.into_iter().map(member_view).collect(),
        page,
        per_page,
        total: p.total,
    }))
}

#[derive(Serialize, ToSchema)]
pub struct MemberDetail {
    pub member: UserView,
    /// Their courses, newest enrolment first, with progress.
    pub enrollments: Vec<MemberCourse>,
}

#[derive(Serialize, ToSchema)]
pub struct MemberCourse {
    #[serde(flatten)]
    pub enrollment: EnrollmentView,
    /// The certificate's number once given; absent while it is held or
    /// before completion.
    pub certificate_number: Option<String>,
    /// Its public verification id, when there is one.
    pub certificate_id: Option<String>,
}

/// A confirmed member and their courses (someone pending or not a member: 404).
#[utoipa::path(get, path = "/api/v1/organisations/{id}/members/{user_id}", tag = "organisations", security(("bearer" = [])),
    responses((status = 200, body = MemberDetail), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn get(
    state: web::Data<AppState>,
    caller: ApiUser,
    path: web::Path<(i32, i32)>,
) -> Result<HttpResponse, ApiError> {
    let (org, user_id) = path.into_inner();
    let (_, user, courses) = members::member(&state.app, caller.actor(), org, user_id).await?;
    let grants = kuza_accounts::roles::grants_of(&state.app.db, user.id)
        .await
        .map_err(AppError::from)?;
    let enrollments = courses
        .into_iter()
        .map(|c| MemberCourse {
            certificate_number: c.certificate.as_ref().and_then(|x| x.number.clone()),
            certificate_id: c.certificate.as_ref().map(|x| x.public_id.clone()),
            enrollment: view(&c.enrollment, &c.slug, &c.title, c.progress),
        })
        .collect();
    Ok(HttpResponse::Ok().json(MemberDetail {
        member: UserView::new(&user, &grants),
        enrollments,
    }))
}

/// Confirms someone who named the organisation (a confirmed member stays
/// as they are; someone who did not name it: 404).
#[utoipa::path(post, path = "/api/v1/organisations/{id}/members/{user_id}/confirm", tag = "organisations", security(("bearer" = [])),
    responses((status = 204, description = "Confirmed"), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn confirm(
    state: web::Data<AppState>,
    caller: ApiUser,
    path: web::Path<(i32, i32)>,
) -> Result<HttpResponse, ApiError> {
    let (org, user_id) = path.into_inner();
    members::confirm(&state.app, caller.actor(), org, user_id).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Takes someone off the organisation, pending or confirmed; their courses
/// and certificates stay theirs.
#[utoipa::path(delete, path = "/api/v1/organisations/{id}/members/{user_id}", tag = "organisations", security(("bearer" = [])),
    responses((status = 204, description = "Removed"), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn remove(
    state: web::Data<AppState>,
    caller: ApiUser,
    path: web::Path<(i32, i32)>,
) -> Result<HttpResponse, ApiError> {
    let (org, user_id) = path.into_inner();
    members::remove(&state.app, caller.actor(), org, user_id).await?;
    Ok(HttpResponse::NoContent().finish())
}
