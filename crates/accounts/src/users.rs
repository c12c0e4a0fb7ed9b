//! Registration, profiles and the administrators' view of users.

use crate::values::{
    Checker, Country, DisplayName, Email, NewPassword, invalid, parse_birth_year, parse_gender,
    parse_language,
};
use crate::{AccountError, audit, is_unique_violation, passwords};
use kuza_db::entities::{organisation, user};
use kuza_db::now;
use kuza_i18n::Language;
use sea_orm::sea_query::{Expr, Func};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder,
};

pub use kuza_db::entities::user::Model as User;

/// Registration fields as they arrive (strings), before validation.
#[derive(Debug, Clone, Default)]
pub struct AccountInput {
    pub email: String,
    pub password: String,
    pub display_name: String,
    pub language: String,
    pub country: String,
    pub organisation_id: Option<i32>,
    pub gender: Option<String>,
    pub birth_year: Option<String>,
}

/// Profile fields a person may change about themselves.
#[derive(Debug, Clone, Default)]
pub struct ProfileInput {
    pub display_name: String,
    pub language: String,
    pub country: String,
    pub organisation_id: Option<i32>,
    pub gender: Option<String>,
    pub birth_year: Option<String>,
}

struct ValidProfile {
    display_name: DisplayName,
    language: Language,
    country: Country,
    organisation_id: Option<i32>,
    gender: Option<String>,
    birth_year: Option<i32>,
}

async fn validate_profile(
    conn: &impl ConnectionTrait,
    p: &ProfileInput,
    c: &mut Checker,
) -> Result<Option<ValidProfile>, AccountError> {
    let display_name = c.check(DisplayName::parse(&p.display_name));
    let language = c.check(parse_language(&p.language));
    let country = c.check(Country::parse(&p.country));
    let gender = c.check(parse_gender(p.gender.as_deref()));
    let birth_year = c.check(parse_birth_year(p.birth_year.as_deref()));
    if let Some(org) = p.organisation_id
        && organisation::Entity::find_by_id(org)
            .one(conn)
            .await?
            .is_none()
    {
        c.check::<()>(Err(invalid("organisation_id", "organisation_unknown")));
    }
    Ok(
        match (display_name, language, country, gender, birth_year) {
            (Some(display_name), Some(language), Some(country), Some(gender), Some(birth_year)) => {
                Some(ValidProfile {
                    display_name,
                    language,
                    country,
                    organisation_id: p.organisation_id,
                    gender,
                    birth_year,
                })
            }
            _ => None,
        },
    )
}

/// Creates an account for someone a coordinator enrols (a bulk upload):
/// no usable password until they choose one with their invitation link
/// (`auth::Purpose::Invite`), which also confirms the address.
pub async fn invite(
    conn: &impl ConnectionTrait,
    email: &str,
    profile: &ProfileInput,
) -> Result<User, AccountError> {
    let mut c = Checker::default();
    let email = c.check(Email::parse(email));
    let profile = validate_profile(conn, profile, &mut c).await?;
    c.finish()?;
    let (Some(email), Some(p)) = (email, profile) else {
        unreachable!("Checker::finish returned Ok with a field missing");
    };
    let t = now();
    user::Entity::insert(user::ActiveModel {
        email: Set(email.as_str().into()),
        password_hash: Set(passwords::UNUSABLE.into()),
        display_name: Set(p.display_name.as_str().into()),
        language: Set(p.language.code().into()),
        country: Set(p.country.as_str().into()),
        organisation_id: Set(p.organisation_id),
        gender: Set(p.gender),
        birth_year: Set(p.birth_year),
        email_verified_at: Set(None),
        active: Set(true),
        created_at: Set(t),
        updated_at: Set(t),
        ..Default::default()
    })
    .exec_with_returning(conn)
    .await
    .map_err(|e| {
        if is_unique_violation(&e) {
            AccountError::EmailTaken
        } else {
            e.into()
        }
    })
}

/// Creates an account. `verified` is for administrators and the demo loader;
/// people who sign up verify their address by the emailed link.
pub async fn register(
    conn: &impl ConnectionTrait,
    input: &AccountInput,
    verified: bool,
) -> Result<User, AccountError> {
    let mut c = Checker::default();
    let email = c.check(Email::parse(&input.email));
    let name_hint = input.display_name.clone();
    let password = c.check(NewPassword::parse(
        &input.password,
        &[input.email.as_str(), name_hint.as_str()],
    ));
    let profile = ProfileInput {
        display_name: input.display_name.clone(),
        language: input.language.clone(),
        country: input.country.clone(),
        organisation_id: input.organisation_id,
        gender: input.gender.clone(),
        birth_year: input.birth_year.clone(),
    };
    let profile = validate_profile(conn, &profile, &mut c).await?;
    c.finish()?;
    let (Some(email), Some(password), Some(p)) = (email, password, profile) else {
        unreachable!("Checker::finish returned Ok with a field missing");
    };
    let t = now();
    let user = user::Entity::insert(user::ActiveModel {
        email: Set(email.as_str().into()),
        password_hash: Set(passwords::hash(password.expose())),
        display_name: Set(p.display_name.as_str().into()),
        language: Set(p.language.code().into()),
        country: Set(p.country.as_str().into()),
        organisation_id: Set(p.organisation_id),
        gender: Set(p.gender),
        birth_year: Set(p.birth_year),
        email_verified_at: Set(verified.then_some(t)),
        active: Set(true),
        created_at: Set(t),
        updated_at: Set(t),
        ..Default::default()
    })
    .exec_with_returning(conn)
    .await
    .map_err(|e| {
        if is_unique_violation(&e) {
            AccountError::EmailTaken
        } else {
            e.into()
        }
    })?;
    crate::members::confirm_by_domain(conn, user).await
}

pub async fn get(conn: &impl ConnectionTrait, id: i32) -> Result<User, AccountError> {
    user::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or(AccountError::NotFound)
}

/// An active user and their roles, in one query (API authentication).
pub async fn active_with_grants(
    conn: &impl ConnectionTrait,
    id: i32,
) -> Result<Option<(User, crate::Grants)>, AccountError> {
    let select = user::Entity::find_by_id(id).filter(user::Column::Active.eq(true));
    crate::roles::user_with_grants(conn, select).await
}

pub async fn find_by_email(
    conn: &impl ConnectionTrait,
    email: &str,
) -> Result<Option<User>, AccountError> {
    let Ok(email) = Email::parse(email) else {
        return Ok(None);
    };
    Ok(user::Entity::find()
        .filter(user::Column::Email.eq(email.as_str()))
        .one(conn)
        .await?)
}

pub async fn update_profile(
    conn: &impl ConnectionTrait,
    user_id: i32,
    input: &ProfileInput,
) -> Result<User, AccountError> {
    let mut c = Checker::default();
    let p = validate_profile(conn, input, &mut c).await?;
    c.finish()?;
    let Some(p) = p else {
        unreachable!("Checker::finish returned Ok with a field missing")
    };
    let current = get(conn, user_id).await?;
    let mut row = user::ActiveModel {
        id: Set(user_id),
        display_name: Set(p.display_name.as_str().into()),
        language: Set(p.language.code().into()),
        country: Set(p.country.as_str().into()),
        organisation_id: Set(p.organisation_id),
        gender: Set(p.gender),
        birth_year: Set(p.birth_year),
        updated_at: Set(now()),
        ..Default::default()
    };
    if current.organisation_id != p.organisation_id {
        // A membership is confirmed for one organisation: naming another
        // (or none) starts over.
        row.organisation_confirmed_at = Set(None);
        row.organisation_confirmation = Set(None);
    }
    let user = user::Entity::update(row).exec(conn).await?;
    crate::members::confirm_by_domain(conn, user).await
}

/// Remembers the interface language someone chose in the switcher.
pub async fn set_language(
    conn: &impl ConnectionTrait,
    user_id: i32,
    lang: Language,
) -> Result<(), AccountError> {
    user::Entity::update_many()
        .col_expr(user::Column::Language, lang.code().into())
        .filter(user::Column::Id.eq(user_id))
        .exec(conn)
        .await?;
    Ok(())
}

/// Enables or disables an account; disabling ends its sessions and tokens.
pub async fn set_active(
    conn: &impl ConnectionTrait,
    actor_id: Option<i32>,
    user_id: i32,
    active: bool,
) -> Result<(), AccountError> {
    get(conn, user_id).await?;
    user::Entity::update_many()
        .col_expr(user::Column::Active, active.into())
        .col_expr(user::Column::UpdatedAt, now().into())
        .filter(user::Column::Id.eq(user_id))
        .exec(conn)
        .await?;
    if !active {
        crate::auth::end_all_sessions(conn, user_id).await?;
        crate::auth::revoke_refresh_tokens(conn, user_id).await?;
    }
    let action = if active {
        "user.enabled"
    } else {
        "user.disabled"
    };
    audit::record(
        conn,
        actor_id,
        action,
        "user",
        Some(user_id),
        serde_json::json!({}),
    )
    .await?;
    Ok(())
}

/// A page of users (page from 1) matching `search` in email or name, newest
/// first, and the total.
pub async fn list(
    conn: &impl ConnectionTrait,
    search: Option<&str>,
    page: u64,
    per_page: u64,
) -> Result<(Vec<User>, u64), AccountError> {
    let q = user::Entity::find().order_by_desc(user::Column::Id);
    page_of(conn, matching(q, search), page, per_page).await
}

/// `q` narrowed to the people whose email or name contains `search` (any
/// case; nothing to narrow when it is empty).
pub(crate) fn matching(
    q: sea_orm::Select<user::Entity>,
    search: Option<&str>,
) -> sea_orm::Select<user::Entity> {
    match search.map(str::trim).filter(|s| !s.is_empty()) {
        None => q,
        Some(s) => {
            let pattern = format!("%{}%", s.to_lowercase().replace(['%', '_'], ""));
            q.filter(
                Condition::any()
                    .add(user::Column::Email.like(&pattern))
                    .add(
                        Expr::expr(Func::lower(Expr::col(user::Column::DisplayName)))
                            .like(&pattern),
                    ),
            )
        }
    }
}

/// A page (from 1) of `q`'s people, and the total.
pub(crate) async fn page_of(
    conn: &impl ConnectionTrait,
    q: sea_orm::Select<user::Entity>,
    page: u64,
    per_page: u64,
) -> Result<(Vec<User>, u64), AccountError> {
    let pages = q.paginate(conn, per_page);
    let total = pages.num_items().await?;
    Ok((pages.fetch_page(page.saturating_sub(1)).await?, total))
}
