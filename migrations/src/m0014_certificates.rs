//! Certificates: one per completed enrolment, written in the transaction
//! that completed it. A certificate is `held` (with the reason) until it
//! may be released, then `issued` with its number, or `revoked`. What it
//! says (the learner's name, the course's title in each language, the
//! duration) is kept on the row as it was at issuance, so a later edit of
//! the course or the profile never changes a certificate already given.
//!
//! Numbers come from one counter row per year, taken in the issuing
//! transaction: a rolled-back issuance gives its number back, so numbers
//! never repeat and never skip.

use crate::columns::{cascade, id, int, short, text, ts, ts_null};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Certificates {
    Table,
    Id,
    PublicId,
    Number,
    EnrollmentId,
    UserId,
    CourseId,
    CohortId,
    Status,
    HeldReason,
    Kind,
    LearnerName,
    CourseTitle,
    Languages,
    DefaultLanguage,
    EstimatedMinutes,
    CourseVersion,
    Language,
    CompletedAt,
    IssuedAt,
    Revision,
    RevokedAt,
    RevokedReason,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum CertificateCounters {
    Table,
    Year,
    Last,
}

#[derive(DeriveIden)]
enum Enrollments {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Certificates::Table)
                .col(id(Certificates::Id))
                .col(short(Certificates::PublicId))
                .col(ColumnDef::new(Certificates::Number).string().null())
                .col(int(Certificates::EnrollmentId))
                .col(int(Certificates::UserId))
                .col(int(Certificates::CourseId))
                .col(ColumnDef::new(Certificates::CohortId).integer().null())
                .col(short(Certificates::Status))
                .col(ColumnDef::new(Certificates::HeldReason).string().null())
                .col(short(Certificates::Kind))
                .col(short(Certificates::LearnerName))
                .col(text(Certificates::CourseTitle))
                .col(short(Certificates::Languages))
                .col(short(Certificates::DefaultLanguage))
                .col(int(Certificates::EstimatedMinutes))
                .col(int(Certificates::CourseVersion))
                .col(short(Certificates::Language))
                .col(ts(Certificates::CompletedAt))
                .col(ts_null(Certificates::IssuedAt))
                .col(int(Certificates::Revision))
                .col(ts_null(Certificates::RevokedAt))
                .col(ColumnDef::new(Certificates::RevokedReason).text().null())
                .col(ts(Certificates::CreatedAt))
                .col(ts(Certificates::UpdatedAt))
                .foreign_key(&mut cascade(
                    (Certificates::Table, Certificates::EnrollmentId),
                    (Enrollments::Table, Enrollments::Id),
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        for (name, col) in [
            ("ux_certificates_public_id", Certificates::PublicId),
            ("ux_certificates_number", Certificates::Number),
            ("ux_certificates_enrollment", Certificates::EnrollmentId),
        ] {
            m.create_index(
                Index::create()
                    .name(name)
                    .table(Certificates::Table)
                    .col(col)
                    .unique()
                    .to_owned(),
            )
            .await?;
        }
        for (name, col) in [
            ("ix_certificates_user", Certificates::UserId),
            ("ix_certificates_course", Certificates::CourseId),
        ] {
            m.create_index(
                Index::create()
                    .name(name)
                    .table(Certificates::Table)
                    .col(col)
                    .to_owned(),
            )
            .await?;
        }
        m.create_table(
            Table::create()
                .table(CertificateCounters::Table)
                .col(
                    ColumnDef::new(CertificateCounters::Year)
                        .integer()
                        .not_null()
                        .primary_key(),
                )
                .col(int(CertificateCounters::Last))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(CertificateCounters::Table).to_owned())
            .await?;
        m.drop_table(Table::drop().table(Certificates::Table).to_owned())
            .await
    }
}
