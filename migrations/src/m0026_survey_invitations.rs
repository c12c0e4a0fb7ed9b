//! Survey invitations: a follow-up (or an invited survey) sent once per
//! person and survey, with its reminder and its expiry; and how many
//! months after completion a course's follow-up is sent.

use crate::columns::{cascade, id, int, ts, ts_null};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum SurveyInvitations {
    Table,
    Id,
    SurveyId,
    UserId,
    EnrollmentId,
    DueAt,
    SentAt,
    RemindedAt,
    ExpiresAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Surveys {
    Table,
    Id,
    Months,
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
                .table(Surveys::Table)
                .add_column(ColumnDef::new(Surveys::Months).integer().null())
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(SurveyInvitations::Table)
                .col(id(SurveyInvitations::Id))
                .col(int(SurveyInvitations::SurveyId))
                .col(int(SurveyInvitations::UserId))
                .col(
                    ColumnDef::new(SurveyInvitations::EnrollmentId)
                        .integer()
                        .null(),
                )
                .col(ts(SurveyInvitations::DueAt))
                .col(ts_null(SurveyInvitations::SentAt))
                .col(ts_null(SurveyInvitations::RemindedAt))
                .col(ts(SurveyInvitations::ExpiresAt))
                .col(ts(SurveyInvitations::CreatedAt))
                .foreign_key(&mut cascade(
                    (SurveyInvitations::Table, SurveyInvitations::SurveyId),
                    (Surveys::Table, Surveys::Id),
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut cascade(
                    (SurveyInvitations::Table, SurveyInvitations::UserId),
                    (Users::Table, Users::Id),
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        // One invitation per person and survey, whatever runs at once.
        m.create_index(
            Index::create()
                .name("ux_survey_invitations_user")
                .table(SurveyInvitations::Table)
                .col(SurveyInvitations::SurveyId)
                .col(SurveyInvitations::UserId)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_survey_invitations_sent")
                .table(SurveyInvitations::Table)
                .col(SurveyInvitations::SentAt)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(SurveyInvitations::Table).to_owned())
            .await?;
        m.alter_table(
            Table::alter()
                .table(Surveys::Table)
                .drop_column(Surveys::Months)
                .to_owned(),
        )
        .await
    }
}
