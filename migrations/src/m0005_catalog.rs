//! The course catalog: one entry per published course, written in the
//! transaction that publishes it and removed when the course is archived.
//!
//! `catalog_entries` holds what the catalog shows and sorts on;
//! `catalog_facets` one row per filterable value (a language, a free theme,
//! an SDG goal and target) so every filter is an indexed lookup;
//! `catalog_themes` the distinct free themes, for the filter's list. Full-text
//! search needs each backend's own machinery, so that part is raw SQL:
//!
//! - SQLite: an FTS5 table with the `trigram` tokenizer (rowid = course id),
//!   which matches substrings and so works for Chinese, Arabic and Russian
//!   without word segmentation.
//! - PostgreSQL: a generated `tsvector` column (`simple` configuration) with
//!   a GIN index; and, where the `pg_trgm` extension can be created, a
//!   trigram GIN index on the text for the substring (`LIKE`) searches that
//!   `simple` cannot serve (Chinese, which it does not segment; Arabic,
//!   whose words carry attached prefixes).

use crate::columns::{int, short, text, ts};
use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DatabaseBackend, Statement};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum CatalogEntries {
    Table,
    CourseId,
    Slug,
    Version,
    Format,
    Level,
    EstimatedMinutes,
    DefaultLanguage,
    Languages,
    Themes,
    Title,
    Summary,
    SearchText,
    SortAr,
    SortZh,
    SortEn,
    SortFr,
    SortRu,
    SortEs,
    PublishedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum CatalogFacets {
    Table,
    Facet,
    Value,
    CourseId,
}

#[derive(DeriveIden)]
enum CatalogThemes {
    Table,
    Value,
}

#[derive(DeriveIden)]
enum Courses {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // Short columns first: SQLite reads a row's columns in order, so
        // filters and sort keys stay clear of the long texts (which may
        // spill into overflow pages).
        let mut entries = Table::create();
        entries
            .table(CatalogEntries::Table)
            .col(int(CatalogEntries::CourseId).primary_key())
            .col(short(CatalogEntries::Slug))
            .col(int(CatalogEntries::Version))
            .col(short(CatalogEntries::Format))
            .col(short(CatalogEntries::Level))
            .col(int(CatalogEntries::EstimatedMinutes))
            .col(
                ColumnDef::new(CatalogEntries::DefaultLanguage)
                    .string_len(2)
                    .not_null(),
            )
            .col(short(CatalogEntries::Languages))
            .col(ts(CatalogEntries::PublishedAt))
            .col(ts(CatalogEntries::UpdatedAt))
            .col(text(CatalogEntries::Themes));
        for sort in [
            CatalogEntries::SortAr,
            CatalogEntries::SortZh,
            CatalogEntries::SortEn,
            CatalogEntries::SortFr,
            CatalogEntries::SortRu,
            CatalogEntries::SortEs,
        ] {
            entries.col(text(sort));
        }
        entries
            .col(text(CatalogEntries::Title))
            .col(text(CatalogEntries::Summary))
            .col(text(CatalogEntries::SearchText))
            .foreign_key(
                ForeignKey::create()
                    .from(CatalogEntries::Table, CatalogEntries::CourseId)
                    .to(Courses::Table, Courses::Id)
                    .on_delete(ForeignKeyAction::Cascade),
            );
        m.create_table(entries.to_owned()).await?;
        m.create_index(
            Index::create()
                .name("ix_catalog_entries_published")
                .table(CatalogEntries::Table)
                .col(CatalogEntries::PublishedAt)
                .col(CatalogEntries::CourseId)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(CatalogFacets::Table)
                .col(short(CatalogFacets::Facet))
                .col(short(CatalogFacets::Value))
                .col(int(CatalogFacets::CourseId))
                .primary_key(
                    Index::create()
                        .col(CatalogFacets::Facet)
                        .col(CatalogFacets::Value)
                        .col(CatalogFacets::CourseId),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(CatalogFacets::Table, CatalogFacets::CourseId)
                        .to(CatalogEntries::Table, CatalogEntries::CourseId)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_catalog_facets_course")
                .table(CatalogFacets::Table)
                .col(CatalogFacets::CourseId)
                .to_owned(),
        )
        .await?;

        // The free themes of published courses, for the theme filter's list
        // (read on every catalog page; grouping the facets would not be).
        m.create_table(
            Table::create()
                .table(CatalogThemes::Table)
                .col(short(CatalogThemes::Value).primary_key())
                .to_owned(),
        )
        .await?;

        let db = m.get_connection();
        match m.get_database_backend() {
            DatabaseBackend::Sqlite => {
                db.execute_unprepared(
                    "CREATE VIRTUAL TABLE catalog_fts USING fts5(search_text, tokenize = 'trigram')",
                )
                .await?;
            }
            DatabaseBackend::Postgres => {
                db.execute_unprepared(
                    "ALTER TABLE catalog_entries ADD COLUMN search_tsv tsvector \
                     GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_text)) STORED",
                )
                .await?;
                db.execute_unprepared(
                    "CREATE INDEX ix_catalog_entries_search ON catalog_entries USING GIN (search_tsv)",
                )
                .await?;
                // pg_trgm ships with PostgreSQL's contrib and is a trusted
                // extension, but a server may lack it or the role may not
                // create extensions: then substring searches scan, which is
                // fine at catalog sizes. Checked first, because a failed
                // statement would abort the migration's transaction.
                let trgm = db
                    .query_one(Statement::from_string(
                        DatabaseBackend::Postgres,
                        "SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') \
                         OR (EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') \
                             AND has_database_privilege(current_database(), 'CREATE')) AS ok",
                    ))
                    .await?
                    .map(|r| r.try_get::<bool>("", "ok"))
                    .transpose()?
                    .unwrap_or(false);
                if trgm {
                    db.execute_unprepared("CREATE EXTENSION IF NOT EXISTS pg_trgm")
                        .await?;
                    db.execute_unprepared(
                        "CREATE INDEX ix_catalog_entries_trgm ON catalog_entries \
                         USING GIN (search_text gin_trgm_ops)",
                    )
                    .await?;
                }
            }
            DatabaseBackend::MySql => {
                return Err(DbErr::Migration("MySQL is not supported".into()));
            }
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        if m.get_database_backend() == DatabaseBackend::Sqlite {
            m.get_connection()
                .execute_unprepared("DROP TABLE IF EXISTS catalog_fts")
                .await?;
        }
        m.drop_table(Table::drop().table(CatalogThemes::Table).to_owned())
            .await?;
        m.drop_table(Table::drop().table(CatalogFacets::Table).to_owned())
            .await?;
        m.drop_table(Table::drop().table(CatalogEntries::Table).to_owned())
            .await?;
        Ok(())
    }
}
