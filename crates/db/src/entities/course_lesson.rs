use crate::values::LessonKind;
use sea_orm::entity::prelude::*;

/// A lesson of a course's draft. `key` is its identity across versions, so
/// learner progress survives a republish.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "course_lessons")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub course_id: i32,
    pub module_id: i32,
    pub key: String,
    pub position: i32,
    pub kind: LessonKind,
    pub required: bool,
    #[sea_orm(column_type = "Text")]
    pub title: String,
    /// Markdown per language (JSON object).
    #[sea_orm(column_type = "Text")]
    pub body: String,
    /// The kind-specific part (video, file, quiz) as JSON; `{}` for text
    /// and live-session lessons.
    #[sea_orm(column_type = "Text")]
    pub content: String,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
