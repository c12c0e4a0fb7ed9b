//! Learning: enrolments, their history, lesson progress and quiz attempts.
//!
//! - `courses` gains its enrolment settings, which are run-time settings
//!   rather than content (changing them needs no new version): `enrolment`
//!   (`open`, `key`, `closed`), the key, an optional cap on active
//!   learners, and whether a quiz's best or last attempt counts.
//! - `enrollments`: one row per learner and course (unique), whatever
//!   happens to it; `status` is `active`, `completed` or `withdrawn`.
//! - `enrollment_events`: every change of an enrolment, with who and when.
//! - `lesson_progress`: one row per enrolment and lesson key (the primary
//!   key), so completing a lesson twice, even at the same moment, stores
//!   one record.
//! - `quiz_attempts`: numbered per enrolment and quiz lesson (unique), so
//!   two attempts started at once cannot take the same number; an attempt is
//!   submitted once (`submitted_at` goes from null to a time once).
//! - `published_lessons`: which course a lesson key belongs to (written at
//!   publication), so `/api/v1/lessons/{key}/…` finds its course in one
//!   lookup even after the lesson left the draft. Filled here from the
//!   versions already published.

use crate::columns::{cascade, id, int, short, ts, ts_null};
use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, Statement};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Courses {
    Table,
    Id,
    Enrolment,
    EnrolmentKey,
    EnrolmentCap,
    GradePolicy,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Enrollments {
    Table,
    Id,
    CourseId,
    UserId,
    CohortId,
    Status,
    EnrolledAt,
    CompletedAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum EnrollmentEvents {
    Table,
    Id,
    EnrollmentId,
    Status,
    ActorId,
    Message,
    CreatedAt,
}

#[derive(DeriveIden)]
enum LessonProgress {
    Table,
    EnrollmentId,
    LessonKey,
    CompletedAt,
}

#[derive(DeriveIden)]
enum QuizAttempts {
    Table,
    Id,
    EnrollmentId,
    LessonKey,
    Number,
    Seed,
    StartedAt,
    Deadline,
    SubmittedAt,
    Answers,
    Results,
    Points,
    MaxPoints,
    Passed,
    NeedsGrading,
}

#[derive(DeriveIden)]
enum PublishedLessons {
    Table,
    LessonKey,
    CourseId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // SQLite alters one column per statement.
        for col in [
            ColumnDef::new(Courses::Enrolment)
                .string()
                .not_null()
                .default("open")
                .to_owned(),
            ColumnDef::new(Courses::EnrolmentKey)
                .string()
                .null()
                .to_owned(),
            ColumnDef::new(Courses::EnrolmentCap)
                .integer()
                .null()
                .to_owned(),
            ColumnDef::new(Courses::GradePolicy)
                .string()
                .not_null()
                .default("best")
                .to_owned(),
        ] {
            m.alter_table(
                Table::alter()
                    .table(Courses::Table)
                    .add_column(col)
                    .to_owned(),
            )
            .await?;
        }

        m.create_table(
            Table::create()
                .table(Enrollments::Table)
                .col(id(Enrollments::Id))
                .col(int(Enrollments::CourseId))
                .col(int(Enrollments::UserId))
                .col(ColumnDef::new(Enrollments::CohortId).integer().null())
                .col(short(Enrollments::Status))
                .col(ts(Enrollments::EnrolledAt))
                .col(ts_null(Enrollments::CompletedAt))
                .col(ts(Enrollments::CreatedAt))
                .col(ts(Enrollments::UpdatedAt))
                .foreign_key(&mut cascade(
                    (Enrollments::Table, Enrollments::CourseId),
                    (Courses::Table, Courses::Id),
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut cascade(
                    (Enrollments::Table, Enrollments::UserId),
                    (Users::Table, Users::Id),
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("enrollments_course_user")
                .table(Enrollments::Table)
                .col(Enrollments::CourseId)
                .col(Enrollments::UserId)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("enrollments_user")
                .table(Enrollments::Table)
                .col(Enrollments::UserId)
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(EnrollmentEvents::Table)
                .col(id(EnrollmentEvents::Id))
                .col(int(EnrollmentEvents::EnrollmentId))
                .col(short(EnrollmentEvents::Status))
                .col(ColumnDef::new(EnrollmentEvents::ActorId).integer().null())
                .col(ColumnDef::new(EnrollmentEvents::Message).text().null())
                .col(ts(EnrollmentEvents::CreatedAt))
                .foreign_key(&mut cascade(
                    (EnrollmentEvents::Table, EnrollmentEvents::EnrollmentId),
                    (Enrollments::Table, Enrollments::Id),
                    ForeignKeyAction::Cascade,
                ))
                .foreign_key(&mut cascade(
                    (EnrollmentEvents::Table, EnrollmentEvents::ActorId),
                    (Users::Table, Users::Id),
                    ForeignKeyAction::SetNull,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("enrollment_events_enrollment")
                .table(EnrollmentEvents::Table)
                .col(EnrollmentEvents::EnrollmentId)
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(LessonProgress::Table)
                .col(int(LessonProgress::EnrollmentId))
                .col(short(LessonProgress::LessonKey))
                .col(ts(LessonProgress::CompletedAt))
                .primary_key(
                    Index::create()
                        .col(LessonProgress::EnrollmentId)
                        .col(LessonProgress::LessonKey),
                )
                .foreign_key(&mut cascade(
                    (LessonProgress::Table, LessonProgress::EnrollmentId),
                    (Enrollments::Table, Enrollments::Id),
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(QuizAttempts::Table)
                .col(id(QuizAttempts::Id))
                .col(int(QuizAttempts::EnrollmentId))
                .col(short(QuizAttempts::LessonKey))
                .col(int(QuizAttempts::Number))
                .col(ColumnDef::new(QuizAttempts::Seed).big_integer().not_null())
                .col(ts(QuizAttempts::StartedAt))
                .col(ts_null(QuizAttempts::Deadline))
                .col(ts_null(QuizAttempts::SubmittedAt))
                .col(ColumnDef::new(QuizAttempts::Answers).text().null())
                .col(ColumnDef::new(QuizAttempts::Results).text().null())
                .col(ColumnDef::new(QuizAttempts::Points).integer().null())
                .col(int(QuizAttempts::MaxPoints))
                .col(ColumnDef::new(QuizAttempts::Passed).boolean().null())
                .col(
                    ColumnDef::new(QuizAttempts::NeedsGrading)
                        .boolean()
                        .not_null()
                        .default(false),
                )
                .foreign_key(&mut cascade(
                    (QuizAttempts::Table, QuizAttempts::EnrollmentId),
                    (Enrollments::Table, Enrollments::Id),
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("quiz_attempts_number")
                .table(QuizAttempts::Table)
                .col(QuizAttempts::EnrollmentId)
                .col(QuizAttempts::LessonKey)
                .col(QuizAttempts::Number)
                .unique()
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(PublishedLessons::Table)
                .col(short(PublishedLessons::LessonKey).primary_key())
                .col(int(PublishedLessons::CourseId))
                .foreign_key(&mut cascade(
                    (PublishedLessons::Table, PublishedLessons::CourseId),
                    (Courses::Table, Courses::Id),
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        backfill_published_lessons(m).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            PublishedLessons::Table.into_iden(),
            QuizAttempts::Table.into_iden(),
            LessonProgress::Table.into_iden(),
            EnrollmentEvents::Table.into_iden(),
            Enrollments::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        for c in [
            Courses::Enrolment.into_iden(),
            Courses::EnrolmentKey.into_iden(),
            Courses::EnrolmentCap.into_iden(),
            Courses::GradePolicy.into_iden(),
        ] {
            m.alter_table(
                Table::alter()
                    .table(Courses::Table)
                    .drop_column(c)
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }
}

/// Every lesson key of every published version, with its course.
async fn backfill_published_lessons(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    let db = m.get_connection();
    let backend = db.get_database_backend();
    let rows = db
        .query_all(Statement::from_string(
            backend,
            "SELECT course_id, document FROM course_versions",
        ))
        .await?;
    for row in rows {
        let course_id: i32 = row.try_get_by_index(0)?;
        let document: String = row.try_get_by_index(1)?;
        let doc: serde_json::Value = serde_json::from_str(&document)
            .map_err(|e| DbErr::Custom(format!("course {course_id}: {e}")))?;
        let keys = doc["modules"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|m| m["lessons"].as_array().into_iter().flatten())
            .filter_map(|l| l["key"].as_str());
        for key in keys {
            m.exec_stmt(
                Query::insert()
                    .into_table(PublishedLessons::Table)
                    .columns([PublishedLessons::LessonKey, PublishedLessons::CourseId])
                    .values_panic([key.into(), course_id.into()])
                    .on_conflict(
                        OnConflict::column(PublishedLessons::LessonKey)
                            .do_nothing()
                            .to_owned(),
                    )
                    .to_owned(),
            )
            .await?;
        }
    }
    Ok(())
}
