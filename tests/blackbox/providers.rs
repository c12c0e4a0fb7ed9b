//! Provider organisations: a training centre that delivers courses under
//! the portal. Its courses carry its name in the catalog, on the course
//! page and on certificates; the catalog filters by it; its coordinators
//! open and run the courses' cohorts and read their reports, and nothing
//! of other courses.

use kuza_tests::*;
use reqwest::Method;
use serde_json::{Value, json};

/// Sets the provider of course `id` (its settings as its author reads
/// them) as `token`.
async fn set_provider(
    app: &TestApp,
    author: &str,
    token: &str,
    id: i64,
    provider: Value,
) -> (u16, Value) {
    let (status, d) = app
        .api(
            Method::GET,
            &format!("/api/v1/courses/{id}/draft"),
            Some(author),
            None,
        )
        .await;
    assert_eq!(status, 200, "{d}");
    let c = &d["course"];
    let body = json!({
        "slug": c["slug"], "format": c["format"], "level": c["level"],
        "estimated_hours": c["estimated_hours"], "default_language": c["default_language"],
        "languages": c["languages"], "themes": c["themes"], "title": c["title"],
        "summary": c["summary"], "organisation_id": provider,
    });
    app.api(
        Method::PUT,
        &format!("/api/v1/courses/{id}"),
        Some(token),
        Some(body),
    )
    .await
}

async fn with_provider(app: &TestApp, author: &str, id: i64, provider: Value) -> (u16, Value) {
    set_provider(app, author, author, id, provider).await
}

async fn organisation(app: &TestApp, admin: &str, name: &str, provider: bool) -> i64 {
    let (status, o) = app
        .api(
            Method::POST,
            "/api/v1/organisations",
            Some(admin),
            Some(json!({"name": name, "kind": "academia", "country": "SN",
                        "names": {"fr": format!("{name} (fr)")}, "provider": provider})),
        )
        .await;
    assert_eq!(status, 201, "{o}");
    assert_eq!(o["provider"], provider);
    o["id"].as_i64().expect("an id")
}

async fn catalog(app: &TestApp, query: &str) -> (u16, Value) {
    app.api(Method::GET, &format!("/api/v1/catalog{query}"), None, None)
        .await
}

#[tokio::test]
async fn a_provider_names_its_courses_and_its_coordinators_run_their_cohorts() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let admin = app.admin_token(&db, "admin@example.org").await;
    let author = app.author_token(&db, "author@example.org").await;
    let centre = organisation(&app, &admin, "Dakar Training Centre", true).await;
    let ministry = organisation(&app, &admin, "Ministry of Housing", false).await;
    let theirs =
        PublishedCourse::with_quiz(&app, &author, "theirs", "facilitated", quiz(None, None)).await;
    let other =
        PublishedCourse::with_quiz(&app, &author, "other", "facilitated", quiz(None, None)).await;

    // Only a provider can be named, and an unknown one is not found.
    let (status, p) = with_provider(&app, &author, theirs.id, json!(ministry)).await;
    assert_eq!(
        (status, p["errors"][0]["code"].as_str()),
        (422, Some("organisation_not_provider")),
        "{p}"
    );
    let (status, p) = with_provider(&app, &author, theirs.id, json!(999_999)).await;
    assert_eq!(
        (status, p["errors"][0]["code"].as_str()),
        (422, Some("organisation_unknown")),
        "{p}"
    );
    let (status, p) = with_provider(&app, &author, theirs.id, json!(centre)).await;
    assert_eq!(status, 200, "{p}");
    assert_eq!(p["organisation_id"], centre);

    // The catalog shows it at once (no new version) and filters by it.
    let (status, all) = catalog(&app, "").await;
    assert_eq!(status, 200);
    let item = |list: &Value, slug: &str| -> Value {
        list["items"]
            .as_array()
            .expect("items")
            .iter()
            .find(|i| i["slug"] == slug)
            .cloned()
            .unwrap_or(Value::Null)
    };
    assert_eq!(item(&all, "theirs")["provider"]["id"], centre);
    assert_eq!(
        item(&all, "theirs")["provider"]["name"],
        "Dakar Training Centre"
    );
    assert_eq!(
        item(&all, "theirs")["provider"]["names"]["fr"],
        "Dakar Training Centre (fr)"
    );
    assert_eq!(item(&all, "other")["provider"], Value::Null);
    let (status, only) = catalog(&app, &format!("?provider={centre}")).await;
    assert_eq!(status, 200);
    assert_eq!(only["total"], 1, "{only}");
    assert_eq!(only["items"][0]["slug"], "theirs");
    let (status, none) = catalog(&app, &format!("?provider={ministry}")).await;
    assert_eq!((status, none["total"].as_i64()), (200, Some(0)));
    let (status, bad) = catalog(&app, "?provider=centre").await;
    assert_eq!(
        (status, bad["errors"][0]["code"].as_str()),
        (400, Some("provider_invalid")),
        "{bad}"
    );

    // The pages, in French: the filter, the card and the course page.
    let b = browser();
    let html = reqwest::Client::new()
        .get(app.url("/courses"))
        .header("accept-language", "fr")
        .send()
        .await
        .expect("the catalog")
        .text()
        .await
        .expect("a body");
    assert!(html.contains(r#"name="provider""#), "the filter");
    assert!(
        html.contains("Proposé par <bdi>Dakar Training Centre (fr)</bdi>"),
        "{html}"
    );
    let filtered = app.page(&b, &format!("/courses?provider={centre}")).await;
    assert!(filtered.contains("/courses/theirs"));
    assert!(!filtered.contains("/courses/other\""), "only its courses");
    let page = app.page(&b, "/courses/theirs").await;
    assert!(
        page.contains(&format!(
            r#"<a href="/courses?provider={centre}"><bdi>Dakar Training Centre</bdi></a>"#
        )),
        "{page}"
    );

    // Its coordinator opens and runs the course's cohorts, and only its.
    let coordinator =
        Partner::of_organisation(&app, &db, "coord@centre.example", centre as i32).await;
    let outsider =
        Partner::of_organisation(&app, &db, "coord@ministry.example", ministry as i32).await;
    let cohort = json!({"name": "Dakar, March", "language": "en", "starts_at": in_days(1),
                        "ends_at": in_days(30), "capacity": 20});
    let open = |token: String, course: i64| {
        let app = &app;
        let body = cohort.clone();
        async move {
            post(
                app,
                &token,
                format!("/api/v1/courses/{course}/cohorts"),
                Some(body),
            )
            .await
        }
    };
    let (status, k) = open(coordinator.token.clone(), theirs.id).await;
    assert_eq!(status, 201, "{k}");
    let cohort_id = k["id"].as_i64().expect("a cohort");
    let (status, _) = open(coordinator.token.clone(), other.id).await;
    assert_eq!(status, 403, "not a course it does not provide");
    let (status, _) = open(outsider.token.clone(), theirs.id).await;
    assert_eq!(status, 403, "not another organisation's coordinator");
    let (status, roster) = app
        .api(
            Method::GET,
            &format!("/api/v1/cohorts/{cohort_id}/roster"),
            Some(&coordinator.token),
            None,
        )
        .await;
    assert_eq!(status, 200, "{roster}");
    let (status, _) = app
        .api(
            Method::GET,
            &format!("/api/v1/cohorts/{cohort_id}/roster"),
            Some(&outsider.token),
            None,
        )
        .await;
    assert_eq!(status, 403);
    // Running cohorts is not editing the course.
    let (status, _) =
        set_provider(&app, &author, &coordinator.token, theirs.id, json!(centre)).await;
    assert_eq!(status, 403);

    // In the portal: the cohorts page without the editors' settings.
    let cb = browser();
    assert_eq!(
        app.sign_in(&cb, "coord@centre.example", PASSWORD)
            .await
            .status(),
        303
    );
    let cohorts = app
        .page(&cb, &format!("/studio/courses/{}/cohorts", theirs.id))
        .await;
    assert!(cohorts.contains("Dakar, March"), "{cohorts}");
    assert!(!cohorts.contains(r#"id="enrolment-settings""#), "{cohorts}");
    let res = cb
        .get(app.url(&format!("/studio/courses/{}/cohorts", other.id)))
        .send()
        .await
        .expect("a page");
    assert_eq!(res.status(), 403);

    // A learner of the cohort; the coordinator reads the provider's
    // report, grouped by provider, and another organisation cannot.
    Learner::in_cohort(&app, "learner@example.org", theirs.id, cohort_id).await;
    let report = |token: String, query: String| {
        let app = &app;
        async move {
            app.api(
                Method::GET,
                &format!("/api/v1/reports/learning?{query}"),
                Some(&token),
                None,
            )
            .await
        }
    };
    let (status, r) = report(
        coordinator.token.clone(),
        format!("provider={centre}&by=course"),
    )
    .await;
    assert_eq!(status, 200, "{r}");
    let keys: Vec<&str> = r["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .filter_map(|row| row["key"].as_str())
        .collect();
    assert_eq!(keys, [theirs.id.to_string().as_str()], "{r}");
    let (status, _) = report(outsider.token.clone(), format!("provider={centre}")).await;
    assert_eq!(status, 403);
    let (status, _) = report(coordinator.token.clone(), format!("course={}", other.id)).await;
    assert_eq!(status, 403, "not a course it does not provide");
    let (status, r) = report(admin.clone(), "by=provider".into()).await;
    assert_eq!(status, 200, "{r}");
    let labels: Vec<&str> = r["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .filter_map(|row| row["label"].as_str())
        .collect();
    assert!(labels.contains(&"Dakar Training Centre"), "{r}");

    // A provider cannot stop being one while a course names it.
    let change = |name: &'static str, provider: bool| {
        let app = &app;
        let admin = admin.clone();
        async move {
            app.api(
                Method::PUT,
                &format!("/api/v1/organisations/{centre}"),
                Some(&admin),
                Some(json!({"name": name, "kind": "academia", "country": "SN",
                            "provider": provider})),
            )
            .await
        }
    };
    let (status, p) = change("Dakar Training Centre", false).await;
    assert_eq!(
        (status, p["errors"][0]["code"].as_str()),
        (422, Some("organisation_provides_courses")),
        "{p}"
    );
    // Renamed, the catalog follows at once.
    let (status, p) = change("Dakar Learning Centre", true).await;
    assert_eq!(status, 200, "{p}");
    let (_, all) = catalog(&app, "").await;
    assert_eq!(
        item(&all, "theirs")["provider"]["name"],
        "Dakar Learning Centre"
    );
}

/// A certificate names the provider it was issued under, on its page, in
/// its JSON and in its PDF, in the certificate's language.
#[tokio::test]
async fn a_certificate_names_the_courses_provider() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let admin = app.admin_token(&db, "admin@example.org").await;
    let author = app.author_token(&db, "author@example.org").await;
    let centre = organisation(&app, &admin, "Dakar Training Centre", true).await;
    let c = PublishedCourse::from_document(
        &app,
        &author,
        json!({
            "kuza_archive": 1, "slug": "short", "format": "self_paced", "level": "introductory",
            "estimated_hours": 1.0, "default_language": "en", "languages": ["en", "fr"],
            "themes": [], "title": {"en": "Short", "fr": "Court"}, "summary": {},
            "modules": [{"title": {"en": "One", "fr": "Un"}, "lessons": [
                {"kind": "text", "required": true, "title": {"en": "Read", "fr": "Lire"}}]}]
        }),
        json!({"lessons/01-01.en.md": "Text.", "lessons/01-01.fr.md": "Texte."}),
    )
    .await;
    let (status, p) = with_provider(&app, &author, c.id, json!(centre)).await;
    assert_eq!(status, 200, "{p}");

    let learner = app.learner_token("amina@example.org").await;
    confirm_email(&app, "amina@example.org").await;
    let (status, e) = post(
        &app,
        &learner,
        format!("/api/v1/courses/{}/enrollments", c.id),
        None,
    )
    .await;
    assert_eq!(status, 201, "{e}");
    let (status, step) = post(
        &app,
        &learner,
        format!("/api/v1/lessons/{}/complete", c.lessons[0]),
        None,
    )
    .await;
    assert_eq!(status, 200, "{step}");
    let (status, list) = app
        .api(Method::GET, "/api/v1/me/certificates", Some(&learner), None)
        .await;
    assert_eq!(status, 200, "{list}");
    let cert = &list["items"][0];
    assert_eq!(cert["provider"], "Dakar Training Centre", "{cert}");
    let public_id = cert["public_id"].as_str().expect("a public id");

    let html = reqwest::Client::new()
        .get(app.url(&format!("/certificates/{public_id}")))
        .header("accept-language", "fr")
        .send()
        .await
        .expect("the page")
        .text()
        .await
        .expect("a body");
    assert!(
        html.contains("<dt>Proposé par</dt><dd><bdi>Dakar Training Centre (fr)</bdi></dd>"),
        "{html}"
    );
    let pdf = reqwest::Client::new()
        .get(app.url(&format!("/certificates/{public_id}.pdf?lang=fr")))
        .send()
        .await
        .expect("the PDF");
    assert_eq!(pdf.status(), 200);
    let bytes = pdf.bytes().await.expect("bytes");
    if let Some(text) = pdf_text(&bytes) {
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            text.contains("Proposé par Dakar Training Centre (fr)"),
            "{text}"
        );
    }
}
