use crate::values::EnrollmentStatus;
use sea_orm::entity::prelude::*;

/// One change of an enrolment: the status it took, who made the change
/// (`None`: the system) and an optional message.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "enrollment_events")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub enrollment_id: i32,
    pub status: EnrollmentStatus,
    pub actor_id: Option<i32>,
    #[sea_orm(column_type = "Text", nullable)]
    pub message: Option<String>,
    pub created_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
