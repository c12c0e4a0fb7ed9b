//! One's own account: signing up (with the confirmation email), signing in
//! to the portal (a session) or the API (tokens), confirming the address,
//! resetting and changing the password, the profile, and who a session or
//! a bearer token belongs to.

use crate::policy::Actor;
use crate::{App, AppError, mail};
use kuza_accounts::auth::{self, Purpose};
use kuza_accounts::users::{self, AccountInput, ProfileInput, User};
use kuza_accounts::{Grants, roles};
use kuza_i18n::Language;

/// The person a portal session belongs to, if it is still valid.
pub async fn session_actor(app: &App, session: &str) -> Result<Option<Actor>, AppError> {
    Ok(auth::session_viewer(&app.db, session)
        .await?
        .map(|(user, grants)| Actor { user, grants }))
}

/// The person an API access token belongs to, if it is valid and their
/// account is active.
pub async fn bearer_actor(app: &App, token: &str) -> Result<Option<Actor>, AppError> {
    let Some(user_id) = kuza_accounts::tokens::verify_access_token(&app.secret, token) else {
        return Ok(None);
    };
    actor_of(app, user_id).await
}

/// An active account as an actor, with its roles (for work done on its
/// behalf in the background, such as a scheduled report).
pub async fn actor_of(app: &App, user_id: i32) -> Result<Option<Actor>, AppError> {
    Ok(users::active_with_grants(&app.db, user_id)
        .await?
        .map(|(user, grants)| Actor { user, grants }))
}

/// Signs up (the API and the portal): creates the account and queues the
/// email that confirms its address, in one transaction. An address that
/// already has an account gets an email saying so instead, and the answer
/// is the same: no one learns from a sign-up whether an address is known.
/// (The password is hashed before the address is tried, so both take the
/// same time.) Invalid fields are refused either way.
pub async fn register(app: &App, input: &AccountInput) -> Result<(), AppError> {
    let txn = kuza_db::begin_write(&app.db).await?;
    match users::register(&txn, input, false).await {
        Ok(user) => {
            mail::verification(&txn, app, &user).await?;
            txn.commit().await?;
            tracing::info!(user.id = user.id, "account registered");
        }
        Err(kuza_accounts::AccountError::EmailTaken) => {
            txn.rollback().await?;
            let txn = kuza_db::begin_write(&app.db).await?;
            let email = input.email.trim().to_owned();
            mail::account_email(&txn, &mail::AccountEmail::AlreadyRegistered { email }).await?;
            txn.commit().await?;
            tracing::info!("sign-up with an address that has an account: its owner is told");
        }
        Err(e) => return Err(e.into()),
    }
    Ok(())
}

/// How long a right password waits when its client address is over the
/// throttle's limit (someone there is guessing): slow for a script, a
/// moment for a person.
pub const SLOWED: std::time::Duration = std::time::Duration::from_secs(2);

/// The password check of [`sign_in`] and [`token`], with the wait.
async fn authenticate(
    app: &App,
    email: &str,
    password: &str,
    client: &str,
) -> Result<User, AppError> {
    let done = auth::authenticate(&app.db, email, password, client, &app.limits.throttle).await?;
    if done.slowed {
        tracing::warn!(
            user.id = done.user.id,
            "signed in from a client address over its limit: slowed"
        );
        tokio::time::sleep(SLOWED).await;
    }
    Ok(done.user)
}

/// Checks an email and password (throttled per account and per client
/// address) and opens a portal session; returns its token.
pub async fn sign_in(
    app: &App,
    email: &str,
    password: &str,
    client: &str,
) -> Result<String, AppError> {
    let user = authenticate(app, email, password, client).await?;
    let session = auth::create_session(&app.db, user.id, app.limits.session_ttl_seconds).await?;
    tracing::info!(user.id = user.id, "signed in");
    Ok(session)
}

/// Ends a portal session.
pub async fn sign_out(app: &App, session: &str) -> Result<(), AppError> {
    Ok(auth::end_session(&app.db, session).await?)
}

/// An API token pair.
pub struct Tokens {
    /// A JWT, sent as `Authorization: Bearer …`.
    pub access_token: String,
    /// Seconds until the access token expires.
    pub expires_in: i64,
    /// Single use: exchanged for a new pair.
    pub refresh_token: String,
}

fn tokens(app: &App, user_id: i32, refresh_token: String) -> Tokens {
    Tokens {
        access_token: kuza_accounts::tokens::issue_access_token(
            &app.secret,
            user_id,
            app.limits.access_ttl_seconds,
        ),
        expires_in: app.limits.access_ttl_seconds,
        refresh_token,
    }
}

/// Exchanges an email and password for a token pair (throttled like
/// [`sign_in`]).
pub async fn token(
    app: &App,
    email: &str,
    password: &str,
    client: &str,
) -> Result<Tokens, AppError> {
    let user = authenticate(app, email, password, client).await?;
    let refresh =
        auth::issue_refresh_token(&app.db, user.id, None, app.limits.refresh_ttl_seconds).await?;
    Ok(tokens(app, user.id, refresh))
}

/// Spends a refresh token for a new pair. Presenting a spent one revokes
/// its whole family, and that is kept even though the call fails.
pub async fn refresh(app: &App, refresh_token: &str) -> Result<Tokens, AppError> {
    let txn = kuza_db::begin_write(&app.db).await?;
    let result =
        auth::rotate_refresh_token(&txn, refresh_token, app.limits.refresh_ttl_seconds).await;
    txn.commit().await?;
    let (user, next) = result?;
    Ok(tokens(app, user.id, next))
}

/// Confirms an email address with the token from the emailed link.
/// Certificates held until the address was confirmed are given with it.
pub async fn verify_email(app: &App, token: &str) -> Result<User, AppError> {
    let txn = kuza_db::begin_write(&app.db).await?;
    let user = auth::verify_email(&txn, token).await?;
    let released = crate::certificates::on_email_confirmed(app, &txn, &user).await?;
    txn.commit().await?;
    tracing::info!(
        user.id = user.id,
        certificates = released,
        "email address verified"
    );
    Ok(user)
}

/// Emails a fresh confirmation link, unless the address is confirmed.
pub async fn resend_verification(app: &App, actor: &Actor) -> Result<(), AppError> {
    if actor.user.email_verified_at.is_some() {
        return Ok(());
    }
    let txn = kuza_db::begin_write(&app.db).await?;
    mail::verification(&txn, app, &actor.user).await?;
    txn.commit().await?;
    Ok(())
}

/// Emails a single-use reset link when the address has an account. Only
/// the job is queued here (the worker looks the address up): the answer
/// and its time are the same either way.
pub async fn request_reset(app: &App, email: &str) -> Result<(), AppError> {
    let email = email.trim().to_owned();
    mail::account_email(&app.db, &mail::AccountEmail::ResetPassword { email }).await
}

/// What a password link is for, while it is valid: a reset, or an
/// invitation to choose a first password.
pub async fn password_link(app: &App, token: &str) -> Result<Option<Purpose>, AppError> {
    Ok(auth::password_link(&app.db, token).await?)
}

/// Sets a new password from a reset or invitation link; every session and
/// token of the account ends. Returns the account and what the link was.
pub async fn reset_password(
    app: &App,
    token: &str,
    password: &str,
) -> Result<(User, Purpose), AppError> {
    let txn = kuza_db::begin_write(&app.db).await?;
    let purpose = auth::password_link(&txn, token)
        .await?
        .unwrap_or(Purpose::ResetPassword);
    let user = auth::reset_password(&txn, token, password).await?;
    txn.commit().await?;
    match purpose {
        Purpose::Invite => tracing::info!(user.id = user.id, "invitation accepted"),
        _ => tracing::info!(user.id = user.id, "password reset"),
    }
    Ok((user, purpose))
}

/// Changes the actor's password: every session and refresh token of the
/// account ends; with `new_session`, a portal session is opened for the
/// one asking, in the same transaction (its token returned).
pub async fn change_password(
    app: &App,
    actor: &Actor,
    current: &str,
    new: &str,
    new_session: bool,
) -> Result<Option<String>, AppError> {
    let txn = kuza_db::begin_write(&app.db).await?;
    auth::change_password(&txn, actor.id(), current, new).await?;
    let session = match new_session {
        true => Some(auth::create_session(&txn, actor.id(), app.limits.session_ttl_seconds).await?),
        false => None,
    };
    txn.commit().await?;
    tracing::info!(
        user.id = actor.id(),
        "password changed; other sessions ended"
    );
    Ok(session)
}

/// Replaces the actor's profile fields; returns the account and its roles.
pub async fn update_profile(
    app: &App,
    actor: &Actor,
    input: &ProfileInput,
) -> Result<(User, Grants), AppError> {
    let user = users::update_profile(&app.db, actor.id(), input).await?;
    let grants = roles::grants_of(&app.db, user.id).await?;
    Ok((user, grants))
}

/// Remembers the actor's interface language.
pub async fn set_language(app: &App, actor: &Actor, lang: Language) -> Result<(), AppError> {
    Ok(users::set_language(&app.db, actor.id(), lang).await?)
}
