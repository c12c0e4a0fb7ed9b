//! Enrolment by application: a course's screening questions (a JSON list of
//! prompts, each a map from language code to text), and an applicant's
//! answers kept with their enrolment (`applied`, then `active` or
//! `waitlisted` when accepted, or `declined`).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Courses {
    Table,
    ScreeningQuestions,
}

#[derive(DeriveIden)]
enum Enrollments {
    Table,
    Answers,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Courses::Table)
                .add_column(ColumnDef::new(Courses::ScreeningQuestions).text().null())
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Enrollments::Table)
                .add_column(ColumnDef::new(Enrollments::Answers).text().null())
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Enrollments::Table)
                .drop_column(Enrollments::Answers)
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Courses::Table)
                .drop_column(Courses::ScreeningQuestions)
                .to_owned(),
        )
        .await
    }
}
