//! What an outside attacker found, kept found: paging beyond any integer,
//! NUL and control characters in every kind of input, oversized and
//! unfinished bodies, the bearer scheme's case, the language across the
//! sign-in redirect. Each test failed before its fix.

use kuza_tests::*;
use reqwest::Method;
use serde_json::{Value, json};
use std::io::{Read, Write};
use std::time::Duration;

const HUGE: &str = "18446744073709551615";

#[tokio::test]
async fn every_paged_route_answers_400_to_a_page_beyond_any_integer() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let admin = app.admin_token(&db, "root@example.org").await;
    for path in [
        "/api/v1/organisations",
        "/api/v1/users",
        "/api/v1/me/enrollments",
        "/api/v1/catalog",
    ] {
        for page in [HUGE, "10001", "99999999999999999999"] {
            let res = reqwest::Client::new()
                .get(app.url(&format!("{path}?page={page}")))
                .bearer_auth(&admin)
                .send()
                .await
                .expect("an answer, not a dropped connection");
            assert_eq!(res.status(), 400, "{path}?page={page}");
            assert_eq!(
                res.headers()["content-type"],
                "application/problem+json",
                "{path}"
            );
        }
        let (status, _) = app
            .api(
                Method::GET,
                &format!("{path}?page=10000"),
                Some(&admin),
                None,
            )
            .await;
        assert_eq!(
            status, 200,
            "{path}: the last page allowed is empty, not refused"
        );
    }
    let c = browser();
    app.sign_in(&c, "root@example.org", PASSWORD).await;
    for path in ["/admin/users", "/admin/organisations", "/courses"] {
        for page in [HUGE, "99999999999999999999", "abc"] {
            let res = c
                .get(app.url(&format!("{path}?page={page}")))
                .send()
                .await
                .expect("an answer");
            // The catalog page ignores a page it cannot read; the others
            // refuse it with the friendly page.
            if path == "/courses" {
                assert!(
                    res.status() == 200 || res.status() == 400,
                    "{path}?page={page}"
                );
            } else {
                assert_eq!(res.status(), 400, "{path}?page={page}");
            }
            assert!(
                res.headers()["content-type"]
                    .to_str()
                    .unwrap()
                    .starts_with("text/html")
            );
        }
    }
}

#[tokio::test]
async fn nul_and_control_characters_are_refused_or_handled_never_a_500() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let author = app.author_token(&db, "nul@example.org").await;
    let course =
        PublishedCourse::with_quiz(&app, &author, "nul-course", "self_paced", quiz(None, None))
            .await;
    // Reading: search, slugs, lesson keys, ids, no sign-in.
    for path in [
        "/api/v1/catalog?q=a%00b",
        "/api/v1/catalog?q=%00",
        "/courses?q=a%00b",
        "/courses?q=%1b%5b2J",
    ] {
        let res = app.get(path).await;
        assert_eq!(res.status(), 200, "{path}");
    }
    for path in [
        "/api/v1/catalog/a%00b".to_owned(),
        "/courses/a%00b".to_owned(),
        "/courses/nul-course/lessons/x%00y".to_owned(),
        "/media/1%00/x.png".to_owned(),
    ] {
        let res = app.get(&path).await;
        // Not found, refused, or (a lesson) sign in first: never a 500.
        assert!(
            [303, 400, 404].contains(&res.status().as_u16()),
            "{path}: {}",
            res.status()
        );
    }
    // Writing: a title, a slug, a module, a lesson key.
    let post = |path: String, body: Value| {
        let app = &app;
        let author = author.clone();
        async move {
            app.api(Method::POST, &path, Some(&author), Some(body))
                .await
        }
    };
    let (status, body) = post(
        "/api/v1/courses".into(),
        json!({"slug": "nul-two", "format": "self_paced", "level": "introductory", "estimated_hours": 1,
               "default_language": "en", "languages": ["en"], "title": {"en": "Water\u{0} and sanitation"}}),
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["errors"][0]["code"], "control_character", "{body}");
    let (status, body) = post(
        "/api/v1/courses".into(),
        json!({"slug": "nul\u{0}three", "format": "self_paced", "level": "introductory", "estimated_hours": 1,
               "default_language": "en", "languages": ["en"], "title": {"en": "Water"}}),
    )
    .await;
    assert_eq!(status, 422, "{body}");
    let (status, body) = post(
        format!("/api/v1/courses/{}/modules", course.id),
        json!({"title": {"en": "Line one\r\nLine two"}}),
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["errors"][0]["code"], "control_character", "{body}");
    // Text stored with line breaks where they belong is fine.
    let (status, body) = post(
        "/api/v1/courses".into(),
        json!({"slug": "nul-four", "format": "self_paced", "level": "introductory", "estimated_hours": 1,
               "default_language": "en", "languages": ["en"], "title": {"en": "Water"},
               "summary": {"en": "One.\r\n\r\nTwo.\tThree."}}),
    )
    .await;
    assert_eq!(status, 201, "{body}");
}

#[tokio::test]
async fn a_carriage_return_cannot_reach_a_calendar() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let author = app.author_token(&db, "cal@example.org").await;
    let course = PublishedCourse::with_live_session(&app, &author, "cal-course").await;
    let cohort = Cohort::new(&app, &author, course.id, 10).await;
    for (field, value) in [
        ("title", "Workshop\rDTSTART:19700101T000000Z"),
        ("venue", "Room 4\rX-INJECTED:yes"),
    ] {
        let mut body = json!({
            "title": "Workshop", "starts_at": in_days(8), "ends_at": in_days(9),
            "time_zone": "Africa/Nairobi", "venue": "Room 4"
        });
        body[field] = json!(value);
        let (status, res) = app
            .api(
                Method::POST,
                &format!("/api/v1/cohorts/{}/sessions", cohort.id),
                Some(&author),
                Some(body),
            )
            .await;
        assert_eq!(status, 422, "{field}: {res}");
        assert_eq!(res["errors"][0]["code"], "control_character", "{res}");
    }
}

#[tokio::test]
async fn an_oversized_enrolment_body_is_a_413_problem() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let author = app.author_token(&db, "big@example.org").await;
    let course =
        PublishedCourse::with_quiz(&app, &author, "big-course", "self_paced", quiz(None, None))
            .await;
    let learner = app.learner_token("bigl@example.org").await;
    let res = reqwest::Client::new()
        .post(app.url(&format!("/api/v1/courses/{}/enrollments", course.id)))
        .bearer_auth(&learner)
        .header("content-type", "application/json")
        .body(format!("{{\"key\": \"{}\"}}", "k".repeat(100 * 1024)))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 413);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["code"], "payload_too_large");
}

#[tokio::test]
async fn the_bearer_scheme_is_read_in_any_case() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let token = app.learner_token("case@example.org").await;
    for scheme in ["Bearer", "bearer", "BEARER"] {
        let res = reqwest::Client::new()
            .get(app.url("/api/v1/me"))
            .header("authorization", format!("{scheme} {token}"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200, "{scheme}");
    }
}

#[tokio::test]
async fn a_language_in_the_address_survives_the_sign_in_redirect() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let c = browser();
    let res = c.get(app.url("/profile?lang=ar")).send().await.unwrap();
    assert_eq!(res.status(), 303);
    let to = res.headers()["location"].to_str().unwrap().to_owned();
    assert!(to.starts_with("/sign-in?"), "{to}");
    let page = app.page(&c, &to).await;
    assert!(
        page.contains("lang=\"ar\""),
        "the sign-in page is in Arabic"
    );
    assert!(page.contains("dir=\"rtl\""));
}

fn body_timeout_of_two_seconds() -> Options {
    Options {
        extra_toml: "body_timeout_seconds = 2\n".into(),
        ..Options::default()
    }
}

/// Announces a body of 1,000 bytes, sends 10, and waits: the server must
/// answer (and close) after its body timeout of 2 s, not hold the
/// connection.
#[tokio::test]
async fn a_body_that_stops_arriving_is_cut_off() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, body_timeout_of_two_seconds()).await;
    let port = app.port;
    let answer = tokio::task::spawn_blocking(move || {
        let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        s.write_all(
            b"POST /api/v1/auth/token HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"email\":",
        )
        .unwrap();
        let mut got = vec![];
        let _ = s.read_to_end(&mut got);
        String::from_utf8_lossy(&got).into_owned()
    })
    .await
    .unwrap();
    // Held, the client would have read nothing before its own 20 s gave up.
    assert!(answer.starts_with("HTTP/1.1 4"), "{answer}");
}

/// A body that arrives slowly but steadily (a phone on a weak connection)
/// is not cut off: the limit is on the pause between reads, not the total.
#[tokio::test]
async fn a_slow_but_steady_body_is_read_whole() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, body_timeout_of_two_seconds()).await;
    app.register("slow@example.org", "en").await;
    let port = app.port;
    let answer = tokio::task::spawn_blocking(move || {
        let body = format!(r#"{{"email":"slow@example.org","password":"{PASSWORD}"}}"#);
        let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        write!(
            s,
            "POST /api/v1/auth/token HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
            body.len()
        )
        .unwrap();
        // In four parts, a second apart: five seconds in all, each pause
        // under the two-second limit.
        let parts = body.as_bytes().chunks(body.len().div_ceil(4)).collect::<Vec<_>>();
        for part in parts {
            s.write_all(part).unwrap();
            std::thread::sleep(Duration::from_millis(1200));
        }
        let mut got = vec![];
        let _ = s.read_to_end(&mut got);
        String::from_utf8_lossy(&got).into_owned()
    })
    .await
    .unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.contains("access_token"), "{answer}");
}

#[tokio::test]
async fn taking_the_author_role_away_ends_the_editing_of_ones_own_courses() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let admin = app.admin_token(&db, "head@example.org").await;
    let author = app.author_token(&db, "leaver@example.org").await;
    let course = DraftCourse::create(
        &app,
        &author,
        json!({"slug": "leavers-course", "format": "self_paced", "level": "introductory",
               "estimated_hours": 1, "default_language": "en", "languages": ["en"],
               "title": {"en": "Handover"}}),
    )
    .await;
    let c = browser();
    app.sign_in(&c, "leaver@example.org", PASSWORD).await;
    let studio = format!("/studio/courses/{}", course.id);
    assert_eq!(c.get(app.url(&studio)).send().await.unwrap().status(), 200);
    let (_, me) = app
        .api(Method::GET, "/api/v1/me", Some(&author), None)
        .await;
    let (status, body) = app
        .api(
            Method::PUT,
            &format!("/api/v1/users/{}/roles", me["id"]),
            Some(&admin),
            Some(json!({"roles": []})),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    // Neither the API nor the studio lets them change or read the draft.
    let (status, _) = app
        .api(
            Method::POST,
            &format!("/api/v1/courses/{}/modules", course.id),
            Some(&author),
            Some(json!({"title": {"en": "More"}})),
        )
        .await;
    assert_eq!(status, 403);
    let (status, _) = app
        .api(
            Method::GET,
            &format!("/api/v1/courses/{}/draft", course.id),
            Some(&author),
            None,
        )
        .await;
    assert_eq!(status, 403);
    assert_eq!(c.get(app.url(&studio)).send().await.unwrap().status(), 403);
    // An administrator still can.
    let (status, _) = app
        .api(
            Method::GET,
            &format!("/api/v1/courses/{}/draft", course.id),
            Some(&admin),
            None,
        )
        .await;
    assert_eq!(status, 200);
}
