use kuza_tests::*;

#[tokio::test]
async fn health_readiness_and_metrics_answer_with_a_request_id() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;

    for path in ["/healthz", "/readyz", "/metrics"] {
        let res = app.get(path).await;
        assert_eq!(res.status(), 200, "{path}");
        assert!(
            res.headers().contains_key("x-request-id"),
            "{path} has no request id"
        );
    }
    app.get("/sign-in").await;
    let metrics = app.get("/metrics").await.text().await.unwrap();
    assert!(
        metrics.contains(
            "kuza_http_requests_total{method=\"GET\",route=\"/sign-in\",status=\"200\"} 1"
        ),
        "{metrics}"
    );
    assert!(metrics.contains("kuza_http_request_duration_seconds_bucket"));
    assert!(metrics.contains("kuza_jobs_pending 0"));
}

#[tokio::test]
async fn a_request_id_sent_by_a_proxy_is_kept_and_a_bad_one_replaced() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let c = reqwest::Client::new();
    let res = c
        .get(app.url("/healthz"))
        .header("x-request-id", "abc-123")
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["x-request-id"], "abc-123");
    let res = c
        .get(app.url("/healthz"))
        .header("x-request-id", "<script>")
        .send()
        .await
        .unwrap();
    assert_ne!(res.headers()["x-request-id"], "<script>");
}

#[tokio::test]
async fn the_openapi_document_is_valid_3_1_and_lists_exactly_the_api_routes() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let (status, doc) = app
        .api(reqwest::Method::GET, "/api/openapi.json", None, None)
        .await;
    assert_eq!(status, 200);
    assert!(
        doc["openapi"].as_str().unwrap().starts_with("3.1"),
        "{}",
        doc["openapi"]
    );
    // Exactly the routes the server serves under /api/v1, no more, no less.
    let mut documented = std::collections::BTreeSet::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            documented.insert((method.to_uppercase(), path.clone()));
        }
    }
    let served: std::collections::BTreeSet<_> = kuza_server::routes::table()
        .entries()
        .filter(|e| e.is_api())
        .map(|e| (e.method.to_string(), e.path.to_owned()))
        .collect();
    assert_eq!(documented, served);
    // Every operation says who may call it and answers errors as problems.
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            assert!(
                op["description"]
                    .as_str()
                    .unwrap_or_default()
                    .contains("Access: "),
                "{method} {path}"
            );
            for (status, response) in op["responses"].as_object().unwrap() {
                assert!(
                    !response["description"]
                        .as_str()
                        .unwrap_or_default()
                        .is_empty(),
                    "{method} {path} {status} says nothing"
                );
                if status.starts_with('4') || status.starts_with('5') {
                    assert!(
                        response["content"]["application/problem+json"].is_object(),
                        "{method} {path} {status}"
                    );
                }
            }
        }
    }
    // Request bodies state what the server checks, from the same limits.
    let schemas = &doc["components"]["schemas"];
    assert_eq!(
        schemas["NewPassword"]["minLength"],
        kuza_accounts::values::PASSWORD_MIN
    );
    assert_eq!(
        schemas["CourseRequest"]["properties"]["format"]["$ref"],
        "#/components/schemas/FormatCode"
    );
    assert!(
        schemas["FormatCode"]["enum"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!("self_paced"))
    );
    assert_eq!(
        schemas["Slug"]["pattern"],
        kuza_courses::values::limits::SLUG_PATTERN
    );
    assert_eq!(
        doc["paths"]["/api/v1/lessons/{id}/quiz"]["put"]["requestBody"]["content"]["application/json"]
            ["schema"]["$ref"],
        "#/components/schemas/Quiz"
    );
    // A real validator reads it as valid OpenAPI 3.1.
    if let Some(validator) =
        kuza_tests::tools::python_tool("openapi-spec-validator", "KUZA_TEST_OPENAPI_VALIDATOR")
    {
        let file = tempfile::NamedTempFile::with_suffix(".json").unwrap();
        std::fs::write(file.path(), doc.to_string()).unwrap();
        let out = std::process::Command::new(&validator)
            .arg(file.path())
            .output()
            .unwrap_or_else(|e| panic!("run {}: {e}", validator.display()));
        assert!(
            out.status.success(),
            "the OpenAPI document is not valid:\n{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let page = app.get("/api/docs").await;
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains("/api/v1/auth/token") && !html.contains("<script"));
}

#[tokio::test]
async fn static_assets_are_hashed_cached_for_a_year_and_compressed() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let html = app.get("/").await.text().await.unwrap();
    let href = html
        .split("href=\"/static/app.")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    let res = reqwest::Client::new()
        .get(app.url(&format!("/static/app.{href}")))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(
        res.headers()["cache-control"]
            .to_str()
            .unwrap()
            .contains("immutable")
    );
    assert_eq!(res.headers()["content-encoding"], "gzip");
    assert_eq!(app.get("/static/app.0000000000.css").await.status(), 404);
}

#[tokio::test]
async fn the_home_page_with_its_css_stays_under_30_kb_compressed() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let c = reqwest::Client::new();
    let page = c
        .get(app.url("/"))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    let html = app.get("/").await.text().await.unwrap();
    let href = html
        .split("href=\"")
        .find(|s| s.starts_with("/static/app."))
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    let css = c
        .get(app.url(&href))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    assert!(
        page.len() + css.len() < 30 * 1024,
        "page {} + css {} bytes",
        page.len(),
        css.len()
    );
}
