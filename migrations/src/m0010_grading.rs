//! Who graded a quiz attempt's answers that needed a person, and when.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum QuizAttempts {
    Table,
    GradedBy,
    GradedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for col in [
            ColumnDef::new(QuizAttempts::GradedBy)
                .integer()
                .null()
                .to_owned(),
            ColumnDef::new(QuizAttempts::GradedAt)
                .big_integer()
                .null()
                .to_owned(),
        ] {
            m.alter_table(
                Table::alter()
                    .table(QuizAttempts::Table)
                    .add_column(col)
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for c in [
            QuizAttempts::GradedBy.into_iden(),
            QuizAttempts::GradedAt.into_iden(),
        ] {
            m.alter_table(
                Table::alter()
                    .table(QuizAttempts::Table)
                    .drop_column(c)
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }
}
