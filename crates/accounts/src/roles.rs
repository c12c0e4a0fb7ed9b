//! Roles beyond "learner" (which everyone is): author, facilitator,
//! administrator, and partner viewer scoped to one organisation.

use crate::{AccountError, audit, values::invalid};
use kuza_db::entities::{organisation, user, user_role};
use kuza_db::now;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
};
use serde::Serialize;
use std::collections::HashMap;

pub use kuza_db::values::Role;

/// A user's roles. `partner_organisation_id` is set exactly when `Partner` is held.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Grants {
    pub roles: Vec<Role>,
    pub partner_organisation_id: Option<i32>,
}

impl Grants {
    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }
    pub fn is_admin(&self) -> bool {
        self.has(Role::Admin)
    }

    fn from_rows(rows: &[user_role::Model]) -> Grants {
        let mut g = Grants::default();
        for r in rows {
            g.roles.push(r.role);
            if r.role.scoped() {
                g.partner_organisation_id = r.organisation_id;
            }
        }
        g.roles.sort();
        g
    }
}

/// The first user `select` finds, with their grants, in one query
/// (`LEFT JOIN user_roles`): what every authenticated request needs.
pub(crate) async fn user_with_grants(
    conn: &impl ConnectionTrait,
    select: sea_orm::Select<user::Entity>,
) -> Result<Option<(user::Model, Grants)>, AccountError> {
    let rows = select
        .find_with_related(user_role::Entity)
        .all(conn)
        .await?;
    Ok(rows.into_iter().next().map(|(u, roles)| {
        let g = Grants::from_rows(&roles);
        (u, g)
    }))
}

pub async fn grants_of(conn: &impl ConnectionTrait, user_id: i32) -> Result<Grants, AccountError> {
    let rows = user_role::Entity::find()
        .filter(user_role::Column::UserId.eq(user_id))
        .all(conn)
        .await?;
    Ok(Grants::from_rows(&rows))
}

/// Grants for many users in one query (admin lists).
pub async fn grants_for(
    conn: &impl ConnectionTrait,
    user_ids: &[i32],
) -> Result<HashMap<i32, Grants>, AccountError> {
    let rows = user_role::Entity::find()
        .filter(user_role::Column::UserId.is_in(user_ids.iter().copied()))
        .order_by_asc(user_role::Column::UserId)
        .all(conn)
        .await?;
    let mut by_user: HashMap<i32, Vec<user_role::Model>> = HashMap::new();
    for r in rows {
        by_user.entry(r.user_id).or_default().push(r);
    }
    Ok(by_user
        .into_iter()
        .map(|(k, v)| (k, Grants::from_rows(&v)))
        .collect())
}

/// Replaces a user's roles with `grants`, recording who did it. A partner
/// grant must name an existing organisation.
pub async fn set_grants(
    conn: &impl ConnectionTrait,
    actor_id: Option<i32>,
    user_id: i32,
    grants: &Grants,
) -> Result<Grants, AccountError> {
    let partner_org = if grants.roles.iter().any(|r| r.scoped()) {
        let Some(org_id) = grants.partner_organisation_id else {
            return Err(invalid("partner_organisation_id", "partner_needs_organisation").into());
        };
        if organisation::Entity::find_by_id(org_id)
            .one(conn)
            .await?
            .is_none()
        {
            return Err(invalid("partner_organisation_id", "organisation_unknown").into());
        }
        Some(org_id)
    } else {
        None
    };
    let before = grants_of(conn, user_id).await?;
    user_role::Entity::delete_many()
        .filter(user_role::Column::UserId.eq(user_id))
        .exec(conn)
        .await?;
    let mut roles = grants.roles.clone();
    roles.sort();
    roles.dedup();
    let t = now();
    for role in &roles {
        user_role::Entity::insert(user_role::ActiveModel {
            user_id: Set(user_id),
            role: Set(*role),
            organisation_id: Set(if role.scoped() { partner_org } else { None }),
            created_at: Set(t),
            ..Default::default()
        })
        .exec_without_returning(conn)
        .await?;
    }
    let after = Grants {
        roles,
        partner_organisation_id: partner_org,
    };
    if after != before {
        audit::record(
            conn,
            actor_id,
            "user.roles_changed",
            "user",
            Some(user_id),
            serde_json::json!({ "before": before, "after": after }),
        )
        .await?;
    }
    Ok(after)
}
