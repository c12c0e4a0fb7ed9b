//! Survey pages: the learner answers a course's evaluation a page at a
//! time (plain forms, no JavaScript); its editors change and publish it in
//! the studio.

use super::courses::text;
use super::reports::{Bar, bars};
use super::studio::{Form, field, translated};
use super::{Portal, Posted};
use crate::errors::PortalError;
use crate::routes::{Access, Table};
use actix_web::cookie::{Cookie, SameSite, time::Duration as CookieDuration};
use actix_web::http::Method;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use kuza_app::reports::Ask;
use kuza_app::surveys::{self, Answering, Change, Editing, Intent};
use kuza_app::{AppError, FieldProblem, export, follow_up, learning, needs};
use kuza_courses::Translated;
use kuza_db::values::Code;
use kuza_i18n::Language;
use kuza_reports::Dimension;
use kuza_reports::suppress::Mark;
use kuza_surveys::answers::Given;
use kuza_surveys::form::{Edit, Kind, Question};
use kuza_surveys::needs::Details;
use kuza_surveys::{SurveyAudience, SurveyPurpose};
use serde::Deserialize;
use serde_json::{Value, json};
use tera::Context;

pub fn routes(t: &mut Table) {
    t.page(
        Method::GET,
        "/courses/{slug}/evaluation",
        Access::Enrolled,
        evaluation_page,
    );
    t.page(
        Method::POST,
        "/courses/{slug}/evaluation",
        Access::Enrolled,
        answer_page,
    );
    t.page(
        Method::GET,
        "/surveys/answer/{token}",
        Access::SecretAddress,
        link_page,
    );
    t.page(
        Method::POST,
        "/surveys/answer/{token}",
        Access::SecretAddress,
        answer_link,
    );
    t.page(Method::GET, "/surveys/{id}", Access::Public, needs_page);
    t.page(Method::POST, "/surveys/{id}", Access::Public, needs_answer);
    t.page(
        Method::GET,
        "/surveys/{id}/edit",
        Access::SurveyRunner,
        needs_edit,
    );
    t.page(
        Method::POST,
        "/surveys/{id}/edit",
        Access::SurveyRunner,
        needs_change,
    );
    t.page(
        Method::GET,
        "/reports/evaluations",
        Access::Reports,
        results_page,
    );
    t.page(
        Method::GET,
        "/reports/evaluations.csv",
        Access::Reports,
        results_csv,
    );
    t.page(
        Method::GET,
        "/reports/evaluations.xlsx",
        Access::Reports,
        results_xlsx,
    );
    t.page(
        Method::GET,
        "/studio/courses/{id}/evaluation",
        Access::CourseEditor,
        studio_page,
    );
    t.page(
        Method::POST,
        "/studio/courses/{id}/evaluation",
        Access::CourseEditor,
        studio_change,
    );
    t.page(
        Method::GET,
        "/studio/courses/{id}/follow-up",
        Access::CourseEditor,
        studio_follow_up,
    );
    t.page(
        Method::POST,
        "/studio/courses/{id}/follow-up",
        Access::CourseEditor,
        studio_follow_up_change,
    );
}

#[derive(Deserialize)]
struct PageQuery {
    page: Option<usize>,
    missing: Option<String>,
}

/// A question as the answering page draws it, with the answers given.
fn question_json(q: &Question, lang: Language, default: &str, given: &Given) -> Value {
    let values = given.get(&q.id).cloned().unwrap_or_default();
    let options: Vec<Value> = q
        .options
        .iter()
        .enumerate()
        .map(|(i, o)| {
            // A scale's answer is its point (1…n); a choice's, its index.
            let value = if q.kind == Kind::Likert { i + 1 } else { i };
            json!({ "value": value.to_string(), "label": text(o, lang, default),
                    "checked": values.contains(&value.to_string()) })
        })
        .collect();
    let points: Vec<Value> = (0..=10)
        .map(|n: usize| json!({ "value": n.to_string(), "checked": values.contains(&n.to_string()) }))
        .collect();
    json!({
        "id": q.id, "kind": q.kind.code(), "required": q.required,
        "text": text(&q.text, lang, default), "options": options, "points": points,
        "value": values.first().cloned().unwrap_or_default(),
        "min": q.min, "max": q.max,
    })
}

fn answering_context(portal: &Portal, a: &Answering, page: usize, action: &str) -> Context {
    let lang = portal.lang;
    let default = a.survey.default_language.as_str();
    let mut ctx = Context::new();
    ctx.insert("action", action);
    ctx.insert("purpose", &kuza_db::values::Code::code(&a.survey.purpose));
    let course = a.course.as_ref().map(|c| {
        let titles: Translated = serde_json::from_str(&c.title).unwrap_or_default();
        json!({ "slug": c.slug, "title": text(&titles, lang, &c.default_language) })
    });
    ctx.insert("course", &course);
    ctx.insert(
        "survey_title",
        &text(&kuza_surveys::needs::title(&a.survey), lang, default),
    );
    ctx.insert("open", &true);
    let section = a.form.sections.get(page);
    ctx.insert(
        "section",
        &json!({
            "title": section.map(|s| text(&s.title, lang, default)),
            "questions": section.map(|s| s.questions.iter().map(|q| question_json(q, lang, default, &a.given)).collect::<Vec<_>>()).unwrap_or_default(),
        }),
    );
    ctx.insert("page", &page);
    ctx.insert("pages", &a.form.sections.len());
    ctx.insert("last", &(page + 1 >= a.form.sections.len()));
    ctx.insert("submitted", &a.submitted());
    ctx.insert("anonymous", &a.survey.anonymous);
    ctx.insert("errors", &serde_json::Map::new());
    ctx.insert("error_count", &0);
    ctx
}

/// Where a survey is answered: a learner's course evaluation (signed in),
/// a follow-up through its emailed link (signed out), or a needs
/// assessment (signed in, or through its public link with the response
/// kept in a signed cookie).
enum Answer {
    Evaluation { course_id: i32, slug: String },
    Link(String),
    Needs { id: i32, token: Option<String> },
}

/// The cookie that keeps which response of a public survey is this
/// browser's (its path is the survey's).
fn response_cookie_name(survey_id: i32) -> String {
    format!("kuza_survey_{survey_id}")
}

fn response_cookie(portal: &Portal, survey_id: i32, token: String) -> Cookie<'static> {
    Cookie::build(response_cookie_name(survey_id), token)
        .path(format!("/surveys/{survey_id}"))
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(portal.state.settings.secure_cookies())
        .max_age(CookieDuration::days(60))
        .finish()
}

impl Answer {
    async fn of(portal: &Portal, slug_or_token: &str, link: bool) -> Result<Answer, PortalError> {
        if link {
            return Ok(Answer::Link(slug_or_token.to_owned()));
        }
        let p = learning::published(&portal.state.app, slug_or_token).await?;
        Ok(Answer::Evaluation {
            course_id: p.0.id,
            slug: p.0.slug.clone(),
        })
    }

    fn needs(req: &HttpRequest, id: i32) -> Answer {
        Answer::Needs {
            id,
            token: req
                .cookie(&response_cookie_name(id))
                .map(|c| c.value().to_owned()),
        }
    }

    fn path(&self) -> String {
        match self {
            Answer::Evaluation { slug, .. } => format!("/courses/{slug}/evaluation"),
            Answer::Link(token) => format!("/surveys/answer/{token}"),
            Answer::Needs { id, .. } => format!("/surveys/{id}"),
        }
    }

    /// The survey with the answers so far, and whether it takes answers.
    async fn load(&self, portal: &Portal) -> Result<(Answering, bool), AppError> {
        let app = &portal.state.app;
        match self {
            Answer::Evaluation { course_id, .. } => Ok((
                surveys::to_answer(app, portal.actor(), *course_id).await?,
                true,
            )),
            Answer::Link(token) => Ok((follow_up::by_link(app, token).await?, true)),
            Answer::Needs { id, token } => {
                let v = needs::Visitor {
                    actor: portal.actor(),
                    token: token.as_deref(),
                };
                needs::to_answer(app, v, *id).await
            }
        }
    }

    /// Saves the page; a new response of someone not signed in comes
    /// with the token to keep.
    async fn save(
        &self,
        portal: &Portal,
        page: usize,
        given: &Given,
        intent: Intent,
    ) -> Result<(surveys::Answered, Option<String>), AppError> {
        let app = &portal.state.app;
        let answered = match self {
            Answer::Evaluation { course_id, .. } => {
                surveys::answer(
                    app,
                    portal.actor(),
                    *course_id,
                    Some(page),
                    given,
                    intent,
                    portal.lang,
                )
                .await
            }
            Answer::Link(token) => {
                follow_up::answer_by_link(app, token, Some(page), given, intent, portal.lang).await
            }
            Answer::Needs { id, token } => {
                let v = needs::Visitor {
                    actor: portal.actor(),
                    token: token.as_deref(),
                };
                return needs::answer(app, v, *id, Some(page), given, intent, portal.lang).await;
            }
        };
        Ok((answered?, None))
    }

    /// Where a submission leads.
    fn done(&self) -> String {
        match self {
            Answer::Evaluation { slug, .. } => {
                format!("/courses/{slug}?notice=eval-notice-submitted")
            }
            Answer::Link(token) => format!("/surveys/answer/{token}"),
            Answer::Needs { id, .. } => format!("/surveys/{id}"),
        }
    }
}

/// A link that does not open the form: a clear page, nothing stored.
fn link_refused(portal: &Portal, e: AppError) -> Result<HttpResponse, PortalError> {
    let (status, key) = match &e {
        AppError::Refused {
            code: "link_expired",
            ..
        } => (StatusCode::GONE, "survey-link-expired"),
        AppError::Refused {
            code: "link_invalid",
            ..
        }
        | AppError::NotFound => (StatusCode::NOT_FOUND, "survey-link-invalid"),
        _ => return Err(e.into()),
    };
    let mut ctx = Context::new();
    ctx.insert("message", key);
    portal.render_status(status, "survey_link.html", &mut ctx)
}

async fn evaluation_page(
    portal: Portal,
    slug: web::Path<String>,
    q: web::Query<PageQuery>,
) -> Result<HttpResponse, PortalError> {
    let at = Answer::of(&portal, &slug, false).await?;
    show(portal, at, q.into_inner()).await
}

async fn link_page(
    portal: Portal,
    token: web::Path<String>,
    q: web::Query<PageQuery>,
) -> Result<HttpResponse, PortalError> {
    let at = Answer::of(&portal, &token, true).await?;
    show(portal, at, q.into_inner()).await
}

async fn show(portal: Portal, at: Answer, q: PageQuery) -> Result<HttpResponse, PortalError> {
    let (a, open) = match at.load(&portal).await {
        Ok(a) => a,
        Err(e) if matches!(at, Answer::Link(_)) => return link_refused(&portal, e),
        Err(e) => return Err(e.into()),
    };
    let page = a.page(q.page);
    let mut ctx = answering_context(&portal, &a, page, &at.path());
    ctx.insert("open", &open);
    if let Some(id) = &q.missing {
        let bad = [FieldProblem::new(id.clone(), "answer_required")];
        ctx.insert("errors", &portal.field_errors(&bad));
        ctx.insert("error_count", &1);
    }
    portal.render("evaluation.html", ctx)
}

async fn needs_page(
    portal: Portal,
    req: HttpRequest,
    id: web::Path<i32>,
    q: web::Query<PageQuery>,
) -> Result<HttpResponse, PortalError> {
    show(portal, Answer::needs(&req, *id), q.into_inner()).await
}

async fn needs_answer(
    posted: Posted<Vec<(String, String)>>,
    req: HttpRequest,
    id: web::Path<i32>,
) -> Result<HttpResponse, PortalError> {
    save(posted, Answer::needs(&req, *id)).await
}

async fn answer_page(
    posted: Posted<Vec<(String, String)>>,
    slug: web::Path<String>,
) -> Result<HttpResponse, PortalError> {
    let at = Answer::of(&posted.portal, &slug, false).await?;
    save(posted, at).await
}

async fn answer_link(
    posted: Posted<Vec<(String, String)>>,
    token: web::Path<String>,
) -> Result<HttpResponse, PortalError> {
    let at = Answer::of(&posted.portal, &token, true).await?;
    save(posted, at).await
}

async fn save(
    posted: Posted<Vec<(String, String)>>,
    at: Answer,
) -> Result<HttpResponse, PortalError> {
    let mut portal = posted.portal;
    let mut given = Given::new();
    let mut page = 0;
    let mut intent = Intent::Save;
    for (k, v) in posted.form {
        if let Some(id) = k.strip_prefix("q:") {
            given.entry(id.to_owned()).or_default().push(v);
        } else if k == "page" {
            page = v.parse().unwrap_or(0);
        } else if k == "intent" {
            intent = match v.as_str() {
                "back" => Intent::Back,
                "next" => Intent::Next,
                "submit" => Intent::Submit,
                _ => Intent::Save,
            };
        }
    }
    let here = at.path();
    let saved = at.save(&portal, page, &given, intent).await;
    if let (Ok((_, Some(token))), Answer::Needs { id, .. }) = (&saved, &at) {
        let c = response_cookie(&portal, *id, token.clone());
        portal.set_cookie(c);
    }
    match saved.map(|(done, _)| done) {
        Ok(done) if done.submitted => Ok(portal.redirect(&at.done())),
        Ok(done) => {
            let missing = done
                .missing
                .map(|id| format!("&missing={id}"))
                .unwrap_or_default();
            let notice = if intent == Intent::Save {
                "&notice=eval-notice-saved"
            } else {
                ""
            };
            Ok(portal.redirect(&format!("{here}?page={}{missing}{notice}", done.page)))
        }
        Err(AppError::Invalid(bad)) => {
            // The page again with what was given and what is wrong;
            // nothing of it was kept.
            let (mut a, _) = at.load(&portal).await?;
            for (id, v) in given {
                a.given.insert(id, v);
            }
            let mut ctx = answering_context(&portal, &a, a.page(Some(page)), &here);
            ctx.insert("errors", &portal.field_errors(&bad));
            ctx.insert("error_count", &bad.len());
            portal.render_invalid("evaluation.html", ctx)
        }
        // Submitted already, or closed meanwhile: the page says so.
        Err(AppError::Conflict {
            code: "response_submitted",
            ..
        })
        | Err(AppError::Refused {
            code: "survey_closed",
            ..
        }) => Ok(portal.redirect(&here)),
        Err(e) if matches!(at, Answer::Link(_)) => link_refused(&portal, e),
        Err(e) => Err(e.into()),
    }
}

/// Which survey an editor page edits: a course's evaluation or follow-up
/// (in the studio), or a needs assessment.
#[derive(Debug, Clone, Copy)]
enum Editor {
    Course(i32, SurveyPurpose),
    Needs(i32),
}

impl Editor {
    fn path(self) -> String {
        match self {
            Editor::Course(id, SurveyPurpose::FollowUp) => {
                format!("/studio/courses/{id}/follow-up")
            }
            Editor::Course(id, _) => format!("/studio/courses/{id}/evaluation"),
            Editor::Needs(id) => format!("/surveys/{id}/edit"),
        }
    }

    async fn load(self, portal: &Portal) -> Result<Editing, AppError> {
        let app = &portal.state.app;
        match self {
            Editor::Course(id, purpose) => {
                surveys::course_survey(app, portal.actor(), id, purpose).await
            }
            Editor::Needs(id) => needs::get(app, portal.actor(), id).await,
        }
    }

    async fn change(
        self,
        portal: &Portal,
        change: Change,
        details: Details,
    ) -> Result<Editing, AppError> {
        let app = &portal.state.app;
        match self {
            Editor::Course(id, purpose) => {
                surveys::change_course_survey(app, portal.actor(), id, purpose, change).await
            }
            Editor::Needs(id) => needs::change(app, portal.actor(), id, change, details).await,
        }
    }
}

fn studio_context(portal: &Portal, editor: Editor, e: &Editing) -> Context {
    let lang = portal.lang;
    let (default, all) = kuza_surveys::languages(&e.survey);
    let d = default.code();
    let mut ctx = Context::new();
    let in_form: Vec<&str> = e.draft.questions().map(|q| q.id.as_str()).collect();
    let sections: Vec<Value> = e
        .draft
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| {
            json!({
                "index": i,
                "title": text(&s.title, lang, d),
                "questions": s.questions.iter().map(|q| json!({
                    "id": q.id, "kind": q.kind.code(), "required": q.required,
                    "bank": q.bank.is_some(), "text": text(&q.text, lang, d),
                    "options": q.options.iter().map(|o| text(o, lang, d)).collect::<Vec<_>>(),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let bank: Vec<Value> = e
        .bank
        .iter()
        .filter(|b| !in_form.contains(&b.key.as_str()))
        .map(|b| json!({ "key": b.key, "text": text(&b.question.text, lang, d) }))
        .collect();
    let languages: Vec<Value> = all
        .iter()
        .map(|l| json!({ "code": l.code(), "name": l.native_name(), "dir": l.dir(), "default": *l == default }))
        .collect();
    // Where it belongs (its course, or the list of assessments) and where
    // its results are read.
    let (back, results) = match &e.course {
        Some(c) => {
            let titles: Translated = serde_json::from_str(&c.title).unwrap_or_default();
            let purpose = match e.survey.purpose {
                SurveyPurpose::Evaluation => String::new(),
                p => format!("&purpose={}", kuza_db::values::Code::code(&p)),
            };
            (
                json!({ "href": format!("/studio/courses/{}", c.id), "title": text(&titles, lang, &c.default_language) }),
                format!("/reports/evaluations?course={}{purpose}", c.id),
            )
        }
        None => (
            json!({ "href": "/surveys", "title": text(&kuza_surveys::needs::title(&e.survey), lang, d) }),
            format!("/reports/evaluations?survey={}", e.survey.id),
        ),
    };
    ctx.insert("back", &back);
    ctx.insert("results", &results);
    ctx.insert("purpose", &kuza_db::values::Code::code(&e.survey.purpose));
    ctx.insert("action", &editor.path());
    let titles = kuza_surveys::needs::title(&e.survey);
    ctx.insert(
        "titles",
        &all.iter()
            .map(|l| (l.code(), titles.get(l.code()).cloned().unwrap_or_default()))
            .collect::<std::collections::BTreeMap<_, _>>(),
    );
    ctx.insert(
        "survey",
        &json!({
            "version": e.survey.version, "changed": e.changed, "required": e.survey.required,
            "anonymous": e.survey.anonymous,
            "months": e.survey.months.unwrap_or(kuza_surveys::invitations::DEFAULT_MONTHS),
            "started": e.started, "submitted": e.submitted,
            "audience": e.survey.audience.map(|a| kuza_db::values::Code::code(&a)),
            "open": kuza_surveys::needs::is_open(&e.survey),
            "closed": e.survey.closed_at.is_some(),
            "link": portal.state.app.link(&format!("/surveys/{}", e.survey.id)),
        }),
    );
    ctx.insert("sections", &sections);
    ctx.insert("bank", &bank);
    ctx.insert("languages", &languages);
    ctx.insert(
        "kinds",
        &Kind::ALL.iter().map(|k| k.code()).collect::<Vec<_>>(),
    );
    ctx.insert("errors", &serde_json::Map::new());
    ctx.insert("error_count", &0);
    ctx
}

/// `?edit=q3`: the editor with that question of the survey's own in the
/// question form, to change it.
#[derive(Deserialize)]
struct EditQuery {
    edit: Option<String>,
}

async fn studio_page(
    portal: Portal,
    id: web::Path<i32>,
    q: web::Query<EditQuery>,
) -> Result<HttpResponse, PortalError> {
    let editor = Editor::Course(*id, SurveyPurpose::Evaluation);
    studio_show(portal, editor, q.into_inner()).await
}

async fn studio_follow_up(
    portal: Portal,
    id: web::Path<i32>,
    q: web::Query<EditQuery>,
) -> Result<HttpResponse, PortalError> {
    let editor = Editor::Course(*id, SurveyPurpose::FollowUp);
    studio_show(portal, editor, q.into_inner()).await
}

async fn needs_edit(
    portal: Portal,
    id: web::Path<i32>,
    q: web::Query<EditQuery>,
) -> Result<HttpResponse, PortalError> {
    studio_show(portal, Editor::Needs(*id), q.into_inner()).await
}

async fn studio_show(
    portal: Portal,
    editor: Editor,
    q: EditQuery,
) -> Result<HttpResponse, PortalError> {
    let e = editor.load(&portal).await?;
    let mut ctx = studio_context(&portal, editor, &e);
    // A question of the survey's own, in the question form's fields.
    if let Some((_, question)) = q.edit.as_deref().and_then(|id| e.draft.find(id))
        && question.bank.is_none()
    {
        let (_, languages) = kuza_surveys::languages(&e.survey);
        let mut values: std::collections::HashMap<String, String> = Default::default();
        values.insert("kind".into(), question.kind.code().into());
        if question.required {
            values.insert("required".into(), "on".into());
        }
        for l in &languages {
            let c = l.code();
            if let Some(t) = question.text.get(c) {
                values.insert(format!("text_{c}"), t.clone());
            }
            let lines: Vec<&str> = question
                .options
                .iter()
                .filter_map(|o| o.get(c).map(String::as_str))
                .collect();
            values.insert(format!("options_{c}"), lines.join("\n"));
        }
        for (name, b) in [("min", question.min), ("max", question.max)] {
            if let Some(b) = b {
                values.insert(name.into(), b.to_string());
            }
        }
        ctx.insert("values", &values);
        ctx.insert("editing", &question.id);
    }
    portal.render("studio_evaluation.html", ctx)
}

/// The options of a new question: one per line, per language.
fn options_of(f: &Form, languages: &[Language]) -> Vec<Translated> {
    let mut out: Vec<Translated> = vec![];
    for l in languages {
        for (i, line) in field(f, &format!("options_{}", l.code()))
            .lines()
            .map(str::trim)
            .filter(|x| !x.is_empty())
            .enumerate()
        {
            if out.len() <= i {
                out.push(Translated::new());
            }
            out[i].insert(l.code().to_owned(), line.to_owned());
        }
    }
    out
}

fn bound(f: &Form, name: &str, bad: &mut Vec<FieldProblem>) -> Option<f64> {
    let v = field(f, name).trim();
    if v.is_empty() {
        return None;
    }
    v.parse().map_or_else(
        |_| {
            bad.push(FieldProblem::new(name, "bounds_invalid"));
            None
        },
        Some,
    )
}

/// The new question the fields of `question_fields.html` give (its id
/// left to the caller).
pub(super) fn question_of(
    f: &Form,
    languages: &[Language],
    bad: &mut Vec<FieldProblem>,
) -> Question {
    Question {
        id: String::new(),
        bank: None,
        kind: Kind::parse(field(f, "kind")).unwrap_or(Kind::ShortText),
        required: !field(f, "required").is_empty(),
        text: translated(f, "text"),
        options: options_of(f, languages),
        min: bound(f, "min", bad),
        max: bound(f, "max", bad),
    }
}

/// A new question's problem (at `sections[i].questions[j].text.fr`) as
/// the field of the form that added it (`text_fr`, `options`, `min`).
pub(super) fn studio_field(p: &FieldProblem) -> FieldProblem {
    let f = &p.field;
    let name = if let Some((_, lang)) = f.split_once(".text.") {
        format!("text_{lang}")
    } else if f.contains(".options") {
        "options".to_owned()
    } else {
        f.rsplit('.').next().unwrap_or(f).to_owned()
    };
    FieldProblem::new(name, p.code)
}

async fn studio_change(
    posted: Posted<Form>,
    id: web::Path<i32>,
) -> Result<HttpResponse, PortalError> {
    studio_apply(posted, Editor::Course(*id, SurveyPurpose::Evaluation)).await
}

async fn studio_follow_up_change(
    posted: Posted<Form>,
    id: web::Path<i32>,
) -> Result<HttpResponse, PortalError> {
    studio_apply(posted, Editor::Course(*id, SurveyPurpose::FollowUp)).await
}

async fn needs_change(
    posted: Posted<Form>,
    id: web::Path<i32>,
) -> Result<HttpResponse, PortalError> {
    studio_apply(posted, Editor::Needs(*id)).await
}

/// One change from the editor page: `action` says which.
async fn studio_apply(posted: Posted<Form>, editor: Editor) -> Result<HttpResponse, PortalError> {
    let portal = posted.portal;
    let f = &posted.form;
    let e = editor.load(&portal).await?;
    let purpose = e.survey.purpose;
    let mut details = Details::default();
    let (_, languages) = kuza_surveys::languages(&e.survey);
    let section: usize = field(f, "section").parse().unwrap_or(0);
    let question = field(f, "question").to_owned();
    let mut bad = vec![];
    let change = match field(f, "action") {
        "settings" => Change {
            required: (purpose == SurveyPurpose::Evaluation)
                .then(|| !field(f, "required").is_empty()),
            anonymous: Some(!field(f, "anonymous").is_empty()),
            months: if purpose == SurveyPurpose::FollowUp {
                match field(f, "months").trim().parse() {
                    Ok(m) => Some(m),
                    Err(_) => {
                        bad.push(FieldProblem::new("months", "months_invalid"));
                        None
                    }
                }
            } else {
                None
            },
            ..Change::default()
        },
        "publish" => Change {
            publish: true,
            ..Change::default()
        },
        // A needs assessment's title and audience; closing and reopening it.
        "details" => {
            details.title = Some(translated(f, "title"));
            details.audience = SurveyAudience::parse(field(f, "audience"));
            Change::default()
        }
        // Emails the members (who have not been yet).
        "invite" => {
            let Editor::Needs(id) = editor else {
                return Err(AppError::BadInput("unknown action".into()).into());
            };
            needs::invite_members(&portal.state.app, portal.actor(), id).await?;
            return Ok(portal.redirect(&format!("{}?notice=needs-notice-invited", editor.path())));
        }
        "close" | "reopen" => {
            details.closed = Some(field(f, "action") == "close");
            Change::default()
        }
        // A question of the survey's own, changed whole (same id).
        "replace" => {
            let mut q = question_of(f, &languages, &mut bad);
            q.id = question.clone();
            Change {
                edit: Some(Edit::Replace(q)),
                ..Change::default()
            }
        }
        "add" => {
            let q = question_of(f, &languages, &mut bad);
            Change {
                edit: Some(Edit::Add(section, surveys::new_question(&e.draft, q))),
                ..Change::default()
            }
        }
        "bank" => match surveys::bank_question(&e, field(f, "key")) {
            Some(q) => Change {
                edit: Some(Edit::AddFromBank(section, q)),
                ..Change::default()
            },
            None => {
                return Err(AppError::Invalid(vec![FieldProblem::new(
                    "key",
                    "bank_question_unknown",
                )])
                .into());
            }
        },
        "section" => Change {
            edit: Some(Edit::AddSection(translated(f, "title"))),
            ..Change::default()
        },
        "remove_section" => Change {
            edit: Some(Edit::RemoveSection(section)),
            ..Change::default()
        },
        "required" => {
            let Some((_, q)) = e.draft.find(&question) else {
                return Err(AppError::NotFound.into());
            };
            Change {
                edit: Some(Edit::Replace(Question {
                    required: !q.required,
                    ..q.clone()
                })),
                ..Change::default()
            }
        }
        "remove" => Change {
            edit: Some(Edit::Remove(question)),
            ..Change::default()
        },
        "up" | "down" => Change {
            edit: Some(Edit::Move(question, field(f, "action") == "up")),
            ..Change::default()
        },
        _ => return Err(AppError::BadInput("unknown action".into()).into()),
    };
    let result = if bad.is_empty() {
        editor.change(&portal, change, details).await
    } else {
        Err(AppError::Invalid(bad))
    };
    match result {
        Ok(_) => Ok(portal.redirect(&format!("{}?notice=studio-saved", editor.path()))),
        Err(AppError::Invalid(bad)) => {
            let mut ctx = studio_context(&portal, editor, &e);
            let shown: Vec<FieldProblem> = bad.iter().map(studio_field).collect();
            ctx.insert("errors", &portal.field_errors(&shown));
            ctx.insert("error_count", &bad.len());
            ctx.insert("values", f);
            portal.render_invalid("studio_evaluation.html", ctx)
        }
        Err(e) => Err(e.into()),
    }
}

/// The groupings a results page offers.
const GROUPINGS: [Dimension; 15] = [
    Dimension::Cohort,
    Dimension::Month,
    Dimension::Quarter,
    Dimension::Year,
    Dimension::Country,
    Dimension::Region,
    Dimension::SubRegion,
    Dimension::Ldc,
    Dimension::Lldc,
    Dimension::Sids,
    Dimension::Gender,
    Dimension::AgeBand,
    Dimension::OrganisationKind,
    Dimension::Course,
    Dimension::Provider,
];

fn results_ask(req: &HttpRequest) -> Result<Ask, AppError> {
    web::Query::<Ask>::from_query(req.query_string())
        .map(web::Query::into_inner)
        .map_err(|e| AppError::BadInput(e.to_string()))
}

/// The evaluation results page: the response rates, a chart per question
/// (its answers for everyone), the figures by group as a table, the free
/// text for those who may read it; the same table as CSV and XLSX.
async fn results_page(portal: Portal, req: HttpRequest) -> Result<HttpResponse, PortalError> {
    let ask = results_ask(&req)?;
    let mut ctx = Context::new();
    ctx.insert("form", &ask);
    ctx.insert(
        "groupings",
        &GROUPINGS.iter().map(|d| d.code()).collect::<Vec<_>>(),
    );
    ctx.insert("query", req.query_string());
    ctx.insert("errors", &serde_json::Map::new());
    ctx.insert("error_count", &0);
    let app = &portal.state.app;
    let p = match surveys::evaluation_results(app, portal.actor(), &ask, portal.lang).await {
        Ok(p) => p,
        Err(AppError::BadQuery(problems)) => {
            ctx.insert("title", &portal.t("results-title-evaluation", &[]));
            ctx.insert("errors", &portal.field_errors(&problems));
            ctx.insert("error_count", &problems.len());
            return portal.render_status(
                StatusCode::BAD_REQUEST,
                "evaluation_results.html",
                &mut ctx,
            );
        }
        Err(e) => return Err(e.into()),
    };
    let sheet = surveys::results_sheet(app, &p, portal.lang);
    let r = &p.results;
    let total = r.respondents.len() - 1;
    let default = p.default_language();
    let shown = |v: Option<u64>| match r.marks[total] {
        Mark::Small => format!("<{}", r.threshold),
        Mark::Hidden => "x".into(),
        Mark::Shown => v.map_or("—".into(), |n| n.to_string()),
    };
    let questions: Vec<Value> = r
        .questions
        .iter()
        .filter(|q| !q.question.kind.is_text())
        .map(|q| {
            let text = text(&q.question.text, portal.lang, &default);
            let items: Vec<Bar> = q
                .options
                .iter()
                .enumerate()
                .map(|(i, o)| {
                    let label = match q.question.kind {
                        Kind::Rating => i.to_string(),
                        _ => {
                            kuza_courses::pick(&q.question.options[i], portal.lang.code(), &default)
                                .0
                                .to_owned()
                        }
                    };
                    Bar {
                        label,
                        lang: None,
                        value: o[total].map(|n| n as f64),
                        shown: shown(o[total]),
                    }
                })
                .collect();
            let max = items.iter().filter_map(|b| b.value).fold(0.0, f64::max);
            let chart = bars(
                &portal,
                &items,
                max,
                text["text"].as_str().unwrap_or_default().to_owned(),
            );
            json!({
                "id": q.question.id, "text": text, "chart": chart,
                "answered": shown(q.answered[total]),
                "mean": q.mean[total].map(|m| format!("{m:.1}")),
                "nps": q.nps[total].map(|m| format!("{m:.0}")),
            })
        })
        .collect();
    let texts: Option<Vec<Value>> = p.texts.as_ref().map(|list| {
        r.questions
            .iter()
            .filter(|q| q.question.kind.is_text())
            .map(|q| {
                let answers: Vec<Value> = list
                    .iter()
                    .filter(|(t, _)| t.question == q.question.id)
                    .map(|(t, name)| json!({ "text": t.text, "on": super::learning::date(t.submitted_at), "name": name }))
                    .collect();
                json!({ "text": text(&q.question.text, portal.lang, &default), "answers": answers })
            })
            .collect()
    });
    ctx.insert("title", &sheet.title);
    ctx.insert("notes", &sheet.notes);
    ctx.insert("header", &sheet.header);
    ctx.insert(
        "rows",
        &sheet
            .rows
            .iter()
            .map(|row| row.iter().map(|c| c.shown().to_owned()).collect::<Vec<_>>())
            .collect::<Vec<_>>(),
    );
    ctx.insert("questions", &questions);
    ctx.insert("texts", &texts);
    ctx.insert("anonymous", &p.anonymous);
    ctx.insert(
        "rates",
        &json!({ "invited": p.rates.invited, "started": p.rates.started, "submitted": p.rates.submitted }),
    );
    ctx.insert("respondents", &shown(Some(r.respondents[total])));
    let purpose = p.purpose.code();
    let edit_href = match (&p.course, &p.survey) {
        (Some(c), _) => Some(Editor::Course(c.id, p.purpose).path()),
        (None, Some(s)) => Some(Editor::Needs(s.id).path()),
        (None, None) => None,
    };
    ctx.insert("edit_href", &edit_href);
    ctx.insert("purpose", &purpose);
    portal.render("evaluation_results.html", ctx)
}

async fn results_sheet(portal: &Portal, req: &HttpRequest) -> Result<export::Sheet, AppError> {
    let app = &portal.state.app;
    let p =
        surveys::evaluation_results(app, portal.actor(), &results_ask(req)?, portal.lang).await?;
    Ok(surveys::results_sheet(app, &p, portal.lang))
}

async fn results_csv(portal: Portal, req: HttpRequest) -> Result<HttpResponse, PortalError> {
    let sheet = results_sheet(&portal, &req).await?;
    Ok(crate::http::download(
        "text/csv; charset=utf-8",
        "evaluation-results.csv",
        export::csv(&sheet),
    ))
}

async fn results_xlsx(portal: Portal, req: HttpRequest) -> Result<HttpResponse, PortalError> {
    let sheet = results_sheet(&portal, &req).await?;
    let bytes = export::xlsx(&sheet).map_err(AppError::Internal)?;
    Ok(crate::http::download(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "evaluation-results.xlsx",
        bytes,
    ))
}
