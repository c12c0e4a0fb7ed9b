use crate::values::EndorsementStatus;
use sea_orm::entity::prelude::*;

/// A partner organisation's endorsement of a course (one row per course
/// and organisation): asked by its coordinator with the organisation's
/// signatory and logo, decided by an administrator. `credential` is the
/// signed `EndorsementCredential`, made at approval with the
/// organisation's own key.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "endorsements")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub course_id: i32,
    pub organisation_id: i32,
    pub status: EndorsementStatus,
    #[sea_orm(column_type = "Text")]
    pub comment: String,
    pub signatory_name: String,
    pub signatory_title: String,
    pub signature: Option<String>,
    pub logo: Option<String>,
    pub requested_by: i32,
    pub requested_at: i64,
    pub decided_by: Option<i32>,
    pub decided_at: Option<i64>,
    #[sea_orm(column_type = "Text", nullable)]
    #[serde(skip)]
    pub credential: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
