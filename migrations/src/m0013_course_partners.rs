//! Places a course's editors grant a partner organisation: its partner
//! coordinators may then enrol their people in a course that is not open
//! to everyone (closed, by key or by application), up to `places` learners
//! (no limit when absent).

use crate::columns::{cascade, id, int, ts};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum CoursePartners {
    Table,
    Id,
    CourseId,
    OrganisationId,
    Places,
    GrantedBy,
    GrantedAt,
}

#[derive(DeriveIden)]
enum Courses {
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
                .table(CoursePartners::Table)
                .col(id(CoursePartners::Id))
                .col(int(CoursePartners::CourseId))
                .col(int(CoursePartners::OrganisationId))
                .col(ColumnDef::new(CoursePartners::Places).integer().null())
                .col(ColumnDef::new(CoursePartners::GrantedBy).integer().null())
                .col(ts(CoursePartners::GrantedAt))
                .foreign_key(&mut cascade(
                    (CoursePartners::Table, CoursePartners::CourseId),
                    (Courses::Table, Courses::Id),
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut cascade(
                    (CoursePartners::Table, CoursePartners::OrganisationId),
                    (Organisations::Table, Organisations::Id),
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_course_partners")
                .table(CoursePartners::Table)
                .col(CoursePartners::CourseId)
                .col(CoursePartners::OrganisationId)
                .unique()
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(CoursePartners::Table).to_owned())
            .await
    }
}
