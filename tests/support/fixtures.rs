//! Fixture builders: the arrangements many tests share, built through the
//! API (and, for roles, the database) the way the tests used to build them
//! one by one. Plain async functions returning plain structs; every step
//! asserts that it worked, so a broken arrangement fails where it breaks.

use crate::{TestApp, TestDb, post};
use reqwest::Method;
use serde_json::{Value, json};

/// A quiz of 6 points, one question of each kind; 60% (4 points) passes.
pub fn quiz(attempts: Option<u32>, minutes: Option<u32>) -> Value {
    json!({
        "pass_mark": 60, "attempts": attempts, "time_limit_minutes": minutes, "shuffle": false,
        "questions": [
            {"points": 1, "prompt": {"en": "Single"}, "kind": "single", "feedback": {"en": "About targets."},
             "options": [{"text": {"en": "wrong"}, "correct": false, "feedback": {"en": "No: 11.1 is housing."}},
                         {"text": {"en": "right"}, "correct": true}]},
            {"points": 2, "prompt": {"en": "Multiple"}, "kind": "multiple",
             "options": [{"text": {"en": "m1"}, "correct": true}, {"text": {"en": "m2"}, "correct": true},
                         {"text": {"en": "m3"}, "correct": false}]},
            {"points": 1, "prompt": {"en": "True or false"}, "kind": "true_false", "answer": true},
            {"points": 1, "prompt": {"en": "Number"}, "kind": "numeric", "answer": 3.5, "tolerance": 0.1},
            {"points": 1, "prompt": {"en": "Text"}, "kind": "short_text", "accepted": ["New Urban Agenda"]}
        ]
    })
}

/// The lesson keys of a published document, in course order.
pub fn lesson_keys(doc: &Value) -> Vec<String> {
    doc["document"]["modules"]
        .as_array()
        .expect("modules")
        .iter()
        .flat_map(|m| m["lessons"].as_array().expect("lessons").iter())
        .map(|l| l["key"].as_str().expect("a lesson key").to_owned())
        .collect()
}

/// The time `hours` from now, in RFC 3339.
pub fn in_hours(hours: i64) -> String {
    chrono::DateTime::from_timestamp(kuza_db::now() + hours * 3600, 0)
        .expect("a time")
        .to_rfc3339()
}

/// The time `days` from now, in RFC 3339.
pub fn in_days(days: i64) -> String {
    in_hours(days * 24)
}

/// Publishes course `id` as `author` (an access token); the answer.
pub async fn publish_course(app: &TestApp, author: &str, id: i64) -> Value {
    let (status, p) = post(app, author, format!("/api/v1/courses/{id}/publish"), None).await;
    assert_eq!(status, 201, "{p}");
    p
}

/// A published course, made from one course document.
pub struct PublishedCourse {
    pub id: i64,
    pub slug: String,
    /// The access token of the author who made it (one of its editors).
    pub author: String,
    /// The published document, as `GET /api/v1/catalog/{slug}` returns it.
    pub doc: Value,
    /// The lesson keys in course order.
    pub lessons: Vec<String>,
}

impl PublishedCourse {
    /// The course most learning tests use, in English: module 1 has a
    /// required and an optional text lesson, module 2 a required text
    /// lesson and `quiz` (required); so `lessons[3]` is the quiz. Its title
    /// is "Course {slug}".
    pub async fn with_quiz(
        app: &TestApp,
        author: &str,
        slug: &str,
        format: &str,
        quiz: Value,
    ) -> PublishedCourse {
        let course = json!({
            "kuza_archive": 1, "slug": slug, "format": format, "level": "introductory",
            "estimated_hours": 1.0, "default_language": "en", "languages": ["en"], "themes": [],
            "title": {"en": format!("Course {slug}")}, "summary": {"en": "A course."},
            "modules": [
                {"title": {"en": "One"}, "lessons": [
                    {"kind": "text", "required": true, "title": {"en": "Read one"}},
                    {"kind": "text", "required": false, "title": {"en": "Optional"}}]},
                {"title": {"en": "Two"}, "lessons": [
                    {"kind": "text", "required": true, "title": {"en": "Read two"}},
                    {"kind": "quiz", "required": true, "title": {"en": "Quiz"}, "quiz": quiz}]}
            ]
        });
        let files = json!({
            "lessons/01-01.en.md": "First.", "lessons/01-02.en.md": "Extra.", "lessons/02-01.en.md": "Second."
        });
        Self::from_document(app, author, course, files).await
    }

    /// A blended course, "Participatory planning", of one module: a
    /// required text lesson (`lessons[0]`) and a required live-session
    /// lesson (`lessons[1]`).
    pub async fn with_live_session(app: &TestApp, author: &str, slug: &str) -> PublishedCourse {
        let course = json!({
            "kuza_archive": 1, "slug": slug, "format": "blended", "level": "introductory",
            "estimated_hours": 6.0, "default_language": "en", "languages": ["en"], "themes": [],
            "title": {"en": "Participatory planning"}, "summary": {"en": "Plan with residents."},
            "modules": [{"title": {"en": "One"}, "lessons": [
                {"kind": "text", "required": true, "title": {"en": "Read first"}},
                {"kind": "live", "required": true, "title": {"en": "Workshop"}}]}]
        });
        let files = json!({"lessons/01-01.en.md": "Before the workshop."});
        Self::from_document(app, author, course, files).await
    }

    /// Creates the course from its document (`course.json` and its files,
    /// as `POST /api/v1/courses/document` takes them), publishes it, and
    /// reads it back from the catalog.
    pub async fn from_document(
        app: &TestApp,
        author: &str,
        course: Value,
        files: Value,
    ) -> PublishedCourse {
        let slug = course["slug"].as_str().expect("a slug").to_owned();
        let (status, c) = post(
            app,
            author,
            "/api/v1/courses/document",
            Some(json!({"course": course, "files": files})),
        )
        .await;
        assert_eq!(status, 201, "{c}");
        let id = c["id"].as_i64().expect("a course id");
        publish_course(app, author, id).await;
        let (status, doc) = app
            .api(Method::GET, &format!("/api/v1/catalog/{slug}"), None, None)
            .await;
        assert_eq!(status, 200, "{doc}");
        PublishedCourse {
            id,
            slug,
            author: author.to_owned(),
            lessons: lesson_keys(&doc),
            doc,
        }
    }
}

/// A draft course built step by step: created, then modules and lessons
/// added through their endpoints.
pub struct DraftCourse {
    pub id: i64,
    /// The access token of the author who created it.
    pub author: String,
    /// The answer to `POST /api/v1/courses`.
    pub created: Value,
}

impl DraftCourse {
    /// Creates a course from `body` (the settings `POST /api/v1/courses` takes).
    pub async fn create(app: &TestApp, author: &str, body: Value) -> DraftCourse {
        let (status, c) = post(app, author, "/api/v1/courses", Some(body)).await;
        assert_eq!(status, 201, "{c}");
        DraftCourse {
            id: c["id"].as_i64().expect("a course id"),
            author: author.to_owned(),
            created: c,
        }
    }

    /// Adds a module titled `title` (a text per language); its id.
    pub async fn add_module(&self, app: &TestApp, title: Value) -> i64 {
        let (status, m) = post(
            app,
            &self.author,
            format!("/api/v1/courses/{}/modules", self.id),
            Some(json!({ "title": title })),
        )
        .await;
        assert_eq!(status, 201, "{m}");
        m["id"].as_i64().expect("a module id")
    }

    /// Adds a lesson (`body` as `POST /api/v1/modules/{id}/lessons` takes
    /// it) to `module`; the saved lesson.
    pub async fn add_lesson(&self, app: &TestApp, module: i64, body: Value) -> Value {
        let (status, l) = post(
            app,
            &self.author,
            format!("/api/v1/modules/{module}/lessons"),
            Some(body),
        )
        .await;
        assert_eq!(status, 201, "{l}");
        l
    }

    /// Publishes the draft; the answer.
    pub async fn publish(&self, app: &TestApp) -> Value {
        publish_course(app, &self.author, self.id).await
    }
}

/// A cohort of a course.
pub struct Cohort {
    pub id: i64,
    pub course_id: i64,
}

impl Cohort {
    /// "November 2026", in English, from a week from now for thirty days,
    /// with `capacity` places, created by `author` (one of the course's
    /// editors).
    pub async fn new(app: &TestApp, author: &str, course_id: i64, capacity: i64) -> Cohort {
        Self::create(
            app,
            author,
            course_id,
            json!({
                "name": "November 2026", "language": "en", "starts_at": in_days(7),
                "ends_at": in_days(37), "capacity": capacity
            }),
        )
        .await
    }

    /// A cohort with the settings in `body` (as the API takes them).
    pub async fn create(app: &TestApp, author: &str, course_id: i64, body: Value) -> Cohort {
        let (status, c) = post(
            app,
            author,
            format!("/api/v1/courses/{course_id}/cohorts"),
            Some(body),
        )
        .await;
        assert_eq!(status, 201, "{c}");
        Cohort {
            id: c["id"].as_i64().expect("a cohort id"),
            course_id,
        }
    }

    /// Schedules a live session (`body` as `POST /api/v1/cohorts/{id}/sessions`
    /// takes it); the saved session.
    pub async fn session(&self, app: &TestApp, author: &str, body: Value) -> Value {
        let (status, s) = post(
            app,
            author,
            format!("/api/v1/cohorts/{}/sessions", self.id),
            Some(body),
        )
        .await;
        assert_eq!(status, 201, "{s}");
        s
    }
}

/// A learner (registered in English, from Kenya, with an access token)
/// enrolled in a course.
pub struct Learner {
    pub id: i64,
    pub email: String,
    pub token: String,
    /// The answer to `POST /api/v1/courses/{id}/enrollments` (201): its
    /// `id` and `status`.
    pub enrollment: Value,
}

impl Learner {
    /// Enrolled in a course open to enrolment without a cohort.
    pub async fn enrolled(app: &TestApp, email: &str, course_id: i64) -> Learner {
        Self::enrol(app, email, course_id, None).await
    }

    /// Enrolled in one of a course's cohorts: active, or waitlisted when
    /// it is full (or applied, when the course takes applications).
    pub async fn in_cohort(app: &TestApp, email: &str, course_id: i64, cohort_id: i64) -> Learner {
        Self::enrol(
            app,
            email,
            course_id,
            Some(json!({ "cohort_id": cohort_id })),
        )
        .await
    }

    async fn enrol(app: &TestApp, email: &str, course_id: i64, body: Option<Value>) -> Learner {
        let id = app.register(email, "en").await;
        let token = app.access_token(email).await;
        let (status, enrollment) = post(
            app,
            &token,
            format!("/api/v1/courses/{course_id}/enrollments"),
            body,
        )
        .await;
        assert_eq!(status, 201, "{enrollment}");
        Learner {
            id,
            email: email.to_owned(),
            token,
            enrollment,
        }
    }
}

/// A partner: a user with the partner role for a new organisation.
pub struct Partner {
    pub id: i64,
    pub email: String,
    pub token: String,
    pub organisation_id: i32,
}

impl Partner {
    /// Creates `organisation` (a government body in Kenya), registers
    /// `email`, and grants it the partner role for that organisation.
    pub async fn of_new_organisation(
        app: &TestApp,
        db: &TestDb,
        email: &str,
        organisation: &str,
    ) -> Partner {
        let conn = db.connect().await;
        let org = kuza_accounts::organisations::create(
            &conn,
            None,
            &kuza_accounts::organisations::OrganisationInput {
                name: organisation.into(),
                kind: "national_government".into(),
                country: "KE".into(),
                names: Default::default(),
                email_domains: String::new(),
                provider: false,
            },
        )
        .await
        .expect("create the organisation");
        Self::of_organisation(app, db, email, org.id).await
    }

    /// Registers `email` and grants it the partner role for organisation
    /// `organisation_id`.
    pub async fn of_organisation(
        app: &TestApp,
        db: &TestDb,
        email: &str,
        organisation_id: i32,
    ) -> Partner {
        let conn = db.connect().await;
        let id = app.register(email, "en").await;
        kuza_accounts::roles::set_grants(
            &conn,
            None,
            id as i32,
            &kuza_accounts::Grants {
                roles: vec![kuza_accounts::Role::Partner],
                partner_organisation_id: Some(organisation_id),
            },
        )
        .await
        .expect("grant the partner role");
        Partner {
            id,
            email: email.to_owned(),
            token: app.access_token(email).await,
            organisation_id,
        }
    }
}

/// The question keys of a [`PublishedCourse::with_quiz`] course's quiz
/// and, for the choice questions, option keys.
pub fn quiz_keys(doc: &Value) -> (Vec<String>, Vec<Vec<String>>) {
    let q = &doc["document"]["modules"][1]["lessons"][1]["content"]["quiz"]["questions"];
    let qs = q.as_array().expect("the quiz's questions");
    let text = |v: &Value| v.as_str().expect("a key").to_owned();
    (
        qs.iter().map(|q| text(&q["key"])).collect(),
        qs.iter()
            .map(|q| {
                q["options"]
                    .as_array()
                    .map(|os| os.iter().map(|o| text(&o[0])).collect())
                    .unwrap_or_default()
            })
            .collect(),
    )
}

/// Answers earning every point (`all`), or only the true/false one.
pub fn quiz_answers(doc: &Value, all: bool) -> Value {
    let (q, o) = quiz_keys(doc);
    if all {
        json!({ "answers": {
            &q[0]: o[0][1], &q[1]: [o[1][1], o[1][0]], &q[2]: true, &q[3]: "3,5", &q[4]: "  new urban   AGENDA "
        }})
    } else {
        json!({ "answers": { &q[0]: o[0][0], &q[1]: [o[1][0]], &q[2]: "true", &q[3]: 7 } })
    }
}

/// A logo as SVG: a disc of `colour` with a white band (shapes only, no
/// text, so it needs no font).
pub fn svg_logo(colour: &str) -> String {
    format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 60"><circle cx="30" cy="30" r="26" fill="{colour}"/><rect x="62" y="22" width="54" height="16" fill="{colour}"/></svg>"#
    )
}

/// [`svg_logo`] in base64, as the API takes pictures.
pub fn svg_logo_base64(colour: &str) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(svg_logo(colour))
}

/// A PNG signature: 1 by 1 pixel, in base64.
pub const PNG_BASE64: &str = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
