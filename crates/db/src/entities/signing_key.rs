use sea_orm::entity::prelude::*;

/// A key that signs credentials: `owner` is `instance` (the site's
/// did:web), `key_id` the fragment of its verification method (`key-1`),
/// `public_key` its Multikey, `sealed_secret` the secret key sealed with
/// the instance secret. A retired key signs nothing more but stays listed.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "signing_keys")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub owner: String,
    pub key_id: String,
    pub public_key: String,
    #[sea_orm(column_type = "Text")]
    pub sealed_secret: String,
    pub created_at: i64,
    pub retired_at: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
