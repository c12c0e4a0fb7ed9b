//! Surveys through the API: a course's evaluation (its editors change the
//! form and publish it; learners who completed the course answer it), and
//! the instance's question bank.

use super::ApiUser;
use crate::errors::{ApiError, Problem};
use crate::routes::{Access, Table, doc};
use crate::state::AppState;
use actix_web::http::Method;
use actix_web::{HttpRequest, HttpResponse, web};
use kuza_app::AppError;
use kuza_app::needs;
use kuza_app::reports::Ask;
use kuza_app::surveys::{self, Answering, Change, Editing, Intent};
use kuza_db::values::Code;
use kuza_reports::suppress::Mark;
use kuza_surveys::form::{Form, Question};
use kuza_surveys::{SurveyAudience, SurveyPurpose};

const EVALUATION: SurveyPurpose = SurveyPurpose::Evaluation;
const FOLLOW_UP: SurveyPurpose = SurveyPurpose::FollowUp;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::ToSchema;

pub fn routes(t: &mut Table) {
    t.api(
        Method::GET,
        "/api/v1/courses/{id}/evaluation",
        Access::CourseEditor,
        get_evaluation,
        doc::<__path_get_evaluation>,
    );
    t.api(
        Method::PUT,
        "/api/v1/courses/{id}/evaluation",
        Access::CourseEditor,
        put_evaluation,
        doc::<__path_put_evaluation>,
    );
    t.api(
        Method::POST,
        "/api/v1/courses/{id}/evaluation/publish",
        Access::CourseEditor,
        publish_evaluation,
        doc::<__path_publish_evaluation>,
    );
    t.api(
        Method::GET,
        "/api/v1/courses/{id}/follow-up",
        Access::CourseEditor,
        get_follow_up,
        doc::<__path_get_follow_up>,
    );
    t.api(
        Method::PUT,
        "/api/v1/courses/{id}/follow-up",
        Access::CourseEditor,
        put_follow_up,
        doc::<__path_put_follow_up>,
    );
    t.api(
        Method::GET,
        "/api/v1/courses/{id}/evaluation/response",
        Access::Enrolled,
        get_response,
        doc::<__path_get_response>,
    );
    t.api(
        Method::PUT,
        "/api/v1/courses/{id}/evaluation/response",
        Access::Enrolled,
        put_response,
        doc::<__path_put_response>,
    );
    t.api(
        Method::GET,
        "/api/v1/reports/evaluations",
        Access::Reports,
        get_results,
        doc::<__path_get_results>,
    );
    t.api(
        Method::GET,
        "/api/v1/reports/evaluations.csv",
        Access::Reports,
        results_csv,
        doc::<__path_results_csv>,
    );
    t.api(
        Method::GET,
        "/api/v1/reports/evaluations.xlsx",
        Access::Reports,
        results_xlsx,
        doc::<__path_results_xlsx>,
    );
    t.api(
        Method::GET,
        "/api/v1/surveys",
        Access::PartnerOrAdmin,
        list_needs,
        doc::<__path_list_needs>,
    );
    t.api(
        Method::POST,
        "/api/v1/surveys",
        Access::PartnerOrAdmin,
        create_needs,
        doc::<__path_create_needs>,
    );
    t.api(
        Method::GET,
        "/api/v1/surveys/{id}",
        Access::SurveyRunner,
        get_needs,
        doc::<__path_get_needs>,
    );
    t.api(
        Method::PUT,
        "/api/v1/surveys/{id}",
        Access::SurveyRunner,
        put_needs,
        doc::<__path_put_needs>,
    );
    t.api(
        Method::POST,
        "/api/v1/surveys/{id}/invitations",
        Access::SurveyRunner,
        invite_needs,
        doc::<__path_invite_needs>,
    );
    t.api(
        Method::GET,
        "/api/v1/surveys/{id}/response",
        Access::SignedIn,
        get_needs_response,
        doc::<__path_get_needs_response>,
    );
    t.api(
        Method::PUT,
        "/api/v1/surveys/{id}/response",
        Access::SignedIn,
        put_needs_response,
        doc::<__path_put_needs_response>,
    );
    t.api(
        Method::GET,
        "/api/v1/survey-bank",
        Access::Author,
        get_bank,
        doc::<__path_get_bank>,
    );
    t.api(
        Method::POST,
        "/api/v1/survey-bank",
        Access::Admin,
        add_to_bank,
        doc::<__path_add_to_bank>,
    );
    t.api(
        Method::PUT,
        "/api/v1/survey-bank/{key}",
        Access::Admin,
        put_bank_question,
        doc::<__path_put_bank_question>,
    );
}

/// A survey as its editors see it.
#[derive(Serialize, ToSchema)]
pub struct SurveyView {
    pub id: i32,
    /// evaluation, follow_up or needs.
    pub purpose: String,
    pub course_id: Option<i32>,
    /// A needs assessment: whose it is (absent: the instance's).
    pub organisation_id: Option<i32>,
    /// A needs assessment: its title, per language.
    #[schema(value_type = Object)]
    pub title: kuza_courses::Translated,
    /// A needs assessment: `members` or `public` (its link, no sign-in).
    pub audience: Option<String>,
    /// Takes answers: published, and (a needs assessment) not closed.
    pub open: bool,
    /// A needs assessment: when it was closed.
    pub closed_at: Option<String>,
    /// The languages its texts may be in, the default first.
    pub languages: Vec<String>,
    /// The course's certificate waits until the learner submits it.
    pub required: bool,
    /// Whether answers are read without the respondent's name.
    pub anonymous: bool,
    /// A follow-up: months after completion it is emailed (0: none;
    /// absent: the default, 3).
    pub months: Option<i32>,
    /// The published version (responses are given on it).
    pub version: i32,
    /// The draft differs from the published version.
    pub changed: bool,
    pub draft: Form,
    pub started: u64,
    pub submitted: u64,
}

fn survey_view(e: Editing) -> SurveyView {
    let (default, all) = kuza_surveys::languages(&e.survey);
    let mut languages = vec![default.code().to_owned()];
    languages.extend(
        all.iter()
            .filter(|l| **l != default)
            .map(|l| l.code().to_owned()),
    );
    SurveyView {
        id: e.survey.id,
        purpose: kuza_db::values::Code::code(&e.survey.purpose),
        course_id: e.survey.course_id,
        organisation_id: e.survey.organisation_id,
        title: kuza_surveys::needs::title(&e.survey),
        audience: e.survey.audience.map(|a| kuza_db::values::Code::code(&a)),
        open: kuza_surveys::needs::is_open(&e.survey),
        closed_at: e.survey.closed_at.map(super::iso),
        languages,
        required: e.survey.required,
        anonymous: e.survey.anonymous,
        months: e.survey.months,
        version: e.survey.version,
        changed: e.changed,
        draft: e.draft,
        started: e.started,
        submitted: e.submitted,
    }
}

/// The course's evaluation: the draft form, the published version, and
/// how many responses came in. Every course has one, with the bank's
/// standard questions, until its editors change it.
#[utoipa::path(get, path = "/api/v1/courses/{id}/evaluation", tag = "surveys", security(("bearer" = [])),
    responses((status = 200, body = SurveyView), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn get_evaluation(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
) -> Result<HttpResponse, ApiError> {
    let e = surveys::course_survey(&state.app, caller.actor(), *id, EVALUATION).await?;
    Ok(HttpResponse::Ok().json(survey_view(e)))
}

#[derive(Deserialize, ToSchema)]
pub struct SurveyChange {
    /// An evaluation: the certificate waits for it (turning it off
    /// releases the certificates that waited).
    pub required: Option<bool>,
    /// A follow-up: months after completion it is emailed (0 to 24; 0:
    /// none is sent; default 3).
    pub months: Option<i32>,
    /// Free-text answers are read without the respondent's name (the
    /// default); false shows names to the course's editors.
    pub anonymous: Option<bool>,
    /// The whole draft. A bank question (`bank` set, its key as `id`) is
    /// kept as the bank has it, only `required` is the survey's; the
    /// course's own questions have ids `q1`, `q2`…
    pub draft: Option<Form>,
    /// Publish the draft as the next version at once.
    #[serde(default)]
    pub publish: bool,
}

/// Changes the course's evaluation: whether the certificate waits for it,
/// its draft, and (with `publish`) publishes it.
#[utoipa::path(put, path = "/api/v1/courses/{id}/evaluation", tag = "surveys", security(("bearer" = [])), request_body = SurveyChange,
    responses((status = 200, body = SurveyView), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 422, description = "`invalid_input`: each problem with where it is (`sections[0].questions[2].options`)", body = Problem)))]
pub async fn put_evaluation(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
    body: web::Json<SurveyChange>,
) -> Result<HttpResponse, ApiError> {
    change(&state, &caller, *id, EVALUATION, body.into_inner()).await
}

async fn change(
    state: &AppState,
    caller: &ApiUser,
    course_id: i32,
    purpose: SurveyPurpose,
    b: SurveyChange,
) -> Result<HttpResponse, ApiError> {
    let change = Change {
        required: b.required,
        anonymous: b.anonymous,
        months: b.months,
        form: b.draft,
        edit: None,
        publish: b.publish,
    };
    let e = surveys::change_course_survey(&state.app, caller.actor(), course_id, purpose, change)
        .await?;
    Ok(HttpResponse::Ok().json(survey_view(e)))
}

/// Publishes the evaluation's draft as its next version; responses already
/// started stay on the version they began on.
#[utoipa::path(post, path = "/api/v1/courses/{id}/evaluation/publish", tag = "surveys", security(("bearer" = [])),
    responses((status = 200, body = SurveyView), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn publish_evaluation(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
) -> Result<HttpResponse, ApiError> {
    let publish = SurveyChange {
        required: None,
        months: None,
        anonymous: None,
        draft: None,
        publish: true,
    };
    change(&state, &caller, *id, EVALUATION, publish).await
}

/// The course's follow-up: the form emailed to those who completed it,
/// `months` after (3 unless its editors say otherwise; 0 sends none),
/// answered through a signed link without signing in.
#[utoipa::path(get, path = "/api/v1/courses/{id}/follow-up", tag = "surveys", security(("bearer" = [])),
    responses((status = 200, body = SurveyView), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn get_follow_up(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
) -> Result<HttpResponse, ApiError> {
    let e = surveys::course_survey(&state.app, caller.actor(), *id, FOLLOW_UP).await?;
    Ok(HttpResponse::Ok().json(survey_view(e)))
}

/// Changes the course's follow-up: when it is sent, whether answers are
/// anonymous, its draft, and (with `publish`) publishes it.
#[utoipa::path(put, path = "/api/v1/courses/{id}/follow-up", tag = "surveys", security(("bearer" = [])), request_body = SurveyChange,
    responses((status = 200, body = SurveyView), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 422, description = "`invalid_input`: `months_invalid`, or a problem of the form with where it is", body = Problem)))]
pub async fn put_follow_up(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
    body: web::Json<SurveyChange>,
) -> Result<HttpResponse, ApiError> {
    change(&state, &caller, *id, FOLLOW_UP, body.into_inner()).await
}

/// The learner's response and the form it is given on.
#[derive(Serialize, ToSchema)]
pub struct ResponseView {
    pub survey_id: i32,
    /// The form version the answers are checked against.
    pub version: i32,
    pub form: Form,
    /// none, started or submitted.
    pub status: String,
    /// The answers so far, as they are given (a scale's point, an
    /// option's index, a number, a text; a list for a multiple choice).
    #[schema(value_type = Object)]
    pub answers: BTreeMap<String, Vec<String>>,
    pub submitted_at: Option<String>,
}

fn response_view(a: Answering) -> ResponseView {
    ResponseView {
        survey_id: a.survey.id,
        version: a.version,
        status: a
            .response
            .as_ref()
            .map_or("none".into(), |r| kuza_db::values::Code::code(&r.status)),
        submitted_at: a
            .response
            .as_ref()
            .and_then(|r| r.submitted_at)
            .map(super::iso),
        form: a.form,
        answers: a.given,
    }
}

/// The evaluation of a course the caller completed, with their answers.
#[utoipa::path(get, path = "/api/v1/courses/{id}/evaluation/response", tag = "surveys", security(("bearer" = [])),
    responses((status = 200, body = ResponseView), (status = 403, description = "`not_enrolled`, `course_not_completed`", body = Problem), (status = 404, body = Problem)))]
pub async fn get_response(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
) -> Result<HttpResponse, ApiError> {
    let a = surveys::to_answer(&state.app, caller.actor(), *id).await?;
    Ok(HttpResponse::Ok().json(response_view(a)))
}

#[derive(Deserialize, ToSchema)]
pub struct ResponseChange {
    /// Answers by question id, each replacing the one before: a scale's
    /// point (1 to its number of labels), an option's index (from 0), a
    /// rating (0–10), a number, a text; a list for a multiple choice;
    /// null to clear it.
    #[schema(value_type = Object)]
    pub answers: BTreeMap<String, serde_json::Value>,
    /// Submit the response: every required question must be answered.
    /// A submitted response no longer changes.
    #[serde(default)]
    pub submit: bool,
}

impl ResponseChange {
    /// The answers as the application takes them, and whether to submit.
    fn parts(self) -> Result<(kuza_surveys::answers::Given, Intent), ApiError> {
        let intent = if self.submit {
            Intent::Submit
        } else {
            Intent::Save
        };
        Ok((super::answers_given(self.answers)?, intent))
    }
}

/// Saves answers to the course's evaluation (checked against the version
/// the response is on, refused whole if any is wrong), and submits it.
#[utoipa::path(put, path = "/api/v1/courses/{id}/evaluation/response", tag = "surveys", security(("bearer" = [])), request_body = ResponseChange,
    responses((status = 200, body = ResponseView), (status = 403, description = "`not_enrolled`, `course_not_completed`", body = Problem), (status = 404, body = Problem),
        (status = 409, description = "`response_submitted`", body = Problem),
        (status = 413, description = "Over 64 KB", body = Problem),
        (status = 422, description = "`invalid_input`: per question, `question_unknown`, `answer_invalid`, `answer_out_of_range`, `answer_too_long`, `answer_required`", body = Problem)))]
pub async fn put_response(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
    body: web::Json<ResponseChange>,
) -> Result<HttpResponse, ApiError> {
    let (given, intent) = body.into_inner().parts()?;
    let lang = kuza_app::mail::language_of(&caller.0.user);
    surveys::answer(&state.app, caller.actor(), *id, None, &given, intent, lang).await?;
    let a = surveys::to_answer(&state.app, caller.actor(), *id).await?;
    Ok(HttpResponse::Ok().json(response_view(a)))
}

/// The audience named (`None`: none named), or why it is refused.
fn audience_of(a: Option<&str>) -> Result<Option<SurveyAudience>, AppError> {
    a.map(|a| {
        SurveyAudience::parse(a).ok_or_else(|| AppError::invalid("audience", "audience_unknown"))
    })
    .transpose()
}

/// A needs assessment in the list.
#[derive(Serialize, ToSchema)]
pub struct NeedsListed {
    pub id: i32,
    pub organisation_id: Option<i32>,
    #[schema(value_type = Object)]
    pub title: kuza_courses::Translated,
    /// `members` or `public`.
    pub audience: Option<String>,
    /// `draft`, `open` or `closed`.
    pub state: String,
    pub started: u64,
    pub submitted: u64,
}

/// The needs assessments the caller runs: a partner coordinator's
/// organisation's; every one, for administrators. Newest first.
#[utoipa::path(get, path = "/api/v1/surveys", tag = "surveys", security(("bearer" = [])),
    responses((status = 200, body = [NeedsListed]), (status = 403, body = Problem)))]
pub async fn list_needs(
    state: web::Data<AppState>,
    caller: ApiUser,
) -> Result<HttpResponse, ApiError> {
    let out: Vec<NeedsListed> = needs::list(&state.app, caller.actor())
        .await?
        .into_iter()
        .map(|l| NeedsListed {
            id: l.survey.id,
            organisation_id: l.survey.organisation_id,
            title: kuza_surveys::needs::title(&l.survey),
            audience: l.survey.audience.map(|a| kuza_db::values::Code::code(&a)),
            state: kuza_surveys::needs::state(&l.survey).into(),
            started: l.started,
            submitted: l.submitted,
        })
        .collect();
    Ok(HttpResponse::Ok().json(out))
}

#[derive(Deserialize, ToSchema)]
pub struct NewNeeds {
    /// Per language; the default language's is required.
    #[schema(value_type = Object)]
    pub title: kuza_courses::Translated,
    /// `members` (the default) or `public`.
    pub audience: Option<String>,
    /// Administrators: the organisation it is for (absent: the
    /// instance's). A partner coordinator's is always their organisation's.
    pub organisation_id: Option<i32>,
    /// The language it is written in first (default: the caller's).
    pub default_language: Option<String>,
}

/// Starts a needs assessment: a draft with the bank's standard needs
/// questions, to change (`PUT`) and publish.
#[utoipa::path(post, path = "/api/v1/surveys", tag = "surveys", security(("bearer" = [])), request_body = NewNeeds,
    responses((status = 201, body = SurveyView), (status = 403, body = Problem), (status = 404, description = "No such organisation", body = Problem),
        (status = 422, description = "`invalid_input`: `title.xx` `required`, `audience`, `default_language`", body = Problem)))]
pub async fn create_needs(
    state: web::Data<AppState>,
    caller: ApiUser,
    body: web::Json<NewNeeds>,
) -> Result<HttpResponse, ApiError> {
    let b = body.into_inner();
    let audience = audience_of(b.audience.as_deref())?.unwrap_or(SurveyAudience::Members);
    let default = match b.default_language.as_deref() {
        None => kuza_app::mail::language_of(&caller.0.user),
        Some(l) => kuza_i18n::Language::parse(l)
            .ok_or_else(|| AppError::invalid("default_language", "language_unknown"))?,
    };
    let c = needs::Creating {
        title: b.title,
        audience,
        organisation: b.organisation_id,
        default,
    };
    let s = needs::create(&state.app, caller.actor(), c).await?;
    let e = needs::get(&state.app, caller.actor(), s.id).await?;
    Ok(HttpResponse::Created().json(survey_view(e)))
}

/// A needs assessment: its draft, published version and responses.
#[utoipa::path(get, path = "/api/v1/surveys/{id}", tag = "surveys", security(("bearer" = [])),
    responses((status = 200, body = SurveyView), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn get_needs(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
) -> Result<HttpResponse, ApiError> {
    let e = needs::get(&state.app, caller.actor(), *id).await?;
    Ok(HttpResponse::Ok().json(survey_view(e)))
}

#[derive(Deserialize, ToSchema)]
pub struct NeedsChange {
    #[schema(value_type = Option<Object>)]
    pub title: Option<kuza_courses::Translated>,
    /// `members` or `public`.
    pub audience: Option<String>,
    pub anonymous: Option<bool>,
    /// The whole draft (as for a course's evaluation).
    pub draft: Option<Form>,
    /// Publish the draft as the next version (the first opens it).
    #[serde(default)]
    pub publish: bool,
    /// Close it to answers (true) or open it again (false).
    pub closed: Option<bool>,
}

/// Changes a needs assessment: title, audience, whether answers are read
/// without names, its draft; publishes it; closes or reopens it.
#[utoipa::path(put, path = "/api/v1/surveys/{id}", tag = "surveys", security(("bearer" = [])), request_body = NeedsChange,
    responses((status = 200, body = SurveyView), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 422, description = "`invalid_input`: a problem of the form with where it is, `title` `required`, `audience_unknown`", body = Problem)))]
pub async fn put_needs(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
    body: web::Json<NeedsChange>,
) -> Result<HttpResponse, ApiError> {
    let b = body.into_inner();
    let audience = audience_of(b.audience.as_deref())?;
    let change = Change {
        anonymous: b.anonymous,
        form: b.draft,
        publish: b.publish,
        ..Change::default()
    };
    let details = kuza_surveys::needs::Details {
        title: b.title,
        audience,
        closed: b.closed,
    };
    let e = needs::change(&state.app, caller.actor(), *id, change, details).await?;
    Ok(HttpResponse::Ok().json(survey_view(e)))
}

/// How many invitations were queued.
#[derive(Serialize, ToSchema)]
pub struct Invited {
    pub queued: usize,
}

/// Emails an open members' assessment to the members who have not
/// answered, each once, in their language (asking again reaches only those
/// not emailed yet).
#[utoipa::path(post, path = "/api/v1/surveys/{id}/invitations", tag = "surveys", security(("bearer" = [])),
    responses((status = 200, body = Invited), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, description = "`survey_not_open_to_members`: a draft, closed, or for the public", body = Problem)))]
pub async fn invite_needs(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
) -> Result<HttpResponse, ApiError> {
    let queued = needs::invite_members(&state.app, caller.actor(), *id).await?;
    Ok(HttpResponse::Ok().json(Invited { queued }))
}

/// The caller's response to a needs assessment they may answer (its
/// organisation's members, or anyone for a public one), with the form.
#[utoipa::path(get, path = "/api/v1/surveys/{id}/response", tag = "surveys", security(("bearer" = [])),
    responses((status = 200, body = ResponseView), (status = 403, description = "`not_a_member`", body = Problem), (status = 404, body = Problem)))]
pub async fn get_needs_response(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
) -> Result<HttpResponse, ApiError> {
    let (a, _) = needs::to_answer(&state.app, visitor(&caller), *id).await?;
    Ok(HttpResponse::Ok().json(response_view(a)))
}

/// Saves answers to a needs assessment, and submits them (as for a
/// course's evaluation).
#[utoipa::path(put, path = "/api/v1/surveys/{id}/response", tag = "surveys", security(("bearer" = [])), request_body = ResponseChange,
    responses((status = 200, body = ResponseView), (status = 403, description = "`not_a_member`, `survey_closed`", body = Problem), (status = 404, body = Problem),
        (status = 409, description = "`response_submitted`", body = Problem),
        (status = 413, description = "Over 64 KB", body = Problem),
        (status = 422, description = "`invalid_input`: per question", body = Problem)))]
pub async fn put_needs_response(
    state: web::Data<AppState>,
    caller: ApiUser,
    id: web::Path<i32>,
    body: web::Json<ResponseChange>,
) -> Result<HttpResponse, ApiError> {
    let (given, intent) = body.into_inner().parts()?;
    let lang = kuza_app::mail::language_of(&caller.0.user);
    needs::answer(
        &state.app,
        visitor(&caller),
        *id,
        None,
        &given,
        intent,
        lang,
    )
    .await?;
    let (a, _) = needs::to_answer(&state.app, visitor(&caller), *id).await?;
    Ok(HttpResponse::Ok().json(response_view(a)))
}

/// The API answers as the caller, never through a public link's cookie.
fn visitor(caller: &ApiUser) -> needs::Visitor<'_> {
    needs::Visitor {
        actor: caller.actor(),
        token: None,
    }
}

#[derive(Serialize, ToSchema)]
pub struct BankEntry {
    pub key: String,
    /// The survey purpose whose standard form includes it.
    pub standard: Option<String>,
    /// Offered to no new survey (administrators see these too).
    pub retired: bool,
    pub question: Question,
}

fn bank_entry(b: kuza_surveys::bank::BankQuestion) -> BankEntry {
    BankEntry {
        key: b.key,
        standard: b.standard.map(|s| s.code()),
        retired: b.retired,
        question: b.question,
    }
}

#[derive(Deserialize, ToSchema)]
pub struct NewBankEntry {
    /// Lower-case letters, digits and `_`, starting with a letter, not
    /// `q` and a number (absent: `bank_<n>`).
    pub key: Option<String>,
    /// The question: its `kind`, `text` and `options` per language,
    /// `min` and `max` for a number, `required` as surveys take it at
    /// first (`id` and `bank` are ignored).
    pub question: Question,
    /// The language its texts must at least be in (default: the caller's).
    pub default_language: Option<String>,
}

/// Adds a question to the instance's bank: every survey may then take it
/// under its key.
#[utoipa::path(post, path = "/api/v1/survey-bank", tag = "surveys", security(("bearer" = [])), request_body = NewBankEntry,
    responses((status = 201, body = BankEntry), (status = 403, body = Problem),
        (status = 409, description = "`bank_key_taken`", body = Problem),
        (status = 422, description = "`invalid_input`: `bank_key_invalid`, or a problem of the question at `question.…`", body = Problem)))]
pub async fn add_to_bank(
    state: web::Data<AppState>,
    caller: ApiUser,
    body: web::Json<NewBankEntry>,
) -> Result<HttpResponse, ApiError> {
    let b = body.into_inner();
    let default = match b.default_language.as_deref() {
        None => kuza_app::mail::language_of(&caller.0.user),
        Some(l) => kuza_i18n::Language::parse(l)
            .ok_or_else(|| AppError::invalid("default_language", "language_unknown"))?,
    };
    let new = surveys::NewBankQuestion {
        key: b.key,
        question: b.question,
        default,
    };
    let added = surveys::add_to_bank(&state.app, caller.actor(), new).await?;
    Ok(HttpResponse::Created().json(bank_entry(added)))
}

#[derive(Deserialize, ToSchema)]
pub struct BankEntryChange {
    /// Retire the question (true) or bring it back (false).
    pub retired: bool,
}

/// Retires a question of the bank (no new survey is offered it; those that
/// have it keep it), or brings it back.
#[utoipa::path(put, path = "/api/v1/survey-bank/{key}", tag = "surveys", security(("bearer" = [])), request_body = BankEntryChange,
    responses((status = 200, body = BankEntry), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn put_bank_question(
    state: web::Data<AppState>,
    caller: ApiUser,
    key: web::Path<String>,
    body: web::Json<BankEntryChange>,
) -> Result<HttpResponse, ApiError> {
    surveys::retire_bank_question(&state.app, caller.actor(), &key, body.retired).await?;
    let entry = surveys::bank(&state.app, caller.actor())
        .await?
        .into_iter()
        .find(|b| b.key == *key)
        .ok_or(AppError::NotFound)?;
    Ok(HttpResponse::Ok().json(bank_entry(entry)))
}

/// The instance's question bank: questions every survey can take under
/// the same key, so their answers compare across courses (the retired
/// ones too, for administrators).
#[utoipa::path(get, path = "/api/v1/survey-bank", tag = "surveys", security(("bearer" = [])),
    responses((status = 200, body = [BankEntry]), (status = 403, body = Problem)))]
pub async fn get_bank(
    state: web::Data<AppState>,
    caller: ApiUser,
) -> Result<HttpResponse, ApiError> {
    let bank = surveys::bank(&state.app, caller.actor()).await?;
    let out: Vec<BankEntry> = bank.into_iter().map(bank_entry).collect();
    Ok(HttpResponse::Ok().json(out))
}

/// The question, as query parameters.
#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code, reason = "documents the query; `Ask` reads it")]
pub struct ResultsQuery {
    /// The first day of submission, `YYYY-MM-DD` (default: 1 January of this year).
    from: Option<String>,
    /// The last day, included (default: today).
    to: Option<String>,
    /// The grouping: `cohort`, `month`, `quarter`, `year`, `country`,
    /// `region`, `sub_region`, `ldc`, `lldc`, `sids`, `gender`,
    /// `age_band`, `organisation_kind`, `organisation`, `course`,
    /// `provider`, `format`, `language` (default: none).
    by: Option<String>,
    /// One course's evaluation, every question it asked (its editors, its
    /// provider's coordinators); without it, the standard questions of
    /// every evaluation the caller may read.
    course: Option<i32>,
    /// Only this cohort.
    cohort: Option<i32>,
    /// Only the courses this organisation provides.
    provider: Option<i32>,
    /// Only the confirmed members of this organisation.
    organisation: Option<i32>,
    /// `evaluation` (the default) or `follow_up`.
    purpose: Option<String>,
    /// One needs assessment, all its respondents (those who run it and
    /// their organisation's viewers; administrators for the instance's).
    survey: Option<i32>,
}

/// One question's figures, per group (in `groups`' order) and the total last.
#[derive(Serialize, ToSchema)]
pub struct QuestionResultView {
    pub id: String,
    /// The bank question it is, when it is one.
    pub bank: Option<String>,
    pub kind: String,
    #[schema(value_type = Object)]
    pub text: kuza_courses::Translated,
    /// Respondents who answered it (absent where suppressed).
    pub answered: Vec<Option<u64>>,
    /// Per option (a scale's points, choices, a rating's 0 to 10): how
    /// many chose it, per group.
    pub options: Vec<Vec<Option<u64>>>,
    pub mean: Vec<Option<f64>>,
    /// A 0–10 rating's net promoter score (−100 to 100).
    pub nps: Vec<Option<f64>>,
}

#[derive(Serialize, ToSchema)]
pub struct TextView {
    pub question: String,
    pub text: String,
    pub submitted_at: String,
    /// The respondent, for a survey that is not anonymous.
    pub name: Option<String>,
}

/// Evaluation results.
#[derive(Serialize, ToSchema)]
pub struct ResultsView {
    /// The groups (`all` when not grouped).
    #[schema(value_type = Vec<Object>)]
    pub groups: Vec<kuza_app::reports::Group>,
    /// Submitted responses per group, the total last (absent where suppressed).
    pub respondents: Vec<Option<u64>>,
    /// `shown`, `small` (fewer respondents than the threshold) or `hidden`
    /// (not shown so that a total cannot reveal a small group), per group.
    #[schema(value_type = Vec<String>)]
    pub marks: Vec<Mark>,
    pub threshold: u64,
    /// Offered (the period's completions), started and submitted.
    pub invited: u64,
    pub started: u64,
    pub submitted: u64,
    pub questions: Vec<QuestionResultView>,
    /// Free-text answers, newest first (the course's editors and
    /// administrators only; absent for others).
    pub texts: Option<Vec<TextView>>,
}

/// The results of course evaluations: one course's, or the standard
/// questions across the courses the caller reads, grouped and suppressed
/// as reports are.
#[utoipa::path(get, path = "/api/v1/reports/evaluations", tag = "surveys", security(("bearer" = [])), params(ResultsQuery),
    responses((status = 200, body = ResultsView), (status = 400, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn get_results(
    state: web::Data<AppState>,
    caller: ApiUser,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let ask = results_ask(&req)?;
    let lang = kuza_app::mail::language_of(&caller.0.user);
    let p = surveys::evaluation_results(&state.app, caller.actor(), &ask, lang).await?;
    let r = p.results;
    let shown = |i: usize| r.marks[i] == Mark::Shown;
    let view = ResultsView {
        groups: p.groups,
        respondents: r
            .respondents
            .iter()
            .enumerate()
            .map(|(i, n)| Some(*n).filter(|_| shown(i)))
            .collect(),
        marks: r.marks.clone(),
        threshold: r.threshold,
        invited: p.rates.invited,
        started: p.rates.started,
        submitted: p.rates.submitted,
        questions: r
            .questions
            .into_iter()
            .map(|q| QuestionResultView {
                id: q.question.id,
                bank: q.question.bank,
                kind: q.question.kind.code().to_owned(),
                text: q.question.text,
                answered: q.answered,
                options: q.options,
                mean: q.mean,
                nps: q.nps,
            })
            .collect(),
        texts: p.texts.map(|list| {
            list.into_iter()
                .map(|(t, name)| TextView {
                    question: t.question,
                    text: t.text,
                    submitted_at: super::iso(t.submitted_at),
                    name,
                })
                .collect()
        }),
    };
    Ok(HttpResponse::Ok().json(view))
}

fn results_ask(req: &HttpRequest) -> Result<Ask, AppError> {
    web::Query::<Ask>::from_query(req.query_string())
        .map(web::Query::into_inner)
        .map_err(|e| AppError::BadInput(e.to_string()))
}

async fn results_sheet(
    state: &AppState,
    caller: &ApiUser,
    req: &HttpRequest,
) -> Result<kuza_app::export::Sheet, AppError> {
    let lang = kuza_app::mail::language_of(&caller.0.user);
    let p =
        surveys::evaluation_results(&state.app, caller.actor(), &results_ask(req)?, lang).await?;
    Ok(surveys::results_sheet(&state.app, &p, lang))
}

/// The evaluation results as CSV (the table the portal shows).
#[utoipa::path(get, path = "/api/v1/reports/evaluations.csv", tag = "surveys", security(("bearer" = [])), params(ResultsQuery),
    responses((status = 200, content_type = "text/csv", body = String),
        (status = 400, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn results_csv(
    state: web::Data<AppState>,
    caller: ApiUser,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let sheet = results_sheet(&state, &caller, &req).await?;
    Ok(crate::http::download(
        "text/csv; charset=utf-8",
        "evaluation-results.csv",
        kuza_app::export::csv(&sheet),
    ))
}

/// The evaluation results as an XLSX workbook.
#[utoipa::path(get, path = "/api/v1/reports/evaluations.xlsx", tag = "surveys", security(("bearer" = [])), params(ResultsQuery),
    responses((status = 200, content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = Vec<u8>),
        (status = 400, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn results_xlsx(
    state: web::Data<AppState>,
    caller: ApiUser,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let sheet = results_sheet(&state, &caller, &req).await?;
    let bytes = kuza_app::export::xlsx(&sheet).map_err(AppError::Internal)?;
    Ok(crate::http::download(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "evaluation-results.xlsx",
        bytes,
    ))
}
