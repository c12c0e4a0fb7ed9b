use sea_orm::entity::prelude::*;

/// A logo in the instance's library: a partner's, or (`is_instance`, at
/// most one) the instance's own, at the head of every certificate.
/// `image` is the stored key of the picture.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "logos")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub name: String,
    pub image: String,
    pub is_instance: bool,
    pub created_at: i64,
    pub retired_at: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
