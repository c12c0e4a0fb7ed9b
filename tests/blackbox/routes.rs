//! The route table as a whole: every route the server answers is tried as
//! six people (signed out, a learner, an author who does not own the
//! course, a facilitator of another cohort, a partner of another
//! organisation, an administrator) and must refuse exactly as its
//! [`Access`] documents: 401 from the API or the sign-in page from the
//! portal for someone signed out, 403 for someone signed in without the
//! right, 404 for someone else's record. A route that is not in the table
//! is not served at all (the table registers them), and one whose resource
//! this test does not know how to name fails here until it is taught.
//!
//! The refusals are all tried first, so that what the allowed people then
//! do (enrol, archive…) cannot change them.

use kuza_server::routes::{Access, Entry, path_params, table};
use kuza_tests::*;
use reqwest::Method;
use serde_json::{Value, json};
use std::collections::HashMap;

/// The six people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Who {
    Anonymous,
    Learner,
    OtherAuthor,
    OtherFacilitator,
    OtherPartner,
    Admin,
}

const EVERYONE: [Who; 6] = [
    Who::Anonymous,
    Who::Learner,
    Who::OtherAuthor,
    Who::OtherFacilitator,
    Who::OtherPartner,
    Who::Admin,
];

/// What a request must get.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    /// 401 (API) or a redirect to the sign-in page (portal).
    SignIn,
    Forbidden,
    NotFound,
    /// Not enrolled: 403 (API); the portal sends them back to the course
    /// page, or refuses leaving (403).
    NotEnrolled,
    /// Anything but a refusal.
    Allowed,
}

fn expect(access: Access, who: Who) -> Expect {
    use Access as A;
    use Who as W;
    if who == W::Anonymous {
        return match access {
            A::Public => Expect::Allowed,
            A::SecretAddress | A::CourseFile => Expect::NotFound,
            _ => Expect::SignIn,
        };
    }
    match (access, who) {
        (A::Public | A::SignedIn, _) => Expect::Allowed,
        (A::SecretAddress, _) => Expect::NotFound,
        (A::Own, _) => Expect::NotFound,
        (A::OwnOrAdmin, W::Admin) => Expect::Allowed,
        (A::OwnOrAdmin, _) => Expect::NotFound,
        (A::Enrolled, _) => Expect::NotEnrolled,
        (A::Author, W::OtherAuthor | W::Admin) => Expect::Allowed,
        (A::EnrolOthers, W::OtherPartner | W::Admin) => Expect::Allowed,
        (A::Partner, W::OtherPartner) => Expect::Allowed,
        (A::Partner, _) => Expect::Forbidden,
        (A::PartnerOrAdmin, W::OtherPartner | W::Admin) => Expect::Allowed,
        // A partner reads its own organisation's reports by default.
        (A::Reports, W::OtherPartner | W::Admin) => Expect::Allowed,
        (_, W::Admin) => Expect::Allowed,
        _ => Expect::Forbidden,
    }
}

/// The world every route is tried against.
struct World {
    app: TestApp,
    tokens: HashMap<Who, String>,
    browsers: HashMap<Who, (reqwest::Client, String)>,
    ids: HashMap<&'static str, String>,
}

async fn world() -> World {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let owner = app.author_token(&db, "owner@example.org").await;
    let admin = app.admin_token(&db, "admin@example.org").await;
    let other_author = app.author_token(&db, "other-author@example.org").await;
    let learner = app.learner_token("learner@example.org").await;
    let f1 = app.register("facilitator@example.org", "en").await;
    let f2 = app.register("other-facilitator@example.org", "en").await;
    grant(&db, f1, &[kuza_accounts::Role::Facilitator]).await;
    grant(&db, f2, &[kuza_accounts::Role::Facilitator]).await;
    let other_facilitator = app.access_token("other-facilitator@example.org").await;
    let partner =
        Partner::of_new_organisation(&app, &db, "partner@example.org", "Other Agency").await;

    // A facilitated course with a quiz, two cohorts (one facilitator each)
    // and a session, a learner in the first cohort with a quiz attempt.
    let c =
        PublishedCourse::with_quiz(&app, &owner, "walked", "facilitated", quiz(None, None)).await;
    let cohort = |facilitator: i64| {
        json!({"name": "Cohort", "language": "en", "starts_at": in_days(1),
               "ends_at": in_days(30), "capacity": 20, "facilitators": [facilitator]})
    };
    let k1 = Cohort::create(&app, &owner, c.id, cohort(f1)).await;
    Cohort::create(&app, &owner, c.id, cohort(f2)).await;
    let session = k1
        .session(
            &app,
            &owner,
            json!({"title": "Kick-off", "starts_at": in_days(2), "ends_at": in_days(3),
                   "time_zone": "UTC", "venue": "Room 4"}),
        )
        .await;
    let enrolled = Learner::in_cohort(&app, "member@example.org", c.id, k1.id).await;
    let quiz_key = c.lessons[3].clone();
    let (status, attempt) = post(
        &app,
        &enrolled.token,
        format!("/api/v1/quizzes/{quiz_key}/attempts"),
        None,
    )
    .await;
    assert_eq!(status, 201, "{attempt}");

    // The draft's parts, and a file of another course that is a draft.
    let (_, draft) = app
        .api(
            Method::GET,
            &format!("/api/v1/courses/{}/draft", c.id),
            Some(&owner),
            None,
        )
        .await;
    let module = draft["modules"][0]["id"].to_string();
    let quiz_lesson = draft["modules"][1]["lessons"][1]["id"].to_string();
    let question = draft["modules"][1]["lessons"][1]["quiz"]["questions"][0]["key"]
        .as_str()
        .expect("a question key")
        .to_owned();
    let d = DraftCourse::create(
        &app,
        &owner,
        json!({"slug": "drafted", "format": "self_paced", "level": "introductory",
               "estimated_hours": 1, "default_language": "en", "languages": ["en"],
               "title": {"en": "Drafted"}}),
    )
    .await;
    let (status, file) = app
        .upload(&owner, d.id, "notes.txt", b"Notes for the next term.\n")
        .await;
    assert_eq!(status, 201, "{file}");
    let res = reqwest::Client::new()
        .post(app.url(&format!("/api/v1/courses/{}/packages", d.id)))
        .query(&[("name", "water.zip")])
        .bearer_auth(&owner)
        .body(crate::packages::package("scorm12"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    let package: Value = res.json().await.unwrap();

    // A certificate: a learner with a confirmed address completes a
    // self-paced course of one lesson.
    let s = PublishedCourse::from_document(
        &app,
        &owner,
        json!({"kuza_archive": 1, "slug": "certified", "format": "self_paced",
               "level": "introductory", "estimated_hours": 1.0, "default_language": "en",
               "languages": ["en"], "themes": [], "title": {"en": "Certified"},
               "summary": {"en": "A course."},
               "modules": [{"title": {"en": "One"}, "lessons": [
                   {"kind": "text", "required": true, "title": {"en": "Read"}}]}]}),
        json!({"lessons/01-01.en.md": "Text."}),
    )
    .await;
    let graduate = Learner::enrolled(&app, "graduate@example.org", s.id).await;
    confirm_email(&app, "graduate@example.org").await;
    let (status, step) = post(
        &app,
        &graduate.token,
        format!("/api/v1/lessons/{}/complete", s.lessons[0]),
        None,
    )
    .await;
    assert_eq!((status, &step["course_completed"]), (200, &json!(true)));
    let (_, mine) = app
        .api(
            Method::GET,
            "/api/v1/me/certificates",
            Some(&graduate.token),
            None,
        )
        .await;
    let certificate = mine["items"][0]["public_id"]
        .as_str()
        .expect("a certificate")
        .to_owned();

    // The certificate library: a signatory and a logo; an endorsement
    // asked by an organisation other than the partner's.
    let (status, signatory) = app
        .api(
            Method::POST,
            "/api/v1/certificate-library/signatories",
            Some(&admin),
            Some(json!({"name": "A. Signer", "title": "Director"})),
        )
        .await;
    assert_eq!(status, 201, "{signatory}");
    let (status, logo) = app
        .api(
            Method::POST,
            "/api/v1/certificate-library/logos",
            Some(&admin),
            Some(json!({"name": "Partner", "image": svg_logo_base64("#0b5394")})),
        )
        .await;
    assert_eq!(status, 201, "{logo}");
    let endorser =
        Partner::of_new_organisation(&app, &db, "endorser@example.org", "Endorsing Agency").await;
    let (status, endorsement) = app
        .api(
            Method::POST,
            &format!("/api/v1/courses/{}/endorsements", c.id),
            Some(&endorser.token),
            Some(json!({"comment": "Sound."})),
        )
        .await;
    assert_eq!(status, 201, "{endorsement}");
    // A needs assessment of the endorsing organisation, open to the public.
    let (status, survey) = app
        .api(
            Method::POST,
            "/api/v1/surveys",
            Some(&endorser.token),
            Some(json!({"title": {"en": "Needs"}, "audience": "public"})),
        )
        .await;
    assert_eq!(status, 201, "{survey}");
    let survey = survey["id"].to_string();
    let (status, published) = app
        .api(
            Method::PUT,
            &format!("/api/v1/surveys/{survey}"),
            Some(&endorser.token),
            Some(json!({"publish": true})),
        )
        .await;
    assert_eq!(status, 200, "{published}");

    let mut ids = HashMap::new();
    ids.insert("survey", survey);
    ids.insert("bank key", "relevance".to_owned());
    ids.insert("signatory", signatory["id"].to_string());
    ids.insert("logo", logo["id"].to_string());
    ids.insert(
        "digest",
        logo["image_url"]
            .as_str()
            .and_then(|u| u.rsplit('/').next())
            .expect("a picture address")
            .to_owned(),
    );
    ids.insert("endorsement", endorsement["id"].to_string());
    // A scheduled report of the course's owner: nobody else's to end.
    let (status, subscription) = app
        .api(
            Method::POST,
            "/api/v1/reports/subscriptions",
            Some(&owner),
            Some(json!({"frequency": "monthly", "course": c.id})),
        )
        .await;
    assert_eq!(status, 201, "{subscription}");
    ids.insert("subscription", subscription["id"].to_string());
    ids.insert("certificate", certificate);
    ids.insert("course", c.id.to_string());
    ids.insert("slug", c.slug.clone());
    ids.insert("lesson key", c.lessons[0].clone());
    ids.insert("quiz key", quiz_key);
    ids.insert("module", module);
    ids.insert("lesson", quiz_lesson);
    ids.insert("question", question);
    ids.insert("cohort", k1.id.to_string());
    ids.insert("session", session["id"].to_string());
    ids.insert("enrollment", enrolled.enrollment["id"].to_string());
    ids.insert("attempt", attempt["id"].to_string());
    ids.insert("media", file["id"].to_string());
    ids.insert("package", package["id"].to_string());
    ids.insert("media name", "notes.txt".to_owned());
    let url = file["url"].as_str().expect("a file address");
    ids.insert(
        "media address",
        url.split('/').nth(2).expect("/media/{address}/").to_owned(),
    );
    ids.insert("user", enrolled.id.to_string());
    // Not the partner's own: the routes of an organisation refuse the
    // coordinators of another.
    ids.insert("organisation", endorser.organisation_id.to_string());

    let mut tokens = HashMap::new();
    tokens.insert(Who::Learner, learner);
    tokens.insert(Who::OtherAuthor, other_author);
    tokens.insert(Who::OtherFacilitator, other_facilitator);
    tokens.insert(Who::OtherPartner, partner.token.clone());
    tokens.insert(Who::Admin, admin);
    let emails = [
        (Who::Learner, "learner@example.org"),
        (Who::OtherAuthor, "other-author@example.org"),
        (Who::OtherFacilitator, "other-facilitator@example.org"),
        (Who::OtherPartner, "partner@example.org"),
        (Who::Admin, "admin@example.org"),
    ];
    let mut browsers = HashMap::new();
    for (who, email) in emails {
        let b = browser();
        let res = app.sign_in(&b, email, PASSWORD).await;
        assert_eq!(res.status(), 303, "{email} signs in");
        let csrf = csrf_of(&app.page(&b, "/").await);
        browsers.insert(who, (b, csrf));
    }
    let b = browser();
    let csrf = csrf_of(&app.page(&b, "/").await);
    browsers.insert(Who::Anonymous, (b, csrf));
    World {
        app,
        tokens,
        browsers,
        ids,
    }
}

/// The path with this world's ids: `{id}` names the noun before it.
fn concrete(w: &World, path: &str) -> String {
    let mut out = path.to_owned();
    for name in path_params(path) {
        let what: &str = match name {
            "id" => {
                let noun = path
                    .split("/{id}")
                    .next()
                    .and_then(|p| p.rsplit('/').next())
                    .unwrap_or_default();
                match noun {
                    "courses" => "course",
                    "modules" => "module",
                    "lessons" => "lesson",
                    "cohorts" => "cohort",
                    "sessions" => "session",
                    "enrollments" => "enrollment",
                    "attempts" => "attempt",
                    "media" => "media",
                    "packages" => "package",
                    "users" => "user",
                    "organisations" => "organisation",
                    "signatories" => "signatory",
                    "logos" => "logo",
                    "endorsements" => "endorsement",
                    "subscriptions" => "subscription",
                    "surveys" => "survey",
                    other => panic!("{path}: teach this test what `{other}/{{id}}` names"),
                }
            }
            "slug" => "slug",
            "public_id" => "certificate",
            "list" => {
                out = out.replace("{list}", "1");
                continue;
            }
            "organisation" => "organisation",
            "user_id" => "user",
            "endorsement" => "endorsement",
            "digest" => "digest",
            "attempt" => "attempt",
            "name" => "media name",
            "address" => "media address",
            "key" if path.contains("/questions/") => "question",
            "key" if path.contains("survey-bank") => "bank key",
            "key" if path.contains("attempts") || path.contains("quizzes") => "quiz key",
            "key" => "lesson key",
            "token" => {
                out = out.replace("{token}", "1-not-a-signature.ics");
                continue;
            }
            "file" => {
                out = out.replace("{file}", "app.css");
                continue;
            }
            "path:.*" => {
                out = out.replace("{path:.*}", "sco.html");
                continue;
            }
            other => panic!("{path}: teach this test what `{{{other}}}` names"),
        };
        out = out.replacen(&format!("{{{name}}}"), &w.ids[what], 1);
    }
    out
}

/// A body that parses, for the API routes that take JSON, so a refusal
/// comes from the policy and not from the body.
fn body(method: &Method, path: &str) -> Option<Value> {
    let course = json!({"slug": "walked-copy", "format": "self_paced", "level": "introductory",
        "estimated_hours": 1, "default_language": "en", "languages": ["en"],
        "title": {"en": "Copy"}});
    let cohort = json!({"name": "Cohort", "language": "en", "starts_at": "2030-01-01T00:00:00Z",
        "ends_at": "2030-02-01T00:00:00Z"});
    let session = json!({"title": "S", "starts_at": "2030-01-02T10:00:00Z",
        "ends_at": "2030-01-02T11:00:00Z", "time_zone": "UTC", "venue": "Room 4"});
    let org = json!({"name": "Walked Org", "kind": "academia", "country": "KE"});
    Some(match (method.as_str(), path) {
        ("POST", "/api/v1/auth/register") => json!({"email": "new@example.org",
            "password": PASSWORD, "display_name": "New", "language": "en", "country": "KE"}),
        ("POST", "/api/v1/auth/token") => json!({"email": "nobody@example.org", "password": "x"}),
        ("POST", "/api/v1/auth/refresh") => json!({"refresh_token": "not-a-token"}),
        ("POST", "/api/v1/auth/verify-email") => json!({"token": "not-a-token"}),
        ("POST", "/api/v1/auth/password-reset") => json!({"email": "nobody@example.org"}),
        ("POST", "/api/v1/auth/password-reset/confirm") => {
            json!({"token": "not-a-token", "password": "another-long-passphrase"})
        }
        ("PATCH", "/api/v1/me") => {
            json!({"display_name": "Me", "language": "en", "country": "KE"})
        }
        ("POST", "/api/v1/me/password") => {
            json!({"current_password": "wrong", "new_password": "another-long-passphrase"})
        }
        ("PATCH", "/api/v1/users/{id}") => json!({"active": true}),
        ("PUT", "/api/v1/users/{id}/roles") => json!({"roles": []}),
        ("PUT", "/api/v1/courses/{id}/partners/{organisation}") => json!({"places": 5}),
        ("POST", "/api/v1/organisations") | ("PUT", "/api/v1/organisations/{id}") => org,
        ("POST", "/api/v1/courses") | ("PUT", "/api/v1/courses/{id}") => course,
        ("POST", "/api/v1/courses/{id}/cohorts") | ("PUT", "/api/v1/cohorts/{id}") => cohort,
        ("POST", "/api/v1/cohorts/{id}/sessions") | ("PUT", "/api/v1/sessions/{id}") => session,
        ("PUT", "/api/v1/sessions/{id}/attendance") => json!({"records": []}),
        ("POST", "/api/v1/enrollments/{id}/remove")
        | ("POST", "/api/v1/enrollments/{id}/accept")
        | ("POST", "/api/v1/enrollments/{id}/decline") => json!({"message": "m"}),
        ("POST", "/api/v1/courses/{id}/modules") | ("PUT", "/api/v1/modules/{id}") => {
            json!({"title": {"en": "M"}})
        }
        ("POST", "/api/v1/modules/{id}/lessons") | ("PUT", "/api/v1/lessons/{id}") => {
            json!({"title": {"en": "L"}, "kind": "text"})
        }
        ("PUT", "/api/v1/lessons/{id}/quiz") => quiz(None, None),
        ("PUT", "/api/v1/courses/{id}/enrolment") => {
            json!({"enrolment": "open", "grade_policy": "best"})
        }
        ("POST", "/api/v1/attempts/{id}/submit") => json!({"answers": {}}),
        ("POST", "/api/v1/attempts/{id}/grade") => json!({"decisions": {}}),
        ("POST", "/api/v1/certificates/{public_id}/revoke")
        | ("POST", "/api/v1/enrollments/{id}/certificate") => json!({"reason": "Walked"}),
        ("PUT", "/api/v1/certificates/{public_id}/name") => json!({"name": "Walked Name"}),
        ("POST", "/api/v1/certificate-library/signatories") => {
            json!({"name": "Walked", "title": "Walker"})
        }
        ("POST", "/api/v1/certificate-library/logos") => json!({"name": "Walked", "image": ""}),
        ("PUT", "/api/v1/courses/{id}/certificate-design") => {
            json!({"signatories": [], "logos": []})
        }
        ("POST", "/api/v1/courses/{id}/endorsements") => json!({"comment": "Walked"}),
        ("POST", "/api/v1/reports/subscriptions") => json!({"frequency": "weekly"}),
        ("PUT", "/api/v1/courses/{id}/evaluation") => json!({"required": false}),
        ("PUT", "/api/v1/courses/{id}/follow-up") => json!({"months": 3}),
        ("PUT", "/api/v1/courses/{id}/evaluation/response")
        | ("PUT", "/api/v1/surveys/{id}/response") => json!({"answers": {}}),
        ("POST", "/api/v1/surveys") => json!({"title": {"en": "Walked"}}),
        ("POST", "/api/v1/survey-bank") => json!({"question": {"id": "", "kind": "short_text",
            "required": false, "text": {"en": "Walked?"}}}),
        ("PUT", "/api/v1/survey-bank/{key}") => json!({"retired": false}),
        ("PUT", "/api/v1/surveys/{id}") => json!({"anonymous": true}),
        ("PUT", "/api/v1/cohorts/{id}/report") => json!({"starts_at": "2030-01-01T00:00:00Z",
            "ends_at": "2030-02-01T00:00:00Z", "facilitators": "F", "participants": 3,
            "attendance": "All", "outcomes": "Plans"}),
        _ => return None,
    })
}

/// What came back: the status, where a redirect goes, the problem's code.
#[derive(Debug, Clone)]
struct Answer {
    status: u16,
    to: String,
    code: String,
}

/// What some routes need besides their body to be well-formed: a query
/// (API) or form fields (portal).
fn extra(path: &str) -> &'static [(&'static str, &'static str)] {
    match path {
        "/api/v1/courses/{id}/media" => &[("name", "notes.txt")],
        "/api/v1/courses/{id}/packages" => &[("name", "water.zip")],
        "/studio/enrollments/{id}/decide" => &[("decision", "decline")],
        "/language" => &[("lang", "en")],
        "/reports/subscriptions" => &[("frequency", "weekly")],
        "/studio/courses/{id}/evaluation" => &[("action", "settings")],
        "/studio/courses/{id}/follow-up" => &[("action", "settings"), ("months", "3")],
        "/surveys/{id}/edit" => &[("action", "settings")],
        "/surveys" => &[("title_en", "Walked"), ("audience", "members")],
        "/admin/survey-bank" => &[("action", "restore"), ("key", "relevance")],
        _ => &[],
    }
}

/// The portal's forms that upload a file (`multipart/form-data`).
fn takes_files(path: &str) -> bool {
    matches!(
        path,
        "/courses/{slug}/enrol-many"
            | "/studio/courses/{id}/media"
            | "/studio/courses/{id}/packages"
            | "/admin/certificate-library/signatories"
            | "/admin/certificate-library/logos"
            | "/courses/{slug}/endorse"
    )
}

/// Sends `e`'s request as `who`.
async fn send(w: &World, e: &Entry, who: Who) -> Answer {
    let url = w.app.url(&concrete(w, e.path));
    let method = Method::from_bytes(e.method.as_str().as_bytes()).expect("a method");
    let res = if e.is_api() {
        let mut req = reqwest::Client::new()
            .request(method.clone(), &url)
            .query(extra(e.path));
        if let Some(t) = w.tokens.get(&who) {
            req = req.bearer_auth(t);
        }
        if let Some(b) = body(&method, e.path) {
            req = req.json(&b);
        }
        req.send().await.expect("request")
    } else {
        let (b, csrf) = &w.browsers[&who];
        let mut req = b.request(method.clone(), &url);
        if method == Method::POST && takes_files(e.path) {
            // The token is the first part, as the portal's forms send it.
            let form = reqwest::multipart::Form::new()
                .text("csrf", csrf.clone())
                .part(
                    "file",
                    reqwest::multipart::Part::bytes(b"email\n".to_vec()).file_name("people.csv"),
                );
            req = req.multipart(form);
        } else if method == Method::POST {
            let mut form = vec![("csrf", csrf.as_str())];
            form.extend_from_slice(extra(e.path));
            req = req.form(&form);
        }
        req.send().await.expect("request")
    };
    let status = res.status().as_u16();
    let header = |name: &str| {
        res.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    let to = header("location");
    let content_type = header("content-type");
    let text = res.text().await.unwrap_or_default();
    let mut code = String::new();
    if e.is_api() && status >= 400 {
        assert_eq!(
            content_type, "application/problem+json",
            "{} {} as {who:?}: {status} must be a problem document",
            e.method, e.path
        );
        let problem: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
        code = problem["code"].as_str().unwrap_or_default().to_owned();
    }
    if !e.is_api() && status == 403 && text.contains("This form has expired") {
        panic!(
            "{} {} as {who:?}: the test's form token was refused",
            e.method, e.path
        );
    }
    Answer { status, to, code }
}

fn holds(e: &Entry, expected: Expect, a: &Answer, slug: &str) -> bool {
    let sign_in = if e.is_api() {
        a.status == 401 && a.code == "unauthorized"
    } else {
        a.status == 303 && a.to.starts_with("/sign-in?next=")
    };
    match expected {
        Expect::SignIn => sign_in,
        Expect::Forbidden => a.status == 403,
        Expect::NotFound => a.status == 404,
        Expect::NotEnrolled if e.is_api() => a.status == 403,
        Expect::NotEnrolled => {
            a.status == 403 || (a.status == 303 && a.to.starts_with(&format!("/courses/{slug}")))
        }
        // 503: a certificate's PDF on a machine without the fonts (never
        // under CI, where `certificate_fonts` insists on them).
        Expect::Allowed => {
            !sign_in
                && a.status != 403
                && (a.status < 500 || (a.status == 503 && !certificate_fonts()))
        }
    }
}

/// Routes that end or replace the session they are sent with: tried last,
/// so they do not sign out the people the other routes are tried as.
fn ends_session(e: &Entry) -> u8 {
    if e.method.as_str() != "POST" {
        return 0;
    }
    match e.path {
        "/profile/password" => 1,
        "/sign-in" | "/sign-up" => 2,
        "/sign-out" => 3,
        _ => 0,
    }
}

#[tokio::test]
async fn every_route_refuses_exactly_whom_its_access_says() {
    let w = world().await;
    let t = table();
    let slug = w.ids["slug"].clone();
    let mut wrong = vec![];
    // Every status an API route answers is one its operation documents.
    let (_, doc) = w
        .app
        .api(Method::GET, "/api/openapi.json", None, None)
        .await;
    let mut undocumented = vec![];
    // First the refusals, then those allowed (who may change things).
    let mut entries: Vec<&Entry> = t.entries().collect();
    entries.sort_by_key(|e| ends_session(e));
    for allowed_pass in [false, true] {
        for e in entries.iter().copied() {
            for who in EVERYONE {
                let expected = expect(e.access, who);
                if (expected == Expect::Allowed) != allowed_pass {
                    continue;
                }
                let got = send(&w, e, who).await;
                if e.is_api() {
                    let op = &doc["paths"][e.path][e.method.as_str().to_lowercase()];
                    if op["responses"][got.status.to_string()].is_null() {
                        undocumented.push(format!(
                            "{} {} as {who:?}: {} {}",
                            e.method, e.path, got.status, got.code
                        ));
                    }
                }
                if !holds(e, expected, &got, &slug) {
                    wrong.push(format!(
                        "{} {} ({:?}) as {who:?}: expected {expected:?}, got {} {} {}",
                        e.method, e.path, e.access, got.status, got.code, got.to
                    ));
                }
            }
        }
    }
    assert!(
        undocumented.is_empty(),
        "{} answers are not in the OpenAPI document:\n{}",
        undocumented.len(),
        undocumented.join("\n")
    );
    assert!(
        wrong.is_empty(),
        "{} requests answered otherwise than documented:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}
