//! Provider organisations: a partner training centre or university that
//! delivers courses under the instance's portal. A course names its
//! provider (`courses.organisation_id`, which already existed); an
//! organisation some course already named becomes a provider.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Organisations {
    Table,
    Id,
    Provider,
}

#[derive(DeriveIden)]
enum Courses {
    Table,
    OrganisationId,
}

const INDEX: &str = "courses_organisation_id";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Organisations::Table)
                .add_column(
                    ColumnDef::new(Organisations::Provider)
                        .boolean()
                        .not_null()
                        .default(false),
                )
                .to_owned(),
        )
        .await?;
        m.exec_stmt(
            Query::update()
                .table(Organisations::Table)
                .value(Organisations::Provider, true)
                .and_where(
                    Expr::col(Organisations::Id).in_subquery(
                        Query::select()
                            .column(Courses::OrganisationId)
                            .from(Courses::Table)
                            .and_where(Expr::col(Courses::OrganisationId).is_not_null())
                            .to_owned(),
                    ),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name(INDEX)
                .table(Courses::Table)
                .col(Courses::OrganisationId)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(Index::drop().name(INDEX).table(Courses::Table).to_owned())
            .await?;
        m.alter_table(
            Table::alter()
                .table(Organisations::Table)
                .drop_column(Organisations::Provider)
                .to_owned(),
        )
        .await
    }
}
