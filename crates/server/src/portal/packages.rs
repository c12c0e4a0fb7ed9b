//! A package lesson's player (`/courses/{slug}/lessons/{key}/play`): the
//! package's table of contents, and the SCO in a frame of the same origin
//! with the run-time API its pages look for (`API` for SCORM 1.2,
//! `API_1484_11` for 2004) from the one script of the portal
//! (`package.js` over scorm-again). Each commit of the SCO's data reaches
//! `/courses/{slug}/lessons/{key}/runtime`, signed at launch for this
//! learner's run.

use super::Portal;
use crate::errors::PortalError;
use crate::routes::{Access, Table};
use actix_web::http::Method;
use actix_web::{HttpResponse, web};
use kuza_app::packages::{self, CommitKey};
use kuza_app::{AppError, learning};
use serde::Deserialize;
use serde_json::json;
use tera::Context;

pub fn routes(t: &mut Table) {
    t.page(
        Method::GET,
        "/courses/{slug}/lessons/{key}/play",
        Access::Enrolled,
        play,
    );
    t.page(
        Method::POST,
        "/courses/{slug}/lessons/{key}/runtime",
        Access::Enrolled,
        runtime,
    );
}

#[derive(Deserialize)]
struct PlayQuery {
    sco: Option<String>,
}

fn lesson_href(slug: &str, key: &str) -> String {
    format!("/courses/{slug}/lessons/{key}")
}

async fn play(
    portal: Portal,
    path: web::Path<(String, String)>,
    query: web::Query<PlayQuery>,
) -> Result<HttpResponse, PortalError> {
    let (slug, key) = path.into_inner();
    let actor = portal.require_user()?;
    let p = learning::published(&portal.state.app, &slug).await?;
    let launch =
        match packages::launch(&portal.state.app, actor, &p, &key, query.sco.as_deref()).await {
            Err(e) if e.code() == "not_enrolled" => {
                return Ok(portal.redirect(&format!("/courses/{slug}")));
            }
            other => other?,
        };
    let doc = &p.1.document;
    let base = lesson_href(&slug, &key);
    let play = |sco: &str| format!("{base}/play?sco={}", urlencoding(sco));
    let k = &launch.commit;
    let commit = format!(
        "{base}/runtime?run={}&attempt={}&review={}&t={}",
        k.run, k.attempt, k.review, k.signature
    );
    let lesson = kuza_progress::lesson(doc, &key).ok_or(AppError::NotFound)?;
    let mut ctx = Context::new();
    ctx.insert(
        "course_title",
        &super::courses::text(&doc.title, portal.lang, &p.0.default_language),
    );
    ctx.insert(
        "lesson_title",
        &super::courses::text(&lesson.title, portal.lang, &p.0.default_language),
    );
    ctx.insert("base", &base);
    ctx.insert("package_title", &launch.title);
    ctx.insert(
        "toc",
        &launch
            .toc
            .iter()
            .map(|e| {
                json!({ "title": e.title, "depth": e.depth, "done": e.done, "current": e.current,
                        "href": e.launches.then(|| play(&e.identifier)) })
            })
            .collect::<Vec<_>>(),
    );
    ctx.insert("previous", &launch.previous.as_deref().map(play));
    ctx.insert("next", &launch.next.as_deref().map(play));
    ctx.insert("review", &k.review);
    ctx.insert(
        "player",
        &json!({
            "standard": launch.package.standard,
            "src": launch.url,
            "commit": commit,
            "exit": base,
            "choice": format!("{base}/play?sco="),
            "store": format!("kuza-run-{}-{}", k.run, k.attempt),
        }),
    );
    ctx.insert(
        "initial",
        &serde_json::to_string(&launch.initial)
            .map_err(|e| AppError::Internal(e.to_string()))?
            // Inside a <script> element of JSON.
            .replace("</", "<\\/"),
    );
    portal.render("package_player.html", ctx)
}

fn urlencoding(s: &str) -> String {
    percent_encoding::utf8_percent_encode(s, percent_encoding::NON_ALPHANUMERIC).to_string()
}

/// The largest commit taken, in bytes.
const COMMIT_MAX: usize = 4 * 1024 * 1024;

/// What a commit names (all there, or it names nothing).
#[derive(Deserialize, Default)]
struct RuntimeQuery {
    run: Option<i32>,
    attempt: Option<i32>,
    review: Option<bool>,
    t: Option<String>,
}

/// A commit of a SCO's data, as the run-time library sends it (JSON, as
/// `application/json` or, the last one of a session, as a beacon's
/// `text/plain`). It answers as the library reads answers: `result` and
/// `errorCode` (0, or 101 with the problems when the data is refused,
/// which keeps nothing of it).
async fn runtime(
    portal: Portal,
    path: web::Path<(String, String)>,
    query: Option<web::Query<RuntimeQuery>>,
    mut payload: web::Payload,
) -> Result<HttpResponse, PortalError> {
    use futures_util::StreamExt;
    let (slug, key) = path.into_inner();
    let actor = portal.require_user()?;
    // A 2004 commit may carry 64,000 characters of suspend data (three
    // bytes each in Chinese) and hundreds of interactions: more than the
    // usual body limit, well within this one.
    let mut body = web::BytesMut::new();
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|e| AppError::BadInput(e.to_string()))?;
        if body.len() + chunk.len() > COMMIT_MAX {
            return Err(AppError::TooLarge.into());
        }
        body.extend_from_slice(&chunk);
    }
    let p = learning::published(&portal.state.app, &slug).await?;
    let q = query.map(|q| q.into_inner()).unwrap_or_default();
    let commit_key = CommitKey {
        run: q.run.unwrap_or_default(),
        attempt: q.attempt.unwrap_or_default(),
        review: q.review.unwrap_or_default(),
        signature: q.t.unwrap_or_default(),
    };
    match packages::commit(&portal.state.app, actor, &p, &key, &commit_key, &body).await {
        Ok(done) => Ok(HttpResponse::Ok().json(json!({
            "result": true,
            "errorCode": 0,
            "lessonCompleted": done.step.is_some_and(|s| s.newly),
            "courseCompleted": done.step.is_some_and(|s| s.course_completed),
        }))),
        Err(e) => {
            let status = crate::errors::status_of(&e);
            Ok(HttpResponse::build(status).json(json!({
                "result": false,
                "errorCode": 101,
                "code": e.code(),
                "problems": e.problems(),
            })))
        }
    }
}
