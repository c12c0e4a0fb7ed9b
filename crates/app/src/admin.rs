//! Administration: accounts and their roles, organisations. Only
//! administrators, except the list of organisations, which anyone reads
//! (people choose theirs when they sign up).

use crate::policy::{self, Action, Actor, On};
use crate::{App, AppError};
use kuza_accounts::organisations::{self, OrganisationInput};
use kuza_accounts::users::{self, User};
use kuza_accounts::{Grants, Role, roles};
use kuza_db::entities::organisation::Model as Organisation;
use kuza_db::values::Code;
use std::collections::HashMap;

fn admin(actor: Option<&Actor>, action: Action) -> Result<&Actor, AppError> {
    policy::may(actor, action, On::Site)?;
    policy::signed_in(actor)
}

/// A page of accounts matching `search` (part of a name or email), newest
/// first, with their roles, and the total.
pub async fn users(
    app: &App,
    actor: Option<&Actor>,
    search: Option<&str>,
    page: u64,
    per_page: u64,
) -> Result<(Vec<(User, Grants)>, u64), AppError> {
    admin(actor, Action::ManageUsers)?;
    let (list, total) = users::list(&app.db, search, page, per_page).await?;
    let ids: Vec<i32> = list.iter().map(|u| u.id).collect();
    let mut grants: HashMap<i32, Grants> = roles::grants_for(&app.db, &ids).await?;
    let rows = list
        .into_iter()
        .map(|u| {
            let g = grants.remove(&u.id).unwrap_or_default();
            (u, g)
        })
        .collect();
    Ok((rows, total))
}

/// One account with its roles.
pub async fn user(app: &App, actor: Option<&Actor>, id: i32) -> Result<(User, Grants), AppError> {
    admin(actor, Action::ManageUsers)?;
    let user = users::get(&app.db, id).await?;
    let grants = roles::grants_of(&app.db, user.id).await?;
    Ok((user, grants))
}

/// Enables or disables an account (disabling ends its sessions and
/// tokens). Administrators cannot disable themselves.
pub async fn set_active(
    app: &App,
    actor: Option<&Actor>,
    id: i32,
    active: bool,
) -> Result<(User, Grants), AppError> {
    let a = admin(actor, Action::ManageUsers)?;
    if id == a.id() && !active {
        return Err(AppError::conflict(
            "cannot_disable_self",
            "administrators cannot disable their own account",
        ));
    }
    let txn = kuza_db::begin_write(&app.db).await?;
    users::set_active(&txn, Some(a.id()), id, active).await?;
    txn.commit().await?;
    user(app, actor, id).await
}

/// Replaces an account's roles, given by their codes (recorded in the
/// audit log); a partner names its organisation. Administrators cannot
/// remove their own administrator role.
pub async fn set_roles(
    app: &App,
    actor: Option<&Actor>,
    id: i32,
    roles: &[String],
    partner_organisation_id: Option<i32>,
) -> Result<(User, Grants), AppError> {
    let a = admin(actor, Action::ManageUsers)?;
    let roles: Option<Vec<Role>> = roles.iter().map(|r| Role::parse(r)).collect();
    let grants = &Grants {
        roles: roles.ok_or_else(|| AppError::invalid("roles", "role_unknown"))?,
        partner_organisation_id,
    };
    if id == a.id() && !grants.has(Role::Admin) {
        return Err(AppError::conflict(
            "cannot_demote_self",
            "administrators cannot remove their own administrator role",
        ));
    }
    let txn = kuza_db::begin_write(&app.db).await?;
    let user = users::get(&txn, id).await?;
    let grants = roles::set_grants(&txn, Some(a.id()), user.id, grants).await?;
    txn.commit().await?;
    Ok((user, grants))
}

/// Roles and the active flag (`None`: unchanged) together, as the
/// portal's form saves them: all or nothing, under the same rules as
/// [`set_roles`] and [`set_active`].
pub async fn save_user(
    app: &App,
    actor: Option<&Actor>,
    id: i32,
    grants: &Grants,
    active: Option<bool>,
) -> Result<(), AppError> {
    let a = admin(actor, Action::ManageUsers)?;
    if id == a.id() && !grants.has(Role::Admin) {
        return Err(AppError::conflict(
            "cannot_demote_self",
            "administrators cannot remove their own administrator role",
        ));
    }
    if id == a.id() && active == Some(false) {
        return Err(AppError::conflict(
            "cannot_disable_self",
            "administrators cannot disable their own account",
        ));
    }
    let txn = kuza_db::begin_write(&app.db).await?;
    let current = users::get(&txn, id).await?;
    roles::set_grants(&txn, Some(a.id()), id, grants).await?;
    if let Some(active) = active.filter(|a| *a != current.active) {
        users::set_active(&txn, Some(a.id()), id, active).await?;
    }
    txn.commit().await?;
    Ok(())
}

/// Whether the actor may create and change organisations (the pages that
/// do it).
pub fn may_manage_organisations(actor: Option<&Actor>) -> Result<(), AppError> {
    admin(actor, Action::ManageOrganisations).map(|_| ())
}

/// A page of organisations by name, and the total (public).
pub async fn organisations(
    app: &App,
    page: u64,
    per_page: u64,
) -> Result<(Vec<Organisation>, u64), AppError> {
    Ok(organisations::list(&app.db, page, per_page).await?)
}

/// Every organisation, by name (the choices of a form).
pub async fn all_organisations(app: &App) -> Result<Vec<Organisation>, AppError> {
    Ok(organisations::all(&app.db).await?)
}

/// One organisation (public).
pub async fn organisation(app: &App, id: i32) -> Result<Organisation, AppError> {
    Ok(organisations::get(&app.db, id).await?)
}

/// Creates an organisation (administrators).
pub async fn create_organisation(
    app: &App,
    actor: Option<&Actor>,
    input: &OrganisationInput,
) -> Result<Organisation, AppError> {
    let a = admin(actor, Action::ManageOrganisations)?;
    Ok(organisations::create(&app.db, Some(a.id()), input).await?)
}

/// Replaces an organisation's fields (administrators).
pub async fn update_organisation(
    app: &App,
    actor: Option<&Actor>,
    id: i32,
    input: &OrganisationInput,
) -> Result<Organisation, AppError> {
    let a = admin(actor, Action::ManageOrganisations)?;
    let txn = kuza_db::begin_write(&app.db).await?;
    let org = organisations::update(&txn, Some(a.id()), id, input).await?;
    // A provider's names show on the catalog and the course pages.
    if org.provider {
        kuza_courses::catalog::changed(&txn).await?;
    }
    txn.commit().await?;
    if org.provider {
        app.published.changed();
    }
    Ok(org)
}
