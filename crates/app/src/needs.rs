//! Needs assessments: before training is planned, an administrator (for
//! the instance) or a partner coordinator (for their organisation) asks
//! what people need to learn. It is a survey like a course's evaluation,
//! edited with the same editor (the bank's standard needs questions and
//! its own), published to open it and closed when it is over; its
//! results are read like the other surveys' (administrators also read the
//! free text; partners, aggregates only).
//!
//! Its audience is the organisation's confirmed members (everyone signed
//! in, for the instance's), who answer signed in, once each; or the
//! public, through its link: someone not signed in gets a response of
//! their own, kept in a signed cookie so that a slow connection loses
//! nothing, and nothing that names them is stored.

use crate::policy::{self, Action, On};
use crate::surveys::{
    Answered, Answering, Change, Editing, Intent, answering, change_form, editing, save_answers,
};
use crate::{Actor, App, AppError};
use kuza_courses::Translated;
use kuza_i18n::Language;
use kuza_surveys::answers::Given;
use kuza_surveys::needs::{self, Details, New};
use kuza_surveys::{Response, ResponseStatus, Survey, SurveyAudience, SurveyPurpose};
use sea_orm::ConnectionTrait;

/// Who runs a survey: its organisation's coordinator or administrators,
/// or administrators alone for the instance's.
fn on(s: &Survey) -> On<'static> {
    s.organisation_id.map_or(On::Site, On::Organisation)
}

/// The needs assessment `id` (any other survey is not found here).
async fn assessment(conn: &impl ConnectionTrait, id: i32) -> Result<Survey, AppError> {
    kuza_surveys::by_id(conn, id)
        .await?
        .filter(|s| s.purpose == SurveyPurpose::Needs)
        .ok_or(AppError::NotFound)
}

/// A needs assessment in a list, with how far it went.
#[derive(Debug)]
pub struct Listed {
    pub survey: Survey,
    pub started: u64,
    pub submitted: u64,
}

/// The needs assessments the actor runs: a coordinator's organisation's;
/// every one, for administrators.
pub async fn list(app: &App, actor: Option<&Actor>) -> Result<Vec<Listed>, AppError> {
    let a = policy::signed_in(actor)?;
    let of = if a.is_admin() {
        None
    } else {
        let org = a.partner_of().ok_or(AppError::Forbidden)?;
        policy::may(actor, Action::RunSurveys, On::Organisation(org))?;
        Some(Some(org))
    };
    let mut out = vec![];
    for s in needs::list(&app.db, of).await? {
        let (started, submitted) = kuza_surveys::counts(&app.db, s.id).await?;
        out.push(Listed {
            survey: s,
            started,
            submitted,
        });
    }
    Ok(out)
}

/// What a new needs assessment is: its title, its audience, and whose
/// it is (a coordinator's are their organisation's; an administrator's,
/// the organisation named or the instance's).
#[derive(Debug, Clone)]
pub struct Creating {
    pub title: Translated,
    pub audience: SurveyAudience,
    pub organisation: Option<i32>,
    /// The language it is written in first (its title's, required).
    pub default: Language,
}

/// Starts a needs assessment as a draft with the standard needs questions
/// (in the six languages; its own are written in its default language
/// and any other).
pub async fn create(app: &App, actor: Option<&Actor>, c: Creating) -> Result<Survey, AppError> {
    let a = policy::signed_in(actor)?;
    let organisation = match a.partner_of() {
        Some(own) if !a.is_admin() => Some(own),
        _ => c.organisation,
    };
    let on = organisation.map_or(On::Site, On::Organisation);
    policy::may(actor, Action::RunSurveys, on)?;
    if let Some(org) = organisation {
        kuza_accounts::organisations::get(&app.db, org).await?;
    }
    let default = c.default;
    if c.title
        .get(default.code())
        .is_none_or(|t| t.trim().is_empty())
    {
        return Err(AppError::invalid(
            format!("title.{}", default.code()),
            "required",
        ));
    }
    let title: Translated = c
        .title
        .into_iter()
        .filter(|(l, t)| Language::parse(l).is_some() && !t.trim().is_empty())
        .map(|(l, t)| (l, t.trim().chars().take(200).collect()))
        .collect();
    let txn = kuza_db::begin_write(&app.db).await?;
    let s = needs::create(
        &txn,
        New {
            organisation,
            title,
            audience: c.audience,
            default,
            created_by: a.id(),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(s)
}

/// A needs assessment as those who run it see it.
pub async fn get(app: &App, actor: Option<&Actor>, id: i32) -> Result<Editing, AppError> {
    let s = assessment(&app.db, id).await?;
    policy::may(actor, Action::RunSurveys, on(&s))?;
    editing(&app.db, None, s).await
}

/// Changes a needs assessment: its form (as [`crate::surveys::Change`]
/// says; `required` and `months` are a course's), whether answers are
/// read without names, its title and audience, and whether it is closed.
pub async fn change(
    app: &App,
    actor: Option<&Actor>,
    id: i32,
    change: Change,
    details: Details,
) -> Result<Editing, AppError> {
    if change.required.is_some() {
        return Err(AppError::invalid("required", "not_an_evaluation"));
    }
    if change.months.is_some() {
        return Err(AppError::invalid("months", "months_invalid"));
    }
    if let Some(t) = &details.title
        && t.values().all(|v| v.trim().is_empty())
    {
        return Err(AppError::invalid("title", "required"));
    }
    let txn = kuza_db::begin_write(&app.db).await?;
    let s = assessment(&txn, id).await?;
    policy::may(actor, Action::RunSurveys, on(&s))?;
    let s = change_form(&txn, s, &change).await?;
    let s = kuza_surveys::set_flags(&txn, s, None, change.anonymous, None).await?;
    let s = needs::set_details(&txn, s, details).await?;
    let out = editing(&txn, None, s).await?;
    txn.commit().await?;
    Ok(out)
}

/// How many invitations a transaction queues (the next page follows).
const INVITE_PAGE: u64 = 500;

/// Emails the invitation to a members' assessment that is open to those it
/// is addressed to who have not submitted it, each in their language, once
/// per person (asking again reaches only those not emailed yet); returns
/// how many were queued.
pub async fn invite_members(app: &App, actor: Option<&Actor>, id: i32) -> Result<usize, AppError> {
    let s = assessment(&app.db, id).await?;
    policy::may(actor, Action::RunSurveys, on(&s))?;
    if s.audience != Some(SurveyAudience::Members) || !needs::is_open(&s) {
        return Err(AppError::Conflict {
            code: "survey_not_open_to_members",
            detail: "only an open survey for members is emailed to them".into(),
        });
    }
    let title = needs::title(&s);
    let mut queued = 0;
    let mut after = 0;
    loop {
        let people = needs::yet_to_answer(&app.db, &s, after, INVITE_PAGE).await?;
        let Some(last) = people.last() else {
            break;
        };
        after = last.id;
        let txn = kuza_db::begin_write(&app.db).await?;
        for u in &people {
            let lang = crate::mail::language_of(u);
            let (title, _) = kuza_courses::pick(&title, lang.code(), &s.default_language);
            let msg = kuza_mail::Outgoing::notice(
                "needs_invitation",
                &u.email,
                &u.display_name,
                lang,
                serde_json::json!({
                    "title": title,
                    "link": app.link(&format!("/surveys/{}?lang={}", s.id, lang.code())),
                }),
            );
            let key = format!("needs_invitation:{}:{}", s.id, u.id);
            if kuza_mail::enqueue_once(&txn, &msg, &key).await? {
                queued += 1;
            }
        }
        txn.commit().await?;
    }
    Ok(queued)
}

/// Whether the actor may answer: anyone for a public assessment; for a
/// members' one, someone signed in who is a confirmed member of its
/// organisation (anyone signed in, for the instance's).
fn may_answer(actor: Option<&Actor>, s: &Survey) -> Result<(), AppError> {
    if s.audience == Some(SurveyAudience::Public) {
        return Ok(());
    }
    let a = policy::signed_in(actor)?;
    match s.organisation_id {
        None => Ok(()),
        Some(org)
            if a.user.organisation_id == Some(org)
                && a.user.organisation_confirmed_at.is_some() =>
        {
            Ok(())
        }
        Some(_) => Err(AppError::Refused {
            code: "not_a_member",
            detail: "this survey is for the members of another organisation".into(),
        }),
    }
}

/// A published assessment the actor may answer (a draft is not found).
async fn answerable(
    conn: &impl ConnectionTrait,
    actor: Option<&Actor>,
    id: i32,
) -> Result<Survey, AppError> {
    let s = assessment(conn, id).await?;
    if s.version == 0 {
        return Err(AppError::NotFound);
    }
    may_answer(actor, &s)?;
    Ok(s)
}

/// What names the response of someone not signed in: its id, signed.
pub fn response_token(app: &App, r: &Response) -> String {
    format!(
        "{}.{}",
        r.id,
        crate::signing::sign(&app.secret, &response_message(r))
    )
}

fn response_message(r: &Response) -> String {
    format!("survey-response:{}:{}:{}", r.id, r.survey_id, r.started_at)
}

/// The response a token names, if its signature holds, it is of survey
/// `s` and no one signed in owns it.
async fn response_of_token(
    app: &App,
    conn: &impl ConnectionTrait,
    s: &Survey,
    token: Option<&str>,
) -> Result<Option<Response>, AppError> {
    let Some((id, sig)) = token.and_then(|t| t.split_once('.')) else {
        return Ok(None);
    };
    let Ok(id) = id.parse::<i32>() else {
        return Ok(None);
    };
    Ok(kuza_surveys::response_by_id(conn, id).await?.filter(|r| {
        r.survey_id == s.id
            && r.user_id.is_none()
            && crate::signing::holds(&app.secret, &response_message(r), sig)
    }))
}

/// The respondent's response so far: a signed-in person's own, or the
/// one the token of someone not signed in names.
async fn existing(
    app: &App,
    conn: &impl ConnectionTrait,
    actor: Option<&Actor>,
    s: &Survey,
    token: Option<&str>,
) -> Result<Option<Response>, AppError> {
    match actor {
        Some(a) => Ok(kuza_surveys::response_of(conn, s.id, a.id()).await?),
        None => response_of_token(app, conn, s, token).await,
    }
}

/// Who answers: someone signed in, or not (with the token of the response
/// they started, if they did).
#[derive(Debug, Clone, Copy)]
pub struct Visitor<'a> {
    pub actor: Option<&'a Actor>,
    pub token: Option<&'a str>,
}

/// A needs assessment as its respondent answers it, with their answers so
/// far; `open` says whether it still takes answers.
pub async fn to_answer(app: &App, v: Visitor<'_>, id: i32) -> Result<(Answering, bool), AppError> {
    let Visitor { actor, token } = v;
    let s = answerable(&app.db, actor, id).await?;
    let r = existing(app, &app.db, actor, &s, token).await?;
    let open = needs::is_open(&s);
    Ok((answering(&app.db, None, s, r).await?, open))
}

/// Saves answers to a needs assessment (as [`crate::surveys::answer`]
/// does for an evaluation). Someone not signed in is given a new response
/// the first time: its token comes back, for the caller to keep.
pub async fn answer(
    app: &App,
    v: Visitor<'_>,
    id: i32,
    page: Option<usize>,
    given: &Given,
    intent: Intent,
    language: Language,
) -> Result<(Answered, Option<String>), AppError> {
    let Visitor { actor, token } = v;
    let txn = kuza_db::begin_write(&app.db).await?;
    let s = answerable(&txn, actor, id).await?;
    if !needs::is_open(&s) {
        return Err(AppError::Refused {
            code: "survey_closed",
            detail: "this survey is closed".into(),
        });
    }
    let r = match existing(app, &txn, actor, &s, token).await? {
        Some(r) => r,
        None => {
            let who = kuza_surveys::Respondent {
                user_id: actor.map(Actor::id),
                enrollment_id: None,
                course_id: None,
                cohort_id: None,
                language: language.code(),
            };
            kuza_surveys::start(&txn, &s, who).await?
        }
    };
    let out = save_answers(&txn, &r, page, given, intent, language.code()).await?;
    txn.commit().await?;
    let token =
        (actor.is_none() && r.status == ResponseStatus::Started).then(|| response_token(app, &r));
    Ok((out, token))
}

/// The open members' assessments addressed to the actor, with whether
/// they submitted each (for their home page).
pub async fn open_for(app: &App, actor: &Actor) -> Result<Vec<(Survey, bool)>, AppError> {
    let member_of = actor
        .user
        .organisation_confirmed_at
        .and(actor.user.organisation_id);
    let mut out = vec![];
    for s in needs::open_for(&app.db, member_of).await? {
        let done = kuza_surveys::submitted(&app.db, s.id, actor.id()).await?;
        out.push((s, done));
    }
    Ok(out)
}
