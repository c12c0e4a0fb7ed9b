//! Needs assessments: surveys of an organisation (its coordinator runs
//! them) or of the instance (its administrators do), not of a course,
//! answered before training is planned by the organisation's members or by
//! anyone with the link. One starts as a draft with the bank's standard
//! needs questions, opens when it is published and stays open until it is
//! closed.

use crate::{Survey, SurveyAudience, SurveyPurpose, bank};
use kuza_courses::Translated;
use kuza_db::entities::{survey, survey_response, user};
use kuza_db::now;
use kuza_i18n::Language;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder,
};

/// A new needs assessment.
#[derive(Debug, Clone)]
pub struct New {
    /// Whose it is (`None`: the instance's).
    pub organisation: Option<i32>,
    pub title: Translated,
    pub audience: SurveyAudience,
    pub default: Language,
    pub created_by: i32,
}

/// Writes a needs assessment as a draft with the standard needs form, in
/// every language of the instance.
pub async fn create(conn: &impl ConnectionTrait, new: New) -> Result<Survey, DbErr> {
    let bank = bank::all(conn).await?;
    let form = bank::standard_form(&bank, SurveyPurpose::Needs);
    let mut languages = vec![new.default.code()];
    languages.extend(
        Language::ALL
            .iter()
            .filter(|l| **l != new.default)
            .map(|l| l.code()),
    );
    let t = now();
    let id = survey::Entity::insert(survey::ActiveModel {
        purpose: Set(SurveyPurpose::Needs),
        course_id: Set(None),
        organisation_id: Set(new.organisation),
        title: Set(serde_json::to_string(&new.title).expect("serializes")),
        languages: Set(languages.join(",")),
        default_language: Set(new.default.code().into()),
        anonymous: Set(true),
        required: Set(false),
        draft: Set(serde_json::to_string(&form).expect("serializes")),
        version: Set(0),
        months: Set(None),
        audience: Set(Some(new.audience)),
        closed_at: Set(None),
        created_by: Set(Some(new.created_by)),
        created_at: Set(t),
        updated_at: Set(t),
        ..Default::default()
    })
    .exec(conn)
    .await?
    .last_insert_id;
    crate::by_id(conn, id)
        .await?
        .ok_or_else(|| DbErr::Custom("the survey just written is missing".into()))
}

/// The needs assessments of an organisation (`Some(Some(id))`), of the
/// instance (`Some(None)`), or all of them (`None`), newest first.
pub async fn list(
    conn: &impl ConnectionTrait,
    of: Option<Option<i32>>,
) -> Result<Vec<Survey>, DbErr> {
    let mut q = survey::Entity::find().filter(survey::Column::Purpose.eq(SurveyPurpose::Needs));
    match of {
        Some(Some(org)) => q = q.filter(survey::Column::OrganisationId.eq(org)),
        Some(None) => q = q.filter(survey::Column::OrganisationId.is_null()),
        None => {}
    }
    q.order_by_desc(survey::Column::Id).all(conn).await
}

/// The open needs assessments addressed to a person, as members: the
/// instance's and their organisation's (once it confirmed them).
pub async fn open_for(
    conn: &impl ConnectionTrait,
    member_of: Option<i32>,
) -> Result<Vec<Survey>, DbErr> {
    let whose = match member_of {
        Some(org) => survey::Column::OrganisationId
            .is_null()
            .or(survey::Column::OrganisationId.eq(org)),
        None => survey::Column::OrganisationId.is_null(),
    };
    survey::Entity::find()
        .filter(survey::Column::Purpose.eq(SurveyPurpose::Needs))
        .filter(survey::Column::Version.gt(0))
        .filter(survey::Column::ClosedAt.is_null())
        .filter(survey::Column::Audience.eq(SurveyAudience::Members))
        .filter(whose)
        .order_by_desc(survey::Column::Id)
        .all(conn)
        .await
}

/// Whether it takes answers: published and not closed.
pub fn is_open(s: &Survey) -> bool {
    s.version > 0 && s.closed_at.is_none()
}

/// Where it stands: `draft` (never published), `open` or `closed`.
pub fn state(s: &Survey) -> &'static str {
    if s.version == 0 {
        "draft"
    } else if s.closed_at.is_some() {
        "closed"
    } else {
        "open"
    }
}

/// Its translated title.
pub fn title(s: &Survey) -> Translated {
    serde_json::from_str(&s.title).unwrap_or_default()
}

/// What changes of a needs assessment besides its form (`None`: unchanged).
#[derive(Debug, Clone, Default)]
pub struct Details {
    pub title: Option<Translated>,
    pub audience: Option<SurveyAudience>,
    /// Closes it to answers (`true`) or opens it again (`false`).
    pub closed: Option<bool>,
}

pub async fn set_details(
    conn: &impl ConnectionTrait,
    s: Survey,
    d: Details,
) -> Result<Survey, DbErr> {
    let closed_at = match d.closed {
        Some(true) => Some(s.closed_at.unwrap_or_else(now)),
        Some(false) => None,
        None => s.closed_at,
    };
    let title = d
        .title
        .map(|t| serde_json::to_string(&t).expect("serializes"))
        .unwrap_or_else(|| s.title.clone());
    let audience = d.audience.or(s.audience);
    if (&title, audience, closed_at) == (&s.title, s.audience, s.closed_at) {
        return Ok(s);
    }
    survey::Entity::update(survey::ActiveModel {
        id: Set(s.id),
        title: Set(title),
        audience: Set(audience),
        closed_at: Set(closed_at),
        updated_at: Set(now()),
        ..Default::default()
    })
    .exec(conn)
    .await
}

/// Those a members' assessment is addressed to: the organisation's
/// confirmed members, or every active account for the instance's.
fn addressed(s: &Survey) -> sea_orm::Select<user::Entity> {
    let mut q = user::Entity::find().filter(user::Column::Active.eq(true));
    if let Some(org) = s.organisation_id {
        q = q
            .filter(user::Column::OrganisationId.eq(org))
            .filter(user::Column::OrganisationConfirmedAt.is_not_null());
    }
    q
}

/// How many a members' assessment is addressed to.
pub async fn members(conn: &impl ConnectionTrait, s: &Survey) -> Result<u64, DbErr> {
    addressed(s).count(conn).await
}

/// The next `limit` of those it is addressed to who have not submitted it,
/// after user `after` (by id, so a long list is read in pages).
pub async fn yet_to_answer(
    conn: &impl ConnectionTrait,
    s: &Survey,
    after: i32,
    limit: u64,
) -> Result<Vec<user::Model>, DbErr> {
    use sea_orm::QuerySelect;
    use sea_orm::sea_query::Query;
    let submitted = Query::select()
        .column(survey_response::Column::UserId)
        .from(survey_response::Entity)
        .and_where(survey_response::Column::SurveyId.eq(s.id))
        .and_where(survey_response::Column::Status.eq(crate::ResponseStatus::Submitted))
        .and_where(survey_response::Column::UserId.is_not_null())
        .to_owned();
    addressed(s)
        .filter(user::Column::Id.gt(after))
        .filter(user::Column::Id.not_in_subquery(submitted))
        .order_by_asc(user::Column::Id)
        .limit(limit)
        .all(conn)
        .await
}
