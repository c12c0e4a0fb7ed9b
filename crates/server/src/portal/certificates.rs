//! Certificates in the portal: the learner's list ("My certificates"),
//! the public verification page anyone reaches from the link or the QR
//! code (no account, no JavaScript), and an administrator's revocation.

use super::learning::date;
use super::{Portal, Posted};
use crate::errors::PortalError;
use crate::routes::{Access, Table};
use actix_web::http::{Method, StatusCode, header};
use actix_web::{HttpResponse, web};
use kuza_app::AppError;
use kuza_app::{certificates, credentials};
use kuza_certification::{self as certs, Certificate, CertificateStatus};
use kuza_i18n::Language;
use serde::Deserialize;
use serde_json::{Value, json};
use tera::Context;

pub fn routes(t: &mut Table) {
    t.page(Method::GET, "/certificates", Access::SignedIn, mine);
    // Before the page's route, which would take `….pdf` for an id.
    t.page(
        Method::GET,
        "/certificates/{public_id}.pdf",
        Access::Public,
        pdf,
    );
    t.page(
        Method::GET,
        "/certificates/{public_id}",
        Access::Public,
        verification,
    );
    t.page(
        Method::GET,
        "/certificates/{public_id}/credential.json",
        Access::Public,
        credential,
    );
    t.page(
        Method::GET,
        "/credentials/status/{list}",
        Access::Public,
        status_list,
    );
    t.page(
        Method::GET,
        "/.well-known/did.json",
        Access::Public,
        did_document,
    );
    t.page(Method::GET, "/verify", Access::Public, verify);
    t.page(
        Method::GET,
        "/studio/courses/{id}/certificate.pdf",
        Access::CourseEditor,
        preview,
    );
    t.page(
        Method::GET,
        "/admin/certificates",
        Access::Admin,
        admin_list,
    );
    t.page(
        Method::GET,
        "/admin/certificates.csv",
        Access::Admin,
        admin_csv,
    );
    t.page(
        Method::POST,
        "/admin/enrollments/{id}/certificate",
        Access::Admin,
        issue_by_hand,
    );
    t.page(
        Method::POST,
        "/certificates/{public_id}/name",
        Access::Admin,
        correct_name,
    );
    t.page(
        Method::POST,
        "/certificates/{public_id}/revoke",
        Access::Admin,
        revoke,
    );
}

/// What a page shows of a certificate, in the viewer's language.
pub(super) fn certificate_json(portal: &Portal, c: &Certificate) -> Value {
    let (title, l) = certs::title_in(c, portal.lang.code());
    let dir = Language::parse(&l).unwrap_or(Language::En).dir();
    let hours = (c.estimated_minutes + 59) / 60;
    let design = kuza_certification::design::Design::of(c.design.as_deref());
    json!({
        "href": certificates::page(c),
        "number": c.number,
        "status": c.status,
        "held_reason": c.held_reason,
        "final_score": c.final_score,
        "kind": c.kind,
        "name": c.learner_name,
        "title": { "text": title, "lang": l, "dir": dir },
        "hours": hours,
        "completed_on": date(c.completed_at),
        "issued_on": c.issued_at.map(date),
        "revoked_on": c.revoked_at.map(date),
        "revoked_reason": c.revoked_reason,
        "revision": c.revision,
        "credential": format!("{}/credential.json", certificates::page(c)),
        "signatories": design.all_signatories().iter().map(|s| json!({
            "name": s.name, "title": s.title, "organisation": s.organisation,
        })).collect::<Vec<_>>(),
        "endorsed_by": design.endorsements.iter().map(|e| e.organisation.as_str()).collect::<Vec<_>>(),
        "provider": design.provider.as_ref().map(|p| p.name_in(portal.lang.code())),
        "pdfs": certs::languages(c).iter().map(|l| {
            let (name, dir) = Language::parse(l).map_or((l.as_str(), "ltr"), |x| (x.native_name(), x.dir()));
            json!({ "lang": l, "name": name, "dir": dir, "href": format!("{}.pdf?lang={l}", certificates::page(c)) })
        }).collect::<Vec<_>>(),
    })
}

/// The certificate's PDF, in the language asked (else the viewer's, else
/// the course's default); for a revoked one, its page saying so (410).
async fn pdf(
    portal: Portal,
    public_id: web::Path<String>,
    q: web::Query<PdfQuery>,
) -> Result<HttpResponse, PortalError> {
    let app = &portal.state.app;
    match certificates::pdf(app, &public_id, q.lang.as_deref(), portal.lang).await? {
        certificates::Pdf::File {
            certificate,
            lang,
            bytes,
        } => {
            let name = format!(
                "{}-{lang}.pdf",
                certificate.number.as_deref().unwrap_or("certificate")
            );
            Ok(HttpResponse::Ok()
                .content_type("application/pdf")
                .insert_header((
                    header::CONTENT_DISPOSITION,
                    format!("inline; filename=\"{name}\""),
                ))
                // Revocation stops it at once: caches must ask again.
                .insert_header((header::CACHE_CONTROL, "no-cache"))
                .body(bytes))
        }
        certificates::Pdf::Revoked(c) => {
            let mut ctx = page_context(&portal, &c);
            ctx.insert("pdf_gone", &true);
            portal.render_status(StatusCode::GONE, "certificate.html", &mut ctx)
        }
    }
}

/// JSON for credentials and DID documents: anyone may read it, from
/// anywhere (wallets and verifiers fetch it from other origins).
pub(super) fn public_json(content_type: &str, body: &serde_json::Value) -> HttpResponse {
    HttpResponse::Ok()
        .content_type(content_type)
        .insert_header((header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"))
        .insert_header((header::CACHE_CONTROL, "no-cache"))
        .body(body.to_string())
}

/// The certificate's Open Badges 3.0 credential, signed.
async fn credential(
    portal: Portal,
    public_id: web::Path<String>,
) -> Result<HttpResponse, PortalError> {
    let v = certificates::credential_at(&portal.state.app, &public_id).await?;
    Ok(public_json("application/ld+json", &v))
}

/// A revocation status list (Bitstring Status List v1.0), signed now.
async fn status_list(portal: Portal, list: web::Path<usize>) -> Result<HttpResponse, PortalError> {
    let v = credentials::status_list(&portal.state.app, *list).await?;
    Ok(public_json("application/ld+json", &v))
}

/// The instance's DID document (`did:web`).
async fn did_document(portal: Portal) -> Result<HttpResponse, PortalError> {
    let v = credentials::did_document(&portal.state.app).await?;
    Ok(public_json("application/did+ld+json", &v))
}

#[derive(Deserialize)]
struct PdfQuery {
    lang: Option<String>,
}

/// The studio's preview: the certificate's language, and the language
/// whose script the sample name is written in.
#[derive(Deserialize)]
struct PreviewQuery {
    lang: Option<String>,
    name: Option<String>,
}

async fn mine(portal: Portal) -> Result<HttpResponse, PortalError> {
    let actor = portal.require_user()?;
    let list = certificates::mine(&portal.state.app, actor).await?;
    let items: Vec<Value> = list.iter().map(|c| certificate_json(&portal, c)).collect();
    let mut ctx = Context::new();
    ctx.insert("certificates", &items);
    ctx.insert("email_confirmed", &actor.user.email_verified_at.is_some());
    portal.render("certificates.html", ctx)
}

async fn verification(
    portal: Portal,
    public_id: web::Path<String>,
) -> Result<HttpResponse, PortalError> {
    let c = certificates::public(&portal.state.app, &public_id).await?;
    portal.render("certificate.html", page_context(&portal, &c))
}

/// The verification page's variables.
fn page_context(portal: &Portal, c: &Certificate) -> Context {
    let mut ctx = Context::new();
    ctx.insert("certificate", &certificate_json(portal, c));
    ctx.insert(
        "verify_link",
        &portal.state.app.link(&certificates::page(c)),
    );
    let admin = certificates::may_manage(portal.actor());
    ctx.insert(
        "may_revoke",
        &(c.status == CertificateStatus::Issued && admin),
    );
    ctx.insert(
        "may_correct",
        &(c.status == CertificateStatus::Issued && admin),
    );
    let own = portal.actor().is_some_and(|a| a.id() == c.user_id);
    if own && c.status == CertificateStatus::Issued {
        ctx.insert("linkedin", &linkedin(portal, c));
    }
    ctx
}

/// LinkedIn's "add a licence or certification" address, filled in.
fn linkedin(portal: &Portal, c: &Certificate) -> String {
    use chrono::Datelike;
    let app = &portal.state.app;
    let issued = chrono::DateTime::from_timestamp(c.issued_at.unwrap_or(c.completed_at), 0)
        .unwrap_or_default();
    let (title, _) = certs::title_in(c, portal.lang.code());
    let query = serde_urlencoded::to_string([
        ("startTask", "CERTIFICATION_NAME".to_owned()),
        ("name", title),
        ("organizationName", app.site_name.clone()),
        ("issueYear", issued.year().to_string()),
        ("issueMonth", issued.month().to_string()),
        ("certUrl", app.link(&certificates::page(c))),
        ("certId", c.number.clone().unwrap_or_default()),
    ])
    .unwrap_or_default();
    format!("https://www.linkedin.com/profile/add?{query}")
}

#[derive(Deserialize)]
struct RevokeForm {
    #[serde(default)]
    reason: String,
}

async fn revoke(
    posted: Posted<RevokeForm>,
    public_id: web::Path<String>,
) -> Result<HttpResponse, PortalError> {
    let portal = posted.portal;
    let actor = portal.require_user()?;
    let done =
        certificates::revoke(&portal.state.app, actor, &public_id, &posted.form.reason).await;
    back_to_page(
        &portal,
        &public_id,
        done,
        "certificate-revoked",
        ("reason", &posted.form.reason),
    )
    .await
}

#[derive(Deserialize)]
struct VerifyQuery {
    number: Option<String>,
}

/// Finds a certificate by its number (employers with a paper copy): to its
/// page if there is one, else the form again saying none was found.
async fn verify(portal: Portal, q: web::Query<VerifyQuery>) -> Result<HttpResponse, PortalError> {
    let mut ctx = Context::new();
    if let Some(number) = q.number.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
        let app = &portal.state.app;
        match certificates::find_by_number(app, &portal.client, number).await? {
            Some(c) => return Ok(portal.redirect(&certificates::page(&c))),
            None => {
                ctx.insert("number", number);
                ctx.insert("missing", &true);
                return portal.render_status(StatusCode::NOT_FOUND, "verify_number.html", &mut ctx);
            }
        }
    }
    portal.render("verify_number.html", ctx)
}

/// The administrators' list, filtered like the API's.
async fn admin_list(
    portal: Portal,
    q: web::Query<crate::api::certificates::CertificateQuery>,
    p: web::Query<crate::pagination::PageQuery>,
) -> Result<HttpResponse, PortalError> {
    let actor = portal.require_user()?;
    let (page, per_page) = p.page_and_size()?;
    let filter = q.filter()?;
    let (items, total) =
        certificates::list(&portal.state.app, actor, &filter, page, per_page).await?;
    let rows: Vec<Value> = items.iter().map(|c| certificate_json(&portal, c)).collect();
    let params = [
        ("course_id", q.course_id.map(|x| x.to_string())),
        ("cohort_id", q.cohort_id.map(|x| x.to_string())),
        ("status", q.status.clone()),
        ("from", q.from.clone()),
        ("to", q.to.clone()),
    ];
    let refs: Vec<(&str, Option<&str>)> = params.iter().map(|(k, v)| (*k, v.as_deref())).collect();
    let query = serde_urlencoded::to_string(
        refs.iter()
            .filter_map(|(k, v)| v.filter(|v| !v.is_empty()).map(|v| (*k, v)))
            .collect::<Vec<_>>(),
    )
    .unwrap_or_default();
    let mut ctx = Context::new();
    ctx.insert("rows", &rows);
    ctx.insert("total", &total);
    ctx.insert(
        "filter",
        &json!({
            "course_id": q.course_id, "cohort_id": q.cohort_id, "status": q.status,
            "from": q.from, "to": q.to,
        }),
    );
    ctx.insert(
        "statuses",
        &<CertificateStatus as kuza_db::values::Code>::all(),
    );
    ctx.insert("csv", &format!("/admin/certificates.csv?{query}"));
    ctx.insert(
        "pager",
        &crate::pagination::Pager::new(page, per_page, total, "/admin/certificates", &refs),
    );
    portal.render("admin_certificates.html", ctx)
}

async fn admin_csv(
    portal: Portal,
    q: web::Query<crate::api::certificates::CertificateQuery>,
) -> Result<HttpResponse, PortalError> {
    let actor = portal.require_user()?;
    let body = certificates::export_csv(&portal.state.app, actor, &q.filter()?).await?;
    Ok(crate::http::csv_download("certificates", body))
}

#[derive(Deserialize)]
struct ReasonForm {
    #[serde(default)]
    reason: String,
}

/// Issues an enrolment's certificate by hand, from the learner's admin page.
async fn issue_by_hand(
    posted: Posted<ReasonForm>,
    id: web::Path<i32>,
) -> Result<HttpResponse, PortalError> {
    let portal = posted.portal;
    let actor = portal.require_user()?;
    let c = certificates::issue_by_hand(&portal.state.app, actor, *id, &posted.form.reason).await?;
    Ok(portal.redirect(&format!(
        "/admin/users/{}?notice=certificate-issued",
        c.user_id
    )))
}

#[derive(Deserialize)]
struct NameForm {
    #[serde(default)]
    name: String,
}

/// Corrects the name on a certificate (a new revision, the same number).
async fn correct_name(
    posted: Posted<NameForm>,
    public_id: web::Path<String>,
) -> Result<HttpResponse, PortalError> {
    let portal = posted.portal;
    let actor = portal.require_user()?;
    let done =
        certificates::correct_name(&portal.state.app, actor, &public_id, &posted.form.name).await;
    back_to_page(
        &portal,
        &public_id,
        done,
        "certificate-revised",
        ("name", &posted.form.name),
    )
    .await
}

/// After an administrator's form on a certificate's page: back to the page
/// with `notice`, or the page again with the form's problems and what was
/// typed (`typed`: the field and its value).
async fn back_to_page(
    portal: &Portal,
    public_id: &str,
    done: Result<Certificate, AppError>,
    notice: &str,
    typed: (&str, &str),
) -> Result<HttpResponse, PortalError> {
    match done {
        Ok(c) => Ok(portal.redirect(&format!("{}?notice={notice}", certificates::page(&c)))),
        Err(AppError::Invalid(problems)) => {
            let c = certificates::public(&portal.state.app, public_id).await?;
            let mut ctx = page_context(portal, &c);
            ctx.insert("errors", &portal.field_errors(&problems));
            ctx.insert("error_count", &problems.len());
            ctx.insert(typed.0, typed.1);
            portal.render_invalid("certificate.html", ctx)
        }
        Err(e) => Err(e.into()),
    }
}

/// A sample of the course's certificate in one of its languages (its
/// editors, from the studio).
async fn preview(
    portal: Portal,
    id: web::Path<i32>,
    q: web::Query<PreviewQuery>,
) -> Result<HttpResponse, PortalError> {
    let actor = portal.require_user()?;
    let lang = q
        .lang
        .clone()
        .unwrap_or_else(|| portal.lang.code().to_owned());
    let bytes =
        certificates::preview(&portal.state.app, actor, *id, &lang, q.name.as_deref()).await?;
    Ok(HttpResponse::Ok()
        .content_type("application/pdf")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("inline; filename=\"certificate-sample-{lang}.pdf\""),
        ))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(bytes))
}
