use sea_orm::entity::prelude::*;

/// A day (since the Unix epoch, UTC) on which an enrolment's learner did
/// something: what reports count as active learners.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "learning_days")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub enrollment_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub day: i32,
    /// The enrolment's learner and course (copies: neither ever changes).
    pub user_id: i32,
    pub course_id: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
