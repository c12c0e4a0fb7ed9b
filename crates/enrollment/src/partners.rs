//! Places a course's editors grant partner organisations. A partner
//! coordinator may enrol their organisation's people in an open course, and
//! in a course that is not open (closed, by key, by application) only with
//! a grant: at most `places` of its people hold an enrolment there at once
//! (no limit when absent).

use crate::EnrolError;
use kuza_db::entities::{course_partner, enrollment, user};
use kuza_db::now;
use kuza_db::values::EnrollmentStatus;
use sea_orm::sea_query::{OnConflict, Query};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect,
};
use serde::Serialize;

/// The most places one grant may give.
pub const PLACES_MAX: i32 = 100_000;

/// A grant, with the places its organisation's people take now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Grant {
    pub organisation_id: i32,
    /// `None`: no limit.
    pub places: Option<i32>,
    pub used: u64,
    pub granted_at: i64,
}

/// The grants of a course, by organisation id.
pub async fn grants(conn: &impl ConnectionTrait, course_id: i32) -> Result<Vec<Grant>, DbErr> {
    let rows = course_partner::Entity::find()
        .filter(course_partner::Column::CourseId.eq(course_id))
        .order_by_asc(course_partner::Column::OrganisationId)
        .all(conn)
        .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        out.push(Grant {
            organisation_id: r.organisation_id,
            places: r.places,
            used: used(conn, course_id, r.organisation_id).await?,
            granted_at: r.granted_at,
        });
    }
    Ok(out)
}

/// The organisations granted places in the course.
pub async fn organisations(conn: &impl ConnectionTrait, course_id: i32) -> Result<Vec<i32>, DbErr> {
    course_partner::Entity::find()
        .filter(course_partner::Column::CourseId.eq(course_id))
        .select_only()
        .column(course_partner::Column::OrganisationId)
        .into_tuple()
        .all(conn)
        .await
}

/// The organisation's grant for the course: `None` when it has none,
/// `Some(places)` otherwise.
pub async fn grant_of(
    conn: &impl ConnectionTrait,
    course_id: i32,
    organisation_id: i32,
) -> Result<Option<Option<i32>>, DbErr> {
    Ok(course_partner::Entity::find()
        .filter(course_partner::Column::CourseId.eq(course_id))
        .filter(course_partner::Column::OrganisationId.eq(organisation_id))
        .one(conn)
        .await?
        .map(|r| r.places))
}

/// Grants (or changes) an organisation's places in a course. Places must
/// be between 1 and [`PLACES_MAX`], or absent for no limit.
pub async fn grant(
    conn: &impl ConnectionTrait,
    course_id: i32,
    organisation_id: i32,
    places: Option<i32>,
    by: i32,
) -> Result<(), PlacesInvalid> {
    if places.is_some_and(|p| !(1..=PLACES_MAX).contains(&p)) {
        return Err(PlacesInvalid::Places);
    }
    course_partner::Entity::insert(course_partner::ActiveModel {
        course_id: Set(course_id),
        organisation_id: Set(organisation_id),
        places: Set(places),
        granted_by: Set(Some(by)),
        granted_at: Set(now()),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([
            course_partner::Column::CourseId,
            course_partner::Column::OrganisationId,
        ])
        .update_columns([
            course_partner::Column::Places,
            course_partner::Column::GrantedBy,
            course_partner::Column::GrantedAt,
        ])
        .to_owned(),
    )
    .exec_without_returning(conn)
    .await?;
    Ok(())
}

/// Why a grant was refused.
#[derive(Debug, thiserror::Error)]
pub enum PlacesInvalid {
    #[error("places must be between 1 and {PLACES_MAX}, or none for no limit")]
    Places,
    #[error(transparent)]
    Db(#[from] DbErr),
}

/// Withdraws a grant. The people already enrolled stay enrolled.
pub async fn withdraw(
    conn: &impl ConnectionTrait,
    course_id: i32,
    organisation_id: i32,
) -> Result<bool, DbErr> {
    let res = course_partner::Entity::delete_many()
        .filter(course_partner::Column::CourseId.eq(course_id))
        .filter(course_partner::Column::OrganisationId.eq(organisation_id))
        .exec(conn)
        .await?;
    Ok(res.rows_affected > 0)
}

/// How many of the organisation's people hold an enrolment in the course
/// now (any that has not ended: studying, done, waiting, applying).
pub async fn used(
    conn: &impl ConnectionTrait,
    course_id: i32,
    organisation_id: i32,
) -> Result<u64, DbErr> {
    let people = Query::select()
        .column(user::Column::Id)
        .from(user::Entity)
        .and_where(user::Column::OrganisationId.eq(organisation_id))
        .to_owned();
    enrollment::Entity::find()
        .filter(enrollment::Column::CourseId.eq(course_id))
        .filter(enrollment::Column::UserId.in_subquery(people))
        .filter(enrollment::Column::Status.is_not_in([
            EnrollmentStatus::Withdrawn,
            EnrollmentStatus::Removed,
            EnrollmentStatus::Declined,
        ]))
        .count(conn)
        .await
}

/// Whether one more of the organisation's people fits in its `places`;
/// call it in the enrolling transaction, before enrolling. The course is
/// locked first (PostgreSQL; SQLite's writers queue already), so two
/// uploads at once cannot both take the last place.
pub async fn has_room(
    conn: &impl ConnectionTrait,
    course_id: i32,
    organisation_id: i32,
    places: i32,
) -> Result<(), EnrolError> {
    crate::lock_course(conn, course_id).await?;
    if used(conn, course_id, organisation_id).await? < u64::try_from(places).unwrap_or(0) {
        Ok(())
    } else {
        Err(EnrolError::PartnerPlacesUsed)
    }
}
