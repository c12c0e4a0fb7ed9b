//! `changes`: one counter per kind of shared data that server processes
//! cache. `published` goes up in every transaction that publishes or
//! archives a course, so a process can tell in one cheap read (or, on
//! PostgreSQL, by a notification) that its cached course pages and catalog
//! results are out of date.

use crate::columns::short;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Changes {
    Table,
    Name,
    Generation,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Changes::Table)
                .col(short(Changes::Name).primary_key())
                .col(ColumnDef::new(Changes::Generation).big_integer().not_null())
                .to_owned(),
        )
        .await?;
        m.exec_stmt(
            Query::insert()
                .into_table(Changes::Table)
                .columns([Changes::Name, Changes::Generation])
                .values_panic(["published".into(), 0i64.into()])
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(Changes::Table).to_owned())
            .await
    }
}
