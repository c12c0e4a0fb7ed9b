//! Live sessions and attendance.
//!
//! - `live_sessions`: dated meetings of a cohort (face-to-face, webinar or
//!   blended), stored in UTC with the IANA time zone they take place in;
//!   optionally the course's live-session lesson they stand for (attending
//!   completes it). `reminded_at` marks the reminder email as sent.
//! - `attendance`: one row per session and enrolment (the primary key):
//!   `present`, `absent` or `excused`, by whom and when.
//! - `calendar_keys`: the random part of each person's calendar-feed
//!   address (the address itself is signed with the server's secret).
//! - `courses.attendance_percent`: the share of a cohort's sessions (those
//!   a learner was not excused from) they must attend to complete.

use crate::columns::{cascade, id, int, short, ts, ts_null};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum LiveSessions {
    Table,
    Id,
    CohortId,
    LessonKey,
    Title,
    StartsAt,
    EndsAt,
    TimeZone,
    Venue,
    MeetingUrl,
    RemindedAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Attendance {
    Table,
    SessionId,
    EnrollmentId,
    Status,
    RecordedBy,
    RecordedAt,
}

#[derive(DeriveIden)]
enum CalendarKeys {
    Table,
    UserId,
    Key,
}

#[derive(DeriveIden)]
enum Cohorts {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Enrollments {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Courses {
    Table,
    AttendancePercent,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(LiveSessions::Table)
                .col(id(LiveSessions::Id))
                .col(int(LiveSessions::CohortId))
                .col(ColumnDef::new(LiveSessions::LessonKey).string().null())
                .col(short(LiveSessions::Title))
                .col(ts(LiveSessions::StartsAt))
                .col(ts(LiveSessions::EndsAt))
                .col(short(LiveSessions::TimeZone))
                .col(ColumnDef::new(LiveSessions::Venue).text().null())
                .col(ColumnDef::new(LiveSessions::MeetingUrl).text().null())
                .col(ts_null(LiveSessions::RemindedAt))
                .col(ts(LiveSessions::CreatedAt))
                .col(ts(LiveSessions::UpdatedAt))
                .foreign_key(&mut cascade(
                    (LiveSessions::Table, LiveSessions::CohortId),
                    (Cohorts::Table, Cohorts::Id),
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("live_sessions_cohort")
                .table(LiveSessions::Table)
                .col(LiveSessions::CohortId)
                .col(LiveSessions::StartsAt)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Attendance::Table)
                .col(int(Attendance::SessionId))
                .col(int(Attendance::EnrollmentId))
                .col(short(Attendance::Status))
                .col(ColumnDef::new(Attendance::RecordedBy).integer().null())
                .col(ts(Attendance::RecordedAt))
                .primary_key(
                    Index::create()
                        .col(Attendance::SessionId)
                        .col(Attendance::EnrollmentId),
                )
                .foreign_key(&mut cascade(
                    (Attendance::Table, Attendance::SessionId),
                    (LiveSessions::Table, LiveSessions::Id),
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut cascade(
                    (Attendance::Table, Attendance::EnrollmentId),
                    (Enrollments::Table, Enrollments::Id),
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut cascade(
                    (Attendance::Table, Attendance::RecordedBy),
                    (Users::Table, Users::Id),
                    ForeignKeyAction::SetNull,
                ))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(CalendarKeys::Table)
                .col(int(CalendarKeys::UserId).primary_key())
                .col(short(CalendarKeys::Key))
                .foreign_key(&mut cascade(
                    (CalendarKeys::Table, CalendarKeys::UserId),
                    (Users::Table, Users::Id),
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Courses::Table)
                .add_column(ColumnDef::new(Courses::AttendancePercent).integer().null())
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Courses::Table)
                .drop_column(Courses::AttendancePercent)
                .to_owned(),
        )
        .await?;
        for t in [
            CalendarKeys::Table.into_iden(),
            Attendance::Table.into_iden(),
            LiveSessions::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
