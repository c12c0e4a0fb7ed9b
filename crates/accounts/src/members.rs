//! Membership of an organisation. Anyone may name the organisation they
//! work for, but it counts only once confirmed: by one of its coordinators
//! (or an administrator), by the organisation's own bulk enrolment, or
//! because the person's confirmed email address is at a domain the
//! organisation declared. Until then no partner sees them; naming another
//! organisation starts over.

use crate::{AccountError, audit, organisations};
use kuza_db::entities::{organisation, user};
use kuza_db::now;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};

pub use kuza_db::entities::user::Model as User;

/// How a membership was confirmed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirmation {
    /// One of the organisation's coordinators accepted them.
    Coordinator,
    /// An administrator did.
    Administrator,
    /// The organisation enrolled them from its file.
    Invitation,
    /// Their confirmed address is at one of the organisation's domains.
    Domain,
}

impl Confirmation {
    pub fn code(self) -> &'static str {
        match self {
            Confirmation::Coordinator => "coordinator",
            Confirmation::Administrator => "administrator",
            Confirmation::Invitation => "invitation",
            Confirmation::Domain => "domain",
        }
    }
}

/// Where a member stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    Pending,
    Confirmed,
}

impl Standing {
    pub fn code(self) -> &'static str {
        match self {
            Standing::Pending => "pending",
            Standing::Confirmed => "confirmed",
        }
    }
    pub fn parse(s: &str) -> Option<Standing> {
        match s {
            "pending" => Some(Standing::Pending),
            "confirmed" => Some(Standing::Confirmed),
            _ => None,
        }
    }
    pub fn of(u: &User) -> Option<Standing> {
        u.organisation_id.map(|_| {
            if u.organisation_confirmed_at.is_some() {
                Standing::Confirmed
            } else {
                Standing::Pending
            }
        })
    }
}

/// Whether the person is a confirmed member of the organisation.
pub fn is_confirmed_member(u: &User, organisation_id: i32) -> bool {
    u.organisation_id == Some(organisation_id) && u.organisation_confirmed_at.is_some()
}

/// Confirms the person as a member of the organisation they named (a
/// confirmed member stays as they are). `NotFound` when they did not name
/// it. Recorded in the audit log.
pub async fn confirm(
    conn: &impl ConnectionTrait,
    actor_id: Option<i32>,
    organisation_id: i32,
    user_id: i32,
    how: Confirmation,
) -> Result<User, AccountError> {
    let done = user::Entity::update_many()
        .col_expr(user::Column::OrganisationConfirmedAt, Expr::value(now()))
        .col_expr(
            user::Column::OrganisationConfirmation,
            Expr::value(how.code()),
        )
        .filter(user::Column::Id.eq(user_id))
        .filter(user::Column::OrganisationId.eq(organisation_id))
        .filter(user::Column::OrganisationConfirmedAt.is_null())
        .exec(conn)
        .await?;
    let u = crate::users::get(conn, user_id).await?;
    if u.organisation_id != Some(organisation_id) {
        return Err(AccountError::NotFound);
    }
    if done.rows_affected == 1 {
        audit::record(
            conn,
            actor_id,
            "organisation.member_confirmed",
            "organisation",
            Some(organisation_id),
            serde_json::json!({"user_id": user_id, "how": how.code()}),
        )
        .await?;
    }
    Ok(u)
}

/// Takes the person off the organisation (pending or confirmed): they no
/// longer name it. `NotFound` when they did not.
pub async fn remove(
    conn: &impl ConnectionTrait,
    actor_id: Option<i32>,
    organisation_id: i32,
    user_id: i32,
) -> Result<(), AccountError> {
    let done = user::Entity::update_many()
        .col_expr(user::Column::OrganisationId, Expr::value(None::<i32>))
        .col_expr(
            user::Column::OrganisationConfirmedAt,
            Expr::value(None::<i64>),
        )
        .col_expr(
            user::Column::OrganisationConfirmation,
            Expr::value(None::<String>),
        )
        .col_expr(user::Column::UpdatedAt, Expr::value(now()))
        .filter(user::Column::Id.eq(user_id))
        .filter(user::Column::OrganisationId.eq(organisation_id))
        .exec(conn)
        .await?;
    if done.rows_affected == 0 {
        return Err(AccountError::NotFound);
    }
    audit::record(
        conn,
        actor_id,
        "organisation.member_removed",
        "organisation",
        Some(organisation_id),
        serde_json::json!({"user_id": user_id}),
    )
    .await?;
    Ok(())
}

/// After someone named an organisation or confirmed their address: a
/// pending member whose confirmed address is at one of the organisation's
/// domains is confirmed.
pub async fn confirm_by_domain(conn: &impl ConnectionTrait, u: User) -> Result<User, AccountError> {
    let (Some(org), None, Some(_)) = (
        u.organisation_id,
        u.organisation_confirmed_at,
        u.email_verified_at,
    ) else {
        return Ok(u);
    };
    let Some(o) = organisation::Entity::find_by_id(org).one(conn).await? else {
        return Ok(u);
    };
    let domain = u.email.rsplit_once('@').map_or("", |(_, d)| d);
    if organisations::email_domains(&o).iter().any(|d| d == domain) {
        confirm(conn, None, org, u.id, Confirmation::Domain).await
    } else {
        Ok(u)
    }
}

/// A page (from 1) of the organisation's members who stand so, by name,
/// matching `search` in email or name, and the total.
pub async fn list(
    conn: &impl ConnectionTrait,
    organisation_id: i32,
    standing: Standing,
    search: Option<&str>,
    page: u64,
    per_page: u64,
) -> Result<(Vec<User>, u64), AccountError> {
    let confirmed = user::Column::OrganisationConfirmedAt;
    let q = user::Entity::find()
        .filter(user::Column::OrganisationId.eq(organisation_id))
        .filter(match standing {
            Standing::Pending => confirmed.is_null(),
            Standing::Confirmed => confirmed.is_not_null(),
        })
        .order_by_asc(user::Column::DisplayName)
        .order_by_asc(user::Column::Id);
    crate::users::page_of(conn, crate::users::matching(q, search), page, per_page).await
}

/// How many members are pending and how many confirmed.
pub async fn counts(
    conn: &impl ConnectionTrait,
    organisation_id: i32,
) -> Result<(u64, u64), AccountError> {
    let of = || user::Entity::find().filter(user::Column::OrganisationId.eq(organisation_id));
    let pending = of()
        .filter(user::Column::OrganisationConfirmedAt.is_null())
        .count(conn)
        .await?;
    let confirmed = of()
        .filter(user::Column::OrganisationConfirmedAt.is_not_null())
        .count(conn)
        .await?;
    Ok((pending, confirmed))
}
