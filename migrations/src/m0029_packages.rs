//! SCORM packages: a course's uploaded packages (their files are in the
//! storage under `packages/{id}/`, their manifest read once, here), and
//! each learner's run-time data per lesson and SCO.

use crate::columns::{cascade, id, int, short, text, ts};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Packages {
    Table,
    Id,
    CourseId,
    Title,
    FileName,
    Standard,
    Manifest,
    Files,
    Size,
    Sha256,
    UploadedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum PackageRuns {
    Table,
    Id,
    EnrollmentId,
    LessonKey,
    PackageId,
    Sco,
    Data,
    Completion,
    Success,
    ScoreScaled,
    ScoreRaw,
    TotalSeconds,
    SessionSeconds,
    Suspended,
    Attempt,
    Commits,
    StartedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Courses {
    Table,
    Id,
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
                .table(Packages::Table)
                .col(id(Packages::Id))
                .col(int(Packages::CourseId))
                .col(text(Packages::Title))
                .col(text(Packages::FileName))
                .col(short(Packages::Standard))
                .col(text(Packages::Manifest))
                .col(int(Packages::Files))
                .col(ColumnDef::new(Packages::Size).big_integer().not_null())
                .col(short(Packages::Sha256))
                .col(ColumnDef::new(Packages::UploadedBy).integer().null())
                .col(ts(Packages::CreatedAt))
                .foreign_key(&mut cascade(
                    (Packages::Table, Packages::CourseId),
                    (Courses::Table, Courses::Id),
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_packages_course")
                .table(Packages::Table)
                .col(Packages::CourseId)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(PackageRuns::Table)
                .col(id(PackageRuns::Id))
                .col(int(PackageRuns::EnrollmentId))
                .col(short(PackageRuns::LessonKey))
                .col(int(PackageRuns::PackageId))
                .col(short(PackageRuns::Sco))
                .col(text(PackageRuns::Data))
                .col(short(PackageRuns::Completion))
                .col(short(PackageRuns::Success))
                .col(ColumnDef::new(PackageRuns::ScoreScaled).double().null())
                .col(ColumnDef::new(PackageRuns::ScoreRaw).double().null())
                .col(
                    ColumnDef::new(PackageRuns::TotalSeconds)
                        .double()
                        .not_null(),
                )
                .col(
                    ColumnDef::new(PackageRuns::SessionSeconds)
                        .double()
                        .not_null(),
                )
                .col(ColumnDef::new(PackageRuns::Suspended).boolean().not_null())
                .col(int(PackageRuns::Attempt))
                .col(int(PackageRuns::Commits))
                .col(ts(PackageRuns::StartedAt))
                .col(ts(PackageRuns::UpdatedAt))
                .foreign_key(&mut cascade(
                    (PackageRuns::Table, PackageRuns::EnrollmentId),
                    (Enrollments::Table, Enrollments::Id),
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut cascade(
                    (PackageRuns::Table, PackageRuns::PackageId),
                    (Packages::Table, Packages::Id),
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        // One record per learner, lesson and SCO, whatever commits at once.
        m.create_index(
            Index::create()
                .name("ux_package_runs_sco")
                .table(PackageRuns::Table)
                .col(PackageRuns::EnrollmentId)
                .col(PackageRuns::LessonKey)
                .col(PackageRuns::Sco)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_package_runs_package")
                .table(PackageRuns::Table)
                .col(PackageRuns::PackageId)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(PackageRuns::Table).to_owned())
            .await?;
        m.drop_table(Table::drop().table(Packages::Table).to_owned())
            .await
    }
}
