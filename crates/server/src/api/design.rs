//! What certificates show besides their words, through the API: the
//! instance's library of signatories and logos (administrators), a
//! course's choice from it (its editors), and partner endorsements (a
//! coordinator asks, an administrator decides). Pictures travel as base64
//! in the JSON (at most 512 KB each: PNG, JPEG or SVG).

use super::{ApiUser, iso};
use crate::errors::{ApiError, Problem};
use crate::routes::{Access, Table, doc};
use crate::state::AppState;
use actix_web::http::Method;
use actix_web::{HttpRequest, HttpResponse, web};
use base64::Engine;
use kuza_app::design::{self, Decision, EndorsementView};
use kuza_app::{App, AppError};
use kuza_certification::design::{Choice, Logo, Signatory};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

pub fn routes(t: &mut Table) {
    t.api(
        Method::GET,
        "/api/v1/certificate-library",
        Access::Admin,
        get_library,
        doc::<__path_get_library>,
    );
    t.api(
        Method::POST,
        "/api/v1/certificate-library/signatories",
        Access::Admin,
        add_signatory,
        doc::<__path_add_signatory>,
    );
    t.api(
        Method::POST,
        "/api/v1/certificate-library/signatories/{id}/retire",
        Access::Admin,
        retire_signatory,
        doc::<__path_retire_signatory>,
    );
    t.api(
        Method::POST,
        "/api/v1/certificate-library/logos",
        Access::Admin,
        add_logo,
        doc::<__path_add_logo>,
    );
    t.api(
        Method::POST,
        "/api/v1/certificate-library/logos/{id}/retire",
        Access::Admin,
        retire_logo,
        doc::<__path_retire_logo>,
    );
    t.api(
        Method::POST,
        "/api/v1/certificate-library/logos/{id}/instance",
        Access::Admin,
        instance_logo,
        doc::<__path_instance_logo>,
    );
    t.api(
        Method::GET,
        "/api/v1/courses/{id}/certificate-design",
        Access::CourseEditor,
        get_design,
        doc::<__path_get_design>,
    );
    t.api(
        Method::PUT,
        "/api/v1/courses/{id}/certificate-design",
        Access::CourseEditor,
        put_design,
        doc::<__path_put_design>,
    );
    t.api(
        Method::POST,
        "/api/v1/courses/{id}/endorsements",
        Access::Partner,
        request_endorsement,
        doc::<__path_request_endorsement>,
    );
    t.api(
        Method::GET,
        "/api/v1/endorsements",
        Access::PartnerOrAdmin,
        list_endorsements,
        doc::<__path_list_endorsements>,
    );
    t.api(
        Method::POST,
        "/api/v1/endorsements/{id}/approve",
        Access::Admin,
        approve,
        doc::<__path_approve>,
    );
    t.api(
        Method::POST,
        "/api/v1/endorsements/{id}/decline",
        Access::Admin,
        decline,
        doc::<__path_decline>,
    );
    t.api(
        Method::POST,
        "/api/v1/endorsements/{id}/withdraw",
        Access::OrganisationCoordinator,
        withdraw,
        doc::<__path_withdraw>,
    );
}

/// The largest JSON body with pictures in it: two pictures of 512 KB in
/// base64, and the rest (the API's other bodies are far smaller).
const PICTURES_JSON_LIMIT: u64 = 2 * 1024 * 1024;

/// A JSON body that carries pictures, read up to [`PICTURES_JSON_LIMIT`].
async fn json_with_pictures<T: serde::de::DeserializeOwned>(
    req: &HttpRequest,
    payload: web::Payload,
) -> Result<T, AppError> {
    let declared = crate::http::content_length(req);
    let bytes = kuza_app::read_limited(payload, declared, PICTURES_JSON_LIMIT).await?;
    serde_json::from_slice(&bytes).map_err(|e| AppError::BadInput(e.to_string()))
}

/// A picture's bytes from base64 (absent or empty: none).
fn picture(field: &'static str, v: Option<&str>) -> Result<Option<Vec<u8>>, AppError> {
    match v.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => base64::engine::general_purpose::STANDARD
            .decode(s)
            .map(Some)
            .map_err(|_| AppError::Invalid(vec![kuza_app::FieldProblem::new(field, "not_base64")])),
    }
}

fn image_url(app: &App, key: &str) -> String {
    app.link(&design::image_path(key))
}

#[derive(Serialize, ToSchema)]
pub struct SignatoryView {
    pub id: i32,
    pub name: String,
    pub title: String,
    pub organisation: String,
    /// The signature's picture.
    pub signature_url: Option<String>,
    /// Set once retired: no longer offered; certificates issued with
    /// them keep them.
    pub retired_at: Option<String>,
}

impl SignatoryView {
    fn new(app: &App, s: &Signatory) -> SignatoryView {
        SignatoryView {
            id: s.id,
            name: s.name.clone(),
            title: s.title.clone(),
            organisation: s.organisation.clone(),
            signature_url: s.signature.as_deref().map(|k| image_url(app, k)),
            retired_at: s.retired_at.map(iso),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct LogoView {
    pub id: i32,
    pub name: String,
    pub image_url: String,
    /// The instance's own logo, at the head of every certificate.
    pub instance: bool,
    pub retired_at: Option<String>,
}

impl LogoView {
    fn new(app: &App, l: &Logo) -> LogoView {
        LogoView {
            id: l.id,
            name: l.name.clone(),
            image_url: image_url(app, &l.image),
            instance: l.is_instance,
            retired_at: l.retired_at.map(iso),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct LibraryView {
    pub signatories: Vec<SignatoryView>,
    pub logos: Vec<LogoView>,
}

/// The library, retired entries included (administrators).
#[utoipa::path(get, path = "/api/v1/certificate-library", tag = "certificates", security(("bearer" = [])),
    responses((status = 200, body = LibraryView)))]
pub async fn get_library(
    state: web::Data<AppState>,
    caller: ApiUser,
) -> Result<HttpResponse, ApiError> {
    let l = design::library(&state.app, Some(&caller.0)).await?;
    Ok(HttpResponse::Ok().json(LibraryView {
        signatories: l
            .signatories
            .iter()
            .map(|s| SignatoryView::new(&state.app, s))
            .collect(),
        logos: l
            .logos
            .iter()
            .map(|x| LogoView::new(&state.app, x))
            .collect(),
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct NewSignatory {
    /// At most 120 characters each.
    pub name: String,
    pub title: String,
    #[serde(default)]
    pub organisation: String,
    /// The signature's picture, base64 (PNG, JPEG or SVG, at most 512 KB).
    pub signature: Option<String>,
}

/// Adds a signatory to the library (administrators).
#[utoipa::path(post, path = "/api/v1/certificate-library/signatories", tag = "certificates", security(("bearer" = [])), request_body = NewSignatory,
    responses((status = 201, body = SignatoryView),
        (status = 422, description = "`invalid_input`: a missing or too long field, a picture that is not PNG, JPEG or SVG or is over 512 KB", body = Problem)))]
pub async fn add_signatory(
    state: web::Data<AppState>,
    caller: ApiUser,
    req: HttpRequest,
    body: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let b: NewSignatory = json_with_pictures(&req, body).await?;
    let input = design::NewSignatory {
        name: b.name,
        title: b.title,
        organisation: b.organisation,
        signature: picture("signature", b.signature.as_deref())?,
    };
    let s = design::add_signatory(&state.app, Some(&caller.0), input).await?;
    Ok(HttpResponse::Created().json(SignatoryView::new(&state.app, &s)))
}

/// Retires a signatory (administrators): no longer offered to courses;
/// certificates issued with them keep them.
#[utoipa::path(post, path = "/api/v1/certificate-library/signatories/{id}/retire", tag = "certificates", security(("bearer" = [])),
    responses((status = 204, description = "Retired")))]
pub async fn retire_signatory(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
) -> Result<HttpResponse, ApiError> {
    design::retire_signatory(&state.app, Some(&caller.0), *id).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Deserialize, ToSchema)]
pub struct NewLogo {
    /// At most 120 characters.
    pub name: String,
    /// The picture, base64 (PNG, JPEG or SVG, at most 512 KB).
    pub image: String,
    /// Make it the instance's own logo (in place of the current one).
    #[serde(default)]
    pub instance: bool,
}

/// Adds a logo to the library (administrators).
#[utoipa::path(post, path = "/api/v1/certificate-library/logos", tag = "certificates", security(("bearer" = [])), request_body = NewLogo,
    responses((status = 201, body = LogoView),
        (status = 422, description = "`invalid_input`: no name, no picture, or one that is not PNG, JPEG or SVG or is over 512 KB", body = Problem)))]
pub async fn add_logo(
    state: web::Data<AppState>,
    caller: ApiUser,
    req: HttpRequest,
    body: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let b: NewLogo = json_with_pictures(&req, body).await?;
    let bytes = picture("image", Some(&b.image))?.unwrap_or_default();
    let l = design::add_logo(&state.app, Some(&caller.0), &b.name, bytes, b.instance).await?;
    Ok(HttpResponse::Created().json(LogoView::new(&state.app, &l)))
}

/// Retires a logo (administrators).
#[utoipa::path(post, path = "/api/v1/certificate-library/logos/{id}/retire", tag = "certificates", security(("bearer" = [])),
    responses((status = 204, description = "Retired")))]
pub async fn retire_logo(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
) -> Result<HttpResponse, ApiError> {
    design::retire_logo(&state.app, Some(&caller.0), *id).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Makes a logo the instance's own (administrators).
#[utoipa::path(post, path = "/api/v1/certificate-library/logos/{id}/instance", tag = "certificates", security(("bearer" = [])),
    responses((status = 204, description = "Now the instance's logo")))]
pub async fn instance_logo(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
) -> Result<HttpResponse, ApiError> {
    design::make_instance_logo(&state.app, Some(&caller.0), *id).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Serialize, Deserialize, ToSchema)]
pub struct DesignChoice {
    /// Up to three signatories of the library, in the order shown.
    #[serde(default)]
    pub signatories: Vec<i32>,
    /// Up to four partner logos of the library.
    #[serde(default)]
    pub logos: Vec<i32>,
}

#[derive(Serialize, ToSchema)]
pub struct DesignView {
    pub signatories: Vec<i32>,
    pub logos: Vec<i32>,
    /// What can be chosen: the library's current signatories and logos.
    pub library: LibraryView,
    /// Organisations whose endorsement its certificates carry now.
    pub endorsed_by: Vec<String>,
}

async fn design_view(app: &App, caller: &ApiUser, course_id: i32) -> Result<DesignView, AppError> {
    let d = design::course_design(app, Some(&caller.0), course_id).await?;
    Ok(DesignView {
        signatories: d.choice.signatories,
        logos: d.choice.logos,
        library: LibraryView {
            signatories: d
                .signatories
                .iter()
                .map(|s| SignatoryView::new(app, s))
                .collect(),
            logos: d
                .instance_logo
                .iter()
                .chain(d.logos.iter())
                .map(|x| LogoView::new(app, x))
                .collect(),
        },
        endorsed_by: d.endorsements.into_iter().map(|(_, name)| name).collect(),
    })
}

/// A course's certificate design (its editors).
#[utoipa::path(get, path = "/api/v1/courses/{id}/certificate-design", tag = "certificates", security(("bearer" = [])),
    responses((status = 200, body = DesignView)))]
pub async fn get_design(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(design_view(&state.app, &caller, *id).await?))
}

/// Chooses the signatories and partner logos of a course's certificates
/// from the library (its editors); certificates issued from now on show
/// them.
#[utoipa::path(put, path = "/api/v1/courses/{id}/certificate-design", tag = "certificates", security(("bearer" = [])), request_body = DesignChoice,
    responses((status = 200, body = DesignView),
        (status = 422, description = "`invalid_input`: more than three signatories or four logos, one chosen twice, or one not (or no longer) in the library", body = Problem)))]
pub async fn put_design(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
    body: web::Json<DesignChoice>,
) -> Result<HttpResponse, ApiError> {
    let b = body.into_inner();
    let choice = Choice {
        signatories: b.signatories,
        logos: b.logos,
    };
    design::save_choice(&state.app, Some(&caller.0), *id, &choice).await?;
    Ok(HttpResponse::Ok().json(design_view(&state.app, &caller, *id).await?))
}

#[derive(Deserialize, ToSchema)]
pub struct EndorsementRequest {
    /// What the organisation says of the course (at most 1,000 characters).
    #[serde(default)]
    pub comment: String,
    /// The organisation's signatory on the course's certificates (name and
    /// title together, or neither).
    #[serde(default)]
    pub signatory_name: String,
    #[serde(default)]
    pub signatory_title: String,
    /// The signatory's signature, base64 (PNG, JPEG or SVG, at most 512 KB).
    pub signature: Option<String>,
    /// The organisation's logo, base64.
    pub logo: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct EndorsementInfo {
    pub id: i32,
    pub course_id: i32,
    pub course_slug: String,
    pub course_title: String,
    pub organisation_id: i32,
    pub organisation: String,
    /// `requested`, `approved`, `declined` or `withdrawn`.
    pub status: String,
    pub comment: String,
    pub signatory_name: String,
    pub signatory_title: String,
    pub requested_at: String,
    pub decided_at: Option<String>,
    /// The organisation's signed `EndorsementCredential`, while approved.
    pub credential: Option<String>,
}

impl EndorsementInfo {
    fn new(app: &App, v: &EndorsementView) -> EndorsementInfo {
        let e = &v.endorsement;
        let approved = e.status == kuza_db::values::EndorsementStatus::Approved;
        EndorsementInfo {
            id: e.id,
            course_id: e.course_id,
            course_slug: v.course_slug.clone(),
            course_title: v.title_in(&v.course_language),
            organisation_id: e.organisation_id,
            organisation: v.organisation.clone(),
            status: e.status.code().to_owned(),
            comment: e.comment.clone(),
            signatory_name: e.signatory_name.clone(),
            signatory_title: e.signatory_title.clone(),
            requested_at: iso(e.requested_at),
            decided_at: e.decided_at.map(iso),
            credential: approved.then(|| kuza_app::credentials::endorsement_url(app, e)),
        }
    }
}

/// Asks that the caller's organisation endorse a published course
/// (partner coordinators); an administrator decides.
#[utoipa::path(post, path = "/api/v1/courses/{id}/endorsements", tag = "certificates", security(("bearer" = [])), request_body = EndorsementRequest,
    responses((status = 201, body = EndorsementInfo),
        (status = 409, description = "`already_endorsed`: asked or approved already", body = Problem),
        (status = 422, description = "`invalid_input`: a field too long, a signatory's name without a title, a picture that is not PNG, JPEG or SVG", body = Problem)))]
pub async fn request_endorsement(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
    req: HttpRequest,
    body: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let b: EndorsementRequest = json_with_pictures(&req, body).await?;
    let input = design::EndorsementInput {
        comment: b.comment,
        signatory_name: b.signatory_name,
        signatory_title: b.signatory_title,
        signature: picture("signature", b.signature.as_deref())?,
        logo: picture("logo", b.logo.as_deref())?,
    };
    let v = design::request_endorsement(&state.app, Some(&caller.0), *id, input).await?;
    Ok(HttpResponse::Created().json(EndorsementInfo::new(&state.app, &v)))
}

/// Endorsements: all (administrators) or the caller's organisation's
/// (partner coordinators), newest first.
#[utoipa::path(get, path = "/api/v1/endorsements", tag = "certificates", security(("bearer" = [])),
    responses((status = 200, body = Vec<EndorsementInfo>)))]
pub async fn list_endorsements(
    state: web::Data<AppState>,
    caller: ApiUser,
) -> Result<HttpResponse, ApiError> {
    let all = design::endorsements(&state.app, Some(&caller.0)).await?;
    let out: Vec<EndorsementInfo> = all
        .iter()
        .map(|v| EndorsementInfo::new(&state.app, v))
        .collect();
    Ok(HttpResponse::Ok().json(out))
}

async fn decided(
    state: &AppState,
    caller: &ApiUser,
    id: i32,
    d: Decision,
) -> Result<HttpResponse, ApiError> {
    let v = design::decide(&state.app, Some(&caller.0), id, d).await?;
    Ok(HttpResponse::Ok().json(EndorsementInfo::new(&state.app, &v)))
}

/// Approves an endorsement asked (administrators): the organisation signs
/// its `EndorsementCredential` with its own key, and certificates issued
/// from now on carry its logo, signatory and credential.
#[utoipa::path(post, path = "/api/v1/endorsements/{id}/approve", tag = "certificates", security(("bearer" = [])),
    responses((status = 200, body = EndorsementInfo), (status = 409, description = "`endorsement_decided`", body = Problem)))]
pub async fn approve(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
) -> Result<HttpResponse, ApiError> {
    decided(&state, &caller, *id, Decision::Approve).await
}

/// Declines an endorsement asked (administrators).
#[utoipa::path(post, path = "/api/v1/endorsements/{id}/decline", tag = "certificates", security(("bearer" = [])),
    responses((status = 200, body = EndorsementInfo), (status = 409, description = "`endorsement_decided`", body = Problem)))]
pub async fn decline(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
) -> Result<HttpResponse, ApiError> {
    decided(&state, &caller, *id, Decision::Decline).await
}

/// Withdraws an endorsement asked or approved (its organisation's
/// coordinators, administrators): certificates issued from now on no
/// longer carry it; those issued before keep it.
#[utoipa::path(post, path = "/api/v1/endorsements/{id}/withdraw", tag = "certificates", security(("bearer" = [])),
    responses((status = 200, body = EndorsementInfo), (status = 409, description = "`endorsement_decided`", body = Problem)))]
pub async fn withdraw(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
) -> Result<HttpResponse, ApiError> {
    decided(&state, &caller, *id, Decision::Withdraw).await
}
