use crate::values::{Format, Level};
use sea_orm::entity::prelude::*;

/// A published course as the catalog shows it: the current version's
/// settings, its title and summary (JSON objects from language code to
/// text), every title and summary lower-cased in `search_text`, and its
/// title in each language (else the default) lower-cased in `sort_<lang>`.
/// `languages` and `themes` are comma-separated. `published_at` is the
/// first publication, `updated_at` the current version's. On PostgreSQL a
/// generated `search_tsv` column (not mapped here) indexes `search_text`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "catalog_entries")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub course_id: i32,
    pub slug: String,
    pub version: i32,
    pub format: Format,
    pub level: Level,
    pub estimated_minutes: i32,
    pub default_language: String,
    pub languages: String,
    #[sea_orm(column_type = "Text")]
    pub themes: String,
    #[sea_orm(column_type = "Text")]
    pub title: String,
    #[sea_orm(column_type = "Text")]
    pub summary: String,
    #[sea_orm(column_type = "Text")]
    pub search_text: String,
    #[sea_orm(column_type = "Text")]
    pub sort_ar: String,
    #[sea_orm(column_type = "Text")]
    pub sort_zh: String,
    #[sea_orm(column_type = "Text")]
    pub sort_en: String,
    #[sea_orm(column_type = "Text")]
    pub sort_fr: String,
    #[sea_orm(column_type = "Text")]
    pub sort_ru: String,
    #[sea_orm(column_type = "Text")]
    pub sort_es: String,
    pub published_at: i64,
    pub updated_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
