use sea_orm::entity::prelude::*;

/// Places a course's editors granted a partner organisation (`places`:
/// how many of its people it may enrol; no limit when absent).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "course_partners")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub course_id: i32,
    pub organisation_id: i32,
    pub places: Option<i32>,
    pub granted_by: Option<i32>,
    pub granted_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
