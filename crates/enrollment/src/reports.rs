//! A cohort's end-of-training report: when the training ran, who
//! facilitated it, how many took part, the attendance summary, the
//! outcomes and remarks. Its coordinator files it (and may file it again)
//! until an administrator validates it; from then it no longer changes.
//! A course can hold its cohorts' certificates until then.

use kuza_db::entities::cohort_report;
use kuza_db::now;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};

pub use kuza_db::entities::cohort_report::Model as Report;

/// The longest attendance summary, outcomes or remarks.
pub const TEXT_MAX: usize = 5000;
/// The longest list of facilitators.
pub const FACILITATORS_MAX: usize = 1000;
pub const PARTICIPANTS: std::ops::RangeInclusive<i32> = 0..=100_000;

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("the report is validated and no longer changes")]
    Validated,
    #[error("the report has not been filed")]
    NotFiled,
    #[error("some fields are not valid")]
    Invalid(Vec<(&'static str, &'static str)>),
    #[error(transparent)]
    Db(#[from] DbErr),
}

/// A report as it arrives from a form or a request.
#[derive(Debug, Clone, Default)]
pub struct ReportInput {
    pub starts_at: i64,
    pub ends_at: i64,
    pub facilitators: String,
    pub participants: i32,
    pub attendance: String,
    pub outcomes: String,
    pub remarks: String,
}

impl ReportInput {
    /// Every problem, as `(field, code)`.
    pub fn problems(&self) -> Vec<(&'static str, &'static str)> {
        let mut p = vec![];
        if self.ends_at < self.starts_at {
            p.push(("ends_at", "before_start"));
        }
        let long = |s: &str, max: usize| s.chars().count() > max;
        if self.facilitators.trim().is_empty() || long(&self.facilitators, FACILITATORS_MAX) {
            p.push(("facilitators", "out_of_range"));
        }
        if !PARTICIPANTS.contains(&self.participants) {
            p.push(("participants", "out_of_range"));
        }
        for (field, v) in [
            ("attendance", &self.attendance),
            ("outcomes", &self.outcomes),
        ] {
            if v.trim().is_empty() || long(v, TEXT_MAX) {
                p.push((field, "out_of_range"));
            }
        }
        if long(&self.remarks, TEXT_MAX) {
            p.push(("remarks", "out_of_range"));
        }
        p
    }
}

pub async fn find(conn: &impl ConnectionTrait, cohort_id: i32) -> Result<Option<Report>, DbErr> {
    cohort_report::Entity::find()
        .filter(cohort_report::Column::CohortId.eq(cohort_id))
        .one(conn)
        .await
}

/// Whether the cohort's report is validated.
pub async fn validated(conn: &impl ConnectionTrait, cohort_id: i32) -> Result<bool, DbErr> {
    Ok(find(conn, cohort_id)
        .await?
        .is_some_and(|r| r.validated_at.is_some()))
}

/// Files the cohort's report (again, while it is not validated).
pub async fn file(
    conn: &impl ConnectionTrait,
    cohort_id: i32,
    input: &ReportInput,
    by: i32,
) -> Result<Report, ReportError> {
    let problems = input.problems();
    if !problems.is_empty() {
        return Err(ReportError::Invalid(problems));
    }
    if find(conn, cohort_id)
        .await?
        .is_some_and(|r| r.validated_at.is_some())
    {
        return Err(ReportError::Validated);
    }
    let t = now();
    cohort_report::Entity::insert(cohort_report::ActiveModel {
        cohort_id: Set(cohort_id),
        starts_at: Set(input.starts_at),
        ends_at: Set(input.ends_at),
        facilitators: Set(input.facilitators.trim().to_owned()),
        participants: Set(input.participants),
        attendance: Set(input.attendance.trim().to_owned()),
        outcomes: Set(input.outcomes.trim().to_owned()),
        remarks: Set(input.remarks.trim().to_owned()),
        filed_by: Set(by),
        filed_at: Set(t),
        validated_by: Set(None),
        validated_at: Set(None),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::column(cohort_report::Column::CohortId)
            .update_columns([
                cohort_report::Column::StartsAt,
                cohort_report::Column::EndsAt,
                cohort_report::Column::Facilitators,
                cohort_report::Column::Participants,
                cohort_report::Column::Attendance,
                cohort_report::Column::Outcomes,
                cohort_report::Column::Remarks,
                cohort_report::Column::FiledBy,
                cohort_report::Column::FiledAt,
            ])
            .to_owned(),
    )
    .exec_without_returning(conn)
    .await?;
    find(conn, cohort_id).await?.ok_or(ReportError::NotFiled)
}

/// Validates the cohort's filed report (a second validation changes
/// nothing). Returns it and whether this call validated it.
pub async fn validate(
    conn: &impl ConnectionTrait,
    cohort_id: i32,
    by: i32,
) -> Result<(Report, bool), ReportError> {
    let r = find(conn, cohort_id).await?.ok_or(ReportError::NotFiled)?;
    if r.validated_at.is_some() {
        return Ok((r, false));
    }
    let r = cohort_report::Entity::update(cohort_report::ActiveModel {
        id: Set(r.id),
        validated_by: Set(Some(by)),
        validated_at: Set(Some(now())),
        ..Default::default()
    })
    .exec(conn)
    .await?;
    Ok((r, true))
}
