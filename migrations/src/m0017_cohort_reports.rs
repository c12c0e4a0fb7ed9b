//! A cohort's end-of-training report, filed by its coordinator and
//! validated by an administrator (one per cohort), and a course's rule
//! that its cohorts' certificates wait for it.

use crate::columns::{cascade, id, int, text, ts, ts_null};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum CohortReports {
    Table,
    Id,
    CohortId,
    StartsAt,
    EndsAt,
    Facilitators,
    Participants,
    Attendance,
    Outcomes,
    Remarks,
    FiledBy,
    FiledAt,
    ValidatedBy,
    ValidatedAt,
}

#[derive(DeriveIden)]
enum Cohorts {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Courses {
    Table,
    CertificateNeedsReport,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(CohortReports::Table)
                .col(id(CohortReports::Id))
                .col(int(CohortReports::CohortId))
                .col(ts(CohortReports::StartsAt))
                .col(ts(CohortReports::EndsAt))
                .col(text(CohortReports::Facilitators))
                .col(int(CohortReports::Participants))
                .col(text(CohortReports::Attendance))
                .col(text(CohortReports::Outcomes))
                .col(text(CohortReports::Remarks))
                .col(int(CohortReports::FiledBy))
                .col(ts(CohortReports::FiledAt))
                .col(ColumnDef::new(CohortReports::ValidatedBy).integer().null())
                .col(ts_null(CohortReports::ValidatedAt))
                .foreign_key(&mut cascade(
                    (CohortReports::Table, CohortReports::CohortId),
                    (Cohorts::Table, Cohorts::Id),
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_cohort_reports")
                .table(CohortReports::Table)
                .col(CohortReports::CohortId)
                .unique()
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Courses::Table)
                .add_column(
                    ColumnDef::new(Courses::CertificateNeedsReport)
                        .boolean()
                        .not_null()
                        .default(false),
                )
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Courses::Table)
                .drop_column(Courses::CertificateNeedsReport)
                .to_owned(),
        )
        .await?;
        m.drop_table(Table::drop().table(CohortReports::Table).to_owned())
            .await
    }
}
