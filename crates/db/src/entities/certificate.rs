use crate::values::{CertificateKind, CertificateStatus, HeldReason};
use sea_orm::entity::prelude::*;

/// A certificate: one per completed enrolment (see the migration
/// `m0014_certificates`). `course_title` is a JSON object from language
/// code to the title; `languages` the comma-separated languages the course
/// was published in when it was issued.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "certificates")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub public_id: String,
    pub number: Option<String>,
    pub enrollment_id: i32,
    pub user_id: i32,
    pub course_id: i32,
    pub cohort_id: Option<i32>,
    pub status: CertificateStatus,
    pub held_reason: Option<HeldReason>,
    pub kind: CertificateKind,
    pub learner_name: String,
    #[sea_orm(column_type = "Text")]
    pub course_title: String,
    pub languages: String,
    pub default_language: String,
    pub estimated_minutes: i32,
    pub course_version: i32,
    /// The learner's language when it was earned (its email's).
    pub language: String,
    pub completed_at: i64,
    pub issued_at: Option<i64>,
    /// 1, then one more at each correction (same number).
    pub revision: i32,
    pub revoked_at: Option<i64>,
    #[sea_orm(column_type = "Text", nullable)]
    pub revoked_reason: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
    /// The signed Open Badges credential (JSON) of the current revision,
    /// once made.
    #[sea_orm(column_type = "Text", nullable)]
    #[serde(skip)]
    pub credential: Option<String>,
    /// The learner's final score when it was earned or last re-scored
    /// (percent of the course's quiz points); `None` without quizzes.
    pub final_score: Option<i32>,
    /// What it was issued with (JSON, `kuza_certification::Design`): the
    /// instance's logo, the course's signatories and logos, the
    /// endorsements approved then. Fixed at issuance.
    #[sea_orm(column_type = "Text", nullable)]
    #[serde(skip)]
    pub design: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
