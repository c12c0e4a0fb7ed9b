use sea_orm::entity::prelude::*;

/// A dated meeting of a cohort, in UTC, with the time zone it takes place in.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "live_sessions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub cohort_id: i32,
    /// The course's live-session lesson it stands for (attending completes it).
    pub lesson_key: Option<String>,
    pub title: String,
    pub starts_at: i64,
    pub ends_at: i64,
    /// An IANA name, e.g. `Africa/Nairobi`.
    pub time_zone: String,
    #[sea_orm(column_type = "Text", nullable)]
    pub venue: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub meeting_url: Option<String>,
    pub reminded_at: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
