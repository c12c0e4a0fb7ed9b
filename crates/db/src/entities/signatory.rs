use sea_orm::entity::prelude::*;

/// A signatory in the instance's library: a person who signs certificates,
/// with their title, organisation and the stored key of their signature's
/// image. A retired one is offered no more; certificates issued with them
/// keep them.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "signatories")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub name: String,
    pub title: String,
    pub organisation: String,
    pub signature: Option<String>,
    pub created_at: i64,
    pub retired_at: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
