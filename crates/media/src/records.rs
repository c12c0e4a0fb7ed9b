//! The `media` rows of a course: what the platform knows about each stored
//! file. Creating one stores the bytes first, then the row; deleting one
//! removes the row (and a cover that pointed at it), then the bytes.

use crate::storage::{Received, Storage};
use crate::{MediaError, names};
use kuza_db::entities::{course, media};
use kuza_db::now;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
};

pub use kuza_db::entities::media::Model as Media;

/// Checks a received upload (non-empty, a usable name, an allowed type read
/// from its bytes), puts it in the store under a fresh random key, and
/// records it for `course_id`. A refused file reaches neither the store nor
/// the database.
pub async fn create(
    conn: &impl ConnectionTrait,
    storage: &Storage,
    course_id: i32,
    uploaded_by: Option<i32>,
    file_name: &str,
    received: &Received,
) -> Result<Media, MediaError> {
    let name = names::sanitize(file_name).ok_or(MediaError::BadName)?;
    if received.size == 0 {
        return Err(MediaError::Empty);
    }
    let content_type = received.content_type(&name).ok_or(MediaError::NotAllowed)?;
    let key = format!("courses/{course_id}/{}", uuid::Uuid::new_v4().simple());
    storage.put(&key, received).await?;
    let row = media::Entity::insert(media::ActiveModel {
        course_id: Set(course_id),
        storage_key: Set(key.clone()),
        file_name: Set(name),
        content_type: Set(content_type.to_owned()),
        size: Set(received.size as i64),
        sha256: Set(received.sha256.clone()),
        uploaded_by: Set(uploaded_by),
        created_at: Set(now()),
        ..Default::default()
    })
    .exec_with_returning(conn)
    .await;
    match row {
        Ok(m) => Ok(m),
        Err(e) => {
            // No row points at the object: take it back out.
            if let Err(del) = storage.delete(&key).await {
                tracing::warn!(storage.key = %key, error.cause = %del, "removing an unrecorded upload failed");
            }
            Err(e.into())
        }
    }
}

/// A course's files, newest first.
pub async fn list(conn: &impl ConnectionTrait, course_id: i32) -> Result<Vec<Media>, MediaError> {
    Ok(media::Entity::find()
        .filter(media::Column::CourseId.eq(course_id))
        .order_by_desc(media::Column::CreatedAt)
        .order_by_desc(media::Column::Id)
        .all(conn)
        .await?)
}

pub async fn find(conn: &impl ConnectionTrait, id: i32) -> Result<Media, MediaError> {
    media::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or(MediaError::NotFound)
}

/// Removes the row (and the course's cover if it was this file), then the
/// object. An object that cannot be removed is logged and left: no row
/// refers to it any more, so nobody can reach it.
pub async fn delete(
    conn: &impl ConnectionTrait,
    storage: &Storage,
    m: &Media,
) -> Result<(), MediaError> {
    course::Entity::update_many()
        .col_expr(
            course::Column::CoverMediaId,
            Expr::value(Option::<i32>::None),
        )
        .filter(course::Column::Id.eq(m.course_id))
        .filter(course::Column::CoverMediaId.eq(m.id))
        .exec(conn)
        .await?;
    media::Entity::delete_by_id(m.id).exec(conn).await?;
    if let Err(e) = storage.delete(&m.storage_key).await {
        tracing::warn!(media.id = m.id, storage.key = %m.storage_key, error.cause = %e, "removing a deleted file's bytes failed");
    }
    Ok(())
}

/// A file and the course it belongs to (to decide who may read it).
pub async fn find_with_course(
    conn: &impl ConnectionTrait,
    id: i32,
) -> Result<(Media, course::Model), MediaError> {
    let m = find(conn, id).await?;
    let c = course::Entity::find_by_id(m.course_id)
        .one(conn)
        .await?
        .ok_or(MediaError::NotFound)?;
    Ok((m, c))
}
