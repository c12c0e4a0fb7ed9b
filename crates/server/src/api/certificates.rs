//! Certificates through the API: anyone reads one by its public id (what
//! the verification page shows, as JSON); learners list their own;
//! administrators revoke.

use super::{ApiUser, iso};
use crate::errors::{ApiError, Problem};
use crate::pagination::{Page, PageQuery};
use crate::routes::{Access, Table, doc};
use crate::state::AppState;
use actix_web::http::Method;
use actix_web::{HttpResponse, web};
use kuza_app::{App, certificates};
use kuza_certification::{
    self as certs, Certificate, CertificateKind, CertificateStatus, HeldReason,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::ToSchema;

pub fn routes(t: &mut Table) {
    t.api(
        Method::GET,
        "/api/v1/certificates/{public_id}",
        Access::Public,
        get_certificate,
        doc::<__path_get_certificate>,
    );
    t.api(
        Method::GET,
        "/api/v1/me/certificates",
        Access::SignedIn,
        my_certificates,
        doc::<__path_my_certificates>,
    );
    t.api(
        Method::POST,
        "/api/v1/credentials/keys/rotate",
        Access::Admin,
        rotate_key,
        doc::<__path_rotate_key>,
    );
    t.api(
        Method::POST,
        "/api/v1/certificates/{public_id}/revoke",
        Access::Admin,
        revoke,
        doc::<__path_revoke>,
    );
}

/// A certificate as anyone may read it.
#[derive(Serialize, ToSchema)]
pub struct CertificateView {
    /// The unguessable id in its addresses.
    pub public_id: String,
    /// `KZ-2026-000123`; absent while it is held.
    pub number: Option<String>,
    #[schema(value_type = String, example = "issued")]
    pub status: CertificateStatus,
    /// Why it waits, while it is held (`email_unconfirmed`).
    #[schema(value_type = Option<String>)]
    pub held_reason: Option<HeldReason>,
    /// `completion`, or `participation` for a course that counts attendance only.
    #[schema(value_type = String, example = "completion")]
    pub kind: CertificateKind,
    /// The learner's name as printed.
    pub name: String,
    /// The course's title in each language it was published in.
    pub course_title: BTreeMap<String, String>,
    /// Its languages, the default first.
    pub languages: Vec<String>,
    /// The course's duration in minutes.
    pub duration_minutes: i32,
    pub completed_at: String,
    pub issued_at: Option<String>,
    /// 1, and one more at each correction of the name.
    pub revision: i32,
    pub revoked_at: Option<String>,
    pub revoked_reason: Option<String>,
    /// The instance that issued it.
    pub issuer: String,
    /// The verification page.
    pub url: String,
    /// The PDF in each of its languages (none while held, nor once revoked).
    pub pdf: BTreeMap<String, String>,
    /// The signed Open Badges 3.0 credential (absent while held).
    pub credential: Option<String>,
}

impl CertificateView {
    fn new(app: &App, c: &Certificate) -> CertificateView {
        CertificateView {
            public_id: c.public_id.clone(),
            number: c.number.clone(),
            status: c.status,
            held_reason: c.held_reason,
            kind: c.kind,
            name: c.learner_name.clone(),
            course_title: serde_json::from_str(&c.course_title).unwrap_or_default(),
            languages: certs::languages(c),
            duration_minutes: c.estimated_minutes,
            completed_at: iso(c.completed_at),
            issued_at: c.issued_at.map(iso),
            revision: c.revision,
            revoked_at: c.revoked_at.map(iso),
            revoked_reason: c.revoked_reason.clone(),
            issuer: app.site_name.clone(),
            url: app.link(&certificates::page(c)),
            pdf: if c.status == CertificateStatus::Issued {
                certs::languages(c)
                    .into_iter()
                    .map(|l| {
                        let url = app.link(&format!("{}.pdf?lang={l}", certificates::page(c)));
                        (l, url)
                    })
                    .collect()
            } else {
                BTreeMap::new()
            },
            credential: (c.status != CertificateStatus::Held)
                .then(|| app.link(&format!("{}/credential.json", certificates::page(c)))),
        }
    }
}

/// A certificate by its public id (no sign-in). A certificate still held,
/// an unknown or a malformed id are not found alike.
#[utoipa::path(get, path = "/api/v1/certificates/{public_id}", tag = "certificates",
    responses((status = 200, body = CertificateView), (status = 404, body = Problem)))]
pub async fn get_certificate(
    state: web::Data<AppState>,
    public_id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let c = certificates::public(&state.app, &public_id).await?;
    Ok(HttpResponse::Ok().json(CertificateView::new(&state.app, &c)))
}

/// The caller's certificates, newest first, held ones included.
#[utoipa::path(get, path = "/api/v1/me/certificates", tag = "certificates", security(("bearer" = [])), params(PageQuery),
    responses((status = 200, body = Page<CertificateView>), (status = 401, body = Problem)))]
pub async fn my_certificates(
    state: web::Data<AppState>,
    caller: ApiUser,
    q: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let (page, per_page) = q.page_and_size()?;
    let all = certificates::mine(&state.app, &caller.0).await?;
    Ok(HttpResponse::Ok().json(Page::of(all, page, per_page, |c| {
        CertificateView::new(&state.app, &c)
    })))
}

#[derive(Deserialize, ToSchema)]
pub struct Revocation {
    /// Shown on the verification page and sent to the learner (at most 1,000 characters).
    pub reason: String,
}

/// Revokes an issued certificate (administrators); the learner is told by
/// email and the verification page says so at once.
#[utoipa::path(post, path = "/api/v1/certificates/{public_id}/revoke", tag = "certificates", security(("bearer" = [])), request_body = Revocation,
    responses((status = 200, body = CertificateView),
        (status = 409, description = "`already_revoked`, or `not_issued` for a certificate still held", body = Problem),
        (status = 422, description = "`invalid_input`: a reason empty or over 1,000 characters", body = Problem)))]
pub async fn revoke(
    state: web::Data<AppState>,
    caller: ApiUser,
    public_id: web::Path<String>,
    body: web::Json<Revocation>,
) -> Result<HttpResponse, ApiError> {
    let c = certificates::revoke(&state.app, &caller.0, &public_id, &body.reason).await?;
    Ok(HttpResponse::Ok().json(CertificateView::new(&state.app, &c)))
}

#[derive(Serialize, ToSchema)]
pub struct RotatedKey {
    /// The new key's verification method (`did:web:…#key-n`); credentials
    /// are signed with it from now on. Older keys stay in the DID document.
    pub verification_method: String,
}

/// Retires the instance's signing key and makes a new one (administrators).
#[utoipa::path(post, path = "/api/v1/credentials/keys/rotate", tag = "certificates", security(("bearer" = [])),
    responses((status = 200, body = RotatedKey), (status = 409, description = "`rotated_meanwhile`", body = Problem)))]
pub async fn rotate_key(
    state: web::Data<AppState>,
    caller: ApiUser,
) -> Result<HttpResponse, ApiError> {
    let verification_method = kuza_app::credentials::rotate_key(&state.app, &caller.0).await?;
    Ok(HttpResponse::Ok().json(RotatedKey {
        verification_method,
    }))
}
