//! The learner's side of the portal, all plain forms: enrol and leave on
//! the course page, "mark as complete" and quiz attempts on the lesson
//! pages, the attempt page (questions while open, score and feedback once
//! submitted), and the dashboard (`/dashboard`).

use super::courses::text;
use super::studio::Form;
use super::{Portal, Posted};
use crate::errors::PortalError;
use crate::routes::{Access, Table};
use actix_web::http::Method;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use kuza_app::learning::{self, AttemptStatus, CoursePlace};
use kuza_app::published::Published;
use kuza_app::{AppError, certificates, sessions};
use kuza_courses::content::Answer;
use kuza_enrollment::{Enrollment, EnrollmentStatus};
use kuza_progress::Progress;
use kuza_progress::quiz::{self, Attempt, Given, Outcome};
use serde_json::{Value, json};
use tera::Context;

pub fn routes(t: &mut Table) {
    t.page(Method::GET, "/dashboard", Access::SignedIn, dashboard);
    t.page(
        Method::POST,
        "/courses/{slug}/enrol",
        Access::SignedIn,
        enrol,
    );
    t.page(
        Method::POST,
        "/courses/{slug}/withdraw",
        Access::Enrolled,
        withdraw,
    );
    t.page(
        Method::POST,
        "/courses/{slug}/confirm",
        Access::Own,
        confirm,
    );
    t.page(
        Method::POST,
        "/courses/{slug}/lessons/{key}/complete",
        Access::Enrolled,
        complete,
    );
    t.page(
        Method::POST,
        "/courses/{slug}/lessons/{key}/attempts",
        Access::Enrolled,
        start_attempt,
    );
    t.page(
        Method::GET,
        "/courses/{slug}/lessons/{key}/attempts/{id}",
        Access::Own,
        attempt_page,
    );
    t.page(
        Method::POST,
        "/courses/{slug}/lessons/{key}/attempts/{id}",
        Access::Own,
        submit_attempt,
    );
}

/// An ISO date, isolated as left-to-right inside any text (see the course page).
pub(super) fn date(ts: i64) -> String {
    let d = chrono::DateTime::from_timestamp(ts, 0)
        .unwrap_or_default()
        .format("%Y-%m-%d");
    format!("\u{2066}{d}\u{2069}")
}

fn lesson_href(slug: &str, key: &str) -> String {
    format!("/courses/{slug}/lessons/{key}")
}

/// A date and time in UTC, isolated as left-to-right.
fn date_time(ts: i64) -> String {
    let d = chrono::DateTime::from_timestamp(ts, 0)
        .unwrap_or_default()
        .format("%Y-%m-%d %H:%M");
    format!("\u{2066}{d}\u{2069}")
}

fn progress_json(portal: &Portal, p: &Published, e: &Enrollment, pr: &Progress) -> Value {
    let doc = &p.1.document;
    let next = pr.next.as_ref().and_then(|k| {
        kuza_progress::lesson(doc, k).map(|l| {
            json!({ "href": lesson_href(&p.0.slug, k), "title": text(&l.title, portal.lang, &doc.default_language) })
        })
    });
    json!({
        "status": e.status,
        "enrolled_on": date(e.enrolled_at),
        "completed_on": e.completed_at.map(date),
        "percent": pr.percent, "done": pr.done, "total": pr.total,
        "modules": pr.modules,
        "next": next,
        "started": pr.done > 0,
    })
}

/// The course page's enrolment panel and the learner's marks in the syllabus.
pub(super) async fn course_panel(
    portal: &Portal,
    p: &Published,
    ctx: &mut Context,
) -> Result<(), PortalError> {
    let c = &p.0;
    let doc = &p.1.document;
    if let Some(id) = c.organisation_id {
        let providers = kuza_app::catalog::providers(&portal.state.app).await?;
        if let Some(provider) = providers.iter().find(|x| x.id == id) {
            ctx.insert(
                "provider",
                &json!({ "id": provider.id, "name": provider.name_in(portal.lang) }),
            );
        }
    }
    let questions: Vec<Value> = kuza_enrollment::screening(c)
        .iter()
        .map(|q| text(q, portal.lang, &doc.default_language))
        .collect();
    let mut panel = json!({
        "slug": c.slug, "self_paced": !c.format.runs_in_cohorts(), "mode": c.enrolment,
        "questions": questions,
    });
    match learning::course_place(&portal.state.app, portal.actor(), p).await? {
        CoursePlace::Studying {
            enrollment,
            done,
            progress,
            sessions,
        } => {
            ctx.insert("done_lessons", &done);
            panel["enrollment"] = progress_json(portal, p, &enrollment, &progress);
            if enrollment.status == EnrollmentStatus::Completed
                && let Some(c) =
                    certificates::for_enrollment(&portal.state.app, &enrollment).await?
            {
                panel["certificate"] = super::certificates::certificate_json(portal, &c);
            }
            if let Some(submitted) =
                kuza_app::surveys::evaluation_state(&portal.state.app, portal.actor(), &enrollment)
                    .await?
            {
                panel["evaluation"] = json!({ "submitted": submitted });
            }
            if enrollment.cohort_id.is_some() {
                let list: Vec<Value> = sessions.iter().map(super::sessions::session_json).collect();
                panel["sessions"] = json!(list);
            }
        }
        CoursePlace::Waiting { enrollment, cohort } => {
            panel["waiting"] = json!({
                "status": enrollment.status,
                "cohort": cohort,
                "deadline": enrollment.offer_expires_at.map(date_time),
            });
        }
        CoursePlace::Outside { cohorts } if c.format.runs_in_cohorts() => {
            let list: Vec<Value> = cohorts
                .iter()
                .map(|o| {
                    let k = &o.cohort;
                    let language = kuza_i18n::Language::parse(&k.language)
                        .map(|l| l.native_name())
                        .unwrap_or_default();
                    json!({
                        "id": k.id, "name": k.name, "language": language, "lang": k.language,
                        "starts": date(k.starts_at), "ends": date(k.ends_at),
                        "open": o.open, "left": o.left, "full": o.left == Some(0),
                    })
                })
                .collect();
            panel["cohorts"] = json!(list);
        }
        CoursePlace::Outside { .. } => {}
    }
    ctx.insert("learner", &panel);
    Ok(())
}

/// The course page again, with why enrolling did not work.
async fn course_with_error(
    portal: &Portal,
    p: &Published,
    status: StatusCode,
    message: String,
) -> Result<HttpResponse, PortalError> {
    let (c, v) = &**p;
    let mut ctx = super::courses::course_context(
        portal,
        &v.document,
        Some((v.number, v.published_at)),
        &format!("/courses/{}", c.slug),
    );
    course_panel(portal, p, &mut ctx).await?;
    ctx.insert("enrol_error", &message);
    portal.render_status(status, "course.html", &mut ctx)
}

/// The refusals a learner can act on, shown on the course page itself.
fn shown_on_course_page(e: &AppError) -> Option<StatusCode> {
    match refusal_code(e) {
        "enrolment_key_required" | "enrolment_key_wrong" | "enrollment_removed" => {
            Some(StatusCode::FORBIDDEN)
        }
        "answers_required" => Some(StatusCode::UNPROCESSABLE_ENTITY),
        "course_full"
        | "enrolment_closed"
        | "enrolment_needs_cohort"
        | "cohort_closed"
        | "no_offer" => Some(StatusCode::CONFLICT),
        _ => None,
    }
}

/// The code of a refusal, as the page's message names it (`answers`
/// problems are `answers_required`).
fn refusal_code(e: &AppError) -> &'static str {
    match e {
        AppError::Invalid(p) => p.first().map_or("invalid_input", |p| p.code),
        other => other.code(),
    }
}

async fn enrol(posted: Posted<Form>, slug: web::Path<String>) -> Result<HttpResponse, PortalError> {
    let portal = posted.portal;
    let actor = portal.require_user()?;
    let p = learning::published(&portal.state.app, &slug).await?;
    let key = posted.form.get("key").map(String::as_str);
    let cohort = posted.form.get("cohort").and_then(|c| c.parse().ok());
    let answers: Vec<String> = (0..kuza_enrollment::MAX_QUESTIONS)
        .map_while(|i| posted.form.get(&format!("answer-{i}")).cloned())
        .collect();
    let answers = (p.0.enrolment == kuza_enrollment::EnrolmentMode::Application)
        .then_some(answers.as_slice());
    match learning::enrol(&portal.state.app, actor, &p, key, answers, cohort).await {
        Ok(_) => Ok(portal.redirect(&format!("/courses/{slug}?notice=learn-notice-enrolled"))),
        Err(e) => match shown_on_course_page(&e) {
            Some(status) => {
                let message = portal.t(&format!("enrol-error-{}", refusal_code(&e)), &[]);
                course_with_error(&portal, &p, status, message).await
            }
            None => Err(e.into()),
        },
    }
}

async fn confirm(
    posted: Posted<Form>,
    slug: web::Path<String>,
) -> Result<HttpResponse, PortalError> {
    let portal = posted.portal;
    let actor = portal.require_user()?;
    let p = learning::published(&portal.state.app, &slug).await?;
    match learning::confirm_in(&portal.state.app, actor, p.0.id).await {
        Ok(_) => Ok(portal.redirect(&format!("/courses/{slug}?notice=learn-notice-enrolled"))),
        Err(e) if e.code() == "no_offer" => {
            let message = portal.t("enrol-error-no_offer", &[]);
            course_with_error(&portal, &p, StatusCode::CONFLICT, message).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn withdraw(
    posted: Posted<Form>,
    slug: web::Path<String>,
) -> Result<HttpResponse, PortalError> {
    let portal = posted.portal;
    let actor = portal.require_user()?;
    let p = learning::published(&portal.state.app, &slug).await?;
    learning::withdraw(&portal.state.app, actor, p.0.id).await?;
    Ok(portal.redirect("/dashboard?notice=learn-notice-withdrawn"))
}

/// The lesson page's part for the learner: done or not, the quiz's attempts.
pub(super) async fn lesson_panel(
    portal: &Portal,
    p: &Published,
    key: &str,
    ctx: &mut Context,
) -> Result<(), PortalError> {
    let Some(state) = learning::lesson_state(&portal.state.app, portal.actor(), p, key).await?
    else {
        ctx.insert("learner", &json!({ "enrolled": false }));
        return Ok(());
    };
    let mut panel = progress_json(portal, p, &state.enrollment, &state.progress);
    panel["enrolled"] = json!(true);
    panel["lesson_done"] = json!(state.done.contains(key));
    if let Some(q) = state.quiz {
        let base = lesson_href(&p.0.slug, key);
        let list: Vec<Value> = q
            .attempts
            .iter()
            .map(|a| attempt_summary(a, &base, q.counted == Some(a.id)))
            .collect();
        panel["quiz"] = json!({
            "attempts": list,
            "open": q.open.map(|id| format!("{base}/attempts/{id}")),
            "left": q.left,
            "can_start": q.open.is_none() && q.left != Some(0),
            "policy": p.0.grade_policy,
        });
    }
    let is_package = kuza_progress::lesson(&p.1.document, key)
        .is_some_and(|l| l.kind == kuza_db::values::LessonKind::Package);
    if is_package
        && let Some(actor) = portal.actor()
        && let Some(o) = kuza_app::packages::overview(&portal.state.app, actor, p, key).await?
    {
        let play = format!("{}/play", lesson_href(&p.0.slug, key));
        let toc: Vec<Value> = o
            .toc
            .iter()
            .map(|e| {
                json!({ "title": e.title, "depth": e.depth, "done": e.done,
                        "href": e.launches.then(|| format!("{play}?sco={}",
                            percent_encoding::utf8_percent_encode(&e.identifier, percent_encoding::NON_ALPHANUMERIC))) })
            })
            .collect();
        panel["package"] = json!({ "toc": toc, "started": o.started, "play": play });
    }
    ctx.insert("learner", &panel);
    Ok(())
}

fn attempt_summary(a: &Attempt, base: &str, counted: bool) -> Value {
    let percent = match (a.points, a.max_points) {
        (Some(p), m) if m > 0 => Some(i64::from(p) * 100 / i64::from(m)),
        _ => None,
    };
    json!({
        "number": a.number, "href": format!("{base}/attempts/{}", a.id),
        "status": learning::status_of(a), "points": a.points, "max": a.max_points,
        "percent": percent, "passed": a.passed, "pending": a.needs_grading, "counted": counted,
    })
}

async fn complete(
    posted: Posted<Form>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, PortalError> {
    let portal = posted.portal;
    let (slug, key) = path.into_inner();
    let actor = portal.require_user()?;
    let p = learning::published(&portal.state.app, &slug).await?;
    let (step, progress) = match learning::complete_lesson(&portal.state.app, actor, &p, &key).await
    {
        Err(e) if e.code() == "not_enrolled" => {
            return Ok(portal.redirect(&format!("/courses/{slug}")));
        }
        other => other?,
    };
    if step.course_completed {
        return Ok(portal.redirect(&format!("/courses/{slug}?notice=learn-notice-completed")));
    }
    // On to the next lesson; the course page after the last.
    let to = match learning::after_lesson(&p, &key, &progress) {
        Some(next) => lesson_href(&slug, &next),
        None => format!("/courses/{slug}"),
    };
    Ok(portal.redirect(&to))
}

async fn start_attempt(
    posted: Posted<Form>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, PortalError> {
    let portal = posted.portal;
    let (slug, key) = path.into_inner();
    let actor = portal.require_user()?;
    let p = learning::published(&portal.state.app, &slug).await?;
    match learning::start_attempt(&portal.state.app, actor, &p, &key).await {
        Ok((a, _)) => {
            Ok(portal.redirect(&format!("{}/attempts/{}", lesson_href(&slug, &key), a.id)))
        }
        // The lesson page says so; another click changes nothing.
        Err(e) if e.code() == "attempts_exhausted" => {
            Ok(portal.redirect(&lesson_href(&slug, &key)))
        }
        Err(e) if e.code() == "not_enrolled" => Ok(portal.redirect(&format!("/courses/{slug}"))),
        Err(e) => Err(e.into()),
    }
}

/// The attempt `id` of the viewer's, if it is this lesson's.
async fn viewer_attempt(
    portal: &Portal,
    path: &(String, String, i32),
) -> Result<(Attempt, Published), PortalError> {
    let (slug, key, id) = path;
    let actor = portal.require_user()?;
    let (a, p) = learning::own_attempt(&portal.state.app, actor, *id).await?;
    if &p.0.slug != slug || &a.lesson_key != key {
        return Err(AppError::NotFound.into());
    }
    Ok((a, p))
}

fn attempt_context(
    portal: &Portal,
    a: &Attempt,
    p: &Published,
    error: Option<String>,
) -> Option<Context> {
    let (c, v) = &**p;
    let doc = &v.document;
    let lang = portal.lang;
    let default = doc.default_language.as_str();
    let l = kuza_progress::lesson(doc, &a.lesson_key)?;
    let q = l.content.quiz.as_ref()?;
    let base = lesson_href(&c.slug, &a.lesson_key);
    let status = learning::status_of(a);
    let mut ctx = Context::new();
    ctx.insert("course_title", &text(&doc.title, lang, default));
    ctx.insert("lesson_title", &text(&l.title, lang, default));
    ctx.insert("course_href", &format!("/courses/{}", c.slug));
    ctx.insert("lesson_href", &base);
    ctx.insert("action", &format!("{base}/attempts/{}", a.id));
    ctx.insert("attempt", &attempt_summary(a, &base, false));
    ctx.insert("pass_mark", &q.pass_mark);
    if let Some(e) = error {
        ctx.insert("attempt_error", &e);
    }
    if let (Some(deadline), AttemptStatus::Open) = (a.deadline, status) {
        let minutes = ((deadline - kuza_db::now()).max(0) + 59) / 60;
        let time = chrono::DateTime::from_timestamp(deadline, 0)
            .unwrap_or_default()
            .format("%H:%M");
        ctx.insert(
            "time_left",
            &json!({ "minutes": minutes, "time": format!("\u{2066}{time}\u{2069}") }),
        );
    }
    let (given, results) = quiz::stored(a);
    let questions: Vec<Value> = quiz::arranged(q, a.seed)
        .into_iter()
        .enumerate()
        .map(|(i, (question, options))| {
            let chosen = given.get(&question.key).cloned().unwrap_or_default();
            let result = results.iter().find(|r| r.key == question.key);
            let kind = question.answer.kind();
            let options: Vec<Value> = match &question.answer {
                Answer::TrueFalse { .. } => ["true", "false"]
                    .iter()
                    .map(|v| json!({ "key": v, "text": { "text": portal.t(&format!("quiz-{v}"), &[]), "lang": lang.code(), "dir": lang.dir() }, "chosen": chosen.iter().any(|c| c == v) }))
                    .collect(),
                _ => options
                    .iter()
                    .map(|o| json!({ "key": o.key, "text": text(&o.text, lang, default), "chosen": chosen.contains(&o.key) }))
                    .collect(),
            };
            let feedback: Vec<Value> = if result.is_some() {
                learning::feedback_for(q, &question.key, &given)
                    .iter()
                    .map(|f| text(f, lang, default))
                    .collect()
            } else {
                vec![]
            };
            json!({
                "number": i + 1, "key": question.key, "kind": kind, "points": question.points,
                "prompt": text(&question.prompt, lang, default),
                "options": options,
                "given": chosen.first(),
                "outcome": result.map(|r| match r.outcome {
                    Outcome::Correct => "correct", Outcome::Incorrect => "incorrect",
                    Outcome::Unanswered => "unanswered", Outcome::Pending => "pending",
                }),
                "feedback": feedback,
            })
        })
        .collect();
    ctx.insert("questions", &questions);
    ctx.insert("status", &status);
    Some(ctx)
}

async fn attempt_page(
    portal: Portal,
    path: web::Path<(String, String, i32)>,
) -> Result<HttpResponse, PortalError> {
    let (a, p) = viewer_attempt(&portal, &path).await?;
    let ctx = attempt_context(&portal, &a, &p, None).ok_or(AppError::NotFound)?;
    portal.render("attempt.html", ctx)
}

/// The form's answers: `q-<question key>` fields, repeated for several
/// choices.
fn given_of(form: &[(String, String)]) -> Given {
    let mut given = Given::new();
    for (k, v) in form {
        if let Some(q) = k.strip_prefix("q-") {
            given.entry(q.to_owned()).or_default().push(v.clone());
        }
    }
    given
}

async fn submit_attempt(
    posted: Posted<Vec<(String, String)>>,
    path: web::Path<(String, String, i32)>,
) -> Result<HttpResponse, PortalError> {
    let portal = posted.portal;
    let (a, p) = viewer_attempt(&portal, &path).await?;
    let actor = portal.require_user()?;
    let given = given_of(&posted.form);
    match learning::submit_attempt(&portal.state.app, actor, a.id, &given).await {
        Ok((done, _)) if done.step.course_completed => Ok(portal.redirect(&format!(
            "{}?notice=learn-notice-completed",
            learning::attempt_path(&p.0.slug, &a)
        ))),
        Ok(_) => Ok(portal.redirect(&learning::attempt_path(&p.0.slug, &a))),
        Err(e @ (AppError::Conflict { .. } | AppError::Invalid(_)))
            if matches!(e.code(), "time_over" | "invalid_input") =>
        {
            let (status, key) = match e {
                AppError::Invalid(_) => (StatusCode::UNPROCESSABLE_ENTITY, "bad_answers"),
                _ => (StatusCode::CONFLICT, "time_over"),
            };
            let message = portal.t(&format!("quiz-error-{key}"), &[]);
            let (fresh, _) = learning::own_attempt(&portal.state.app, actor, a.id).await?;
            let mut ctx =
                attempt_context(&portal, &fresh, &p, Some(message)).ok_or(AppError::NotFound)?;
            portal.render_status(status, "attempt.html", &mut ctx)
        }
        Err(e) => Err(e.into()),
    }
}

async fn dashboard(portal: Portal) -> Result<HttpResponse, PortalError> {
    let actor = portal.require_user()?;
    let entries = learning::dashboard(&portal.state.app, actor).await?;
    let lang = portal.lang;
    let mut in_progress = vec![];
    let mut completed = vec![];
    let mut active = false;
    for x in entries {
        active |= x.enrollment.status == EnrollmentStatus::Active;
        let next = x.progress.as_ref().and_then(|pr| pr.next.clone());
        let item = json!({
            "title": text(&x.title, lang, &x.default_language),
            "href": x.available.then(|| format!("/courses/{}", x.slug)),
            "continue": next.filter(|_| x.available).map(|k| lesson_href(&x.slug, &k)),
            "percent": x.progress.as_ref().filter(|_| kuza_enrollment::studies(&x.enrollment)).map(|p| p.percent),
            "status": x.enrollment.status,
            "enrolled_on": date(x.enrollment.enrolled_at),
            "completed_on": x.enrollment.completed_at.map(date),
            "certificate": x.certificate.as_ref().map(|c| super::certificates::certificate_json(&portal, c)),
        });
        if x.enrollment.status == EnrollmentStatus::Completed {
            completed.push(item);
        } else {
            in_progress.push(item);
        }
    }
    let mut ctx = Context::new();
    ctx.insert("in_progress", &in_progress);
    ctx.insert("completed", &completed);
    // The sessions of the cohorts the viewer facilitates, from a week ago on.
    let since = kuza_db::now() - 7 * 86_400;
    let runs: Vec<Value> = sessions::facilitated(&portal.state.app, actor, since)
        .await?
        .iter()
        .map(super::sessions::session_json)
        .collect();
    ctx.insert("facilitated", &runs);
    // Needs assessments addressed to the viewer, not answered yet.
    let asked: Vec<Value> = kuza_app::needs::open_for(&portal.state.app, actor)
        .await?
        .into_iter()
        .filter(|(_, done)| !done)
        .map(|(s, _)| {
            json!({ "href": format!("/surveys/{}", s.id),
                    "title": text(&kuza_surveys::needs::title(&s), lang, &s.default_language) })
        })
        .collect();
    ctx.insert("surveys", &asked);
    if active || !runs.is_empty() {
        let feed = sessions::feed_link(&portal.state.app, actor, false).await?;
        ctx.insert("calendar_feed", &feed);
    }
    portal.render("dashboard.html", ctx)
}
