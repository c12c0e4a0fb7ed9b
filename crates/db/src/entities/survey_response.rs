use crate::values::ResponseStatus;
use sea_orm::entity::prelude::*;

/// One person's response to a survey, on the version they were given.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "survey_responses")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub survey_id: i32,
    pub version: i32,
    pub user_id: Option<i32>,
    pub enrollment_id: Option<i32>,
    pub course_id: Option<i32>,
    pub cohort_id: Option<i32>,
    pub language: String,
    /// The page to show next (0-based).
    pub page: i32,
    pub status: ResponseStatus,
    pub started_at: i64,
    pub updated_at: i64,
    pub submitted_at: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
