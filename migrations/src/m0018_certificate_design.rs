//! What a certificate shows besides its words: the instance's library of
//! signatories and logos (one of them the instance's own), each course's
//! choice from it, partner organisations' endorsements of courses, and,
//! on each certificate, what it was issued with.

use crate::columns::{cascade, id, int, short, text, ts, ts_null};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Signatories {
    Table,
    Id,
    Name,
    Title,
    Organisation,
    Signature,
    CreatedAt,
    RetiredAt,
}

#[derive(DeriveIden)]
enum Logos {
    Table,
    Id,
    Name,
    Image,
    IsInstance,
    CreatedAt,
    RetiredAt,
}

#[derive(DeriveIden)]
enum Endorsements {
    Table,
    Id,
    CourseId,
    OrganisationId,
    Status,
    Comment,
    SignatoryName,
    SignatoryTitle,
    Signature,
    Logo,
    RequestedBy,
    RequestedAt,
    DecidedBy,
    DecidedAt,
    Credential,
}

#[derive(DeriveIden)]
enum Courses {
    Table,
    Id,
    CertificateDesign,
}

#[derive(DeriveIden)]
enum Organisations {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Certificates {
    Table,
    Design,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Signatories::Table)
                .col(id(Signatories::Id))
                .col(short(Signatories::Name))
                .col(short(Signatories::Title))
                .col(short(Signatories::Organisation))
                .col(ColumnDef::new(Signatories::Signature).string().null())
                .col(ts(Signatories::CreatedAt))
                .col(ts_null(Signatories::RetiredAt))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Logos::Table)
                .col(id(Logos::Id))
                .col(short(Logos::Name))
                .col(short(Logos::Image))
                .col(
                    ColumnDef::new(Logos::IsInstance)
                        .boolean()
                        .not_null()
                        .default(false),
                )
                .col(ts(Logos::CreatedAt))
                .col(ts_null(Logos::RetiredAt))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Endorsements::Table)
                .col(id(Endorsements::Id))
                .col(int(Endorsements::CourseId))
                .col(int(Endorsements::OrganisationId))
                .col(short(Endorsements::Status))
                .col(text(Endorsements::Comment))
                .col(short(Endorsements::SignatoryName))
                .col(short(Endorsements::SignatoryTitle))
                .col(ColumnDef::new(Endorsements::Signature).string().null())
                .col(ColumnDef::new(Endorsements::Logo).string().null())
                .col(int(Endorsements::RequestedBy))
                .col(ts(Endorsements::RequestedAt))
                .col(ColumnDef::new(Endorsements::DecidedBy).integer().null())
                .col(ts_null(Endorsements::DecidedAt))
                .col(ColumnDef::new(Endorsements::Credential).text().null())
                .foreign_key(&mut cascade(
                    (Endorsements::Table, Endorsements::CourseId),
                    (Courses::Table, Courses::Id),
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut cascade(
                    (Endorsements::Table, Endorsements::OrganisationId),
                    (Organisations::Table, Organisations::Id),
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_endorsements")
                .table(Endorsements::Table)
                .col(Endorsements::CourseId)
                .col(Endorsements::OrganisationId)
                .unique()
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Courses::Table)
                .add_column(ColumnDef::new(Courses::CertificateDesign).text().null())
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Certificates::Table)
                .add_column(ColumnDef::new(Certificates::Design).text().null())
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Certificates::Table)
                .drop_column(Certificates::Design)
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Courses::Table)
                .drop_column(Courses::CertificateDesign)
                .to_owned(),
        )
        .await?;
        for t in [
            Endorsements::Table.into_iden(),
            Logos::Table.into_iden(),
            Signatories::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
