//! A course's minimum final score for its certificates (percent; none: no
//! such gate), and each certificate's final score (percent of the points
//! of the course's quizzes, as its grade policy counts them).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Courses {
    Table,
    CertificateMinScore,
}

#[derive(DeriveIden)]
enum Certificates {
    Table,
    FinalScore,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Courses::Table)
                .add_column(
                    ColumnDef::new(Courses::CertificateMinScore)
                        .integer()
                        .null(),
                )
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Certificates::Table)
                .add_column(ColumnDef::new(Certificates::FinalScore).integer().null())
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Certificates::Table)
                .drop_column(Certificates::FinalScore)
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Courses::Table)
                .drop_column(Courses::CertificateMinScore)
                .to_owned(),
        )
        .await
    }
}
