//! Accounts: users, organisations, roles, passwords, sessions and tokens.
//!
//! Values are parsed at the edge ([`values`]) and trusted inside. Every
//! function takes a connection (`&impl ConnectionTrait`) so the caller owns
//! the transaction: registration and the verification email it causes, for
//! instance, commit together. No HTTP, no templates, no configuration files.

pub mod audit;
pub mod auth;
pub mod members;
pub mod organisations;
pub mod passwords;
pub mod roles;
pub mod tokens;
pub mod users;
pub mod values;

pub use roles::{Grants, Role};
pub use values::Invalid;

use sea_orm::{DbErr, SqlErr};

/// What can go wrong with an account operation, in the domain's words.
#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    #[error("invalid input: {0:?}")]
    Invalid(Vec<Invalid>),
    #[error("an account with this email address already exists")]
    EmailTaken,
    #[error("an organisation with this name already exists")]
    OrganisationNameTaken,
    #[error("wrong email or password")]
    InvalidCredentials,
    #[error("too many sign-in attempts; retry in {retry_after} s")]
    Throttled { retry_after: i64 },
    #[error("this account is disabled")]
    AccountDisabled,
    #[error("the link or token is invalid, used or expired")]
    TokenInvalid,
    #[error("a spent refresh token was presented again; its family is revoked")]
    RefreshReused,
    #[error("not found")]
    NotFound,
    #[error("database error: {0}")]
    Db(#[from] DbErr),
}

impl From<Invalid> for AccountError {
    fn from(i: Invalid) -> Self {
        AccountError::Invalid(vec![i])
    }
}

impl AccountError {
    /// A stable, machine-readable code (API `code`, log field).
    pub fn code(&self) -> &'static str {
        match self {
            AccountError::Invalid(_) => "invalid_input",
            AccountError::EmailTaken => "email_taken",
            AccountError::OrganisationNameTaken => "organisation_name_taken",
            AccountError::InvalidCredentials => "invalid_credentials",
            AccountError::Throttled { .. } => "too_many_attempts",
            AccountError::AccountDisabled => "account_disabled",
            AccountError::TokenInvalid => "token_invalid",
            AccountError::RefreshReused => "refresh_token_reused",
            AccountError::NotFound => "not_found",
            AccountError::Db(_) => "internal",
        }
    }
}

pub(crate) fn is_unique_violation(e: &DbErr) -> bool {
    matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_)))
}
