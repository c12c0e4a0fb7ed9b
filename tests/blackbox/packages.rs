//! SCORM packages: uploaded and checked whole, served from the package's
//! path with their own headers, launched with the data to resume from,
//! every commit checked, and the lesson (and the course) completed when
//! the package reports it done.

use kuza_tests::fixtures::DraftCourse;
use kuza_tests::{PASSWORD, TestApp, TestDb, browser, count, post};
use reqwest::Method;
use serde_json::{Value, json};
use std::io::Write;

/// A zip of `entries` (name, bytes), as authoring tools write packages.
fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in entries {
        zip.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

fn read(path: &str) -> Vec<u8> {
    std::fs::read(format!("{}/packages/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// One of the test packages (`tests/packages/`), zipped.
pub fn package(name: &str) -> Vec<u8> {
    let manifest = read(&format!("{name}/imsmanifest.xml"));
    zip_of(&[
        ("imsmanifest.xml", &manifest),
        ("sco.html", &read("sco.html")),
        ("sco.js", &read("sco.js")),
    ])
}

async fn upload(app: &TestApp, token: &str, course: i64, name: &str, zip: Vec<u8>) -> (u16, Value) {
    let res = reqwest::Client::new()
        .post(app.url(&format!("/api/v1/courses/{course}/packages")))
        .query(&[("name", name)])
        .bearer_auth(token)
        .body(zip)
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    (status, res.json().await.unwrap_or(Value::Null))
}

fn codes(problem: &Value) -> Vec<String> {
    problem["errors"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|e| e["code"].as_str().unwrap_or_default().to_owned())
                .collect()
        })
        .unwrap_or_default()
}

async fn draft(app: &TestApp, author: &str, slug: &str) -> DraftCourse {
    DraftCourse::create(
        app,
        author,
        json!({
            "slug": slug, "format": "self_paced", "level": "introductory", "estimated_hours": 1.0,
            "default_language": "en", "languages": ["en"], "title": {"en": "Water"},
            "summary": {"en": "Water in the city."}
        }),
    )
    .await
}

#[tokio::test]
async fn packages_are_read_whole_and_bad_ones_refused_with_nothing_kept() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Default::default()).await;
    let author = app.author_token(&db, "author@example.org").await;
    let c = draft(&app, &author, "water").await;

    let (status, p) = upload(&app, &author, c.id, "water-12.zip", package("scorm12")).await;
    assert_eq!(status, 201, "{p}");
    assert_eq!(
        (
            p["standard"].as_str(),
            p["title"].as_str(),
            p["files"].as_i64()
        ),
        (Some("scorm_1.2"), Some("Water in the city"), Some(3))
    );
    let items: Vec<&str> = p["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["identifier"].as_str().unwrap())
        .collect();
    assert_eq!(items, ["intro", "lesson"]);
    let (status, p4) = upload(&app, &author, c.id, "water-2004.zip", package("scorm2004")).await;
    assert_eq!(
        (status, p4["standard"].as_str()),
        (201, Some("scorm_2004_4"))
    );

    // Each bad package is refused with its reason, and nothing is kept.
    let manifest = read("scorm12/imsmanifest.xml");
    let dtd = String::from_utf8(manifest.clone()).unwrap().replacen(
        "<manifest",
        "<!DOCTYPE manifest [<!ENTITY lol \"lol\">]>\n<manifest",
        1,
    );
    let unknown = String::from_utf8(manifest.clone())
        .unwrap()
        .replace(
            "<schemaversion>1.2</schemaversion>",
            "<schemaversion>9</schemaversion>",
        )
        .replace("adlcp_rootv1p2", "adlcp_unknown");
    let cases: Vec<(Vec<u8>, &str)> = vec![
        (b"not a zip".to_vec(), "package_not_a_zip"),
        (zip_of(&[("sco.html", b"<p>")]), "package_manifest_missing"),
        (
            zip_of(&[("course/imsmanifest.xml", &manifest)]),
            "package_manifest_not_at_root",
        ),
        (
            zip_of(&[
                ("imsmanifest.xml", &manifest),
                ("sco.html", b"<p>"),
                ("sco.js", b""),
                ("../escape.html", b"<p>"),
            ]),
            "package_path_outside",
        ),
        (
            zip_of(&[("imsmanifest.xml", dtd.as_bytes()), ("sco.html", b"<p>")]),
            "package_manifest_dtd",
        ),
        (
            zip_of(&[
                ("imsmanifest.xml", unknown.as_bytes()),
                ("sco.html", b"<p>"),
            ]),
            "package_schema_unknown",
        ),
        (
            zip_of(&[("imsmanifest.xml", &manifest)]),
            "package_file_missing",
        ),
    ];
    for (zip, code) in cases {
        let (status, problem) = upload(&app, &author, c.id, "bad.zip", zip).await;
        assert_eq!(status, 422, "{code}: {problem}");
        assert!(
            codes(&problem).iter().any(|c| c == code),
            "{code}: {problem}"
        );
    }
    assert_eq!(count(&db, "SELECT COUNT(*) FROM packages").await, 2);

    // A draft's package: its editors read its files, nobody else.
    let id = p["id"].as_i64().unwrap();
    let res = reqwest::Client::new()
        .get(app.url(&format!("/packages/{id}/sco.html")))
        .bearer_auth(&author)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["cache-control"], "private, no-store");
    assert_eq!(
        app.get(&format!("/packages/{id}/sco.html")).await.status(),
        404
    );
    let other = app.author_token(&db, "other@example.org").await;
    let (status, _) = app
        .api(
            Method::GET,
            &format!("/api/v1/packages/{id}"),
            Some(&other),
            None,
        )
        .await;
    assert_eq!(status, 403);

    // A lesson runs it; a package of another course is refused; a package
    // in use is kept.
    let module = c.add_module(&app, json!({"en": "One"})).await;
    let other_course = draft(&app, &other, "other").await;
    let (_, theirs) = upload(&app, &other, other_course.id, "x.zip", package("scorm12")).await;
    let (status, bad) = post(
        &app,
        &author,
        format!("/api/v1/modules/{module}/lessons"),
        Some(json!({"title": {"en": "Water"}, "kind": "package", "package": theirs["id"]})),
    )
    .await;
    assert_eq!(
        (status, codes(&bad)),
        (422, vec!["package_invalid".to_owned()])
    );
    c.add_lesson(
        &app,
        module,
        json!({"title": {"en": "Water"}, "kind": "package", "package": id}),
    )
    .await;
    let (status, p) = app
        .api(
            Method::DELETE,
            &format!("/api/v1/packages/{id}"),
            Some(&author),
            None,
        )
        .await;
    assert_eq!((status, p["code"].as_str()), (409, Some("package_in_use")));
    let (status, _) = app
        .api(
            Method::DELETE,
            &format!("/api/v1/packages/{}", p4["id"]),
            Some(&author),
            None,
        )
        .await;
    assert_eq!(status, 204);
    let res = reqwest::Client::new()
        .get(app.url(&format!("/packages/{}/sco.html", p4["id"])))
        .bearer_auth(&author)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
}

/// The player's session: the commit address and the data to start from.
struct Session {
    commit: String,
    initial: Value,
}

async fn play(app: &TestApp, learner: &reqwest::Client, path: &str) -> Session {
    let html = app.page(learner, path).await;
    let doc = scraper::Html::parse_document(&html);
    let stage = doc
        .select(&scraper::Selector::parse("#kuza-package").unwrap())
        .next()
        .expect("the player");
    let data = doc
        .select(&scraper::Selector::parse("#kuza-package-data").unwrap())
        .next()
        .expect("the data")
        .text()
        .collect::<String>();
    Session {
        commit: stage.value().attr("data-commit").unwrap().to_owned(),
        initial: serde_json::from_str(&data).unwrap(),
    }
}

async fn commit(app: &TestApp, learner: &reqwest::Client, s: &Session, cmi: Value) -> (u16, Value) {
    let res = learner
        .post(app.url(&s.commit))
        .header("content-type", "text/plain;charset=UTF-8")
        .body(json!({ "cmi": cmi }).to_string())
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    (status, res.json().await.unwrap_or(Value::Null))
}

async fn learner_in(app: &TestApp, course: i64, email: &str) -> reqwest::Client {
    let token = app.learner_token(email).await;
    let (status, e) = app
        .api(
            Method::POST,
            &format!("/api/v1/courses/{course}/enrollments"),
            Some(&token),
            None,
        )
        .await;
    assert_eq!(status, 201, "{e}");
    let client = browser();
    app.sign_in(&client, email, PASSWORD).await;
    client
}

#[tokio::test]
async fn a_learner_runs_a_scorm_1_2_package_leaves_resumes_passes_and_completes_the_course() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Default::default()).await;
    let author = app.author_token(&db, "author@example.org").await;
    let c = draft(&app, &author, "water").await;
    let (_, p) = upload(&app, &author, c.id, "water-12.zip", package("scorm12")).await;
    let id = p["id"].as_i64().unwrap();
    let module = c.add_module(&app, json!({"en": "One"})).await;
    let lesson = c
        .add_lesson(
            &app,
            module,
            json!({"title": {"en": "Water"}, "kind": "package", "package": id}),
        )
        .await;
    let key = lesson["key"].as_str().unwrap().to_owned();
    c.publish(&app).await;

    // Published: anyone reads its files, cached, framed by the same origin.
    let res = app.get(&format!("/packages/{id}/sco.html")).await;
    assert_eq!(res.status(), 200);
    let h = res.headers();
    assert_eq!(h["content-type"], "text/html");
    assert_eq!(h["x-frame-options"], "SAMEORIGIN");
    assert_eq!(h["content-security-policy"], "frame-ancestors 'self'");
    assert_eq!(h["cache-control"], "public, max-age=31536000, immutable");
    assert_eq!(
        app.get(&format!("/packages/{id}/sco.js")).await.headers()["content-type"],
        "text/javascript"
    );
    assert_eq!(app.get(&format!("/packages/{id}/../x")).await.status(), 404);
    assert_eq!(
        app.get(&format!("/packages/{id}/missing.html"))
            .await
            .status(),
        404
    );

    let ama = learner_in(&app, c.id, "ama@example.org").await;
    let base = format!("/courses/water/lessons/{key}");
    let page = app.page(&ama, &base).await;
    assert!(page.contains(&format!("{base}/play")), "{page}");
    assert!(
        !page.contains("/complete\""),
        "no mark-as-complete for a package"
    );

    // The introduction completes on viewing.
    let intro = play(&app, &ama, &format!("{base}/play?sco=intro")).await;
    assert_eq!(intro.initial["cmi"]["core"]["entry"], "ab-initio");
    assert_eq!(intro.initial["cmi"]["core"]["student_name"], "Test Person");
    let (status, r) = commit(
        &app,
        &ama,
        &intro,
        json!({"core": {"lesson_status": "completed", "session_time": "00:00:10"}}),
    )
    .await;
    assert_eq!(
        (status, &r["result"], &r["lessonCompleted"]),
        (200, &json!(true), &json!(false))
    );

    // Without a SCO named, the first not done: the lesson, left midway.
    let s = play(&app, &ama, &format!("{base}/play")).await;
    assert_eq!(s.initial["cmi"]["student_data"]["mastery_score"], "80");
    let midway = json!({"core": {"lesson_status": "incomplete", "lesson_location": "page-2",
        "exit": "suspend", "session_time": "00:01:00"}, "suspend_data": "{\"page\":2}"});
    let (status, _) = commit(&app, &ama, &s, midway.clone()).await;
    assert_eq!(status, 200);
    // Twice as many commits at once as the pool has connections: each is
    // kept (none waits on a second connection inside its transaction).
    let before = count(&db, "SELECT SUM(commits) FROM package_runs").await;
    let at_once: Vec<_> = (0..8)
        .map(|_| commit(&app, &ama, &s, midway.clone()))
        .collect();
    let statuses: Vec<u16> = futures_util::future::join_all(at_once)
        .await
        .iter()
        .map(|r| r.0)
        .collect();
    assert_eq!(statuses, [200; 8]);
    assert_eq!(
        count(&db, "SELECT SUM(commits) FROM package_runs").await,
        before + 8
    );

    // A value of the wrong type, an unknown element: refused, nothing kept.
    let (status, r) = commit(
        &app,
        &ama,
        &s,
        json!({"core": {"score": {"raw": "lots"}, "lesson_status": "passed"}, "secret": "x"}),
    )
    .await;
    assert_eq!(
        (status, &r["result"], r["errorCode"].as_i64()),
        (422, &json!(false), Some(101))
    );
    let fields: Vec<&str> = r["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["cmi.core.score.raw", "cmi.secret"]);
    // Someone else's signature names nothing; nor does another learner's session.
    let forged = Session {
        commit: s.commit.replace("&t=", "&t=0"),
        initial: Value::Null,
    };
    assert_eq!(commit(&app, &ama, &forged, midway.clone()).await.0, 404);
    let kofi = learner_in(&app, c.id, "kofi@example.org").await;
    assert_eq!(commit(&app, &kofi, &s, midway.clone()).await.0, 404);
    let stranger = browser();
    assert_ne!(commit(&app, &stranger, &s, midway.clone()).await.0, 200);

    // Back later: resumed where left, the time counted.
    let s = play(&app, &ama, &format!("{base}/play?sco=lesson")).await;
    let core = &s.initial["cmi"]["core"];
    assert_eq!(
        (
            &core["entry"],
            &core["lesson_location"],
            &core["total_time"]
        ),
        (&json!("resume"), &json!("page-2"), &json!("00:01:00.00"))
    );
    assert_eq!(s.initial["cmi"]["suspend_data"], "{\"page\":2}");

    // Passing (the mastery score decides): the lesson and the course complete.
    let (status, r) = commit(
        &app,
        &ama,
        &s,
        json!({"core": {"lesson_status": "completed", "score": {"raw": "90", "min": "0", "max": "100"},
            "session_time": "00:02:00"},
            "interactions": {"0": {"id": "q1", "type": "choice", "student_response": "b", "result": "correct"}}}),
    )
    .await;
    assert_eq!(status, 200, "{r}");
    assert_eq!(
        (&r["lessonCompleted"], &r["courseCompleted"]),
        (&json!(true), &json!(true))
    );
    let (_, run) = (
        0,
        count(
            &db,
            "SELECT COUNT(*) FROM package_runs WHERE success = 'passed' AND score_raw = 90",
        )
        .await,
    );
    assert_eq!(run, 1);
    let page = app.page(&ama, &base).await;
    assert!(page.contains("Review"), "{page}");

    // Done: it opens for review, and what it reports no longer counts.
    let s = play(&app, &ama, &format!("{base}/play?sco=lesson")).await;
    assert_eq!(s.initial["cmi"]["core"]["lesson_mode"], "review");
    let (status, _) = commit(
        &app,
        &ama,
        &s,
        json!({"core": {"lesson_status": "failed", "score": {"raw": "10"}}}),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM package_runs WHERE success = 'passed' AND score_raw = 90"
        )
        .await,
        1
    );
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM enrollments WHERE status = 'completed'"
        )
        .await,
        1
    );
}

#[tokio::test]
async fn a_scorm_2004_package_completes_by_its_thresholds_and_a_failure_does_not() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Default::default()).await;
    let author = app.author_token(&db, "author@example.org").await;
    let c = draft(&app, &author, "water").await;
    let (_, p) = upload(&app, &author, c.id, "water.zip", package("scorm2004")).await;
    let module = c.add_module(&app, json!({"en": "One"})).await;
    let lesson = c
        .add_lesson(
            &app,
            module,
            json!({"title": {"en": "Water"}, "kind": "package", "package": p["id"]}),
        )
        .await;
    let key = lesson["key"].as_str().unwrap().to_owned();
    c.publish(&app).await;
    let ama = learner_in(&app, c.id, "ama@example.org").await;
    let base = format!("/courses/water/lessons/{key}");

    let s = play(&app, &ama, &format!("{base}/play")).await;
    let cmi = &s.initial["cmi"];
    assert_eq!(
        (
            &cmi["entry"],
            &cmi["completion_threshold"],
            &cmi["scaled_passing_score"]
        ),
        (&json!("ab-initio"), &json!("1"), &json!("0.8"))
    );
    // The most suspend data the 4th edition asks for, in Chinese (192 KB):
    // kept; one character more is refused.
    let big = "水".repeat(64_000);
    let (status, _) = commit(
        &app,
        &ama,
        &s,
        json!({"suspend_data": big, "location": "p1"}),
    )
    .await;
    assert_eq!(status, 200);
    let (status, r) = commit(&app, &ama, &s, json!({"suspend_data": format!("{big}水")})).await;
    assert_eq!(
        (status, r["problems"][0]["code"].as_str()),
        (422, Some("runtime_value_too_long"))
    );
    // Completed but below the passing score: failed, the lesson stays open.
    let (status, r) = commit(
        &app,
        &ama,
        &s,
        json!({"completion_status": "completed", "progress_measure": "1", "success_status": "passed",
               "score": {"scaled": "0.5", "raw": "50"}, "session_time": "PT2M", "exit": "normal"}),
    )
    .await;
    assert_eq!((status, &r["lessonCompleted"]), (200, &json!(false)), "{r}");
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM package_runs WHERE success = 'failed'"
        )
        .await,
        1
    );
    // A new attempt starts from nothing; the old session's page can no
    // longer write.
    let again = play(&app, &ama, &format!("{base}/play")).await;
    assert_eq!(again.initial["cmi"]["entry"], "ab-initio");
    assert_eq!(again.initial["cmi"]["total_time"], "PT0H2M0.00S");
    let (status, r) = commit(&app, &ama, &s, json!({"location": "p1"})).await;
    assert_eq!(
        (status, r["code"].as_str()),
        (409, Some("package_attempt_over"))
    );
    let (status, r) = commit(
        &app,
        &ama,
        &again,
        json!({"completion_status": "incomplete", "progress_measure": "1",
               "score": {"scaled": "0.9"}, "session_time": "PT1M"}),
    )
    .await;
    assert_eq!(
        (status, &r["lessonCompleted"], &r["courseCompleted"]),
        (200, &json!(true), &json!(true)),
        "{r}"
    );
}
