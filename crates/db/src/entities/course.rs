use crate::values::{CourseStatus, EnrolmentMode, Format, GradePolicy, Level};
use sea_orm::entity::prelude::*;

/// A course's settings as its authors edit them (the draft). Translatable
/// fields (`title`, `summary`) are JSON objects from language code to text;
/// `languages` and `themes` are comma-separated.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "courses")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub slug: String,
    pub format: Format,
    pub level: Level,
    pub estimated_minutes: i32,
    pub default_language: String,
    pub languages: String,
    #[sea_orm(column_type = "Text")]
    pub themes: String,
    #[sea_orm(column_type = "Text")]
    pub title: String,
    #[sea_orm(column_type = "Text")]
    pub summary: String,
    pub organisation_id: Option<i32>,
    pub owner_id: i32,
    /// `draft` (never published), `published` or `archived`.
    pub status: CourseStatus,
    /// The newest published version's number; 0 before the first.
    pub current_version: i32,
    /// The cover image (a `media` row of this course).
    pub cover_media_id: Option<i32>,
    /// Who may enrol by themselves: `open`, `key` (with `enrolment_key`)
    /// or `closed`.
    pub enrolment: EnrolmentMode,
    pub enrolment_key: Option<String>,
    /// Most active learners at once; `None` for no limit.
    pub enrolment_cap: Option<i32>,
    /// Which quiz attempt counts: `best` or `last`.
    pub grade_policy: GradePolicy,
    /// Share of its cohort's sessions a learner must attend to complete
    /// (those they were excused from left out); `None`: no such rule.
    pub attendance_percent: Option<i32>,
    /// Certificates wait until the learner's final score reaches this
    /// percentage (of the points of the course's quizzes); `None`: no such
    /// gate.
    pub certificate_min_score: Option<i32>,
    /// In cohorts, certificates wait until the cohort's end-of-training
    /// report is filed and validated.
    pub certificate_needs_report: bool,
    /// The signatories and logos its certificates show, chosen from the
    /// instance's library (JSON, `kuza_certification::Choice`).
    #[sea_orm(column_type = "Text", nullable)]
    pub certificate_design: Option<String>,
    /// Questions an applicant answers (`enrolment` = `application`): a JSON
    /// list of maps from language code to text.
    #[sea_orm(column_type = "Text", nullable)]
    pub screening_questions: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
