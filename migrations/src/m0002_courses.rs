//! Courses: the authors' draft (courses, modules, lessons) and the immutable
//! published versions learners read.
//!
//! Translatable fields are JSON objects from language code to text, stored
//! as TEXT on both backends. A published version is one JSON document: it is
//! never updated, so any process may cache it by id.

use crate::columns::{cascade, id, int, short, text, ts};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Courses {
    Table,
    Id,
    Slug,
    Format,
    Level,
    EstimatedMinutes,
    DefaultLanguage,
    Languages,
    Themes,
    Title,
    Summary,
    OrganisationId,
    OwnerId,
    Status,
    CurrentVersion,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum CourseAuthors {
    Table,
    Id,
    CourseId,
    UserId,
}

#[derive(DeriveIden)]
enum CourseModules {
    Table,
    Id,
    CourseId,
    Key,
    Position,
    Title,
    CreatedAt,
}

#[derive(DeriveIden)]
enum CourseLessons {
    Table,
    Id,
    CourseId,
    ModuleId,
    Key,
    Position,
    Kind,
    Required,
    Title,
    Body,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum CourseVersions {
    Table,
    Id,
    CourseId,
    Number,
    Document,
    PublishedAt,
    PublishedBy,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Organisations {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Courses::Table)
                .col(id(Courses::Id))
                .col(short(Courses::Slug))
                .col(short(Courses::Format))
                .col(short(Courses::Level))
                .col(int(Courses::EstimatedMinutes))
                .col(
                    ColumnDef::new(Courses::DefaultLanguage)
                        .string_len(2)
                        .not_null(),
                )
                .col(short(Courses::Languages))
                .col(text(Courses::Themes))
                .col(text(Courses::Title))
                .col(text(Courses::Summary))
                .col(ColumnDef::new(Courses::OrganisationId).integer().null())
                .col(int(Courses::OwnerId))
                .col(short(Courses::Status))
                .col(
                    ColumnDef::new(Courses::CurrentVersion)
                        .integer()
                        .not_null()
                        .default(0),
                )
                .col(ts(Courses::CreatedAt))
                .col(ts(Courses::UpdatedAt))
                .foreign_key(&mut cascade(
                    (Courses::Table, Courses::OrganisationId),
                    (Organisations::Table, Organisations::Id),
                    ForeignKeyAction::SetNull,
                ))
                .foreign_key(&mut cascade(
                    (Courses::Table, Courses::OwnerId),
                    (Users::Table, Users::Id),
                    ForeignKeyAction::Restrict,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_courses_slug")
                .table(Courses::Table)
                .col(Courses::Slug)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_courses_owner")
                .table(Courses::Table)
                .col(Courses::OwnerId)
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(CourseAuthors::Table)
                .col(id(CourseAuthors::Id))
                .col(int(CourseAuthors::CourseId))
                .col(int(CourseAuthors::UserId))
                .foreign_key(&mut cascade(
                    (CourseAuthors::Table, CourseAuthors::CourseId),
                    (Courses::Table, Courses::Id),
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut cascade(
                    (CourseAuthors::Table, CourseAuthors::UserId),
                    (Users::Table, Users::Id),
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_course_authors")
                .table(CourseAuthors::Table)
                .col(CourseAuthors::CourseId)
                .col(CourseAuthors::UserId)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_course_authors_user")
                .table(CourseAuthors::Table)
                .col(CourseAuthors::UserId)
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(CourseModules::Table)
                .col(id(CourseModules::Id))
                .col(int(CourseModules::CourseId))
                .col(short(CourseModules::Key))
                .col(int(CourseModules::Position))
                .col(text(CourseModules::Title))
                .col(ts(CourseModules::CreatedAt))
                .foreign_key(&mut cascade(
                    (CourseModules::Table, CourseModules::CourseId),
                    (Courses::Table, Courses::Id),
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_course_modules_course")
                .table(CourseModules::Table)
                .col(CourseModules::CourseId)
                .col(CourseModules::Position)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_course_modules_key")
                .table(CourseModules::Table)
                .col(CourseModules::Key)
                .unique()
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(CourseLessons::Table)
                .col(id(CourseLessons::Id))
                .col(int(CourseLessons::CourseId))
                .col(int(CourseLessons::ModuleId))
                .col(short(CourseLessons::Key))
                .col(int(CourseLessons::Position))
                .col(short(CourseLessons::Kind))
                .col(
                    ColumnDef::new(CourseLessons::Required)
                        .boolean()
                        .not_null()
                        .default(true),
                )
                .col(text(CourseLessons::Title))
                .col(text(CourseLessons::Body))
                .col(ts(CourseLessons::CreatedAt))
                .col(ts(CourseLessons::UpdatedAt))
                .foreign_key(&mut cascade(
                    (CourseLessons::Table, CourseLessons::CourseId),
                    (Courses::Table, Courses::Id),
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut cascade(
                    (CourseLessons::Table, CourseLessons::ModuleId),
                    (CourseModules::Table, CourseModules::Id),
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_course_lessons_module")
                .table(CourseLessons::Table)
                .col(CourseLessons::ModuleId)
                .col(CourseLessons::Position)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_course_lessons_course")
                .table(CourseLessons::Table)
                .col(CourseLessons::CourseId)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_course_lessons_key")
                .table(CourseLessons::Table)
                .col(CourseLessons::Key)
                .unique()
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(CourseVersions::Table)
                .col(id(CourseVersions::Id))
                .col(int(CourseVersions::CourseId))
                .col(int(CourseVersions::Number))
                .col(text(CourseVersions::Document))
                .col(ts(CourseVersions::PublishedAt))
                .col(ColumnDef::new(CourseVersions::PublishedBy).integer().null())
                .foreign_key(&mut cascade(
                    (CourseVersions::Table, CourseVersions::CourseId),
                    (Courses::Table, Courses::Id),
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut cascade(
                    (CourseVersions::Table, CourseVersions::PublishedBy),
                    (Users::Table, Users::Id),
                    ForeignKeyAction::SetNull,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_course_versions_number")
                .table(CourseVersions::Table)
                .col(CourseVersions::CourseId)
                .col(CourseVersions::Number)
                .unique()
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            CourseVersions::Table.into_iden(),
            CourseLessons::Table.into_iden(),
            CourseModules::Table.into_iden(),
            CourseAuthors::Table.into_iden(),
            Courses::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
