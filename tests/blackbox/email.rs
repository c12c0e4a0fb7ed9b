use kuza_tests::*;
use std::time::Duration;

#[tokio::test]
async fn an_smtp_outage_delays_the_email_and_it_then_arrives_exactly_once() {
    let db = TestDb::new().await;
    let port = free_port();
    // Nothing listens on the SMTP port yet: the first attempts fail.
    let app = TestApp::spawn(
        &db,
        Options {
            smtp_url: Some(format!("smtp://127.0.0.1:{port}")),
            ..Default::default()
        },
    )
    .await;
    app.register("outage@example.org", "en").await;
    let conn = db.connect().await;
    for _ in 0..400 {
        let jobs = kuza_db::entities::job::Entity::find()
            .all(&conn)
            .await
            .unwrap();
        // Claiming counts the attempt; wait for the attempt to have failed.
        if jobs.first().is_some_and(|j| j.last_error.is_some()) {
            break;
        }
        // Waiting for the failed attempt: the loop ends when it is recorded.
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let job = kuza_db::entities::job::Entity::find()
        .one(&conn)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(job.status, "pending", "a failed send is kept for retry");
    assert!(job.attempts >= 1 && job.last_error.is_some(), "{job:?}");

    // The server comes back; make the retry due now instead of after the backoff.
    let smtp = Smtp::start_on(port).await;
    use sea_orm::{ConnectionTrait, EntityTrait, Statement};
    conn.execute(Statement::from_string(
        conn.get_database_backend(),
        "UPDATE jobs SET run_at = 0",
    ))
    .await
    .unwrap();
    let got = smtp.wait_for("outage@example.org", 1).await;
    assert_eq!(got[0].subject(), "Confirm your email address");
    // No job left to run: no further email can come.
    jobs_settled(&db).await;
    assert_eq!(
        smtp.to("outage@example.org").len(),
        1,
        "delivered exactly once"
    );
    let job = kuza_db::entities::job::Entity::find()
        .one(&conn)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(job.status, "done");
}

#[tokio::test]
async fn two_server_processes_share_the_outbox_and_send_each_email_once() {
    let db = TestDb::new().await;
    let smtp = Smtp::start().await;
    let opts = || Options {
        smtp_url: Some(smtp.url()),
        ..Default::default()
    };
    let a = TestApp::spawn(&db, opts()).await;
    let b = TestApp::spawn(&db, opts()).await;
    let mut regs = vec![];
    for i in 0..20 {
        let url = if i % 2 == 0 {
            a.url("/api/v1/auth/register")
        } else {
            b.url("/api/v1/auth/register")
        };
        regs.push(tokio::spawn(async move {
            reqwest::Client::new()
                .post(url)
                .json(&serde_json::json!({"email": format!("p{i}@example.org"), "password": PASSWORD, "display_name": "P", "language": "en", "country": "KE"}))
                .send()
                .await
                .unwrap()
                .status()
        }));
    }
    for r in regs {
        assert_eq!(r.await.unwrap(), 202);
    }
    for i in 0..20 {
        smtp.wait_for(&format!("p{i}@example.org"), 1).await;
    }
    // No job left to run on either process: no further email can come.
    jobs_settled(&db).await;
    assert_eq!(smtp.messages().len(), 20, "every email exactly once");
}

#[tokio::test]
async fn without_smtp_emails_are_written_as_eml_files() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    app.register("files@example.org", "es").await;
    let dir = app.data_dir.path().join("mail");
    for _ in 0..400 {
        if std::fs::read_dir(&dir).map(|d| d.count()).unwrap_or(0) > 0 {
            break;
        }
        // Waiting for the file: the loop ends when it is written.
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let file = std::fs::read_dir(&dir)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    assert_eq!(file.extension().unwrap(), "eml");
    let raw = std::fs::read(&file).unwrap();
    let msg = mail_parser::MessageParser::default().parse(&raw).unwrap();
    assert_eq!(
        msg.subject().unwrap(),
        "Confirme su dirección de correo electrónico"
    );
    assert!(
        msg.body_text(0)
            .unwrap()
            .contains("http://kuza.test/verify-email?token=")
    );
}

/// A sign-up with an address that has an account answers exactly as one
/// with a new address; the owner is told by email (at most once an hour),
/// the account is unchanged, and nothing else is written.
#[tokio::test]
async fn a_sign_up_with_a_known_address_answers_the_same_and_tells_its_owner() {
    let db = TestDb::new().await;
    let (app, smtp) = app_with_smtp(&db).await;
    app.register("once@example.org", "fr").await;
    smtp.wait_for("once@example.org", 1).await;
    let sign_up = |email: &'static str, password: &'static str| {
        let url = app.url("/api/v1/auth/register");
        async move {
            let res = reqwest::Client::new()
                .post(url)
                .json(&serde_json::json!({"email": email, "password": password, "display_name": "Again", "language": "en", "country": "KE"}))
                .send()
                .await
                .unwrap();
            let status = res.status().as_u16();
            let headers: Vec<String> = {
                let mut h: Vec<String> = res
                    .headers()
                    .iter()
                    .filter(|(k, _)| !["date", "x-request-id"].contains(&k.as_str()))
                    .map(|(k, v)| format!("{k}: {v:?}"))
                    .collect();
                h.sort();
                h
            };
            (status, headers, res.bytes().await.unwrap())
        }
    };
    let known = sign_up(" ONCE@example.org ", "another-long-passphrase").await;
    let new = sign_up("twice@example.org", "another-long-passphrase").await;
    assert_eq!(known, new, "the same answer, header for header");
    assert_eq!(known.0, 202);
    // Once more: the owner hears once an hour, however often it is tried.
    sign_up("once@example.org", "yet-another-passphrase").await;
    let got = smtp.wait_for("once@example.org", 2).await;
    assert_eq!(got[1].subject(), "Vous avez déjà un compte");
    assert!(
        got[1].text().contains("http://kuza.test/sign-in"),
        "{}",
        got[1].text()
    );
    assert!(got[1].text().contains("http://kuza.test/forgot-password"));
    smtp.wait_for("twice@example.org", 1).await;
    jobs_settled(&db).await;
    assert_eq!(smtp.to("once@example.org").len(), 2);
    // The account is as it was: the old password signs in, the new does not.
    app.token("once@example.org").await;
    let (status, _) = app
        .api(
            reqwest::Method::POST,
            "/api/v1/auth/token",
            None,
            Some(serde_json::json!({"email": "once@example.org", "password": "another-long-passphrase"})),
        )
        .await;
    assert_eq!(status, 401);
}

#[tokio::test]
async fn a_reset_request_answers_the_same_for_any_address_and_mails_only_owners() {
    let db = TestDb::new().await;
    let (app, smtp) = app_with_smtp(&db).await;
    app.register("owner@example.org", "en").await;
    smtp.wait_for("owner@example.org", 1).await;
    let mut answers = vec![];
    for email in ["owner@example.org", "stranger@example.org"] {
        let (status, body) = app
            .api(
                reqwest::Method::POST,
                "/api/v1/auth/password-reset",
                None,
                Some(serde_json::json!({ "email": email })),
            )
            .await;
        answers.push((status, body));
    }
    assert_eq!(answers[0], answers[1]);
    let got = smtp.wait_for("owner@example.org", 2).await;
    assert_eq!(got[1].subject(), "Reset your password");
    jobs_settled(&db).await;
    assert!(smtp.to("stranger@example.org").is_empty());
}
