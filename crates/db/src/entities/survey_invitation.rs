use sea_orm::entity::prelude::*;

/// A person asked to answer a survey by email (a course's follow-up):
/// one per person and survey, sent once, reminded once, answered through
/// its signed link until it expires.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "survey_invitations")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub survey_id: i32,
    pub user_id: i32,
    pub enrollment_id: Option<i32>,
    pub due_at: i64,
    pub sent_at: Option<i64>,
    pub reminded_at: Option<i64>,
    pub expires_at: i64,
    pub created_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
