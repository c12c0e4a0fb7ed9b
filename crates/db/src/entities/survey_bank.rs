use sea_orm::entity::prelude::*;

/// A question of the instance's bank: the same question, under the same
/// key, in every survey that takes it, so answers compare across courses.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "survey_bank")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub key: String,
    /// The question (JSON, translated).
    #[sea_orm(column_type = "Text")]
    pub question: String,
    /// The purpose whose standard form includes it, if any.
    pub standard: Option<String>,
    pub position: i32,
    pub retired: bool,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
