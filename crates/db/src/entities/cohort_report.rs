use sea_orm::entity::prelude::*;

/// A cohort's end-of-training report (one per cohort): filed (and
/// refiled) by its coordinator, then validated by an administrator, after
/// which it no longer changes.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "cohort_reports")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub cohort_id: i32,
    /// When the training ran.
    pub starts_at: i64,
    pub ends_at: i64,
    #[sea_orm(column_type = "Text")]
    pub facilitators: String,
    pub participants: i32,
    /// The attendance summary.
    #[sea_orm(column_type = "Text")]
    pub attendance: String,
    #[sea_orm(column_type = "Text")]
    pub outcomes: String,
    #[sea_orm(column_type = "Text")]
    pub remarks: String,
    pub filed_by: i32,
    pub filed_at: i64,
    pub validated_by: Option<i32>,
    pub validated_at: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
