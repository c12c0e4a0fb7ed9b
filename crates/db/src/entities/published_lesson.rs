use sea_orm::entity::prelude::*;

/// The course a published lesson key belongs to.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "published_lessons")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub lesson_key: String,
    pub course_id: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
