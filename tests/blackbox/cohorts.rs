//! Cohorts: capacity and waitlist, a freed place offered with a deadline
//! and confirmed or lapsed, removal by a coordinator, the roster and its
//! CSV, the course page's cohort list; and capacity under parallel
//! enrolments through two server processes.

use kuza_tests::*;
use reqwest::Method;
use sea_orm::{ConnectionTrait, Statement};
use serde_json::{Value, json};

async fn status_of(db: &TestDb, enrollment: &Value) -> String {
    let conn = db.connect().await;
    let row = conn
        .query_one(Statement::from_string(
            conn.get_database_backend(),
            format!(
                "SELECT status FROM enrollments WHERE id = {}",
                enrollment["id"]
            ),
        ))
        .await
        .unwrap()
        .unwrap();
    row.try_get_by_index::<String>(0).unwrap()
}

#[tokio::test]
async fn a_full_cohort_waitlists_and_a_freed_place_is_offered_confirmed_and_recorded() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let author = app.author_token(&db, "coordinator@example.org").await;
    let course =
        PublishedCourse::with_quiz(&app, &author, "blended-one", "blended", quiz(None, None)).await;

    // Only the course's editors create cohorts; bad values are named.
    let learner = app.learner_token("l0@example.org").await;
    let (status, _) = post(
        &app,
        &learner,
        format!("/api/v1/courses/{}/cohorts", course.id),
        Some(json!({
            "name": "x", "language": "en", "starts_at": in_days(1), "ends_at": in_days(2)
        })),
    )
    .await;
    assert_eq!(status, 403);
    let (status, p) = post(
        &app,
        &author,
        format!("/api/v1/courses/{}/cohorts", course.id),
        Some(json!({
            "name": " ", "language": "ru", "starts_at": in_days(9), "ends_at": in_days(8), "capacity": 0
        })),
    )
    .await;
    assert_eq!(status, 422);
    let fields: Vec<&str> = p["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["name", "language", "ends_at", "capacity"]);
    let c = Cohort::new(&app, &author, course.id, 3).await;
    let (_, list) = app
        .api(
            Method::GET,
            &format!("/api/v1/courses/{}/cohorts", course.id),
            None,
            None,
        )
        .await;
    assert_eq!(
        (list[0]["places_left"].as_i64(), list[0]["open"].as_bool()),
        (Some(3), Some(true))
    );

    // A blended course enrols through a cohort; three places, then a waitlist.
    let (status, p) = post(
        &app,
        &learner,
        format!("/api/v1/courses/{}/enrollments", course.id),
        None,
    )
    .await;
    assert_eq!(
        (status, p["code"].as_str()),
        (409, Some("enrolment_needs_cohort"))
    );
    let mut tokens = vec![];
    let mut enrollments = vec![];
    for i in 1..=4 {
        let l = Learner::in_cohort(&app, &format!("l{i}@example.org"), course.id, c.id).await;
        enrollments.push(l.enrollment);
        tokens.push(l.token);
    }
    let statuses: Vec<&str> = enrollments
        .iter()
        .map(|e| e["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["active", "active", "active", "waitlisted"]);
    let mail = wait_for_mail(&app, "l4@example.org", "waitlist").await;
    assert!(mail.contains("November 2026"), "{mail}");
    let l = &course.lessons;
    let (status, _) = post(
        &app,
        &tokens[3],
        format!("/api/v1/lessons/{}/complete", l[0]),
        None,
    )
    .await;
    assert_eq!(status, 403, "the waitlist does not study");

    // The roster: editors and the cohort's facilitators only.
    let (status, roster) = app
        .api(
            Method::GET,
            &format!("/api/v1/cohorts/{}/roster", c.id),
            Some(&author),
            None,
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(roster.as_array().unwrap().len(), 4);
    assert_eq!(roster[0]["progress_percent"], 0);
    assert_eq!(roster[3]["progress_percent"], Value::Null);
    let (status, _) = app
        .api(
            Method::GET,
            &format!("/api/v1/cohorts/{}/roster", c.id),
            Some(&tokens[0]),
            None,
        )
        .await;
    assert_eq!(status, 403);
    let facilitator = app.register("facilitator@example.org", "en").await;
    let (status, _) = app
        .api(
            Method::PUT,
            &format!("/api/v1/cohorts/{}", c.id),
            Some(&author),
            Some(json!({
                "name": "November 2026", "language": "en", "starts_at": in_days(7), "ends_at": in_days(37),
                "capacity": 3, "facilitators": [facilitator]
            })),
        )
        .await;
    assert_eq!(status, 200);
    let ftok = app.access_token("facilitator@example.org").await;
    let res = reqwest::Client::new()
        .get(app.url(&format!("/api/v1/cohorts/{}/roster.csv", c.id)))
        .bearer_auth(&ftok)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let csv = res.text().await.unwrap();
    assert!(
        csv.starts_with(
            "\u{feff}name,email,country,status,enrolled_at,completed_at,progress_percent\r\n"
        ),
        "{csv}"
    );
    assert_eq!(csv.lines().count(), 5);
    assert!(
        csv.contains("\"l4@example.org\",\"KE\",\"waitlisted\""),
        "{csv}"
    );

    // A withdrawal offers the place to the first on the waitlist, by email,
    // with a deadline; until confirmed, they do not study.
    let (status, _) = post(
        &app,
        &tokens[1],
        format!("/api/v1/enrollments/{}/withdraw", enrollments[1]["id"]),
        None,
    )
    .await;
    assert_eq!(status, 204);
    assert_eq!(status_of(&db, &enrollments[3]).await, "offered");
    let mail = wait_for_mail(&app, "l4@example.org", "Confirm my place").await;
    assert!(
        mail.contains("http://kuza.test/courses/blended-one"),
        "{mail}"
    );
    let (_, mine) = app
        .api(
            Method::GET,
            "/api/v1/me/enrollments",
            Some(&tokens[3]),
            None,
        )
        .await;
    assert_eq!(mine["items"][0]["status"], "offered");
    assert!(mine["items"][0]["offer_expires_at"].is_string());
    let (status, e) = post(
        &app,
        &tokens[3],
        format!("/api/v1/enrollments/{}/confirm", enrollments[3]["id"]),
        None,
    )
    .await;
    assert_eq!((status, e["status"].as_str()), (200, Some("active")));
    let (status, _) = post(
        &app,
        &tokens[3],
        format!("/api/v1/lessons/{}/complete", l[0]),
        None,
    )
    .await;
    assert_eq!(status, 200);

    // A coordinator removes a learner, with a message kept in the history;
    // the learner cannot come back by themselves.
    let (status, _) = post(
        &app,
        &tokens[0],
        format!("/api/v1/enrollments/{}/remove", enrollments[2]["id"]),
        Some(json!({})),
    )
    .await;
    assert_eq!(status, 403, "a learner removes no one");
    let (status, _) = post(
        &app,
        &author,
        format!("/api/v1/enrollments/{}/remove", enrollments[2]["id"]),
        Some(json!({"message": "Registered twice."})),
    )
    .await;
    assert_eq!(status, 204);
    let (status, p) = post(
        &app,
        &tokens[2],
        format!("/api/v1/courses/{}/enrollments", course.id),
        Some(json!({"cohort_id": c.id})),
    )
    .await;
    assert_eq!(
        (status, p["code"].as_str()),
        (403, Some("enrollment_removed"))
    );
    let (_, detail) = app
        .api(
            Method::GET,
            &format!("/api/v1/enrollments/{}", enrollments[2]["id"]),
            Some(&tokens[2]),
            None,
        )
        .await;
    let last = detail["history"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(
        (last["status"].as_str(), last["message"].as_str()),
        (Some("removed"), Some("Registered twice."))
    );
    let (_, detail) = app
        .api(
            Method::GET,
            &format!("/api/v1/enrollments/{}", enrollments[3]["id"]),
            Some(&tokens[3]),
            None,
        )
        .await;
    let history: Vec<&str> = detail["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["status"].as_str().unwrap())
        .collect();
    assert_eq!(history, ["waitlisted", "offered", "active"]);

    // The freed place: the next learner gets it straight away.
    let l5 = Learner::in_cohort(&app, "l5@example.org", course.id, c.id).await;
    assert_eq!(l5.enrollment["status"], "active");
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM enrollments WHERE status IN ('active', 'offered')"
        )
        .await,
        3
    );
}

#[tokio::test]
async fn an_offer_not_confirmed_in_time_lapses_and_passes_to_the_next() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let author = app.author_token(&db, "coordinator@example.org").await;
    let course = PublishedCourse::with_quiz(
        &app,
        &author,
        "facilitated-one",
        "facilitated",
        quiz(None, None),
    )
    .await;
    let c = Cohort::new(&app, &author, course.id, 1).await;
    let mut t = vec![];
    let mut e = vec![];
    for i in 0..3 {
        let l = Learner::in_cohort(&app, &format!("w{i}@example.org"), course.id, c.id).await;
        e.push(l.enrollment);
        t.push(l.token);
    }
    post(
        &app,
        &t[0],
        format!("/api/v1/enrollments/{}/withdraw", e[0]["id"]),
        None,
    )
    .await;
    assert_eq!(status_of(&db, &e[1]).await, "offered");
    assert_eq!(status_of(&db, &e[2]).await, "waitlisted");

    // The deadline passes (as the worker's periodic sweep finds it).
    let conn = db.connect().await;
    conn.execute(Statement::from_string(
        conn.get_database_backend(),
        format!(
            "UPDATE enrollments SET offer_expires_at = 1 WHERE id = {}",
            e[1]["id"]
        ),
    ))
    .await
    .unwrap();
    let lapsed = kuza_app::learning::lapse_offers(&app.state.app)
        .await
        .unwrap();
    assert_eq!(lapsed, 1);
    assert_eq!(status_of(&db, &e[1]).await, "withdrawn");
    assert_eq!(status_of(&db, &e[2]).await, "offered");
    let (status, p) = post(
        &app,
        &t[1],
        format!("/api/v1/enrollments/{}/confirm", e[1]["id"]),
        None,
    )
    .await;
    assert_eq!((status, p["code"].as_str()), (409, Some("no_offer")));
    let (_, detail) = app
        .api(
            Method::GET,
            &format!("/api/v1/enrollments/{}", e[1]["id"]),
            Some(&t[1]),
            None,
        )
        .await;
    assert_eq!(
        detail["history"].as_array().unwrap().last().unwrap()["message"],
        "offer_lapsed"
    );
    assert_eq!(
        kuza_app::learning::lapse_offers(&app.state.app)
            .await
            .unwrap(),
        0
    );
}

#[tokio::test]
async fn two_processes_never_fill_a_cohort_beyond_its_capacity() {
    let db = TestDb::new().await;
    let a = TestApp::spawn(&db, Options::default()).await;
    let b = TestApp::spawn(&db, Options::default()).await;
    let author = a.author_token(&db, "coordinator@example.org").await;
    let course = PublishedCourse::with_quiz(
        &a,
        &author,
        "face-to-face",
        "face_to_face",
        quiz(None, None),
    )
    .await;
    let c = Cohort::new(&a, &author, course.id, 3).await;
    let mut tokens = vec![];
    for i in 0..10 {
        tokens.push(a.learner_token(&format!("p{i}@example.org")).await);
    }
    let tasks: Vec<_> = tokens
        .iter()
        .enumerate()
        .map(|(i, t)| {
            post(
                if i % 2 == 0 { &a } else { &b },
                t,
                format!("/api/v1/courses/{}/enrollments", course.id),
                Some(json!({"cohort_id": c.id})),
            )
        })
        .collect();
    let results = futures_util::future::join_all(tasks).await;
    assert!(results.iter().all(|r| r.0 == 201), "{results:?}");
    let active = results.iter().filter(|r| r.1["status"] == "active").count();
    assert_eq!(active, 3, "{results:?}");
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM enrollments WHERE status = 'active'"
        )
        .await,
        3
    );
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM enrollments WHERE status = 'waitlisted'"
        )
        .await,
        7
    );

    // Three leave at once: three offers, never more.
    let leaving: Vec<_> = results
        .iter()
        .filter(|r| r.1["status"] == "active")
        .map(|r| r.1["id"].clone())
        .collect();
    let owners: Vec<&String> = results
        .iter()
        .zip(&tokens)
        .filter(|(r, _)| r.1["status"] == "active")
        .map(|(_, t)| t)
        .collect();
    let tasks: Vec<_> = leaving
        .iter()
        .zip(owners)
        .enumerate()
        .map(|(i, (id, t))| {
            post(
                if i % 2 == 0 { &a } else { &b },
                t,
                format!("/api/v1/enrollments/{id}/withdraw"),
                None,
            )
        })
        .collect();
    futures_util::future::join_all(tasks).await;
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM enrollments WHERE status IN ('active', 'offered')"
        )
        .await,
        3
    );
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM enrollments WHERE status = 'offered'"
        )
        .await,
        3
    );
}

#[tokio::test]
async fn the_course_page_lists_cohorts_and_a_learner_joins_waits_and_confirms_with_forms() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let author = app.author_token(&db, "coordinator@example.org").await;
    let course =
        PublishedCourse::with_quiz(&app, &author, "blended-page", "blended", quiz(None, None))
            .await;
    let c = Cohort::new(&app, &author, course.id, 1).await;
    let page = "/courses/blended-page";
    let first = Learner::in_cohort(&app, "first@example.org", course.id, c.id).await;

    app.register("second@example.org", "en").await;
    let me = browser();
    app.sign_in(&me, "second@example.org", PASSWORD).await;
    let html = app.page(&me, page).await;
    assert!(
        html.contains("November 2026") && html.contains("Join the waitlist"),
        "{html}"
    );
    let res = app
        .submit(
            &me,
            page,
            &format!("{page}/enrol"),
            &[("cohort", &c.id.to_string())],
        )
        .await;
    assert_eq!(res.status(), 303);
    let html = app.page(&me, page).await;
    assert!(
        html.contains("You are on the waitlist of “November 2026”"),
        "{html}"
    );

    post(
        &app,
        &first.token,
        format!("/api/v1/enrollments/{}/withdraw", first.enrollment["id"]),
        None,
    )
    .await;
    let html = app.page(&me, page).await;
    assert!(
        html.contains("A place is yours in “November 2026”"),
        "{html}"
    );
    let res = app.submit(&me, page, &format!("{page}/confirm"), &[]).await;
    assert_eq!(
        location(&res),
        format!("{page}?notice=learn-notice-enrolled")
    );
    let html = app.page(&me, page).await;
    assert!(
        html.contains(r#"<progress id="course-progress" max="100" value="0">"#),
        "{html}"
    );
}

#[tokio::test]
async fn applications_are_answered_accepted_into_a_place_or_the_waitlist_and_declined_with_a_message()
 {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let author = app.author_token(&db, "coordinator@example.org").await;
    let course =
        PublishedCourse::with_quiz(&app, &author, "by-application", "blended", quiz(None, None))
            .await;
    let id = course.id;
    // Application mode needs questions; then it takes them.
    let (status, p) = app
        .api(
            Method::PUT,
            &format!("/api/v1/courses/{id}/enrolment"),
            Some(&author),
            Some(json!({"enrolment": "application", "grade_policy": "best"})),
        )
        .await;
    assert_eq!(
        (status, p["errors"][0]["field"].as_str()),
        (422, Some("screening_questions"))
    );
    let (status, s) = app
        .api(Method::PUT, &format!("/api/v1/courses/{id}/enrolment"), Some(&author), Some(json!({
            "enrolment": "application", "grade_policy": "best",
            "screening_questions": [{"en": "What is your role?", "fr": "Quel est votre rôle ?"}, {"en": "Why this course?"}]
        })))
        .await;
    assert_eq!(
        (status, s["screening_questions"][0]["fr"].as_str()),
        (200, Some("Quel est votre rôle ?"))
    );
    let c = Cohort::new(&app, &author, course.id, 1).await;

    let apply = |tok: String, answers: Value| {
        let app = &app;
        let path = format!("/api/v1/courses/{id}/enrollments");
        let cid = c.id;
        async move {
            post(
                app,
                &tok,
                path,
                Some(json!({"cohort_id": cid, "answers": answers})),
            )
            .await
        }
    };
    let a = app.learner_token("a@example.org").await;
    let (status, p) = apply(a.clone(), json!(["Planner"])).await;
    assert_eq!(
        (status, p["errors"][0]["code"].as_str()),
        (422, Some("answers_required"))
    );
    let (status, ea) = apply(a.clone(), json!(["City planner", "To run consultations"])).await;
    assert_eq!((status, ea["status"].as_str()), (201, Some("applied")));
    let b = app.learner_token("b@example.org").await;
    let (_, eb) = apply(b.clone(), json!(["Engineer", "Curious"])).await;
    let d = app.learner_token("d@example.org").await;
    let (_, ed) = apply(d.clone(), json!(["Student", "Thesis"])).await;
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM enrollments WHERE status = 'applied'"
        )
        .await,
        3
    );
    let (status, _) = post(
        &app,
        &a,
        format!("/api/v1/lessons/{}/complete", course.lessons[0]),
        None,
    )
    .await;
    assert_eq!(status, 403, "an applicant does not study yet");

    // Only editors decide. One place: the first accepted takes it, the
    // second waits; a declined applicant hears why.
    let (status, _) = post(
        &app,
        &b,
        format!("/api/v1/enrollments/{}/accept", ea["id"]),
        Some(json!({})),
    )
    .await;
    assert_eq!(status, 403);
    let (status, r) = post(
        &app,
        &author,
        format!("/api/v1/enrollments/{}/accept", ea["id"]),
        Some(json!({"message": "Welcome!"})),
    )
    .await;
    assert_eq!((status, r["status"].as_str()), (200, Some("active")));
    let (_, r) = post(
        &app,
        &author,
        format!("/api/v1/enrollments/{}/accept", eb["id"]),
        Some(json!({})),
    )
    .await;
    assert_eq!(r["status"], "waitlisted");
    let (status, _) = post(
        &app,
        &author,
        format!("/api/v1/enrollments/{}/decline", ed["id"]),
        Some(json!({"message": "This cohort is for city staff."})),
    )
    .await;
    assert_eq!(status, 200);
    let (status, p) = post(
        &app,
        &author,
        format!("/api/v1/enrollments/{}/decline", ed["id"]),
        Some(json!({})),
    )
    .await;
    assert_eq!(
        (status, p["code"].as_str()),
        (409, Some("not_an_application"))
    );
    let mail = wait_for_mail(&app, "a@example.org", "accepted").await;
    assert!(mail.contains("Welcome!"), "{mail}");
    let mail = wait_for_mail(&app, "d@example.org", "not accepted").await;
    assert!(mail.contains("This cohort is for city staff."), "{mail}");
    let (_, detail) = app
        .api(
            Method::GET,
            &format!("/api/v1/enrollments/{}", ed["id"]),
            Some(&d),
            None,
        )
        .await;
    let last = detail["history"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(
        (last["status"].as_str(), last["message"].as_str()),
        (Some("declined"), Some("This cohort is for city staff."))
    );
    // Declined: they may apply again.
    let (status, again) = apply(d.clone(), json!(["City staff now", "Thesis"])).await;
    assert_eq!((status, again["status"].as_str()), (201, Some("applied")));
}

#[tokio::test]
async fn a_learner_applies_in_the_portal_and_the_coordinator_decides_in_the_studio() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let author = app.author_token(&db, "coordinator@example.org").await;
    let id =
        PublishedCourse::with_quiz(&app, &author, "apply-page", "self_paced", quiz(None, None))
            .await
            .id;
    let co = browser();
    app.sign_in(&co, "coordinator@example.org", PASSWORD).await;
    let studio = format!("/studio/courses/{id}/cohorts");
    let res = app
        .submit(
            &co,
            &studio,
            &format!("/studio/courses/{id}/enrolment"),
            &[
                ("enrolment", "application"),
                ("enrolment_key", ""),
                ("grade_policy", "best"),
                (
                    "screening_questions",
                    "What is your role?\r\nWhich city do you work for?",
                ),
            ],
        )
        .await;
    assert_eq!(location(&res), format!("{studio}?notice=studio-saved"));

    app.register("applicant@example.org", "en").await;
    let me = browser();
    app.sign_in(&me, "applicant@example.org", PASSWORD).await;
    let page = "/courses/apply-page";
    let html = app.page(&me, page).await;
    assert!(
        html.contains("What is your role?") && html.contains(r#"name="answer-1""#),
        "{html}"
    );
    let res = app
        .submit(
            &me,
            page,
            &format!("{page}/enrol"),
            &[("answer-0", "Planner"), ("answer-1", "")],
        )
        .await;
    assert_eq!(res.status(), 422, "every question answered");
    let res = app
        .submit(
            &me,
            page,
            &format!("{page}/enrol"),
            &[("answer-0", "Planner"), ("answer-1", "Dakar")],
        )
        .await;
    assert_eq!(res.status(), 303);
    let html = app.page(&me, page).await;
    assert!(
        html.contains("Your application is with the course team"),
        "{html}"
    );

    let html = app.page(&co, &studio).await;
    assert!(
        html.contains("Which city do you work for?") && html.contains("Dakar"),
        "{html}"
    );
    let eid = count(&db, "SELECT CAST(MAX(id) AS BIGINT) FROM enrollments").await;
    let res = app
        .submit(
            &co,
            &studio,
            &format!("/studio/enrollments/{eid}/decide"),
            &[("message", "See you there"), ("decision", "accept")],
        )
        .await;
    assert_eq!(res.status(), 303);
    let html = app.page(&me, page).await;
    assert!(html.contains(r#"<progress id="course-progress""#), "{html}");
}

/// `/grading` holds only the attempts a person may grade: the course's
/// editors see every cohort's, a facilitator only their cohort's, an
/// administrator all, and an author of another course or a learner none.
#[tokio::test]
async fn each_grader_sees_only_the_attempts_they_may_grade() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let author = app.author_token(&db, "author@example.org").await;
    let essay = json!({"pass_mark": 50, "shuffle": false, "questions": [
        {"points": 1, "prompt": {"en": "Name a tool."}, "kind": "short_text", "accepted": [], "manual": true}
    ]});
    let course =
        PublishedCourse::with_quiz(&app, &author, "graded-cohorts", "facilitated", essay).await;
    let quiz_key = course.lessons[3].clone();
    let mut graders = vec![];
    for (n, name) in ["First", "Second"].iter().enumerate() {
        let c = Cohort::new(&app, &author, course.id, 5).await;
        let email = format!("facilitator{n}@example.org");
        let f = app.register(&email, "en").await;
        let (status, _) = app
            .api(
                Method::PUT,
                &format!("/api/v1/cohorts/{}", c.id),
                Some(&author),
                Some(json!({
                    "name": name, "language": "en", "starts_at": in_days(7), "ends_at": in_days(37),
                    "capacity": 5, "facilitators": [f]
                })),
            )
            .await;
        assert_eq!(status, 200);
        let learner = Learner::in_cohort(&app, &format!("learner{n}@example.org"), course.id, c.id)
            .await
            .token;
        let (status, a) = post(
            &app,
            &learner,
            format!("/api/v1/quizzes/{quiz_key}/attempts"),
            None,
        )
        .await;
        assert_eq!(status, 201, "{a}");
        let q = a["questions"][0]["key"].as_str().unwrap().to_owned();
        let (status, r) = post(
            &app,
            &learner,
            format!("/api/v1/attempts/{}/submit", a["id"]),
            Some(json!({"answers": {&q: format!("answer {n}")}})),
        )
        .await;
        assert_eq!((status, r["needs_grading"].as_bool()), (200, Some(true)));
        let ftok = app.access_token(&email).await;
        graders.push((ftok, a["id"].clone(), learner));
    }
    let queue = |tok: String| {
        let app = &app;
        async move {
            let (status, list) = app
                .api(Method::GET, "/api/v1/grading", Some(&tok), None)
                .await;
            assert_eq!(status, 200, "{list}");
            list.as_array()
                .unwrap()
                .iter()
                .map(|p| p["attempt_id"].clone())
                .collect::<Vec<_>>()
        }
    };
    let both = vec![graders[0].1.clone(), graders[1].1.clone()];
    assert_eq!(queue(author.clone()).await, both);
    assert_eq!(
        queue(graders[0].0.clone()).await,
        vec![graders[0].1.clone()]
    );
    assert_eq!(
        queue(graders[1].0.clone()).await,
        vec![graders[1].1.clone()]
    );
    assert!(queue(graders[0].2.clone()).await.is_empty());
    let other = app.author_token(&db, "other-author@example.org").await;
    assert!(queue(other).await.is_empty());
    let atok = app.admin_token(&db, "admin@example.org").await;
    assert_eq!(queue(atok).await, both);
}

#[tokio::test]
async fn a_cohort_of_a_course_with_a_key_asks_for_it_on_the_course_page() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let author = app.author_token(&db, "author@example.org").await;
    let c = PublishedCourse::with_quiz(
        &app,
        &author,
        "keyed-cohort",
        "facilitated",
        quiz(None, None),
    )
    .await;
    let cohort = Cohort::new(&app, &author, c.id, 10).await;
    let (status, _) = app
        .api(
            Method::PUT,
            &format!("/api/v1/courses/{}/enrolment", c.id),
            Some(&author),
            Some(json!({"enrolment": "key", "enrolment_key": "k-2026", "grade_policy": "best"})),
        )
        .await;
    assert_eq!(status, 200);
    let learner = app.learner_token("learner@example.org").await;
    let (status, p) = post(
        &app,
        &learner,
        format!("/api/v1/courses/{}/enrollments", c.id),
        Some(json!({"cohort_id": cohort.id})),
    )
    .await;
    assert_eq!(
        (status, p["code"].as_str()),
        (403, Some("enrolment_key_required"))
    );
    let me = browser();
    app.sign_in(&me, "learner@example.org", PASSWORD).await;
    let page = "/courses/keyed-cohort";
    let html = app.page(&me, page).await;
    assert!(
        html.contains(&format!(r#"id="enrol-key-{}""#, cohort.id)),
        "a key field for the cohort"
    );
    let cohort_id = cohort.id.to_string();
    let res = app
        .submit(
            &me,
            page,
            &format!("{page}/enrol"),
            &[("cohort", &cohort_id), ("key", "nope")],
        )
        .await;
    assert_eq!(res.status(), 403);
    let res = app
        .submit(
            &me,
            page,
            &format!("{page}/enrol"),
            &[("cohort", &cohort_id), ("key", "k-2026")],
        )
        .await;
    assert_eq!(res.status(), 303);
    let (_, mine) = app
        .api(Method::GET, "/api/v1/me/enrollments", Some(&learner), None)
        .await;
    assert_eq!(mine["items"][0]["status"], "active");
    assert_eq!(mine["items"][0]["cohort_id"], json!(cohort.id));
}
