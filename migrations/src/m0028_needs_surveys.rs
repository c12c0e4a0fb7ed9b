//! Needs assessments: surveys of an organisation (or of the instance)
//! rather than of a course, answered by its members or by anyone with the
//! link, and closed to answers when the assessment is over. They are
//! listed by organisation.

use crate::columns::ts_null;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Surveys {
    Table,
    OrganisationId,
    Audience,
    ClosedAt,
}

const INDEX: &str = "ix_surveys_organisation";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per statement.
        m.alter_table(
            Table::alter()
                .table(Surveys::Table)
                .add_column(ColumnDef::new(Surveys::Audience).string().null())
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Surveys::Table)
                .add_column(ts_null(Surveys::ClosedAt))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name(INDEX)
                .table(Surveys::Table)
                .col(Surveys::OrganisationId)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(Index::drop().name(INDEX).table(Surveys::Table).to_owned())
            .await?;
        for c in [Surveys::ClosedAt, Surveys::Audience] {
            m.alter_table(
                Table::alter()
                    .table(Surveys::Table)
                    .drop_column(c)
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }
}
