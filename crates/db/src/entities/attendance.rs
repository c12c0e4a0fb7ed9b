use crate::values::AttendanceStatus;
use sea_orm::entity::prelude::*;

/// Whether a learner attended a session: `present`, `absent` or `excused`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "attendance")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub session_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub enrollment_id: i32,
    pub status: AttendanceStatus,
    pub recorded_by: Option<i32>,
    pub recorded_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
