//! The coordinator's side of cohorts in the studio, all plain forms: a
//! course's enrolment settings and its cohorts (`/studio/courses/{id}/
//! cohorts`), and one cohort (`/studio/cohorts/{id}`): its settings, its
//! live sessions, its roster with progress (and CSV), the waitlist, and
//! removing a learner with a message. Course editors and administrators.

use super::studio::{Form, field};
use super::{Portal, Posted};
use crate::errors::PortalError;
use crate::http::csv_download;
use crate::routes::{Access, Table};
use actix_web::http::Method;
use actix_web::{HttpResponse, web};
use kuza_app::policy::Action;
use kuza_app::{AppError, FieldProblem, cohorts, sessions};
use kuza_courses::draft::{self, Course};
use kuza_db::values::CourseStatus;
use kuza_enrollment::cohorts::{Cohort, CohortInput};
use kuza_enrollment::sessions::SessionInput;
use kuza_enrollment::{Settings, SettingsInput};
use serde_json::{Map, Value, json};
use tera::Context;

pub fn routes(t: &mut Table) {
    t.page(
        Method::GET,
        "/cohorts/{id}/report",
        Access::CohortStaff,
        report_page,
    );
    t.page(
        Method::POST,
        "/cohorts/{id}/report",
        Access::CohortStaff,
        file_report,
    );
    t.page(
        Method::POST,
        "/cohorts/{id}/report/validate",
        Access::Admin,
        validate_report,
    );
    t.page(
        Method::GET,
        "/studio/courses/{id}/cohorts",
        Access::CohortRunner,
        cohorts_page,
    );
    t.page(
        Method::POST,
        "/studio/courses/{id}/cohorts",
        Access::CohortRunner,
        create_cohort,
    );
    t.page(
        Method::POST,
        "/studio/courses/{id}/enrolment",
        Access::CourseEditor,
        save_settings,
    );
    t.page(
        Method::POST,
        "/studio/courses/{id}/partners",
        Access::CourseEditor,
        grant_places,
    );
    t.page(
        Method::POST,
        "/studio/courses/{id}/partners/{organisation}/withdraw",
        Access::CourseEditor,
        withdraw_places,
    );
    t.page(
        Method::GET,
        "/studio/cohorts/{id}",
        Access::CohortEditor,
        cohort_page,
    );
    t.page(
        Method::POST,
        "/studio/cohorts/{id}",
        Access::CohortEditor,
        update_cohort,
    );
    t.page(
        Method::POST,
        "/studio/cohorts/{id}/sessions",
        Access::CohortEditor,
        add_session,
    );
    t.page(
        Method::GET,
        "/studio/cohorts/{id}/roster.csv",
        Access::CohortEditor,
        roster_csv,
    );
    t.page(
        Method::POST,
        "/studio/enrollments/{id}/remove",
        Access::CourseEditor,
        remove,
    );
    t.page(
        Method::POST,
        "/studio/enrollments/{id}/decide",
        Access::CourseEditor,
        decide,
    );
}

/// Problems named as the form names its fields (`renames`: from, to), the
/// first one of each field kept.
fn renamed(problems: Vec<FieldProblem>, renames: &[(&str, &'static str)]) -> Vec<FieldProblem> {
    let mut out: Vec<FieldProblem> = vec![];
    for p in problems {
        let p = match renames.iter().find(|(from, _)| *from == p.field) {
            Some((_, to)) => FieldProblem::new(*to, p.code),
            None => p,
        };
        if !out.iter().any(|q| q.field == p.field) {
            out.push(p);
        }
    }
    out
}

fn day(ts: i64) -> String {
    chrono::DateTime::from_timestamp(ts, 0)
        .unwrap_or_default()
        .format("%Y-%m-%d")
        .to_string()
}

/// A `YYYY-MM-DD` field as the start (or, with `end`, the last second) of
/// that day in UTC.
fn date_field(f: &Form, name: &'static str, end: bool, bad: &mut Vec<FieldProblem>) -> Option<i64> {
    let v = field(f, name).trim();
    if v.is_empty() {
        return None;
    }
    match chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d") {
        Ok(d) => {
            let t = if end {
                d.and_hms_opt(23, 59, 59)
            } else {
                d.and_hms_opt(0, 0, 0)
            };
            t.map(|t| t.and_utc().timestamp())
        }
        Err(_) => {
            bad.push(FieldProblem::new(name, "not_a_date_time"));
            None
        }
    }
}

fn number(f: &Form, name: &'static str, bad: &mut Vec<FieldProblem>) -> Option<i32> {
    let v = field(f, name).trim();
    if v.is_empty() {
        return None;
    }
    v.parse()
        .map_err(|_| bad.push(FieldProblem::new(name, "out_of_range")))
        .ok()
}

/// Facilitators given by email, one per line or separated by commas.
async fn facilitators_of(
    portal: &Portal,
    f: &Form,
    bad: &mut Vec<FieldProblem>,
) -> Result<Vec<i32>, PortalError> {
    let emails: Vec<&str> = field(f, "facilitators")
        .split([',', '\n', ' '])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    Ok(
        match cohorts::facilitators_by_email(&portal.state.app, &emails).await? {
            Ok(ids) => ids,
            Err(_) => {
                bad.push(FieldProblem::new("facilitators", "unknown_email"));
                vec![]
            }
        },
    )
}

/// The form names its date fields by day.
const COHORT_FIELDS: [(&str, &str); 2] = [("ends_at", "ends_on"), ("closes_at", "closes_on")];

/// The cohort form as input for course `c`, or every problem with it.
async fn cohort_input(
    portal: &Portal,
    c: &Course,
    f: &Form,
) -> Result<Result<CohortInput, Vec<FieldProblem>>, PortalError> {
    let mut bad = vec![];
    let starts_at = date_field(f, "starts_on", false, &mut bad);
    let ends_at = date_field(f, "ends_on", true, &mut bad);
    if starts_at.is_none() && !bad.iter().any(|p| p.field == "starts_on") {
        bad.push(FieldProblem::new("starts_on", "required"));
    }
    if ends_at.is_none() && !bad.iter().any(|p| p.field == "ends_on") {
        bad.push(FieldProblem::new("ends_on", "required"));
    }
    let input = CohortInput {
        name: field(f, "name").to_owned(),
        language: field(f, "language").to_owned(),
        starts_at: starts_at.unwrap_or(0),
        ends_at: ends_at.unwrap_or(0),
        opens_at: date_field(f, "opens_on", false, &mut bad),
        closes_at: date_field(f, "closes_on", true, &mut bad),
        capacity: number(f, "capacity", &mut bad),
        confirm_hours: number(f, "confirm_hours", &mut bad).unwrap_or(72),
        facilitators: facilitators_of(portal, f, &mut bad).await?,
    };
    if bad.is_empty() {
        bad = renamed(cohorts::problems(c, &input), &COHORT_FIELDS);
    }
    Ok(if bad.is_empty() { Ok(input) } else { Err(bad) })
}

fn languages_json(c: &Course) -> Vec<Value> {
    draft::languages_of(c)
        .iter()
        .map(|l| json!({ "code": l.code(), "name": l.native_name() }))
        .collect()
}

async fn cohorts_context(
    portal: &Portal,
    course_id: i32,
) -> Result<(Course, Context), PortalError> {
    let app = &portal.state.app;
    let (c, summaries) = cohorts::of_course(app, portal.actor(), course_id).await?;
    let list: Vec<Value> = summaries
        .iter()
        .map(|k| {
            let x = &k.cohort;
            json!({
                "id": x.id, "name": x.name, "starts": day(x.starts_at), "ends": day(x.ends_at),
                "capacity": x.capacity, "taken": k.taken,
            })
        })
        .collect();
    // A provider's coordinator runs the cohorts; the enrolment settings,
    // applications and partner places stay with the course's editors.
    let editor = match portal.actor() {
        Some(a) => cohorts::edits(app, a, &c).await?,
        None => false,
    };
    let questions = kuza_enrollment::screening(&c);
    let applications: Vec<Value> = if editor {
        cohorts::applications(app, portal.actor(), c.id).await?
    } else {
        vec![]
    }
    .into_iter()
        .map(|a| {
            let qa: Vec<Value> = questions
                .iter()
                .zip(a.answers)
                .map(|(q, ans)| json!({ "question": kuza_courses::pick(q, portal.lang.code(), &c.default_language).0, "answer": ans }))
                .collect();
            json!({ "id": a.enrollment.id, "name": a.name, "email": a.email, "cohort": a.cohort, "answers": qa })
        })
        .collect();
    let mut ctx = Context::new();
    ctx.insert("editor", &editor);
    ctx.insert("applications", &applications);
    ctx.insert(
        "screening_text",
        &questions
            .iter()
            .filter_map(|q| q.get(&c.default_language).cloned())
            .collect::<Vec<_>>()
            .join("\n"),
    );
    ctx.insert("course", &json!({
        "id": c.id, "title": super::studio::title_in(portal, &c), "self_paced": !c.format.runs_in_cohorts(),
        "slug": (c.status == CourseStatus::Published).then_some(&c.slug),
    }));
    ctx.insert("cohorts", &list);
    ctx.insert("course_languages", &languages_json(&c));
    ctx.insert("settings", &Settings::of(&c));
    ctx.insert(
        "values",
        &json!({ "language": c.default_language, "confirm_hours": 72 }),
    );
    ctx.insert("errors", &Map::new());
    ctx.insert("settings_errors", &Map::new());
    ctx.insert("partner_errors", &Map::new());
    if !editor {
        return Ok((c, ctx));
    }
    let granted = kuza_app::partners::list(app, portal.actor(), c.id).await?;
    let partners: Vec<Value> = granted
        .iter()
        .map(|(g, org)| json!({ "id": org.id, "name": org.name, "places": g.places, "used": g.used }))
        .collect();
    ctx.insert("partners", &partners);
    let others: Vec<Value> = kuza_app::admin::all_organisations(app)
        .await?
        .into_iter()
        .filter(|o| !granted.iter().any(|(_, g)| g.id == o.id))
        .map(|o| json!({ "id": o.id, "name": o.name }))
        .collect();
    ctx.insert("organisations", &others);
    Ok((c, ctx))
}

/// Grants an organisation places (`organisation`, `places`: empty for no
/// limit) in the course.
async fn grant_places(
    posted: Posted<Form>,
    id: web::Path<i32>,
) -> Result<HttpResponse, PortalError> {
    let portal = posted.portal;
    let f = &posted.form;
    let mut bad = vec![];
    let places = number(f, "places", &mut bad);
    let organisation: Option<i32> = field(f, "organisation").trim().parse().ok();
    let result = match (organisation, bad.is_empty()) {
        (Some(org), true) => {
            kuza_app::partners::grant(&portal.state.app, portal.actor(), *id, org, places).await
        }
        (None, _) => Err(AppError::Invalid(vec![FieldProblem::new(
            "organisation",
            "required",
        )])),
        (_, false) => Err(AppError::Invalid(bad)),
    };
    match result {
        Ok(()) => Ok(portal.redirect(&format!(
            "/studio/courses/{}/cohorts?notice=studio-saved#partners",
            *id
        ))),
        Err(AppError::Invalid(bad)) => {
            let (_, mut ctx) = cohorts_context(&portal, *id).await?;
            ctx.insert("partner_errors", &portal.field_errors(&bad));
            ctx.insert("error_count", &bad.len());
            portal.render_invalid("studio_cohorts.html", ctx)
        }
        Err(e) => Err(e.into()),
    }
}

/// Withdraws an organisation's places.
async fn withdraw_places(
    posted: Posted<Form>,
    path: web::Path<(i32, i32)>,
) -> Result<HttpResponse, PortalError> {
    let portal = posted.portal;
    let (id, organisation) = path.into_inner();
    kuza_app::partners::withdraw(&portal.state.app, portal.actor(), id, organisation).await?;
    Ok(portal.redirect(&format!(
        "/studio/courses/{id}/cohorts?notice=studio-saved#partners"
    )))
}

async fn cohorts_page(portal: Portal, id: web::Path<i32>) -> Result<HttpResponse, PortalError> {
    let (_, ctx) = cohorts_context(&portal, *id).await?;
    portal.render("studio_cohorts.html", ctx)
}

async fn create_cohort(
    posted: Posted<Form>,
    id: web::Path<i32>,
) -> Result<HttpResponse, PortalError> {
    let portal = posted.portal;
    let (c, mut ctx) = cohorts_context(&portal, *id).await?;
    match cohort_input(&portal, &c, &posted.form).await? {
        Ok(input) => {
            let k = cohorts::create(&portal.state.app, portal.actor(), c.id, &input).await?;
            Ok(portal.redirect(&format!(
                "/studio/cohorts/{}?notice=studio-saved",
                k.cohort.id
            )))
        }
        Err(bad) => {
            ctx.insert("values", &posted.form);
            ctx.insert("errors", &portal.field_errors(&bad));
            ctx.insert("error_count", &bad.len());
            portal.render_invalid("studio_cohorts.html", ctx)
        }
    }
}

async fn save_settings(
    posted: Posted<Form>,
    id: web::Path<i32>,
) -> Result<HttpResponse, PortalError> {
    let portal = posted.portal;
    let (c, mut ctx) = cohorts_context(&portal, *id).await?;
    let f = &posted.form;
    let mut bad = vec![];
    let input = SettingsInput {
        enrolment: field(f, "enrolment").to_owned(),
        enrolment_key: Some(field(f, "enrolment_key").to_owned()),
        enrolment_cap: number(f, "enrolment_cap", &mut bad),
        grade_policy: field(f, "grade_policy").to_owned(),
        attendance_percent: number(f, "attendance_percent", &mut bad),
        certificate_min_score: number(f, "certificate_min_score", &mut bad),
        certificate_needs_report: !field(f, "certificate_needs_report").is_empty(),
        // One question per line, in the course's default language; a line
        // unchanged keeps the translations given through the API.
        screening_questions: {
            let before = kuza_enrollment::screening(&c);
            field(f, "screening_questions")
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(|l| {
                    before
                        .iter()
                        .find(|q| q.get(&c.default_language).map(String::as_str) == Some(l))
                        .cloned()
                        .unwrap_or_else(|| {
                            std::collections::BTreeMap::from([(
                                c.default_language.clone(),
                                l.to_owned(),
                            )])
                        })
                })
                .collect()
        },
    };
    if bad.is_empty() {
        match cohorts::save_settings(&portal.state.app, portal.actor(), c.id, input.clone()).await {
            Ok(_) => {
                return Ok(portal.redirect(&format!(
                    "/studio/courses/{}/cohorts?notice=studio-saved",
                    c.id
                )));
            }
            Err(AppError::Invalid(p)) => bad = p,
            Err(e) => return Err(e.into()),
        }
    }
    ctx.insert("settings", &input);
    ctx.insert("settings_errors", &portal.field_errors(&bad));
    ctx.insert("error_count", &bad.len());
    portal.render_invalid("studio_cohorts.html", ctx)
}

async fn cohort_context(
    portal: &Portal,
    id: i32,
) -> Result<(Cohort, Course, Context), PortalError> {
    let app = &portal.state.app;
    let (k, c) = cohorts::cohort_for(app, portal.actor(), id, Action::ManageCohort).await?;
    let (_, roster) = cohorts::roster(app, portal.actor(), k.id).await?;
    let members: Vec<Value> = roster
        .iter()
        .map(|m| {
            let e = &m.enrollment;
            json!({
                "id": e.id, "name": m.name, "email": m.email, "status": e.status,
                "percent": m.progress_percent, "removable": m.removable(),
            })
        })
        .collect();
    let emails = cohorts::facilitator_emails(app, k.id).await?;
    let live: Vec<Value> = kuza_app::learning::live_lessons(app, c.id)
        .await?
        .iter()
        .map(|l| json!({ "key": l.key, "title": kuza_courses::pick(&l.title, portal.lang.code(), &l.default_language).0 }))
        .collect();
    let list: Vec<Value> = sessions::of_cohort(app, portal.actor(), k.id)
        .await?
        .iter()
        .map(super::sessions::session_json)
        .collect();
    let mut ctx = Context::new();
    ctx.insert(
        "course",
        &json!({ "id": c.id, "title": super::studio::title_in(portal, &c) }),
    );
    ctx.insert("cohort", &json!({ "id": k.id, "name": k.name }));
    ctx.insert("values", &json!({
        "name": k.name, "language": k.language, "starts_on": day(k.starts_at), "ends_on": day(k.ends_at),
        "opens_on": k.opens_at.map(day), "closes_on": k.closes_at.map(day),
        "capacity": k.capacity, "confirm_hours": k.confirm_hours, "facilitators": emails.join(", "),
    }));
    ctx.insert("course_languages", &languages_json(&c));
    ctx.insert("members", &members);
    ctx.insert("sessions", &list);
    ctx.insert("live_lessons", &live);
    ctx.insert("session_values", &json!({ "time_zone": "UTC" }));
    ctx.insert("errors", &Map::new());
    ctx.insert("session_errors", &Map::new());
    Ok((k, c, ctx))
}

async fn cohort_page(portal: Portal, id: web::Path<i32>) -> Result<HttpResponse, PortalError> {
    let (_, _, ctx) = cohort_context(&portal, *id).await?;
    portal.render("studio_cohort.html", ctx)
}

async fn update_cohort(
    posted: Posted<Form>,
    id: web::Path<i32>,
) -> Result<HttpResponse, PortalError> {
    let portal = posted.portal;
    let (k, c, mut ctx) = cohort_context(&portal, *id).await?;
    match cohort_input(&portal, &c, &posted.form).await? {
        Ok(input) => {
            cohorts::update(&portal.state.app, portal.actor(), k.id, &input).await?;
            Ok(portal.redirect(&format!("/studio/cohorts/{}?notice=studio-saved", k.id)))
        }
        Err(bad) => {
            ctx.insert("values", &posted.form);
            ctx.insert("errors", &portal.field_errors(&bad));
            ctx.insert("error_count", &bad.len());
            portal.render_invalid("studio_cohort.html", ctx)
        }
    }
}

/// A `YYYY-MM-DDTHH:MM` field read as local time in `tz`.
fn local_field(
    f: &Form,
    name: &'static str,
    tz: Option<chrono_tz::Tz>,
    bad: &mut Vec<FieldProblem>,
) -> i64 {
    use chrono::TimeZone;
    let parsed =
        chrono::NaiveDateTime::parse_from_str(field(f, name).trim(), "%Y-%m-%dT%H:%M").ok();
    match (parsed, tz) {
        (Some(t), Some(tz)) => match tz.from_local_datetime(&t).earliest() {
            Some(t) => t.timestamp(),
            None => {
                bad.push(FieldProblem::new(name, "not_a_date_time"));
                0
            }
        },
        (None, _) => {
            bad.push(FieldProblem::new(name, "not_a_date_time"));
            0
        }
        // An unknown zone is reported on its own field.
        (Some(_), None) => 0,
    }
}

/// The session form names its times `starts` and `ends`.
const SESSION_FIELDS: [(&str, &str); 2] = [("starts_at", "starts"), ("ends_at", "ends")];

async fn add_session(
    posted: Posted<Form>,
    id: web::Path<i32>,
) -> Result<HttpResponse, PortalError> {
    let portal = posted.portal;
    let (k, c, mut ctx) = cohort_context(&portal, *id).await?;
    let f = &posted.form;
    let tz = kuza_enrollment::sessions::zone(field(f, "time_zone"));
    let mut bad = vec![];
    let starts_at = local_field(f, "starts", tz, &mut bad);
    let ends_at = local_field(f, "ends", tz, &mut bad);
    let optional = |name: &str| Some(field(f, name).to_owned()).filter(|v| !v.trim().is_empty());
    let input = SessionInput {
        title: field(f, "title").to_owned(),
        starts_at,
        ends_at,
        time_zone: field(f, "time_zone").to_owned(),
        venue: optional("venue"),
        meeting_url: optional("meeting_url"),
        lesson_key: optional("lesson_key"),
    };
    bad.extend(sessions::problems(&portal.state.app, &c, &input).await?);
    let bad = renamed(bad, &SESSION_FIELDS);
    if !bad.is_empty() {
        ctx.insert("session_values", f);
        ctx.insert("session_errors", &portal.field_errors(&bad));
        ctx.insert("error_count", &bad.len());
        return portal.render_invalid("studio_cohort.html", ctx);
    }
    sessions::create(&portal.state.app, portal.actor(), k.id, &input).await?;
    Ok(portal.redirect(&format!(
        "/studio/cohorts/{}?notice=studio-saved#sessions",
        k.id
    )))
}

async fn roster_csv(portal: Portal, id: web::Path<i32>) -> Result<HttpResponse, PortalError> {
    // The studio's download, for the course's editors (the API's serves
    // the cohort's facilitators too).
    let (k, _) =
        cohorts::cohort_for(&portal.state.app, portal.actor(), *id, Action::ManageCohort).await?;
    let (_, members) = cohorts::roster(&portal.state.app, portal.actor(), k.id).await?;
    Ok(csv_download(
        &format!("cohort-{}-roster", k.id),
        cohorts::roster_csv(&members),
    ))
}

async fn remove(posted: Posted<Form>, id: web::Path<i32>) -> Result<HttpResponse, PortalError> {
    let portal = posted.portal;
    let actor = portal.require_user()?;
    let message = field(&posted.form, "message");
    let e = cohorts::remove(&portal.state.app, actor, *id, Some(message)).await?;
    let to = match e.cohort_id {
        Some(k) => format!("/studio/cohorts/{k}?notice=studio-saved"),
        None => format!(
            "/studio/courses/{}/cohorts?notice=studio-saved",
            e.course_id
        ),
    };
    Ok(portal.redirect(&to))
}

async fn decide(posted: Posted<Form>, id: web::Path<i32>) -> Result<HttpResponse, PortalError> {
    let portal = posted.portal;
    let actor = portal.require_user()?;
    let accept = match field(&posted.form, "decision") {
        "accept" => true,
        "decline" => false,
        _ => return Err(AppError::BadInput("decision".into()).into()),
    };
    let message = field(&posted.form, "message");
    let course_id =
        match cohorts::decide(&portal.state.app, actor, *id, accept, Some(message)).await {
            Ok(e) => e.course_id,
            // Decided already (a second click): back to the list all the same.
            Err(e) if e.code() == "not_an_application" => {
                cohorts::course_of_enrollment(&portal.state.app, actor, *id).await?
            }
            Err(e) => return Err(e.into()),
        };
    Ok(portal.redirect(&format!(
        "/studio/courses/{course_id}/cohorts?notice=studio-saved#applications"
    )))
}

/// The end-of-training report's page: the form (the report as filed, or
/// what a new one starts from), its state, and the certificates the cohort
/// holds with why.
async fn report_context(portal: &Portal, id: i32) -> Result<(Context, Value), PortalError> {
    let page = cohorts::report(&portal.state.app, portal.actor(), id).await?;
    let r = page.report.as_ref();
    let values = match r {
        Some(r) => json!({
            "starts_on": day(r.starts_at), "ends_on": day(r.ends_at),
            "facilitators": r.facilitators, "participants": r.participants,
            "attendance": r.attendance, "outcomes": r.outcomes, "remarks": r.remarks,
        }),
        None => json!({
            "starts_on": day(page.draft.starts_at), "ends_on": day(page.draft.ends_at),
            "facilitators": page.draft.facilitators, "participants": page.draft.participants,
            "attendance": "", "outcomes": "", "remarks": "",
        }),
    };
    let held: Vec<Value> = page
        .held
        .iter()
        .map(|c| json!({ "name": c.learner_name, "reason": c.held_reason }))
        .collect();
    let mut ctx = Context::new();
    ctx.insert(
        "cohort",
        &json!({ "id": page.cohort.id, "name": page.cohort.name }),
    );
    ctx.insert("filed", &r.map(|r| super::learning::date(r.filed_at)));
    ctx.insert(
        "validated",
        &r.and_then(|r| r.validated_at).map(super::learning::date),
    );
    ctx.insert("held", &held);
    ctx.insert(
        "may_validate",
        &(r.is_some_and(|r| r.validated_at.is_none())
            && kuza_app::certificates::may_manage(portal.actor())),
    );
    Ok((ctx, values))
}

async fn report_page(portal: Portal, id: web::Path<i32>) -> Result<HttpResponse, PortalError> {
    let (mut ctx, values) = report_context(&portal, *id).await?;
    ctx.insert("values", &values);
    portal.render("cohort_report.html", ctx)
}

async fn file_report(
    posted: Posted<Form>,
    id: web::Path<i32>,
) -> Result<HttpResponse, PortalError> {
    let portal = posted.portal;
    let f = &posted.form;
    let mut bad = vec![];
    let starts_at = date_field(f, "starts_on", false, &mut bad);
    let ends_at = date_field(f, "ends_on", true, &mut bad);
    let input = kuza_enrollment::reports::ReportInput {
        starts_at: starts_at.unwrap_or(0),
        ends_at: ends_at.unwrap_or(0),
        facilitators: field(f, "facilitators").to_owned(),
        participants: number(f, "participants", &mut bad).unwrap_or(-1),
        attendance: field(f, "attendance").to_owned(),
        outcomes: field(f, "outcomes").to_owned(),
        remarks: field(f, "remarks").to_owned(),
    };
    let result = if bad.is_empty() {
        cohorts::file_report(&portal.state.app, portal.actor(), *id, &input).await
    } else {
        Err(AppError::Invalid(bad))
    };
    match result {
        Ok(_) => Ok(portal.redirect(&format!("/cohorts/{}/report?notice=report-filed", *id))),
        Err(AppError::Invalid(problems)) => {
            let (mut ctx, _) = report_context(&portal, *id).await?;
            ctx.insert("values", &f);
            ctx.insert("errors", &portal.field_errors(&problems));
            ctx.insert("error_count", &problems.len());
            portal.render_invalid("cohort_report.html", ctx)
        }
        Err(e) => Err(e.into()),
    }
}

async fn validate_report(
    posted: Posted<Form>,
    id: web::Path<i32>,
) -> Result<HttpResponse, PortalError> {
    let portal = posted.portal;
    let actor = portal.require_user()?;
    cohorts::validate_report(&portal.state.app, actor, *id).await?;
    Ok(portal.redirect(&format!("/cohorts/{}/report?notice=report-validated", *id)))
}
