//! The emails that account changes cause, shared by the API and the portal.
//! Each is queued in the caller's transaction, so it is sent exactly when
//! the change commits.

use crate::state::AppState;
use kuza_accounts::AccountError;
use kuza_accounts::auth::{self, Purpose};
use kuza_accounts::users::User;
use kuza_i18n::Language;
use kuza_mail::Outgoing;
use sea_orm::ConnectionTrait;

#[derive(Debug, thiserror::Error)]
pub enum NotifyError {
    #[error(transparent)]
    Account(#[from] AccountError),
    #[error(transparent)]
    Job(#[from] kuza_jobs::JobError),
}

fn language_of(user: &User) -> Language {
    Language::parse(&user.language).unwrap_or(Language::En)
}

/// A fresh address-confirmation link, emailed to `user`.
pub async fn email_verification(
    conn: &impl ConnectionTrait,
    state: &AppState,
    user: &User,
) -> Result<(), NotifyError> {
    let token = auth::create_link_token(conn, user.id, Purpose::VerifyEmail).await?;
    let link = state.link(&format!("/verify-email?token={token}"));
    let msg = Outgoing::verify_email(&user.email, &user.display_name, language_of(user), &link);
    kuza_mail::enqueue(conn, &msg).await?;
    Ok(())
}

/// A password-reset link for the account at `email`, if there is one; the
/// caller answers the same either way.
pub async fn password_reset(
    conn: &impl ConnectionTrait,
    state: &AppState,
    email: &str,
) -> Result<(), NotifyError> {
    if let Some((user, token)) = auth::request_password_reset(conn, email).await? {
        let link = state.link(&format!("/reset-password?token={token}"));
        let msg =
            Outgoing::reset_password(&user.email, &user.display_name, language_of(&user), &link);
        kuza_mail::enqueue(conn, &msg).await?;
    }
    Ok(())
}
