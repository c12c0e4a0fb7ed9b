use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "organisations")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub name: String,
    pub kind: String,
    /// ISO alpha-2 of a country of M49; empty: not stated.
    pub country: String,
    pub created_at: i64,
    /// The name in other languages: a JSON object from language code to name.
    pub names: String,
    /// Email domains whose confirmed addresses make members without asking: a JSON array.
    pub email_domains: String,
    /// A provider delivers courses under the portal: its courses carry its
    /// name, and its coordinators run their cohorts.
    pub provider: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::user::Entity")]
    Users,
}

impl Related<super::user::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Users.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
