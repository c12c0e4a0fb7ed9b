use sea_orm::entity::prelude::*;

/// How many times a subject was viewed or downloaded on one day.
/// `subject` is `course` (key: the course id), `lesson` (key: the lesson's
/// stable key) or `media` (key: the media id); `day` is days since
/// 1970-01-01 (UTC).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "view_counts")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub subject: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub subject_key: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub day: i32,
    pub course_id: i32,
    pub count: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
