use kuza_tests::*;
use reqwest::Method;
use serde_json::{Value, json};

fn course_body(slug: &str) -> Value {
    json!({
        "slug": slug, "format": "self_paced", "level": "introductory", "estimated_hours": 6,
        "default_language": "en", "languages": ["en", "ar"], "themes": ["Urban planning", "sdg:11.3"],
        "title": {"en": "Urban planning basics", "ar": "أساسيات التخطيط الحضري"},
        "summary": {"en": "Plan compact, connected cities.", "ar": "خطّط لمدن متراصة ومترابطة."}
    })
}

/// A course with two modules of one lesson each, in English and Arabic.
async fn build_course(app: &TestApp, tok: &str, slug: &str) -> i64 {
    let c = DraftCourse::create(app, tok, course_body(slug)).await;
    for (en, ar) in [("Why plan?", "لماذا نخطط؟"), ("Density", "الكثافة")] {
        let module = c.add_module(app, json!({"en": en, "ar": ar})).await;
        c.add_lesson(app, module, json!({"title": {"en": format!("{en}: reading"), "ar": format!("{ar}: قراءة")}, "kind": "text",
                        "body": {"en": "Cities **grow**.", "ar": "المدن **تنمو**."}}))
        .await;
    }
    c.id
}

#[tokio::test]
async fn an_author_publishes_edits_the_draft_and_republishes_while_learners_see_the_published_version()
 {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let tok = app.author_token(&db, "writer@example.org").await;
    let id = build_course(&app, &tok, "urban-planning-basics").await;

    // Before publication nobody sees it.
    assert_eq!(
        app.get("/courses/urban-planning-basics").await.status(),
        404
    );
    let (status, _) = app
        .api(
            Method::GET,
            "/api/v1/catalog/urban-planning-basics",
            None,
            None,
        )
        .await;
    assert_eq!(status, 404);

    let (status, p) = app
        .api(
            Method::POST,
            &format!("/api/v1/courses/{id}/publish"),
            Some(&tok),
            None,
        )
        .await;
    assert_eq!((status, p["version"].as_i64()), (201, Some(1)), "{p}");
    let (_, v1) = app
        .api(
            Method::GET,
            "/api/v1/catalog/urban-planning-basics",
            None,
            None,
        )
        .await;
    assert_eq!(v1["version"], 1);
    assert_eq!(
        v1["document"]["modules"][0]["lessons"][0]["html"]["en"],
        "<p>Cities <strong>grow</strong>.</p>\n"
    );

    // Edit the draft: learners still get version 1.
    let (_, d) = app
        .api(
            Method::GET,
            &format!("/api/v1/courses/{id}/draft"),
            Some(&tok),
            None,
        )
        .await;
    let lesson = &d["modules"][0]["lessons"][0];
    let (status, _) = app.api(Method::PUT, &format!("/api/v1/lessons/{}", lesson["id"]), Some(&tok), Some(json!({"title": {"en": "Why plan? Reading, revised", "ar": "لماذا نخطط؟ قراءة منقّحة"}, "kind": "text", "body": {"en": "Cities grow fast.", "ar": "المدن تنمو بسرعة."}})))
    .await;
    assert_eq!(status, 200);
    let page = app
        .get("/courses/urban-planning-basics")
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Why plan?: reading") && !page.contains("revised"));

    // Republish: version 2, same lesson identities.
    let (status, p) = app
        .api(
            Method::POST,
            &format!("/api/v1/courses/{id}/publish"),
            Some(&tok),
            None,
        )
        .await;
    assert_eq!((status, p["version"].as_i64()), (201, Some(2)));
    let (_, v2) = app
        .api(
            Method::GET,
            "/api/v1/catalog/urban-planning-basics",
            None,
            None,
        )
        .await;
    assert_eq!(v2["version"], 2);
    assert_eq!(
        v2["document"]["modules"][0]["lessons"][0]["key"],
        v1["document"]["modules"][0]["lessons"][0]["key"]
    );
    let (_, history) = app
        .api(
            Method::GET,
            &format!("/api/v1/courses/{id}/versions"),
            Some(&tok),
            None,
        )
        .await;
    assert_eq!(
        history
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v["number"].as_i64().unwrap())
            .collect::<Vec<_>>(),
        [2, 1]
    );

    // A learner reads version 2 in Arabic, right to left.
    let c = browser();
    let page = app.page(&c, "/courses/urban-planning-basics?lang=ar").await;
    assert!(page.contains("<html lang=\"ar\" dir=\"rtl\">"));
    assert_eq!(text_of(&page, "h1").unwrap(), "أساسيات التخطيط الحضري");
    assert!(page.contains("لماذا نخطط؟ قراءة منقّحة"));
    let version_line = text_of(&page, ".course__head small").unwrap();
    assert!(
        version_line.contains('2'),
        "the version is shown: {version_line}"
    );
    assert!(
        version_line.contains('\u{2066}') && version_line.contains('\u{2069}'),
        "the ISO date is isolated left-to-right inside Arabic text"
    );
    // In a language the course does not offer: the default, marked as such.
    let page = app.page(&c, "/courses/urban-planning-basics?lang=fr").await;
    assert!(
        page.contains("<h1 lang=\"en\" dir=\"ltr\">Urban planning basics</h1>"),
        "{page}"
    );
    assert!(page.contains("class=\"alert alert--info\""));
}

#[tokio::test]
async fn the_draft_lists_missing_translations() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let tok = app.author_token(&db, "tr@example.org").await;
    let (_, c) = app
        .api(
            Method::POST,
            "/api/v1/courses",
            Some(&tok),
            Some(course_body("housing-rights")),
        )
        .await;
    let id = c["id"].as_i64().unwrap();
    let (_, m) = app
        .api(
            Method::POST,
            &format!("/api/v1/courses/{id}/modules"),
            Some(&tok),
            Some(json!({"title": {"en": "Rights"}})),
        )
        .await;
    assert_eq!(m["title"], json!({"en": "Rights"}));
    let (_, d) = app
        .api(
            Method::GET,
            &format!("/api/v1/courses/{id}/draft"),
            Some(&tok),
            None,
        )
        .await;
    assert!(
        d["missing_translations"]
            .as_array()
            .unwrap()
            .contains(&json!({"at": "modules[0].title", "language": "ar"})),
        "{d}"
    );
}

#[tokio::test]
async fn an_incomplete_course_cannot_be_published_and_the_author_is_told_why() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let tok = app.author_token(&db, "inc@example.org").await;
    let (_, c) = app
        .api(
            Method::POST,
            "/api/v1/courses",
            Some(&tok),
            Some(course_body("not-ready")),
        )
        .await;
    let id = c["id"].as_i64().unwrap();
    let (status, body) = app
        .api(
            Method::POST,
            &format!("/api/v1/courses/{id}/publish"),
            Some(&tok),
            None,
        )
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (422, Some("not_publishable"))
    );
    assert_eq!(body["errors"][0]["code"], "course_has_no_modules");
    app.api(
        Method::POST,
        &format!("/api/v1/courses/{id}/modules"),
        Some(&tok),
        Some(json!({"title": {"en": "Empty"}})),
    )
    .await;
    let (_, body) = app
        .api(
            Method::POST,
            &format!("/api/v1/courses/{id}/publish"),
            Some(&tok),
            None,
        )
        .await;
    assert_eq!(
        body["errors"][0],
        json!({"field": "modules[0]", "code": "module_has_no_lessons"})
    );
    assert_eq!(
        app.get("/courses/not-ready").await.status(),
        404,
        "nothing half-published"
    );
}

#[tokio::test]
async fn bad_course_input_is_refused_field_by_field() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let tok = app.author_token(&db, "bad@example.org").await;
    let mut body = course_body("Not A Slug");
    body["format"] = json!("mooc");
    body["themes"] = json!(["sdg:42"]);
    let (status, p) = app
        .api(Method::POST, "/api/v1/courses", Some(&tok), Some(body))
        .await;
    assert_eq!(status, 422);
    let fields: Vec<&str> = p["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["slug", "format", "themes"]);
    let mut body = course_body("only-offered");
    body["title"]["ru"] = json!("Основы");
    let (_, p) = app
        .api(Method::POST, "/api/v1/courses", Some(&tok), Some(body))
        .await;
    assert_eq!(
        p["errors"][0],
        json!({"field": "title.ru", "code": "language_not_offered"})
    );
    let (status, _) = app
        .api(
            Method::POST,
            "/api/v1/courses",
            Some(&tok),
            Some(course_body("taken-slug")),
        )
        .await;
    assert_eq!(status, 201);
    let (status, p) = app
        .api(
            Method::POST,
            "/api/v1/courses",
            Some(&tok),
            Some(course_body("taken-slug")),
        )
        .await;
    assert_eq!((status, p["code"].as_str()), (409, Some("slug_taken")));
}

#[tokio::test]
async fn unsafe_markdown_is_neutralized_when_published() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let tok = app.author_token(&db, "xss@example.org").await;
    let c = DraftCourse::create(&app, &tok, course_body("safe-text")).await;
    let module = c.add_module(&app, json!({"en": "M"})).await;
    c.add_lesson(&app, module, json!({"title": {"en": "<script>alert(1)</script>"}, "kind": "text",
                    "body": {"en": "<script>alert(1)</script> <img src=x onerror=alert(2)>\n\n[x](javascript:alert(3)) <a href=\"javascript:alert(4)\">y</a>"}}))
    .await;
    c.publish(&app).await;
    let (_, v) = app
        .api(Method::GET, "/api/v1/catalog/safe-text", None, None)
        .await;
    let html = v["document"]["modules"][0]["lessons"][0]["html"]["en"]
        .as_str()
        .unwrap();
    for bad in ["<script", "onerror", "href=\"javascript:"] {
        assert!(!html.contains(bad), "{bad} in {html}");
    }
    let page = app.get("/courses/safe-text").await.text().await.unwrap();
    assert!(!page.contains("<script>alert(1)</script>") && page.contains("&lt;script&gt;"));
}

#[tokio::test]
async fn learners_strangers_and_other_authors_cannot_touch_a_course() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let owner = app.author_token(&db, "owner@example.org").await;
    let other = app.author_token(&db, "other@example.org").await;
    let learner = app.learner_token("student@example.org").await;
    let id = build_course(&app, &owner, "owned-course").await;
    let (_, d) = app
        .api(
            Method::GET,
            &format!("/api/v1/courses/{id}/draft"),
            Some(&owner),
            None,
        )
        .await;
    let module = d["modules"][0]["id"].as_i64().unwrap();
    let lesson = d["modules"][0]["lessons"][0]["id"].as_i64().unwrap();

    let (status, _) = app
        .api(
            Method::POST,
            "/api/v1/courses",
            Some(&learner),
            Some(course_body("learner-course")),
        )
        .await;
    assert_eq!(status, 403, "a learner cannot create a course");
    let writes: [(Method, String, Option<Value>); 8] = [
        (
            Method::PUT,
            format!("/api/v1/courses/{id}"),
            Some(course_body("owned-course")),
        ),
        (Method::GET, format!("/api/v1/courses/{id}/draft"), None),
        (Method::POST, format!("/api/v1/courses/{id}/publish"), None),
        (Method::POST, format!("/api/v1/courses/{id}/archive"), None),
        (
            Method::POST,
            format!("/api/v1/courses/{id}/modules"),
            Some(json!({"title": {"en": "X"}})),
        ),
        (
            Method::PUT,
            format!("/api/v1/modules/{module}"),
            Some(json!({"title": {"en": "X"}})),
        ),
        (Method::DELETE, format!("/api/v1/lessons/{lesson}"), None),
        (Method::GET, format!("/api/v1/courses/{id}/versions"), None),
    ];
    for (m, path, body) in writes {
        for (who, tok) in [("another author", &other), ("a learner", &learner)] {
            let (status, p) = app.api(m.clone(), &path, Some(tok), body.clone()).await;
            assert_eq!(
                (status, p["code"].as_str()),
                (403, Some("forbidden")),
                "{who}: {m} {path}"
            );
        }
        let (status, _) = app.api(m.clone(), &path, None, body).await;
        assert_eq!(status, 401, "anonymous: {m} {path}");
    }
    // Nothing changed, and the draft is still private.
    let (_, d2) = app
        .api(
            Method::GET,
            &format!("/api/v1/courses/{id}/draft"),
            Some(&owner),
            None,
        )
        .await;
    assert_eq!(d, d2);
    assert_eq!(app.get("/courses/owned-course").await.status(), 404);
    // An administrator may edit any course.
    let admin = app.admin_token(&db, "chief@example.org").await;
    let (status, _) = app
        .api(
            Method::POST,
            &format!("/api/v1/courses/{id}/publish"),
            Some(&admin),
            None,
        )
        .await;
    assert_eq!(status, 201);
}

#[tokio::test]
async fn the_slug_is_fixed_once_published_and_archiving_hides_the_course() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let tok = app.author_token(&db, "arch@example.org").await;
    let id = build_course(&app, &tok, "first-slug").await;
    let (status, _) = app
        .api(
            Method::PUT,
            &format!("/api/v1/courses/{id}"),
            Some(&tok),
            Some(course_body("second-slug")),
        )
        .await;
    assert_eq!(status, 200, "a draft may change its slug");
    app.api(
        Method::POST,
        &format!("/api/v1/courses/{id}/publish"),
        Some(&tok),
        None,
    )
    .await;
    let (status, p) = app
        .api(
            Method::PUT,
            &format!("/api/v1/courses/{id}"),
            Some(&tok),
            Some(course_body("third-slug")),
        )
        .await;
    assert_eq!(
        (status, p["errors"][0]["code"].as_str()),
        (422, Some("slug_fixed_after_publication"))
    );
    assert_eq!(app.get("/courses/second-slug").await.status(), 200);
    let (status, _) = app
        .api(
            Method::POST,
            &format!("/api/v1/courses/{id}/archive"),
            Some(&tok),
            None,
        )
        .await;
    assert_eq!(status, 204);
    assert_eq!(app.get("/courses/second-slug").await.status(), 404);
}

#[tokio::test]
async fn modules_and_lessons_can_be_reordered_and_deleted() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let tok = app.author_token(&db, "order@example.org").await;
    let id = build_course(&app, &tok, "ordered").await;
    let (_, d) = app
        .api(
            Method::GET,
            &format!("/api/v1/courses/{id}/draft"),
            Some(&tok),
            None,
        )
        .await;
    let second = d["modules"][1]["id"].as_i64().unwrap();
    app.api(
        Method::PUT,
        &format!("/api/v1/modules/{second}"),
        Some(&tok),
        Some(json!({"title": {"en": "Density", "ar": "الكثافة"}, "position": 1})),
    )
    .await;
    let (_, d) = app
        .api(
            Method::GET,
            &format!("/api/v1/courses/{id}/draft"),
            Some(&tok),
            None,
        )
        .await;
    assert_eq!(d["modules"][0]["title"]["en"], "Density");
    assert_eq!(
        (
            d["modules"][0]["position"].as_i64(),
            d["modules"][1]["position"].as_i64()
        ),
        (Some(1), Some(2))
    );
    let (status, _) = app
        .api(
            Method::DELETE,
            &format!("/api/v1/modules/{second}"),
            Some(&tok),
            None,
        )
        .await;
    assert_eq!(status, 204);
    let (_, d) = app
        .api(
            Method::GET,
            &format!("/api/v1/courses/{id}/draft"),
            Some(&tok),
            None,
        )
        .await;
    assert_eq!(d["modules"].as_array().unwrap().len(), 1);
    assert_eq!(d["modules"][0]["position"], 1);
}
