//! `/api/v1/auth/*` and `/api/v1/me`: registration, tokens, the caller's
//! own account.

use super::{ApiUser, iso};
use crate::errors::{ApiError, Problem};
use crate::http::client_address;
use crate::routes::{Access, Table, doc};
use crate::state::AppState;
use actix_web::http::Method;
use actix_web::{HttpRequest, HttpResponse, web};
use kuza_accounts::Grants;
use kuza_accounts::users::{AccountInput, ProfileInput, User};
use kuza_app::accounts;
use kuza_db::values::Code;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

pub fn routes(t: &mut Table) {
    t.api(
        Method::POST,
        "/api/v1/auth/register",
        Access::Public,
        register,
        doc::<__path_register>,
    );
    t.api(
        Method::POST,
        "/api/v1/auth/token",
        Access::Public,
        token,
        doc::<__path_token>,
    );
    t.api(
        Method::POST,
        "/api/v1/auth/refresh",
        Access::Public,
        refresh,
        doc::<__path_refresh>,
    );
    t.api(
        Method::POST,
        "/api/v1/auth/verify-email",
        Access::Public,
        verify_email,
        doc::<__path_verify_email>,
    );
    t.api(
        Method::POST,
        "/api/v1/auth/password-reset",
        Access::Public,
        password_reset,
        doc::<__path_password_reset>,
    );
    t.api(
        Method::POST,
        "/api/v1/auth/password-reset/confirm",
        Access::Public,
        password_reset_confirm,
        doc::<__path_password_reset_confirm>,
    );
    t.api(
        Method::GET,
        "/api/v1/me",
        Access::SignedIn,
        me,
        doc::<__path_me>,
    );
    t.api(
        Method::PATCH,
        "/api/v1/me",
        Access::SignedIn,
        update_me,
        doc::<__path_update_me>,
    );
    t.api(
        Method::POST,
        "/api/v1/me/password",
        Access::SignedIn,
        change_password,
        doc::<__path_change_password>,
    );
}

/// An account as the API shows it.
#[derive(Serialize, ToSchema)]
pub struct UserView {
    pub id: i32,
    pub email: String,
    pub display_name: String,
    /// One of ar, zh, en, fr, ru, es.
    pub language: String,
    /// ISO 3166-1 alpha-2 of a country of the UN M49 standard; empty: not stated.
    pub country: String,
    /// The organisation they named.
    pub organisation_id: Option<i32>,
    /// `pending` until the organisation confirms them, then `confirmed`;
    /// absent without an organisation.
    pub organisation_status: Option<String>,
    /// female, male, other or prefer_not_to_say; absent when not given.
    pub gender: Option<String>,
    pub birth_year: Option<i32>,
    pub email_verified: bool,
    pub active: bool,
    /// Beyond learner, which everyone is: author, facilitator, admin, partner.
    pub roles: Vec<String>,
    /// The organisation a partner coordinator acts for.
    pub partner_organisation_id: Option<i32>,
    /// RFC 3339.
    pub created_at: String,
}

impl UserView {
    pub fn new(u: &User, g: &Grants) -> UserView {
        UserView {
            id: u.id,
            email: u.email.clone(),
            display_name: u.display_name.clone(),
            language: u.language.clone(),
            country: u.country.clone(),
            organisation_id: u.organisation_id,
            organisation_status: kuza_accounts::members::Standing::of(u)
                .map(|s| s.code().to_owned()),
            gender: u.gender.clone(),
            birth_year: u.birth_year,
            email_verified: u.email_verified_at.is_some(),
            active: u.active,
            roles: g.roles.iter().map(Code::code).collect(),
            partner_organisation_id: g.partner_organisation_id,
            created_at: iso(u.created_at),
        }
    }
}

#[derive(Deserialize, ToSchema)]
pub struct RegisterRequest {
    #[schema(value_type = crate::api::schemas::Email)]
    pub email: String,
    /// At least 10 characters, not a common password.
    #[schema(value_type = crate::api::schemas::NewPassword)]
    pub password: String,
    #[schema(value_type = crate::api::schemas::DisplayName)]
    pub display_name: String,
    /// ar, zh, en, fr, ru or es.
    #[schema(value_type = kuza_courses::schema::LanguageCode)]
    pub language: String,
    /// ISO 3166-1 alpha-2, e.g. KE.
    #[schema(value_type = crate::api::schemas::CountryCode)]
    pub country: String,
    #[schema(value_type = Option<crate::api::schemas::Id>)]
    pub organisation_id: Option<i32>,
    /// female, male, other or prefer_not_to_say (optional, for disaggregated reports).
    #[schema(value_type = Option<crate::api::schemas::Gender>)]
    pub gender: Option<String>,
    #[schema(value_type = Option<crate::api::schemas::BirthYear>)]
    pub birth_year: Option<i32>,
}

/// Signs up. The answer is the same whether or not the address already
/// has an account: a new account gets an email to confirm its address, an
/// existing one's owner gets an email saying someone tried (sign in or
/// reset the password). Then sign in with `POST /api/v1/auth/token`.
#[utoipa::path(post, path = "/api/v1/auth/register", tag = "auth", request_body = RegisterRequest,
    responses(
        (status = 202, description = "Accepted: an email is on its way to the address (no body)"),
        (status = 422, description = "Invalid fields (`invalid_input`)", body = Problem),
    ))]
pub async fn register(
    state: web::Data<AppState>,
    body: web::Json<RegisterRequest>,
) -> Result<HttpResponse, ApiError> {
    let b = body.into_inner();
    let input = AccountInput {
        email: b.email,
        password: b.password,
        display_name: b.display_name,
        language: b.language,
        country: b.country,
        organisation_id: b.organisation_id,
        gender: b.gender,
        birth_year: b.birth_year.map(|y| y.to_string()),
    };
    accounts::register(&state.app, &input).await?;
    Ok(HttpResponse::Accepted().finish())
}

#[derive(Deserialize, ToSchema)]
pub struct TokenRequest {
    #[schema(value_type = crate::api::schemas::Email)]
    pub email: String,
    pub password: String,
}

#[derive(Serialize, ToSchema)]
pub struct TokenResponse {
    /// A JWT; send it as `Authorization: Bearer …`.
    pub access_token: String,
    /// Always `Bearer`.
    pub token_type: &'static str,
    /// Seconds until the access token expires.
    pub expires_in: i64,
    /// Single use: exchange it at `/api/v1/auth/refresh` for a new pair.
    pub refresh_token: String,
}

impl From<accounts::Tokens> for TokenResponse {
    fn from(t: accounts::Tokens) -> Self {
        TokenResponse {
            access_token: t.access_token,
            token_type: "Bearer",
            expires_in: t.expires_in,
            refresh_token: t.refresh_token,
        }
    }
}

/// Exchanges an email and password for an access token and a refresh token.
/// Failed attempts are throttled per account and per client address.
#[utoipa::path(post, path = "/api/v1/auth/token", tag = "auth", request_body = TokenRequest,
    responses(
        (status = 200, body = TokenResponse),
        (status = 401, description = "`invalid_credentials` or `account_disabled`", body = Problem),
        (status = 429, description = "`too_many_attempts`; see Retry-After", body = Problem),
    ))]
pub async fn token(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: web::Json<TokenRequest>,
) -> Result<HttpResponse, ApiError> {
    let client = client_address(&req, state.settings.trust_forwarded_for);
    let pair = accounts::token(&state.app, &body.email, &body.password, &client).await?;
    Ok(HttpResponse::Ok()
        .insert_header(("Cache-Control", "no-store"))
        .json(TokenResponse::from(pair)))
}

#[derive(Deserialize, ToSchema)]
pub struct RefreshRequest {
    pub refresh_token: String,
}

/// Spends a refresh token for a new access token and refresh token.
/// Presenting a spent refresh token again revokes its whole family.
#[utoipa::path(post, path = "/api/v1/auth/refresh", tag = "auth", request_body = RefreshRequest,
    responses(
        (status = 200, body = TokenResponse),
        (status = 401, description = "`token_invalid` or `refresh_token_reused`", body = Problem),
    ))]
pub async fn refresh(
    state: web::Data<AppState>,
    body: web::Json<RefreshRequest>,
) -> Result<HttpResponse, ApiError> {
    let pair = accounts::refresh(&state.app, &body.refresh_token).await?;
    Ok(HttpResponse::Ok()
        .insert_header(("Cache-Control", "no-store"))
        .json(TokenResponse::from(pair)))
}

#[derive(Deserialize, ToSchema)]
pub struct VerifyEmailRequest {
    /// The `token` parameter of the emailed link.
    pub token: String,
}

/// Confirms an email address with the token from the emailed link.
#[utoipa::path(post, path = "/api/v1/auth/verify-email", tag = "auth", request_body = VerifyEmailRequest,
    responses((status = 204), (status = 401, description = "`token_invalid`", body = Problem)))]
pub async fn verify_email(
    state: web::Data<AppState>,
    body: web::Json<VerifyEmailRequest>,
) -> Result<HttpResponse, ApiError> {
    accounts::verify_email(&state.app, &body.token).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Deserialize, ToSchema)]
pub struct PasswordResetRequest {
    #[schema(value_type = crate::api::schemas::Email)]
    pub email: String,
}

/// Emails a single-use reset link when the address has an account. The
/// answer is the same either way.
#[utoipa::path(post, path = "/api/v1/auth/password-reset", tag = "auth", request_body = PasswordResetRequest,
    responses((status = 202, description = "Accepted, whether or not the address is registered")))]
pub async fn password_reset(
    state: web::Data<AppState>,
    body: web::Json<PasswordResetRequest>,
) -> Result<HttpResponse, ApiError> {
    accounts::request_reset(&state.app, &body.email).await?;
    Ok(HttpResponse::Accepted().finish())
}

#[derive(Deserialize, ToSchema)]
pub struct PasswordResetConfirm {
    pub token: String,
    #[schema(value_type = crate::api::schemas::NewPassword)]
    pub password: String,
}

/// Sets a new password from a reset link; every session and token of the
/// account ends.
#[utoipa::path(post, path = "/api/v1/auth/password-reset/confirm", tag = "auth", request_body = PasswordResetConfirm,
    responses(
        (status = 204),
        (status = 401, description = "`token_invalid`: expired, used or unknown", body = Problem),
        (status = 422, body = Problem),
    ))]
pub async fn password_reset_confirm(
    state: web::Data<AppState>,
    body: web::Json<PasswordResetConfirm>,
) -> Result<HttpResponse, ApiError> {
    accounts::reset_password(&state.app, &body.token, &body.password).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The caller's account.
#[utoipa::path(get, path = "/api/v1/me", tag = "me", security(("bearer" = [])),
    responses((status = 200, body = UserView), (status = 401, body = Problem)))]
pub async fn me(caller: ApiUser) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(UserView::new(&caller.0.user, &caller.0.grants)))
}

#[derive(Deserialize, ToSchema)]
pub struct ProfileUpdate {
    #[schema(value_type = crate::api::schemas::DisplayName)]
    pub display_name: String,
    #[schema(value_type = kuza_courses::schema::LanguageCode)]
    pub language: String,
    #[schema(value_type = crate::api::schemas::CountryCode)]
    pub country: String,
    #[schema(value_type = Option<crate::api::schemas::Id>)]
    pub organisation_id: Option<i32>,
    #[schema(value_type = Option<crate::api::schemas::Gender>)]
    pub gender: Option<String>,
    #[schema(value_type = Option<crate::api::schemas::BirthYear>)]
    pub birth_year: Option<i32>,
}

/// Replaces the caller's profile fields.
#[utoipa::path(patch, path = "/api/v1/me", tag = "me", security(("bearer" = [])), request_body = ProfileUpdate,
    responses((status = 200, body = UserView), (status = 401, body = Problem), (status = 422, body = Problem)))]
pub async fn update_me(
    state: web::Data<AppState>,
    caller: ApiUser,
    body: web::Json<ProfileUpdate>,
) -> Result<HttpResponse, ApiError> {
    let b = body.into_inner();
    let input = ProfileInput {
        display_name: b.display_name,
        language: b.language,
        country: b.country,
        organisation_id: b.organisation_id,
        gender: b.gender,
        birth_year: b.birth_year.map(|y| y.to_string()),
    };
    let (user, grants) = accounts::update_profile(&state.app, &caller.0, &input).await?;
    Ok(HttpResponse::Ok().json(UserView::new(&user, &grants)))
}

#[derive(Deserialize, ToSchema)]
pub struct PasswordChange {
    pub current_password: String,
    #[schema(value_type = crate::api::schemas::NewPassword)]
    pub new_password: String,
}

/// Changes the caller's password; every portal session and refresh token of
/// the account ends.
#[utoipa::path(post, path = "/api/v1/me/password", tag = "me", security(("bearer" = [])), request_body = PasswordChange,
    responses((status = 204), (status = 401, body = Problem), (status = 422, description = "`password_wrong` or a weak new password", body = Problem)))]
pub async fn change_password(
    state: web::Data<AppState>,
    caller: ApiUser,
    body: web::Json<PasswordChange>,
) -> Result<HttpResponse, ApiError> {
    accounts::change_password(
        &state.app,
        &caller.0,
        &body.current_password,
        &body.new_password,
        false,
    )
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
