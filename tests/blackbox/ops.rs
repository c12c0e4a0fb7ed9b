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
async fn the_openapi_document_is_version_3_1_and_lists_every_api_route() {
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
    let paths = doc["paths"].as_object().unwrap();
    for p in [
        "/api/v1/auth/register",
        "/api/v1/auth/token",
        "/api/v1/auth/refresh",
        "/api/v1/auth/verify-email",
        "/api/v1/auth/password-reset",
        "/api/v1/auth/password-reset/confirm",
        "/api/v1/me",
        "/api/v1/me/password",
        "/api/v1/users",
        "/api/v1/users/{id}",
        "/api/v1/users/{id}/roles",
        "/api/v1/organisations",
        "/api/v1/organisations/{id}",
        "/api/v1/courses",
        "/api/v1/courses/{id}/draft",
        "/api/v1/courses/{id}/publish",
        "/api/v1/modules/{id}/lessons",
        "/api/v1/lessons/{id}",
        "/api/v1/catalog/{slug}",
    ] {
        assert!(
            paths.contains_key(p),
            "{p} missing from the OpenAPI document"
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
