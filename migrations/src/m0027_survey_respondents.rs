//! Survey responses by respondent: a partner's results (their members'
//! responses) and a learner's own are found from the person, not by
//! reading every response.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum SurveyResponses {
    Table,
    UserId,
}

const INDEX: &str = "ix_survey_responses_user";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_index(
            Index::create()
                .name(INDEX)
                .table(SurveyResponses::Table)
                .col(SurveyResponses::UserId)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(
            Index::drop()
                .name(INDEX)
                .table(SurveyResponses::Table)
                .to_owned(),
        )
        .await
    }
}
