use sea_orm::entity::prelude::*;

/// One answer: a chosen option (a multiple choice has a row per option),
/// a number (a scale's point, a rating, a number) or a text.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "survey_answers")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub response_id: i32,
    pub survey_id: i32,
    pub question: String,
    pub choice: Option<i32>,
    pub number: Option<f64>,
    #[sea_orm(column_type = "Text", nullable)]
    pub text: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
