//! The coordinator's side of cohorts in the studio, all plain forms: a
//! course's enrolment settings and its cohorts (`/studio/courses/{id}/
//! cohorts`), and one cohort (`/studio/cohorts/{id}`): its settings, its
//! live sessions, its roster with progress (and CSV), the waitlist, and
//! removing a learner with a message. Course editors and administrators.

use super::studio::{Form, editable, field};
use super::{Portal, Posted};
use crate::errors::PortalError;
use crate::learning;
use actix_web::{HttpResponse, web};
use kuza_courses::draft::{self, Course};
use kuza_enrollment::cohorts::{self, Cohort, CohortInput};
use kuza_enrollment::sessions::{self, SessionInput};
use kuza_enrollment::{Settings, SettingsInput};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Map, Value, json};
use tera::Context;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/studio/courses/{id}/cohorts", web::get().to(cohorts_page))
        .route(
            "/studio/courses/{id}/cohorts",
            web::post().to(create_cohort),
        )
        .route(
            "/studio/courses/{id}/enrolment",
            web::post().to(save_settings),
        )
        .route("/studio/cohorts/{id}", web::get().to(cohort_page))
        .route("/studio/cohorts/{id}", web::post().to(update_cohort))
        .route("/studio/cohorts/{id}/sessions", web::post().to(add_session))
        .route("/studio/cohorts/{id}/roster.csv", web::get().to(roster_csv))
        .route("/studio/enrollments/{id}/remove", web::post().to(remove))
        .route("/studio/enrollments/{id}/decide", web::post().to(decide));
}

fn errors_of(portal: &Portal, problems: &[(&str, &str)]) -> Map<String, Value> {
    let mut m = Map::new();
    for (f, code) in problems {
        m.entry((*f).to_owned())
            .or_insert_with(|| portal.t(&format!("err-{code}"), &[]).into());
    }
    m
}

fn day(ts: i64) -> String {
    chrono::DateTime::from_timestamp(ts, 0)
        .unwrap_or_default()
        .format("%Y-%m-%d")
        .to_string()
}

/// A `YYYY-MM-DD` field as the start (or, with `end`, the last second) of
/// that day in UTC.
fn date_field(
    f: &Form,
    name: &'static str,
    end: bool,
    bad: &mut Vec<(&'static str, &'static str)>,
) -> Option<i64> {
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
            bad.push((name, "not_a_date_time"));
            None
        }
    }
}

fn number(
    f: &Form,
    name: &'static str,
    bad: &mut Vec<(&'static str, &'static str)>,
) -> Option<i32> {
    let v = field(f, name).trim();
    if v.is_empty() {
        return None;
    }
    v.parse().map_err(|_| bad.push((name, "out_of_range"))).ok()
}

/// Facilitators given by email, one per line or separated by commas.
async fn facilitators_of(
    portal: &Portal,
    f: &Form,
    bad: &mut Vec<(&'static str, &'static str)>,
) -> Result<Vec<i32>, PortalError> {
    let mut ids = vec![];
    for email in field(f, "facilitators")
        .split([',', '\n', ' '])
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        match kuza_accounts::users::find_by_email(&portal.state.db, email).await? {
            Some(u) => ids.push(u.id),
            None => {
                bad.push(("facilitators", "unknown_email"));
                break;
            }
        }
    }
    Ok(ids)
}

/// The cohort form as input, or every problem with it.
async fn cohort_input(
    portal: &Portal,
    c: &Course,
    f: &Form,
) -> Result<Result<CohortInput, Vec<(&'static str, &'static str)>>, PortalError> {
    let mut bad = vec![];
    let starts_at = date_field(f, "starts_on", false, &mut bad);
    let ends_at = date_field(f, "ends_on", true, &mut bad);
    if starts_at.is_none() && !bad.iter().any(|(n, _)| *n == "starts_on") {
        bad.push(("starts_on", "required"));
    }
    if ends_at.is_none() && !bad.iter().any(|(n, _)| *n == "ends_on") {
        bad.push(("ends_on", "required"));
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
        let languages: Vec<String> = draft::languages_of(c)
            .iter()
            .map(|l| l.code().to_owned())
            .collect();
        bad.extend(input.problems(&languages).into_iter().map(|(field, code)| {
            // The form names its date fields by day.
            let field = match field {
                "ends_at" => "ends_on",
                "closes_at" => "closes_on",
                other => other,
            };
            (field, code)
        }));
    }
    Ok(if bad.is_empty() { Ok(input) } else { Err(bad) })
}

fn languages_json(c: &Course) -> Vec<Value> {
    draft::languages_of(c)
        .iter()
        .map(|l| json!({ "code": l.code(), "name": l.native_name() }))
        .collect()
}

async fn cohorts_context(portal: &Portal, c: &Course) -> Result<Context, PortalError> {
    let mut list = vec![];
    for k in cohorts::of_course(&portal.state.db, c.id).await? {
        let taken = cohorts::taken(&portal.state.db, k.id).await?;
        list.push(json!({
            "id": k.id, "name": k.name, "starts": day(k.starts_at), "ends": day(k.ends_at),
            "capacity": k.capacity, "taken": taken,
        }));
    }
    let applied = kuza_db::entities::enrollment::Entity::find()
        .filter(kuza_db::entities::enrollment::Column::CourseId.eq(c.id))
        .filter(
            kuza_db::entities::enrollment::Column::Status
                .eq(kuza_enrollment::EnrollmentStatus::Applied),
        )
        .all(&portal.state.db)
        .await?;
    let questions = kuza_enrollment::screening(c);
    let mut applications = vec![];
    for e in applied {
        let Ok(u) = kuza_accounts::users::get(&portal.state.db, e.user_id).await else {
            continue;
        };
        let answers: Vec<String> = e
            .answers
            .as_deref()
            .and_then(|a| serde_json::from_str(a).ok())
            .unwrap_or_default();
        let cohort = match e.cohort_id {
            Some(k) => cohorts::get(&portal.state.db, k).await?.map(|k| k.name),
            None => None,
        };
        let qa: Vec<Value> = questions
            .iter()
            .zip(answers)
            .map(|(q, a)| json!({ "question": kuza_courses::pick(q, portal.lang.code(), &c.default_language).0, "answer": a }))
            .collect();
        applications.push(json!({ "id": e.id, "name": u.display_name, "email": u.email, "cohort": cohort, "answers": qa }));
    }
    let mut ctx = Context::new();
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
        "id": c.id, "title": super::studio::title_in(portal, c), "self_paced": !c.format.runs_in_cohorts(),
        "slug": (c.status == kuza_db::values::CourseStatus::Published).then_some(&c.slug),
    }));
    ctx.insert("cohorts", &list);
    ctx.insert("course_languages", &languages_json(c));
    ctx.insert("settings", &Settings::of(c));
    ctx.insert(
        "values",
        &json!({ "language": c.default_language, "confirm_hours": 72 }),
    );
    ctx.insert("errors", &Map::new());
    ctx.insert("settings_errors", &Map::new());
    Ok(ctx)
}

async fn cohorts_page(portal: Portal, id: web::Path<i32>) -> Result<HttpResponse, PortalError> {
    let c = editable(&portal, *id).await?;
    let ctx = cohorts_context(&portal, &c).await?;
    portal.render("studio_cohorts.html", ctx)
}

async fn create_cohort(
    posted: Posted<Form>,
    id: web::Path<i32>,
) -> Result<HttpResponse, PortalError> {
    let portal = posted.portal;
    let c = editable(&portal, *id).await?;
    match cohort_input(&portal, &c, &posted.form).await? {
        Ok(input) => {
            let k = learning::save_cohort(&portal.state, c.id, None, &input).await?;
            Ok(portal.redirect(&format!("/studio/cohorts/{}?notice=studio-saved", k.id)))
        }
        Err(bad) => {
            let mut ctx = cohorts_context(&portal, &c).await?;
            ctx.insert("values", &posted.form);
            ctx.insert("errors", &errors_of(&portal, &bad));
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
    let c = editable(&portal, *id).await?;
    let f = &posted.form;
    let mut bad = vec![];
    let s = SettingsInput {
        enrolment: field(f, "enrolment").to_owned(),
        enrolment_key: Some(field(f, "enrolment_key").to_owned()),
        enrolment_cap: number(f, "enrolment_cap", &mut bad),
        grade_policy: field(f, "grade_policy").to_owned(),
        attendance_percent: number(f, "attendance_percent", &mut bad),
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
    let checked = s.clone().parse();
    if let Err(problems) = &checked {
        bad.extend(problems);
    }
    let (Ok(s), true) = (checked, bad.is_empty()) else {
        let mut ctx = cohorts_context(&portal, &c).await?;
        ctx.insert("settings", &s);
        ctx.insert("settings_errors", &errors_of(&portal, &bad));
        ctx.insert("error_count", &bad.len());
        return portal.render_invalid("studio_cohorts.html", ctx);
    };
    let txn = kuza_db::begin_write(&portal.state.db).await?;
    learning::save_settings(&txn, c.id, &s).await?;
    txn.commit().await?;
    portal.state.published.changed();
    Ok(portal.redirect(&format!(
        "/studio/courses/{}/cohorts?notice=studio-saved",
        c.id
    )))
}

/// The cohort, if the viewer edits its course.
async fn editable_cohort(portal: &Portal, id: i32) -> Result<(Cohort, Course), PortalError> {
    let k = cohorts::get(&portal.state.db, id)
        .await?
        .ok_or(PortalError::NotFound)?;
    let c = editable(portal, k.course_id).await?;
    Ok((k, c))
}

async fn cohort_context(portal: &Portal, k: &Cohort, c: &Course) -> Result<Context, PortalError> {
    let mut ctx = Context::new();
    let roster = cohorts::roster(&portal.state.db, k.id).await?;
    let p = learning::published_by_id(&portal.state, c.id).await.ok();
    let ids: Vec<i32> = roster.iter().map(|m| m.enrollment.id).collect();
    let mut done = kuza_progress::completed_of(&portal.state.db, &ids).await?;
    let members: Vec<Value> = roster
        .iter()
        .map(|m| {
            let e = &m.enrollment;
            let percent = match (&p, kuza_enrollment::studies(e)) {
                (Some(p), true) => Some(
                    kuza_progress::Progress::of(&p.1.document, &done.remove(&e.id).unwrap_or_default()).percent,
                ),
                _ => None,
            };
            json!({
                "id": e.id, "name": m.name, "email": m.email, "status": e.status, "percent": percent,
                "removable": !kuza_enrollment::ended(e) && e.status != kuza_enrollment::EnrollmentStatus::Completed,
            })
        })
        .collect();
    let facilitators = cohorts::facilitators(&portal.state.db, k.id).await?;
    let mut emails = vec![];
    for f in facilitators {
        if let Ok(u) = kuza_accounts::users::get(&portal.state.db, f).await {
            emails.push(u.email);
        }
    }
    let live: Vec<Value> = p
        .as_ref()
        .map(|p| {
            p.1.document
                .modules
                .iter()
                .flat_map(|m| &m.lessons)
                .filter(|l| l.kind == kuza_db::values::LessonKind::Live)
                .map(|l| json!({ "key": l.key, "title": kuza_courses::pick(&l.title, portal.lang.code(), &p.1.document.default_language).0 }))
                .collect()
        })
        .unwrap_or_default();
    let list: Vec<Value> = sessions::of_cohort(&portal.state.db, k.id)
        .await?
        .iter()
        .map(super::sessions::session_json)
        .collect();
    ctx.insert(
        "course",
        &json!({ "id": c.id, "title": super::studio::title_in(portal, c) }),
    );
    ctx.insert("cohort", &json!({ "id": k.id, "name": k.name }));
    ctx.insert("values", &json!({
        "name": k.name, "language": k.language, "starts_on": day(k.starts_at), "ends_on": day(k.ends_at),
        "opens_on": k.opens_at.map(day), "closes_on": k.closes_at.map(day),
        "capacity": k.capacity, "confirm_hours": k.confirm_hours, "facilitators": emails.join(", "),
    }));
    ctx.insert("course_languages", &languages_json(c));
    ctx.insert("members", &members);
    ctx.insert("sessions", &list);
    ctx.insert("live_lessons", &live);
    ctx.insert("session_values", &json!({ "time_zone": "UTC" }));
    ctx.insert("errors", &Map::new());
    ctx.insert("session_errors", &Map::new());
    Ok(ctx)
}

async fn cohort_page(portal: Portal, id: web::Path<i32>) -> Result<HttpResponse, PortalError> {
    let (k, c) = editable_cohort(&portal, *id).await?;
    let ctx = cohort_context(&portal, &k, &c).await?;
    portal.render("studio_cohort.html", ctx)
}

async fn update_cohort(
    posted: Posted<Form>,
    id: web::Path<i32>,
) -> Result<HttpResponse, PortalError> {
    let portal = posted.portal;
    let (k, c) = editable_cohort(&portal, *id).await?;
    match cohort_input(&portal, &c, &posted.form).await? {
        Ok(input) => {
            learning::save_cohort(&portal.state, c.id, Some(k.id), &input).await?;
            Ok(portal.redirect(&format!("/studio/cohorts/{}?notice=studio-saved", k.id)))
        }
        Err(bad) => {
            let mut ctx = cohort_context(&portal, &k, &c).await?;
            ctx.insert("values", &posted.form);
            ctx.insert("errors", &errors_of(&portal, &bad));
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
    bad: &mut Vec<(&'static str, &'static str)>,
) -> i64 {
    use chrono::TimeZone;
    let parsed =
        chrono::NaiveDateTime::parse_from_str(field(f, name).trim(), "%Y-%m-%dT%H:%M").ok();
    match (parsed, tz) {
        (Some(t), Some(tz)) => match tz.from_local_datetime(&t).earliest() {
            Some(t) => t.timestamp(),
            None => {
                bad.push((name, "not_a_date_time"));
                0
            }
        },
        (None, _) => {
            bad.push((name, "not_a_date_time"));
            0
        }
        // An unknown zone is reported on its own field.
        (Some(_), None) => 0,
    }
}

async fn add_session(
    posted: Posted<Form>,
    id: web::Path<i32>,
) -> Result<HttpResponse, PortalError> {
    let portal = posted.portal;
    let (k, c) = editable_cohort(&portal, *id).await?;
    let f = &posted.form;
    let tz = sessions::zone(field(f, "time_zone"));
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
    let live = learning::live_lessons(&portal.state, c.id).await;
    for (field, code) in input.problems(&live) {
        let field = match field {
            "starts_at" => "starts",
            "ends_at" => "ends",
            other => other,
        };
        if !bad.iter().any(|(f, _)| *f == field) {
            bad.push((field, code));
        }
    }
    if !bad.is_empty() {
        let mut ctx = cohort_context(&portal, &k, &c).await?;
        ctx.insert("session_values", f);
        ctx.insert("session_errors", &errors_of(&portal, &bad));
        ctx.insert("error_count", &bad.len());
        return portal.render_invalid("studio_cohort.html", ctx);
    }
    sessions::create(&portal.state.db, k.id, &input).await?;
    Ok(portal.redirect(&format!(
        "/studio/cohorts/{}?notice=studio-saved#sessions",
        k.id
    )))
}

async fn roster_csv(portal: Portal, id: web::Path<i32>) -> Result<HttpResponse, PortalError> {
    let (k, _) = editable_cohort(&portal, *id).await?;
    let members = crate::api::roster_members(&portal.state, &k)
        .await
        .map_err(|e| PortalError::Internal(e.to_string()))?;
    Ok(crate::api::roster_csv_response(&k, &members))
}

async fn remove(posted: Posted<Form>, id: web::Path<i32>) -> Result<HttpResponse, PortalError> {
    let portal = posted.portal;
    let e = kuza_enrollment::by_id(&portal.state.db, *id)
        .await?
        .ok_or(PortalError::NotFound)?;
    editable(&portal, e.course_id).await?;
    let by = portal.require_user()?.user.id;
    let message = Some(field(&posted.form, "message").trim())
        .filter(|m| !m.is_empty())
        .map(|m| m.chars().take(1000).collect::<String>());
    learning::remove(&portal.state, &e, by, message.as_deref()).await?;
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
    let e = kuza_enrollment::by_id(&portal.state.db, *id)
        .await?
        .ok_or(PortalError::NotFound)?;
    editable(&portal, e.course_id).await?;
    let by = portal.require_user()?.user.id;
    let accept = match field(&posted.form, "decision") {
        "accept" => true,
        "decline" => false,
        _ => return Err(PortalError::BadRequest),
    };
    let message = Some(field(&posted.form, "message").trim())
        .filter(|m| !m.is_empty())
        .map(|m| m.chars().take(1000).collect::<String>());
    match learning::decide(&portal.state, &e, accept, by, message.as_deref()).await {
        Ok(_)
        | Err(learning::LearningError::Enrol(kuza_enrollment::EnrolError::NotAnApplication)) => {
            Ok(portal.redirect(&format!(
                "/studio/courses/{}/cohorts?notice=studio-saved#applications",
                e.course_id
            )))
        }
        Err(e) => Err(e.into()),
    }
}
