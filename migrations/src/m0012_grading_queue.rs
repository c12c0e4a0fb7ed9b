//! An index for the attempts waiting for a person (`/grading`), which is
//! read on every visit and would otherwise scan every attempt ever made.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum QuizAttempts {
    Table,
    NeedsGrading,
    SubmittedAt,
}

const NAME: &str = "quiz_attempts_waiting";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_index(
            Index::create()
                .name(NAME)
                .table(QuizAttempts::Table)
                .col(QuizAttempts::NeedsGrading)
                .col(QuizAttempts::SubmittedAt)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(
            Index::drop()
                .name(NAME)
                .table(QuizAttempts::Table)
                .to_owned(),
        )
        .await
    }
}
