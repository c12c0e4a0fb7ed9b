//! Surveys: a course's evaluation, with the bank's standard questions from
//! the start, changed and published by its editors as numbered versions;
//! answered by learners who completed the course, a page at a time,
//! checked against the version they began on; and, when the course asks
//! for it, the gate its certificate waits at.

use kuza_tests::*;
use reqwest::Method;
use serde_json::{Value, json};

/// A self-paced course of one required text lesson, in English and Spanish.
async fn course(app: &TestApp, author: &str, slug: &str) -> PublishedCourse {
    let course = json!({
        "kuza_archive": 1, "slug": slug, "format": "self_paced", "level": "introductory",
        "estimated_hours": 2.0, "default_language": "en", "languages": ["en", "es"],
        "themes": [],
        "title": {"en": "Housing policy", "es": "Política de vivienda"},
        "summary": {"en": "A course.", "es": "Un curso."},
        "modules": [{"title": {"en": "One", "es": "Uno"}, "lessons": [
            {"kind": "text", "required": true, "title": {"en": "Read", "es": "Leer"}}]}]
    });
    let files = json!({"lessons/01-01.en.md": "Text.", "lessons/01-01.es.md": "Texto."});
    PublishedCourse::from_document(app, author, course, files).await
}

/// Registers `email` in `language`, confirms the address, and returns an
/// access token.
async fn person(app: &TestApp, email: &str, language: &str) -> String {
    let token = registered(app, email, language).await;
    confirm_email(app, email).await;
    token
}

/// Registers `email` in `language` (the address left unconfirmed) and
/// returns an access token.
async fn registered(app: &TestApp, email: &str, language: &str) -> String {
    let (status, body) = app
        .api(
            Method::POST,
            "/api/v1/auth/register",
            None,
            Some(
                json!({"email": email, "password": PASSWORD, "display_name": "Ana Pérez",
                        "language": language, "country": "BO"}),
            ),
        )
        .await;
    assert_eq!(status, 202, "{body}");
    app.access_token(email).await
}

async fn enrol_and_complete(app: &TestApp, token: &str, c: &PublishedCourse) {
    let (status, e) = post(
        app,
        token,
        format!("/api/v1/courses/{}/enrollments", c.id),
        None,
    )
    .await;
    assert_eq!(status, 201, "{e}");
    let (status, step) = post(
        app,
        token,
        format!("/api/v1/lessons/{}/complete", c.lessons[0]),
        None,
    )
    .await;
    assert_eq!(status, 200, "{step}");
}

async fn certificate(app: &TestApp, token: &str) -> Value {
    let (status, list) = app
        .api(Method::GET, "/api/v1/me/certificates", Some(token), None)
        .await;
    assert_eq!(status, 200, "{list}");
    list["items"][0].clone()
}

async fn put(app: &TestApp, token: &str, path: &str, body: Value) -> (u16, Value) {
    app.api(Method::PUT, path, Some(token), Some(body)).await
}

fn codes(problem: &Value) -> Vec<(String, String)> {
    problem["errors"]
        .as_array()
        .map(|v| {
            v.iter()
                .map(|e| {
                    (
                        e["field"].as_str().unwrap_or_default().to_owned(),
                        e["code"].as_str().unwrap_or_default().to_owned(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Every course has its evaluation with the standard questions; its editors
/// add their own and require it; a learner's certificate waits for it;
/// answers are checked whole against the version the response is on, and
/// a later version leaves them readable; a submitted response is final.
#[tokio::test]
async fn a_required_evaluation_holds_the_certificate_until_the_learner_submits_it() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let author = app.author_token(&db, "author@example.org").await;
    let other_author = app.author_token(&db, "other@example.org").await;
    let c = course(&app, &author, "housing").await;
    let eval = format!("/api/v1/courses/{}/evaluation", c.id);
    let response = format!("{eval}/response");

    let (status, s) = app.api(Method::GET, &eval, Some(&author), None).await;
    assert_eq!(status, 200, "{s}");
    assert_eq!(
        (s["version"].as_i64(), s["required"].as_bool()),
        (Some(1), Some(false))
    );
    assert_eq!(s["languages"], json!(["en", "es"]));
    let ids: Vec<&str> = s["draft"]["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|x| x["questions"].as_array().unwrap())
        .map(|q| q["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "relevance",
            "quality",
            "facilitator",
            "recommend",
            "improve"
        ]
    );
    assert_eq!(
        s["draft"]["sections"][0]["questions"][0]["text"]["es"],
        "El curso fue pertinente para mi trabajo."
    );
    assert_eq!(
        s["draft"]["sections"][0]["questions"][0]["text"]["ar"], "كانت الدورة وثيقة الصلة بعملي.",
        "a standard question in every language the bank has"
    );
    let (status, _) = app.api(Method::GET, &eval, Some(&other_author), None).await;
    assert_eq!(status, 403, "not an editor of this course");

    // A form that is not valid is refused whole, with where each problem is.
    let mut draft = s["draft"].clone();
    draft["sections"][1]["questions"]
        .as_array_mut()
        .unwrap()
        .push(json!({"id": "x", "kind": "single", "text": {"en": "Which?"}, "options": [{"en": "A"}]}));
    let (status, body) = put(&app, &author, &eval, json!({"draft": draft})).await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(
        codes(&body),
        [
            (
                "sections[1].questions[1].id".to_owned(),
                "question_id_invalid".to_owned()
            ),
            (
                "sections[1].questions[1].options".to_owned(),
                "options_invalid".to_owned()
            ),
        ]
    );
    // The course's own question, required, and the gate; published at once.
    let mut draft = s["draft"].clone();
    draft["sections"][1]["questions"].as_array_mut().unwrap().push(json!({
        "id": "q1", "kind": "multiple", "required": true,
        "text": {"en": "Which tools will you use?", "es": "¿Qué herramientas usará?"},
        "options": [{"en": "Maps", "es": "Mapas"}, {"en": "Surveys", "es": "Encuestas"}, {"en": "Budgets"}]
    }));
    // A bank question keeps the bank's text whatever is sent.
    draft["sections"][0]["questions"][0]["text"]["en"] = json!("Changed");
    let (status, s) = put(
        &app,
        &author,
        &eval,
        json!({"draft": draft, "required": true, "publish": true}),
    )
    .await;
    assert_eq!(status, 200, "{s}");
    assert_eq!(
        (
            s["version"].as_i64(),
            s["required"].as_bool(),
            s["changed"].as_bool()
        ),
        (Some(2), Some(true), Some(false))
    );
    assert_eq!(
        s["draft"]["sections"][0]["questions"][0]["text"]["en"],
        "The course was relevant to my work."
    );

    // Not before completing the course; not for someone not enrolled.
    let learner = person(&app, "ana@example.org", "es").await;
    let (status, body) = app.api(Method::GET, &response, Some(&learner), None).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (403, Some("not_enrolled")),
        "{body}"
    );
    let (status, e) = post(
        &app,
        &learner,
        format!("/api/v1/courses/{}/enrollments", c.id),
        None,
    )
    .await;
    assert_eq!(status, 201, "{e}");
    let (status, body) = app.api(Method::GET, &response, Some(&learner), None).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (403, Some("course_not_completed")),
        "{body}"
    );
    let (status, step) = post(
        &app,
        &learner,
        format!("/api/v1/lessons/{}/complete", c.lessons[0]),
        None,
    )
    .await;
    assert_eq!(status, 200, "{step}");
    let cert = certificate(&app, &learner).await;
    assert_eq!(
        (cert["status"].as_str(), cert["held_reason"].as_str()),
        (Some("held"), Some("evaluation_pending")),
        "{cert}"
    );

    let (status, r) = app.api(Method::GET, &response, Some(&learner), None).await;
    assert_eq!(status, 200, "{r}");
    assert_eq!(
        (r["status"].as_str(), r["version"].as_i64()),
        (Some("none"), Some(2))
    );

    // Refused whole: one good answer with one to another survey's question,
    // a point off the scale, a text over the limit; nothing is kept.
    for (answers, code) in [
        (
            json!({"relevance": 4, "other_survey_question": 1}),
            "question_unknown",
        ),
        (json!({"relevance": 6}), "answer_invalid"),
        (json!({"q1": [0, 5]}), "answer_invalid"),
        (json!({"recommend": 11}), "answer_invalid"),
        (json!({"improve": "x".repeat(5001)}), "answer_too_long"),
    ] {
        let (status, body) = put(&app, &learner, &response, json!({"answers": answers})).await;
        assert_eq!(status, 422, "{body}");
        assert!(
            codes(&body).iter().any(|(_, c)| c == code),
            "{code}: {body}"
        );
    }
    let (_, r) = app.api(Method::GET, &response, Some(&learner), None).await;
    assert_eq!(
        (r["status"].as_str(), &r["answers"]),
        (Some("none"), &json!({})),
        "{r}"
    );
    let big = json!({"answers": {"improve": "x".repeat(70_000)}});
    let (status, _) = put(&app, &learner, &response, big).await;
    assert_eq!(status, 413);

    // Saved in parts, then submitted once everything required is there.
    let (status, r) = put(
        &app,
        &learner,
        &response,
        json!({"answers": {"relevance": 5, "quality": "4", "q1": [2, 0]}}),
    )
    .await;
    assert_eq!(status, 200, "{r}");
    assert_eq!(r["status"], "started");
    assert_eq!(r["answers"]["q1"], json!(["0", "2"]));
    let (status, body) = put(
        &app,
        &learner,
        &response,
        json!({"answers": {}, "submit": true}),
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(
        codes(&body),
        [("recommend".to_owned(), "answer_required".to_owned())]
    );
    assert_eq!(certificate(&app, &learner).await["status"], "held");
    let (status, r) = put(
        &app,
        &learner,
        &response,
        json!({"answers": {"recommend": 9, "improve": "Más ejemplos locales.", "facilitator": null}, "submit": true}),
    )
    .await;
    assert_eq!(status, 200, "{r}");
    assert_eq!(r["status"], "submitted");
    let cert = certificate(&app, &learner).await;
    assert_eq!(cert["status"], "issued", "{cert}");
    let (status, body) = put(
        &app,
        &learner,
        &response,
        json!({"answers": {"relevance": 1}}),
    )
    .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (409, Some("response_submitted"))
    );

    // A new version without the course's question: the answers given on
    // version 2 are still read against version 2.
    let mut draft = s["draft"].clone();
    draft["sections"][1]["questions"]
        .as_array_mut()
        .unwrap()
        .pop();
    let (status, s) = put(
        &app,
        &author,
        &eval,
        json!({"draft": draft, "publish": true}),
    )
    .await;
    assert_eq!((status, s["version"].as_i64()), (200, Some(3)), "{s}");
    assert_eq!(
        (s["started"].as_u64(), s["submitted"].as_u64()),
        (Some(1), Some(1))
    );
    let (_, r) = app.api(Method::GET, &response, Some(&learner), None).await;
    assert_eq!(r["version"], 2);
    assert_eq!(r["answers"]["q1"], json!(["0", "2"]));
    assert!(
        r["form"]["sections"][1]["questions"][1]["id"] == "q1",
        "{r}"
    );
    assert_eq!(
        count(&db, "SELECT COUNT(*) FROM survey_responses").await,
        1,
        "one response per person"
    );
}

/// No longer requiring the evaluation releases the certificates that
/// waited for it.
#[tokio::test]
async fn no_longer_requiring_the_evaluation_releases_what_waited_for_it() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let author = app.author_token(&db, "author@example.org").await;
    let c = course(&app, &author, "housing").await;
    let eval = format!("/api/v1/courses/{}/evaluation", c.id);
    let (status, _) = put(&app, &author, &eval, json!({"required": true})).await;
    assert_eq!(status, 200);
    let learner = person(&app, "ana@example.org", "en").await;
    enrol_and_complete(&app, &learner, &c).await;
    assert_eq!(
        certificate(&app, &learner).await["held_reason"],
        "evaluation_pending"
    );
    let (status, s) = put(&app, &author, &eval, json!({"required": false})).await;
    assert_eq!((status, s["required"].as_bool()), (200, Some(false)));
    assert_eq!(certificate(&app, &learner).await["status"], "issued");
}

/// A Spanish-speaking learner answers in the portal, a page at a time:
/// the questions in Spanish, a required one left out asked for again with
/// nothing lost, the certificate released on submitting.
#[tokio::test]
async fn a_learner_answers_the_evaluation_in_spanish_page_by_page_in_the_portal() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let author = app.author_token(&db, "author@example.org").await;
    let c = course(&app, &author, "housing").await;
    let eval = format!("/api/v1/courses/{}/evaluation", c.id);
    let (status, _) = put(&app, &author, &eval, json!({"required": true})).await;
    assert_eq!(status, 200);
    let learner = person(&app, "ana@example.org", "es").await;
    enrol_and_complete(&app, &learner, &c).await;

    let b = browser();
    app.sign_in(&b, "ana@example.org", PASSWORD).await;
    let course_page = app.page(&b, "/courses/housing").await;
    assert!(
        course_page.contains("/courses/housing/evaluation"),
        "offered on the course page"
    );
    let page = app.page(&b, "/courses/housing/evaluation").await;
    assert!(
        page.contains("El curso fue pertinente para mi trabajo."),
        "{page}"
    );
    assert!(page.contains("Totalmente de acuerdo"));
    assert!(page.contains("Página 1 de 2"));

    let action = "/courses/housing/evaluation";
    let res = app
        .submit(
            &b,
            action,
            action,
            &[
                ("page", "0"),
                ("q:relevance", "4"),
                ("q:quality", "5"),
                ("intent", "next"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422, "the rating is required");
    let html = res.text().await.unwrap();
    assert!(html.contains("Responda a esta pregunta."), "{html}");
    assert!(
        html.contains(r#"value="4" checked"#),
        "what was given is shown again"
    );

    // Saved for later: kept without the required check, shown again.
    let res = app
        .submit(
            &b,
            action,
            action,
            &[
                ("page", "0"),
                ("q:relevance", "4"),
                ("q:quality", "5"),
                ("intent", "save"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let page = app.page(&b, &location(&res)).await;
    assert!(
        page.contains(r#"id="q-quality-5" name="q:quality" value="5" checked"#),
        "{page}"
    );

    let res = app
        .submit(
            &b,
            action,
            action,
            &[
                ("page", "0"),
                ("q:relevance", "4"),
                ("q:quality", "5"),
                ("q:recommend", "10"),
                ("intent", "next"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(location(&res), "/courses/housing/evaluation?page=1");
    let page = app.page(&b, "/courses/housing/evaluation?page=1").await;
    assert!(page.contains("¿Qué se debería mejorar?"), "{page}");
    let res = app
        .submit(
            &b,
            "/courses/housing/evaluation?page=1",
            action,
            &[
                ("page", "1"),
                ("q:improve", "Más casos de estudio."),
                ("intent", "submit"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        location(&res),
        "/courses/housing?notice=eval-notice-submitted"
    );
    assert_eq!(certificate(&app, &learner).await["status"], "issued");
    let page = app.page(&b, "/courses/housing/evaluation").await;
    assert!(page.contains("Gracias"), "{page}");
    let (_, r) = app
        .api(
            Method::GET,
            &format!("{eval}/response"),
            Some(&learner),
            None,
        )
        .await;
    assert_eq!(
        (
            r["answers"]["recommend"].clone(),
            r["answers"]["improve"].clone()
        ),
        (json!(["10"]), json!(["Más casos de estudio."]))
    );
}

/// The studio: an author adds a question of the course's own (a bad one
/// refused with its fields), one from the bank, reorders, and publishes.
#[tokio::test]
async fn an_author_edits_and_publishes_the_evaluation_in_the_studio() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let author = app.author_token(&db, "author@example.org").await;
    let c = course(&app, &author, "housing").await;
    let b = browser();
    app.sign_in(&b, "author@example.org", PASSWORD).await;
    let studio = format!("/studio/courses/{}/evaluation", c.id);
    let page = app.page(&b, &studio).await;
    assert!(
        page.contains("The course was relevant to my work."),
        "{page}"
    );

    let res = app
        .submit(
            &b,
            &studio,
            &studio,
            &[
                ("action", "add"),
                ("section", "1"),
                ("kind", "single"),
                ("text_en", ""),
                ("options_en", "Yes\nNo"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains(r#"id="text_en-error""#), "{html}");

    let res = app
        .submit(
            &b,
            &studio,
            &studio,
            &[
                ("action", "add"),
                ("section", "1"),
                ("kind", "single"),
                ("text_en", "Would you take a follow-up course?"),
                ("text_es", "¿Tomaría un curso de seguimiento?"),
                ("options_en", "Yes\nNo"),
                ("options_es", "Sí\nNo"),
                ("required", "on"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let res = app
        .submit(
            &b,
            &studio,
            &studio,
            &[("action", "remove"), ("question", "facilitator")],
        )
        .await;
    assert_eq!(res.status(), 303);
    // Above "what to improve", then to the end of the first page.
    for _ in 0..2 {
        let res = app
            .submit(
                &b,
                &studio,
                &studio,
                &[("action", "up"), ("question", "q1")],
            )
            .await;
        assert_eq!(res.status(), 303);
    }
    let page = app.page(&b, &studio).await;
    assert!(page.contains("Would you take a follow-up course?"));
    assert!(
        page.contains(r#"<option value="facilitator">"#),
        "the removed bank question can be added again"
    );
    let res = app
        .submit(&b, &studio, &studio, &[("action", "publish")])
        .await;
    assert_eq!(res.status(), 303);
    let (status, s) = app
        .api(
            Method::GET,
            &format!("/api/v1/courses/{}/evaluation", c.id),
            Some(&author),
            None,
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(
        (s["version"].as_i64(), s["changed"].as_bool()),
        (Some(2), Some(false))
    );
    let first: Vec<&str> = s["draft"]["sections"][0]["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        first,
        ["relevance", "quality", "recommend", "q1"],
        "moved up across the page"
    );
    assert_eq!(
        s["draft"]["sections"][0]["questions"][3]["options"][0],
        json!({"en": "Yes", "es": "Sí"})
    );
    // Its own question changed in place: the form comes filled in.
    let form = app.page(&b, &format!("{studio}?edit=q1")).await;
    assert!(
        form.contains(r#"name="action" value="replace""#) && form.contains("Sí\nNo"),
        "{form}"
    );
    let res = app
        .submit(
            &b,
            &studio,
            &studio,
            &[
                ("action", "replace"),
                ("question", "q1"),
                ("kind", "single"),
                ("text_en", "Would you take a second course?"),
                ("text_es", "¿Tomaría un segundo curso?"),
                ("options_en", "Yes\nNo\nMaybe"),
                ("options_es", "Sí\nNo\nQuizás"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let (_, s) = app
        .api(
            Method::GET,
            &format!("/api/v1/courses/{}/evaluation", c.id),
            Some(&author),
            None,
        )
        .await;
    let q1 = &s["draft"]["sections"][0]["questions"][3];
    assert_eq!(
        (
            q1["id"].as_str(),
            q1["text"]["es"].as_str(),
            q1["options"].as_array().map(Vec::len),
            q1["required"].as_bool()
        ),
        (
            Some("q1"),
            Some("¿Tomaría un segundo curso?"),
            Some(3),
            Some(false)
        )
    );
    assert_eq!(s["changed"], true, "a change to publish");
}

/// Registers someone of `country` and returns an access token.
async fn person_of(app: &TestApp, email: &str, country: &str, name: &str) -> String {
    let (status, body) = app
        .api(
            Method::POST,
            "/api/v1/auth/register",
            None,
            Some(
                json!({"email": email, "password": PASSWORD, "display_name": name,
                        "language": "en", "country": country}),
            ),
        )
        .await;
    assert_eq!(status, 202, "{body}");
    confirm_email(app, email).await;
    app.access_token(email).await
}

/// Results counted from the answers: each option's count, a scale's mean,
/// the net promoter score; grouped by country with groups of fewer than
/// five respondents suppressed (and the one that would give it away);
/// the response rates; free text for the course's editors only, with
/// names only once the survey is not anonymous; the same table as CSV and
/// a real XLSX workbook; others refused.
#[tokio::test]
async fn evaluation_results_are_counted_grouped_suppressed_and_exported() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let author = app.author_token(&db, "author@example.org").await;
    let other_author = app.author_token(&db, "other@example.org").await;
    let c = course(&app, &author, "housing").await;
    let response = format!("/api/v1/courses/{}/evaluation/response", c.id);
    // Five in Kenya, one in Bolivia submit; one more in Kenya only starts.
    let answers = [
        ("KE", 5, 10, Some("More maps.")),
        ("KE", 4, 9, None),
        ("KE", 4, 8, Some("Shorter videos.")),
        ("KE", 2, 6, None),
        ("KE", 5, 10, None),
        ("BO", 3, 3, Some("Más ejemplos.")),
    ];
    for (i, (country, relevance, recommend, improve)) in answers.iter().enumerate() {
        let t = person_of(
            &app,
            &format!("p{i}@example.org"),
            country,
            &format!("Person {i}"),
        )
        .await;
        enrol_and_complete(&app, &t, &c).await;
        let (status, r) = put(
            &app,
            &t,
            &response,
            json!({"answers": {"relevance": relevance, "quality": 4, "recommend": recommend, "improve": improve},
                   "submit": true}),
        )
        .await;
        assert_eq!(status, 200, "{r}");
    }
    let t = person_of(&app, "late@example.org", "KE", "Late").await;
    enrol_and_complete(&app, &t, &c).await;
    let (status, _) = put(&app, &t, &response, json!({"answers": {"relevance": 1}})).await;
    assert_eq!(status, 200);

    let results = format!("/api/v1/reports/evaluations?course={}", c.id);
    let (status, r) = app.api(Method::GET, &results, Some(&author), None).await;
    assert_eq!(status, 200, "{r}");
    assert_eq!(
        (
            r["invited"].as_u64(),
            r["started"].as_u64(),
            r["submitted"].as_u64()
        ),
        (Some(7), Some(7), Some(6))
    );
    assert_eq!(r["respondents"], json!([6, 6]));
    let q = |id: &str| {
        r["questions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|q| q["id"] == id)
            .unwrap()
            .clone()
    };
    let relevance = q("relevance");
    // Points 1..5: one 2, one 3, two 4s, two 5s.
    let counts: Vec<Value> = relevance["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o[1].clone())
        .collect();
    assert_eq!(counts, [json!(0), json!(1), json!(1), json!(2), json!(2)]);
    assert_eq!(relevance["mean"][1].as_f64(), Some(23.0 / 6.0));
    let recommend = q("recommend");
    // Promoters 10, 9, 10 (3); detractors 6, 3 (2); of 6: +16.7.
    assert!(
        (recommend["nps"][1].as_f64().unwrap() - 100.0 / 6.0).abs() < 1e-9,
        "{recommend}"
    );
    assert_eq!(recommend["options"][10][1], 2);
    let texts = r["texts"].as_array().expect("the editor reads free text");
    assert_eq!(texts.len(), 3);
    assert!(
        texts.iter().all(|t| t["name"].is_null()),
        "anonymous by default"
    );

    let (_, by) = app
        .api(
            Method::GET,
            &format!("{results}&by=country"),
            Some(&author),
            None,
        )
        .await;
    let keys: Vec<&str> = by["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["key"].as_str().unwrap())
        .collect();
    assert_eq!(keys, ["BO", "KE"]);
    assert_eq!(by["marks"], json!(["small", "hidden", "shown"]), "{by}");
    assert_eq!(by["respondents"], json!([null, null, 6]));
    assert_eq!(by["questions"][0]["options"][4][2], 2, "the total stays");
    let by_relevance = by["questions"][0].clone();
    assert_eq!(
        by_relevance["mean"][0],
        Value::Null,
        "a small group shows nothing"
    );

    // Names, once the survey says answers are not anonymous.
    let (status, _) = put(
        &app,
        &author,
        &format!("/api/v1/courses/{}/evaluation", c.id),
        json!({"anonymous": false}),
    )
    .await;
    assert_eq!(status, 200);
    let (_, r2) = app.api(Method::GET, &results, Some(&author), None).await;
    assert!(
        r2["texts"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["name"] == "Person 5"),
        "{r2}"
    );

    // Not for an author of another course; a learner neither.
    let (status, _) = app
        .api(Method::GET, &results, Some(&other_author), None)
        .await;
    assert_eq!(status, 403);
    let learner = app.access_token("p0@example.org").await;
    let (status, _) = app.api(Method::GET, &results, Some(&learner), None).await;
    assert_eq!(status, 403);
    let (status, body) = app
        .api(
            Method::GET,
            &format!("{results}&then=gender&by=country"),
            Some(&author),
            None,
        )
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (400, Some("bad_query")),
        "{body}"
    );

    // The exports: the table the page shows.
    let get = |path: String| {
        let app = &app;
        let author = author.clone();
        async move {
            reqwest::Client::new()
                .get(app.url(&path))
                .bearer_auth(author)
                .send()
                .await
                .unwrap()
        }
    };
    let csv = get(format!(
        "/api/v1/reports/evaluations.csv?course={}&by=country",
        c.id
    ))
    .await;
    assert_eq!(csv.status(), 200);
    let csv = csv.text().await.unwrap();
    assert!(
        csv.contains("\"Respondents\",\"\",\"<5\",\"x\",\"6\""),
        "{csv}"
    );
    assert!(
        csv.contains(
            "\"The course was relevant to my work.\",\"5 Strongly agree\",\"<5\",\"x\",\"2\""
        ),
        "{csv}"
    );
    let xlsx = get(format!("/api/v1/reports/evaluations.xlsx?course={}", c.id)).await;
    assert_eq!(xlsx.status(), 200);
    let cells = xlsx_cells(&xlsx.bytes().await.unwrap());
    assert_eq!(cells[0][0], "Question");
    let nps = cells
        .iter()
        .find(|r| r[1] == "Net promoter score")
        .expect("an NPS row");
    assert!(nps[2].starts_with("16.6"), "{nps:?}");

    // The portal page: a chart per question, the table, the free text.
    let b = browser();
    app.sign_in(&b, "author@example.org", PASSWORD).await;
    let page = app
        .page(&b, &format!("/reports/evaluations?course={}", c.id))
        .await;
    assert!(
        page.contains("<svg") && page.contains("Shorter videos.") && page.contains("Person 0"),
        "{page}"
    );
    assert!(
        page.contains("Offered to 7 who completed; 7 started, 6 submitted."),
        "{page}"
    );
}

/// Three months after completing a course, the learner is emailed once in
/// their language, whatever processes run, a signed link that opens the
/// follow-up without signing in; an altered link and an expired one get a
/// clear page and store nothing; a submitted one shows its thanks and
/// takes no more; one reminder goes to those who did not answer; the
/// results count who was emailed.
#[tokio::test]
async fn a_follow_up_is_emailed_once_months_after_completion_and_answered_through_its_link() {
    let db = TestDb::new().await;
    let (app, smtp) = app_with_smtp(&db).await;
    let author = app.author_token(&db, "author@example.org").await;
    let c = course(&app, &author, "housing").await;
    let follow_up = format!("/api/v1/courses/{}/follow-up", c.id);
    let (status, body) = put(&app, &author, &follow_up, json!({"months": 25})).await;
    assert_eq!(status, 422, "{body}");
    let (status, s) = put(&app, &author, &follow_up, json!({"months": 3})).await;
    assert_eq!(
        (status, s["months"].as_i64(), s["purpose"].as_str()),
        (200, Some(3), Some("follow_up")),
        "{s}"
    );
    assert_eq!(s["draft"]["sections"][0]["questions"][0]["id"], "applied");

    let ana = registered(&app, "ana@example.org", "es").await;
    enrol_and_complete(&app, &ana, &c).await;
    let ben = registered(&app, "ben@example.org", "en").await;
    enrol_and_complete(&app, &ben, &c).await;
    // Not yet due: two months on, nothing is sent.
    let ago = |days: i64| kuza_db::now() - days * 86_400;
    execute(
        &db,
        &format!(
            "UPDATE enrollments SET completed_at = {} WHERE course_id = {}",
            ago(60),
            c.id
        ),
    )
    .await;
    let opts = || Options {
        smtp_url: Some(smtp.url()),
        ..Default::default()
    };
    let second = TestApp::spawn(&db, opts()).await;
    jobs_settled(&db).await;
    assert_eq!(
        count(&db, "SELECT COUNT(*) FROM survey_invitations").await,
        0
    );
    drop(second);
    // Three months and a few days on: two processes sweep, each learner
    // gets one email.
    execute(
        &db,
        &format!(
            "UPDATE enrollments SET completed_at = {} WHERE course_id = {}",
            ago(95),
            c.id
        ),
    )
    .await;
    let (third, fourth) = (
        TestApp::spawn(&db, opts()).await,
        TestApp::spawn(&db, opts()).await,
    );
    let asked = "Unas preguntas sobre su curso, unos meses después";
    let of = |to: &str, subject: &str| {
        smtp.to(to)
            .into_iter()
            .filter(|m| m.subject() == subject)
            .collect::<Vec<_>>()
    };
    for _ in 0..100 {
        if !of("ana@example.org", asked).is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    jobs_settled(&db).await;
    let mails = of("ana@example.org", asked);
    assert_eq!(mails.len(), 1, "once, however many processes");
    assert_eq!(
        count(&db, "SELECT COUNT(*) FROM survey_invitations").await,
        2
    );
    let mail = &mails[0];
    assert!(
        mail.text().contains("Política de vivienda"),
        "{}",
        mail.text()
    );
    let link = mail.link("/surveys/answer/");
    let (path, query) = link
        .trim_start_matches("http://kuza.test")
        .split_once('?')
        .expect("the link names the language");
    assert_eq!(query, "lang=es");
    let path = path.to_owned();

    // Without signing in, in the learner's language.
    let b = browser();
    let res = b
        .get(app.url(&format!("{path}?{query}")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let page = res.text().await.unwrap();
    assert!(
        page.contains("¿Ha aplicado en su trabajo lo que aprendió en el curso?"),
        "{page}"
    );

    // An altered link: a clear page, nothing stored.
    let altered = format!("{}0", &path[..path.len() - 1]);
    let altered = if altered == path {
        format!("{}1", &path[..path.len() - 1])
    } else {
        altered
    };
    let res = app.client.get(app.url(&altered)).send().await.unwrap();
    assert_eq!(res.status(), 404);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("This link does not work")
    );
    let res = app
        .submit(
            &b,
            &path,
            &altered,
            &[("page", "0"), ("q:applied", "0"), ("intent", "next")],
        )
        .await;
    assert_eq!(res.status(), 404);
    assert_eq!(count(&db, "SELECT COUNT(*) FROM survey_responses").await, 0);

    let res = app
        .submit(
            &b,
            &path,
            &path,
            &[
                ("page", "0"),
                ("q:applied", "0"),
                ("q:applied_how", "Usé los mapas."),
                ("intent", "next"),
            ],
        )
        .await;
    assert_eq!(
        (res.status().as_u16(), location(&res)),
        (303, format!("{path}?page=1"))
    );
    let res = app
        .submit(
            &b,
            &format!("{path}?page=1"),
            &path,
            &[
                ("page", "1"),
                ("q:obstacles", "0"),
                ("q:obstacles", "2"),
                ("intent", "submit"),
            ],
        )
        .await;
    assert_eq!((res.status().as_u16(), location(&res)), (303, path.clone()));
    let page = app.page(&b, &path).await;
    assert!(
        page.contains("Gracias") || page.contains("Thank you"),
        "{page}"
    );
    // Used: the page thanks them, and a second submission stores nothing.
    let res = app
        .submit(
            &b,
            &path,
            &path,
            &[("page", "0"), ("q:applied", "3"), ("intent", "submit")],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM survey_answers WHERE question = 'applied' AND choice = 0"
        )
        .await,
        1
    );
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM survey_answers WHERE question = 'applied'"
        )
        .await,
        1
    );

    // Expired: a clear page.
    execute(&db, "UPDATE survey_invitations SET expires_at = 1").await;
    let res = app.client.get(app.url(&path)).send().await.unwrap();
    assert_eq!(res.status(), 410);
    assert!(res.text().await.unwrap().contains("This link has expired"));
    execute(
        &db,
        &format!("UPDATE survey_invitations SET expires_at = {}", ago(-30)),
    )
    .await;

    // Two weeks on, Ben (who did not answer) is reminded, once.
    drop((third, fourth));
    execute(
        &db,
        &format!("UPDATE survey_invitations SET sent_at = {}", ago(15)),
    )
    .await;
    let (fifth, sixth) = (
        TestApp::spawn(&db, opts()).await,
        TestApp::spawn(&db, opts()).await,
    );
    let reminder = "Reminder: a few questions about your course";
    for _ in 0..100 {
        if !of("ben@example.org", reminder).is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    jobs_settled(&db).await;
    assert_eq!(of("ben@example.org", reminder).len(), 1, "one reminder");
    assert_eq!(
        of(
            "ben@example.org",
            "A few questions about your course, some months on"
        )
        .len(),
        1
    );
    assert!(
        of(
            "ana@example.org",
            "Recordatorio: unas preguntas sobre su curso"
        )
        .is_empty(),
        "no reminder after answering"
    );
    drop((fifth, sixth));

    let (status, r) = app
        .api(
            Method::GET,
            &format!(
                "/api/v1/reports/evaluations?course={}&purpose=follow_up",
                c.id
            ),
            Some(&author),
            None,
        )
        .await;
    assert_eq!(status, 200, "{r}");
    assert_eq!(
        (r["invited"].as_u64(), r["submitted"].as_u64()),
        (Some(2), Some(1))
    );
    assert_eq!(
        r["respondents"][0],
        Value::Null,
        "one respondent: suppressed"
    );
    let _ = ben;
}

/// Administrators add questions to the bank (checked like a survey's own,
/// under a key of their choosing or one made up) and retire them: a
/// retired question is offered to no survey, and those that have it keep
/// it. Nobody else changes the bank.
#[tokio::test]
async fn administrators_add_questions_to_the_bank_and_retire_them() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let admin = app.admin_token(&db, "admin@example.org").await;
    let author = app.author_token(&db, "author@example.org").await;
    let question = json!({"kind": "single", "required": true,
        "text": {"en": "Does your office have reliable internet?", "fr": "Votre bureau a-t-il un accès fiable à internet ?"},
        "options": [{"en": "Yes", "fr": "Oui"}, {"en": "No", "fr": "Non"}]});
    let add = |token: String, body: Value| {
        let app = &app;
        async move {
            app.api(
                Method::POST,
                "/api/v1/survey-bank",
                Some(&token),
                Some(body),
            )
            .await
        }
    };
    let (status, _) = add(
        author.clone(),
        json!({"key": "internet", "question": question}),
    )
    .await;
    assert_eq!(status, 403, "authors read the bank, they do not change it");
    let (status, bad) = add(admin.clone(), json!({"key": "q7", "question": question})).await;
    assert_eq!(
        (status, codes(&bad)),
        (422, vec![("key".into(), "bank_key_invalid".into())])
    );
    let mut one_option = question.clone();
    one_option["options"] = json!([{"en": "Yes"}]);
    let (status, bad) = add(
        admin.clone(),
        json!({"key": "internet", "question": one_option}),
    )
    .await;
    assert_eq!(
        (status, codes(&bad)),
        (
            422,
            vec![("question.options".into(), "options_invalid".into())]
        )
    );
    let (status, added) = add(
        admin.clone(),
        json!({"key": "internet", "question": question}),
    )
    .await;
    assert_eq!(status, 201, "{added}");
    assert_eq!(
        (
            added["key"].as_str(),
            added["question"]["bank"].as_str(),
            added["retired"].as_bool()
        ),
        (Some("internet"), Some("internet"), Some(false))
    );
    let (status, _) = add(
        admin.clone(),
        json!({"key": "internet", "question": question}),
    )
    .await;
    assert_eq!(status, 409);
    let (status, made_up) = add(
        admin.clone(),
        json!({"question": {"kind": "short_text", "text": {"en": "Your city?"}}}),
    )
    .await;
    assert_eq!(status, 201, "{made_up}");
    assert!(
        made_up["key"].as_str().unwrap().starts_with("bank_"),
        "{made_up}"
    );

    // A course's evaluation takes it, in every language the bank has.
    let c = course(&app, &author, "housing").await;
    let evaluation = format!("/api/v1/courses/{}/evaluation", c.id);
    let (_, s) = app.api(Method::GET, &evaluation, Some(&author), None).await;
    let mut draft = s["draft"].clone();
    draft["sections"][0]["questions"]
        .as_array_mut()
        .unwrap()
        .push(json!({"id": "internet", "bank": "internet", "kind": "single", "required": false, "text": {}}));
    let (status, s) = put(
        &app,
        &author,
        &evaluation,
        json!({"draft": draft, "publish": true}),
    )
    .await;
    assert_eq!(status, 200, "{s}");
    let taken = s["draft"]["sections"][0]["questions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["id"] == "internet")
        .unwrap()
        .clone();
    assert_eq!(
        taken["text"]["fr"],
        "Votre bureau a-t-il un accès fiable à internet ?"
    );
    assert_eq!(
        taken["required"], false,
        "whether it is required is the survey's"
    );

    // Retired: offered to no other survey; the one that has it keeps it.
    let (status, retired) = app
        .api(
            Method::PUT,
            "/api/v1/survey-bank/internet",
            Some(&admin),
            Some(json!({"retired": true})),
        )
        .await;
    assert_eq!(
        (status, retired["retired"].as_bool()),
        (200, Some(true)),
        "{retired}"
    );
    let (status, _) = app
        .api(
            Method::PUT,
            "/api/v1/survey-bank/nothing_here",
            Some(&admin),
            Some(json!({"retired": true})),
        )
        .await;
    assert_eq!(status, 404);
    let (_, bank) = app
        .api(Method::GET, "/api/v1/survey-bank", Some(&author), None)
        .await;
    assert!(
        bank.as_array()
            .unwrap()
            .iter()
            .all(|b| b["key"] != "internet"),
        "authors are not offered it"
    );
    let (_, bank) = app
        .api(Method::GET, "/api/v1/survey-bank", Some(&admin), None)
        .await;
    assert!(
        bank.as_array()
            .unwrap()
            .iter()
            .any(|b| b["key"] == "internet" && b["retired"] == true)
    );
    let (status, kept) = put(
        &app,
        &author,
        &evaluation,
        json!({"draft": s["draft"], "anonymous": false}),
    )
    .await;
    assert_eq!(status, 200, "the survey that has it keeps it: {kept}");
    let other = course(&app, &author, "land").await;
    let other_evaluation = format!("/api/v1/courses/{}/evaluation", other.id);
    let (status, refused) = put(&app, &author, &other_evaluation, json!({"draft": draft})).await;
    assert_eq!(status, 422);
    assert!(
        codes(&refused)
            .iter()
            .any(|(_, c)| c == "bank_question_unknown"),
        "{refused}"
    );

    // The administrators' page lists it as retired, and brings it back.
    let b = browser();
    app.sign_in(&b, "admin@example.org", PASSWORD).await;
    let html = app.page(&b, "/admin/survey-bank").await;
    assert!(html.contains("Does your office have reliable internet?") && html.contains("Retired"));
    let res = app
        .submit(
            &b,
            "/admin/survey-bank",
            "/admin/survey-bank",
            &[("action", "restore"), ("key", "internet")],
        )
        .await;
    assert_eq!(res.status(), 303);
    let (_, bank) = app
        .api(Method::GET, "/api/v1/survey-bank", Some(&author), None)
        .await;
    assert!(
        bank.as_array()
            .unwrap()
            .iter()
            .any(|b| b["key"] == "internet")
    );
    let res = app
        .submit(
            &b,
            "/admin/survey-bank",
            "/admin/survey-bank",
            &[
                ("action", "add"),
                ("key", "internet"),
                ("kind", "short_text"),
                ("text_en", "Again?"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422, "a key taken is said on the form");
}
