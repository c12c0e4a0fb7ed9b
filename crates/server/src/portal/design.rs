//! What certificates show besides their words, in the portal: the
//! instance's library of signatories and logos (administrators), a
//! course's choice from it in the studio, partner organisations'
//! endorsements (a coordinator asks with the organisation's signatory and
//! logo, an administrator decides), and the public documents behind
//! them: the pictures, an organisation's DID document and its signed
//! endorsements.
//!
//! The forms that carry pictures are `multipart/form-data`, read whole
//! (pictures are small), their CSRF field first.

use super::{Portal, Posted, checked_multipart};
use crate::errors::PortalError;
use crate::routes::{Access, Table};
use actix_web::http::{Method, header};
use actix_web::{HttpRequest, HttpResponse, web};
use futures_util::StreamExt;
use kuza_app::design::{self, Decision, EndorsementView};
use kuza_app::{AppError, FieldProblem};
use kuza_certification::design::{Choice, LOGOS_MAX, SIGNATORIES_MAX};
use serde_json::{Value, json};
use std::collections::HashMap;
use tera::Context;

pub fn routes(t: &mut Table) {
    t.page(
        Method::GET,
        "/admin/certificate-library",
        Access::Admin,
        library,
    );
    t.page(
        Method::POST,
        "/admin/certificate-library/signatories",
        Access::Admin,
        add_signatory,
    );
    t.page(
        Method::POST,
        "/admin/certificate-library/logos",
        Access::Admin,
        add_logo,
    );
    t.page(
        Method::POST,
        "/admin/certificate-library/signatories/{id}/retire",
        Access::Admin,
        retire_signatory,
    );
    t.page(
        Method::POST,
        "/admin/certificate-library/logos/{id}/retire",
        Access::Admin,
        retire_logo,
    );
    t.page(
        Method::POST,
        "/admin/certificate-library/logos/{id}/instance",
        Access::Admin,
        instance_logo,
    );
    t.page(
        Method::GET,
        "/certificate-images/{digest}",
        Access::Public,
        image,
    );
    t.page(
        Method::GET,
        "/studio/courses/{id}/certificate",
        Access::CourseEditor,
        course_design,
    );
    t.page(
        Method::POST,
        "/studio/courses/{id}/certificate",
        Access::CourseEditor,
        save_design,
    );
    t.page(
        Method::GET,
        "/courses/{slug}/endorse",
        Access::Partner,
        endorse_form,
    );
    t.page(
        Method::POST,
        "/courses/{slug}/endorse",
        Access::Partner,
        endorse,
    );
    t.page(
        Method::GET,
        "/endorsements",
        Access::PartnerOrAdmin,
        endorsements,
    );
    t.page(
        Method::POST,
        "/endorsements/{id}/approve",
        Access::Admin,
        approve,
    );
    t.page(
        Method::POST,
        "/endorsements/{id}/decline",
        Access::Admin,
        decline,
    );
    t.page(
        Method::POST,
        "/endorsements/{id}/withdraw",
        Access::OrganisationCoordinator,
        withdraw,
    );
    t.page(
        Method::GET,
        "/organisations/{id}/did.json",
        Access::Public,
        organisation_did,
    );
    t.page(
        Method::GET,
        "/organisations/{id}/endorsements/{endorsement}",
        Access::Public,
        endorsement_credential,
    );
}

/// The largest picture read from a form (the use case refuses those over
/// its own, smaller limit with a message).
const FILE_MAX: usize = 2 * design::IMAGE_MAX_BYTES;

/// A multipart form: its text fields and its files (non-empty ones).
#[derive(Default)]
struct Form {
    fields: HashMap<String, String>,
    files: HashMap<String, Vec<u8>>,
}

impl Form {
    fn text(&self, name: &str) -> String {
        self.fields.get(name).cloned().unwrap_or_default()
    }
    fn file(&mut self, name: &str) -> Option<Vec<u8>> {
        self.files.remove(name).filter(|b| !b.is_empty())
    }
}

/// Reads a multipart form whole, its CSRF field first.
async fn read_form(
    portal: &Portal,
    req: &HttpRequest,
    payload: web::Payload,
) -> Result<Form, PortalError> {
    let mut parts = checked_multipart(portal, req, payload).await?;
    let bad = |e: actix_multipart::MultipartError| AppError::BadInput(e.to_string());
    let mut form = Form::default();
    while let Some(part) = parts.next().await {
        let mut part = part.map_err(bad)?;
        let name = part.name().unwrap_or_default().to_owned();
        let is_file = part
            .content_disposition()
            .is_some_and(|d| d.get_filename().is_some());
        let mut buf = vec![];
        while let Some(chunk) = part.next().await {
            let chunk = chunk.map_err(bad)?;
            if buf.len() + chunk.len() > FILE_MAX {
                return Err(AppError::TooLarge.into());
            }
            buf.extend_from_slice(&chunk);
        }
        if is_file {
            form.files.insert(name, buf);
        } else {
            form.fields
                .insert(name, String::from_utf8_lossy(&buf).into_owned());
        }
    }
    Ok(form)
}

async fn library_context(portal: &Portal) -> Result<Context, PortalError> {
    let l = design::library(&portal.state.app, portal.actor()).await?;
    let signatories: Vec<Value> = l
        .signatories
        .iter()
        .map(|s| {
            json!({ "id": s.id, "name": s.name, "title": s.title, "organisation": s.organisation,
                    "signature": s.signature.as_deref().map(design::image_path), "retired": s.retired_at.is_some() })
        })
        .collect();
    let logos: Vec<Value> = l
        .logos
        .iter()
        .map(|x| {
            json!({ "id": x.id, "name": x.name, "image": design::image_path(&x.image),
                    "instance": x.is_instance, "retired": x.retired_at.is_some() })
        })
        .collect();
    let mut ctx = Context::new();
    ctx.insert("signatories", &signatories);
    ctx.insert("logos", &logos);
    ctx.insert("image_max_kb", &(design::IMAGE_MAX_BYTES / 1024));
    Ok(ctx)
}

async fn library(portal: Portal) -> Result<HttpResponse, PortalError> {
    let ctx = library_context(&portal).await?;
    portal.render("admin_certificate_library.html", ctx)
}

/// The library again with a form's errors and what was typed.
async fn library_invalid(
    portal: &Portal,
    problems: &[FieldProblem],
    form: &str,
    typed: &Form,
) -> Result<HttpResponse, PortalError> {
    let mut ctx = library_context(portal).await?;
    ctx.insert("errors", &portal.field_errors(problems));
    ctx.insert("error_count", &problems.len());
    ctx.insert("form", form);
    ctx.insert("typed", &typed.fields);
    portal.render_invalid("admin_certificate_library.html", ctx)
}

async fn add_signatory(
    portal: Portal,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, PortalError> {
    let mut form = read_form(&portal, &req, payload).await?;
    let input = design::NewSignatory {
        name: form.text("name"),
        title: form.text("title"),
        organisation: form.text("organisation"),
        signature: form.file("signature"),
    };
    match design::add_signatory(&portal.state.app, portal.actor(), input).await {
        Ok(_) => Ok(portal.redirect("/admin/certificate-library?notice=library-saved")),
        Err(AppError::Invalid(p)) => library_invalid(&portal, &p, "signatory", &form).await,
        Err(e) => Err(e.into()),
    }
}

async fn add_logo(
    portal: Portal,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, PortalError> {
    let mut form = read_form(&portal, &req, payload).await?;
    let picture = form.file("image").unwrap_or_default();
    let instance = !form.text("instance").is_empty();
    let done = design::add_logo(
        &portal.state.app,
        portal.actor(),
        &form.text("name"),
        picture,
        instance,
    )
    .await;
    match done {
        Ok(_) => Ok(portal.redirect("/admin/certificate-library?notice=library-saved")),
        Err(AppError::Invalid(p)) => library_invalid(&portal, &p, "logo", &form).await,
        Err(e) => Err(e.into()),
    }
}

type Empty = HashMap<String, String>;

async fn retire_signatory(
    posted: Posted<Empty>,
    id: web::Path<i32>,
) -> Result<HttpResponse, PortalError> {
    let p = posted.portal;
    design::retire_signatory(&p.state.app, p.actor(), *id).await?;
    Ok(p.redirect("/admin/certificate-library?notice=library-saved"))
}

async fn retire_logo(
    posted: Posted<Empty>,
    id: web::Path<i32>,
) -> Result<HttpResponse, PortalError> {
    let p = posted.portal;
    design::retire_logo(&p.state.app, p.actor(), *id).await?;
    Ok(p.redirect("/admin/certificate-library?notice=library-saved"))
}

async fn instance_logo(
    posted: Posted<Empty>,
    id: web::Path<i32>,
) -> Result<HttpResponse, PortalError> {
    let p = posted.portal;
    design::make_instance_logo(&p.state.app, p.actor(), *id).await?;
    Ok(p.redirect("/admin/certificate-library?notice=library-saved"))
}

/// A stored picture of the library (anyone: certificates show them).
/// Stored under the digest of their bytes, so never changed: cached long.
async fn image(portal: Portal, digest: web::Path<String>) -> Result<HttpResponse, PortalError> {
    if digest.len() != 64 || !digest.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(AppError::NotFound.into());
    }
    let key = format!("certificate-images/{digest}");
    let bytes = design::image(&portal.state.app, &key)
        .await?
        .ok_or(AppError::NotFound)?;
    let content_type = design::image_type(&bytes);
    Ok(HttpResponse::Ok()
        .content_type(content_type)
        .insert_header((header::CACHE_CONTROL, "public, max-age=31536000, immutable"))
        // An SVG opened on its own runs nothing and loads nothing.
        .insert_header((
            header::CONTENT_SECURITY_POLICY,
            "default-src 'none'; style-src 'unsafe-inline'; sandbox",
        ))
        .insert_header(("X-Content-Type-Options", "nosniff"))
        .body(bytes))
}

async fn design_context(portal: &Portal, course_id: i32) -> Result<Context, PortalError> {
    let app = &portal.state.app;
    let c = kuza_app::courses::editable(app, portal.actor(), course_id).await?;
    let d = design::course_design(app, portal.actor(), course_id).await?;
    let slots: Vec<Value> = (0..SIGNATORIES_MAX)
        .map(|i| json!({ "n": i + 1, "chosen": d.choice.signatories.get(i) }))
        .collect();
    let signatories: Vec<Value> = d
        .signatories
        .iter()
        .map(|s| json!({ "id": s.id, "name": s.name, "title": s.title, "organisation": s.organisation }))
        .collect();
    let logos: Vec<Value> = d
        .logos
        .iter()
        .map(|l| {
            json!({ "id": l.id, "name": l.name, "image": design::image_path(&l.image),
                    "chosen": d.choice.logos.contains(&l.id) })
        })
        .collect();
    let endorsed: Vec<&str> = d.endorsements.iter().map(|(_, n)| n.as_str()).collect();
    let mut ctx = Context::new();
    ctx.insert(
        "course",
        &json!({ "id": c.id, "title": super::studio::title_in(portal, &c) }),
    );
    ctx.insert("slots", &slots);
    ctx.insert("signatories", &signatories);
    ctx.insert("logos", &logos);
    ctx.insert("logos_max", &LOGOS_MAX);
    ctx.insert(
        "instance_logo",
        &d.instance_logo
            .as_ref()
            .map(|l| design::image_path(&l.image)),
    );
    ctx.insert("endorsed_by", &endorsed);
    ctx.insert(
        "course_languages",
        &kuza_courses::draft::languages_of(&c)
            .iter()
            .map(|l| json!({ "code": l.code(), "name": l.native_name(), "dir": l.dir() }))
            .collect::<Vec<_>>(),
    );
    Ok(ctx)
}

async fn course_design(portal: Portal, id: web::Path<i32>) -> Result<HttpResponse, PortalError> {
    let ctx = design_context(&portal, *id).await?;
    portal.render("studio_certificate.html", ctx)
}

/// The studio's form: a select per signatory place, a checkbox per logo.
async fn save_design(
    posted: Posted<HashMap<String, String>>,
    id: web::Path<i32>,
) -> Result<HttpResponse, PortalError> {
    let portal = posted.portal;
    let f = posted.form;
    let signatories = (1..=SIGNATORIES_MAX)
        .filter_map(|n| f.get(&format!("signatory_{n}")))
        .filter_map(|v| v.trim().parse::<i32>().ok())
        .collect();
    let mut logos: Vec<i32> = f
        .keys()
        .filter_map(|k| k.strip_prefix("logo_"))
        .filter_map(|v| v.parse::<i32>().ok())
        .collect();
    logos.sort_unstable();
    let choice = Choice { signatories, logos };
    match design::save_choice(&portal.state.app, portal.actor(), *id, &choice).await {
        Ok(_) => Ok(portal.redirect(&format!(
            "/studio/courses/{}/certificate?notice=design-saved",
            *id
        ))),
        Err(AppError::Invalid(p)) => {
            let mut ctx = design_context(&portal, *id).await?;
            ctx.insert("errors", &portal.field_errors(&p));
            ctx.insert("error_count", &p.len());
            portal.render_invalid("studio_certificate.html", ctx)
        }
        Err(e) => Err(e.into()),
    }
}

/// The course a partner coordinator would endorse, as the form shows it.
async fn endorsable(portal: &Portal, slug: &str) -> Result<(i32, Value), PortalError> {
    let e = design::endorsable(&portal.state.app, portal.actor(), slug).await?;
    let t: kuza_courses::Translated = serde_json::from_str(&e.course.title).unwrap_or_default();
    let title = kuza_courses::pick(&t, portal.lang.code(), &e.course.default_language).0;
    Ok((
        e.course.id,
        json!({ "slug": slug, "title": title, "organisation": e.organisation,
                "status": e.existing.map(|s| s.code()) }),
    ))
}

async fn endorse_form(
    portal: Portal,
    slug: web::Path<String>,
) -> Result<HttpResponse, PortalError> {
    let (_, course) = endorsable(&portal, &slug).await?;
    let mut ctx = Context::new();
    ctx.insert("course", &course);
    ctx.insert("image_max_kb", &(design::IMAGE_MAX_BYTES / 1024));
    portal.render("endorse.html", ctx)
}

async fn endorse(
    portal: Portal,
    req: HttpRequest,
    slug: web::Path<String>,
    payload: web::Payload,
) -> Result<HttpResponse, PortalError> {
    let mut form = read_form(&portal, &req, payload).await?;
    let (course_id, course) = endorsable(&portal, &slug).await?;
    let input = design::EndorsementInput {
        comment: form.text("comment"),
        signatory_name: form.text("signatory_name"),
        signatory_title: form.text("signatory_title"),
        signature: form.file("signature"),
        logo: form.file("logo"),
    };
    let mut ctx = Context::new();
    ctx.insert("course", &course);
    ctx.insert("image_max_kb", &(design::IMAGE_MAX_BYTES / 1024));
    ctx.insert("typed", &form.fields);
    match design::request_endorsement(&portal.state.app, portal.actor(), course_id, input).await {
        Ok(_) => Ok(portal.redirect("/endorsements?notice=endorsement-requested")),
        Err(AppError::Invalid(p)) => {
            ctx.insert("errors", &portal.field_errors(&p));
            ctx.insert("error_count", &p.len());
            portal.render_invalid("endorse.html", ctx)
        }
        Err(e) if e.code() == "already_endorsed" => {
            ctx.insert("already", &true);
            portal.render_status(
                actix_web::http::StatusCode::CONFLICT,
                "endorse.html",
                &mut ctx,
            )
        }
        Err(e) => Err(e.into()),
    }
}

fn endorsement_json(portal: &Portal, v: &EndorsementView) -> Value {
    let e = &v.endorsement;
    let status = e.status;
    use kuza_db::values::EndorsementStatus as S;
    json!({
        "id": e.id,
        "organisation": v.organisation,
        "course": v.title_in(portal.lang.code()),
        "slug": v.course_slug,
        "status": status.code(),
        "comment": e.comment,
        "signatory": if e.signatory_name.is_empty() { Value::Null } else {
            json!(format!("{}, {}", e.signatory_name, e.signatory_title)) },
        "logo": e.logo.as_deref().map(design::image_path),
        "signature": e.signature.as_deref().map(design::image_path),
        "requested_on": super::learning::date(e.requested_at),
        "decided_on": e.decided_at.map(super::learning::date),
        "may_decide": design::may_decide(portal.actor(), e, Decision::Approve),
        "may_withdraw": design::may_decide(portal.actor(), e, Decision::Withdraw),
        "credential": (status == S::Approved).then(|| kuza_app::credentials::endorsement_path(e)),
    })
}

async fn endorsements(portal: Portal) -> Result<HttpResponse, PortalError> {
    let all = design::endorsements(&portal.state.app, portal.actor()).await?;
    let rows: Vec<Value> = all.iter().map(|v| endorsement_json(&portal, v)).collect();
    let mut ctx = Context::new();
    ctx.insert("rows", &rows);
    portal.render("endorsements.html", ctx)
}

async fn decided(posted: Posted<Empty>, id: i32, d: Decision) -> Result<HttpResponse, PortalError> {
    let p = posted.portal;
    design::decide(&p.state.app, p.actor(), id, d).await?;
    Ok(p.redirect("/endorsements?notice=endorsement-decided"))
}

async fn approve(posted: Posted<Empty>, id: web::Path<i32>) -> Result<HttpResponse, PortalError> {
    decided(posted, *id, Decision::Approve).await
}

async fn decline(posted: Posted<Empty>, id: web::Path<i32>) -> Result<HttpResponse, PortalError> {
    decided(posted, *id, Decision::Decline).await
}

async fn withdraw(posted: Posted<Empty>, id: web::Path<i32>) -> Result<HttpResponse, PortalError> {
    decided(posted, *id, Decision::Withdraw).await
}

/// An organisation's DID document (once it endorsed a course).
async fn organisation_did(portal: Portal, id: web::Path<i32>) -> Result<HttpResponse, PortalError> {
    let v = kuza_app::credentials::organisation_document(&portal.state.app, *id).await?;
    Ok(super::certificates::public_json(
        "application/did+ld+json",
        &v,
    ))
}

/// An approved endorsement's signed credential.
async fn endorsement_credential(
    portal: Portal,
    path: web::Path<(i32, i32)>,
) -> Result<HttpResponse, PortalError> {
    let (org, id) = path.into_inner();
    let v = design::endorsement_credential(&portal.state.app, org, id).await?;
    Ok(super::certificates::public_json("application/ld+json", &v))
}
