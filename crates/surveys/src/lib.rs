//! Surveys: one capability used three ways (a course's evaluation, a
//! follow-up months later, a needs assessment).
//!
//! A survey is edited as a draft ([`form::Form`], translated per field)
//! and published as numbered versions that never change. A response is
//! given on the version published when it started and is checked against
//! that version to the end ([`answers::check`]), so a form changed after
//! answers came in keeps the old answers readable. Answers are saved a
//! page at a time and the response stays editable until it is submitted;
//! there is one response per person and survey.

pub mod answers;
pub mod bank;
pub mod form;
pub mod invitations;
pub mod needs;
pub mod results;

use answers::Answer;
use form::Form;
use kuza_courses::Problem;
use kuza_db::entities::{survey, survey_answer, survey_response, survey_version};
use kuza_db::now;
use kuza_i18n::Language;
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
};

pub use kuza_db::entities::survey::Model as Survey;
pub use kuza_db::entities::survey_response::Model as Response;
pub use kuza_db::values::{ResponseStatus, SurveyAudience, SurveyPurpose};

#[derive(Debug, thiserror::Error)]
pub enum SurveyError {
    #[error("no such survey")]
    NotFound,
    #[error("invalid input: {0:?}")]
    Invalid(Vec<Problem>),
    #[error("the response was submitted and no longer changes")]
    Submitted,
    #[error(transparent)]
    Db(#[from] DbErr),
}

/// A survey's languages: its default and all it is offered in.
pub fn languages(s: &Survey) -> (Language, Vec<Language>) {
    let default = Language::parse(&s.default_language).unwrap_or(Language::En);
    let mut all: Vec<Language> = s.languages.split(',').filter_map(Language::parse).collect();
    if !all.contains(&default) {
        all.insert(0, default);
    }
    (default, all)
}

/// The draft form.
pub fn draft(s: &Survey) -> Form {
    serde_json::from_str(&s.draft).unwrap_or_default()
}

pub async fn by_id(conn: &impl ConnectionTrait, id: i32) -> Result<Option<Survey>, DbErr> {
    survey::Entity::find_by_id(id).one(conn).await
}

/// The course's survey of `purpose`, if it has one yet.
pub async fn of_course(
    conn: &impl ConnectionTrait,
    course_id: i32,
    purpose: SurveyPurpose,
) -> Result<Option<Survey>, DbErr> {
    survey::Entity::find()
        .filter(survey::Column::CourseId.eq(course_id))
        .filter(survey::Column::Purpose.eq(purpose))
        .one(conn)
        .await
}

/// A course's survey of `purpose`, written with the standard form (and
/// published as version 1) the first time it is asked for: every course
/// has its evaluation from the start, and its editors change it.
pub async fn ensure_of_course(
    conn: &impl ConnectionTrait,
    course_id: i32,
    purpose: SurveyPurpose,
    default: Language,
    languages: &[Language],
) -> Result<Survey, DbErr> {
    if let Some(s) = of_course(conn, course_id, purpose).await? {
        return Ok(s);
    }
    let bank = bank::all(conn).await?;
    let form = bank::standard_form(&bank, purpose);
    let t = now();
    let written = survey::Entity::insert(survey::ActiveModel {
        purpose: Set(purpose),
        course_id: Set(Some(course_id)),
        organisation_id: Set(None),
        title: Set("{}".into()),
        languages: Set(languages
            .iter()
            .map(|l| l.code())
            .collect::<Vec<_>>()
            .join(",")),
        default_language: Set(default.code().into()),
        anonymous: Set(true),
        required: Set(false),
        draft: Set(serde_json::to_string(&form).expect("serializes")),
        version: Set(0),
        created_by: Set(None),
        created_at: Set(t),
        updated_at: Set(t),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([survey::Column::CourseId, survey::Column::Purpose])
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(conn)
    .await?
        == 1;
    let s = of_course(conn, course_id, purpose)
        .await?
        .ok_or_else(|| DbErr::Custom("the survey just written is missing".into()))?;
    if written {
        return publish(conn, s).await;
    }
    Ok(s)
}

/// The form of published version `number`.
pub async fn version(
    conn: &impl ConnectionTrait,
    survey_id: i32,
    number: i32,
) -> Result<Option<Form>, DbErr> {
    Ok(survey_version::Entity::find()
        .filter(survey_version::Column::SurveyId.eq(survey_id))
        .filter(survey_version::Column::Number.eq(number))
        .one(conn)
        .await?
        .and_then(|v| serde_json::from_str(&v.form).ok()))
}

/// Keeps `form` (already checked) as the draft.
pub async fn save_draft(
    conn: &impl ConnectionTrait,
    s: Survey,
    form: &Form,
) -> Result<Survey, DbErr> {
    survey::Entity::update(survey::ActiveModel {
        id: Set(s.id),
        draft: Set(serde_json::to_string(form).expect("serializes")),
        updated_at: Set(now()),
        ..Default::default()
    })
    .exec(conn)
    .await
}

/// Sets whether the course's certificate waits for this evaluation,
/// whether its answers are read without names, and after how many months
/// a follow-up goes out (`None`: unchanged).
pub async fn set_flags(
    conn: &impl ConnectionTrait,
    s: Survey,
    required: Option<bool>,
    anonymous: Option<bool>,
    months: Option<i32>,
) -> Result<Survey, DbErr> {
    let required = required.unwrap_or(s.required);
    let anonymous = anonymous.unwrap_or(s.anonymous);
    let months = months.or(s.months);
    if (s.required, s.anonymous, s.months) == (required, anonymous, months) {
        return Ok(s);
    }
    survey::Entity::update(survey::ActiveModel {
        id: Set(s.id),
        required: Set(required),
        anonymous: Set(anonymous),
        months: Set(months),
        updated_at: Set(now()),
        ..Default::default()
    })
    .exec(conn)
    .await
}

/// Whether the draft differs from the published version.
pub async fn has_changes(conn: &impl ConnectionTrait, s: &Survey) -> Result<bool, DbErr> {
    Ok(version(conn, s.id, s.version).await?.as_ref() != Some(&draft(s)))
}

/// Publishes the draft as the next version (nothing, if it is the
/// published form already). Responses already started stay on theirs.
pub async fn publish(conn: &impl ConnectionTrait, s: Survey) -> Result<Survey, DbErr> {
    if s.version > 0 && !has_changes(conn, &s).await? {
        return Ok(s);
    }
    let number = s.version + 1;
    let t = now();
    survey_version::Entity::insert(survey_version::ActiveModel {
        survey_id: Set(s.id),
        number: Set(number),
        form: Set(s.draft.clone()),
        created_at: Set(t),
        ..Default::default()
    })
    .exec_without_returning(conn)
    .await?;
    survey::Entity::update(survey::ActiveModel {
        id: Set(s.id),
        version: Set(number),
        updated_at: Set(t),
        ..Default::default()
    })
    .exec(conn)
    .await
}

/// `user`'s response to the survey, if they started one.
pub async fn response_of(
    conn: &impl ConnectionTrait,
    survey_id: i32,
    user_id: i32,
) -> Result<Option<Response>, DbErr> {
    survey_response::Entity::find()
        .filter(survey_response::Column::SurveyId.eq(survey_id))
        .filter(survey_response::Column::UserId.eq(user_id))
        .one(conn)
        .await
}

/// Whether `user` submitted the survey.
pub async fn submitted(
    conn: &impl ConnectionTrait,
    survey_id: i32,
    user_id: i32,
) -> Result<bool, DbErr> {
    Ok(response_of(conn, survey_id, user_id)
        .await?
        .is_some_and(|r| r.status == ResponseStatus::Submitted))
}

/// Who responds, and in what they came.
#[derive(Debug, Clone, Copy)]
pub struct Respondent<'a> {
    /// `None`: someone not signed in, answering a public survey.
    pub user_id: Option<i32>,
    pub enrollment_id: Option<i32>,
    pub course_id: Option<i32>,
    pub cohort_id: Option<i32>,
    pub language: &'a str,
}

/// The respondent's response, started on the published version if they
/// had none (one per person and survey, whatever runs at once); someone
/// not signed in starts a new one (the caller keeps which is theirs).
pub async fn start(
    conn: &impl ConnectionTrait,
    s: &Survey,
    who: Respondent<'_>,
) -> Result<Response, DbErr> {
    if let Some(user_id) = who.user_id
        && let Some(r) = response_of(conn, s.id, user_id).await?
    {
        return Ok(r);
    }
    let t = now();
    let row = survey_response::ActiveModel {
        survey_id: Set(s.id),
        version: Set(s.version),
        user_id: Set(who.user_id),
        enrollment_id: Set(who.enrollment_id),
        course_id: Set(who.course_id),
        cohort_id: Set(who.cohort_id),
        language: Set(who.language.to_owned()),
        page: Set(0),
        status: Set(ResponseStatus::Started),
        started_at: Set(t),
        updated_at: Set(t),
        submitted_at: Set(None),
        ..Default::default()
    };
    let Some(user_id) = who.user_id else {
        let id = survey_response::Entity::insert(row)
            .exec(conn)
            .await?
            .last_insert_id;
        return response_by_id(conn, id)
            .await?
            .ok_or_else(|| DbErr::Custom("the response just written is missing".into()));
    };
    survey_response::Entity::insert(row)
        .on_conflict(
            OnConflict::columns([
                survey_response::Column::SurveyId,
                survey_response::Column::UserId,
            ])
            .do_nothing()
            .to_owned(),
        )
        .exec_without_returning(conn)
        .await?;
    response_of(conn, s.id, user_id)
        .await?
        .ok_or_else(|| DbErr::Custom("the response just written is missing".into()))
}

pub async fn response_by_id(
    conn: &impl ConnectionTrait,
    id: i32,
) -> Result<Option<Response>, DbErr> {
    survey_response::Entity::find_by_id(id).one(conn).await
}

/// A response's answers, in the order they were stored.
pub async fn answers_of(
    conn: &impl ConnectionTrait,
    response_id: i32,
) -> Result<Vec<Answer>, DbErr> {
    Ok(survey_answer::Entity::find()
        .filter(survey_answer::Column::ResponseId.eq(response_id))
        .order_by_asc(survey_answer::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(|a| Answer {
            question: a.question,
            choice: a.choice,
            number: a.number,
            text: a.text,
        })
        .collect())
}

/// Replaces the answers to `replaced` with `answers` (checked against
/// the response's version) and notes the page to show next, in the
/// caller's transaction; a submitted response refuses.
pub async fn save(
    conn: &impl ConnectionTrait,
    r: &Response,
    replaced: &[String],
    answers: Vec<Answer>,
    page: i32,
    language: &str,
) -> Result<(), SurveyError> {
    let touched = survey_response::Entity::update_many()
        .col_expr(survey_response::Column::Page, Expr::value(page))
        .col_expr(survey_response::Column::Language, Expr::value(language))
        .col_expr(survey_response::Column::UpdatedAt, Expr::value(now()))
        .filter(survey_response::Column::Id.eq(r.id))
        .filter(survey_response::Column::Status.eq(ResponseStatus::Started))
        .exec(conn)
        .await?;
    if touched.rows_affected == 0 {
        return Err(SurveyError::Submitted);
    }
    if !replaced.is_empty() {
        survey_answer::Entity::delete_many()
            .filter(survey_answer::Column::ResponseId.eq(r.id))
            .filter(survey_answer::Column::Question.is_in(replaced.iter().cloned()))
            .exec(conn)
            .await?;
    }
    if !answers.is_empty() {
        survey_answer::Entity::insert_many(answers.into_iter().map(|a| {
            survey_answer::ActiveModel {
                response_id: Set(r.id),
                survey_id: Set(r.survey_id),
                question: Set(a.question),
                choice: Set(a.choice),
                number: Set(a.number),
                text: Set(a.text),
                ..Default::default()
            }
        }))
        .exec_without_returning(conn)
        .await?;
    }
    Ok(())
}

/// Submits a started response (its answers checked complete by the
/// caller); a second submission refuses.
pub async fn submit(conn: &impl ConnectionTrait, r: &Response) -> Result<Response, SurveyError> {
    let t = now();
    let touched = survey_response::Entity::update_many()
        .col_expr(
            survey_response::Column::Status,
            Expr::value(ResponseStatus::Submitted),
        )
        .col_expr(survey_response::Column::SubmittedAt, Expr::value(t))
        .col_expr(survey_response::Column::UpdatedAt, Expr::value(t))
        .filter(survey_response::Column::Id.eq(r.id))
        .filter(survey_response::Column::Status.eq(ResponseStatus::Started))
        .exec(conn)
        .await?;
    if touched.rows_affected == 0 {
        return Err(SurveyError::Submitted);
    }
    response_by_id(conn, r.id)
        .await?
        .ok_or(SurveyError::NotFound)
}

/// How many responses were started and how many of them submitted.
pub async fn counts(conn: &impl ConnectionTrait, survey_id: i32) -> Result<(u64, u64), DbErr> {
    use sea_orm::PaginatorTrait;
    let started = survey_response::Entity::find()
        .filter(survey_response::Column::SurveyId.eq(survey_id))
        .count(conn)
        .await?;
    let submitted = survey_response::Entity::find()
        .filter(survey_response::Column::SurveyId.eq(survey_id))
        .filter(survey_response::Column::Status.eq(ResponseStatus::Submitted))
        .count(conn)
        .await?;
    Ok((started, submitted))
}

/// Every question the survey has asked, as its latest version has it and
/// then those only earlier versions had (their answers stay readable).
pub async fn questions_ever(
    conn: &impl ConnectionTrait,
    survey_id: i32,
) -> Result<Vec<form::Question>, DbErr> {
    let versions = survey_version::Entity::find()
        .filter(survey_version::Column::SurveyId.eq(survey_id))
        .order_by_desc(survey_version::Column::Number)
        .all(conn)
        .await?;
    let mut out: Vec<form::Question> = vec![];
    for v in versions {
        let Ok(f) = serde_json::from_str::<Form>(&v.form) else {
            continue;
        };
        for q in f.questions() {
            if !out.iter().any(|x| x.id == q.id) {
                out.push(q.clone());
            }
        }
    }
    Ok(out)
}

/// The ids of the surveys of `purpose` of these courses (`None`: every course).
pub async fn of_courses(
    conn: &impl ConnectionTrait,
    purpose: SurveyPurpose,
    courses: Option<&[i32]>,
) -> Result<Vec<i32>, DbErr> {
    use sea_orm::QuerySelect;
    let mut q = survey::Entity::find()
        .filter(survey::Column::Purpose.eq(purpose))
        .filter(survey::Column::CourseId.is_not_null());
    if let Some(ids) = courses {
        q = q.filter(survey::Column::CourseId.is_in(ids.iter().copied()));
    }
    q.select_only()
        .column(survey::Column::Id)
        .into_tuple()
        .all(conn)
        .await
}
