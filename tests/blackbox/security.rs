use kuza_tests::*;
use reqwest::Method;
use serde_json::json;

/// Every portal form handler, with a plausible body.
const FORMS: [(&str, &str); 12] = [
    (
        "/sign-up",
        "email=x%40example.org&password=plain-river-lantern-42&display_name=X&language=en&country=KE",
    ),
    ("/sign-in", "email=x%40example.org&password=x"),
    ("/sign-out", ""),
    ("/language", "lang=fr"),
    ("/forgot-password", "email=x%40example.org"),
    ("/reset-password", "token=x&password=plain-river-lantern-43"),
    ("/verify-email/resend", ""),
    ("/profile", "display_name=X&language=en&country=KE"),
    ("/profile/password", "current_password=x&new_password=y"),
    ("/admin/users/1", "role_admin=on"),
    ("/admin/organisations", "name=X&kind=academia&country=KE"),
    ("/admin/organisations/1", "name=X&kind=academia&country=KE"),
];

#[tokio::test]
async fn every_form_refuses_a_missing_or_wrong_csrf_token() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let id = app.register("root@example.org", "en").await;
    grant(&db, id, &[kuza_accounts::Role::Admin]).await;
    let me = browser();
    app.sign_in(&me, "root@example.org", PASSWORD).await;
    app.page(&me, "/profile").await;
    for (action, body) in FORMS {
        for token in ["", "&csrf=forged-token"] {
            let res = me
                .post(app.url(action))
                .header("content-type", "application/x-www-form-urlencoded")
                .body(format!("{body}{token}"))
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 403, "POST {action} with token {token:?}");
            let html = res.text().await.unwrap();
            assert_eq!(
                text_of(&html, "h1").unwrap(),
                "This form has expired",
                "{action}"
            );
        }
    }
    // Still signed in, nothing changed.
    assert_eq!(
        me.get(app.url("/admin/users"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
}

#[tokio::test]
async fn a_token_from_one_browser_does_not_work_in_another() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    app.register("kim@example.org", "en").await;
    let attacker = browser();
    let csrf = csrf_of(&app.page(&attacker, "/sign-in").await);
    let victim = browser();
    app.page(&victim, "/").await;
    let res = victim
        .post(app.url("/sign-in"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", "kim@example.org"),
            ("password", PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
}

#[tokio::test]
async fn a_learner_is_refused_every_administrator_route() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let id = app.register("lee@example.org", "en").await;
    let t = app.token("lee@example.org").await;
    let tok = t["access_token"].as_str();
    let calls: [(Method, String, Option<serde_json::Value>); 6] = [
        (Method::GET, "/api/v1/users".into(), None),
        (Method::GET, format!("/api/v1/users/{id}"), None),
        (
            Method::PATCH,
            format!("/api/v1/users/{id}"),
            Some(json!({"active": false})),
        ),
        (
            Method::PUT,
            format!("/api/v1/users/{id}/roles"),
            Some(json!({"roles": ["admin"]})),
        ),
        (
            Method::POST,
            "/api/v1/organisations".into(),
            Some(json!({"name": "X", "kind": "academia", "country": "KE"})),
        ),
        (
            Method::PUT,
            "/api/v1/organisations/1".into(),
            Some(json!({"name": "X", "kind": "academia", "country": "KE"})),
        ),
    ];
    for (m, path, body) in calls {
        let (status, problem) = app.api(m.clone(), &path, tok, body.clone()).await;
        assert_eq!(status, 403, "{m} {path}");
        assert_eq!(problem["code"], "forbidden");
        let (status, _) = app.api(m.clone(), &path, None, body).await;
        assert_eq!(status, 401, "{m} {path} without a token");
    }
    // The portal pages too: a friendly 403 for the learner, sign-in for strangers.
    let me = browser();
    app.sign_in(&me, "lee@example.org", PASSWORD).await;
    for path in [
        "/admin/users",
        &format!("/admin/users/{id}"),
        "/admin/organisations",
        "/admin/organisations/new",
    ] {
        let res = me.get(app.url(path)).send().await.unwrap();
        assert_eq!(res.status(), 403, "{path}");
        assert_eq!(
            text_of(&res.text().await.unwrap(), "h1").unwrap(),
            "You do not have access to this page"
        );
        let res = browser().get(app.url(path)).send().await.unwrap();
        assert_eq!(res.status(), 303, "{path}");
        assert!(
            res.headers()["location"]
                .to_str()
                .unwrap()
                .starts_with("/sign-in?next=")
        );
    }
    let res = app
        .submit(
            &me,
            "/profile",
            &format!("/admin/users/{id}"),
            &[("role_admin", "on")],
        )
        .await;
    assert_eq!(res.status(), 403);
    let (_, me_now) = app.api(Method::GET, "/api/v1/me", tok, None).await;
    assert_eq!(me_now["roles"], json!([]), "no role was granted");
}

#[tokio::test]
async fn sign_in_redirects_only_to_local_pages() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    app.register("red@example.org", "en").await;
    for (next, expected) in [
        ("/profile", "/profile"),
        ("https://evil.example/", "/"),
        ("//evil.example/x", "/"),
        ("/\t/evil.example", "/"),
        ("/\r\n/evil.example", "/"),
        ("/\\evil.example", "/"),
        ("\\/evil.example", "/"),
        (" //evil.example", "/"),
        ("/%2F/evil.example", "/%2F/evil.example"),
        ("/x\r\nSet-Cookie: a=b", "/xSet-Cookie:%20a=b"),
    ] {
        let c = browser();
        let res = app
            .submit(
                &c,
                &format!("/sign-in?next={}", urlencode(next)),
                "/sign-in",
                &[
                    ("email", "red@example.org"),
                    ("password", PASSWORD),
                    ("next", next),
                ],
            )
            .await;
        assert_eq!(res.status(), 303);
        assert_eq!(res.headers()["location"], expected, "next={next:?}");
        // Signed in already, the sign-in page sends the person on at once.
        let res = c
            .get(app.url(&format!("/sign-in?next={}", urlencode(next))))
            .send()
            .await
            .expect("request");
        assert_eq!(res.status(), 303, "next={next:?}");
        assert_eq!(res.headers()["location"], expected, "next={next:?}");
    }
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[tokio::test]
async fn session_cookies_are_http_only_and_same_site() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    app.register("ck@example.org", "en").await;
    let res = app.sign_in(&browser(), "ck@example.org", PASSWORD).await;
    let cookie = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .find(|c| c.starts_with("kuza_session="))
        .unwrap();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    assert!(!cookie.contains("Secure"), "plain http in tests");
    let res = app.get("/").await;
    assert!(
        res.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .contains("frame-ancestors 'none'")
    );
}
