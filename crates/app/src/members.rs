//! An organisation's members, as its coordinators (and administrators)
//! work with them: the people who named it wait until they are confirmed;
//! confirmed members' courses, progress and certificates are followed.
//! The rules of membership are in `kuza_accounts::members`.

use crate::learning::Entry;
use crate::policy::{self, Action, Actor, On};
use crate::{App, AppError};
use kuza_accounts::members::{self, Confirmation, Standing};
use kuza_accounts::organisations;
use kuza_accounts::users::User;
use kuza_db::entities::organisation::Model as Organisation;
use kuza_db::entities::{certificate, enrollment};
use kuza_db::values::{CertificateStatus, EnrollmentStatus};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect};
use std::collections::HashMap;

/// A member and what they have done.
#[derive(Debug, Clone)]
pub struct Member {
    pub user: User,
    /// Courses they study (active) and have completed.
    pub studying: u64,
    pub completed: u64,
    /// Certificates given (not held, not revoked).
    pub certificates: u64,
}

/// A page of members and the organisation's counts.
#[derive(Debug, Clone)]
pub struct Page {
    pub organisation: Organisation,
    pub members: Vec<Member>,
    /// How many stand as asked (for paging).
    pub total: u64,
    pub pending: u64,
    pub confirmed: u64,
}

/// The organisation, once the actor may manage its members.
async fn managed(app: &App, actor: Option<&Actor>, org: i32) -> Result<Organisation, AppError> {
    policy::may(actor, Action::ManageMembers, On::Organisation(org))?;
    Ok(organisations::get(&app.db, org).await?)
}

/// The organisation's members who stand so, by name (page from 1).
pub async fn list(
    app: &App,
    actor: Option<&Actor>,
    org: i32,
    standing: Standing,
    search: Option<&str>,
    page: u64,
    per_page: u64,
) -> Result<Page, AppError> {
    let organisation = managed(app, actor, org).await?;
    let (users, total) =
        members::list(&app.db, org, standing, search, page.max(1), per_page).await?;
    let (pending, confirmed) = members::counts(&app.db, org).await?;
    let ids: Vec<i32> = users.iter().map(|u| u.id).collect();
    let mut studying: HashMap<i32, u64> = HashMap::new();
    let mut completed: HashMap<i32, u64> = HashMap::new();
    let mut certificates: HashMap<i32, u64> = HashMap::new();
    if standing == Standing::Confirmed && !ids.is_empty() {
        let rows: Vec<(i32, EnrollmentStatus)> = enrollment::Entity::find()
            .select_only()
            .column(enrollment::Column::UserId)
            .column(enrollment::Column::Status)
            .filter(enrollment::Column::UserId.is_in(ids.clone()))
            .into_tuple()
            .all(&app.db)
            .await?;
        for (user, status) in rows {
            match status {
                EnrollmentStatus::Active => *studying.entry(user).or_default() += 1,
                EnrollmentStatus::Completed => *completed.entry(user).or_default() += 1,
                _ => {}
            }
        }
        let given: Vec<i32> = certificate::Entity::find()
            .select_only()
            .column(certificate::Column::UserId)
            .filter(certificate::Column::UserId.is_in(ids))
            .filter(certificate::Column::Status.eq(CertificateStatus::Issued))
            .into_tuple()
            .all(&app.db)
            .await?;
        for user in given {
            *certificates.entry(user).or_default() += 1;
        }
    }
    let members = users
        .into_iter()
        .map(|user| Member {
            studying: studying.remove(&user.id).unwrap_or_default(),
            completed: completed.remove(&user.id).unwrap_or_default(),
            certificates: certificates.remove(&user.id).unwrap_or_default(),
            user,
        })
        .collect();
    Ok(Page {
        organisation,
        members,
        total,
        pending,
        confirmed,
    })
}

/// Confirms someone who named the organisation (404 when they did not).
pub async fn confirm(
    app: &App,
    actor: Option<&Actor>,
    org: i32,
    user_id: i32,
) -> Result<User, AppError> {
    managed(app, actor, org).await?;
    let a = policy::signed_in(actor)?;
    let how = if a.partner_of() == Some(org) {
        Confirmation::Coordinator
    } else {
        Confirmation::Administrator
    };
    let txn = kuza_db::begin_write(&app.db).await?;
    let u = members::confirm(&txn, Some(a.id()), org, user_id, how).await?;
    txn.commit().await?;
    tracing::info!(
        organisation.id = org,
        user.id = user_id,
        by = a.id(),
        "member confirmed"
    );
    Ok(u)
}

/// Takes someone off the organisation, pending or confirmed (404 when they
/// did not name it). Their courses and certificates stay theirs.
pub async fn remove(
    app: &App,
    actor: Option<&Actor>,
    org: i32,
    user_id: i32,
) -> Result<(), AppError> {
    managed(app, actor, org).await?;
    let a = policy::signed_in(actor)?;
    let txn = kuza_db::begin_write(&app.db).await?;
    members::remove(&txn, Some(a.id()), org, user_id).await?;
    txn.commit().await?;
    tracing::info!(
        organisation.id = org,
        user.id = user_id,
        by = a.id(),
        "member removed"
    );
    Ok(())
}

/// A confirmed member and their courses (progress, certificates); a
/// person who is not one is not found.
pub async fn member(
    app: &App,
    actor: Option<&Actor>,
    org: i32,
    user_id: i32,
) -> Result<(Organisation, User, Vec<Entry>), AppError> {
    let organisation = managed(app, actor, org).await?;
    let user = kuza_accounts::users::get(&app.db, user_id).await?;
    if !members::is_confirmed_member(&user, org) {
        return Err(AppError::NotFound);
    }
    let courses = crate::learning::courses_of(app, user.id).await?;
    Ok((organisation, user, courses))
}

/// The organisation whose members the actor manages from their home: a
/// coordinator's own.
pub fn home_of(actor: Option<&Actor>) -> Option<i32> {
    actor.and_then(Actor::partner_of)
}
