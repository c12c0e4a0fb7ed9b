//! The days of activity carry their learner and course (copied from the
//! enrolment, which never changes either), so that reports count a
//! period's active learners from these rows alone, without joining a
//! million enrolments, and find a learner's days by an index. Existing
//! rows are filled in from their enrolments.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum LearningDays {
    Table,
    Day,
    UserId,
    CourseId,
}

const INDEX: &str = "ix_learning_days_user_day";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // Every insert names both; the default only stands until the
        // update below fills the existing rows in.
        for column in [LearningDays::UserId, LearningDays::CourseId] {
            m.alter_table(
                Table::alter()
                    .table(LearningDays::Table)
                    .add_column(ColumnDef::new(column).integer().not_null().default(0))
                    .to_owned(),
            )
            .await?;
        }
        let conn = m.get_connection();
        conn.execute_unprepared(
            "UPDATE learning_days SET user_id = e.user_id, course_id = e.course_id \
             FROM enrollments e WHERE e.id = learning_days.enrollment_id",
        )
        .await?;
        if m.get_database_backend() == sea_orm::DatabaseBackend::Postgres {
            conn.execute_unprepared(
                "ALTER TABLE learning_days ALTER COLUMN user_id DROP DEFAULT, \
                 ALTER COLUMN course_id DROP DEFAULT",
            )
            .await?;
        }
        m.create_index(
            Index::create()
                .name(INDEX)
                .table(LearningDays::Table)
                .col(LearningDays::UserId)
                .col(LearningDays::Day)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(
            Index::drop()
                .name(INDEX)
                .table(LearningDays::Table)
                .to_owned(),
        )
        .await?;
        for column in [LearningDays::UserId, LearningDays::CourseId] {
            m.alter_table(
                Table::alter()
                    .table(LearningDays::Table)
                    .drop_column(column)
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }
}
