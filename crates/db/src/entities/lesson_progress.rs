use sea_orm::entity::prelude::*;

/// A lesson an enrolled learner completed (by its stable key).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "lesson_progress")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub enrollment_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub lesson_key: String,
    pub completed_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
