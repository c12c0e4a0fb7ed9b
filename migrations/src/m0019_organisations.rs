//! Organisations the way partners work with them: the kinds agencies report
//! on, names in several languages, the email domains whose people are
//! members without asking, and confirmed membership (a person who names an
//! organisation is a pending member until it accepts them). Countries
//! follow the UN M49 standard: codes it does not list become "not stated".

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Organisations {
    Table,
    Kind,
    Country,
    Names,
    EmailDomains,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Country,
    OrganisationConfirmedAt,
    OrganisationConfirmation,
}

/// Kinds renamed to the words agencies report with.
const KINDS: [(&str, &str); 3] = [
    ("government", "national_government"),
    ("local_authority", "local_government"),
    ("international", "un_system"),
];

/// ISO codes of places the M49 standard does not list.
const NOT_M49: [&str; 2] = ["TW", "XK"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // SQLite alters one column per statement.
        for col in [
            ColumnDef::new(Organisations::Names)
                .text()
                .not_null()
                .default("{}")
                .to_owned(),
            ColumnDef::new(Organisations::EmailDomains)
                .text()
                .not_null()
                .default("[]")
                .to_owned(),
        ] {
            m.alter_table(
                Table::alter()
                    .table(Organisations::Table)
                    .add_column(col)
                    .to_owned(),
            )
            .await?;
        }
        for col in [
            ColumnDef::new(Users::OrganisationConfirmedAt)
                .big_integer()
                .null()
                .to_owned(),
            ColumnDef::new(Users::OrganisationConfirmation)
                .string()
                .null()
                .to_owned(),
        ] {
            m.alter_table(
                Table::alter()
                    .table(Users::Table)
                    .add_column(col)
                    .to_owned(),
            )
            .await?;
        }
        for (old, new) in KINDS {
            m.exec_stmt(
                Query::update()
                    .table(Organisations::Table)
                    .value(Organisations::Kind, new)
                    .and_where(Expr::col(Organisations::Kind).eq(old))
                    .to_owned(),
            )
            .await?;
        }
        for (table, column) in [
            (
                Organisations::Table.into_iden(),
                Organisations::Country.into_iden(),
            ),
            (Users::Table.into_iden(), Users::Country.into_iden()),
        ] {
            m.exec_stmt(
                Query::update()
                    .table(table)
                    .value(column.clone(), "")
                    .and_where(Expr::col(column).is_in(NOT_M49))
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for (old, new) in KINDS {
            m.exec_stmt(
                Query::update()
                    .table(Organisations::Table)
                    .value(Organisations::Kind, old)
                    .and_where(Expr::col(Organisations::Kind).eq(new))
                    .to_owned(),
            )
            .await?;
        }
        for col in [
            Users::OrganisationConfirmation,
            Users::OrganisationConfirmedAt,
        ] {
            m.alter_table(
                Table::alter()
                    .table(Users::Table)
                    .drop_column(col)
                    .to_owned(),
            )
            .await?;
        }
        for col in [Organisations::EmailDomains, Organisations::Names] {
            m.alter_table(
                Table::alter()
                    .table(Organisations::Table)
                    .drop_column(col)
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }
}
