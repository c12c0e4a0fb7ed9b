use sea_orm::entity::prelude::*;

/// A SCORM package uploaded to a course: its files are in the storage
/// under `packages/{id}/`; its manifest, read and checked at upload, is
/// kept here as JSON (`kuza_packages::manifest::Manifest`).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "packages")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub course_id: i32,
    #[sea_orm(column_type = "Text")]
    pub title: String,
    #[sea_orm(column_type = "Text")]
    pub file_name: String,
    /// `scorm_1.2`, `scorm_2004_3` or `scorm_2004_4`.
    pub standard: String,
    #[sea_orm(column_type = "Text")]
    pub manifest: String,
    pub files: i32,
    pub size: i64,
    pub sha256: String,
    pub uploaded_by: Option<i32>,
    pub created_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
