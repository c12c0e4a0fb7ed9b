//! Media and lesson content: uploaded files (covers, videos, captions,
//! downloads), the kind-specific part of a lesson (video, file, quiz), and
//! view and download counts.
//!
//! A file's bytes live in the storage backend (a local directory or an
//! S3-compatible bucket) under `storage_key`; this table holds what the
//! platform knows about it. Counts are per subject per day, so reports can
//! cover any period and the rows stay few.

use crate::columns::{id, int, short, text, ts};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Media {
    Table,
    Id,
    CourseId,
    StorageKey,
    FileName,
    ContentType,
    Size,
    Sha256,
    UploadedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ViewCounts {
    Table,
    Subject,
    SubjectKey,
    CourseId,
    Day,
    Count,
}

#[derive(DeriveIden)]
enum CourseLessons {
    Table,
    Content,
}

#[derive(DeriveIden)]
enum Courses {
    Table,
    Id,
    CoverMediaId,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(CourseLessons::Table)
                .add_column(
                    ColumnDef::new(CourseLessons::Content)
                        .text()
                        .not_null()
                        .default("{}"),
                )
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Courses::Table)
                .add_column(ColumnDef::new(Courses::CoverMediaId).integer().null())
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Media::Table)
                .col(id(Media::Id))
                .col(int(Media::CourseId))
                .col(short(Media::StorageKey))
                .col(text(Media::FileName))
                .col(short(Media::ContentType))
                .col(ColumnDef::new(Media::Size).big_integer().not_null())
                .col(short(Media::Sha256))
                .col(ColumnDef::new(Media::UploadedBy).integer().null())
                .col(ts(Media::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Media::Table, Media::CourseId)
                        .to(Courses::Table, Courses::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Media::Table, Media::UploadedBy)
                        .to(Users::Table, Users::Id)
                        .on_delete(ForeignKeyAction::SetNull),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_media_storage_key")
                .table(Media::Table)
                .col(Media::StorageKey)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_media_course")
                .table(Media::Table)
                .col(Media::CourseId)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(ViewCounts::Table)
                .col(short(ViewCounts::Subject))
                .col(short(ViewCounts::SubjectKey))
                .col(int(ViewCounts::CourseId))
                .col(int(ViewCounts::Day))
                .col(ColumnDef::new(ViewCounts::Count).big_integer().not_null())
                .primary_key(
                    Index::create()
                        .col(ViewCounts::Subject)
                        .col(ViewCounts::SubjectKey)
                        .col(ViewCounts::Day),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(ViewCounts::Table, ViewCounts::CourseId)
                        .to(Courses::Table, Courses::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_view_counts_course")
                .table(ViewCounts::Table)
                .col(ViewCounts::CourseId)
                .col(ViewCounts::Day)
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(ViewCounts::Table).to_owned())
            .await?;
        m.drop_table(Table::drop().table(Media::Table).to_owned())
            .await?;
        m.alter_table(
            Table::alter()
                .table(Courses::Table)
                .drop_column(Courses::CoverMediaId)
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(CourseLessons::Table)
                .drop_column(CourseLessons::Content)
                .to_owned(),
        )
        .await?;
        Ok(())
    }
}
