//! What a certificate shows besides its words: signatories and logos.
//!
//! The instance keeps a library of signatories (name, title, organisation,
//! signature image) and logos, one of which is the instance's own. Each
//! course chooses up to [`SIGNATORIES_MAX`] signatories and
//! [`LOGOS_MAX`] partner logos from it ([`Choice`], on the course's row).
//! Partner organisations endorse courses ([`endorsement`]s): approved, the
//! organisation's signatory and logo join the course's.
//!
//! A certificate keeps what it was issued with ([`Design`], on its row),
//! taken when it is issued: a signatory retired later, a logo replaced or
//! an endorsement withdrawn changes only the certificates issued after.
//! Images are stored by the digest of their bytes, never overwritten, so
//! what a certificate names stays there.

use crate::CertificationError;
use kuza_db::entities::{endorsement, logo, organisation, signatory};
use kuza_db::now;
use kuza_db::values::EndorsementStatus;
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

pub use kuza_db::entities::endorsement::Model as Endorsement;
pub use kuza_db::entities::logo::Model as Logo;
pub use kuza_db::entities::signatory::Model as Signatory;

/// Signatories a course chooses (endorsing organisations' come on top).
pub const SIGNATORIES_MAX: usize = 3;
/// Partner logos a course chooses.
pub const LOGOS_MAX: usize = 4;
/// The longest name, title or organisation of a signatory, or logo name.
pub const FIELD_MAX: usize = 120;
/// The longest endorsement comment.
pub const COMMENT_MAX: usize = 1000;

/// A course's choice from the library, in the order shown.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    #[serde(default)]
    pub signatories: Vec<i32>,
    #[serde(default)]
    pub logos: Vec<i32>,
}

impl Choice {
    /// The choice kept on a course's row (none: nothing chosen).
    pub fn of(stored: Option<&str>) -> Choice {
        stored
            .and_then(|s| serde_json::from_str(s).ok())
            .unwrap_or_default()
    }
}

/// A signatory as a certificate keeps them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signer {
    pub name: String,
    pub title: String,
    pub organisation: String,
    /// The stored key of the signature's image.
    pub signature: Option<String>,
}

/// An endorsement as a certificate keeps it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Endorsed {
    pub organisation: String,
    pub signatory: Option<Signer>,
    pub logo: Option<String>,
    /// The signed `EndorsementCredential`.
    pub credential: serde_json::Value,
}

/// The organisation that delivered the course, as a certificate keeps it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provided {
    pub name: String,
    /// The name in other languages, by language code.
    #[serde(default)]
    pub names: BTreeMap<String, String>,
}

impl Provided {
    /// Its name in `lang`, else its name.
    pub fn name_in(&self, lang: &str) -> &str {
        self.names.get(lang).unwrap_or(&self.name)
    }
}

/// What a certificate was issued with.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Design {
    /// The instance's logo (stored key).
    pub logo: Option<String>,
    pub signatories: Vec<Signer>,
    /// Partner logos (stored keys).
    pub logos: Vec<String>,
    pub endorsements: Vec<Endorsed>,
    /// The course's provider when it was issued.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<Provided>,
}

impl Design {
    /// The design kept on a certificate's row (none before designs).
    pub fn of(stored: Option<&str>) -> Design {
        stored
            .and_then(|s| serde_json::from_str(s).ok())
            .unwrap_or_default()
    }

    /// Every signatory shown: the course's, then the endorsers'.
    pub fn all_signatories(&self) -> Vec<&Signer> {
        self.signatories
            .iter()
            .chain(
                self.endorsements
                    .iter()
                    .filter_map(|e| e.signatory.as_ref()),
            )
            .collect()
    }

    /// Every partner logo shown: the course's, then the endorsers'.
    pub fn all_logos(&self) -> Vec<&str> {
        self.logos
            .iter()
            .map(String::as_str)
            .chain(self.endorsements.iter().filter_map(|e| e.logo.as_deref()))
            .collect()
    }
}

/// A one-line text of 1 to [`FIELD_MAX`] characters, trimmed, without
/// control or invisible formatting characters (`empty` allowed or not).
pub fn parse_field(s: &str, allow_empty: bool) -> Result<String, CertificationError> {
    let t = s.trim();
    if t.is_empty() {
        return if allow_empty {
            Ok(String::new())
        } else {
            Err(CertificationError::Invalid("field_required"))
        };
    }
    let clean = crate::printable_name(t).ok_or(CertificationError::Invalid("field_invalid"))?;
    if clean.chars().count() > FIELD_MAX {
        return Err(CertificationError::Invalid("field_too_long"));
    }
    Ok(clean)
}

/// The library's signatories, current ones first, oldest first.
pub async fn signatories(
    conn: &impl ConnectionTrait,
    with_retired: bool,
) -> Result<Vec<Signatory>, DbErr> {
    let mut q = signatory::Entity::find();
    if !with_retired {
        q = q.filter(signatory::Column::RetiredAt.is_null());
    }
    q.order_by_asc(signatory::Column::Id).all(conn).await
}

/// The library's logos, oldest first.
pub async fn logos(conn: &impl ConnectionTrait, with_retired: bool) -> Result<Vec<Logo>, DbErr> {
    let mut q = logo::Entity::find();
    if !with_retired {
        q = q.filter(logo::Column::RetiredAt.is_null());
    }
    q.order_by_asc(logo::Column::Id).all(conn).await
}

/// Adds a signatory (fields already checked).
pub async fn add_signatory(conn: &impl ConnectionTrait, s: &Signer) -> Result<Signatory, DbErr> {
    signatory::Entity::insert(signatory::ActiveModel {
        name: Set(s.name.clone()),
        title: Set(s.title.clone()),
        organisation: Set(s.organisation.clone()),
        signature: Set(s.signature.clone()),
        created_at: Set(now()),
        retired_at: Set(None),
        ..Default::default()
    })
    .exec_with_returning(conn)
    .await
}

/// Adds a logo; `instance` makes it the instance's own (in place of any
/// other).
pub async fn add_logo(
    conn: &impl ConnectionTrait,
    name: &str,
    image: &str,
    instance: bool,
) -> Result<Logo, DbErr> {
    if instance {
        clear_instance_logo(conn).await?;
    }
    logo::Entity::insert(logo::ActiveModel {
        name: Set(name.to_owned()),
        image: Set(image.to_owned()),
        is_instance: Set(instance),
        created_at: Set(now()),
        retired_at: Set(None),
        ..Default::default()
    })
    .exec_with_returning(conn)
    .await
}

async fn clear_instance_logo(conn: &impl ConnectionTrait) -> Result<(), DbErr> {
    logo::Entity::update_many()
        .col_expr(
            logo::Column::IsInstance,
            sea_orm::sea_query::Expr::value(false),
        )
        .filter(logo::Column::IsInstance.eq(true))
        .exec(conn)
        .await?;
    Ok(())
}

/// Makes a current logo the instance's own.
pub async fn make_instance_logo(
    conn: &impl ConnectionTrait,
    id: i32,
) -> Result<(), CertificationError> {
    let l = logo::Entity::find_by_id(id)
        .filter(logo::Column::RetiredAt.is_null())
        .one(conn)
        .await?
        .ok_or(CertificationError::NotFound)?;
    clear_instance_logo(conn).await?;
    logo::Entity::update(logo::ActiveModel {
        id: Set(l.id),
        is_instance: Set(true),
        ..Default::default()
    })
    .exec(conn)
    .await?;
    Ok(())
}

/// Retires a signatory: offered no more, dropped from courses' choices
/// when their next certificate is issued; issued certificates keep them.
pub async fn retire_signatory(
    conn: &impl ConnectionTrait,
    id: i32,
) -> Result<(), CertificationError> {
    let n = signatory::Entity::update_many()
        .col_expr(
            signatory::Column::RetiredAt,
            sea_orm::sea_query::Expr::value(now()),
        )
        .filter(signatory::Column::Id.eq(id))
        .filter(signatory::Column::RetiredAt.is_null())
        .exec(conn)
        .await?
        .rows_affected;
    if n == 0 {
        return Err(CertificationError::NotFound);
    }
    Ok(())
}

/// Retires a logo (the instance's own included: certificates then carry none).
pub async fn retire_logo(conn: &impl ConnectionTrait, id: i32) -> Result<(), CertificationError> {
    let n = logo::Entity::update_many()
        .col_expr(
            logo::Column::RetiredAt,
            sea_orm::sea_query::Expr::value(now()),
        )
        .col_expr(
            logo::Column::IsInstance,
            sea_orm::sea_query::Expr::value(false),
        )
        .filter(logo::Column::Id.eq(id))
        .filter(logo::Column::RetiredAt.is_null())
        .exec(conn)
        .await?
        .rows_affected;
    if n == 0 {
        return Err(CertificationError::NotFound);
    }
    Ok(())
}

/// Checks a course's choice against the current library: known, current,
/// no repeats, within the limits.
pub async fn check_choice(
    conn: &impl ConnectionTrait,
    choice: &Choice,
) -> Result<Choice, CertificationError> {
    let unique = |v: &[i32]| {
        let mut seen = std::collections::HashSet::new();
        v.iter().all(|x| seen.insert(*x))
    };
    if choice.signatories.len() > SIGNATORIES_MAX {
        return Err(CertificationError::Invalid("too_many_signatories"));
    }
    if choice.logos.len() > LOGOS_MAX {
        return Err(CertificationError::Invalid("too_many_logos"));
    }
    if !unique(&choice.signatories) || !unique(&choice.logos) {
        return Err(CertificationError::Invalid("chosen_twice"));
    }
    let current_s: Vec<i32> = signatories(conn, false)
        .await?
        .iter()
        .map(|s| s.id)
        .collect();
    let current_l: Vec<i32> = logos(conn, false)
        .await?
        .iter()
        .filter(|l| !l.is_instance)
        .map(|l| l.id)
        .collect();
    if choice.signatories.iter().any(|x| !current_s.contains(x))
        || choice.logos.iter().any(|x| !current_l.contains(x))
    {
        return Err(CertificationError::Invalid("not_in_library"));
    }
    Ok(choice.clone())
}

/// The design a certificate of a course with `choice` gets now: the
/// instance's logo, the chosen signatories and logos still current, and
/// the course's approved endorsements.
pub async fn current(
    conn: &impl ConnectionTrait,
    course_id: i32,
    choice: &Choice,
) -> Result<Design, DbErr> {
    let all_s = if choice.signatories.is_empty() {
        vec![]
    } else {
        signatories(conn, false).await?
    };
    let all_l = logos(conn, false).await?;
    let signatories = choice
        .signatories
        .iter()
        .filter_map(|id| all_s.iter().find(|s| s.id == *id))
        .map(|s| Signer {
            name: s.name.clone(),
            title: s.title.clone(),
            organisation: s.organisation.clone(),
            signature: s.signature.clone(),
        })
        .collect();
    let logos = choice
        .logos
        .iter()
        .filter_map(|id| all_l.iter().find(|l| l.id == *id && !l.is_instance))
        .map(|l| l.image.clone())
        .collect();
    let approved = endorsements_of(conn, course_id, Some(EndorsementStatus::Approved)).await?;
    let provider = provider_of(conn, course_id).await?;
    let organisation_names =
        organisation_names(conn, approved.iter().map(|e| e.organisation_id)).await?;
    let endorsements = approved
        .into_iter()
        .filter_map(|e| {
            let credential = serde_json::from_str(e.credential.as_deref()?).ok()?;
            let organisation = organisation_names
                .get(&e.organisation_id)
                .cloned()
                .unwrap_or_default();
            Some(Endorsed {
                signatory: (!e.signatory_name.is_empty()).then(|| Signer {
                    name: e.signatory_name.clone(),
                    title: e.signatory_title.clone(),
                    organisation: organisation.clone(),
                    signature: e.signature.clone(),
                }),
                organisation,
                logo: e.logo.clone(),
                credential,
            })
        })
        .collect();
    Ok(Design {
        logo: all_l
            .iter()
            .find(|l| l.is_instance)
            .map(|l| l.image.clone()),
        signatories,
        logos,
        endorsements,
        provider,
    })
}

/// The course's provider, in one query.
async fn provider_of(
    conn: &impl ConnectionTrait,
    course_id: i32,
) -> Result<Option<Provided>, DbErr> {
    let mut sql = kuza_db::sql::Sql::new(conn.get_database_backend());
    sql.push(
        "SELECT o.name, o.names FROM organisations o JOIN courses c ON c.organisation_id = o.id \
         WHERE c.id = ",
    )
    .bind(course_id);
    let Some(row) = conn.query_one(sql.statement()).await? else {
        return Ok(None);
    };
    Ok(Some(Provided {
        name: row.try_get("", "name")?,
        names: serde_json::from_str(&row.try_get::<String>("", "names")?).unwrap_or_default(),
    }))
}

/// The names of organisations by id, in one query.
pub async fn organisation_names(
    conn: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = i32>,
) -> Result<HashMap<i32, String>, DbErr> {
    let ids: Vec<i32> = ids.into_iter().collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(organisation::Entity::find()
        .filter(organisation::Column::Id.is_in(ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|o| (o.id, o.name))
        .collect())
}

/// What an organisation's coordinator asks.
#[derive(Debug, Clone, Default)]
pub struct Request {
    pub comment: String,
    pub signatory_name: String,
    pub signatory_title: String,
    pub signature: Option<String>,
    pub logo: Option<String>,
}

/// Asks for an endorsement of a course by an organisation: a new row, or
/// the pair's row asked again after a decline or a withdrawal. An
/// endorsement asked or approved already is not asked twice.
pub async fn request(
    conn: &impl ConnectionTrait,
    course_id: i32,
    organisation_id: i32,
    by: i32,
    r: &Request,
) -> Result<Endorsement, CertificationError> {
    let t = now();
    if let Some(e) = find(conn, course_id, organisation_id).await?
        && matches!(
            e.status,
            EndorsementStatus::Requested | EndorsementStatus::Approved
        )
    {
        return Err(CertificationError::Invalid("already_endorsed"));
    }
    endorsement::Entity::insert(endorsement::ActiveModel {
        course_id: Set(course_id),
        organisation_id: Set(organisation_id),
        status: Set(EndorsementStatus::Requested),
        comment: Set(r.comment.clone()),
        signatory_name: Set(r.signatory_name.clone()),
        signatory_title: Set(r.signatory_title.clone()),
        signature: Set(r.signature.clone()),
        logo: Set(r.logo.clone()),
        requested_by: Set(by),
        requested_at: Set(t),
        decided_by: Set(None),
        decided_at: Set(None),
        credential: Set(None),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([
            endorsement::Column::CourseId,
            endorsement::Column::OrganisationId,
        ])
        .update_columns([
            endorsement::Column::Status,
            endorsement::Column::Comment,
            endorsement::Column::SignatoryName,
            endorsement::Column::SignatoryTitle,
            endorsement::Column::Signature,
            endorsement::Column::Logo,
            endorsement::Column::RequestedBy,
            endorsement::Column::RequestedAt,
            endorsement::Column::DecidedBy,
            endorsement::Column::DecidedAt,
            endorsement::Column::Credential,
        ])
        .to_owned(),
    )
    .exec_without_returning(conn)
    .await?;
    find(conn, course_id, organisation_id)
        .await?
        .ok_or(CertificationError::NotFound)
}

/// The endorsement of a course by an organisation.
pub async fn find(
    conn: &impl ConnectionTrait,
    course_id: i32,
    organisation_id: i32,
) -> Result<Option<Endorsement>, DbErr> {
    endorsement::Entity::find()
        .filter(endorsement::Column::CourseId.eq(course_id))
        .filter(endorsement::Column::OrganisationId.eq(organisation_id))
        .one(conn)
        .await
}

/// An endorsement by id.
pub async fn endorsement(
    conn: &impl ConnectionTrait,
    id: i32,
) -> Result<Endorsement, CertificationError> {
    endorsement::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or(CertificationError::NotFound)
}

/// A course's endorsements (in `status`, or all), oldest first.
pub async fn endorsements_of(
    conn: &impl ConnectionTrait,
    course_id: i32,
    status: Option<EndorsementStatus>,
) -> Result<Vec<Endorsement>, DbErr> {
    let mut q = endorsement::Entity::find().filter(endorsement::Column::CourseId.eq(course_id));
    if let Some(s) = status {
        q = q.filter(endorsement::Column::Status.eq(s));
    }
    q.order_by_asc(endorsement::Column::Id).all(conn).await
}

/// Every endorsement (of one organisation, or all), newest first.
pub async fn endorsements(
    conn: &impl ConnectionTrait,
    organisation_id: Option<i32>,
) -> Result<Vec<Endorsement>, DbErr> {
    let mut q = endorsement::Entity::find();
    if let Some(o) = organisation_id {
        q = q.filter(endorsement::Column::OrganisationId.eq(o));
    }
    q.order_by_desc(endorsement::Column::Id).all(conn).await
}

/// Moves an endorsement from `from` to `to` (by `by`, with the signed
/// credential on approval); `NotFound` when it is not in `from` (decided
/// meanwhile).
pub async fn decide(
    conn: &impl ConnectionTrait,
    id: i32,
    from: EndorsementStatus,
    to: EndorsementStatus,
    by: i32,
    credential: Option<String>,
) -> Result<Endorsement, CertificationError> {
    let n = endorsement::Entity::update_many()
        .col_expr(
            endorsement::Column::Status,
            sea_orm::sea_query::Expr::value(to),
        )
        .col_expr(
            endorsement::Column::DecidedBy,
            sea_orm::sea_query::Expr::value(by),
        )
        .col_expr(
            endorsement::Column::DecidedAt,
            sea_orm::sea_query::Expr::value(now()),
        )
        .col_expr(
            endorsement::Column::Credential,
            sea_orm::sea_query::Expr::value(credential),
        )
        .filter(endorsement::Column::Id.eq(id))
        .filter(endorsement::Column::Status.eq(from))
        .exec(conn)
        .await?
        .rows_affected;
    if n == 0 {
        return Err(CertificationError::NotFound);
    }
    endorsement(conn, id).await
}
