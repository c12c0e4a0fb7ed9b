//! Live sessions: scheduling with time zones, attendance taken by a
//! facilitator, completion by the attendance rule, iCalendar files, the
//! personal calendar feed, and reminders.

use kuza_tests::*;
use reqwest::Method;
use serde_json::{Value, json};

#[tokio::test]
async fn attendance_completes_live_lessons_and_the_attendance_rule_decides_completion() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let author = app.author_token(&db, "coordinator@example.org").await;
    let course = PublishedCourse::with_live_session(&app, &author, "participatory").await;
    let (text, live) = (&course.lessons[0], &course.lessons[1]);
    let id = course.id;
    let (status, _) = app
        .api(
            Method::PUT,
            &format!("/api/v1/courses/{id}/enrolment"),
            Some(&author),
            Some(json!({
                "enrolment": "open", "grade_policy": "best", "attendance_percent": 50
            })),
        )
        .await;
    assert_eq!(status, 200);
    let facilitator = app.register("facilitator@example.org", "en").await;
    let cohort = Cohort::create(&app, &author, id, json!({
        "name": "Nairobi, December", "language": "en", "starts_at": in_hours(24), "ends_at": in_hours(24 * 30),
        "capacity": 3, "facilitators": [facilitator]
    }))
    .await;
    let cid = cohort.id;

    // Three learners in, one on the waitlist; a withdrawal lets them in.
    let mut t = vec![];
    let mut e = vec![];
    for i in 0..4 {
        let l = Learner::in_cohort(&app, &format!("s{i}@example.org"), id, cid).await;
        e.push(l.enrollment);
        t.push(l.token);
    }
    assert_eq!(e[3]["status"], "waitlisted");
    post(
        &app,
        &t[1],
        format!("/api/v1/enrollments/{}/withdraw", e[1]["id"]),
        None,
    )
    .await;
    let (status, _) = post(
        &app,
        &t[3],
        format!("/api/v1/enrollments/{}/confirm", e[3]["id"]),
        None,
    )
    .await;
    assert_eq!(status, 200);

    // Sessions: checked values, local times in their own zone.
    let (status, p) = post(
        &app,
        &author,
        format!("/api/v1/cohorts/{cid}/sessions"),
        Some(json!({
            "title": "", "starts_at": in_hours(30), "ends_at": in_hours(29), "time_zone": "Mars/Olympus",
            "meeting_url": "http://example.org/meet", "lesson_key": text
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
    assert_eq!(
        fields,
        ["title", "ends_at", "time_zone", "meeting_url", "lesson_key"]
    );
    let s1 = cohort.session(&app, &author, json!({
        "title": "Workshop", "starts_at": "2026-12-07T06:00:00Z", "ends_at": "2026-12-07T09:00:00Z",
        "time_zone": "Africa/Nairobi", "venue": "UN Gigiri, Conference room 4", "lesson_key": live
    }))
    .await;
    assert_eq!(s1["local_start"], "2026-12-07 09:00 (UTC+03:00)");
    let s2 = cohort.session(&app, &author, json!({
        "title": "Follow-up webinar", "starts_at": "2026-12-14T12:00:00Z", "ends_at": "2026-12-14T13:00:00Z",
        "time_zone": "America/Bogota", "meeting_url": "https://meet.example.org/kuza-follow-up"
    }))
    .await;
    assert_eq!(s2["local_start"], "2026-12-14 07:00 (UTC-05:00)");
    let (status, list) = app
        .api(
            Method::GET,
            &format!("/api/v1/cohorts/{cid}/sessions"),
            Some(&t[0]),
            None,
        )
        .await;
    assert_eq!((status, list.as_array().map(Vec::len)), (200, Some(2)));
    let (status, _) = app
        .api(
            Method::GET,
            &format!("/api/v1/cohorts/{cid}/sessions"),
            Some(&t[1]),
            None,
        )
        .await;
    assert_eq!(status, 403, "who left sees no sessions");

    // Everyone studies the text lesson first.
    for i in [0, 2, 3] {
        let (status, _) = post(
            &app,
            &t[i],
            format!("/api/v1/lessons/{text}/complete"),
            None,
        )
        .await;
        assert_eq!(status, 200);
    }
    let (status, p) = post(
        &app,
        &t[0],
        format!("/api/v1/lessons/{live}/complete"),
        None,
    )
    .await;
    assert_eq!((status, p["code"].as_str()), (409, Some("lesson_is_live")));

    // Attendance: facilitators and editors only, all or nothing.
    let put = |tok: String, session: &Value, records: Value| {
        let app = &app;
        let path = format!("/api/v1/sessions/{}/attendance", session["id"]);
        async move {
            app.api(
                Method::PUT,
                &path,
                Some(&tok),
                Some(json!({"records": records})),
            )
            .await
        }
    };
    let ftok = app.access_token("facilitator@example.org").await;
    assert_eq!(put(t[0].clone(), &s1, json!([])).await.0, 403);
    let (status, p) = put(
        ftok.clone(),
        &s1,
        json!([
            {"enrollment_id": e[0]["id"], "status": "present"},
            {"enrollment_id": e[1]["id"], "status": "present"}
        ]),
    )
    .await;
    assert_eq!(
        (status, p["errors"][0]["code"].as_str()),
        (422, Some("not_in_cohort"))
    );
    assert_eq!(
        count(&db, "SELECT COUNT(*) FROM attendance").await,
        0,
        "nothing half-stored"
    );
    let (status, _) = put(
        ftok.clone(),
        &s1,
        json!([{"enrollment_id": e[0]["id"], "status": "late"}]),
    )
    .await;
    assert_eq!(status, 422);

    // The workshop: present (the live lesson done, one of two sessions:
    // 50%, the rule met: completed), absent, excused.
    let (status, r) = put(
        ftok.clone(),
        &s1,
        json!([
            {"enrollment_id": e[0]["id"], "status": "present"},
            {"enrollment_id": e[2]["id"], "status": "absent"},
            {"enrollment_id": e[3]["id"], "status": "excused"}
        ]),
    )
    .await;
    assert_eq!(status, 200, "{r}");
    assert_eq!(
        (r["recorded"].as_u64(), r["completed"].as_u64()),
        (Some(3), Some(1))
    );
    let (_, sheet) = app
        .api(
            Method::GET,
            &format!("/api/v1/sessions/{}/attendance", s1["id"]),
            Some(&ftok),
            None,
        )
        .await;
    let statuses: Vec<&str> = sheet
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["status"].as_str().unwrap_or("-"))
        .collect();
    assert_eq!(statuses, ["present", "absent", "excused"]);

    // The webinar: present at it, but the workshop's lesson is still
    // missing for one; the other, excused from the workshop, attended one
    // of one counted session, yet misses the live lesson too.
    let (_, r) = put(
        ftok.clone(),
        &s2,
        json!([
            {"enrollment_id": e[2]["id"], "status": "present"},
            {"enrollment_id": e[3]["id"], "status": "present"}
        ]),
    )
    .await;
    assert_eq!(r["completed"], 0);
    // Retaken: present at the workshop after all.
    let (_, r) = put(
        author.clone(),
        &s1,
        json!([{"enrollment_id": e[2]["id"], "status": "present"}]),
    )
    .await;
    assert_eq!(r["completed"], 1);
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM jobs WHERE kind = 'course_completed'"
        )
        .await,
        2
    );
    let (_, mine) = app
        .api(Method::GET, "/api/v1/me/enrollments", Some(&t[3]), None)
        .await;
    assert_eq!(
        (
            mine["items"][0]["status"].as_str(),
            mine["items"][0]["progress"]["percent"].as_u64()
        ),
        (Some("active"), Some(50))
    );
}

#[tokio::test]
async fn sessions_come_as_icalendar_files_and_a_personal_feed_and_are_reminded_of_once() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let author = app.author_token(&db, "coordinator@example.org").await;
    let course = PublishedCourse::with_live_session(&app, &author, "calendar-course").await;
    let cohort = Cohort::create(
        &app,
        &author,
        course.id,
        json!({
            "name": "Online, January", "language": "en", "starts_at": in_hours(1), "ends_at": in_hours(24 * 30)
        }),
    )
    .await;
    let me = Learner::in_cohort(&app, "member@example.org", course.id, cohort.id)
        .await
        .token;
    let soon = cohort
        .session(
            &app,
            &author,
            json!({
                "title": "Kick-off", "starts_at": in_hours(3), "ends_at": in_hours(4), "time_zone": "Europe/Paris",
                "meeting_url": "https://meet.example.org/kick-off"
            }),
        )
        .await;
    cohort
        .session(
            &app,
            &author,
            json!({
                "title": "Site visit", "starts_at": in_hours(24 * 10), "ends_at": in_hours(24 * 10 + 3),
                "time_zone": "Europe/Paris", "venue": "Place de la République"
            }),
        )
        .await;

    // One session's file: members only.
    let res = reqwest::Client::new()
        .get(app.url(&format!("/api/v1/sessions/{}/ics", soon["id"])))
        .bearer_auth(&me)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/calendar")
    );
    let ics = res.text().await.unwrap();
    assert!(
        ics.contains("BEGIN:VCALENDAR") && ics.contains("BEGIN:VEVENT"),
        "{ics}"
    );
    assert!(
        ics.contains("SUMMARY:Kick-off · Participatory planning"),
        "{ics}"
    );
    assert!(ics.contains("https://meet.example.org/kick-off"));
    let outsider = app.learner_token("outsider@example.org").await;
    let (status, _) = app
        .api(
            Method::GET,
            &format!("/api/v1/sessions/{}/ics", soon["id"]),
            Some(&outsider),
            None,
        )
        .await;
    assert_eq!(status, 403);

    // The personal feed: a secret address, both sessions, resettable.
    let (_, feed) = app
        .api(Method::GET, "/api/v1/me/calendar", Some(&me), None)
        .await;
    let url = feed["url"].as_str().unwrap().to_owned();
    let path = url.strip_prefix("http://kuza.test").unwrap().to_owned();
    let body = app.get(&path).await.text().await.unwrap();
    assert_eq!(body.matches("BEGIN:VEVENT").count(), 2, "{body}");
    assert!(body.contains("LOCATION:Place de la République"), "{body}");
    // One character of the signature changed.
    let mut forged = path.clone();
    let i = forged.len() - ".ics".len() - 1;
    let other = if &forged[i..=i] == "0" { "1" } else { "0" };
    forged.replace_range(i..=i, other);
    assert_eq!(app.get(&forged).await.status(), 404);
    let (_, again) = app
        .api(Method::GET, "/api/v1/me/calendar", Some(&me), None)
        .await;
    assert_eq!(again["url"], feed["url"], "the same address until reset");
    let (_, reset) = post(&app, &me, "/api/v1/me/calendar/reset", None).await;
    assert_ne!(reset["url"], feed["url"]);
    assert_eq!(
        app.get(&path).await.status(),
        404,
        "the old address stops working"
    );

    // Reminders: sessions within a day, once.
    assert_eq!(
        kuza_app::sessions::send_reminders(&app.state.app)
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        kuza_app::sessions::send_reminders(&app.state.app)
            .await
            .unwrap(),
        0
    );
    let mail = wait_for_mail(&app, "member@example.org", "Reminder").await;
    assert!(
        mail.contains("Kick-off") && mail.contains("(UTC+01:00)"),
        "{mail}"
    );
    assert!(
        mail.contains("Link to join: https://meet.example.org/kick-off"),
        "{mail}"
    );
}

#[tokio::test]
async fn a_facilitator_takes_attendance_on_a_plain_form_and_learners_see_their_sessions() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let author = app.author_token(&db, "coordinator@example.org").await;
    let course = PublishedCourse::with_live_session(&app, &author, "attendance-page").await;
    let text = &course.lessons[0];
    let fid = app.register("facilitator@example.org", "en").await;
    let cohort = Cohort::create(
        &app,
        &author,
        course.id,
        json!({
            "name": "Kigali, March", "language": "en", "starts_at": in_hours(2), "ends_at": in_hours(24 * 30),
            "facilitators": [fid]
        }),
    )
    .await;
    let s = cohort.session(&app, &author, json!({
        "title": "Community walk", "starts_at": "2027-03-02T07:00:00Z", "ends_at": "2027-03-02T10:00:00Z",
        "time_zone": "Africa/Kigali", "venue": "Nyamirambo"
    }))
    .await;
    let learner = Learner::in_cohort(&app, "learner@example.org", course.id, cohort.id).await;
    let e = &learner.enrollment;
    post(
        &app,
        &learner.token,
        format!("/api/v1/lessons/{text}/complete"),
        None,
    )
    .await;

    // The learner sees the session on the course page, with its file.
    let me = browser();
    app.sign_in(&me, "learner@example.org", PASSWORD).await;
    let html = app.page(&me, "/courses/attendance-page").await;
    assert!(
        html.contains("Community walk") && html.contains("2027-03-02 09:00 (UTC+02:00)"),
        "{html}"
    );
    let ics = me
        .get(app.url(&format!("/sessions/{}/calendar.ics", s["id"])))
        .send()
        .await
        .unwrap();
    assert_eq!(ics.status(), 200);
    assert!(ics.text().await.unwrap().contains("LOCATION:Nyamirambo"));
    let html = app.page(&me, "/dashboard").await;
    assert!(
        html.contains("/calendar/"),
        "the calendar feed address: {html}"
    );
    assert_eq!(
        me.get(app.url(&format!("/sessions/{}/attendance", s["id"])))
            .send()
            .await
            .unwrap()
            .status(),
        403
    );

    // The facilitator finds the session on their dashboard and takes
    // attendance with the form; a made-up status is refused.
    let f = browser();
    app.sign_in(&f, "facilitator@example.org", PASSWORD).await;
    let html = app.page(&f, "/dashboard").await;
    let sheet = format!("/sessions/{}/attendance", s["id"]);
    assert!(html.contains(&sheet), "{html}");
    let html = app.page(&f, &sheet).await;
    assert!(html.contains("Test Person") && html.contains(&format!(r#"name="a-{}""#, e["id"])));
    let res = app
        .submit(
            &f,
            &sheet,
            &sheet,
            &[(&format!("a-{}", e["id"]), "present")],
        )
        .await;
    assert_eq!(location(&res), format!("{sheet}?notice=attendance-saved"));
    let html = app.page(&f, &sheet).await;
    assert!(html.contains(r#"value="present" checked"#), "{html}");
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM attendance WHERE status = 'present'"
        )
        .await,
        1
    );
    let res = app
        .submit(&f, &sheet, &sheet, &[(&format!("a-{}", e["id"]), "asleep")])
        .await;
    assert_eq!(res.status(), 400);
}

#[tokio::test]
async fn a_coordinator_runs_a_cohort_from_the_studio_with_plain_forms() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let author = app.author_token(&db, "coordinator@example.org").await;
    let id = PublishedCourse::with_live_session(&app, &author, "studio-cohorts")
        .await
        .id;
    app.register("facilitator@example.org", "en").await;
    let c = browser();
    app.sign_in(&c, "coordinator@example.org", PASSWORD).await;
    let page = format!("/studio/courses/{id}/cohorts");
    let html = app.page(&c, &format!("/studio/courses/{id}")).await;
    assert!(html.contains(&page), "the course editor links its cohorts");

    // The enrolment rules, then a cohort; mistakes are named on the form.
    let res = app
        .submit(
            &c,
            &page,
            &format!("/studio/courses/{id}/enrolment"),
            &[
                ("enrolment", "open"),
                ("enrolment_key", ""),
                ("grade_policy", "best"),
                ("attendance_percent", "75"),
            ],
        )
        .await;
    assert_eq!(location(&res), format!("{page}?notice=studio-saved"));
    let res = app
        .submit(
            &c,
            &page,
            &page,
            &[
                ("name", "Dakar"),
                ("language", "en"),
                ("starts_on", "2027-02-01"),
                ("ends_on", "2027-01-01"),
                ("capacity", "3"),
                ("confirm_hours", "48"),
                ("facilitators", "nobody@example.org"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(
        html.contains("No account has this email address."),
        "{html}"
    );
    let res = app
        .submit(
            &c,
            &page,
            &page,
            &[
                ("name", "Dakar"),
                ("language", "en"),
                ("starts_on", "2027-02-01"),
                ("ends_on", "2027-03-01"),
                ("capacity", "3"),
                ("confirm_hours", "48"),
                ("facilitators", "facilitator@example.org"),
            ],
        )
        .await;
    let cohort_page = location(&res).replace("?notice=studio-saved", "");
    assert!(cohort_page.starts_with("/studio/cohorts/"), "{cohort_page}");
    let html = app.page(&c, &page).await;
    assert!(html.contains("Dakar") && html.contains("0 / 3"), "{html}");

    // A session in local time where it takes place.
    let sessions = format!("{cohort_page}/sessions");
    let res = app
        .submit(
            &c,
            &cohort_page,
            &sessions,
            &[
                ("title", "Workshop"),
                ("time_zone", "Africa/Dakar"),
                ("starts", "2027-02-03T09:00"),
                ("ends", "2027-02-03T12:00"),
                ("venue", "Place de l'Indépendance"),
                ("meeting_url", ""),
                ("lesson_key", ""),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let html = app.page(&c, &cohort_page).await;
    assert!(
        html.contains("2027-02-03 09:00 (UTC+00:00)") && html.contains("Workshop"),
        "{html}"
    );
    let res = app
        .submit(
            &c,
            &cohort_page,
            &sessions,
            &[
                ("title", "Webinar"),
                ("time_zone", "Somewhere/Else"),
                ("starts", "2027-02-10T09:00"),
                ("ends", "2027-02-10T10:00"),
                ("venue", ""),
                ("meeting_url", "http://insecure.example.org"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(
        html.contains("Not a time zone name") && html.contains("https://"),
        "{html}"
    );

    // Learners come in; one is removed with a message; the list downloads.
    let cid: i64 = cohort_page.rsplit('/').next().unwrap().parse().unwrap();
    let learner = app.learner_token("learner@example.org").await;
    let (_, e) = post(
        &app,
        &learner,
        format!("/api/v1/courses/{id}/enrollments"),
        Some(json!({"cohort_id": cid})),
    )
    .await;
    let html = app.page(&c, &cohort_page).await;
    assert!(
        html.contains("learner@example.org") && html.contains("Active"),
        "{html}"
    );
    let res = app
        .submit(
            &c,
            &cohort_page,
            &format!("/studio/enrollments/{}/remove", e["id"]),
            &[("message", "Wrong cohort")],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM enrollment_events WHERE message = 'Wrong cohort'"
        )
        .await,
        1
    );
    let csv = c
        .get(app.url(&format!("{cohort_page}/roster.csv")))
        .send()
        .await
        .unwrap();
    assert_eq!(csv.status(), 200);
    assert!(csv.text().await.unwrap().contains("\"removed\""));

    // Another author cannot see it.
    app.author_token(&db, "other@example.org").await;
    let o = browser();
    app.sign_in(&o, "other@example.org", PASSWORD).await;
    assert_eq!(
        o.get(app.url(&cohort_page)).send().await.unwrap().status(),
        403
    );
}
