use sea_orm::entity::prelude::*;

/// One filterable value of a catalog entry: `language` (`ar`), `theme` (a
/// free tag) or `sdg` (a goal `11`, or a target `11.3`; a course tagged
/// with a target also gets its goal, so filtering by goal finds it).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "catalog_facets")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub facet: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub value: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub course_id: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
