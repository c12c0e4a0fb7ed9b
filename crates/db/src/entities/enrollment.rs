use crate::values::EnrollmentStatus;
use sea_orm::entity::prelude::*;

/// A learner's enrolment in a course (one row per learner and course).
/// `status`: `active`, `completed`, `withdrawn`, `removed` (by a
/// coordinator), `waitlisted` or `offered` (a freed place awaiting the
/// learner's confirmation) in a cohort.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "enrollments")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub course_id: i32,
    pub user_id: i32,
    pub cohort_id: Option<i32>,
    pub status: EnrollmentStatus,
    /// When the learner last became active in the course.
    pub enrolled_at: i64,
    pub completed_at: Option<i64>,
    /// When the learner joined the cohort's waitlist (its order).
    pub queued_at: Option<i64>,
    /// A promoted learner's deadline to confirm their place.
    pub offer_expires_at: Option<i64>,
    /// An applicant's answers to the screening questions (JSON list).
    #[sea_orm(column_type = "Text", nullable)]
    pub answers: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
