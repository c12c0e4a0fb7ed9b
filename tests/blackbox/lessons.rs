//! Lesson kinds (video, download, quiz, live session) and quizzes: what
//! authors can save, what stops publication, and what learners receive.

use kuza_tests::*;
use reqwest::Method;
use serde_json::{Value, json};

/// A course in English and French with one module; returns (course, module).
async fn course(app: &TestApp, tok: &str, slug: &str) -> (i64, i64) {
    let c = DraftCourse::create(
        app,
        tok,
        json!({
            "slug": slug, "format": "self_paced", "level": "introductory", "estimated_hours": 2,
            "default_language": "en", "languages": ["en", "fr"],
            "title": {"en": "Monitoring SDG 11", "fr": "Suivre l'ODD 11"}
        }),
    )
    .await;
    let module = c
        .add_module(app, json!({"en": "Indicators", "fr": "Indicateurs"}))
        .await;
    (c.id, module)
}

async fn lesson(app: &TestApp, tok: &str, module: i64, body: Value) -> (u16, Value) {
    app.api(
        Method::POST,
        &format!("/api/v1/modules/{module}/lessons"),
        Some(tok),
        Some(body),
    )
    .await
}

fn codes(problem: &Value) -> Vec<String> {
    problem["errors"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|e| {
                    format!(
                        "{} {}",
                        e["field"].as_str().unwrap(),
                        e["code"].as_str().unwrap()
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

fn passable_quiz() -> Value {
    json!({
        "pass_mark": 60, "attempts": 3, "time_limit_minutes": 20, "shuffle": true,
        "questions": [
            {"kind": "single", "points": 2, "prompt": {"en": "Which SDG is about cities?", "fr": "Quel ODD concerne les villes ?"},
             "feedback": {"en": "SDG 11 is about cities."},
             "options": [
                {"text": {"en": "SDG 6", "fr": "ODD 6"}, "correct": false, "feedback": {"en": "SDG 6 is water."}},
                {"text": {"en": "SDG 11", "fr": "ODD 11"}, "correct": true}
             ]},
            {"kind": "multiple", "points": 2, "prompt": {"en": "Which are SDG 11 targets?"},
             "options": [{"text": {"en": "11.1"}, "correct": true}, {"text": {"en": "11.3"}, "correct": true}, {"text": {"en": "6.1"}}]},
            {"kind": "true_false", "points": 1, "prompt": {"en": "The New Urban Agenda was adopted in 2016."}, "answer": true},
            {"kind": "numeric", "points": 1, "prompt": {"en": "How many SDGs are there?"}, "answer": 17, "tolerance": 0},
            {"kind": "short_text", "points": 1, "prompt": {"en": "Name the agency for human settlements."},
             "accepted": ["  UN-Habitat ", "un habitat"], "manual": false}
        ]
    })
}

#[tokio::test]
async fn an_unpassable_quiz_cannot_be_published_and_the_author_is_told_why() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let tok = app.author_token(&db, "quizzer@example.org").await;
    let (id, module) = course(&app, &tok, "monitoring-sdg-11").await;
    let (status, l) = lesson(
        &app,
        &tok,
        module,
        json!({"title": {"en": "Check yourself"}, "kind": "quiz"}),
    )
    .await;
    assert_eq!(status, 201, "{l}");
    let quiz_url = format!("/api/v1/lessons/{}/quiz", l["id"]);
    let publish = format!("/api/v1/courses/{id}/publish");

    // An empty quiz, then one nobody can pass.
    let (status, p) = app.api(Method::POST, &publish, Some(&tok), None).await;
    assert_eq!(status, 422);
    assert_eq!(
        codes(&p),
        ["modules[0].lessons[0].quiz.questions quiz_has_no_questions"]
    );
    let (status, _) = app
        .api(
            Method::PUT,
            &quiz_url,
            Some(&tok),
            Some(json!({"pass_mark": 70, "questions": [
                {"kind": "single", "points": 1, "prompt": {"en": "Pick one"},
                 "options": [{"text": {"en": "A"}}, {"text": {"en": "B"}}]},
                {"kind": "multiple", "points": 0, "prompt": {"en": "Pick some"},
                 "options": [{"text": {"en": "A"}}, {"text": {"en": "B"}}]},
                {"kind": "short_text", "points": 0, "prompt": {"en": "Say it"}}
            ]})),
        )
        .await;
    assert_eq!(status, 200, "a half-written quiz can be saved");
    let (status, p) = app.api(Method::POST, &publish, Some(&tok), None).await;
    assert_eq!(status, 422);
    let at = "modules[0].lessons[0].quiz.questions";
    assert_eq!(
        codes(&p),
        [
            format!("{at}[0].options single_choice_needs_one_correct"),
            format!("{at}[1].options multiple_choice_needs_a_correct"),
            format!("{at}[2].accepted short_text_needs_an_answer"),
        ]
    );
    let (_, _) = app
        .api(
            Method::PUT,
            &quiz_url,
            Some(&tok),
            Some(json!({"pass_mark": 70, "questions": [
                {"kind": "true_false", "points": 0, "prompt": {"en": "Zero points"}, "answer": true}
            ]})),
        )
        .await;
    let (_, p) = app.api(Method::POST, &publish, Some(&tok), None).await;
    assert_eq!(
        codes(&p),
        ["modules[0].lessons[0].quiz.pass_mark quiz_pass_mark_unreachable"]
    );

    // Shapes are refused when saved.
    let (status, p) = app.api(Method::PUT, &quiz_url, Some(&tok), Some(json!({"pass_mark": 150, "attempts": 0, "questions": [
            {"kind": "numeric", "points": 1, "prompt": {"ru": "Сколько?"}, "answer": 1, "tolerance": -1}
        ]})))
    .await;
    assert_eq!(status, 422);
    assert_eq!(
        codes(&p),
        [
            "quiz.pass_mark pass_mark_invalid",
            "quiz.attempts attempts_invalid",
            "quiz.questions[0].prompt.ru language_not_offered",
            "quiz.questions[0].tolerance number_invalid",
        ]
    );
    let (status, p) = app.api(Method::PUT, &quiz_url, Some(&tok), Some(json!({"pass_mark": 50, "questions": [{"kind": "essay", "points": 1, "prompt": {"en": "?"}}]})))
    .await;
    assert!(status == 400 || status == 422, "{status} {p}");

    // A passable quiz publishes.
    let (status, _) = app
        .api(Method::PUT, &quiz_url, Some(&tok), Some(passable_quiz()))
        .await;
    assert_eq!(status, 200);
    let (status, p) = app.api(Method::POST, &publish, Some(&tok), None).await;
    assert_eq!(status, 201, "{p}");
}

#[tokio::test]
async fn learners_never_receive_a_quizs_answers() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let tok = app.author_token(&db, "quizzer@example.org").await;
    let (id, module) = course(&app, &tok, "monitoring-sdg-11").await;
    let (_, l) = lesson(
        &app,
        &tok,
        module,
        json!({"title": {"en": "Check yourself", "fr": "Vérifiez"}, "kind": "quiz", "quiz": passable_quiz()}),
    )
    .await;
    assert_eq!(l["quiz"]["questions"].as_array().unwrap().len(), 5, "{l}");
    let key = l["quiz"]["questions"][0]["key"]
        .as_str()
        .unwrap()
        .to_owned();

    // Saving again keeps question keys (answers are recorded against them).
    let (_, q) = app
        .api(
            Method::GET,
            &format!("/api/v1/lessons/{}/quiz", l["id"]),
            Some(&tok),
            None,
        )
        .await;
    let (_, again) = app
        .api(
            Method::PUT,
            &format!("/api/v1/lessons/{}/quiz", l["id"]),
            Some(&tok),
            Some(q.clone()),
        )
        .await;
    assert_eq!(again, q);
    assert_eq!(q["questions"][0]["key"], key);
    assert_eq!(
        q["questions"][4]["accepted"],
        json!(["un-habitat", "un habitat"])
    );
    let (status, _) = app
        .api(
            Method::POST,
            &format!("/api/v1/courses/{id}/publish"),
            Some(&tok),
            None,
        )
        .await;
    assert_eq!(status, 201);

    // The public API and the page carry the quiz without its answers.
    let (_, published) = app
        .api(Method::GET, "/api/v1/catalog/monitoring-sdg-11", None, None)
        .await;
    let quiz = &published["document"]["modules"][0]["lessons"][0]["content"]["quiz"];
    assert_eq!(quiz["points"], 7);
    assert_eq!(quiz["questions"][0]["key"], key);
    assert_eq!(quiz["questions"][0]["options"][1][1]["fr"], "ODD 11");
    let text = published.to_string();
    for secret in [
        "correct",
        "accepted",
        "un-habitat",
        "feedback",
        "tolerance",
        "SDG 6 is water",
    ] {
        assert!(!text.contains(secret), "{secret} reached the public API");
    }
    let page = app
        .get(&format!(
            "/courses/monitoring-sdg-11/lessons/{}",
            published["document"]["modules"][0]["lessons"][0]["key"]
                .as_str()
                .unwrap()
        ))
        .await;
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains("Pass mark: 60 %"), "{html}");
    assert!(!html.contains("SDG 6 is water") && !html.contains("un-habitat"));

    // Only the course's editors read the quiz with its answers.
    let ltok = app.learner_token("learner@example.org").await;
    let other = app.author_token(&db, "other@example.org").await;
    for t in [&ltok, &other] {
        let (status, _) = app
            .api(
                Method::GET,
                &format!("/api/v1/lessons/{}/quiz", l["id"]),
                Some(t),
                None,
            )
            .await;
        assert_eq!(status, 403);
        let (status, _) = app
            .api(
                Method::PUT,
                &format!("/api/v1/lessons/{}/quiz", l["id"]),
                Some(t),
                Some(passable_quiz()),
            )
            .await;
        assert_eq!(status, 403);
    }
    let (status, _) = app
        .api(
            Method::GET,
            &format!("/api/v1/lessons/{}/quiz", l["id"]),
            None,
            None,
        )
        .await;
    assert_eq!(status, 401);
}

#[tokio::test]
async fn videos_downloads_and_live_sessions_publish_when_complete() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let tok = app.author_token(&db, "maker@example.org").await;
    let (id, module) = course(&app, &tok, "street-design").await;
    let (status, video) = lesson(
        &app,
        &tok,
        module,
        json!({"title": {"en": "Streets for people"}, "kind": "video",
               "video": {"url": "https://media.example.org/streets.webm",
                         "transcript": {"en": "A street is a **public space**.", "fr": "Une rue est un espace public."}}}),
    )
    .await;
    assert_eq!(status, 201, "{video}");
    let (status, file) = lesson(
        &app,
        &tok,
        module,
        json!({"title": {"en": "Checklist"}, "kind": "file", "required": false}),
    )
    .await;
    assert_eq!(status, 201, "{file}");
    let (status, _) = lesson(
        &app,
        &tok,
        module,
        json!({"title": {"en": "Site visit"}, "kind": "live", "body": {"en": "We walk the site together."}}),
    )
    .await;
    assert_eq!(status, 201);

    // Bad links and files of other courses are refused when saved.
    let (status, p) = app.api(Method::PUT, &format!("/api/v1/lessons/{}", video["id"]), Some(&tok), Some(json!({"title": {"en": "Streets"}, "kind": "video",
                    "video": {"url": "javascript:alert(1)", "media": 999, "captions": {"ar": 998}}})))
    .await;
    assert_eq!(status, 422);
    assert_eq!(
        codes(&p),
        [
            "video.url url_invalid",
            "video.captions.ar language_not_offered",
        ]
    );
    let (status, p) = app
        .api(
            Method::PUT,
            &format!("/api/v1/lessons/{}", file["id"]),
            Some(&tok),
            Some(json!({"title": {"en": "Checklist"}, "kind": "file", "file": 12345})),
        )
        .await;
    assert_eq!(status, 422);
    assert_eq!(codes(&p), ["file media_invalid"]);

    // The download is missing: publication says so.
    let (status, p) = app
        .api(
            Method::POST,
            &format!("/api/v1/courses/{id}/publish"),
            Some(&tok),
            None,
        )
        .await;
    assert_eq!(status, 422);
    assert_eq!(codes(&p), ["modules[0].lessons[1].file file_missing"]);
    let (status, _) = app
        .api(
            Method::DELETE,
            &format!("/api/v1/lessons/{}", file["id"]),
            Some(&tok),
            None,
        )
        .await;
    assert_eq!(status, 204);
    let (status, p) = app
        .api(
            Method::POST,
            &format!("/api/v1/courses/{id}/publish"),
            Some(&tok),
            None,
        )
        .await;
    assert_eq!(status, 201, "{p}");

    // The lesson pages: the external video, the transcript (sanitized
    // Markdown), the live-session note, and links between lessons.
    let (_, published) = app
        .api(Method::GET, "/api/v1/catalog/street-design", None, None)
        .await;
    let lessons = &published["document"]["modules"][0]["lessons"];
    let first = format!(
        "/courses/street-design/lessons/{}",
        lessons[0]["key"].as_str().unwrap()
    );
    let second = format!(
        "/courses/street-design/lessons/{}",
        lessons[1]["key"].as_str().unwrap()
    );
    let html = app
        .get(&format!("{first}?lang=fr"))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("href=\"https://media.example.org/streets.webm\""));
    assert!(
        html.contains("Une rue est un espace public."),
        "the French transcript"
    );
    assert!(
        html.contains(&format!("href=\"{second}\"")),
        "a link to the next lesson"
    );
    let html = app
        .get(&format!("{second}?lang=en"))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("We walk the site together."));
    assert!(
        html.contains("Each cohort of this course sets the dates"),
        "{html}"
    );
    assert_eq!(
        app.get("/courses/street-design/lessons/nope")
            .await
            .status(),
        404
    );
    let course_page = app
        .get("/courses/street-design")
        .await
        .text()
        .await
        .unwrap();
    assert!(course_page.contains(&format!("href=\"{first}\"")));
}

#[tokio::test]
async fn a_draft_can_be_deleted_but_a_published_course_only_archived() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let tok = app.author_token(&db, "maker@example.org").await;
    let other = app.author_token(&db, "other@example.org").await;
    let (draft_id, _) = course(&app, &tok, "just-a-draft").await;
    let (status, _) = app
        .api(
            Method::DELETE,
            &format!("/api/v1/courses/{draft_id}"),
            Some(&other),
            None,
        )
        .await;
    assert_eq!(status, 403, "another author");
    let (status, _) = app
        .api(
            Method::DELETE,
            &format!("/api/v1/courses/{draft_id}"),
            Some(&tok),
            None,
        )
        .await;
    assert_eq!(status, 204);
    let (status, _) = app
        .api(
            Method::GET,
            &format!("/api/v1/courses/{draft_id}/draft"),
            Some(&tok),
            None,
        )
        .await;
    assert_eq!(status, 404);

    let (id, module) = course(&app, &tok, "a-published-one").await;
    let (_, text) = lesson(
        &app,
        &tok,
        module,
        json!({"title": {"en": "Read"}, "kind": "text", "body": {"en": "Text."}}),
    )
    .await;
    let (status, _) = app
        .api(
            Method::POST,
            &format!("/api/v1/courses/{id}/publish"),
            Some(&tok),
            None,
        )
        .await;
    assert_eq!(status, 201);
    let (status, p) = app
        .api(
            Method::DELETE,
            &format!("/api/v1/courses/{id}"),
            Some(&tok),
            None,
        )
        .await;
    assert_eq!(
        (status, p["code"].as_str()),
        (409, Some("course_was_published"))
    );
    let (status, p) = app
        .api(
            Method::GET,
            &format!("/api/v1/lessons/{}/quiz", text["id"]),
            Some(&tok),
            None,
        )
        .await;
    assert_eq!(
        (status, p["code"].as_str()),
        (409, Some("lesson_not_a_quiz"))
    );
}

/// A tiny but real WebM header (EBML magic) followed by filler.
fn webm() -> Vec<u8> {
    let mut v = b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\xf7\x81\x01\x42\x82\x84webm".to_vec();
    v.resize(400, 0);
    v
}

#[tokio::test]
async fn uploaded_videos_captions_downloads_and_covers_reach_the_lesson_page() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let tok = app.author_token(&db, "maker@example.org").await;
    let (id, module) = course(&app, &tok, "streets-for-people").await;
    let (status, video) = app.upload(&tok, id, "streets.webm", &webm()).await;
    assert_eq!(status, 201, "{video}");
    let (_, vtt) = app
        .upload(
            &tok,
            id,
            "streets.fr.vtt",
            b"WEBVTT\n\n00:00.000 --> 00:02.000\nUne rue\n",
        )
        .await;
    let (_, pdf) = app
        .upload(&tok, id, "Liste de contrôle.pdf", b"%PDF-1.7\n%...")
        .await;
    let (_, png) = app
        .upload(
            &tok,
            id,
            "cover.png",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0",
        )
        .await;
    let (status, l) = lesson(
        &app,
        &tok,
        module,
        json!({"title": {"en": "Streets"}, "kind": "video",
               "video": {"media": video["id"], "captions": {"fr": vtt["id"]}}}),
    )
    .await;
    assert_eq!(status, 201, "{l}");
    // Types must fit their place: a PDF is not a video or captions.
    let (status, p) = app
        .api(
            Method::PUT,
            &format!("/api/v1/lessons/{}", l["id"]),
            Some(&tok),
            Some(json!({"title": {"en": "Streets"}, "kind": "video",
                    "video": {"media": pdf["id"], "captions": {"en": pdf["id"]}}})),
        )
        .await;
    assert_eq!(status, 422);
    assert_eq!(
        codes(&p),
        [
            "video.media media_invalid",
            "video.captions.en media_invalid"
        ]
    );
    lesson(
        &app,
        &tok,
        module,
        json!({"title": {"en": "Checklist"}, "kind": "file", "file": pdf["id"]}),
    )
    .await;
    let (status, c) = app.api(Method::PUT, &format!("/api/v1/courses/{id}"), Some(&tok), Some(json!({
            "slug": "streets-for-people", "format": "self_paced", "level": "introductory", "estimated_hours": 2,
            "default_language": "en", "languages": ["en", "fr"], "title": {"en": "Monitoring SDG 11"},
            "cover_media_id": png["id"]
        })))
    .await;
    assert_eq!(
        (status, c["cover_media_id"].clone()),
        (200, png["id"].clone()),
        "{c}"
    );
    let (status, p) = app
        .api(
            Method::POST,
            &format!("/api/v1/courses/{id}/publish"),
            Some(&tok),
            None,
        )
        .await;
    assert_eq!(status, 201, "{p}");

    // Files in use are kept.
    let (status, p) = app
        .api(
            Method::DELETE,
            &format!("/api/v1/media/{}", pdf["id"]),
            Some(&tok),
            None,
        )
        .await;
    assert_eq!((status, p["code"].as_str()), (409, Some("media_in_use")));

    let (_, published) = app
        .api(
            Method::GET,
            "/api/v1/catalog/streets-for-people",
            None,
            None,
        )
        .await;
    let lessons = &published["document"]["modules"][0]["lessons"];
    let page = app
        .get(&format!(
            "/courses/streets-for-people/lessons/{}?lang=fr",
            lessons[0]["key"].as_str().unwrap()
        ))
        .await
        .text()
        .await
        .unwrap();
    let url = |m: &serde_json::Value| m["url"].as_str().unwrap().to_owned();
    let video_src = format!("src=\"{}\"", url(&video));
    assert!(page.contains(&video_src), "{page}");
    assert!(
        page.contains(&format!(
            "<track kind=\"captions\" src=\"{}\" srclang=\"fr\" label=\"Français\" default>",
            url(&vtt)
        )),
        "{page}"
    );
    let page = app
        .get(&format!(
            "/courses/streets-for-people/lessons/{}",
            lessons[1]["key"].as_str().unwrap()
        ))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains(&format!("href=\"{}\"", url(&pdf))), "{page}");
    let course_page = app
        .get("/courses/streets-for-people")
        .await
        .text()
        .await
        .unwrap();
    assert!(course_page.contains(&format!("src=\"{}\"", url(&png))));
    assert!(url(&pdf).ends_with("/Liste%20de%20contr%C3%B4le.pdf"));
    let res = app.get(&url(&video)).await;
    assert_eq!(res.status(), 200, "the published video is public");

    // Lesson views are counted.
    app.flush_counts().await;
    let (_, s) = app
        .api(
            Method::GET,
            &format!("/api/v1/courses/{id}/stats"),
            Some(&tok),
            None,
        )
        .await;
    assert_eq!(s["totals"]["lesson"], 2, "{s}");
}
