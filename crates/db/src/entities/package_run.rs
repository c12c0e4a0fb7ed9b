use sea_orm::entity::prelude::*;

/// A learner's run-time data for one SCO of a package lesson: what the SCO
/// wrote (checked, as JSON: element names to values), what it means, and
/// the time spent, kept across sessions.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "package_runs")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub enrollment_id: i32,
    pub lesson_key: String,
    pub package_id: i32,
    /// The item's identifier in the manifest.
    pub sco: String,
    #[sea_orm(column_type = "Text")]
    pub data: String,
    /// `not_attempted`, `incomplete`, `completed` or `unknown`.
    pub completion: String,
    /// `unknown`, `passed` or `failed`.
    pub success: String,
    pub score_scaled: Option<f64>,
    pub score_raw: Option<f64>,
    /// The time of the sessions before this one, in seconds.
    pub total_seconds: f64,
    /// The time the current session reported, in seconds.
    pub session_seconds: f64,
    /// The SCO asked to be resumed where it was left.
    pub suspended: bool,
    /// 1 for the first attempt; a new one starts after a failed one.
    pub attempt: i32,
    pub commits: i32,
    pub started_at: i64,
    pub updated_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
