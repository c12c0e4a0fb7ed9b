//! Scheduled reports: who asked for which report, weekly or monthly.

use crate::columns::{cascade, id, int, short, text, ts};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ReportSubscriptions {
    Table,
    Id,
    UserId,
    Frequency,
    Query,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(ReportSubscriptions::Table)
                .col(id(ReportSubscriptions::Id))
                .col(int(ReportSubscriptions::UserId))
                .col(short(ReportSubscriptions::Frequency))
                .col(text(ReportSubscriptions::Query))
                .col(ts(ReportSubscriptions::CreatedAt))
                .foreign_key(&mut cascade(
                    (ReportSubscriptions::Table, ReportSubscriptions::UserId),
                    (Users::Table, Users::Id),
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_report_subscriptions_user")
                .table(ReportSubscriptions::Table)
                .col(ReportSubscriptions::UserId)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(ReportSubscriptions::Table).to_owned())
            .await
    }
}
