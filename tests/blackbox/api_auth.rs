use kuza_tests::*;
use reqwest::Method;
use serde_json::json;

fn problem_code(body: &serde_json::Value) -> &str {
    body["code"].as_str().unwrap_or("")
}

#[tokio::test]
async fn registration_gives_an_account_and_a_token_gives_me() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let id = app.register("ana@example.org", "fr").await;
    let tokens = app.token("ana@example.org").await;
    assert_eq!(tokens["token_type"], "Bearer");
    let (status, me) = app
        .api(
            Method::GET,
            "/api/v1/me",
            tokens["access_token"].as_str(),
            None,
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(me["id"], id);
    assert_eq!(me["language"], "fr");
    assert_eq!(me["email_verified"], false);
    assert_eq!(me["roles"], json!([]));
}

#[tokio::test]
async fn bad_registration_input_is_refused_field_by_field() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let (status, body) = app
        .api(
            Method::POST,
            "/api/v1/auth/register",
            None,
            Some(json!({"email": "not-an-email", "password": "short", "display_name": " ", "language": "de", "country": "XX", "gender": "robot", "birth_year": 1800})),
        )
        .await;
    assert_eq!(status, 422);
    assert_eq!(problem_code(&body), "invalid_input");
    let fields: Vec<&str> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    for f in [
        "email",
        "password",
        "display_name",
        "language",
        "country",
        "gender",
        "birth_year",
    ] {
        assert!(fields.contains(&f), "{f} not reported: {body}");
    }
    let (_, body) = app
        .api(Method::POST, "/api/v1/auth/register", None, Some(json!({"email": "a@example.org", "password": "password1234", "display_name": "A", "language": "en", "country": "KE"})))
        .await;
    assert_eq!(body["errors"][0]["code"], "password_too_common");
    // Nothing was half-written.
    let (status, _) = app
        .api(
            Method::POST,
            "/api/v1/auth/token",
            None,
            Some(json!({"email": "a@example.org", "password": "password1234"})),
        )
        .await;
    assert_eq!(status, 401);
}

#[tokio::test]
async fn a_duplicate_email_makes_no_second_account_whatever_its_case() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let id = app.register("dup@example.org", "en").await;
    let (status, body) = app
        .api(Method::POST, "/api/v1/auth/register", None, Some(json!({"email": " DUP@Example.org ", "password": "other-long-passphrase", "display_name": "Other", "language": "en", "country": "KE"})))
        .await;
    assert_eq!((status, body), (202, serde_json::Value::Null));
    let tokens = app.token("dup@example.org").await;
    let (_, me) = app
        .api(
            Method::GET,
            "/api/v1/me",
            tokens["access_token"].as_str(),
            None,
        )
        .await;
    assert_eq!(
        (me["id"].as_i64(), me["display_name"].as_str()),
        (Some(id), Some("Test Person"))
    );
}

#[tokio::test]
async fn errors_are_problem_json_with_a_stable_code_and_request_id() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let res = reqwest::Client::new()
        .post(app.url("/api/v1/auth/token"))
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    let rid = res.headers()["x-request-id"].to_str().unwrap().to_owned();
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["code"], "bad_request");
    assert_eq!(body["request_id"], rid);

    let big = "x".repeat(200 * 1024);
    let (status, body) = app
        .api(
            Method::POST,
            "/api/v1/auth/token",
            None,
            Some(json!({"email": big, "password": "x"})),
        )
        .await;
    assert_eq!(status, 413);
    assert_eq!(problem_code(&body), "payload_too_large");

    let (status, body) = app
        .api(Method::GET, "/api/v1/no-such-thing", None, None)
        .await;
    assert_eq!(status, 404);
    assert_eq!(problem_code(&body), "not_found");
}

#[tokio::test]
async fn a_wrong_password_is_refused_without_saying_which_part_was_wrong() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    app.register("bo@example.org", "en").await;
    let (s1, b1) = app
        .api(
            Method::POST,
            "/api/v1/auth/token",
            None,
            Some(json!({"email": "bo@example.org", "password": "wrong-password-here"})),
        )
        .await;
    let (s2, b2) = app
        .api(
            Method::POST,
            "/api/v1/auth/token",
            None,
            Some(json!({"email": "nobody@example.org", "password": "wrong-password-here"})),
        )
        .await;
    assert_eq!((s1, s2), (401, 401));
    assert_eq!(problem_code(&b1), "invalid_credentials");
    assert_eq!(b1["detail"], b2["detail"]);
}

#[tokio::test]
async fn sign_in_is_throttled_per_account_across_two_server_processes() {
    let db = TestDb::new().await;
    let a = TestApp::spawn(&db, Options::default()).await;
    let b = TestApp::spawn(&db, Options::default()).await;
    a.register("cy@example.org", "en").await;
    let attempt = |app: &TestApp, password: &'static str| {
        let url = app.url("/api/v1/auth/token");
        async move {
            reqwest::Client::new()
                .post(url)
                .json(&json!({"email": "cy@example.org", "password": password}))
                .send()
                .await
                .unwrap()
        }
    };
    // Five failures are allowed in the window, spread over both processes.
    for i in 0..5 {
        let app = if i % 2 == 0 { &a } else { &b };
        assert_eq!(attempt(app, "wrong-password-x").await.status(), 401);
    }
    let res = attempt(&b, "wrong-password-x").await;
    assert_eq!(res.status(), 429);
    assert!(res.headers().contains_key("retry-after"));
    // Even the right password waits out the window now.
    assert_eq!(attempt(&a, PASSWORD).await.status(), 429);
}

#[tokio::test]
async fn one_guesser_behind_a_shared_address_does_not_lock_out_the_others() {
    let db = TestDb::new().await;
    // Two processes, one client address (127.0.0.1) for everyone: an office
    // behind one NAT address.
    let opts = || Options {
        extra_toml: "login_max_failures_per_client = 4\n".into(),
        ..Options::default()
    };
    let a = TestApp::spawn(&db, opts()).await;
    let b = TestApp::spawn(&db, opts()).await;
    a.register("colleague@example.org", "en").await;
    let attempt = |app: &TestApp, email: &'static str, password: &'static str| {
        let url = app.url("/api/v1/auth/token");
        async move {
            reqwest::Client::new()
                .post(url)
                .json(&json!({"email": email, "password": password}))
                .send()
                .await
                .unwrap()
                .status()
        }
    };
    // Someone in the office guesses at unknown accounts, on both processes.
    for (i, email) in [
        "x1@example.org",
        "x2@example.org",
        "x3@example.org",
        "x4@example.org",
    ]
    .into_iter()
    .enumerate()
    {
        let app = if i % 2 == 0 { &a } else { &b };
        assert_eq!(attempt(app, email, "guess-guess-guess").await, 401);
    }
    // The address is now over its limit: more guesses are refused ...
    assert_eq!(
        attempt(&b, "x5@example.org", "guess-guess-guess").await,
        429
    );
    assert_eq!(
        attempt(&a, "colleague@example.org", "wrong-password-x").await,
        429
    );
    // ... but a colleague with the right password still signs in,
    assert_eq!(attempt(&b, "colleague@example.org", PASSWORD).await, 200);
    // flagged to be slowed (the app then waits `SLOWED` before answering).
    let throttle = kuza_accounts::auth::Throttle {
        per_client: 4,
        ..Default::default()
    };
    let signed = kuza_accounts::auth::authenticate(
        &db.connect().await,
        "colleague@example.org",
        PASSWORD,
        "127.0.0.1",
        &throttle,
    )
    .await
    .unwrap();
    assert!(signed.slowed);
}

#[tokio::test]
async fn concurrent_guesses_cannot_slip_past_the_limit() {
    let db = TestDb::new().await;
    let a = TestApp::spawn(&db, Options::default()).await;
    let b = TestApp::spawn(&db, Options::default()).await;
    a.register("dee@example.org", "en").await;
    let mut tasks = vec![];
    for i in 0..16 {
        let url = if i % 2 == 0 {
            a.url("/api/v1/auth/token")
        } else {
            b.url("/api/v1/auth/token")
        };
        tasks.push(tokio::spawn(async move {
            reqwest::Client::new()
                .post(url)
                .json(&json!({"email": "dee@example.org", "password": format!("guess-number-{i}")}))
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }));
    }
    let mut judged = 0;
    for t in tasks {
        if t.await.unwrap() == 401 {
            judged += 1;
        }
    }
    assert!(judged <= 5, "{judged} guesses were checked; the limit is 5");
}

#[tokio::test]
async fn a_refresh_token_rotates_and_its_reuse_revokes_the_family() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    app.register("eve@example.org", "en").await;
    let first = app.token("eve@example.org").await;
    let r1 = first["refresh_token"].as_str().unwrap();

    let (status, second) = app
        .api(
            Method::POST,
            "/api/v1/auth/refresh",
            None,
            Some(json!({"refresh_token": r1})),
        )
        .await;
    assert_eq!(status, 200);
    let r2 = second["refresh_token"].as_str().unwrap();
    assert_ne!(r1, r2);
    let (status, _) = app
        .api(
            Method::GET,
            "/api/v1/me",
            second["access_token"].as_str(),
            None,
        )
        .await;
    assert_eq!(status, 200);

    // The spent token is presented again (stolen?): refused, and the family dies.
    let (status, body) = app
        .api(
            Method::POST,
            "/api/v1/auth/refresh",
            None,
            Some(json!({"refresh_token": r1})),
        )
        .await;
    assert_eq!(status, 401);
    assert_eq!(problem_code(&body), "refresh_token_reused");
    let (status, body) = app
        .api(
            Method::POST,
            "/api/v1/auth/refresh",
            None,
            Some(json!({"refresh_token": r2})),
        )
        .await;
    assert_eq!(status, 401);
    assert_eq!(problem_code(&body), "token_invalid");
    // Another sign-in starts a new, working family.
    let third = app.token("eve@example.org").await;
    let (status, _) = app
        .api(
            Method::POST,
            "/api/v1/auth/refresh",
            None,
            Some(json!({"refresh_token": third["refresh_token"]})),
        )
        .await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn two_simultaneous_refreshes_of_one_token_cannot_both_succeed() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    app.register("fay@example.org", "en").await;
    let r = app.token("fay@example.org").await["refresh_token"]
        .as_str()
        .unwrap()
        .to_owned();
    let url = app.url("/api/v1/auth/refresh");
    let go = || {
        let (url, r) = (url.clone(), r.clone());
        tokio::spawn(async move {
            reqwest::Client::new()
                .post(url)
                .json(&json!({"refresh_token": r}))
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        })
    };
    let (a, b) = (go(), go());
    let mut codes = [a.await.unwrap(), b.await.unwrap()];
    codes.sort();
    assert_eq!(codes, [200, 401]);
}

#[tokio::test]
async fn bearer_tokens_are_required_and_checked() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let (status, body) = app.api(Method::GET, "/api/v1/me", None, None).await;
    assert_eq!((status, problem_code(&body)), (401, "unauthorized"));
    let (status, _) = app
        .api(Method::GET, "/api/v1/me", Some("not.a.jwt"), None)
        .await;
    assert_eq!(status, 401);
    // A token signed with another key.
    let forged = kuza_accounts::tokens::issue_access_token(b"some-other-secret", 1, 600);
    let (status, _) = app
        .api(Method::GET, "/api/v1/me", Some(&forged), None)
        .await;
    assert_eq!(status, 401);
}

#[tokio::test]
async fn a_password_change_through_the_api_ends_refresh_tokens() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    app.register("gus@example.org", "en").await;
    let t = app.token("gus@example.org").await;
    let (status, body) = app
        .api(Method::POST, "/api/v1/me/password", t["access_token"].as_str(), Some(json!({"current_password": "wrong-one-here", "new_password": "another-long-passphrase"})))
        .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["errors"][0]["code"], "password_wrong");
    let (status, _) = app
        .api(
            Method::POST,
            "/api/v1/me/password",
            t["access_token"].as_str(),
            Some(json!({"current_password": PASSWORD, "new_password": "another-long-passphrase"})),
        )
        .await;
    assert_eq!(status, 204);
    let (status, _) = app
        .api(
            Method::POST,
            "/api/v1/auth/refresh",
            None,
            Some(json!({"refresh_token": t["refresh_token"]})),
        )
        .await;
    assert_eq!(status, 401);
    let (status, _) = app
        .api(
            Method::POST,
            "/api/v1/auth/token",
            None,
            Some(json!({"email": "gus@example.org", "password": PASSWORD})),
        )
        .await;
    assert_eq!(status, 401);
}

#[tokio::test]
async fn the_profile_can_be_edited_through_the_api() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    app.register("hal@example.org", "en").await;
    let t = app.token("hal@example.org").await;
    let tok = t["access_token"].as_str();
    let (status, me) = app
        .api(Method::PATCH, "/api/v1/me", tok, Some(json!({"display_name": "Hal Jordan", "language": "ru", "country": "br", "gender": "prefer_not_to_say", "birth_year": 1990})))
        .await;
    assert_eq!(status, 200, "{me}");
    assert_eq!(
        (
            me["language"].as_str(),
            me["country"].as_str(),
            me["birth_year"].as_i64()
        ),
        (Some("ru"), Some("BR"), Some(1990))
    );
    let (status, body) = app.api(Method::PATCH, "/api/v1/me", tok, Some(json!({"display_name": "Hal", "language": "ru", "country": "BR", "organisation_id": 999}))).await;
    assert_eq!(status, 422);
    assert_eq!(body["errors"][0]["code"], "organisation_unknown");
}
