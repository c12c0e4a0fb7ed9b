use sea_orm::entity::prelude::*;

/// One failed sign-in, keyed by account (`account:<email>`) and by client
/// address (`addr:<ip>`). Counted over a window to throttle sign-in across
/// every server process sharing the database.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "auth_failures")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub key: String,
    pub created_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
