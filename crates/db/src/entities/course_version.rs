use sea_orm::entity::prelude::*;

/// A published, immutable version of a course: the whole course as one JSON
/// document (see `kuza_courses::Document`). Never updated once written.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "course_versions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub course_id: i32,
    pub number: i32,
    #[sea_orm(column_type = "Text")]
    pub document: String,
    pub published_at: i64,
    pub published_by: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
