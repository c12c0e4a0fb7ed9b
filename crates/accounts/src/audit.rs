//! The audit log: who changed what, and when.

use kuza_db::entities::audit_event;
use kuza_db::now;
use sea_orm::{ActiveValue::Set, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryOrder};

pub async fn record(
    conn: &impl ConnectionTrait,
    actor_id: Option<i32>,
    action: &str,
    subject_type: &str,
    subject_id: Option<i32>,
    details: serde_json::Value,
) -> Result<(), DbErr> {
    audit_event::Entity::insert(audit_event::ActiveModel {
        actor_id: Set(actor_id),
        action: Set(action.into()),
        subject_type: Set(subject_type.into()),
        subject_id: Set(subject_id),
        details: Set(details.to_string()),
        created_at: Set(now()),
        ..Default::default()
    })
    .exec_without_returning(conn)
    .await?;
    Ok(())
}

/// The newest events first, a page at a time (page from 1).
pub async fn list(
    conn: &impl ConnectionTrait,
    page: u64,
    per_page: u64,
) -> Result<(Vec<audit_event::Model>, u64), DbErr> {
    let pages = audit_event::Entity::find()
        .order_by_desc(audit_event::Column::Id)
        .paginate(conn, per_page);
    let total = pages.num_items().await?;
    Ok((pages.fetch_page(page.saturating_sub(1)).await?, total))
}
