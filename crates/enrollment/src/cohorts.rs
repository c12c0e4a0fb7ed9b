//! Cohorts: runs of a facilitated, face-to-face or blended course, with a
//! capacity and a waitlist.
//!
//! Every change to who holds a place in a cohort locks the cohort row first
//! (`FOR UPDATE` on PostgreSQL; SQLite has one writer), so parallel
//! enrolments never exceed the capacity. A place is held by an active,
//! completed or offered enrolment. When one frees up, the first on the
//! waitlist (by `queued_at`) is offered it with a deadline to confirm
//! (`confirm_hours`); an offer not confirmed in time lapses and passes on.

use crate::{By, EnrolError, Enrolled, Enrollment, by_id, ended, find, record};
use kuza_db::entities::{cohort, cohort_facilitator, course, enrollment};
use kuza_db::values::{CourseStatus, EnrollmentStatus, EnrolmentMode};
use kuza_db::{is_postgres, now};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, Statement,
};
use serde::Serialize;

pub use kuza_db::entities::cohort::Model as Cohort;

/// The limits of a cohort's fields.
pub const NAME_MAX: usize = 120;
pub const CAPACITY: std::ops::RangeInclusive<i32> = 1..=100_000;
/// Hours to confirm an offered place: up to 30 days.
pub const CONFIRM_HOURS: std::ops::RangeInclusive<i32> = 1..=24 * 30;

/// Locks the cohort row until the transaction ends (PostgreSQL).
pub async fn lock(conn: &impl ConnectionTrait, cohort_id: i32) -> Result<(), DbErr> {
    if is_postgres(conn) {
        conn.execute(Statement::from_sql_and_values(
            conn.get_database_backend(),
            "SELECT id FROM cohorts WHERE id = $1 FOR UPDATE",
            [cohort_id.into()],
        ))
        .await?;
    }
    Ok(())
}

pub async fn get(conn: &impl ConnectionTrait, id: i32) -> Result<Option<Cohort>, DbErr> {
    cohort::Entity::find_by_id(id).one(conn).await
}

/// A course's cohorts, soonest first.
pub async fn of_course(conn: &impl ConnectionTrait, course_id: i32) -> Result<Vec<Cohort>, DbErr> {
    cohort::Entity::find()
        .filter(cohort::Column::CourseId.eq(course_id))
        .order_by_asc(cohort::Column::StartsAt)
        .order_by_asc(cohort::Column::Id)
        .all(conn)
        .await
}

/// Whether enrolment is open at `t`: inside the window, before the end.
pub fn open_at(c: &Cohort, t: i64) -> bool {
    c.opens_at.is_none_or(|o| o <= t) && c.closes_at.unwrap_or(c.starts_at) >= t && t < c.ends_at
}

/// Places held: active, completed and offered enrolments.
pub async fn taken(conn: &impl ConnectionTrait, cohort_id: i32) -> Result<u64, DbErr> {
    enrollment::Entity::find()
        .filter(enrollment::Column::CohortId.eq(cohort_id))
        .filter(enrollment::Column::Status.is_in([
            EnrollmentStatus::Active,
            EnrollmentStatus::Completed,
            EnrollmentStatus::Offered,
        ]))
        .count(conn)
        .await
}

pub(crate) fn has_room(c: &Cohort, taken: u64) -> bool {
    c.capacity
        .is_none_or(|cap| taken < u64::try_from(cap).unwrap_or(0))
}

/// The cohort's facilitators (user ids).
pub async fn facilitators(conn: &impl ConnectionTrait, cohort_id: i32) -> Result<Vec<i32>, DbErr> {
    Ok(cohort_facilitator::Entity::find()
        .filter(cohort_facilitator::Column::CohortId.eq(cohort_id))
        .all(conn)
        .await?
        .into_iter()
        .map(|f| f.user_id)
        .collect())
}

/// What a cohort is made of, as an editor gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CohortInput {
    pub name: String,
    pub language: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub opens_at: Option<i64>,
    pub closes_at: Option<i64>,
    pub capacity: Option<i32>,
    pub confirm_hours: i32,
    pub facilitators: Vec<i32>,
}

impl CohortInput {
    /// Every problem, as `(field, code)`. `languages` are the course's.
    pub fn problems(&self, languages: &[String]) -> Vec<(&'static str, &'static str)> {
        let mut p = vec![];
        let name = self.name.trim().chars().count();
        if name == 0 {
            p.push(("name", "required"));
        } else if name > NAME_MAX {
            p.push(("name", "too_long"));
        } else if self.name.trim().contains(char::is_control) {
            p.push(("name", "control_character"));
        }
        if !languages.contains(&self.language) {
            p.push(("language", "not_a_course_language"));
        }
        if self.ends_at <= self.starts_at {
            p.push(("ends_at", "before_start"));
        }
        if let (Some(o), Some(c)) = (self.opens_at, self.closes_at)
            && c < o
        {
            p.push(("closes_at", "before_opening"));
        }
        if self.closes_at.is_some_and(|c| c > self.ends_at) {
            p.push(("closes_at", "after_end"));
        }
        if self.capacity.is_some_and(|c| !CAPACITY.contains(&c)) {
            p.push(("capacity", "out_of_range"));
        }
        if !CONFIRM_HOURS.contains(&self.confirm_hours) {
            p.push(("confirm_hours", "out_of_range"));
        }
        p
    }
}

/// Creates a cohort from checked input (see [`CohortInput::problems`]).
pub async fn create(
    conn: &impl ConnectionTrait,
    course_id: i32,
    input: &CohortInput,
) -> Result<Cohort, DbErr> {
    let t = now();
    let id = cohort::Entity::insert(cohort::ActiveModel {
        course_id: Set(course_id),
        name: Set(input.name.trim().to_owned()),
        language: Set(input.language.clone()),
        starts_at: Set(input.starts_at),
        ends_at: Set(input.ends_at),
        opens_at: Set(input.opens_at),
        closes_at: Set(input.closes_at),
        capacity: Set(input.capacity),
        confirm_hours: Set(input.confirm_hours),
        created_at: Set(t),
        updated_at: Set(t),
        ..Default::default()
    })
    .exec(conn)
    .await?
    .last_insert_id;
    set_facilitators(conn, id, &input.facilitators).await?;
    get(conn, id)
        .await?
        .ok_or_else(|| DbErr::RecordNotFound("cohort".into()))
}

/// Replaces a cohort's settings. A larger capacity offers the new places to
/// the waitlist: returns who was offered one.
pub async fn update(
    conn: &impl ConnectionTrait,
    id: i32,
    input: &CohortInput,
) -> Result<Vec<Enrollment>, DbErr> {
    lock(conn, id).await?;
    cohort::Entity::update_many()
        .col_expr(cohort::Column::Name, input.name.trim().into())
        .col_expr(cohort::Column::Language, input.language.clone().into())
        .col_expr(cohort::Column::StartsAt, input.starts_at.into())
        .col_expr(cohort::Column::EndsAt, input.ends_at.into())
        .col_expr(cohort::Column::OpensAt, input.opens_at.into())
        .col_expr(cohort::Column::ClosesAt, input.closes_at.into())
        .col_expr(cohort::Column::Capacity, input.capacity.into())
        .col_expr(cohort::Column::ConfirmHours, input.confirm_hours.into())
        .col_expr(cohort::Column::UpdatedAt, now().into())
        .filter(cohort::Column::Id.eq(id))
        .exec(conn)
        .await?;
    set_facilitators(conn, id, &input.facilitators).await?;
    promote(conn, id).await
}

async fn set_facilitators(
    conn: &impl ConnectionTrait,
    cohort_id: i32,
    users: &[i32],
) -> Result<(), DbErr> {
    cohort_facilitator::Entity::delete_many()
        .filter(cohort_facilitator::Column::CohortId.eq(cohort_id))
        .exec(conn)
        .await?;
    let mut users = users.to_vec();
    users.sort_unstable();
    users.dedup();
    if !users.is_empty() {
        cohort_facilitator::Entity::insert_many(users.into_iter().map(|u| {
            cohort_facilitator::ActiveModel {
                cohort_id: Set(cohort_id),
                user_id: Set(u),
            }
        }))
        .exec_without_returning(conn)
        .await?;
    }
    Ok(())
}

/// Enrols `user_id` in a cohort of a published course: a place if there is
/// one, else the waitlist. Already in the course (any cohort): nothing
/// changes. Call it in a write transaction. A coordinator (`by`) may enrol
/// people outside the enrolment window or in a closed course.
pub async fn enrol(
    conn: &impl ConnectionTrait,
    c: &course::Model,
    cohort: &Cohort,
    user_id: i32,
    by: By<'_>,
) -> Result<Enrolled, EnrolError> {
    match c.status {
        CourseStatus::Published => {}
        CourseStatus::Archived => return Err(EnrolError::Archived),
        CourseStatus::Draft => return Err(EnrolError::NotFound),
    }
    if cohort.course_id != c.id {
        return Err(EnrolError::NotFound);
    }
    lock(conn, cohort.id).await?;
    let existing = find(conn, c.id, user_id).await?;
    if let Some(e) = &existing {
        if e.status == EnrollmentStatus::Removed && !by.may_undo_removal() {
            return Err(EnrolError::Removed);
        }
        if !ended(e) {
            return Ok(Enrolled {
                enrollment: e.clone(),
                new: false,
            });
        }
    }
    let t = now();
    if let By::Learner { key, .. } = by {
        if !open_at(cohort, t) {
            return Err(EnrolError::CohortClosed);
        }
        match c.enrolment {
            EnrolmentMode::Closed => return Err(EnrolError::Closed),
            EnrolmentMode::Key => crate::check_key(c, key)?,
            EnrolmentMode::Open | EnrolmentMode::Application => {}
        }
    } else if t >= cohort.ends_at {
        return Err(EnrolError::CohortClosed);
    }
    let mut answers_kept = None;
    let status = match by {
        By::Learner { answers, .. } if c.enrolment == EnrolmentMode::Application => {
            answers_kept = Some(crate::answers_json(c, answers)?);
            EnrollmentStatus::Applied
        }
        _ if has_room(cohort, taken(conn, cohort.id).await?) => EnrollmentStatus::Active,
        _ => EnrollmentStatus::Waitlisted,
    };
    let queued = (status == EnrollmentStatus::Waitlisted).then_some(t);
    let id = match existing {
        Some(e) => {
            enrollment::Entity::update_many()
                .col_expr(enrollment::Column::Status, status.into())
                .col_expr(enrollment::Column::CohortId, Some(cohort.id).into())
                .col_expr(enrollment::Column::EnrolledAt, t.into())
                .col_expr(enrollment::Column::QueuedAt, queued.into())
                .col_expr(
                    enrollment::Column::OfferExpiresAt,
                    Option::<i64>::None.into(),
                )
                .col_expr(enrollment::Column::Answers, answers_kept.clone().into())
                .col_expr(enrollment::Column::UpdatedAt, t.into())
                .filter(enrollment::Column::Id.eq(e.id))
                .exec(conn)
                .await?;
            e.id
        }
        None => {
            enrollment::Entity::insert(enrollment::ActiveModel {
                course_id: Set(c.id),
                user_id: Set(user_id),
                cohort_id: Set(Some(cohort.id)),
                status: Set(status),
                enrolled_at: Set(t),
                completed_at: Set(None),
                queued_at: Set(queued),
                offer_expires_at: Set(None),
                answers: Set(answers_kept),
                created_at: Set(t),
                updated_at: Set(t),
                ..Default::default()
            })
            .exec(conn)
            .await?
            .last_insert_id
        }
    };
    record(conn, id, status, Some(by.actor(user_id)), None).await?;
    Ok(Enrolled {
        enrollment: by_id(conn, id).await?.ok_or(EnrolError::NotFound)?,
        new: true,
    })
}

/// Offers the cohort's free places to the first on its waitlist, each with
/// a deadline to confirm. Returns the enrolments offered a place.
pub async fn promote(
    conn: &impl ConnectionTrait,
    cohort_id: i32,
) -> Result<Vec<Enrollment>, DbErr> {
    lock(conn, cohort_id).await?;
    let Some(c) = get(conn, cohort_id).await? else {
        return Ok(vec![]);
    };
    let mut held = taken(conn, cohort_id).await?;
    let mut offered = vec![];
    let t = now();
    while has_room(&c, held) {
        let Some(next) = enrollment::Entity::find()
            .filter(enrollment::Column::CohortId.eq(cohort_id))
            .filter(enrollment::Column::Status.eq(EnrollmentStatus::Waitlisted))
            .order_by_asc(enrollment::Column::QueuedAt)
            .order_by_asc(enrollment::Column::Id)
            .one(conn)
            .await?
        else {
            break;
        };
        let expires = t + i64::from(c.confirm_hours) * 3600;
        enrollment::Entity::update_many()
            .col_expr(enrollment::Column::Status, EnrollmentStatus::Offered.into())
            .col_expr(enrollment::Column::OfferExpiresAt, Some(expires).into())
            .col_expr(enrollment::Column::UpdatedAt, t.into())
            .filter(enrollment::Column::Id.eq(next.id))
            .exec(conn)
            .await?;
        record(conn, next.id, EnrollmentStatus::Offered, None, None).await?;
        offered.push(Enrollment {
            status: EnrollmentStatus::Offered,
            offer_expires_at: Some(expires),
            updated_at: t,
            ..next
        });
        held += 1;
    }
    Ok(offered)
}

/// The learner takes the place offered to them, before its deadline.
pub async fn confirm(
    conn: &impl ConnectionTrait,
    e: &Enrollment,
) -> Result<Enrollment, EnrolError> {
    let cohort = e.cohort_id.ok_or(EnrolError::NoOffer)?;
    lock(conn, cohort).await?;
    let e = by_id(conn, e.id).await?.ok_or(EnrolError::NotEnrolled)?;
    if e.status == EnrollmentStatus::Active {
        return Ok(e);
    }
    let t = now();
    if e.status != EnrollmentStatus::Offered || e.offer_expires_at.is_some_and(|x| x < t) {
        return Err(EnrolError::NoOffer);
    }
    enrollment::Entity::update_many()
        .col_expr(enrollment::Column::Status, EnrollmentStatus::Active.into())
        .col_expr(enrollment::Column::EnrolledAt, t.into())
        .col_expr(
            enrollment::Column::OfferExpiresAt,
            Option::<i64>::None.into(),
        )
        .col_expr(enrollment::Column::UpdatedAt, t.into())
        .filter(enrollment::Column::Id.eq(e.id))
        .exec(conn)
        .await?;
    record(conn, e.id, EnrollmentStatus::Active, Some(e.user_id), None).await?;
    by_id(conn, e.id).await?.ok_or(EnrolError::NotEnrolled)
}

/// What lapsing the offers past their deadline did.
#[derive(Debug, Default)]
pub struct Lapsed {
    pub lapsed: Vec<Enrollment>,
    pub offered: Vec<Enrollment>,
}

/// Offers not confirmed by their deadline lapse (the learner leaves the
/// waitlist) and pass to the next on it. Run periodically.
pub async fn lapse_offers(conn: &impl ConnectionTrait) -> Result<Lapsed, DbErr> {
    let t = now();
    let due = enrollment::Entity::find()
        .filter(enrollment::Column::Status.eq(EnrollmentStatus::Offered))
        .filter(enrollment::Column::OfferExpiresAt.lt(t))
        .all(conn)
        .await?;
    let mut out = Lapsed::default();
    for e in due {
        let Some(cohort) = e.cohort_id else { continue };
        lock(conn, cohort).await?;
        let changed = enrollment::Entity::update_many()
            .col_expr(
                enrollment::Column::Status,
                EnrollmentStatus::Withdrawn.into(),
            )
            .col_expr(
                enrollment::Column::OfferExpiresAt,
                Option::<i64>::None.into(),
            )
            .col_expr(enrollment::Column::UpdatedAt, t.into())
            .filter(enrollment::Column::Id.eq(e.id))
            .filter(enrollment::Column::Status.eq(EnrollmentStatus::Offered))
            .exec(conn)
            .await?
            .rows_affected;
        if changed == 1 {
            record(
                conn,
                e.id,
                EnrollmentStatus::Withdrawn,
                None,
                Some("offer_lapsed"),
            )
            .await?;
            out.offered.extend(promote(conn, cohort).await?);
            out.lapsed.push(e);
        }
    }
    Ok(out)
}

/// One line of a cohort's roster.
#[derive(Debug, Clone, Serialize)]
pub struct Member {
    pub enrollment: Enrollment,
    pub name: String,
    pub email: String,
    pub country: String,
}

/// Everyone in a cohort or on its waitlist (and who left), with their
/// account's name, email and country.
pub async fn roster(conn: &impl ConnectionTrait, cohort_id: i32) -> Result<Vec<Member>, DbErr> {
    use kuza_db::entities::user;
    let mut enrollments = enrollment::Entity::find()
        .filter(enrollment::Column::CohortId.eq(cohort_id))
        .all(conn)
        .await?;
    // Participants in enrolment order, then the waitlist in its order (the
    // same on both backends, which sort nulls differently).
    enrollments.sort_by_key(|e| {
        let waiting = e.status == EnrollmentStatus::Waitlisted;
        let at = if waiting {
            e.queued_at
        } else {
            Some(e.enrolled_at)
        };
        (waiting, at, e.id)
    });
    let ids: Vec<i32> = enrollments.iter().map(|e| e.user_id).collect();
    let mut users = vec![];
    for chunk in ids.chunks(500) {
        users.extend(
            user::Entity::find()
                .filter(user::Column::Id.is_in(chunk.iter().copied()))
                .all(conn)
                .await?,
        );
    }
    Ok(enrollments
        .into_iter()
        .filter_map(|e| {
            let u = users.iter().find(|u| u.id == e.user_id)?;
            Some(Member {
                name: u.display_name.clone(),
                email: u.email.clone(),
                country: u.country.clone(),
                enrollment: e,
            })
        })
        .collect())
}
