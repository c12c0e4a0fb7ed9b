//! Cohorts: a run of a facilitated, face-to-face or blended course, with its
//! dates, enrolment window, capacity, facilitators and waitlist.
//!
//! - `cohorts`: one row per run; `capacity` counts active (and offered)
//!   places; `confirm_hours` is how long a learner promoted from the
//!   waitlist has to confirm.
//! - `cohort_facilitators`: who facilitates it (roster, attendance, grading).
//! - `enrollments` gains `queued_at` (the waitlist's order) and
//!   `offer_expires_at` (a promoted learner's deadline to confirm). Their
//!   statuses grow `waitlisted`, `offered` and `removed`.

use crate::columns::{cascade, id, int, short, ts, ts_null};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Cohorts {
    Table,
    Id,
    CourseId,
    Name,
    Language,
    StartsAt,
    EndsAt,
    OpensAt,
    ClosesAt,
    Capacity,
    ConfirmHours,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum CohortFacilitators {
    Table,
    CohortId,
    UserId,
}

#[derive(DeriveIden)]
enum Courses {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Enrollments {
    Table,
    CohortId,
    Status,
    QueuedAt,
    OfferExpiresAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Cohorts::Table)
                .col(id(Cohorts::Id))
                .col(int(Cohorts::CourseId))
                .col(short(Cohorts::Name))
                .col(ColumnDef::new(Cohorts::Language).string_len(2).not_null())
                .col(ts(Cohorts::StartsAt))
                .col(ts(Cohorts::EndsAt))
                .col(ts_null(Cohorts::OpensAt))
                .col(ts_null(Cohorts::ClosesAt))
                .col(ColumnDef::new(Cohorts::Capacity).integer().null())
                .col(
                    ColumnDef::new(Cohorts::ConfirmHours)
                        .integer()
                        .not_null()
                        .default(72),
                )
                .col(ts(Cohorts::CreatedAt))
                .col(ts(Cohorts::UpdatedAt))
                .foreign_key(&mut cascade(
                    (Cohorts::Table, Cohorts::CourseId),
                    (Courses::Table, Courses::Id),
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("cohorts_course")
                .table(Cohorts::Table)
                .col(Cohorts::CourseId)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(CohortFacilitators::Table)
                .col(int(CohortFacilitators::CohortId))
                .col(int(CohortFacilitators::UserId))
                .primary_key(
                    Index::create()
                        .col(CohortFacilitators::CohortId)
                        .col(CohortFacilitators::UserId),
                )
                .foreign_key(&mut cascade(
                    (CohortFacilitators::Table, CohortFacilitators::CohortId),
                    (Cohorts::Table, Cohorts::Id),
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut cascade(
                    (CohortFacilitators::Table, CohortFacilitators::UserId),
                    (Users::Table, Users::Id),
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        for col in [
            ColumnDef::new(Enrollments::QueuedAt)
                .big_integer()
                .null()
                .to_owned(),
            ColumnDef::new(Enrollments::OfferExpiresAt)
                .big_integer()
                .null()
                .to_owned(),
        ] {
            m.alter_table(
                Table::alter()
                    .table(Enrollments::Table)
                    .add_column(col)
                    .to_owned(),
            )
            .await?;
        }
        m.create_index(
            Index::create()
                .name("enrollments_cohort_status")
                .table(Enrollments::Table)
                .col(Enrollments::CohortId)
                .col(Enrollments::Status)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(
            Index::drop()
                .name("enrollments_cohort_status")
                .table(Enrollments::Table)
                .to_owned(),
        )
        .await?;
        for c in [
            Enrollments::QueuedAt.into_iden(),
            Enrollments::OfferExpiresAt.into_iden(),
        ] {
            m.alter_table(
                Table::alter()
                    .table(Enrollments::Table)
                    .drop_column(c)
                    .to_owned(),
            )
            .await?;
        }
        m.drop_table(Table::drop().table(CohortFacilitators::Table).to_owned())
            .await?;
        m.drop_table(Table::drop().table(Cohorts::Table).to_owned())
            .await
    }
}
