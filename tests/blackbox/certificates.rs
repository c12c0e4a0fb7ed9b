//! Certificates: earned in the step that completes a course and seen on the
//! next page; held until the address is confirmed; one certificate, one
//! number and one email however many requests complete at once, through
//! two processes; numbers that never repeat nor skip; the public page and
//! its JSON for anyone; revocation by administrators only.

use kuza_tests::*;
use reqwest::Method;
use serde_json::{Value, json};

/// A self-paced course of one required text lesson, in English, French
/// and Arabic.
async fn course(app: &TestApp, author: &str, slug: &str) -> PublishedCourse {
    let course = json!({
        "kuza_archive": 1, "slug": slug, "format": "self_paced", "level": "introductory",
        "estimated_hours": 3.0, "default_language": "en", "languages": ["en", "fr", "ar"],
        "themes": [],
        "title": {"en": "Urban resilience", "fr": "Résilience urbaine", "ar": "المرونة الحضرية"},
        "summary": {"en": "A course.", "fr": "Un cours.", "ar": "دورة."},
        "modules": [{"title": {"en": "One", "fr": "Un", "ar": "واحد"}, "lessons": [
            {"kind": "text", "required": true,
             "title": {"en": "Read", "fr": "Lire", "ar": "اقرأ"}}]}]
    });
    let files = json!({
        "lessons/01-01.en.md": "Text.", "lessons/01-01.fr.md": "Texte.", "lessons/01-01.ar.md": "نص."
    });
    PublishedCourse::from_document(app, author, course, files).await
}

/// Registers `email` in `language`, with the name `name`, and returns its
/// token.
async fn person(app: &TestApp, email: &str, language: &str, name: &str) -> String {
    let (status, body) = app
        .api(
            Method::POST,
            "/api/v1/auth/register",
            None,
            Some(
                json!({"email": email, "password": PASSWORD, "display_name": name,
                        "language": language, "country": "KE"}),
            ),
        )
        .await;
    assert_eq!(status, 202, "{body}");
    app.access_token(email).await
}

/// A database, the app on it, and the course of these tests.
async fn start() -> (TestDb, TestApp, PublishedCourse) {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let author = app.author_token(&db, "author@example.org").await;
    let c = course(&app, &author, "resilience").await;
    (db, app, c)
}

/// Someone with a confirmed address who completed the course, and their
/// token.
async fn graduate(app: &TestApp, c: &PublishedCourse, email: &str, name: &str) -> String {
    let token = person(app, email, "en", name).await;
    confirm_email(app, email).await;
    enrol(app, &token, c.id).await;
    complete(app, &token, &c.lessons[0]).await;
    token
}

async fn enrol(app: &TestApp, token: &str, course_id: i64) {
    let (status, e) = post(
        app,
        token,
        format!("/api/v1/courses/{course_id}/enrollments"),
        None,
    )
    .await;
    assert_eq!(status, 201, "{e}");
}

async fn complete(app: &TestApp, token: &str, key: &str) -> Value {
    let (status, step) = post(app, token, format!("/api/v1/lessons/{key}/complete"), None).await;
    assert_eq!(status, 200, "{step}");
    step
}

async fn my_certificates(app: &TestApp, token: &str) -> Vec<Value> {
    let (status, list) = app
        .api(Method::GET, "/api/v1/me/certificates", Some(token), None)
        .await;
    assert_eq!(status, 200, "{list}");
    list["items"].as_array().expect("items").clone()
}

fn is_number(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    parts.len() == 3
        && parts[0] == "KZ"
        && parts[1].len() == 4
        && parts[1].bytes().all(|b| b.is_ascii_digit())
        && parts[2].len() == 6
        && parts[2].bytes().all(|b| b.is_ascii_digit())
}

/// The step that completes the course gives the certificate: the next
/// page shows it (dashboard, course page, "My certificates"), anyone can
/// read its page and its JSON without an account, the learner is emailed
/// in their language, and the audit log has it.
#[tokio::test]
async fn completing_a_course_gives_its_certificate_on_the_very_next_page() {
    let (db, app, c) = start().await;
    person(&app, "amina@example.org", "fr", "Amina Diallo").await;
    confirm_email(&app, "amina@example.org").await;

    // Through the portal, as a learner would: enrol, open the lesson, mark
    // it complete, and follow where that leads.
    let b = browser();
    assert_eq!(
        app.sign_in(&b, "amina@example.org", PASSWORD)
            .await
            .status(),
        303
    );
    let res = app
        .submit(
            &b,
            &format!("/courses/{}", c.slug),
            &format!("/courses/{}/enrol", c.slug),
            &[],
        )
        .await;
    assert_eq!(res.status(), 303);
    let key = &c.lessons[0];
    let lesson = format!("/courses/{}/lessons/{key}", c.slug);
    let res = app
        .submit(&b, &lesson, &format!("{lesson}/complete"), &[])
        .await;
    assert_eq!(res.status(), 303);
    let next = app.page(&b, &location(&res)).await;
    assert!(next.contains("Certificat KZ-"), "{next}");

    let dashboard = app.page(&b, "/dashboard").await;
    assert!(dashboard.contains("Certificat KZ-"), "{dashboard}");
    let mine = app.page(&b, "/certificates").await;
    assert!(mine.contains("Résilience urbaine"), "{mine}");

    let token = app.access_token("amina@example.org").await;
    let list = my_certificates(&app, &token).await;
    assert_eq!(list.len(), 1, "{list:?}");
    let cert = &list[0];
    assert_eq!(cert["status"], "issued");
    assert_eq!(cert["kind"], "completion");
    assert_eq!(cert["name"], "Amina Diallo");
    assert_eq!(cert["duration_minutes"], 180);
    assert_eq!(cert["course_title"]["ar"], "المرونة الحضرية");
    assert_eq!(cert["languages"], json!(["en", "fr", "ar"]));
    assert_eq!(cert["revision"], 1);
    let number = cert["number"].as_str().expect("a number");
    assert!(is_number(number), "{number}");
    let public_id = cert["public_id"].as_str().expect("a public id");
    assert_eq!(public_id.len(), 22);
    assert!(
        !public_id.contains(&number[8..]),
        "the id is not the number"
    );
    let url = cert["url"].as_str().expect("its address");
    assert!(
        url.ends_with(&format!("/certificates/{public_id}")),
        "{url}"
    );

    // Anyone, without an account: the page (small, no script, in the
    // viewer's language) and the same as JSON.
    let res = reqwest::Client::new()
        .get(app.url(&format!("/certificates/{public_id}")))
        .header("accept-language", "ar")
        .send()
        .await
        .expect("the page");
    assert_eq!(res.status(), 200);
    let html = res.text().await.expect("a body");
    assert!(html.len() < 30 * 1024, "{} bytes", html.len());
    assert!(!html.contains("<script"), "no JavaScript");
    assert!(html.contains(r#"<html lang="ar" dir="rtl">"#));
    assert!(html.contains("المرونة الحضرية"));
    assert!(html.contains("Amina Diallo"));
    assert!(html.contains(number));
    assert!(html.contains("صالحة"), "valid, in Arabic");
    assert!(html.contains(r#"<meta name="robots" content="noindex">"#));
    let (status, public) = app
        .api(
            Method::GET,
            &format!("/api/v1/certificates/{public_id}"),
            None,
            None,
        )
        .await;
    assert_eq!(status, 200, "{public}");
    assert_eq!(&public, cert);

    // The email, in French, with the page's address.
    let msg = wait_for_message(&app, "amina@example.org", "certificates/").await;
    let parsed = mail_parser::MessageParser::default()
        .parse(&msg.raw)
        .expect("an email");
    assert_eq!(parsed.subject(), Some("Votre certificat est prêt"));
    let body = parsed.body_text(0).expect("a text part");
    assert!(body.contains(number) && body.contains(url), "{body}");
    assert!(body.contains("« Résilience urbaine »"), "{body}");

    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM audit_events WHERE action = 'certificate.issued'"
        )
        .await,
        1
    );
    // The job the completion wrote finds the certificate given, and adds
    // nothing; the rendering job stores the PDF in each of its languages.
    jobs_settled(&db).await;
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM jobs WHERE kind = 'certificate_render' AND status = 'done'"
        )
        .await,
        1
    );
    if certificate_fonts() {
        for lang in ["en", "fr", "ar"] {
            let key = format!("certificates/{public_id}/r1/{lang}.pdf");
            assert!(
                app.state.app.storage.exists(&key).await.expect("storage"),
                "{key}"
            );
        }
        assert_eq!(
            cert["pdf"]["ar"],
            format!("{url}.pdf?lang=ar").as_str(),
            "{cert}"
        );
        // Anyone downloads it in any of its languages; the viewer's by default.
        let res = reqwest::Client::new()
            .get(app.url(&format!("/certificates/{public_id}.pdf")))
            .header("accept-language", "fr")
            .send()
            .await
            .expect("the PDF");
        assert_eq!(res.status(), 200);
        assert_eq!(res.headers()["content-type"], "application/pdf");
        assert_eq!(
            res.headers()["content-disposition"],
            format!("inline; filename=\"{number}-fr.pdf\"").as_str()
        );
        let french = res.bytes().await.expect("a body");
        assert!(french.len() < 100 * 1024, "{} bytes", french.len());
        if let Some(text) = pdf_text(&french) {
            assert!(
                text.contains("Résilience urbaine") && text.contains("Amina Diallo"),
                "{text}"
            );
            assert!(
                text.contains(number) && text.contains("Terminé le "),
                "{text}"
            );
        }
        let arabic = app
            .get(&format!("/certificates/{public_id}.pdf?lang=ar"))
            .await
            .bytes()
            .await
            .expect("a body");
        if let Some(text) = pdf_text(&arabic) {
            assert!(text.contains("المرونة الحضرية"), "{text}");
        }
        assert_eq!(
            app.get(&format!("/certificates/{public_id}.pdf?lang=ru"))
                .await
                .status(),
            404,
            "a language the course was not published in"
        );
    }
    // The share panel, with LinkedIn for the learner only.
    let own = app.page(&b, &format!("/certificates/{public_id}")).await;
    assert!(
        own.contains(&format!("/certificates/{public_id}.pdf?lang=ar")),
        "{own}"
    );
    assert!(
        own.contains("https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME"),
        "{own}"
    );
    assert!(!html.contains("linkedin.com"), "not for others");
    assert_eq!(count(&db, "SELECT COUNT(*) FROM certificates").await, 1);
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM jobs WHERE kind = 'course_completed' AND status = 'done'"
        )
        .await,
        1
    );
}

/// Someone whose address is not confirmed earns the certificate, which
/// waits (told why, with the way to confirm) without a number and is not
/// public; confirming the address gives it, with its number and email.
#[tokio::test]
async fn a_certificate_waits_for_a_confirmed_address_and_comes_with_it() {
    let (_db, app, c) = start().await;
    let token = person(&app, "late@example.org", "en", "Late Confirmer").await;
    enrol(&app, &token, c.id).await;
    let step = complete(&app, &token, &c.lessons[0]).await;
    assert_eq!(step["course_completed"], true);

    let list = my_certificates(&app, &token).await;
    assert_eq!(list[0]["status"], "held");
    assert_eq!(list[0]["held_reason"], "email_unconfirmed");
    assert_eq!(list[0]["number"], Value::Null);
    let public_id = list[0]["public_id"].as_str().expect("an id").to_owned();
    let (status, _) = app
        .api(
            Method::GET,
            &format!("/api/v1/certificates/{public_id}"),
            None,
            None,
        )
        .await;
    assert_eq!(status, 404, "a held certificate is not public");
    assert_eq!(
        app.get(&format!("/certificates/{public_id}"))
            .await
            .status(),
        404
    );

    let b = browser();
    app.sign_in(&b, "late@example.org", PASSWORD).await;
    let page = app.page(&b, &format!("/courses/{}", c.slug)).await;
    assert!(
        page.contains("confirm your email address") && page.contains("/verify-email/resend"),
        "{page}"
    );

    confirm_email(&app, "late@example.org").await;
    let list = my_certificates(&app, &token).await;
    assert_eq!(list[0]["status"], "issued", "{list:?}");
    assert!(is_number(list[0]["number"].as_str().expect("a number")));
    assert_eq!(list[0]["public_id"], public_id.as_str(), "the same id");
    wait_for_mail(&app, "late@example.org", "certificates/").await;
    assert_eq!(
        app.get(&format!("/certificates/{public_id}"))
            .await
            .status(),
        200
    );
}

/// Sixteen requests completing the course at once, through two
/// processes: one certificate, one number, one email.
#[tokio::test]
async fn sixteen_completing_requests_at_once_give_one_certificate_one_number_one_email() {
    let db = TestDb::new().await;
    let a = TestApp::spawn(&db, Options::default()).await;
    let b = TestApp::spawn(&db, Options::default()).await;
    let author = a.author_token(&db, "author@example.org").await;
    let c = course(&a, &author, "resilience").await;
    let token = person(&a, "quick@example.org", "en", "Quick Clicker").await;
    confirm_email_in(&[&a, &b], "quick@example.org").await;
    enrol(&a, &token, c.id).await;
    let key = &c.lessons[0];
    let tasks: Vec<_> = (0..16)
        .map(|i| {
            let app = if i % 2 == 0 { &a } else { &b };
            post(app, &token, format!("/api/v1/lessons/{key}/complete"), None)
        })
        .collect();
    let results = futures_util::future::join_all(tasks).await;
    assert!(results.iter().all(|r| r.0 == 200), "{results:?}");
    assert_eq!(
        results
            .iter()
            .filter(|r| r.1["course_completed"] == true)
            .count(),
        1
    );
    assert_eq!(count(&db, "SELECT COUNT(*) FROM certificates").await, 1);
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM certificates WHERE number IS NOT NULL"
        )
        .await,
        1
    );
    assert_eq!(
        count(
            &db,
            "SELECT CAST(MAX(last) AS BIGINT) FROM certificate_counters"
        )
        .await,
        1
    );
    jobs_settled(&db).await;
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM jobs WHERE kind = 'email' AND dedupe_key LIKE 'certificate-issued:%'"
        )
        .await,
        1
    );
    assert_eq!(count(&db, "SELECT COUNT(*) FROM certificates").await, 1);
}

/// Twelve learners completing at once through two processes get twelve
/// numbers, 1 to 12: none repeated, none skipped.
#[tokio::test]
async fn numbers_never_repeat_nor_skip_when_many_complete_at_once() {
    let db = TestDb::new().await;
    let a = TestApp::spawn(&db, Options::default()).await;
    let b = TestApp::spawn(&db, Options::default()).await;
    let author = a.author_token(&db, "author@example.org").await;
    let c = course(&a, &author, "resilience").await;
    let mut tokens = vec![];
    for i in 0..12 {
        let email = format!("learner{i}@example.org");
        let token = person(&a, &email, "en", &format!("Learner {i}")).await;
        confirm_email_in(&[&a, &b], &email).await;
        enrol(&a, &token, c.id).await;
        tokens.push(token);
    }
    let key = &c.lessons[0];
    let tasks: Vec<_> = tokens
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let app = if i % 2 == 0 { &a } else { &b };
            post(app, t, format!("/api/v1/lessons/{key}/complete"), None)
        })
        .collect();
    let results = futures_util::future::join_all(tasks).await;
    assert!(results.iter().all(|r| r.0 == 200), "{results:?}");
    let mut serials = vec![];
    for t in &tokens {
        let list = my_certificates(&a, t).await;
        let number = list[0]["number"].as_str().expect("a number").to_owned();
        serials.push(number[8..].parse::<u32>().expect("a serial"));
    }
    serials.sort_unstable();
    assert_eq!(serials, (1..=12).collect::<Vec<u32>>());
}

/// Administrators revoke with a reason; the page and the JSON say so at
/// once, the learner is told, and nobody else may.
#[tokio::test]
async fn an_administrator_revokes_and_the_page_says_so() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let author = app.author_token(&db, "author@example.org").await;
    let admin = app.admin_token(&db, "admin@example.org").await;
    let c = course(&app, &author, "resilience").await;
    let token = graduate(&app, &c, "kim@example.org", "Kim Lee").await;
    let list = my_certificates(&app, &token).await;
    let public_id = list[0]["public_id"].as_str().expect("an id").to_owned();
    let revoke = format!("/api/v1/certificates/{public_id}/revoke");

    let (status, _) = app
        .api(
            Method::POST,
            &revoke,
            None,
            Some(json!({"reason": "Fraud"})),
        )
        .await;
    assert_eq!(status, 401);
    let (status, body) = app
        .api(
            Method::POST,
            &revoke,
            Some(&token),
            Some(json!({"reason": "Mine"})),
        )
        .await;
    assert_eq!(status, 403, "{body}");
    let (status, body) = app
        .api(
            Method::POST,
            &revoke,
            Some(&admin),
            Some(json!({"reason": "  "})),
        )
        .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["errors"][0]["field"], "reason", "{body}");
    let (status, body) = app
        .api(
            Method::POST,
            &revoke,
            Some(&admin),
            Some(json!({"reason": "x".repeat(1001)})),
        )
        .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM certificates WHERE status = 'revoked'"
        )
        .await,
        0,
        "nothing written by a refusal"
    );

    // Through the portal, as an administrator would.
    let b = browser();
    app.sign_in(&b, "admin@example.org", PASSWORD).await;
    let page = app.page(&b, &format!("/certificates/{public_id}")).await;
    assert!(page.contains("Revoke this certificate"), "{page}");
    let res = app
        .submit(
            &b,
            &format!("/certificates/{public_id}"),
            &format!("/certificates/{public_id}/revoke"),
            &[("reason", "Issued in error: the course was not completed.")],
        )
        .await;
    assert_eq!(res.status(), 303);
    let page = app.page(&b, &location(&res)).await;
    assert!(page.contains("The certificate is revoked."), "{page}");

    let public = app
        .get(&format!("/certificates/{public_id}"))
        .await
        .text()
        .await
        .expect("the page");
    assert!(public.contains("Revoked on"), "{public}");
    assert!(public.contains("Issued in error: the course was not completed."));
    assert!(!public.contains("Revoke this certificate"));
    let res = app.get(&format!("/certificates/{public_id}.pdf")).await;
    assert_eq!(res.status(), 410, "a revoked certificate's PDF is gone");
    let gone = res.text().await.expect("a page");
    assert!(gone.contains("its PDF is no longer given"), "{gone}");
    let (_, json) = app
        .api(
            Method::GET,
            &format!("/api/v1/certificates/{public_id}"),
            None,
            None,
        )
        .await;
    assert_eq!(json["status"], "revoked");
    assert_eq!(
        json["revoked_reason"],
        "Issued in error: the course was not completed."
    );
    let (status, body) = app
        .api(
            Method::POST,
            &revoke,
            Some(&admin),
            Some(json!({"reason": "Again"})),
        )
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (409, Some("already_revoked"))
    );
    wait_for_mail(&app, "kim@example.org", "revoked").await;
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM audit_events WHERE action = 'certificate.revoked'"
        )
        .await,
        1
    );
}

/// Unknown, malformed and altered public ids are not found, as a page and
/// as a problem document, and a name's markup and direction controls do
/// nothing to the page.
#[tokio::test]
async fn bad_ids_are_not_found_and_names_stay_text() {
    let (_db, app, c) = start().await;
    let name = "<b>{{ site }}</b>\u{202E} أمينة Amina";
    let token = graduate(&app, &c, "odd@example.org", name).await;
    let list = my_certificates(&app, &token).await;
    assert_eq!(list[0]["name"], "<b>{{ site }}</b> أمينة Amina");
    let public_id = list[0]["public_id"].as_str().expect("an id").to_owned();
    let html = app
        .get(&format!("/certificates/{public_id}"))
        .await
        .text()
        .await
        .expect("the page");
    assert!(
        html.contains("<bdi>&lt;b&gt;{{ site }}&lt;/b&gt; أمينة Amina</bdi>"),
        "{html}"
    );
    assert!(!html.contains('\u{202E}'));

    let mut altered = public_id.clone();
    altered.replace_range(0..1, if public_id.starts_with('A') { "B" } else { "A" });
    for id in [
        altered.as_str(),
        "not-an-id",
        "..%2F..%2Fetc",
        &"A".repeat(200),
    ] {
        let res = app.get(&format!("/certificates/{id}")).await;
        assert_eq!(res.status(), 404, "{id}");
        let (status, body) = app
            .api(
                Method::GET,
                &format!("/api/v1/certificates/{id}"),
                None,
                None,
            )
            .await;
        assert_eq!(
            (status, body["code"].as_str()),
            (404, Some("not_found")),
            "{id}"
        );
    }
}

/// A completion whose certificate the step did not write (one from before
/// certificates existed) gets it from its `course_completed` job.
#[tokio::test]
async fn the_completion_job_gives_a_certificate_the_step_did_not() {
    let (db, app, c) = start().await;
    let token = graduate(&app, &c, "early@example.org", "Early Bird").await;
    jobs_settled(&db).await;
    // As if the completion predated certificates: no certificate, and its
    // job still to run.
    let conn = db.connect().await;
    use sea_orm::ConnectionTrait;
    conn.execute_unprepared("DELETE FROM certificates")
        .await
        .expect("delete");
    conn.execute_unprepared(
        "UPDATE jobs SET status = 'pending', finished_at = NULL WHERE kind = 'course_completed'",
    )
    .await
    .expect("requeue");
    jobs_settled(&db).await;
    let list = my_certificates(&app, &token).await;
    assert_eq!(list.len(), 1, "{list:?}");
    assert_eq!(list[0]["status"], "issued");
    assert_eq!(list[0]["name"], "Early Bird");
}

/// The instance's key from its DID document, by verification method.
async fn did_key(app: &TestApp, method: &str) -> kuza_credentials::VerifyingKey {
    let (status, did) = app
        .api(Method::GET, "/.well-known/did.json", None, None)
        .await;
    assert_eq!(status, 200, "{did}");
    let vm = did["verificationMethod"]
        .as_array()
        .expect("methods")
        .iter()
        .find(|m| m["id"] == method)
        .unwrap_or_else(|| panic!("{method} in {did}"));
    assert_eq!(vm["type"], "Multikey");
    assert_eq!(vm["controller"], did["id"]);
    assert!(
        did["assertionMethod"]
            .as_array()
            .expect("assertion methods")
            .contains(&json!(method))
    );
    kuza_credentials::parse_multibase(vm["publicKeyMultibase"].as_str().expect("a key"))
        .expect("an Ed25519 Multikey")
}

async fn get_json(app: &TestApp, path: &str) -> Value {
    let (status, v) = app.api(Method::GET, path, None, None).await;
    assert_eq!(status, 200, "{path}: {v}");
    v
}

/// Each certificate is an Open Badges 3.0 credential signed by the
/// instance's did:web key, also carried inside its PDF; revoking flips its
/// bit in the signed status list at once; a tampered credential fails;
/// after a key rotation old credentials still verify and new ones use the
/// new key.
#[tokio::test]
async fn the_credential_is_signed_carried_by_the_pdf_and_revocable() {
    let (db, app, c) = start().await;
    let admin = app.admin_token(&db, "admin@example.org").await;
    let token = graduate(&app, &c, "cred@example.org", "Amina Diallo").await;
    let list = my_certificates(&app, &token).await;
    let public_id = list[0]["public_id"].as_str().expect("an id").to_owned();
    let url = list[0]["credential"]
        .as_str()
        .expect("its credential")
        .to_owned();
    assert!(url.ends_with(&format!("/certificates/{public_id}/credential.json")));

    let credential = get_json(&app, &format!("/certificates/{public_id}/credential.json")).await;
    assert_eq!(
        credential["type"],
        json!(["VerifiableCredential", "OpenBadgeCredential"])
    );
    let did = credential["issuer"]["id"]
        .as_str()
        .expect("an issuer")
        .to_owned();
    // The tests' site is http://kuza.test (its base_url).
    assert_eq!(did, "did:web:kuza.test");
    assert_eq!(
        credential["credentialSubject"]["identifier"][0]["identityHash"],
        "Amina Diallo"
    );
    assert_eq!(
        credential["credentialSubject"]["achievement"]["name"],
        "Urban resilience"
    );
    let proof = &credential["proof"];
    assert!(proof.is_array(), "the proof is an array: {proof}");
    assert_eq!(proof[0]["cryptosuite"], "eddsa-rdfc-2022");
    let method = proof[0]["verificationMethod"]
        .as_str()
        .expect("a method")
        .to_owned();
    assert_eq!(method, format!("{did}#key-1"));
    let key = did_key(&app, &method).await;
    kuza_credentials::verify(&credential, &key).expect("the credential verifies");
    // Signed once: asked again, the same.
    assert_eq!(
        get_json(&app, &format!("/certificates/{public_id}/credential.json")).await,
        credential
    );
    let mut tampered = credential.clone();
    tampered["credentialSubject"]["identifier"][0]["identityHash"] = json!("Mallory");
    assert!(kuza_credentials::verify(&tampered, &key).is_err());

    if certificate_fonts() {
        // The PDF carries the same credential.
        jobs_settled(&db).await;
        let pdf = app
            .get(&format!("/certificates/{public_id}.pdf?lang=en"))
            .await
            .bytes()
            .await
            .expect("the PDF");
        if let Some(attached) = pdf_attachment(&pdf) {
            let attached: Value = serde_json::from_slice(&attached).expect("JSON");
            assert_eq!(attached, credential);
        }
    }
    // Its status: index and list, clear, then set once revoked.
    let status = &credential["credentialStatus"];
    assert_eq!(status["type"], "BitstringStatusListEntry");
    assert_eq!(status["statusPurpose"], "revocation");
    let index: usize = status["statusListIndex"]
        .as_str()
        .expect("an index")
        .parse()
        .expect("a number");
    let list_path = status["statusListCredential"]
        .as_str()
        .expect("a list")
        .strip_prefix("http://kuza.test")
        .expect("a list of this site")
        .to_owned();
    let bit = |list: &Value| {
        kuza_credentials::bit(
            list["credentialSubject"]["encodedList"]
                .as_str()
                .expect("an encoded list"),
            index,
        )
    };
    let before = get_json(&app, &list_path).await;
    assert_eq!(bit(&before), Some(false));
    kuza_credentials::verify(&before, &key).expect("the status list verifies");
    let (status, body) = app
        .api(
            Method::POST,
            &format!("/api/v1/certificates/{public_id}/revoke"),
            Some(&admin),
            Some(json!({"reason": "Issued in error"})),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let after = get_json(&app, &list_path).await;
    assert_eq!(bit(&after), Some(true), "revoked at once");
    kuza_credentials::verify(&after, &key).expect("the status list verifies");

    // A rotation: the old key stays listed, new credentials use the new one.
    let (status, rotated) = post(&app, &admin, "/api/v1/credentials/keys/rotate", None).await;
    assert_eq!(status, 200, "{rotated}");
    assert_eq!(
        rotated["verification_method"],
        format!("{did}#key-2").as_str()
    );
    let old = did_key(&app, &method).await;
    kuza_credentials::verify(&credential, &old).expect("old credentials keep verifying");
    let token = graduate(&app, &c, "later@example.org", "Later Learner").await;
    let later = my_certificates(&app, &token).await;
    let id = later[0]["public_id"].as_str().expect("an id");
    let newer = get_json(&app, &format!("/certificates/{id}/credential.json")).await;
    let newer_method = newer["proof"][0]["verificationMethod"]
        .as_str()
        .expect("a method");
    assert_eq!(newer_method, format!("{did}#key-2"));
    kuza_credentials::verify(&newer, &did_key(&app, newer_method).await).expect("verifies");
    let (status, _) = post(&app, &token, "/api/v1/credentials/keys/rotate", None).await;
    assert_eq!(status, 403, "administrators only");
}

/// The first file a PDF carries, as poppler's pdfdetach saves it (`None`
/// outside CI without poppler-utils).
fn pdf_attachment(pdf: &[u8]) -> Option<Vec<u8>> {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("c.pdf");
    let out = dir.path().join("attached");
    std::fs::write(&path, pdf).expect("written");
    match std::process::Command::new("pdfdetach")
        .args(["-save", "1", "-o"])
        .arg(&out)
        .arg(&path)
        .status()
    {
        Ok(s) => {
            assert!(s.success(), "pdfdetach");
            Some(std::fs::read(&out).expect("the attachment"))
        }
        Err(_) if std::env::var("CI").is_err() => None,
        Err(e) => panic!("CI needs poppler-utils: {e}"),
    }
}

/// Administrators issue by hand (with a reason, once), correct a name (the
/// same number, a new revision, its PDF and credential made again), list
/// and export; employers find a certificate by its number, within a limit.
#[tokio::test]
async fn administrators_issue_by_hand_correct_list_and_export_and_anyone_verifies_a_number() {
    let (db, app, c) = start().await;
    let admin = app.admin_token(&db, "admin@example.org").await;
    let token = person(&app, "elsewhere@example.org", "en", "Nadia Haddad").await;
    confirm_email(&app, "elsewhere@example.org").await;
    enrol(&app, &token, c.id).await;
    let (_, mine) = app
        .api(Method::GET, "/api/v1/me/enrollments", Some(&token), None)
        .await;
    let enrollment = mine["items"][0]["id"].as_i64().expect("an enrolment");
    let by_hand = format!("/api/v1/enrollments/{enrollment}/certificate");
    let (status, body) = post(&app, &admin, &by_hand, Some(json!({"reason": ""}))).await;
    assert_eq!(status, 422, "{body}");
    let (status, body) = post(&app, &token, &by_hand, Some(json!({"reason": "x"}))).await;
    assert_eq!(status, 403, "{body}");
    let (status, cert) = post(
        &app,
        &admin,
        &by_hand,
        Some(json!({"reason": "Completed the face-to-face edition in Nairobi"})),
    )
    .await;
    assert_eq!(status, 201, "{cert}");
    assert_eq!(cert["status"], "issued");
    assert_eq!(cert["name"], "Nadia Haddad");
    let number = cert["number"].as_str().expect("a number").to_owned();
    let public_id = cert["public_id"].as_str().expect("an id").to_owned();
    let (status, again) = post(&app, &admin, &by_hand, Some(json!({"reason": "twice"}))).await;
    assert_eq!(
        (status, again["code"].as_str()),
        (409, Some("already_certified"))
    );
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM audit_events WHERE action = 'certificate.issued_by_hand' AND details LIKE '%Nairobi%'"
        )
        .await,
        1
    );

    // A correction: same number, revision 2, signed and rendered again.
    jobs_settled(&db).await;
    let old = get_json(&app, &format!("/certificates/{public_id}/credential.json")).await;
    let (status, fixed) = app
        .api(
            Method::PUT,
            &format!("/api/v1/certificates/{public_id}/name"),
            Some(&admin),
            Some(json!({"name": "Nadia Al-Haddad"})),
        )
        .await;
    assert_eq!(status, 200, "{fixed}");
    assert_eq!(
        (fixed["number"].as_str(), fixed["revision"].as_i64()),
        (Some(number.as_str()), Some(2))
    );
    let (status, body) = app
        .api(
            Method::PUT,
            &format!("/api/v1/certificates/{public_id}/name"),
            Some(&admin),
            Some(json!({"name": "\u{202E}"})),
        )
        .await;
    assert_eq!(status, 422, "{body}");
    jobs_settled(&db).await;
    if certificate_fonts() {
        let storage = &app.state.app.storage;
        assert!(
            storage
                .exists(&format!("certificates/{public_id}/r2/en.pdf"))
                .await
                .expect("storage")
        );
    }
    let new = get_json(&app, &format!("/certificates/{public_id}/credential.json")).await;
    assert_eq!(
        new["credentialSubject"]["identifier"][0]["identityHash"],
        "Nadia Al-Haddad"
    );
    assert_ne!(new["proof"], old["proof"]);
    if certificate_fonts()
        && let Some(text) = pdf_text(
            &app.get(&format!("/certificates/{public_id}.pdf?lang=en"))
                .await
                .bytes()
                .await
                .expect("the PDF"),
        )
    {
        assert!(text.contains("Nadia Al-Haddad"), "{text}");
    }
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM audit_events WHERE action = 'certificate.revised'"
        )
        .await,
        1
    );

    // The list, filtered, and its CSV.
    graduate(&app, &c, "second@example.org", "=HYPERLINK(\"x\")").await;
    let (status, list) = app
        .api(
            Method::GET,
            &format!("/api/v1/certificates?course_id={}&status=issued", c.id),
            Some(&admin),
            None,
        )
        .await;
    assert_eq!(status, 200, "{list}");
    assert_eq!(list["total"], 2);
    let (status, body) = app
        .api(
            Method::GET,
            "/api/v1/certificates?status=lost",
            Some(&admin),
            None,
        )
        .await;
    assert_eq!((status, body["code"].as_str()), (400, Some("bad_query")));
    let res = reqwest::Client::new()
        .get(app.url("/api/v1/certificates.csv?status=issued"))
        .bearer_auth(&admin)
        .send()
        .await
        .expect("the CSV");
    assert_eq!(res.status(), 200);
    let csv = res.text().await.expect("text");
    assert!(csv.starts_with("\u{feff}number,status,name"), "{csv}");
    assert!(csv.contains("\"Nadia Al-Haddad\""), "{csv}");
    assert!(
        csv.contains("\"'=HYPERLINK(\"\"x\"\")\""),
        "formula-safe: {csv}"
    );
    assert_eq!(csv.lines().count(), 3);

    // Anyone finds a certificate by its number, typed as people type.
    let b = browser();
    let res = b
        .get(app.url(&format!("/verify?number={}", number.to_lowercase())))
        .send()
        .await
        .expect("verify");
    assert_eq!(res.status(), 303);
    assert_eq!(location(&res), format!("/certificates/{public_id}"));
    let res = b
        .get(app.url("/verify?number=KZ-1999-000001"))
        .send()
        .await
        .expect("verify");
    assert_eq!(res.status(), 404);
    assert!(
        res.text()
            .await
            .expect("a page")
            .contains("No certificate has the number KZ-1999-000001")
    );
    for _ in 0..28 {
        b.get(app.url("/verify?number=nonsense"))
            .send()
            .await
            .expect("verify");
    }
    let res = b
        .get(app.url(&format!("/verify?number={number}")))
        .send()
        .await
        .expect("verify");
    assert_eq!(
        res.status(),
        429,
        "past the limit, even a right number waits"
    );
}

/// A course can hold its certificates until the final score reaches a
/// minimum: a pass below it waits (and says so); a better attempt releases
/// it; lowering the minimum releases those it held, and issuing by hand
/// passes over it.
#[tokio::test]
async fn a_minimum_final_score_holds_certificates_until_it_is_reached_or_lowered() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let author = app.author_token(&db, "author@example.org").await;
    let c =
        PublishedCourse::with_quiz(&app, &author, "scored", "self_paced", quiz(None, None)).await;
    let settings = |min: Option<i32>| json!({"enrolment": "open", "grade_policy": "best", "certificate_min_score": min});
    let path = format!("/api/v1/courses/{}/enrolment", c.id);
    let (status, body) = app
        .api(Method::PUT, &path, Some(&author), Some(settings(Some(101))))
        .await;
    assert_eq!(status, 422, "{body}");
    let (status, body) = app
        .api(Method::PUT, &path, Some(&author), Some(settings(Some(90))))
        .await;
    assert_eq!((status, &body["certificate_min_score"]), (200, &json!(90)));

    // Five points of six (83 %): the quiz is passed (60 %), the course
    // completed, the certificate held.
    let (q, o) = quiz_keys(&c.doc);
    let five = json!({"answers": {&q[0]: o[0][1], &q[1]: [o[1][1], o[1][0]], &q[2]: true,
                                  &q[3]: "3,5", &q[4]: "wrong"}});
    let learn = |email: &'static str| {
        let app = &app;
        let c = &c;
        let five = five.clone();
        async move {
            let token = person(app, email, "en", "Scored Learner").await;
            confirm_email(app, email).await;
            enrol(app, &token, c.id).await;
            for key in [&c.lessons[0], &c.lessons[1], &c.lessons[2]] {
                complete(app, &token, key).await;
            }
            let (status, a) = post(
                app,
                &token,
                format!("/api/v1/quizzes/{}/attempts", c.lessons[3]),
                None,
            )
            .await;
            assert_eq!(status, 201, "{a}");
            let (status, done) = post(
                app,
                &token,
                format!("/api/v1/attempts/{}/submit", a["id"]),
                Some(five),
            )
            .await;
            assert_eq!((status, &done["passed"]), (200, &json!(true)), "{done}");
            token
        }
    };
    let first = learn("first@example.org").await;
    let second = learn("second@example.org").await;
    for token in [&first, &second] {
        let list = my_certificates(&app, token).await;
        assert_eq!(list[0]["status"], "held", "{list:?}");
        assert_eq!(list[0]["held_reason"], "score_below_minimum");
        assert_eq!(list[0]["final_score"], 83);
        assert_eq!(list[0]["number"], Value::Null);
    }
    let b = browser();
    app.sign_in(&b, "first@example.org", PASSWORD).await;
    let page = app.page(&b, "/certificates").await;
    assert!(
        page.contains("final score reaches the course&#39;s minimum (it is 83%)"),
        "{page}"
    );

    // The first retakes the quiz with every point: released.
    let (_, a) = post(
        &app,
        &first,
        format!("/api/v1/quizzes/{}/attempts", c.lessons[3]),
        None,
    )
    .await;
    let (status, done) = post(
        &app,
        &first,
        format!("/api/v1/attempts/{}/submit", a["id"]),
        Some(quiz_answers(&c.doc, true)),
    )
    .await;
    assert_eq!(status, 200, "{done}");
    let list = my_certificates(&app, &first).await;
    assert_eq!(
        (list[0]["status"].as_str(), list[0]["final_score"].as_i64()),
        (Some("issued"), Some(100))
    );

    // The minimum lowered to 80: the second is released too.
    let (status, _) = app
        .api(Method::PUT, &path, Some(&author), Some(settings(Some(80))))
        .await;
    assert_eq!(status, 200);
    let list = my_certificates(&app, &second).await;
    assert_eq!(list[0]["status"], "issued", "{list:?}");
    assert!(is_number(list[0]["number"].as_str().expect("a number")));
    jobs_settled(&db).await;
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM jobs WHERE kind = 'email' AND dedupe_key LIKE 'certificate-issued:%'"
        )
        .await,
        2
    );
}

/// A blended course whose cohorts' certificates wait for the
/// end-of-training report: attendance completes the course, the
/// certificates wait (the coordinator sees them with why), the report is
/// filed through the portal, cannot be validated by its coordinator, and
/// its validation by an administrator issues them all at once.
#[tokio::test]
async fn a_cohort_s_certificates_wait_for_its_validated_end_of_training_report() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let author = app.author_token(&db, "coordinator@example.org").await;
    let admin = app.admin_token(&db, "admin@example.org").await;
    let c = PublishedCourse::with_live_session(&app, &author, "planning").await;
    let (status, body) = app
        .api(
            Method::PUT,
            &format!("/api/v1/courses/{}/enrolment", c.id),
            Some(&author),
            Some(json!({"enrolment": "open", "grade_policy": "best", "certificate_needs_report": true})),
        )
        .await;
    assert_eq!(
        (status, &body["certificate_needs_report"]),
        (200, &json!(true)),
        "{body}"
    );
    let k = Cohort::new(&app, &author, c.id, 10).await;
    let session = k
        .session(
            &app,
            &author,
            json!({"title": "Workshop", "starts_at": in_days(-2), "ends_at": in_days(-1),
                   "time_zone": "UTC", "venue": "Hall", "lesson_key": c.lessons[1]}),
        )
        .await;
    let mut records = vec![];
    let mut tokens = vec![];
    for i in 0..3 {
        let email = format!("participant{i}@example.org");
        let token = person(&app, &email, "en", &format!("Participant {i}")).await;
        confirm_email(&app, &email).await;
        let (status, e) = post(
            &app,
            &token,
            format!("/api/v1/courses/{}/enrollments", c.id),
            Some(json!({"cohort_id": k.id})),
        )
        .await;
        assert_eq!(status, 201, "{e}");
        complete(&app, &token, &c.lessons[0]).await;
        records.push(json!({"enrollment_id": e["id"], "status": "present"}));
        tokens.push(token);
    }
    let (status, body) = app
        .api(
            Method::PUT,
            &format!("/api/v1/sessions/{}/attendance", session["id"]),
            Some(&author),
            Some(json!({"records": records})),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    for t in &tokens {
        let list = my_certificates(&app, t).await;
        assert_eq!(list[0]["held_reason"], "report_pending", "{list:?}");
        assert_eq!(list[0]["kind"], "completion");
    }

    // The coordinator sees who waits and why, and files the report.
    let report = format!("/api/v1/cohorts/{}/report", k.id);
    let (status, state) = app.api(Method::GET, &report, Some(&author), None).await;
    assert_eq!(status, 200, "{state}");
    assert_eq!(state["report"], Value::Null);
    assert_eq!(state["held"].as_array().map(Vec::len), Some(3));
    assert_eq!(state["held"][0]["reason"], "report_pending");
    let validate = format!("/api/v1/cohorts/{}/report/validate", k.id);
    let (status, body) = post(&app, &admin, &validate, None).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (409, Some("report_not_filed"))
    );
    let b = browser();
    app.sign_in(&b, "coordinator@example.org", PASSWORD).await;
    let page = app.page(&b, &format!("/cohorts/{}/report", k.id)).await;
    assert!(
        page.contains("Participant 0") && page.contains("waiting for the end-of-training report"),
        "{page}"
    );
    let res = app
        .submit(
            &b,
            &format!("/cohorts/{}/report", k.id),
            &format!("/cohorts/{}/report", k.id),
            &[
                ("starts_on", "2026-11-01"),
                ("ends_on", "2026-10-01"),
                ("facilitators", "Ana"),
                ("participants", "3"),
                ("attendance", "All three attended."),
                ("outcomes", "Plans"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422, "an end before the start");
    let res = app
        .submit(
            &b,
            &format!("/cohorts/{}/report", k.id),
            &format!("/cohorts/{}/report", k.id),
            &[
                ("starts_on", "2026-11-01"),
                ("ends_on", "2026-11-20"),
                ("facilitators", "Ana Ruiz"),
                ("participants", "3"),
                ("attendance", "All three attended the workshop."),
                ("outcomes", "Three neighbourhood plans drafted."),
                ("remarks", ""),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    for t in &tokens {
        assert_eq!(
            my_certificates(&app, t).await[0]["status"],
            "held",
            "filed is not enough"
        );
    }
    let (status, _) = post(&app, &author, &validate, None).await;
    assert_eq!(
        status, 403,
        "the coordinator does not validate their own report"
    );

    // An administrator validates: every certificate is issued at once.
    let (status, done) = post(&app, &admin, &validate, None).await;
    assert_eq!(status, 200, "{done}");
    assert_eq!(done["certificates_released"], 3);
    assert!(done["report"]["validated_at"].is_string());
    let mut numbers = vec![];
    for t in &tokens {
        let list = my_certificates(&app, t).await;
        assert_eq!(list[0]["status"], "issued");
        numbers.push(list[0]["number"].as_str().expect("a number").to_owned());
    }
    numbers.sort();
    numbers.dedup();
    assert_eq!(numbers.len(), 3);
    let (status, body) = app
        .api(
            Method::PUT,
            &report,
            Some(&author),
            Some(json!({"starts_at": "2026-11-01T00:00:00Z", "ends_at": "2026-11-20T00:00:00Z",
                        "facilitators": "Changed", "participants": 3, "attendance": "A", "outcomes": "O"})),
        )
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (409, Some("report_validated"))
    );
    let (status, again) = post(&app, &admin, &validate, None).await;
    assert_eq!((status, &again["certificates_released"]), (200, &json!(0)));
}

/// Authors preview their course's certificate in each of its languages,
/// with a name in that language's script; nothing is stored or numbered.
#[tokio::test]
async fn authors_preview_the_certificate_in_each_language() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let author = app.author_token(&db, "author@example.org").await;
    let c = course(&app, &author, "resilience").await;
    let b = browser();
    app.sign_in(&b, "author@example.org", PASSWORD).await;
    let studio = app.page(&b, &format!("/studio/courses/{}", c.id)).await;
    assert!(
        studio.contains(&format!("/studio/courses/{}/certificate.pdf?lang=ar", c.id)),
        "{studio}"
    );
    if certificate_fonts() {
        // Each language's own sample name, then names in other scripts on
        // the same certificate (an Arabic name in French, a Chinese one in
        // Arabic).
        for (lang, title, name, query) in [
            ("ar", "المرونة الحضرية", "أمينة ديالو", ""),
            ("fr", "Résilience urbaine", "Amélie Ngoma-Dubois", ""),
            ("fr", "Résilience urbaine", "أمينة ديالو", "&name=ar"),
            ("ar", "المرونة الحضرية", "王芳", "&name=zh"),
        ] {
            let res = b
                .get(app.url(&format!(
                    "/studio/courses/{}/certificate.pdf?lang={lang}{query}",
                    c.id
                )))
                .send()
                .await
                .expect("the preview");
            assert_eq!(res.status(), 200, "{lang}");
            assert_eq!(res.headers()["content-type"], "application/pdf");
            let pdf = res.bytes().await.expect("a body");
            if let Some(text) = pdf_text(&pdf) {
                assert!(text.contains(title), "{lang}: {text}");
                assert!(
                    text.contains(name) || text.contains(&name.chars().rev().collect::<String>()),
                    "{lang}: {text}"
                );
            }
        }
    }
    let res = b
        .get(app.url(&format!("/studio/courses/{}/certificate.pdf?lang=ru", c.id)))
        .send()
        .await
        .expect("the preview");
    assert_eq!(res.status(), 404, "not one of the course's languages");
    assert_eq!(count(&db, "SELECT COUNT(*) FROM certificates").await, 0);
    assert_eq!(
        count(
            &db,
            "SELECT CAST(COALESCE(MAX(last), 0) AS BIGINT) FROM certificate_counters"
        )
        .await,
        0
    );
}

/// A rendering job whose worker died (claimed, its lease passed, its PDFs
/// not all stored) is taken over by a live worker, which stores every
/// language whole; nothing is rendered twice that was already stored.
#[tokio::test]
async fn a_rendering_job_left_by_a_dead_worker_is_finished_by_another() {
    let (db, app, c) = start().await;
    if !certificate_fonts() {
        return;
    }
    let token = graduate(&app, &c, "taken@example.org", "Taken Over").await;
    jobs_settled(&db).await;
    let list = my_certificates(&app, &token).await;
    let public_id = list[0]["public_id"].as_str().expect("an id").to_owned();
    let storage = &app.state.app.storage;
    let key = |lang: &str| format!("certificates/{public_id}/r1/{lang}.pdf");
    // As a worker killed after storing English would leave it: French and
    // Arabic missing, the job claimed by it, its lease over.
    storage.delete(&key("fr")).await.expect("delete");
    storage.delete(&key("ar")).await.expect("delete");
    let english = storage.get_bytes(&key("en")).await.expect("read");
    let conn = db.connect().await;
    use sea_orm::ConnectionTrait;
    conn.execute_unprepared(
        "UPDATE jobs SET status = 'pending', locked_by = 'dead-worker', locked_until = 1, \
         finished_at = NULL WHERE kind = 'certificate_render'",
    )
    .await
    .expect("the dead worker's claim");
    jobs_settled(&db).await;
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM jobs WHERE kind = 'certificate_render' AND status = 'done' AND attempts = 2"
        )
        .await,
        1,
        "claimed again and done"
    );
    for lang in ["en", "fr", "ar"] {
        let pdf = storage
            .get_bytes(&key(lang))
            .await
            .expect("read")
            .unwrap_or_else(|| panic!("{lang} stored"));
        assert!(
            pdf.starts_with(b"%PDF-") && pdf.trim_ascii_end().ends_with(b"%%EOF"),
            "{lang}: whole"
        );
    }
    assert_eq!(
        storage.get_bytes(&key("en")).await.expect("read"),
        english,
        "kept, not rendered again"
    );
}
