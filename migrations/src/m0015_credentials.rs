//! Signed credentials: the keys that sign them (one row a key, the secret
//! sealed with the instance secret; retired keys stay, so what they signed
//! keeps verifying), and each certificate's signed Open Badges credential,
//! kept once made (made again for a new revision).

use crate::columns::{id, short, text, ts, ts_null};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum SigningKeys {
    Table,
    Id,
    Owner,
    KeyId,
    PublicKey,
    SealedSecret,
    CreatedAt,
    RetiredAt,
}

#[derive(DeriveIden)]
enum Certificates {
    Table,
    Credential,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(SigningKeys::Table)
                .col(id(SigningKeys::Id))
                .col(short(SigningKeys::Owner))
                .col(short(SigningKeys::KeyId))
                .col(short(SigningKeys::PublicKey))
                .col(text(SigningKeys::SealedSecret))
                .col(ts(SigningKeys::CreatedAt))
                .col(ts_null(SigningKeys::RetiredAt))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_signing_keys")
                .table(SigningKeys::Table)
                .col(SigningKeys::Owner)
                .col(SigningKeys::KeyId)
                .unique()
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Certificates::Table)
                .add_column(ColumnDef::new(Certificates::Credential).text().null())
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Certificates::Table)
                .drop_column(Certificates::Credential)
                .to_owned(),
        )
        .await?;
        m.drop_table(Table::drop().table(SigningKeys::Table).to_owned())
            .await
    }
}
