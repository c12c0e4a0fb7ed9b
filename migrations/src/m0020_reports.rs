//! What reports read besides the learning records: one row per enrolment
//! and day on which its learner did something (enrolled, completed a
//! lesson, submitted a quiz, attended, completed the course), so that the
//! active learners of a period are counted without reading every lesson
//! record; and indexes on the times reports filter by. Existing records
//! fill the days in.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum LearningDays {
    Table,
    EnrollmentId,
    Day,
}

#[derive(DeriveIden)]
enum Enrollments {
    Table,
    Id,
    EnrolledAt,
    CompletedAt,
}

#[derive(DeriveIden)]
enum Certificates {
    Table,
    IssuedAt,
}

/// The days already known: enrolments, completions, lessons, attempts, attendance.
const BACKFILL: &str = "INSERT INTO learning_days (enrollment_id, day) \
    SELECT DISTINCT enrollment_id, day FROM ( \
      SELECT id AS enrollment_id, enrolled_at / 86400 AS day FROM enrollments \
        WHERE status IN ('active', 'completed', 'withdrawn', 'removed') \
      UNION SELECT id, completed_at / 86400 FROM enrollments WHERE completed_at IS NOT NULL \
      UNION SELECT enrollment_id, completed_at / 86400 FROM lesson_progress \
      UNION SELECT enrollment_id, submitted_at / 86400 FROM quiz_attempts WHERE submitted_at IS NOT NULL \
      UNION SELECT a.enrollment_id, s.starts_at / 86400 FROM attendance a \
        JOIN live_sessions s ON s.id = a.session_id WHERE a.status = 'present' \
    ) known";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(LearningDays::Table)
                .col(
                    ColumnDef::new(LearningDays::EnrollmentId)
                        .integer()
                        .not_null(),
                )
                .col(ColumnDef::new(LearningDays::Day).integer().not_null())
                .primary_key(
                    Index::create()
                        .col(LearningDays::EnrollmentId)
                        .col(LearningDays::Day),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(LearningDays::Table, LearningDays::EnrollmentId)
                        .to(Enrollments::Table, Enrollments::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_learning_days_day")
                .table(LearningDays::Table)
                .col(LearningDays::Day)
                .to_owned(),
        )
        .await?;
        for (name, table, col) in [
            (
                "ix_enrollments_enrolled_at",
                Enrollments::Table.into_iden(),
                Enrollments::EnrolledAt.into_iden(),
            ),
            (
                "ix_enrollments_completed_at",
                Enrollments::Table.into_iden(),
                Enrollments::CompletedAt.into_iden(),
            ),
            (
                "ix_certificates_issued_at",
                Certificates::Table.into_iden(),
                Certificates::IssuedAt.into_iden(),
            ),
        ] {
            m.create_index(Index::create().name(name).table(table).col(col).to_owned())
                .await?;
        }
        m.get_connection().execute_unprepared(BACKFILL).await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for (name, table) in [
            ("ix_enrollments_enrolled_at", Enrollments::Table.into_iden()),
            (
                "ix_enrollments_completed_at",
                Enrollments::Table.into_iden(),
            ),
            ("ix_certificates_issued_at", Certificates::Table.into_iden()),
        ] {
            m.drop_index(Index::drop().name(name).table(table).to_owned())
                .await?;
        }
        m.drop_table(Table::drop().table(LearningDays::Table).to_owned())
            .await
    }
}
