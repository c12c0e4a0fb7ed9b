//! Signing up, confirming the address, signing in and out, and resetting a
//! forgotten password.

use super::{Portal, Posted, safe_next};
use crate::errors::PortalError;
use crate::routes::{Access, Table};
use actix_web::http::Method;
use actix_web::{HttpResponse, web};
use kuza_accounts::auth::Purpose;
use kuza_accounts::users::AccountInput;
use kuza_app::{AppError, FieldProblem, accounts};
use kuza_i18n::Language;
use serde::{Deserialize, Serialize};
use tera::Context;

pub fn routes(t: &mut Table) {
    t.page(Method::GET, "/sign-up", Access::Public, sign_up_form);
    t.page(Method::POST, "/sign-up", Access::Public, sign_up);
    t.page(Method::GET, "/sign-in", Access::Public, sign_in_form);
    t.page(Method::POST, "/sign-in", Access::Public, sign_in);
    t.page(Method::POST, "/sign-out", Access::Public, sign_out);
    t.page(Method::GET, "/verify-email", Access::Public, verify_email);
    t.page(
        Method::POST,
        "/verify-email/resend",
        Access::SignedIn,
        resend_verification,
    );
    t.page(Method::GET, "/forgot-password", Access::Public, forgot_form);
    t.page(Method::POST, "/forgot-password", Access::Public, forgot);
    t.page(Method::GET, "/reset-password", Access::Public, reset_form);
    t.page(Method::POST, "/reset-password", Access::Public, reset);
}

/// The choices of the profile fields, in the page's language.
pub(super) async fn profile_choices(
    portal: &Portal,
    ctx: &mut Context,
    country: &str,
) -> Result<(), PortalError> {
    ctx.insert(
        "country_options",
        &portal.state.views.country_options(portal.lang, country),
    );
    let organisations: Vec<serde_json::Value> =
        kuza_app::admin::all_organisations(&portal.state.app)
            .await?
            .iter()
            .map(|o| {
                serde_json::json!({
                    "id": o.id,
                    "name": kuza_accounts::organisations::name_in(o, portal.lang.code()),
                })
            })
            .collect();
    ctx.insert("organisations", &organisations);
    ctx.insert("genders", &kuza_accounts::values::GENDERS);
    ctx.insert("password_min", &kuza_accounts::values::PASSWORD_MIN);
    Ok(())
}

#[derive(Deserialize, Serialize, Default)]
struct SignUpForm {
    #[serde(default)]
    email: String,
    #[serde(default, skip_serializing)]
    password: String,
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    language: String,
    #[serde(default)]
    country: String,
    #[serde(default)]
    organisation_id: String,
    #[serde(default)]
    gender: String,
    #[serde(default)]
    birth_year: String,
}

/// An optional form field: empty means not given.
pub(super) fn given(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_owned())
}

/// An optional organisation chooser value.
pub(super) fn organisation_choice(s: &str) -> Result<Option<i32>, PortalError> {
    given(s)
        .map(|v| {
            v.parse::<i32>()
                .map_err(|_| AppError::BadInput("organisation_id".into()).into())
        })
        .transpose()
}

async fn sign_up_page(
    portal: &Portal,
    form: &SignUpForm,
    errors: Option<&[FieldProblem]>,
) -> Result<HttpResponse, PortalError> {
    let mut ctx = Context::new();
    profile_choices(portal, &mut ctx, &form.country).await?;
    ctx.insert("form", form);
    match errors {
        None => portal.render("sign_up.html", ctx),
        Some(errs) => {
            ctx.insert("errors", &portal.field_errors(errs));
            ctx.insert("error_count", &errs.len());
            portal.render_invalid("sign_up.html", ctx)
        }
    }
}

async fn sign_up_form(portal: Portal) -> Result<HttpResponse, PortalError> {
    if portal.viewer.is_some() {
        return Ok(portal.redirect("/"));
    }
    let form = SignUpForm {
        language: portal.lang.code().into(),
        ..Default::default()
    };
    sign_up_page(&portal, &form, None).await
}

async fn sign_up(posted: Posted<SignUpForm>) -> Result<HttpResponse, PortalError> {
    let Posted { mut portal, form } = posted;
    let input = AccountInput {
        email: form.email.clone(),
        password: form.password.clone(),
        display_name: form.display_name.clone(),
        language: form.language.clone(),
        country: form.country.clone(),
        organisation_id: organisation_choice(&form.organisation_id)?,
        gender: given(&form.gender),
        birth_year: given(&form.birth_year),
    };
    // The same page whether the address was new or already had an account
    // (its owner is emailed): a sign-up does not tell who is registered, so
    // it does not sign in either; the person confirms, then signs in.
    match accounts::register(&portal.state.app, &input).await {
        Ok(()) => {}
        Err(AppError::Invalid(errs)) => return sign_up_page(&portal, &form, Some(&errs)).await,
        Err(e) => return Err(e.into()),
    }
    if let Some(lang) = Language::parse(&form.language) {
        portal.lang = lang;
    }
    let mut ctx = Context::new();
    ctx.insert("email", form.email.trim());
    portal.render("sign_up_done.html", ctx)
}

#[derive(Deserialize)]
struct TokenQuery {
    token: Option<String>,
}

async fn verify_email(
    portal: Portal,
    q: web::Query<TokenQuery>,
) -> Result<HttpResponse, PortalError> {
    let token = q.token.as_deref().unwrap_or("");
    let mut ctx = Context::new();
    match accounts::verify_email(&portal.state.app, token).await {
        Ok(_) => ctx.insert("ok", &true),
        Err(AppError::Unauthenticated { .. }) => ctx.insert("ok", &false),
        Err(e) => return Err(e.into()),
    }
    portal.render("verify.html", ctx)
}

#[derive(Deserialize)]
struct Empty {}

async fn resend_verification(posted: Posted<Empty>) -> Result<HttpResponse, PortalError> {
    let portal = posted.portal;
    let actor = portal.require_user()?;
    accounts::resend_verification(&portal.state.app, actor).await?;
    Ok(portal.redirect("/profile?notice=verify-resent"))
}

#[derive(Deserialize, Serialize, Default)]
struct SignInForm {
    #[serde(default)]
    email: String,
    #[serde(default, skip_serializing)]
    password: String,
    #[serde(default)]
    next: String,
}

#[derive(Deserialize)]
struct NextQuery {
    next: Option<String>,
}

async fn sign_in_form(
    portal: Portal,
    q: web::Query<NextQuery>,
) -> Result<HttpResponse, PortalError> {
    if portal.viewer.is_some() {
        return Ok(portal.redirect(&safe_next(q.next.as_deref())));
    }
    let mut ctx = Context::new();
    ctx.insert(
        "form",
        &SignInForm {
            next: q.next.clone().unwrap_or_default(),
            ..Default::default()
        },
    );
    portal.render("sign_in.html", ctx)
}

async fn sign_in(posted: Posted<SignInForm>) -> Result<HttpResponse, PortalError> {
    let Posted { mut portal, form } = posted;
    let result = accounts::sign_in(
        &portal.state.app,
        &form.email,
        &form.password,
        &portal.client,
    )
    .await;
    let failure = match result {
        Ok(session) => {
            let c = portal.session_cookie(session);
            portal.set_cookie(c);
            return Ok(portal.redirect(&safe_next(Some(&form.next))));
        }
        Err(AppError::Unauthenticated {
            code: "account_disabled",
            ..
        }) => portal.t("sign-in-disabled", &[]),
        Err(AppError::Unauthenticated { .. }) => portal.t("sign-in-failed", &[]),
        Err(AppError::Throttled { retry_after }) => {
            tracing::warn!(client = %portal.client, "sign-in throttled");
            portal.t(
                "sign-in-throttled",
                &[("minutes", (retry_after / 60).max(1).into())],
            )
        }
        Err(e) => return Err(e.into()),
    };
    let mut ctx = Context::new();
    ctx.insert("form", &form);
    ctx.insert("failure", &failure);
    let mut res = portal.render_invalid("sign_in.html", ctx)?;
    *res.status_mut() = actix_web::http::StatusCode::UNAUTHORIZED;
    Ok(res)
}

async fn sign_out(posted: Posted<Empty>) -> Result<HttpResponse, PortalError> {
    let mut portal = posted.portal;
    if let Some(v) = &portal.viewer {
        accounts::sign_out(&portal.state.app, &v.session).await?;
    }
    let c = portal.expired_session_cookie();
    portal.set_cookie(c);
    Ok(portal.redirect("/?notice=signed-out"))
}

#[derive(Deserialize, Serialize, Default)]
struct ForgotForm {
    #[serde(default)]
    email: String,
}

async fn forgot_form(portal: Portal) -> Result<HttpResponse, PortalError> {
    let mut ctx = Context::new();
    ctx.insert("form", &ForgotForm::default());
    portal.render("forgot.html", ctx)
}

/// Answers the same whether or not the address has an account.
async fn forgot(posted: Posted<ForgotForm>) -> Result<HttpResponse, PortalError> {
    let Posted { portal, form } = posted;
    accounts::request_reset(&portal.state.app, &form.email).await?;
    let mut ctx = Context::new();
    ctx.insert("sent_to", form.email.trim());
    ctx.insert("form", &form);
    portal.render("forgot.html", ctx)
}

async fn reset_form(
    portal: Portal,
    q: web::Query<TokenQuery>,
) -> Result<HttpResponse, PortalError> {
    let token = q.token.clone().unwrap_or_default();
    let mut ctx = Context::new();
    let link = accounts::password_link(&portal.state.app, &token).await?;
    ctx.insert("valid", &link.is_some());
    ctx.insert("invite", &(link == Some(Purpose::Invite)));
    ctx.insert("token", &token);
    ctx.insert("password_min", &kuza_accounts::values::PASSWORD_MIN);
    portal.render("reset.html", ctx)
}

#[derive(Deserialize)]
struct ResetForm {
    #[serde(default)]
    token: String,
    #[serde(default)]
    password: String,
}

async fn reset(posted: Posted<ResetForm>) -> Result<HttpResponse, PortalError> {
    let Posted { portal, form } = posted;
    let mut ctx = Context::new();
    ctx.insert("token", &form.token);
    ctx.insert("password_min", &kuza_accounts::values::PASSWORD_MIN);
    match accounts::reset_password(&portal.state.app, &form.token, &form.password).await {
        Ok((_, Purpose::Invite)) => Ok(portal.redirect("/sign-in?notice=invite-done")),
        Ok(_) => Ok(portal.redirect("/sign-in?notice=reset-done")),
        Err(AppError::Unauthenticated { .. }) => {
            ctx.insert("valid", &false);
            ctx.insert("invite", &false);
            portal.render_invalid("reset.html", ctx)
        }
        Err(AppError::Invalid(errs)) => {
            let invite = accounts::password_link(&portal.state.app, &form.token).await?
                == Some(Purpose::Invite);
            ctx.insert("invite", &invite);
            ctx.insert("valid", &true);
            ctx.insert("errors", &portal.field_errors(&errs));
            ctx.insert("error_count", &errs.len());
            portal.render_invalid("reset.html", ctx)
        }
        Err(e) => Err(e.into()),
    }
}
