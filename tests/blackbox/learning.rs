//! Learning through the API: enrolment, lesson completion, quiz attempts and
//! grading, completion with its `course_completed` job, and the same under
//! concurrent requests to two server processes.

use kuza_tests::*;
use reqwest::Method;
use sea_orm::{ConnectionTrait, Statement};
use serde_json::{Value, json};

#[tokio::test]
async fn a_learner_enrols_studies_every_lesson_passes_the_quiz_and_completes_the_course() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let author = app.author_token(&db, "author@example.org").await;
    let PublishedCourse {
        id,
        doc,
        lessons: l,
        ..
    } = PublishedCourse::with_quiz(
        &app,
        &author,
        "first-steps",
        "self_paced",
        quiz(Some(3), None),
    )
    .await;
    let me = app.learner_token("learner@example.org").await;

    let (status, _) = app
        .api(
            Method::POST,
            &format!("/api/v1/courses/{id}/enrollments"),
            None,
            None,
        )
        .await;
    assert_eq!(status, 401);
    let (status, e) = post(
        &app,
        &me,
        &format!("/api/v1/courses/{id}/enrollments"),
        None,
    )
    .await;
    assert_eq!(status, 201, "{e}");
    assert_eq!(e["status"], "active");
    assert_eq!(e["progress"]["percent"], 0);
    assert_eq!(e["progress"]["next_lesson"], l[0].as_str());
    let (status, again) = post(
        &app,
        &me,
        &format!("/api/v1/courses/{id}/enrollments"),
        None,
    )
    .await;
    assert_eq!(
        (status, &again["id"]),
        (200, &e["id"]),
        "enrolling twice is harmless"
    );

    // Three lessons count (the required ones); the optional one does not.
    let (status, s) = post(
        &app,
        &me,
        &format!("/api/v1/lessons/{}/complete", l[0]),
        None,
    )
    .await;
    assert_eq!(status, 200, "{s}");
    assert_eq!(
        (
            s["newly_completed"].as_bool(),
            s["progress"]["percent"].as_u64()
        ),
        (Some(true), Some(33))
    );
    assert_eq!(s["progress"]["modules"][0]["percent"], 100);
    assert_eq!(
        s["progress"]["next_lesson"],
        l[1].as_str(),
        "resume at the first lesson not done"
    );
    let (_, s) = post(
        &app,
        &me,
        &format!("/api/v1/lessons/{}/complete", l[0]),
        None,
    )
    .await;
    assert_eq!(s["newly_completed"], false);
    let (_, s) = post(
        &app,
        &me,
        &format!("/api/v1/lessons/{}/complete", l[1]),
        None,
    )
    .await;
    assert_eq!(
        (
            s["newly_completed"].as_bool(),
            s["progress"]["percent"].as_u64()
        ),
        (Some(true), Some(33))
    );
    let (status, p) = post(
        &app,
        &me,
        &format!("/api/v1/lessons/{}/complete", l[3]),
        None,
    )
    .await;
    assert_eq!((status, p["code"].as_str()), (409, Some("lesson_is_quiz")));
    let (_, s) = post(
        &app,
        &me,
        &format!("/api/v1/lessons/{}/complete", l[2]),
        None,
    )
    .await;
    assert_eq!(s["progress"]["percent"], 66);
    assert_eq!(s["course_completed"], false);

    // The first attempt: questions without answers, resumed while open.
    let (status, a) = post(
        &app,
        &me,
        &format!("/api/v1/quizzes/{}/attempts", l[3]),
        None,
    )
    .await;
    assert_eq!(status, 201, "{a}");
    assert_eq!(
        (a["number"].as_i64(), a["status"].as_str()),
        (Some(1), Some("open"))
    );
    assert_eq!(a["questions"].as_array().unwrap().len(), 5);
    let text = a.to_string();
    for leak in ["correct", "accepted", "feedback", "New Urban Agenda", "3.5"] {
        assert!(!text.contains(leak), "an open attempt shows {leak}: {text}");
    }
    let (status, resumed) = post(
        &app,
        &me,
        &format!("/api/v1/quizzes/{}/attempts", l[3]),
        None,
    )
    .await;
    assert_eq!((status, &resumed["id"]), (200, &a["id"]));

    // Answers to another quiz's question: refused, nothing stored.
    let (status, p) = post(
        &app,
        &me,
        &format!("/api/v1/attempts/{}/submit", a["id"]),
        Some(json!({"answers": {"not-a-question": "x"}})),
    )
    .await;
    assert_eq!(
        (status, p["errors"][0]["code"].as_str()),
        (422, Some("unknown_question")),
        "{p}"
    );
    let (_, still) = app
        .api(
            Method::GET,
            &format!("/api/v1/attempts/{}", a["id"]),
            Some(&me),
            None,
        )
        .await;
    assert_eq!(still["status"], "open");

    // A failing attempt: score and feedback, no completion.
    let (status, r) = post(
        &app,
        &me,
        &format!("/api/v1/attempts/{}/submit", a["id"]),
        Some(quiz_answers(&doc, false)),
    )
    .await;
    assert_eq!(status, 200, "{r}");
    assert_eq!(
        (
            r["points"].as_i64(),
            r["max_points"].as_i64(),
            r["passed"].as_bool()
        ),
        (Some(1), Some(6), Some(false))
    );
    assert_eq!(r["results"][0]["outcome"], "incorrect");
    assert_eq!(
        r["results"][0]["feedback"],
        json!([{"en": "About targets."}, {"en": "No: 11.1 is housing."}])
    );
    assert_eq!(r["results"][2]["outcome"], "correct");
    assert_eq!(r["results"][4]["outcome"], "unanswered");
    assert_eq!(
        r["questions"],
        json!([]),
        "a submitted attempt shows results, not the form"
    );

    // The second attempt passes (a comma decimal, any case and spacing).
    let (status, b) = post(
        &app,
        &me,
        &format!("/api/v1/quizzes/{}/attempts", l[3]),
        None,
    )
    .await;
    assert_eq!((status, b["number"].as_i64()), (201, Some(2)));
    let (status, r) = post(
        &app,
        &me,
        &format!("/api/v1/attempts/{}/submit", b["id"]),
        Some(quiz_answers(&doc, true)),
    )
    .await;
    assert_eq!(status, 200, "{r}");
    assert_eq!(
        (r["points"].as_i64(), r["passed"].as_bool()),
        (Some(6), Some(true))
    );
    // Submitted again (a double click): the same result, counted once.
    let (status, again) = post(
        &app,
        &me,
        &format!("/api/v1/attempts/{}/submit", b["id"]),
        Some(quiz_answers(&doc, false)),
    )
    .await;
    assert_eq!((status, &again["points"]), (200, &r["points"]));

    let (status, list) = app
        .api(Method::GET, "/api/v1/me/enrollments", Some(&me), None)
        .await;
    assert_eq!(status, 200);
    assert_eq!(list["total"], 1);
    let mine = &list["items"][0];
    assert_eq!(
        (
            mine["status"].as_str(),
            mine["progress"]["percent"].as_u64()
        ),
        (Some("completed"), Some(100))
    );
    assert!(mine["completed_at"].is_string());
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM jobs WHERE kind = 'course_completed'"
        )
        .await,
        1
    );
    let (status, detail) = app
        .api(
            Method::GET,
            &format!("/api/v1/enrollments/{}", e["id"]),
            Some(&me),
            None,
        )
        .await;
    assert_eq!(status, 200);
    let history: Vec<&str> = detail["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["status"].as_str().unwrap())
        .collect();
    assert_eq!(history, ["active", "completed"]);

    // A completed course cannot be left; the enrolment email was sent.
    let (status, p) = post(
        &app,
        &me,
        &format!("/api/v1/enrollments/{}/withdraw", e["id"]),
        None,
    )
    .await;
    assert_eq!(
        (status, p["code"].as_str()),
        (409, Some("enrollment_completed"))
    );
    let mail = wait_for_mail(&app, "learner@example.org", "Course first-steps").await;
    assert!(mail.contains("Subject: You are enrolled"), "{mail}");
    assert!(
        mail.contains("http://kuza.test/courses/first-steps"),
        "{mail}"
    );
}

#[tokio::test]
async fn attempts_are_limited_and_a_late_submission_is_refused_with_nothing_stored() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let author = app.author_token(&db, "author@example.org").await;
    let PublishedCourse {
        id,
        doc,
        lessons: l,
        ..
    } = PublishedCourse::with_quiz(
        &app,
        &author,
        "timed",
        "self_paced",
        quiz(Some(2), Some(10)),
    )
    .await;
    let me = app.learner_token("learner@example.org").await;
    let (status, _) = post(
        &app,
        &me,
        &format!("/api/v1/quizzes/{}/attempts", l[3]),
        None,
    )
    .await;
    assert_eq!(status, 403, "not enrolled");
    post(
        &app,
        &me,
        &format!("/api/v1/courses/{id}/enrollments"),
        None,
    )
    .await;
    let (_, a) = post(
        &app,
        &me,
        &format!("/api/v1/quizzes/{}/attempts", l[3]),
        None,
    )
    .await;
    assert!(a["deadline"].is_string());

    // Past its deadline (and the grace for slow connections).
    let conn = db.connect().await;
    conn.execute(Statement::from_string(
        conn.get_database_backend(),
        format!(
            "UPDATE quiz_attempts SET deadline = started_at - 120 WHERE id = {}",
            a["id"]
        ),
    ))
    .await
    .unwrap();
    let (status, p) = post(
        &app,
        &me,
        &format!("/api/v1/attempts/{}/submit", a["id"]),
        Some(quiz_answers(&doc, true)),
    )
    .await;
    assert_eq!(
        (status, p["code"].as_str()),
        (409, Some("time_over")),
        "{p}"
    );
    let (_, late) = app
        .api(
            Method::GET,
            &format!("/api/v1/attempts/{}", a["id"]),
            Some(&me),
            None,
        )
        .await;
    assert_eq!(
        (late["status"].as_str(), &late["points"], &late["results"]),
        (Some("expired"), &Value::Null, &json!([]))
    );

    // The expired attempt counted: one more, then none.
    let (status, b) = post(
        &app,
        &me,
        &format!("/api/v1/quizzes/{}/attempts", l[3]),
        None,
    )
    .await;
    assert_eq!((status, b["number"].as_i64()), (201, Some(2)));
    post(
        &app,
        &me,
        &format!("/api/v1/attempts/{}/submit", b["id"]),
        Some(quiz_answers(&doc, false)),
    )
    .await;
    let (status, p) = post(
        &app,
        &me,
        &format!("/api/v1/quizzes/{}/attempts", l[3]),
        None,
    )
    .await;
    assert_eq!(
        (status, p["code"].as_str()),
        (409, Some("attempts_exhausted"))
    );

    // Another learner cannot read or submit this learner's attempt.
    let other = Learner::enrolled(&app, "other@example.org", id).await.token;
    let (status, _) = app
        .api(
            Method::GET,
            &format!("/api/v1/attempts/{}", b["id"]),
            Some(&other),
            None,
        )
        .await;
    assert_eq!(status, 404);
    let (status, _) = post(
        &app,
        &other,
        &format!("/api/v1/attempts/{}/submit", b["id"]),
        Some(quiz_answers(&doc, true)),
    )
    .await;
    assert_eq!(status, 404);
    let (status, _) = app
        .api(Method::GET, "/api/v1/enrollments/1", Some(&other), None)
        .await;
    assert_eq!(status, 404, "someone else's enrolment");
}

#[tokio::test]
async fn enrolment_is_refused_for_drafts_archived_closed_full_and_cohort_courses_and_keys_are_checked()
 {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let author = app.author_token(&db, "author@example.org").await;
    let id = PublishedCourse::with_quiz(&app, &author, "keyed", "self_paced", quiz(None, None))
        .await
        .id;
    let a = app.learner_token("a@example.org").await;
    let b = app.learner_token("b@example.org").await;
    let enrol = |tok: String, body: Option<Value>| {
        let app = &app;
        async move {
            post(
                app,
                &tok,
                &format!("/api/v1/courses/{id}/enrollments"),
                body,
            )
            .await
        }
    };
    let settings = |body: Value, tok: String| {
        let app = &app;
        async move {
            app.api(
                Method::PUT,
                &format!("/api/v1/courses/{id}/enrolment"),
                Some(&tok),
                Some(body),
            )
            .await
        }
    };

    // Only the course's editors change its settings; bad values are named.
    let keyed = json!({"enrolment": "key", "enrolment_key": "habitat-2026", "enrolment_cap": 1, "grade_policy": "best"});
    assert_eq!(settings(keyed.clone(), a.clone()).await.0, 403);
    let other_author = app.author_token(&db, "other-author@example.org").await;
    assert_eq!(settings(keyed.clone(), other_author).await.0, 403);
    let (status, p) = settings(
        json!({"enrolment": "key", "enrolment_cap": 0, "grade_policy": "worst"}),
        author.clone(),
    )
    .await;
    assert_eq!(status, 422);
    let fields: Vec<&str> = p["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["enrolment_key", "enrolment_cap", "grade_policy"]);
    let (status, s) = settings(keyed, author.clone()).await;
    assert_eq!(
        (status, s["enrolment_key"].as_str()),
        (200, Some("habitat-2026"))
    );

    let (status, p) = enrol(a.clone(), None).await;
    assert_eq!(
        (status, p["code"].as_str()),
        (403, Some("enrolment_key_required"))
    );
    let (status, p) = enrol(a.clone(), Some(json!({"key": "habitat-2025"}))).await;
    assert_eq!(
        (status, p["code"].as_str()),
        (403, Some("enrolment_key_wrong"))
    );
    let (status, e) = enrol(a.clone(), Some(json!({"key": " habitat-2026 "}))).await;
    assert_eq!(status, 201, "{e}");
    let (status, p) = enrol(b.clone(), Some(json!({"key": "habitat-2026"}))).await;
    assert_eq!((status, p["code"].as_str()), (409, Some("course_full")));
    // A withdrawal frees the seat; withdrawing twice is harmless.
    for _ in 0..2 {
        let (status, _) = post(
            &app,
            &a,
            &format!("/api/v1/enrollments/{}/withdraw", e["id"]),
            None,
        )
        .await;
        assert_eq!(status, 204);
    }
    let (status, _) = enrol(b.clone(), Some(json!({"key": "habitat-2026"}))).await;
    assert_eq!(status, 201);
    let (status, list) = app
        .api(Method::GET, "/api/v1/me/enrollments", Some(&a), None)
        .await;
    assert_eq!(
        (status, list["total"].as_u64()),
        (200, Some(0)),
        "a withdrawn course leaves the list"
    );

    settings(
        json!({"enrolment": "closed", "grade_policy": "best"}),
        author.clone(),
    )
    .await;
    let (status, p) = enrol(a.clone(), None).await;
    assert_eq!(
        (status, p["code"].as_str()),
        (409, Some("enrolment_closed"))
    );

    // Archived: refused, and the enrolled learner keeps the record.
    let (status, _) = post(
        &app,
        &author,
        &format!("/api/v1/courses/{id}/archive"),
        None,
    )
    .await;
    assert_eq!(status, 204);
    let (status, p) = enrol(a.clone(), None).await;
    assert_eq!((status, p["code"].as_str()), (409, Some("course_archived")));
    let (_, list) = app
        .api(Method::GET, "/api/v1/me/enrollments", Some(&b), None)
        .await;
    assert_eq!(
        (list["total"].as_u64(), &list["items"][0]["progress"]),
        (Some(1), &Value::Null)
    );

    // A draft is not there; a facilitated course enrols through cohorts.
    let (_, draft) = post(&app, &author, "/api/v1/courses", Some(json!({
        "slug": "draft-only", "format": "self_paced", "level": "introductory", "estimated_hours": 1.0,
        "default_language": "en", "languages": ["en"], "title": {"en": "Draft"}
    }))).await;
    let (status, _) = post(
        &app,
        &a,
        &format!("/api/v1/courses/{}/enrollments", draft["id"]),
        None,
    )
    .await;
    assert_eq!(status, 404);
    let facilitated = PublishedCourse::with_quiz(
        &app,
        &author,
        "facilitated",
        "facilitated",
        quiz(None, None),
    )
    .await;
    let (status, p) = post(
        &app,
        &a,
        &format!("/api/v1/courses/{}/enrollments", facilitated.id),
        None,
    )
    .await;
    assert_eq!(
        (status, p["code"].as_str()),
        (409, Some("enrolment_needs_cohort"))
    );
    let (status, p) = post(
        &app,
        &a,
        &format!("/api/v1/lessons/{}/complete", facilitated.lessons[0]),
        None,
    )
    .await;
    assert_eq!((status, p["code"].as_str()), (403, Some("not_enrolled")));
}

#[tokio::test]
async fn two_processes_never_exceed_the_cap_and_count_a_lesson_an_attempt_and_a_completion_once() {
    let db = TestDb::new().await;
    let a = TestApp::spawn(&db, Options::default()).await;
    let b = TestApp::spawn(&db, Options::default()).await;
    let author = a.author_token(&db, "author@example.org").await;
    let PublishedCourse {
        id,
        doc,
        lessons: l,
        ..
    } = PublishedCourse::with_quiz(&a, &author, "busy", "self_paced", quiz(None, None)).await;
    let (status, _) = a
        .api(
            Method::PUT,
            &format!("/api/v1/courses/{id}/enrolment"),
            Some(&author),
            Some(json!({"enrolment": "open", "enrolment_cap": 3, "grade_policy": "best"})),
        )
        .await;
    assert_eq!(status, 200);

    // Ten learners take three seats at once, through both processes.
    let mut tokens = vec![];
    for i in 0..10 {
        tokens.push(a.learner_token(&format!("l{i}@example.org")).await);
    }
    let tasks: Vec<_> = tokens
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let app = if i % 2 == 0 { &a } else { &b };
            post(app, t, format!("/api/v1/courses/{id}/enrollments"), None)
        })
        .collect();
    let results = futures_util::future::join_all(tasks).await;
    let statuses: Vec<u16> = results.iter().map(|r| r.0).collect();
    assert_eq!(
        statuses.iter().filter(|s| **s == 201).count(),
        3,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|s| **s == 409).count(),
        7,
        "{statuses:?}"
    );
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM enrollments WHERE status = 'active'"
        )
        .await,
        3
    );
    let me = tokens[statuses.iter().position(|s| *s == 201).unwrap()].clone();

    // The passing attempt submitted six times at once: graded once.
    let (_, at) = post(&a, &me, &format!("/api/v1/quizzes/{}/attempts", l[3]), None).await;
    let tasks: Vec<_> = (0..6)
        .map(|i| {
            post(
                if i % 2 == 0 { &a } else { &b },
                &me,
                format!("/api/v1/attempts/{}/submit", at["id"]),
                Some(quiz_answers(&doc, true)),
            )
        })
        .collect();
    let results = futures_util::future::join_all(tasks).await;
    assert!(
        results.iter().all(|r| r.0 == 200 && r.1["points"] == 6),
        "{results:?}"
    );
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM quiz_attempts WHERE submitted_at IS NOT NULL"
        )
        .await,
        1
    );

    // The two lessons left, each completed four times at once through both
    // processes: one record each, and the course completes once, one job.
    let tasks: Vec<_> = (0..8)
        .map(|i| {
            let app = if i % 2 == 0 { &a } else { &b };
            post(
                app,
                &me,
                format!("/api/v1/lessons/{}/complete", l[if i < 4 { 0 } else { 2 }]),
                None,
            )
        })
        .collect();
    let results = futures_util::future::join_all(tasks).await;
    // A refusal is said first and short: a long message is cut in CI logs.
    let refused: Vec<_> = results
        .iter()
        .filter(|r| r.0 != 200)
        .map(|r| (r.0, r.1["code"].clone(), r.1["detail"].clone()))
        .collect();
    assert!(refused.is_empty(), "refused: {refused:?}");
    assert_eq!(
        results
            .iter()
            .filter(|r| r.1["newly_completed"] == true)
            .count(),
        2,
        "{results:?}"
    );
    assert_eq!(
        results
            .iter()
            .filter(|r| r.1["course_completed"] == true)
            .count(),
        1,
        "{results:?}"
    );
    assert_eq!(count(&db, "SELECT COUNT(*) FROM lesson_progress").await, 3);
    let (_, list) = b
        .api(Method::GET, "/api/v1/me/enrollments", Some(&me), None)
        .await;
    assert_eq!(list["items"][0]["status"], "completed", "{list}");
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM jobs WHERE kind = 'course_completed'"
        )
        .await,
        1
    );
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM enrollment_events WHERE status = 'completed'"
        )
        .await,
        1
    );
}

/// Without a cap, enrolments in one course do not wait on the course's
/// lock; one learner's requests sent at once through two processes still
/// make one enrolment, one event and one email, and so does coming back.
#[tokio::test]
async fn one_learner_enrolling_six_times_at_once_is_enrolled_once() {
    let db = TestDb::new().await;
    let a = TestApp::spawn(&db, Options::default()).await;
    let b = TestApp::spawn(&db, Options::default()).await;
    let author = a.author_token(&db, "author@example.org").await;
    let id = PublishedCourse::with_quiz(&a, &author, "open-door", "self_paced", quiz(None, None))
        .await
        .id;
    let me = a.learner_token("eager@example.org").await;
    let emails = "SELECT COUNT(*) FROM jobs WHERE kind = 'email'";
    let before = count(&db, emails).await;
    for round in 1..=2 {
        let tasks: Vec<_> = (0..6)
            .map(|i| {
                let app = if i % 2 == 0 { &a } else { &b };
                post(app, &me, format!("/api/v1/courses/{id}/enrollments"), None)
            })
            .collect();
        let results = futures_util::future::join_all(tasks).await;
        let mut statuses: Vec<u16> = results.iter().map(|r| r.0).collect();
        statuses.sort_unstable();
        assert_eq!(statuses, [200, 200, 200, 200, 200, 201], "{results:?}");
        assert!(
            results.iter().all(|r| r.1["status"] == "active"),
            "{results:?}"
        );
        assert_eq!(count(&db, "SELECT COUNT(*) FROM enrollments").await, 1);
        assert_eq!(
            count(
                &db,
                "SELECT COUNT(*) FROM enrollment_events WHERE status = 'active'"
            )
            .await,
            round
        );
        assert_eq!(count(&db, emails).await, before + round);
        if round == 1 {
            let e = results.iter().find(|r| r.0 == 201).unwrap();
            let (status, _) = post(
                &a,
                &me,
                format!("/api/v1/enrollments/{}/withdraw", e.1["id"]),
                None,
            )
            .await;
            assert_eq!(status, 204);
        }
    }
}

/// Form fields as the `submit` helper takes them.
fn fields<'a>(pairs: &'a [(String, &'a str)]) -> Vec<(&'a str, &'a str)> {
    pairs.iter().map(|(k, v)| (k.as_str(), *v)).collect()
}

#[tokio::test]
async fn a_learner_completes_a_course_in_the_portal_with_plain_forms() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let author = app.author_token(&db, "author@example.org").await;
    let PublishedCourse {
        doc, lessons: l, ..
    } = PublishedCourse::with_quiz(
        &app,
        &author,
        "portal-course",
        "self_paced",
        quiz(Some(3), None),
    )
    .await;
    let course = "/courses/portal-course";
    let lesson = |i: usize| format!("{course}/lessons/{}", l[i]);

    // Signed out: a link to sign in; a form post goes to sign in as well.
    let anon = browser();
    let html = app.page(&anon, course).await;
    assert!(html.contains("Sign in to enrol"), "{html}");
    let res = app
        .submit(&anon, course, &format!("{course}/enrol"), &[])
        .await;
    assert_eq!(res.status(), 303);
    assert!(
        location(&res).starts_with("/sign-in?next="),
        "{}",
        location(&res)
    );

    app.register("learner@example.org", "en").await;
    let me = browser();
    app.sign_in(&me, "learner@example.org", PASSWORD).await;
    let html = app.page(&me, course).await;
    assert!(html.contains(&format!(r#"action="{course}/enrol""#)));
    // Without the form's CSRF token: refused, nothing stored.
    let res = me
        .post(app.url(&format!("{course}/enrol")))
        .form(&[("key", "")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    assert_eq!(count(&db, "SELECT COUNT(*) FROM enrollments").await, 0);

    let res = app
        .submit(&me, course, &format!("{course}/enrol"), &[])
        .await;
    assert_eq!(
        location(&res),
        format!("{course}?notice=learn-notice-enrolled")
    );
    let html = app.page(&me, &location(&res)).await;
    assert!(html.contains("You are enrolled"));
    assert!(
        html.contains(r#"<progress id="course-progress" max="100" value="0">"#),
        "{html}"
    );
    assert!(
        html.contains(&format!(r#"href="{}""#, lesson(0))),
        "a start link to the first lesson"
    );

    // "Mark as complete" goes on to the next lesson.
    for i in 0..3 {
        let html = app.page(&me, &lesson(i)).await;
        assert!(html.contains("Mark as complete"), "lesson {i}");
        let res = app
            .submit(&me, &lesson(i), &format!("{}/complete", lesson(i)), &[])
            .await;
        assert_eq!(location(&res), lesson(i + 1));
    }
    let html = app.page(&me, &lesson(0)).await;
    assert!(!html.contains("Mark as complete") && html.contains("Completed"));
    assert!(
        html.contains(r#"value="66""#),
        "two of three required lessons"
    );

    // The quiz: a plain form, then the result with feedback.
    let res = app
        .submit(&me, &lesson(3), &format!("{}/attempts", lesson(3)), &[])
        .await;
    let attempt = location(&res);
    assert!(
        attempt.starts_with(&format!("{}/attempts/", lesson(3))),
        "{attempt}"
    );
    let html = app.page(&me, &attempt).await;
    let (q, o) = quiz_keys(&doc);
    assert!(html.contains(&format!(
        r#"type="radio" id="q-{}-{}" name="q-{}""#,
        q[0], o[0][1], q[0]
    )));
    assert!(html.contains(r#"type="checkbox""#));
    assert!(!html.contains("New Urban Agenda"), "no answers in the form");
    let res = app
        .submit(
            &me,
            &attempt,
            &attempt,
            &fields(&[
                (format!("q-{}", q[0]), o[0][0].as_str()),
                (format!("q-{}", q[1]), o[1][0].as_str()),
                (format!("q-{}", q[2]), "true"),
                (format!("q-{}", q[3]), "9"),
                (format!("q-{}", q[4]), ""),
            ]),
        )
        .await;
    assert_eq!(location(&res), attempt);
    let html = app.page(&me, &attempt).await;
    assert!(html.contains("1 of 6 points (16%)"), "{html}");
    assert!(html.contains("Not passed") && html.contains("No: 11.1 is housing."));
    let html = app.page(&me, &lesson(3)).await;
    assert!(html.contains("2 attempts left"), "{html}");
    let res = app
        .submit(&me, &lesson(3), &format!("{}/attempts", lesson(3)), &[])
        .await;
    let second = location(&res);
    let res = app
        .submit(
            &me,
            &second,
            &second,
            &fields(&[
                (format!("q-{}", q[0]), o[0][1].as_str()),
                (format!("q-{}", q[1]), o[1][0].as_str()),
                (format!("q-{}", q[1]), o[1][1].as_str()),
                (format!("q-{}", q[2]), "true"),
                (format!("q-{}", q[3]), "3,5"),
                (format!("q-{}", q[4]), "new urban agenda"),
            ]),
        )
        .await;
    assert_eq!(
        location(&res),
        format!("{second}?notice=learn-notice-completed")
    );
    let html = app.page(&me, &location(&res)).await;
    assert!(html.contains("6 of 6 points (100%)") && html.contains("Passed"));
    assert!(html.contains("you have completed the course"));

    // Completed on the very next page, and on the dashboard.
    let html = app.page(&me, course).await;
    assert!(html.contains("You completed this course on"), "{html}");
    assert!(html.contains(r#"value="100""#));
    let html = app.page(&me, "/dashboard").await;
    assert!(text_of(&html, "#completed").is_some() && html.contains("Course portal-course"));
    assert!(text_of(&html, "#in-progress").is_none());

    // Someone else's attempt is not there for another learner.
    app.register("other@example.org", "en").await;
    let other = browser();
    app.sign_in(&other, "other@example.org", PASSWORD).await;
    let res = other.get(app.url(&attempt)).send().await.unwrap();
    assert_eq!(res.status(), 404);
    let html = app.page(&other, &lesson(0)).await;
    assert!(html.contains("Enrol in the course to record your progress"));
    let res = app
        .submit(&other, &lesson(0), &format!("{}/complete", lesson(0)), &[])
        .await;
    assert_eq!(
        location(&res),
        course,
        "not enrolled: back to the course page"
    );
}

#[tokio::test]
async fn the_course_page_says_why_enrolling_did_not_work() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let author = app.author_token(&db, "author@example.org").await;
    let id =
        PublishedCourse::with_quiz(&app, &author, "keyed-page", "self_paced", quiz(None, None))
            .await
            .id;
    let (status, _) = app
        .api(
            Method::PUT,
            &format!("/api/v1/courses/{id}/enrolment"),
            Some(&author),
            Some(json!({"enrolment": "key", "enrolment_key": "k-2026", "grade_policy": "last"})),
        )
        .await;
    assert_eq!(status, 200);
    app.register("learner@example.org", "fr").await;
    let me = browser();
    app.sign_in(&me, "learner@example.org", PASSWORD).await;
    let course = "/courses/keyed-page";
    let html = app.page(&me, course).await;
    assert!(html.contains(r#"name="key""#), "a key field");
    let res = app
        .submit(&me, course, &format!("{course}/enrol"), &[("key", "nope")])
        .await;
    assert_eq!(res.status(), 403);
    let html = res.text().await.unwrap();
    assert!(
        html.contains(r#"role="alert""#) && html.contains("clé"),
        "in French: {html}"
    );
    let res = app
        .submit(
            &me,
            course,
            &format!("{course}/enrol"),
            &[("key", "k-2026")],
        )
        .await;
    assert_eq!(res.status(), 303);
    // Leaving: back on the dashboard, the course no longer listed.
    let res = app
        .submit(&me, course, &format!("{course}/withdraw"), &[])
        .await;
    assert_eq!(location(&res), "/dashboard?notice=learn-notice-withdrawn");
    let html = app.page(&me, "/dashboard").await;
    assert!(!html.contains("Course keyed-page"));
}

#[tokio::test]
async fn a_short_text_answer_waits_for_a_person_who_grades_it_in_the_portal() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let author = app.author_token(&db, "author@example.org").await;
    let essay = json!({"pass_mark": 50, "attempts": 2, "shuffle": false, "questions": [
        {"points": 2, "prompt": {"en": "Name one tool of participatory planning."}, "kind": "short_text", "accepted": [], "manual": true}
    ]});
    let course =
        PublishedCourse::with_quiz(&app, &author, "graded-course", "self_paced", essay).await;
    let l = &course.lessons;
    let me = Learner::enrolled(&app, "learner@example.org", course.id)
        .await
        .token;
    for i in [0, 2] {
        post(
            &app,
            &me,
            format!("/api/v1/lessons/{}/complete", l[i]),
            None,
        )
        .await;
    }
    let (_, a) = post(
        &app,
        &me,
        format!("/api/v1/quizzes/{}/attempts", l[3]),
        None,
    )
    .await;
    let q = a["questions"][0]["key"].as_str().unwrap().to_owned();
    let (_, r) = post(
        &app,
        &me,
        format!("/api/v1/attempts/{}/submit", a["id"]),
        Some(json!({"answers": {&q: "Community mapping"}})),
    )
    .await;
    assert_eq!(
        (r["needs_grading"].as_bool(), &r["points"], &r["passed"]),
        (Some(true), &Value::Null, &Value::Null)
    );
    assert_eq!(r["results"][0]["outcome"], "pending");

    // Only those who may grade see it.
    let (_, none) = app
        .api(Method::GET, "/api/v1/grading", Some(&me), None)
        .await;
    assert_eq!(none, json!([]));
    let (_, list) = app
        .api(Method::GET, "/api/v1/grading", Some(&author), None)
        .await;
    assert_eq!(
        list[0]["answers"][0]["answer"], "Community mapping",
        "{list}"
    );
    let (status, _) = post(
        &app,
        &me,
        format!("/api/v1/attempts/{}/grade", a["id"]),
        Some(json!({"decisions": {&q: true}})),
    )
    .await;
    assert_eq!(status, 403, "a learner grades nothing");
    let (status, p) = post(
        &app,
        &author,
        format!("/api/v1/attempts/{}/grade", a["id"]),
        Some(json!({"decisions": {}})),
    )
    .await;
    assert_eq!(
        (status, p["errors"][0]["code"].as_str()),
        (422, Some("required"))
    );

    // Graded right in the portal: the quiz passes and the course completes.
    let c = browser();
    app.sign_in(&c, "author@example.org", PASSWORD).await;
    let html = app.page(&c, "/grading").await;
    assert!(
        html.contains("Community mapping") && html.contains("Name one tool"),
        "{html}"
    );
    let res = app
        .submit(
            &c,
            "/grading",
            &format!("/grading/{}", a["id"]),
            &[(&format!("g-{q}"), "right")],
        )
        .await;
    assert_eq!(location(&res), "/grading?notice=grading-saved");
    let (_, graded) = app
        .api(
            Method::GET,
            &format!("/api/v1/attempts/{}", a["id"]),
            Some(&me),
            None,
        )
        .await;
    assert_eq!(
        (
            graded["points"].as_i64(),
            graded["passed"].as_bool(),
            graded["needs_grading"].as_bool()
        ),
        (Some(2), Some(true), Some(false))
    );
    let (_, mine) = app
        .api(Method::GET, "/api/v1/me/enrollments", Some(&me), None)
        .await;
    assert_eq!(mine["items"][0]["status"], "completed");
    let (status, p) = post(
        &app,
        &author,
        format!("/api/v1/attempts/{}/grade", a["id"]),
        Some(json!({"decisions": {&q: false}})),
    )
    .await;
    assert_eq!((status, p["code"].as_str()), (409, Some("already_graded")));
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM jobs WHERE kind = 'course_completed'"
        )
        .await,
        1
    );
}

/// `kuza generate-learners` writes what the one-at-a-time path would:
/// learners who sign in, enrolments in the open self-paced courses with
/// their events and days of activity, and exactly the number of completed
/// lessons asked for, each course's first ones, never its quiz; some of
/// those with every lesson done completed; profiles and organisations for
/// reports. The API reports them.
#[tokio::test]
async fn generated_learners_sign_in_and_find_their_generated_progress() {
    use kuza_app::generate;
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let conn = db.connect().await;
    generate::catalog(&conn, 25, 5).await.unwrap();
    let made = generate::learners(&conn, 40, None, 300).await.unwrap();
    assert_eq!(
        (
            made.learners,
            made.progress,
            made.courses,
            made.organisations
        ),
        (40, 300, 10, 1)
    );
    let again = generate::learners(&conn, 40, None, 300).await.unwrap_err();
    assert!(again.contains("already there"), "{again}");

    let q = |sql: &'static str| count(&db, sql);
    assert_eq!(
        q("SELECT COUNT(*) FROM users WHERE email LIKE 'learner-%@generated.example.org'").await,
        40
    );
    assert_eq!(
        q("SELECT COUNT(*) FROM enrollments").await,
        made.enrollments as i64
    );
    assert_eq!(
        q("SELECT COUNT(*) FROM enrollment_events WHERE status = 'active'").await,
        made.enrollments as i64
    );
    assert_eq!(q("SELECT COUNT(*) FROM lesson_progress").await, 300);
    assert_eq!(
        q(
            "SELECT COUNT(*) FROM enrollments e JOIN courses c ON c.id = e.course_id \
           WHERE c.format <> 'self_paced' OR e.status NOT IN ('active', 'completed')"
        )
        .await,
        0
    );
    assert_eq!(
        q("SELECT COUNT(*) FROM enrollments WHERE status = 'completed' AND completed_at IS NOT NULL")
            .await,
        made.completions as i64
    );
    // A completed enrolment has every lesson but the quiz done.
    assert_eq!(
        q(
            "SELECT COUNT(*) FROM enrollments e WHERE e.status = 'completed' AND \
           (SELECT COUNT(*) FROM lesson_progress p WHERE p.enrollment_id = e.id) <> 5"
        )
        .await,
        0
    );
    // Every enrolment has its day of activity; the learners have profiles.
    assert_eq!(
        q("SELECT COUNT(DISTINCT enrollment_id) FROM learning_days").await,
        made.enrollments as i64
    );
    assert!(q("SELECT COUNT(DISTINCT country) FROM users WHERE email LIKE 'learner-%'").await > 10);
    assert!(q("SELECT COUNT(*) FROM users WHERE gender = 'female'").await > 5);
    assert!(q("SELECT COUNT(*) FROM users WHERE birth_year IS NOT NULL").await > 30);
    assert!(
        q("SELECT COUNT(*) FROM users WHERE organisation_id IS NOT NULL AND organisation_confirmed_at IS NOT NULL")
            .await
            > 10
    );
    // Every completed lesson is one of its enrolment's course.
    assert_eq!(
        q(
            "SELECT COUNT(*) FROM lesson_progress p JOIN enrollments e ON e.id = p.enrollment_id \
           JOIN published_lessons l ON l.lesson_key = p.lesson_key AND l.course_id = e.course_id"
        )
        .await,
        300
    );

    // Learner 7 signs in with the generated password and finds each
    // enrolment's progress: its first lessons done, the quiz not.
    let email = generate::learner_email(7);
    let (status, t) = app
        .api(
            Method::POST,
            "/api/v1/auth/token",
            None,
            Some(json!({"email": email, "password": generate::LEARNER_PASSWORD})),
        )
        .await;
    assert_eq!(status, 200, "{t}");
    let tok = t["access_token"].as_str().unwrap();
    let (status, mine) = app
        .api(Method::GET, "/api/v1/me/enrollments", Some(tok), None)
        .await;
    assert_eq!(status, 200, "{mine}");
    let items = mine["items"].as_array().unwrap();
    assert_eq!(items.len(), made.enrollments / 40, "{mine}");
    let conn_backend = conn.get_database_backend();
    for e in items {
        let row = conn
            .query_one(Statement::from_string(
                conn_backend,
                format!(
                    "SELECT COUNT(*) FROM lesson_progress WHERE enrollment_id = {}",
                    e["id"]
                ),
            ))
            .await
            .unwrap()
            .unwrap();
        let done = row.try_get_by_index::<i64>(0).unwrap();
        let p = &e["progress"];
        assert_eq!(p["done"], done, "{e}");
        // Five text lessons and the quiz.
        assert_eq!(p["total"], 6, "{e}");
        let (_, doc) = app
            .api(
                Method::GET,
                &format!("/api/v1/catalog/{}", e["course_slug"].as_str().unwrap()),
                None,
                None,
            )
            .await;
        let keys = lesson_keys(&doc);
        assert_eq!(p["next_lesson"], keys[done as usize], "{e}");
    }
}
