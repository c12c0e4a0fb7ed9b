use sea_orm::entity::prelude::*;

/// A published form of a survey: numbered, never changed, so every
/// answer can be read against the form it was given on.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "survey_versions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub survey_id: i32,
    pub number: i32,
    #[sea_orm(column_type = "Text")]
    pub form: String,
    pub created_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
