use sea_orm::entity::prelude::*;

/// One attempt at a quiz lesson. Started, then submitted once; `answers`
/// and `results` are JSON (see `kuza_progress::quiz`). `points` is `None`
/// until graded, and stays `None` while a facilitator's grading is awaited
/// (`needs_grading`).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "quiz_attempts")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub enrollment_id: i32,
    pub lesson_key: String,
    pub number: i32,
    /// Orders the questions and options of a shuffled quiz, the same way on
    /// every page of the attempt.
    pub seed: i64,
    pub started_at: i64,
    pub deadline: Option<i64>,
    pub submitted_at: Option<i64>,
    #[sea_orm(column_type = "Text", nullable)]
    pub answers: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub results: Option<String>,
    pub points: Option<i32>,
    pub max_points: i32,
    pub passed: Option<bool>,
    pub needs_grading: bool,
    /// Who graded the answers that needed a person, and when.
    pub graded_by: Option<i32>,
    pub graded_at: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
