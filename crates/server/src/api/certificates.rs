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
use kuza_app::{App, AppError, FieldProblem, certificates};
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
        Method::GET,
        "/api/v1/certificates",
        Access::Admin,
        list_certificates,
        doc::<__path_list_certificates>,
    );
    t.api(
        Method::GET,
        "/api/v1/certificates.csv",
        Access::Admin,
        export_certificates,
        doc::<__path_export_certificates>,
    );
    t.api(
        Method::POST,
        "/api/v1/enrollments/{id}/certificate",
        Access::Admin,
        issue_by_hand,
        doc::<__path_issue_by_hand>,
    );
    t.api(
        Method::PUT,
        "/api/v1/certificates/{public_id}/name",
        Access::Admin,
        correct_name,
        doc::<__path_correct_name>,
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
    /// The learner's final score (percent of the course's quiz points),
    /// if the course has quizzes.
    pub final_score: Option<i32>,
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
    /// Who signs it, as it was issued: the course's signatories, then the
    /// endorsing organisations'.
    pub signatories: Vec<SignatoryLine>,
    /// The partner organisations that endorsed the course when it was issued.
    pub endorsed_by: Vec<String>,
    /// The organisation that delivered the course, when it was issued.
    pub provider: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct SignatoryLine {
    pub name: String,
    pub title: String,
    pub organisation: String,
}

impl CertificateView {
    fn new(app: &App, c: &Certificate) -> CertificateView {
        let design = kuza_certification::design::Design::of(c.design.as_deref());
        CertificateView {
            signatories: design
                .all_signatories()
                .into_iter()
                .map(|s| SignatoryLine {
                    name: s.name.clone(),
                    title: s.title.clone(),
                    organisation: s.organisation.clone(),
                })
                .collect(),
            endorsed_by: design
                .endorsements
                .iter()
                .map(|e| e.organisation.clone())
                .collect(),
            provider: design.provider.as_ref().map(|p| p.name.clone()),
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
            final_score: c.final_score,
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

/// Which certificates a list shows.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CertificateQuery {
    pub course_id: Option<i32>,
    pub cohort_id: Option<i32>,
    /// `held`, `issued` or `revoked`.
    pub status: Option<String>,
    /// Completed on or after this date (`2026-01-01`).
    pub from: Option<String>,
    /// Completed before this date.
    pub to: Option<String>,
}

impl CertificateQuery {
    /// The filter, or every field that cannot be read (`bad_query`).
    pub fn filter(&self) -> Result<certs::Filter, AppError> {
        let mut bad = vec![];
        let status = self
            .status
            .as_deref()
            .filter(|s| !s.is_empty())
            .and_then(|s| {
                let v = <CertificateStatus as kuza_db::values::Code>::parse(s);
                if v.is_none() {
                    bad.push(FieldProblem::new("status", "status_invalid"));
                }
                v
            });
        let mut date = |field: &'static str, v: &Option<String>| {
            v.as_deref().filter(|s| !s.is_empty()).and_then(|s| {
                let d = chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
                    .ok()
                    .and_then(|d| d.and_hms_opt(0, 0, 0))
                    .map(|d| d.and_utc().timestamp());
                if d.is_none() {
                    bad.push(FieldProblem::new(field, "not_a_date"));
                }
                d
            })
        };
        let from = date("from", &self.from);
        let to = date("to", &self.to);
        if !bad.is_empty() {
            return Err(AppError::BadQuery(bad));
        }
        Ok(certs::Filter {
            course_id: self.course_id,
            cohort_id: self.cohort_id,
            status,
            from,
            to,
        })
    }
}

/// Every certificate, newest first, by course, cohort, status and period
/// of completion (administrators).
#[utoipa::path(get, path = "/api/v1/certificates", tag = "certificates", security(("bearer" = [])), params(CertificateQuery, PageQuery),
    responses((status = 200, body = Page<CertificateView>), (status = 400, description = "`bad_query`: an unknown status, a date that is not YYYY-MM-DD", body = Problem)))]
pub async fn list_certificates(
    state: web::Data<AppState>,
    caller: ApiUser,
    q: web::Query<CertificateQuery>,
    p: web::Query<PageQuery>,
) -> Result<HttpResponse, ApiError> {
    let (page, per_page) = p.page_and_size()?;
    let filter = q.filter()?;
    let (items, total) = certificates::list(&state.app, &caller.0, &filter, page, per_page).await?;
    Ok(HttpResponse::Ok().json(Page {
        items: items
            .iter()
            .map(|c| CertificateView::new(&state.app, c))
            .collect(),
        page,
        per_page,
        total,
    }))
}

/// The same list as CSV (UTF-8 with a byte-order mark, formula-safe).
#[utoipa::path(get, path = "/api/v1/certificates.csv", tag = "certificates", security(("bearer" = [])), params(CertificateQuery),
    responses((status = 200, description = "A CSV file", content_type = "text/csv"), (status = 400, body = Problem)))]
pub async fn export_certificates(
    state: web::Data<AppState>,
    caller: ApiUser,
    q: web::Query<CertificateQuery>,
) -> Result<HttpResponse, ApiError> {
    let body = certificates::export_csv(&state.app, &caller.0, &q.filter()?).await?;
    Ok(crate::http::csv_download("certificates", body))
}

#[derive(Deserialize, ToSchema)]
pub struct ByHand {
    /// How the learner completed it (kept in the audit log; at most 1,000 characters).
    pub reason: String,
}

/// Issues an enrolment's certificate by hand (administrators): the
/// learner completed the course elsewhere.
#[utoipa::path(post, path = "/api/v1/enrollments/{id}/certificate", tag = "certificates", security(("bearer" = [])), request_body = ByHand,
    responses((status = 201, body = CertificateView),
        (status = 409, description = "`already_certified`, or `not_enrolled`", body = Problem),
        (status = 422, description = "`invalid_input`: no reason, or one over 1,000 characters", body = Problem)))]
pub async fn issue_by_hand(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
    body: web::Json<ByHand>,
) -> Result<HttpResponse, ApiError> {
    let c = certificates::issue_by_hand(&state.app, &caller.0, *id, &body.reason).await?;
    Ok(HttpResponse::Created().json(CertificateView::new(&state.app, &c)))
}

#[derive(Deserialize, ToSchema)]
pub struct NameCorrection {
    /// The name as it should read (at most 200 characters).
    pub name: String,
}

/// Corrects the learner's name (administrators): the same number, a new
/// revision; the PDF and the credential are made again.
#[utoipa::path(put, path = "/api/v1/certificates/{public_id}/name", tag = "certificates", security(("bearer" = [])), request_body = NameCorrection,
    responses((status = 200, body = CertificateView),
        (status = 409, description = "`already_revoked`", body = Problem),
        (status = 422, description = "`invalid_input`: an empty name or one over 200 characters", body = Problem)))]
pub async fn correct_name(
    state: web::Data<AppState>,
    caller: ApiUser,
    public_id: web::Path<String>,
    body: web::Json<NameCorrection>,
) -> Result<HttpResponse, ApiError> {
    let c = certificates::correct_name(&state.app, &caller.0, &public_id, &body.name).await?;
    Ok(HttpResponse::Ok().json(CertificateView::new(&state.app, &c)))
}
