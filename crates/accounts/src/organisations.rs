//! Organisations: the governments, local authorities, universities, NGOs and
//! agencies whose people learn here, and whose partners see their reports.

use crate::values::{
    Checker, Country, parse_email_domains, parse_organisation_kind, parse_organisation_name,
    parse_organisation_names,
};
use crate::{AccountError, audit, is_unique_violation};
use kuza_db::entities::organisation::{self, Model as Organisation};
use kuza_db::now;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder,
};
use std::collections::BTreeMap;

/// Unvalidated organisation fields, as they come from a form or request.
#[derive(Debug, Clone, Default)]
pub struct OrganisationInput {
    pub name: String,
    pub kind: String,
    pub country: String,
    /// The name in other languages, by language code (empty ones ignored).
    pub names: BTreeMap<String, String>,
    /// Email domains, separated by commas, spaces or lines.
    pub email_domains: String,
    /// Whether it delivers courses under the portal (a provider).
    pub provider: bool,
}

struct Valid {
    name: String,
    kind: String,
    country: Country,
    names: BTreeMap<String, String>,
    email_domains: Vec<String>,
}

fn validate(input: &OrganisationInput) -> Result<Valid, AccountError> {
    let mut c = Checker::default();
    let name = c.check(parse_organisation_name(&input.name));
    let kind = c.check(parse_organisation_kind(&input.kind));
    let country = c.check(Country::parse(&input.country));
    let names = c.check(parse_organisation_names(&input.names));
    let email_domains = c.check(parse_email_domains(&input.email_domains));
    c.finish()?;
    match (name, kind, country, names, email_domains) {
        (Some(name), Some(kind), Some(country), Some(names), Some(email_domains)) => Ok(Valid {
            name,
            kind,
            country,
            names,
            email_domains,
        }),
        _ => unreachable!("Checker::finish returned Ok with a field missing"),
    }
}

fn json(v: &impl serde::Serialize) -> String {
    serde_json::to_string(v).expect("names and domains serialize")
}

/// The organisation's name in other languages, by language code.
pub fn names(org: &Organisation) -> BTreeMap<String, String> {
    serde_json::from_str(&org.names).unwrap_or_default()
}

/// The organisation's name in `lang`, else its name.
pub fn name_in(org: &Organisation, lang: &str) -> String {
    names(org).remove(lang).unwrap_or_else(|| org.name.clone())
}

/// The email domains whose confirmed addresses make members.
pub fn email_domains(org: &Organisation) -> Vec<String> {
    serde_json::from_str(&org.email_domains).unwrap_or_default()
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
        names: Set(json(&v.names)),
        email_domains: Set(json(&v.email_domains)),
        provider: Set(input.provider),
        created_at: Set(now()),
        ..Default::default()
    })
    .exec_with_returning(conn)
    .await
    .map_err(name_taken)?;
    confirm_pending_by_domain(conn, &org).await?;
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
    let before = get(conn, id).await?;
    if before.provider && !input.provider && provides(conn, id).await? {
        return Err(AccountError::Invalid(vec![crate::values::Invalid {
            field: "provider",
            code: "organisation_provides_courses",
        }]));
    }
    let org = organisation::Entity::update(organisation::ActiveModel {
        id: Set(id),
        name: Set(v.name),
        kind: Set(v.kind),
        country: Set(v.country.as_str().into()),
        names: Set(json(&v.names)),
        email_domains: Set(json(&v.email_domains)),
        provider: Set(input.provider),
        ..Default::default()
    })
    .exec(conn)
    .await
    .map_err(name_taken)?;
    confirm_pending_by_domain(conn, &org).await?;
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

/// Whether some course names the organisation as its provider.
async fn provides(conn: &impl ConnectionTrait, id: i32) -> Result<bool, AccountError> {
    use kuza_db::entities::course;
    Ok(course::Entity::find()
        .filter(course::Column::OrganisationId.eq(id))
        .count(conn)
        .await?
        > 0)
}

/// The providers, by name.
pub async fn providers(conn: &impl ConnectionTrait) -> Result<Vec<Organisation>, AccountError> {
    Ok(organisation::Entity::find()
        .filter(organisation::Column::Provider.eq(true))
        .order_by_asc(organisation::Column::Name)
        .all(conn)
        .await?)
}

/// Confirms the pending members whose confirmed addresses are at one of
/// the organisation's domains (after the domains changed).
async fn confirm_pending_by_domain(
    conn: &impl ConnectionTrait,
    org: &Organisation,
) -> Result<(), AccountError> {
    use kuza_db::entities::user;
    for domain in email_domains(org) {
        let pending = user::Entity::find()
            .filter(user::Column::OrganisationId.eq(org.id))
            .filter(user::Column::OrganisationConfirmedAt.is_null())
            .filter(user::Column::EmailVerifiedAt.is_not_null())
            .filter(user::Column::Email.ends_with(format!("@{domain}")))
            .all(conn)
            .await?;
        for u in pending {
            crate::members::confirm_by_domain(conn, u).await?;
        }
    }
    Ok(())
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
