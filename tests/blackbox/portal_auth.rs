use kuza_tests::*;

fn path_of(link: &str) -> String {
    link.trim_start_matches("http://kuza.test").to_owned()
}

#[tokio::test]
async fn a_person_signs_up_verifies_signs_in_switches_to_arabic_resets_and_signs_out() {
    let db = TestDb::new().await;
    let (app, smtp) = app_with_smtp(&db).await;
    let me = browser();

    // Sign up.
    let res = app
        .submit(
            &me,
            "/sign-up",
            "/sign-up",
            &[
                ("email", "nadia@example.org"),
                ("password", PASSWORD),
                ("display_name", "Nadia Rahman"),
                ("language", "en"),
                ("country", "BD"),
                ("gender", "female"),
                ("birth_year", "1988"),
            ],
        )
        .await;
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    assert!(html.contains("nadia@example.org"), "{html}");

    // The verification email arrives over SMTP, in English, text and HTML.
    let mail = smtp.wait_for("nadia@example.org", 1).await.remove(0);
    assert_eq!(mail.subject(), "Confirm your email address");
    assert!(mail.html().contains("Nadia Rahman"));
    let link = mail.link("/verify-email");
    let page = app.page(&me, &path_of(&link)).await;
    assert_eq!(text_of(&page, "h1").unwrap(), "Address confirmed");
    // The link is single-use.
    let again = app.page(&me, &path_of(&link)).await;
    assert_eq!(text_of(&again, "h1").unwrap(), "This link does not work");

    // A sign-up does not sign in (it would tell a new address from a
    // known one); the confirmed person signs in.
    assert_eq!(
        me.get(app.url("/profile")).send().await.unwrap().status(),
        303
    );
    let res = app.sign_in(&me, "nadia@example.org", PASSWORD).await;
    assert_eq!(res.status(), 303);
    let profile = app.page(&me, "/profile").await;
    assert!(
        profile.contains("<option value=\"BD\" selected>Bangladesh</option>"),
        "the person's country is selected"
    );
    assert!(
        !profile.contains("verify-email/resend"),
        "the address shows as verified"
    );

    // Switch to Arabic: the page is right-to-left, and the choice sticks.
    let res = app
        .submit(
            &me,
            "/profile",
            "/language",
            &[("lang", "ar"), ("back", "/profile")],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(res.headers()["location"], "/profile");
    let page = app.page(&me, "/profile").await;
    assert!(
        page.contains("<html lang=\"ar\" dir=\"rtl\">"),
        "{}",
        &page[..200]
    );
    assert_eq!(text_of(&page, "h1").unwrap(), "ملفي الشخصي");

    // Forgotten password: the email is in Arabic now; the reset ends sessions.
    let other = browser();
    let res = app
        .submit(
            &other,
            "/forgot-password",
            "/forgot-password",
            &[("email", "nadia@example.org")],
        )
        .await;
    assert_eq!(res.status(), 200);
    let mail = smtp.wait_for("nadia@example.org", 2).await.remove(1);
    assert_eq!(mail.subject(), "إعادة تعيين كلمة المرور");
    let link = path_of(&mail.link("/reset-password"));
    let res = app
        .submit(
            &other,
            &link,
            "/reset-password",
            &[
                ("token", link.split("token=").nth(1).unwrap()),
                ("password", "a-brand-new-passphrase"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(res.headers()["location"], "/sign-in?notice=reset-done");
    assert_eq!(
        me.get(app.url("/profile")).send().await.unwrap().status(),
        303,
        "the old session ended"
    );
    assert_eq!(
        app.sign_in(&other, "nadia@example.org", PASSWORD)
            .await
            .status(),
        401
    );
    assert_eq!(
        app.sign_in(&other, "nadia@example.org", "a-brand-new-passphrase")
            .await
            .status(),
        303
    );
    // The reset link cannot be used twice.
    let page = app.page(&browser(), &link).await;
    assert!(!page.contains("name=\"password\""));
}

#[tokio::test]
async fn the_forgot_password_answer_does_not_reveal_whether_an_address_is_registered() {
    let db = TestDb::new().await;
    let (app, smtp) = app_with_smtp(&db).await;
    app.register("known@example.org", "en").await;
    let a = app
        .submit(
            &browser(),
            "/forgot-password",
            "/forgot-password",
            &[("email", "known@example.org")],
        )
        .await;
    let b = app
        .submit(
            &browser(),
            "/forgot-password",
            "/forgot-password",
            &[("email", "unknown@example.org")],
        )
        .await;
    assert_eq!(a.status(), b.status());
    let (ta, tb) = (a.text().await.unwrap(), b.text().await.unwrap());
    assert_eq!(
        text_of(&ta, ".notice").unwrap().replace("known@", "X@"),
        text_of(&tb, ".notice").unwrap().replace("unknown@", "X@")
    );
    let (sa, _) = app
        .api(
            reqwest::Method::POST,
            "/api/v1/auth/password-reset",
            None,
            Some(serde_json::json!({"email": "unknown@example.org"})),
        )
        .await;
    assert_eq!(sa, 202);
    smtp.wait_for("known@example.org", 2).await; // verification + reset
    // No job left to run: an email to the unknown address would be here.
    jobs_settled(&db).await;
    assert!(smtp.to("unknown@example.org").is_empty());
}

#[tokio::test]
async fn repeated_reset_requests_within_a_minute_send_one_email() {
    let db = TestDb::new().await;
    let (app, smtp) = app_with_smtp(&db).await;
    app.register("flood@example.org", "en").await;
    for _ in 0..3 {
        let (status, _) = app
            .api(
                reqwest::Method::POST,
                "/api/v1/auth/password-reset",
                None,
                Some(serde_json::json!({"email": "flood@example.org"})),
            )
            .await;
        assert_eq!(status, 202);
    }
    smtp.wait_for("flood@example.org", 2).await;
    // No job left to run: a third email would be here.
    jobs_settled(&db).await;
    assert_eq!(
        smtp.to("flood@example.org").len(),
        2,
        "the confirmation and one reset email"
    );
}

#[tokio::test]
async fn an_expired_reset_link_is_refused() {
    let db = TestDb::new().await;
    let (app, smtp) = app_with_smtp(&db).await;
    app.register("old@example.org", "en").await;
    app.api(
        reqwest::Method::POST,
        "/api/v1/auth/password-reset",
        None,
        Some(serde_json::json!({"email": "old@example.org"})),
    )
    .await;
    let mail = smtp.wait_for("old@example.org", 2).await.remove(1);
    let link = path_of(&mail.link("/reset-password"));
    let token = link.split("token=").nth(1).unwrap().to_owned();
    // Two hours pass.
    use sea_orm::{ConnectionTrait, Statement};
    let conn = db.connect().await;
    conn.execute(Statement::from_string(
        conn.get_database_backend(),
        "UPDATE one_time_tokens SET expires_at = expires_at - 7200",
    ))
    .await
    .unwrap();
    let page = app.page(&browser(), &link).await;
    assert!(
        !page.contains("name=\"password\""),
        "an expired link shows no form"
    );
    let (status, body) = app
        .api(
            reqwest::Method::POST,
            "/api/v1/auth/password-reset/confirm",
            None,
            Some(serde_json::json!({"token": token, "password": "some-new-passphrase"})),
        )
        .await;
    assert_eq!(status, 401);
    assert_eq!(body["code"], "token_invalid");
}

#[tokio::test]
async fn a_password_change_ends_the_sessions_on_other_devices_but_not_this_one() {
    let db = TestDb::new().await;
    let a = TestApp::spawn(&db, Options::default()).await;
    let b = TestApp::spawn(&db, Options::default()).await;
    a.register("ivy@example.org", "en").await;
    let phone = browser();
    let laptop = browser();
    assert_eq!(
        a.sign_in(&phone, "ivy@example.org", PASSWORD)
            .await
            .status(),
        303
    );
    assert_eq!(
        b.sign_in(&laptop, "ivy@example.org", PASSWORD)
            .await
            .status(),
        303
    );

    let res = a
        .submit(
            &phone,
            "/profile",
            "/profile/password",
            &[
                ("current_password", PASSWORD),
                ("new_password", "quiet-harbour-morning"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        res.headers()["location"],
        "/profile?notice=password-changed"
    );
    assert_eq!(
        phone.get(a.url("/profile")).send().await.unwrap().status(),
        200,
        "this device stays signed in"
    );
    // The other device, on the other server process, is signed out.
    assert_eq!(
        laptop.get(b.url("/profile")).send().await.unwrap().status(),
        303
    );
}

#[tokio::test]
async fn bad_sign_up_input_shows_the_form_again_with_localized_errors() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    app.register("taken@example.org", "en").await;
    let me = browser();
    app.page(&me, "/?lang=fr").await;
    let res = app
        .submit(
            &me,
            "/sign-up",
            "/sign-up",
            &[
                ("email", "taken@example.org"),
                ("password", "123"),
                ("display_name", "Jo"),
                ("language", "fr"),
                ("country", "ZZ"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains("<html lang=\"fr\""));
    assert!(html.contains("aria-invalid=\"true\""));
    assert_eq!(
        text_of(&html, "#password-error").unwrap(),
        "Le mot de passe doit comporter au moins 10 caractères."
    );
    assert!(text_of(&html, "#country-error").is_some());
    assert!(
        html.contains("value=\"taken@example.org\""),
        "what was typed is kept"
    );
    assert!(
        !html.contains("value=\"123\""),
        "the password is never echoed"
    );
    // A taken address is not told: the same page as for a new one (its
    // owner gets an email instead).
    let mut pages = vec![];
    for email in ["taken@example.org", "fresh@example.org"] {
        let res = app
            .submit(
                &browser(),
                "/sign-up?lang=fr",
                "/sign-up",
                &[
                    ("email", email),
                    ("password", PASSWORD),
                    ("display_name", "Jo"),
                    ("language", "fr"),
                    ("country", "FR"),
                ],
            )
            .await;
        assert_eq!(res.status(), 200);
        assert!(
            res.headers()
                .get_all("set-cookie")
                .iter()
                .all(|c| !c.to_str().unwrap().starts_with("kuza_session=")),
            "not signed in"
        );
        let html = res.text().await.unwrap();
        pages.push(text_of(&html, "main").unwrap().replace(email, "…"));
    }
    assert_eq!(pages[0], pages[1]);
}

#[tokio::test]
async fn the_page_language_follows_preference_then_query_then_cookie_then_accept_language() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let c = browser();
    let lang_of = |html: &str| html.split("<html lang=\"").nth(1).unwrap()[..2].to_owned();
    let res = c
        .get(app.url("/"))
        .header("accept-language", "es-MX,es;q=0.9")
        .send()
        .await
        .unwrap();
    assert_eq!(lang_of(&res.text().await.unwrap()), "es");
    let html = app.page(&c, "/?lang=zh").await;
    assert_eq!(lang_of(&html), "zh");
    // The query set a cookie, which now wins over Accept-Language.
    let res = c
        .get(app.url("/"))
        .header("accept-language", "ru")
        .send()
        .await
        .unwrap();
    assert_eq!(lang_of(&res.text().await.unwrap()), "zh");
    // A signed-in person's preference wins over all of them.
    app.register("pref@example.org", "ru").await;
    app.sign_in(&c, "pref@example.org", PASSWORD).await;
    assert_eq!(lang_of(&app.page(&c, "/?lang=fr").await), "ru");
}

#[tokio::test]
async fn localized_error_pages_for_unknown_pages() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let res = reqwest::Client::new()
        .get(app.url("/no/such/page"))
        .header("accept-language", "fr")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    let html = res.text().await.unwrap();
    assert_eq!(text_of(&html, "h1").unwrap(), "Page introuvable");
    let res = reqwest::Client::new()
        .get(app.url("/no/such/page"))
        .header("accept-language", "ar")
        .send()
        .await
        .unwrap();
    assert!(res.text().await.unwrap().contains("dir=\"rtl\""));
}
