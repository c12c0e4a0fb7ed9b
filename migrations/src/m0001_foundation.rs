//! Accounts, organisations, roles, sessions, tokens, sign-in throttling,
//! the job table and the audit log.

use crate::columns::{id, short as text, ts, ts_null};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Organisations {
    Table,
    Id,
    Name,
    Kind,
    Country,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
    Email,
    PasswordHash,
    DisplayName,
    Language,
    Country,
    OrganisationId,
    Gender,
    BirthYear,
    EmailVerifiedAt,
    Active,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum UserRoles {
    Table,
    Id,
    UserId,
    Role,
    OrganisationId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Sessions {
    Table,
    Id,
    TokenHash,
    UserId,
    CreatedAt,
    ExpiresAt,
}

#[derive(DeriveIden)]
enum RefreshTokens {
    Table,
    Id,
    TokenHash,
    UserId,
    Family,
    CreatedAt,
    ExpiresAt,
    UsedAt,
    RevokedAt,
}

#[derive(DeriveIden)]
enum OneTimeTokens {
    Table,
    Id,
    TokenHash,
    UserId,
    Purpose,
    CreatedAt,
    ExpiresAt,
    UsedAt,
}

#[derive(DeriveIden)]
enum AuthFailures {
    Table,
    Id,
    Key,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Jobs {
    Table,
    Id,
    Kind,
    Payload,
    DedupeKey,
    Status,
    Attempts,
    MaxAttempts,
    RunAt,
    LockedBy,
    LockedUntil,
    LastError,
    CreatedAt,
    FinishedAt,
}

#[derive(DeriveIden)]
enum AuditEvents {
    Table,
    Id,
    ActorId,
    Action,
    SubjectType,
    SubjectId,
    Details,
    CreatedAt,
}

fn fk(
    table: impl IntoIden + 'static,
    col: impl IntoIden,
    to: impl IntoIden + 'static,
    to_col: impl IntoIden,
    cascade: bool,
) -> ForeignKeyCreateStatement {
    let mut fk = ForeignKey::create();
    fk.from(table, col).to(to, to_col);
    if cascade {
        fk.on_delete(ForeignKeyAction::Cascade);
    } else {
        fk.on_delete(ForeignKeyAction::SetNull);
    }
    fk.to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Organisations::Table)
                .col(id(Organisations::Id))
                .col(text(Organisations::Name))
                .col(text(Organisations::Kind))
                .col(
                    ColumnDef::new(Organisations::Country)
                        .string_len(2)
                        .not_null(),
                )
                .col(ts(Organisations::CreatedAt))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_organisations_name")
                .table(Organisations::Table)
                .col(Organisations::Name)
                .unique()
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Users::Table)
                .col(id(Users::Id))
                .col(text(Users::Email))
                .col(text(Users::PasswordHash))
                .col(text(Users::DisplayName))
                .col(ColumnDef::new(Users::Language).string_len(2).not_null())
                .col(ColumnDef::new(Users::Country).string_len(2).not_null())
                .col(ColumnDef::new(Users::OrganisationId).integer().null())
                .col(ColumnDef::new(Users::Gender).string().null())
                .col(ColumnDef::new(Users::BirthYear).integer().null())
                .col(ts_null(Users::EmailVerifiedAt))
                .col(
                    ColumnDef::new(Users::Active)
                        .boolean()
                        .not_null()
                        .default(true),
                )
                .col(ts(Users::CreatedAt))
                .col(ts(Users::UpdatedAt))
                .foreign_key(&mut fk(
                    Users::Table,
                    Users::OrganisationId,
                    Organisations::Table,
                    Organisations::Id,
                    false,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_users_email")
                .table(Users::Table)
                .col(Users::Email)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_users_organisation")
                .table(Users::Table)
                .col(Users::OrganisationId)
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(UserRoles::Table)
                .col(id(UserRoles::Id))
                .col(ColumnDef::new(UserRoles::UserId).integer().not_null())
                .col(text(UserRoles::Role))
                .col(ColumnDef::new(UserRoles::OrganisationId).integer().null())
                .col(ts(UserRoles::CreatedAt))
                .foreign_key(&mut fk(
                    UserRoles::Table,
                    UserRoles::UserId,
                    Users::Table,
                    Users::Id,
                    true,
                ))
                .foreign_key(&mut fk(
                    UserRoles::Table,
                    UserRoles::OrganisationId,
                    Organisations::Table,
                    Organisations::Id,
                    true,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_user_roles_user_role")
                .table(UserRoles::Table)
                .col(UserRoles::UserId)
                .col(UserRoles::Role)
                .unique()
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Sessions::Table)
                .col(id(Sessions::Id))
                .col(text(Sessions::TokenHash))
                .col(ColumnDef::new(Sessions::UserId).integer().not_null())
                .col(ts(Sessions::CreatedAt))
                .col(ts(Sessions::ExpiresAt))
                .foreign_key(&mut fk(
                    Sessions::Table,
                    Sessions::UserId,
                    Users::Table,
                    Users::Id,
                    true,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_sessions_token")
                .table(Sessions::Table)
                .col(Sessions::TokenHash)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_sessions_user")
                .table(Sessions::Table)
                .col(Sessions::UserId)
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(RefreshTokens::Table)
                .col(id(RefreshTokens::Id))
                .col(text(RefreshTokens::TokenHash))
                .col(ColumnDef::new(RefreshTokens::UserId).integer().not_null())
                .col(text(RefreshTokens::Family))
                .col(ts(RefreshTokens::CreatedAt))
                .col(ts(RefreshTokens::ExpiresAt))
                .col(ts_null(RefreshTokens::UsedAt))
                .col(ts_null(RefreshTokens::RevokedAt))
                .foreign_key(&mut fk(
                    RefreshTokens::Table,
                    RefreshTokens::UserId,
                    Users::Table,
                    Users::Id,
                    true,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_refresh_tokens_token")
                .table(RefreshTokens::Table)
                .col(RefreshTokens::TokenHash)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_refresh_tokens_family")
                .table(RefreshTokens::Table)
                .col(RefreshTokens::Family)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_refresh_tokens_user")
                .table(RefreshTokens::Table)
                .col(RefreshTokens::UserId)
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(OneTimeTokens::Table)
                .col(id(OneTimeTokens::Id))
                .col(text(OneTimeTokens::TokenHash))
                .col(ColumnDef::new(OneTimeTokens::UserId).integer().not_null())
                .col(text(OneTimeTokens::Purpose))
                .col(ts(OneTimeTokens::CreatedAt))
                .col(ts(OneTimeTokens::ExpiresAt))
                .col(ts_null(OneTimeTokens::UsedAt))
                .foreign_key(&mut fk(
                    OneTimeTokens::Table,
                    OneTimeTokens::UserId,
                    Users::Table,
                    Users::Id,
                    true,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_one_time_tokens_token")
                .table(OneTimeTokens::Table)
                .col(OneTimeTokens::TokenHash)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_one_time_tokens_user")
                .table(OneTimeTokens::Table)
                .col(OneTimeTokens::UserId)
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(AuthFailures::Table)
                .col(id(AuthFailures::Id))
                .col(text(AuthFailures::Key))
                .col(ts(AuthFailures::CreatedAt))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_auth_failures_key_time")
                .table(AuthFailures::Table)
                .col(AuthFailures::Key)
                .col(AuthFailures::CreatedAt)
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Jobs::Table)
                .col(id(Jobs::Id))
                .col(text(Jobs::Kind))
                .col(ColumnDef::new(Jobs::Payload).text().not_null())
                .col(ColumnDef::new(Jobs::DedupeKey).string().null())
                .col(text(Jobs::Status))
                .col(
                    ColumnDef::new(Jobs::Attempts)
                        .integer()
                        .not_null()
                        .default(0),
                )
                .col(ColumnDef::new(Jobs::MaxAttempts).integer().not_null())
                .col(ts(Jobs::RunAt))
                .col(ColumnDef::new(Jobs::LockedBy).string().null())
                .col(ts_null(Jobs::LockedUntil))
                .col(ColumnDef::new(Jobs::LastError).text().null())
                .col(ts(Jobs::CreatedAt))
                .col(ts_null(Jobs::FinishedAt))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_jobs_due")
                .table(Jobs::Table)
                .col(Jobs::Status)
                .col(Jobs::RunAt)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_jobs_dedupe")
                .table(Jobs::Table)
                .col(Jobs::DedupeKey)
                .unique()
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(AuditEvents::Table)
                .col(id(AuditEvents::Id))
                .col(ColumnDef::new(AuditEvents::ActorId).integer().null())
                .col(text(AuditEvents::Action))
                .col(text(AuditEvents::SubjectType))
                .col(ColumnDef::new(AuditEvents::SubjectId).integer().null())
                .col(ColumnDef::new(AuditEvents::Details).text().not_null())
                .col(ts(AuditEvents::CreatedAt))
                .foreign_key(&mut fk(
                    AuditEvents::Table,
                    AuditEvents::ActorId,
                    Users::Table,
                    Users::Id,
                    false,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_audit_events_time")
                .table(AuditEvents::Table)
                .col(AuditEvents::CreatedAt)
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            AuditEvents::Table.into_iden(),
            Jobs::Table.into_iden(),
            AuthFailures::Table.into_iden(),
            OneTimeTokens::Table.into_iden(),
            RefreshTokens::Table.into_iden(),
            Sessions::Table.into_iden(),
            UserRoles::Table.into_iden(),
            Users::Table.into_iden(),
            Organisations::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
