//! Surveys: versioned forms (a draft edited, numbered versions published),
//! the instance's question bank, and the responses with one row per answer
//! (so results are counted by SQL, per question and option).

use crate::columns::{cascade, id, int, short, text, ts, ts_null};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Surveys {
    Table,
    Id,
    Purpose,
    CourseId,
    OrganisationId,
    Title,
    Languages,
    DefaultLanguage,
    Anonymous,
    Required,
    Draft,
    Version,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum SurveyVersions {
    Table,
    Id,
    SurveyId,
    Number,
    Form,
    CreatedAt,
}

#[derive(DeriveIden)]
enum SurveyBank {
    Table,
    Id,
    Key,
    Question,
    Standard,
    Position,
    Retired,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum SurveyResponses {
    Table,
    Id,
    SurveyId,
    Version,
    UserId,
    EnrollmentId,
    CourseId,
    CohortId,
    Language,
    Page,
    Status,
    StartedAt,
    UpdatedAt,
    SubmittedAt,
}

#[derive(DeriveIden)]
enum SurveyAnswers {
    Table,
    Id,
    ResponseId,
    SurveyId,
    Question,
    Choice,
    Number,
    Text,
}

#[derive(DeriveIden)]
enum Courses {
    Table,
    Id,
}

fn flag<T: IntoIden>(name: T) -> ColumnDef {
    ColumnDef::new(name)
        .boolean()
        .not_null()
        .default(false)
        .to_owned()
}

fn int_null<T: IntoIden>(name: T) -> ColumnDef {
    ColumnDef::new(name).integer().null().to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Surveys::Table)
                .col(id(Surveys::Id))
                .col(short(Surveys::Purpose))
                .col(int_null(Surveys::CourseId))
                .col(int_null(Surveys::OrganisationId))
                .col(text(Surveys::Title))
                .col(short(Surveys::Languages))
                .col(short(Surveys::DefaultLanguage))
                .col(flag(Surveys::Anonymous))
                .col(flag(Surveys::Required))
                .col(text(Surveys::Draft))
                .col(int(Surveys::Version))
                .col(int_null(Surveys::CreatedBy))
                .col(ts(Surveys::CreatedAt))
                .col(ts(Surveys::UpdatedAt))
                .foreign_key(&mut cascade(
                    (Surveys::Table, Surveys::CourseId),
                    (Courses::Table, Courses::Id),
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        // A course has one survey of each purpose (NULLs, the surveys of
        // no course, are distinct on both databases).
        m.create_index(
            Index::create()
                .name("ux_surveys_course_purpose")
                .table(Surveys::Table)
                .col(Surveys::CourseId)
                .col(Surveys::Purpose)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(SurveyVersions::Table)
                .col(id(SurveyVersions::Id))
                .col(int(SurveyVersions::SurveyId))
                .col(int(SurveyVersions::Number))
                .col(text(SurveyVersions::Form))
                .col(ts(SurveyVersions::CreatedAt))
                .foreign_key(&mut cascade(
                    (SurveyVersions::Table, SurveyVersions::SurveyId),
                    (Surveys::Table, Surveys::Id),
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_survey_versions_number")
                .table(SurveyVersions::Table)
                .col(SurveyVersions::SurveyId)
                .col(SurveyVersions::Number)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(SurveyBank::Table)
                .col(id(SurveyBank::Id))
                .col(short(SurveyBank::Key).unique_key())
                .col(text(SurveyBank::Question))
                .col(ColumnDef::new(SurveyBank::Standard).string().null())
                .col(int(SurveyBank::Position))
                .col(flag(SurveyBank::Retired))
                .col(ts(SurveyBank::CreatedAt))
                .col(ts(SurveyBank::UpdatedAt))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(SurveyResponses::Table)
                .col(id(SurveyResponses::Id))
                .col(int(SurveyResponses::SurveyId))
                .col(int(SurveyResponses::Version))
                .col(int_null(SurveyResponses::UserId))
                .col(int_null(SurveyResponses::EnrollmentId))
                .col(int_null(SurveyResponses::CourseId))
                .col(int_null(SurveyResponses::CohortId))
                .col(short(SurveyResponses::Language))
                .col(int(SurveyResponses::Page))
                .col(short(SurveyResponses::Status))
                .col(ts(SurveyResponses::StartedAt))
                .col(ts(SurveyResponses::UpdatedAt))
                .col(ts_null(SurveyResponses::SubmittedAt))
                .foreign_key(&mut cascade(
                    (SurveyResponses::Table, SurveyResponses::SurveyId),
                    (Surveys::Table, Surveys::Id),
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        // One response per person and survey.
        m.create_index(
            Index::create()
                .name("ux_survey_responses_user")
                .table(SurveyResponses::Table)
                .col(SurveyResponses::SurveyId)
                .col(SurveyResponses::UserId)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(SurveyAnswers::Table)
                .col(id(SurveyAnswers::Id))
                .col(int(SurveyAnswers::ResponseId))
                .col(int(SurveyAnswers::SurveyId))
                .col(short(SurveyAnswers::Question))
                .col(int_null(SurveyAnswers::Choice))
                .col(ColumnDef::new(SurveyAnswers::Number).double().null())
                .col(ColumnDef::new(SurveyAnswers::Text).text().null())
                .foreign_key(&mut cascade(
                    (SurveyAnswers::Table, SurveyAnswers::ResponseId),
                    (SurveyResponses::Table, SurveyResponses::Id),
                    ForeignKeyAction::Cascade,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_survey_answers_response")
                .table(SurveyAnswers::Table)
                .col(SurveyAnswers::ResponseId)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_survey_answers_question")
                .table(SurveyAnswers::Table)
                .col(SurveyAnswers::SurveyId)
                .col(SurveyAnswers::Question)
                .col(SurveyAnswers::Choice)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            SurveyAnswers::Table.into_iden(),
            SurveyResponses::Table.into_iden(),
            SurveyBank::Table.into_iden(),
            SurveyVersions::Table.into_iden(),
            Surveys::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
