use sea_orm::entity::prelude::*;

/// A run of a course with dates, an enrolment window and a capacity.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "cohorts")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub course_id: i32,
    pub name: String,
    /// The language it is taught in (a course language code).
    pub language: String,
    pub starts_at: i64,
    pub ends_at: i64,
    /// Enrolment opens (`None`: now) and closes (`None`: when it starts).
    pub opens_at: Option<i64>,
    pub closes_at: Option<i64>,
    /// Most participants (active, offered, completed); `None` for no limit.
    pub capacity: Option<i32>,
    /// Hours a learner promoted from the waitlist has to confirm.
    pub confirm_hours: i32,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
