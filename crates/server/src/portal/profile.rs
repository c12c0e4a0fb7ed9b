//! A person's own profile and password.

use super::account::{given, organisation_choice, profile_choices};
use super::{Portal, Posted};
use crate::errors::PortalError;
use crate::routes::{Access, Table};
use actix_web::HttpResponse;
use actix_web::http::Method;
use kuza_accounts::users::{ProfileInput, User};
use kuza_app::{AppError, FieldProblem, accounts};
use serde::{Deserialize, Serialize};
use tera::Context;

pub fn routes(t: &mut Table) {
    t.page(Method::GET, "/profile", Access::SignedIn, show);
    t.page(Method::POST, "/profile", Access::SignedIn, save);
    t.page(
        Method::POST,
        "/profile/password",
        Access::SignedIn,
        change_password,
    );
}

#[derive(Deserialize, Serialize, Default)]
struct ProfileForm {
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

impl From<&User> for ProfileForm {
    fn from(u: &User) -> Self {
        ProfileForm {
            display_name: u.display_name.clone(),
            language: u.language.clone(),
            country: u.country.clone(),
            organisation_id: u.organisation_id.map(|o| o.to_string()).unwrap_or_default(),
            gender: u.gender.clone().unwrap_or_default(),
            birth_year: u.birth_year.map(|y| y.to_string()).unwrap_or_default(),
        }
    }
}

async fn page(
    portal: &Portal,
    form: &ProfileForm,
    profile_errors: Option<&[FieldProblem]>,
    password_errors: Option<&[FieldProblem]>,
) -> Result<HttpResponse, PortalError> {
    let actor = portal.require_user()?;
    let mut ctx = Context::new();
    profile_choices(portal, &mut ctx, &form.country).await?;
    ctx.insert("form", form);
    ctx.insert("email", &actor.user.email);
    ctx.insert("verified", &actor.user.email_verified_at.is_some());
    ctx.insert(
        "membership",
        &kuza_accounts::members::Standing::of(&actor.user).map(|s| s.code()),
    );
    let mut invalid = false;
    if let Some(errs) = profile_errors {
        ctx.insert("errors", &portal.field_errors(errs));
        ctx.insert("error_count", &errs.len());
        invalid = true;
    }
    if let Some(errs) = password_errors {
        ctx.insert("password_errors", &portal.field_errors(errs));
        invalid = true;
    }
    if invalid {
        portal.render_invalid("profile.html", ctx)
    } else {
        portal.render("profile.html", ctx)
    }
}

async fn show(portal: Portal) -> Result<HttpResponse, PortalError> {
    let form = ProfileForm::from(&portal.require_user()?.user);
    page(&portal, &form, None, None).await
}

async fn save(posted: Posted<ProfileForm>) -> Result<HttpResponse, PortalError> {
    let Posted { portal, form } = posted;
    let actor = portal.require_user()?;
    let input = ProfileInput {
        display_name: form.display_name.clone(),
        language: form.language.clone(),
        country: form.country.clone(),
        organisation_id: organisation_choice(&form.organisation_id)?,
        gender: given(&form.gender),
        birth_year: given(&form.birth_year),
    };
    match accounts::update_profile(&portal.state.app, actor, &input).await {
        Ok(_) => Ok(portal.redirect("/profile?notice=profile-saved")),
        Err(AppError::Invalid(errs)) => page(&portal, &form, Some(&errs), None).await,
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
struct PasswordForm {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    new_password: String,
}

/// Changes the password, ends every session of the account (all devices,
/// all server processes) and opens a new one for this browser.
async fn change_password(posted: Posted<PasswordForm>) -> Result<HttpResponse, PortalError> {
    let Posted { mut portal, form } = posted;
    let actor = portal.require_user()?.clone();
    let changed = accounts::change_password(
        &portal.state.app,
        &actor,
        &form.current_password,
        &form.new_password,
        true,
    )
    .await;
    match changed {
        Ok(session) => {
            if let Some(session) = session {
                let c = portal.session_cookie(session);
                portal.set_cookie(c);
            }
            Ok(portal.redirect("/profile?notice=password-changed"))
        }
        Err(AppError::Invalid(errs)) => {
            // The form names the new password `new_password`.
            let errs: Vec<FieldProblem> = errs
                .into_iter()
                .map(|p| match p.field.as_str() {
                    "password" => FieldProblem::new("new_password", p.code),
                    _ => p,
                })
                .collect();
            let form = ProfileForm::from(&actor.user);
            page(&portal, &form, None, Some(&errs)).await
        }
        Err(e) => Err(e.into()),
    }
}
