//! Signing up, confirming the address, signing in and out, and resetting a
//! forgotten password.

use super::{Portal, Posted, safe_next};
use crate::errors::PortalError;
use crate::notify;
use actix_web::{HttpResponse, web};
use kuza_accounts::AccountError;
use kuza_accounts::auth;
use kuza_accounts::users::{self, AccountInput};
use kuza_i18n::Language;
use serde::{Deserialize, Serialize};
use tera::Context;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/sign-up", web::get().to(sign_up_form))
        .route("/sign-up", web::post().to(sign_up))
        .route("/sign-in", web::get().to(sign_in_form))
        .route("/sign-in", web::post().to(sign_in))
        .route("/sign-out", web::post().to(sign_out))
        .route("/verify-email", web::get().to(verify_email))
        .route("/verify-email/resend", web::post().to(resend_verification))
        .route("/forgot-password", web::get().to(forgot_form))
        .route("/forgot-password", web::post().to(forgot))
        .route("/reset-password", web::get().to(reset_form))
        .route("/reset-password", web::post().to(reset));
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
    ctx.insert(
        "organisations",
        &kuza_accounts::organisations::all(&portal.state.db).await?,
    );
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
        .map(|v| v.parse::<i32>().map_err(|_| PortalError::BadRequest))
        .transpose()
}

async fn sign_up_page(
    portal: &Portal,
    form: &SignUpForm,
    errors: Option<&[kuza_accounts::Invalid]>,
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
    let state = portal.state.clone();
    let txn = kuza_db::begin_write(&state.db).await?;
    let user = match users::register(&txn, &input, false).await {
        Ok(u) => u,
        Err(AccountError::Invalid(errs)) => return sign_up_page(&portal, &form, Some(&errs)).await,
        Err(AccountError::EmailTaken) => {
            let errs = [kuza_accounts::Invalid {
                field: "email",
                code: "email_taken",
            }];
            return sign_up_page(&portal, &form, Some(&errs)).await;
        }
        Err(e) => return Err(e.into()),
    };
    notify::email_verification(&txn, &state, &user).await?;
    let session = auth::create_session(&txn, user.id, state.session_ttl()).await?;
    txn.commit().await?;
    tracing::info!(user.id = user.id, "account registered");
    let c = portal.session_cookie(session);
    portal.set_cookie(c);
    let lang = Language::parse(&user.language).unwrap_or(portal.lang);
    portal.lang = lang;
    let mut ctx = Context::new();
    ctx.insert("email", &user.email);
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
    match auth::verify_email(&portal.state.db, token).await {
        Ok(user) => {
            tracing::info!(user.id = user.id, "email address verified");
            ctx.insert("ok", &true);
        }
        Err(AccountError::TokenInvalid) => ctx.insert("ok", &false),
        Err(e) => return Err(e.into()),
    }
    portal.render("verify.html", ctx)
}

#[derive(Deserialize)]
struct Empty {}

async fn resend_verification(posted: Posted<Empty>) -> Result<HttpResponse, PortalError> {
    let portal = posted.portal;
    let viewer = portal.require_user()?;
    if viewer.user.email_verified_at.is_none() {
        let txn = kuza_db::begin_write(&portal.state.db).await?;
        notify::email_verification(&txn, &portal.state, &viewer.user).await?;
        txn.commit().await?;
    }
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
    let state = portal.state.clone();
    let result = auth::authenticate(
        &state.db,
        &form.email,
        &form.password,
        &portal.client,
        &state.throttle,
    )
    .await;
    let failure = match result {
        Ok(user) => {
            let session = auth::create_session(&state.db, user.id, state.session_ttl()).await?;
            tracing::info!(user.id = user.id, "signed in");
            let c = portal.session_cookie(session);
            portal.set_cookie(c);
            return Ok(portal.redirect(&safe_next(Some(&form.next))));
        }
        Err(AccountError::InvalidCredentials) => portal.t("sign-in-failed", &[]),
        Err(AccountError::AccountDisabled) => portal.t("sign-in-disabled", &[]),
        Err(AccountError::Throttled { retry_after }) => {
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
        auth::end_session(&portal.state.db, &v.session).await?;
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
    let state = portal.state.clone();
    let txn = kuza_db::begin_write(&state.db).await?;
    notify::password_reset(&txn, &state, &form.email).await?;
    txn.commit().await?;
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
    let link = auth::password_link(&portal.state.db, &token).await?;
    ctx.insert("valid", &link.is_some());
    ctx.insert("invite", &(link == Some(auth::Purpose::Invite)));
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
    let txn = kuza_db::begin_write(&portal.state.db).await?;
    let mut ctx = Context::new();
    ctx.insert("token", &form.token);
    ctx.insert("password_min", &kuza_accounts::values::PASSWORD_MIN);
    let invite = auth::password_link(&txn, &form.token).await? == Some(auth::Purpose::Invite);
    ctx.insert("invite", &invite);
    match auth::reset_password(&txn, &form.token, &form.password).await {
        Ok(user) => {
            txn.commit().await?;
            if invite {
                tracing::info!(user.id = user.id, "invitation accepted");
                Ok(portal.redirect("/sign-in?notice=invite-done"))
            } else {
                tracing::info!(user.id = user.id, "password reset");
                Ok(portal.redirect("/sign-in?notice=reset-done"))
            }
        }
        Err(AccountError::TokenInvalid) => {
            ctx.insert("valid", &false);
            portal.render_invalid("reset.html", ctx)
        }
        Err(AccountError::Invalid(errs)) => {
            ctx.insert("valid", &true);
            ctx.insert("errors", &portal.field_errors(&errs));
            ctx.insert("error_count", &errs.len());
            portal.render_invalid("reset.html", ctx)
        }
        Err(e) => Err(e.into()),
    }
}
