//! Reports read a certificate's final score beside its enrolment, and the
//! certificates issued in a period with their status and enrolment: two
//! indexes that hold those columns, so the rows themselves (their
//! credentials and titles) are not read. The index on `issued_at` alone is
//! replaced by the wider one that starts with it.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Certificates {
    Table,
    EnrollmentId,
    FinalScore,
    IssuedAt,
    Status,
}

const SCORES: &str = "ix_certificates_enrollment_score";
const ISSUED: &str = "ix_certificates_issued";
const ISSUED_AT: &str = "ix_certificates_issued_at";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_index(
            Index::create()
                .name(SCORES)
                .table(Certificates::Table)
                .col(Certificates::EnrollmentId)
                .col(Certificates::FinalScore)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name(ISSUED)
                .table(Certificates::Table)
                .col(Certificates::IssuedAt)
                .col(Certificates::Status)
                .col(Certificates::EnrollmentId)
                .to_owned(),
        )
        .await?;
        m.drop_index(
            Index::drop()
                .name(ISSUED_AT)
                .table(Certificates::Table)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_index(
            Index::create()
                .name(ISSUED_AT)
                .table(Certificates::Table)
                .col(Certificates::IssuedAt)
                .to_owned(),
        )
        .await?;
        for name in [SCORES, ISSUED] {
            m.drop_index(
                Index::drop()
                    .name(name)
                    .table(Certificates::Table)
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }
}
