//! Column shapes shared by the migrations.

use sea_orm_migration::prelude::*;

/// An auto-incrementing integer primary key.
pub fn id<T: IntoIden>(name: T) -> ColumnDef {
    ColumnDef::new(name)
        .integer()
        .not_null()
        .auto_increment()
        .primary_key()
        .to_owned()
}

/// A non-null integer.
pub fn int<T: IntoIden>(name: T) -> ColumnDef {
    ColumnDef::new(name).integer().not_null().to_owned()
}

/// A timestamp: Unix seconds.
pub fn ts<T: IntoIden>(name: T) -> ColumnDef {
    ColumnDef::new(name).big_integer().not_null().to_owned()
}

/// A timestamp that may be absent.
pub fn ts_null<T: IntoIden>(name: T) -> ColumnDef {
    ColumnDef::new(name).big_integer().null().to_owned()
}

/// A short non-null string.
pub fn short<T: IntoIden>(name: T) -> ColumnDef {
    ColumnDef::new(name).string().not_null().to_owned()
}

/// A long non-null text (JSON documents, Markdown).
pub fn text<T: IntoIden>(name: T) -> ColumnDef {
    ColumnDef::new(name).text().not_null().to_owned()
}

/// A foreign key from `(table, column)` to `(table, column)`, with what
/// happens to the row when the referenced one is deleted.
pub fn cascade(
    from: (impl IntoIden + 'static, impl IntoIden),
    to: (impl IntoIden + 'static, impl IntoIden),
    action: ForeignKeyAction,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(from.0, from.1)
        .to(to.0, to.1)
        .on_delete(action)
        .to_owned()
}
