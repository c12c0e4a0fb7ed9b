//! Signing in: password checks with throttling, portal sessions, API refresh
//! tokens, and the emailed single-use links (verification, password reset).

use crate::values::{Email, NewPassword};
use crate::{AccountError, passwords, tokens, users::User};
use kuza_db::entities::{auth_failure, one_time_token, refresh_token, session, user};
use kuza_db::now;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, JoinType, PaginatorTrait,
    QueryFilter, QuerySelect, RelationTrait,
};

/// Sign-in throttling: at most `per_account` failed attempts for one address
/// and `per_client` from one client address within `window_seconds`.
/// Counted in the database, so the limit holds across server processes.
///
/// The account limit is absolute. The client limit is not: many people
/// share one address (an office, a campus, a carrier's NAT), so past it a
/// wrong password is refused but a right one still signs in, slowed (see
/// [`Authenticated::slowed`]); one person guessing cannot lock out everyone
/// behind the same address.
#[derive(Debug, Clone, Copy)]
pub struct Throttle {
    pub per_account: u64,
    pub per_client: u64,
    pub window_seconds: i64,
}

impl Default for Throttle {
    fn default() -> Self {
        Throttle {
            per_account: 5,
            per_client: 50,
            window_seconds: 15 * 60,
        }
    }
}

/// A person whose password was right.
#[derive(Debug)]
pub struct Authenticated {
    pub user: User,
    /// The client address was over its limit: the caller answers slowly.
    pub slowed: bool,
}

/// Checks an email and password. Each attempt is recorded *before* it is
/// judged, so concurrent attempts on several processes cannot slip past the
/// limit; a successful attempt removes its records and the account's failures.
/// An unknown address costs the same password hashing as a known one.
pub async fn authenticate(
    conn: &impl ConnectionTrait,
    email: &str,
    password: &str,
    client: &str,
    throttle: &Throttle,
) -> Result<Authenticated, AccountError> {
    let account_key = format!("account:{}", email.trim().to_lowercase());
    let client_key = format!("client:{client}");
    let t = now();
    let since = t - throttle.window_seconds;
    let ids = [
        record_attempt(conn, &account_key, t).await?,
        record_attempt(conn, &client_key, t).await?,
    ];
    let count = |key: String| async move {
        auth_failure::Entity::find()
            .filter(auth_failure::Column::Key.eq(key))
            .filter(auth_failure::Column::CreatedAt.gt(since))
            .count(conn)
            .await
    };
    let throttled = AccountError::Throttled {
        retry_after: throttle.window_seconds,
    };
    if count(account_key.clone()).await? > throttle.per_account {
        return Err(throttled);
    }
    let slowed = count(client_key).await? > throttle.per_client;
    let user = match Email::parse(email) {
        Ok(e) => {
            user::Entity::find()
                .filter(user::Column::Email.eq(e.as_str()))
                .one(conn)
                .await?
        }
        Err(_) => None,
    };
    let known = user.is_some();
    let Some(user) = user.filter(|u| passwords::verify(password, &u.password_hash)) else {
        if !known {
            passwords::verify_dummy(password);
        }
        return Err(if slowed {
            throttled
        } else {
            AccountError::InvalidCredentials
        });
    };
    if !user.active {
        return Err(AccountError::AccountDisabled);
    }
    auth_failure::Entity::delete_many()
        .filter(
            auth_failure::Column::Id
                .is_in(ids)
                .or(auth_failure::Column::Key.eq(account_key)),
        )
        .exec(conn)
        .await?;
    Ok(Authenticated { user, slowed })
}

/// Records one attempt under `key` and returns how many it made within
/// the last `window_seconds`, this one included (a limit on lookups that
/// could be tried by the thousand; pruned with the sign-in failures).
pub async fn count_attempt(
    conn: &impl ConnectionTrait,
    key: &str,
    window_seconds: i64,
) -> Result<u64, AccountError> {
    let t = now();
    record_attempt(conn, key, t).await?;
    Ok(auth_failure::Entity::find()
        .filter(auth_failure::Column::Key.eq(key))
        .filter(auth_failure::Column::CreatedAt.gt(t - window_seconds))
        .count(conn)
        .await?)
}

async fn record_attempt(
    conn: &impl ConnectionTrait,
    key: &str,
    t: i64,
) -> Result<i32, AccountError> {
    let res = auth_failure::Entity::insert(auth_failure::ActiveModel {
        key: Set(key.to_owned()),
        created_at: Set(t),
        ..Default::default()
    })
    .exec(conn)
    .await?;
    Ok(res.last_insert_id)
}

// ------------------------------------------------------------------ sessions

/// Opens a portal session; returns the cookie token (only its hash is stored).
pub async fn create_session(
    conn: &impl ConnectionTrait,
    user_id: i32,
    ttl_seconds: i64,
) -> Result<String, AccountError> {
    let token = tokens::random_token();
    let t = now();
    session::Entity::insert(session::ActiveModel {
        token_hash: Set(tokens::hash_token(&token)),
        user_id: Set(user_id),
        created_at: Set(t),
        expires_at: Set(t + ttl_seconds),
        ..Default::default()
    })
    .exec_without_returning(conn)
    .await?;
    Ok(token)
}

/// The active user behind a session token and their roles, in one query.
pub async fn session_viewer(
    conn: &impl ConnectionTrait,
    token: &str,
) -> Result<Option<(User, crate::Grants)>, AccountError> {
    let select = user::Entity::find()
        .join(JoinType::InnerJoin, user::Relation::Sessions.def())
        .filter(session::Column::TokenHash.eq(tokens::hash_token(token)))
        .filter(session::Column::ExpiresAt.gt(now()))
        .filter(user::Column::Active.eq(true));
    crate::roles::user_with_grants(conn, select).await
}

pub async fn end_session(conn: &impl ConnectionTrait, token: &str) -> Result<(), AccountError> {
    session::Entity::delete_many()
        .filter(session::Column::TokenHash.eq(tokens::hash_token(token)))
        .exec(conn)
        .await?;
    Ok(())
}

/// Signs a person out everywhere (every browser, every server process).
pub async fn end_all_sessions(
    conn: &impl ConnectionTrait,
    user_id: i32,
) -> Result<(), AccountError> {
    session::Entity::delete_many()
        .filter(session::Column::UserId.eq(user_id))
        .exec(conn)
        .await?;
    Ok(())
}

// ------------------------------------------------------------ refresh tokens

/// Issues a refresh token, in `family` or a new one.
pub async fn issue_refresh_token(
    conn: &impl ConnectionTrait,
    user_id: i32,
    family: Option<&str>,
    ttl_seconds: i64,
) -> Result<String, AccountError> {
    let token = tokens::random_token();
    let t = now();
    refresh_token::Entity::insert(refresh_token::ActiveModel {
        token_hash: Set(tokens::hash_token(&token)),
        user_id: Set(user_id),
        family: Set(family.map_or_else(|| uuid::Uuid::new_v4().to_string(), str::to_owned)),
        created_at: Set(t),
        expires_at: Set(t + ttl_seconds),
        used_at: Set(None),
        revoked_at: Set(None),
        ..Default::default()
    })
    .exec_without_returning(conn)
    .await?;
    Ok(token)
}

/// Spends a refresh token and issues its successor. Spending is one
/// conditional UPDATE, so two concurrent uses cannot both succeed. A token
/// that was already spent is a sign of theft: the whole family is revoked.
pub async fn rotate_refresh_token(
    conn: &impl ConnectionTrait,
    token: &str,
    ttl_seconds: i64,
) -> Result<(User, String), AccountError> {
    let hash = tokens::hash_token(token);
    let t = now();
    let spent = refresh_token::Entity::update_many()
        .col_expr(refresh_token::Column::UsedAt, t.into())
        .filter(refresh_token::Column::TokenHash.eq(&hash))
        .filter(refresh_token::Column::UsedAt.is_null())
        .filter(refresh_token::Column::RevokedAt.is_null())
        .filter(refresh_token::Column::ExpiresAt.gt(t))
        .exec(conn)
        .await?;
    let row = refresh_token::Entity::find()
        .filter(refresh_token::Column::TokenHash.eq(&hash))
        .one(conn)
        .await?
        .ok_or(AccountError::TokenInvalid)?;
    if spent.rows_affected == 0 {
        if row.used_at.is_some() && row.revoked_at.is_none() {
            refresh_token::Entity::update_many()
                .col_expr(refresh_token::Column::RevokedAt, t.into())
                .filter(refresh_token::Column::Family.eq(&row.family))
                .filter(refresh_token::Column::RevokedAt.is_null())
                .exec(conn)
                .await?;
            tracing::warn!(
                user.id = row.user_id,
                "refresh token reused; token family revoked"
            );
            return Err(AccountError::RefreshReused);
        }
        return Err(AccountError::TokenInvalid);
    }
    let user = crate::users::get(conn, row.user_id).await?;
    if !user.active {
        return Err(AccountError::AccountDisabled);
    }
    let next = issue_refresh_token(conn, user.id, Some(&row.family), ttl_seconds).await?;
    Ok((user, next))
}

pub async fn revoke_refresh_tokens(
    conn: &impl ConnectionTrait,
    user_id: i32,
) -> Result<(), AccountError> {
    refresh_token::Entity::update_many()
        .col_expr(refresh_token::Column::RevokedAt, now().into())
        .filter(refresh_token::Column::UserId.eq(user_id))
        .filter(refresh_token::Column::RevokedAt.is_null())
        .exec(conn)
        .await?;
    Ok(())
}

// ------------------------------------------------------- single-use links

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    VerifyEmail,
    ResetPassword,
    /// An account made for someone by a coordinator: choosing a password
    /// with the link confirms the address too.
    Invite,
}

impl Purpose {
    fn code(self) -> &'static str {
        match self {
            Purpose::VerifyEmail => "verify_email",
            Purpose::ResetPassword => "reset_password",
            Purpose::Invite => "invite",
        }
    }
    /// How long a link stays valid.
    pub fn ttl_seconds(self) -> i64 {
        match self {
            Purpose::VerifyEmail => 7 * 24 * 3600,
            Purpose::ResetPassword => 3600,
            Purpose::Invite => 14 * 24 * 3600,
        }
    }
}

/// Creates a single-use link token; earlier unused ones for the same purpose
/// stop working (only the newest emailed link is valid).
pub async fn create_link_token(
    conn: &impl ConnectionTrait,
    user_id: i32,
    purpose: Purpose,
) -> Result<String, AccountError> {
    let t = now();
    one_time_token::Entity::update_many()
        .col_expr(one_time_token::Column::UsedAt, t.into())
        .filter(one_time_token::Column::UserId.eq(user_id))
        .filter(one_time_token::Column::Purpose.eq(purpose.code()))
        .filter(one_time_token::Column::UsedAt.is_null())
        .exec(conn)
        .await?;
    let token = tokens::random_token();
    one_time_token::Entity::insert(one_time_token::ActiveModel {
        token_hash: Set(tokens::hash_token(&token)),
        user_id: Set(user_id),
        purpose: Set(purpose.code().into()),
        created_at: Set(t),
        expires_at: Set(t + purpose.ttl_seconds()),
        used_at: Set(None),
        ..Default::default()
    })
    .exec_without_returning(conn)
    .await?;
    Ok(token)
}

/// Spends a link token (one conditional UPDATE); returns its user id.
async fn consume_link_token(
    conn: &impl ConnectionTrait,
    token: &str,
    purpose: Purpose,
) -> Result<i32, AccountError> {
    let hash = tokens::hash_token(token);
    let t = now();
    let res = one_time_token::Entity::update_many()
        .col_expr(one_time_token::Column::UsedAt, t.into())
        .filter(one_time_token::Column::TokenHash.eq(&hash))
        .filter(one_time_token::Column::Purpose.eq(purpose.code()))
        .filter(one_time_token::Column::UsedAt.is_null())
        .filter(one_time_token::Column::ExpiresAt.gt(t))
        .exec(conn)
        .await?;
    if res.rows_affected != 1 {
        return Err(AccountError::TokenInvalid);
    }
    let row = one_time_token::Entity::find()
        .filter(one_time_token::Column::TokenHash.eq(&hash))
        .select_only()
        .column(one_time_token::Column::UserId)
        .into_tuple::<i32>()
        .one(conn)
        .await?;
    row.ok_or(AccountError::TokenInvalid)
}

/// Whether a link token is currently usable (to show the reset form or an
/// "expired link" page before the person types a new password).
pub async fn link_token_is_valid(
    conn: &impl ConnectionTrait,
    token: &str,
    purpose: Purpose,
) -> Result<bool, AccountError> {
    Ok(one_time_token::Entity::find()
        .filter(one_time_token::Column::TokenHash.eq(tokens::hash_token(token)))
        .filter(one_time_token::Column::Purpose.eq(purpose.code()))
        .filter(one_time_token::Column::UsedAt.is_null())
        .filter(one_time_token::Column::ExpiresAt.gt(now()))
        .count(conn)
        .await?
        == 1)
}

/// Marks the address behind a verification link as verified.
pub async fn verify_email(conn: &impl ConnectionTrait, token: &str) -> Result<User, AccountError> {
    let user_id = consume_link_token(conn, token, Purpose::VerifyEmail).await?;
    mark_verified(conn, user_id).await
}

async fn mark_verified(conn: &impl ConnectionTrait, user_id: i32) -> Result<User, AccountError> {
    let user = crate::users::get(conn, user_id).await?;
    if user.email_verified_at.is_some() {
        return Ok(user);
    }
    let user = user::Entity::update(user::ActiveModel {
        id: Set(user_id),
        email_verified_at: Set(Some(now())),
        ..Default::default()
    })
    .exec(conn)
    .await?;
    crate::members::confirm_by_domain(conn, user).await
}

/// At most one reset email per account in this many seconds, so the form
/// cannot be used to flood someone's inbox.
pub const RESET_INTERVAL_SECONDS: i64 = 60;

/// For a reset request: the account and a fresh link token, or `None` when no
/// active account has that address or a link was sent moments ago. Callers
/// answer the same either way.
pub async fn request_password_reset(
    conn: &impl ConnectionTrait,
    email: &str,
) -> Result<Option<(User, String)>, AccountError> {
    let Some(user) = crate::users::find_by_email(conn, email)
        .await?
        .filter(|u| u.active)
    else {
        return Ok(None);
    };
    let recent = one_time_token::Entity::find()
        .filter(one_time_token::Column::UserId.eq(user.id))
        .filter(one_time_token::Column::Purpose.eq(Purpose::ResetPassword.code()))
        .filter(one_time_token::Column::CreatedAt.gt(now() - RESET_INTERVAL_SECONDS))
        .count(conn)
        .await?;
    if recent > 0 {
        return Ok(None);
    }
    let token = create_link_token(conn, user.id, Purpose::ResetPassword).await?;
    Ok(Some((user, token)))
}

/// Sets a new password from a reset link. Ends every session and refresh
/// token, and counts as proof that the person owns the address.
/// Which password link a token is, if it is a valid one: a reset or an
/// invitation (both lead to choosing a password).
pub async fn password_link(
    conn: &impl ConnectionTrait,
    token: &str,
) -> Result<Option<Purpose>, AccountError> {
    for p in [Purpose::ResetPassword, Purpose::Invite] {
        if link_token_is_valid(conn, token, p).await? {
            return Ok(Some(p));
        }
    }
    Ok(None)
}

pub async fn reset_password(
    conn: &impl ConnectionTrait,
    token: &str,
    new_password: &str,
) -> Result<User, AccountError> {
    let purpose = password_link(conn, token)
        .await?
        .ok_or(AccountError::TokenInvalid)?;
    let user_id = {
        let hash = tokens::hash_token(token);
        one_time_token::Entity::find()
            .filter(one_time_token::Column::TokenHash.eq(hash))
            .one(conn)
            .await?
            .ok_or(AccountError::TokenInvalid)?
            .user_id
    };
    let user = crate::users::get(conn, user_id).await?;
    let password = NewPassword::parse(
        new_password,
        &[user.email.as_str(), user.display_name.as_str()],
    )?;
    consume_link_token(conn, token, purpose).await?;
    set_password(conn, user_id, &password).await?;
    mark_verified(conn, user_id).await
}

/// Changes a password after checking the current one. Every session and
/// refresh token of the account ends; the caller opens a new session for the
/// browser that made the change.
pub async fn change_password(
    conn: &impl ConnectionTrait,
    user_id: i32,
    current: &str,
    new_password: &str,
) -> Result<(), AccountError> {
    let user = crate::users::get(conn, user_id).await?;
    if !passwords::verify(current, &user.password_hash) {
        return Err(AccountError::Invalid(vec![crate::values::invalid(
            "current_password",
            "password_wrong",
        )]));
    }
    let password = NewPassword::parse(
        new_password,
        &[user.email.as_str(), user.display_name.as_str()],
    )?;
    set_password(conn, user_id, &password).await
}

async fn set_password(
    conn: &impl ConnectionTrait,
    user_id: i32,
    password: &NewPassword,
) -> Result<(), AccountError> {
    user::Entity::update_many()
        .col_expr(
            user::Column::PasswordHash,
            passwords::hash(password.expose()).into(),
        )
        .col_expr(user::Column::UpdatedAt, now().into())
        .filter(user::Column::Id.eq(user_id))
        .exec(conn)
        .await?;
    end_all_sessions(conn, user_id).await?;
    revoke_refresh_tokens(conn, user_id).await?;
    crate::audit::record(
        conn,
        Some(user_id),
        "user.password_changed",
        "user",
        Some(user_id),
        serde_json::json!({}),
    )
    .await?;
    Ok(())
}

/// Deletes expired sessions, spent or expired links and refresh tokens, and
/// throttling records older than the window. Run periodically by workers.
pub async fn prune(conn: &impl ConnectionTrait, throttle: &Throttle) -> Result<(), AccountError> {
    let t = now();
    session::Entity::delete_many()
        .filter(session::Column::ExpiresAt.lte(t))
        .exec(conn)
        .await?;
    one_time_token::Entity::delete_many()
        .filter(one_time_token::Column::ExpiresAt.lte(t - 24 * 3600))
        .exec(conn)
        .await?;
    refresh_token::Entity::delete_many()
        .filter(refresh_token::Column::ExpiresAt.lte(t))
        .exec(conn)
        .await?;
    auth_failure::Entity::delete_many()
        .filter(auth_failure::Column::CreatedAt.lte(t - throttle.window_seconds))
        .exec(conn)
        .await?;
    Ok(())
}
