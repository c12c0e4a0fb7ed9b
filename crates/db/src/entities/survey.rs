use crate::values::{SurveyAudience, SurveyPurpose};
use sea_orm::entity::prelude::*;

/// A survey: what it is for, whose it is (a course's, an organisation's,
/// or the instance's), its draft form and the number of its published
/// version (0 while none is).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "surveys")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub purpose: SurveyPurpose,
    pub course_id: Option<i32>,
    pub organisation_id: Option<i32>,
    /// Translated title (JSON), empty for a course's surveys (named by purpose).
    #[sea_orm(column_type = "Text")]
    pub title: String,
    /// Comma-separated language codes, the default first.
    pub languages: String,
    pub default_language: String,
    /// Whether answers are shown without the respondent's name.
    pub anonymous: bool,
    /// An evaluation the course's certificate waits for.
    pub required: bool,
    /// The form being edited (JSON).
    #[sea_orm(column_type = "Text")]
    pub draft: String,
    pub version: i32,
    /// A follow-up: months after completion it is sent (0: not sent).
    pub months: Option<i32>,
    /// A needs assessment: who answers it.
    pub audience: Option<SurveyAudience>,
    /// A needs assessment: when it was closed to answers (`None`: open
    /// once published).
    pub closed_at: Option<i64>,
    pub created_by: Option<i32>,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
