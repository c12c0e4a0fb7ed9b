use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "users")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub email: String,
    #[serde(skip)]
    pub password_hash: String,
    pub display_name: String,
    pub language: String,
    /// ISO alpha-2 of a country of M49; empty: not stated.
    pub country: String,
    pub organisation_id: Option<i32>,
    /// When the organisation accepted the person as a member; `None`: pending.
    pub organisation_confirmed_at: Option<i64>,
    /// How: `coordinator`, `administrator`, `invitation` or `domain`.
    pub organisation_confirmation: Option<String>,
    pub gender: Option<String>,
    pub birth_year: Option<i32>,
    pub email_verified_at: Option<i64>,
    pub active: bool,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::organisation::Entity",
        from = "Column::OrganisationId",
        to = "super::organisation::Column::Id"
    )]
    Organisation,
    #[sea_orm(has_many = "super::user_role::Entity")]
    Roles,
    #[sea_orm(has_many = "super::session::Entity")]
    Sessions,
}

impl Related<super::organisation::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Organisation.def()
    }
}

impl Related<super::user_role::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Roles.def()
    }
}

impl Related<super::session::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Sessions.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
