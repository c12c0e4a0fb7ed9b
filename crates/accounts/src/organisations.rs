//! Organisations: the governments, local authorities, universities, NGOs and
//! agencies whose people learn here, and whose partners see their reports.

use crate::values::{Checker, Country, parse_organisation_kind, parse_organisation_name};
use crate::{AccountError, audit, is_unique_violation};
use kuza_db::entities::organisation::{self, Model as Organisation};
use kuza_db::now;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder,
};

/// Unvalidated organisation fields, as they come from a form or request.
#[derive(Debug, Clone, Default)]
pub struct OrganisationInput {
    pub name: String,
    pub kind: String,
    pub country: String,
}

struct Valid {
    name: String,
    kind: String,
    country: Country,
}

fn validate(input: &OrganisationInput) -> Result<Valid, AccountError> {
    let mut c = Checker::default();
    let name = c.check(parse_organisation_name(&input.name));
    let kind = c.check(parse_organisation_kind(&input.kind));
    let country = c.check(Country::parse(&input.country));
    c.finish()?;
    match (name, kind, country) {
        (Some(name), Some(kind), Some(country)) => Ok(Valid {
            name,
            kind,
            country,
        }),
        _ => unreachable!("Checker::finish returned Ok with a field missing"),
    }
}

fn name_taken(e: sea_orm::DbErr) -> AccountError {
    if is_unique_violation(&e) {
        AccountError::OrganisationNameTaken
    } else {
        e.into()
    }
}

pub async fn create(
    conn: &impl ConnectionTrait,
    actor_id: Option<i32>,
    input: &OrganisationInput,
) -> Result<Organisation, AccountError> {
    let v = validate(input)?;
    let org = organisation::Entity::insert(organisation::ActiveModel {
        name: Set(v.name),
        kind: Set(v.kind),
        country: Set(v.country.as_str().into()),
        created_at: Set(now()),
        ..Default::default()
    })
    .exec_with_returning(conn)
    .await
    .map_err(name_taken)?;
    audit::record(
        conn,
        actor_id,
        "organisation.created",
        "organisation",
        Some(org.id),
        serde_json::json!({"name": org.name}),
    )
    .await?;
    Ok(org)
}

pub async fn update(
    conn: &impl ConnectionTrait,
    actor_id: Option<i32>,
    id: i32,
    input: &OrganisationInput,
) -> Result<Organisation, AccountError> {
    let v = validate(input)?;
    get(conn, id).await?;
    let org = organisation::Entity::update(organisation::ActiveModel {
        id: Set(id),
        name: Set(v.name),
        kind: Set(v.kind),
        country: Set(v.country.as_str().into()),
        ..Default::default()
    })
    .exec(conn)
    .await
    .map_err(name_taken)?;
    audit::record(
        conn,
        actor_id,
        "organisation.updated",
        "organisation",
        Some(id),
        serde_json::json!({"name": org.name}),
    )
    .await?;
    Ok(org)
}

pub async fn get(conn: &impl ConnectionTrait, id: i32) -> Result<Organisation, AccountError> {
    organisation::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or(AccountError::NotFound)
}

pub async fn find_by_name(
    conn: &impl ConnectionTrait,
    name: &str,
) -> Result<Option<Organisation>, AccountError> {
    Ok(organisation::Entity::find()
        .filter(organisation::Column::Name.eq(name.trim()))
        .one(conn)
        .await?)
}

/// A page of organisations by name (page from 1), and the total.
pub async fn list(
    conn: &impl ConnectionTrait,
    page: u64,
    per_page: u64,
) -> Result<(Vec<Organisation>, u64), AccountError> {
    let pages = organisation::Entity::find()
        .order_by_asc(organisation::Column::Name)
        .paginate(conn, per_page);
    let total = pages.num_items().await?;
    Ok((pages.fetch_page(page.saturating_sub(1)).await?, total))
}

/// Every organisation by name, for choosers (a few hundred at most).
pub async fn all(conn: &impl ConnectionTrait) -> Result<Vec<Organisation>, AccountError> {
    Ok(organisation::Entity::find()
        .order_by_asc(organisation::Column::Name)
        .all(conn)
        .await?)
}
