//! What certificates show besides their words: the instance's library of
//! signatories and logos (administrators only), each course's choice from
//! it (its editors only), partner endorsements (a coordinator asks, an
//! administrator approves, the organisation signs with its own did:web
//! key); and that a certificate keeps what it was issued with.

use kuza_tests::*;
use reqwest::Method;
use serde_json::{Value, json};

/// A self-paced course of one required lesson, in English and Arabic.
async fn course(app: &TestApp, author: &str, slug: &str) -> PublishedCourse {
    PublishedCourse::from_document(
        app,
        author,
        json!({"kuza_archive": 1, "slug": slug, "format": "self_paced", "level": "introductory",
               "estimated_hours": 2.0, "default_language": "en", "languages": ["en", "ar"],
               "themes": [], "title": {"en": "Housing rights", "ar": "الحق في السكن"},
               "summary": {"en": "A course.", "ar": "دورة."},
               "modules": [{"title": {"en": "One", "ar": "واحد"}, "lessons": [
                   {"kind": "text", "required": true, "title": {"en": "Read", "ar": "اقرأ"}}]}]}),
        json!({"lessons/01-01.en.md": "Text.", "lessons/01-01.ar.md": "نص."}),
    )
    .await
}

/// Someone with a confirmed address who completed `c`: their certificate
/// (as the API shows it).
async fn graduate(app: &TestApp, c: &PublishedCourse, email: &str) -> Value {
    let token = app.learner_token(email).await;
    confirm_email(app, email).await;
    let (status, e) = post(
        app,
        &token,
        format!("/api/v1/courses/{}/enrollments", c.id),
        None,
    )
    .await;
    assert_eq!(status, 201, "{e}");
    let (status, step) = post(
        app,
        &token,
        format!("/api/v1/lessons/{}/complete", c.lessons[0]),
        None,
    )
    .await;
    assert_eq!((status, &step["course_completed"]), (200, &json!(true)));
    let (_, mine) = app
        .api(Method::GET, "/api/v1/me/certificates", Some(&token), None)
        .await;
    mine["items"][0].clone()
}

async fn get_json(app: &TestApp, path: &str) -> Value {
    let (status, v) = app.api(Method::GET, path, None, None).await;
    assert_eq!(status, 200, "{path}: {v}");
    v
}

async fn send(app: &TestApp, method: Method, path: &str, token: &str, body: Value) -> (u16, Value) {
    app.api(method, path, Some(token), Some(body)).await
}

/// The key of a verification method, from the DID document at `path`.
async fn key_of(app: &TestApp, path: &str, method: &str) -> kuza_credentials::VerifyingKey {
    let did = get_json(app, path).await;
    let vm = did["verificationMethod"]
        .as_array()
        .expect("methods")
        .iter()
        .find(|m| m["id"] == method)
        .unwrap_or_else(|| panic!("{method} in {did}"));
    assert_eq!(vm["controller"], did["id"]);
    kuza_credentials::parse_multibase(vm["publicKeyMultibase"].as_str().expect("a key"))
        .expect("an Ed25519 Multikey")
}

/// Administrators keep the library (bad pictures and fields refused);
/// nobody else may. A course's editors choose up to three signatories
/// and four logos from it; certificates show them in the chosen order,
/// on the page, in the JSON and in the PDF; a signatory retired later is
/// gone from later certificates only.
#[tokio::test]
async fn the_library_is_kept_by_administrators_and_certificates_keep_what_they_were_issued_with() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let admin = app.admin_token(&db, "admin@example.org").await;
    let author = app.author_token(&db, "author@example.org").await;
    let other = app.author_token(&db, "other@example.org").await;
    let c = course(&app, &author, "housing").await;

    let lib = "/api/v1/certificate-library";
    let (status, _) = app.api(Method::GET, lib, Some(&author), None).await;
    assert_eq!(status, 403, "authors do not keep the library");
    let signer = |name: &str, title: &str| json!({"name": name, "title": title, "organisation": "UN-Habitat", "signature": PNG_BASE64});
    let (status, _) = send(
        &app,
        Method::POST,
        &format!("{lib}/signatories"),
        &author,
        signer("X", "Y"),
    )
    .await;
    assert_eq!(status, 403);
    // Bad input: a missing title, a picture that is not one, one too large.
    let (status, body) = send(
        &app,
        Method::POST,
        &format!("{lib}/signatories"),
        &admin,
        json!({"name": "Maimunah Sharif", "title": " "}),
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["errors"][0]["field"], "title", "{body}");
    use base64::Engine;
    let b64 = |b: &[u8]| base64::engine::general_purpose::STANDARD.encode(b);
    let (status, body) = send(
        &app,
        Method::POST,
        &format!("{lib}/signatories"),
        &admin,
        json!({"name": "A", "title": "B", "signature": b64(b"<html><script>x</script></html>")}),
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["errors"][0]["code"], "image_invalid", "{body}");
    let mut big = b"\x89PNG\r\n\x1a\n".to_vec();
    big.resize(600 * 1024, 0);
    let (status, body) = send(
        &app,
        Method::POST,
        &format!("{lib}/logos"),
        &admin,
        json!({"name": "Big", "image": b64(&big)}),
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["errors"][0]["code"], "image_too_large", "{body}");
    let (status, body) = send(
        &app,
        Method::POST,
        &format!("{lib}/logos"),
        &admin,
        json!({"name": "Nothing", "image": "not base64!"}),
    )
    .await;
    assert_eq!(status, 422, "{body}");
    let (status, body) = send(
        &app,
        Method::POST,
        &format!("{lib}/logos"),
        &admin,
        json!({"name": "Bidi\u{202E}", "image": svg_logo_base64("#123456")}),
    )
    .await;
    assert_eq!(
        status, 201,
        "invisible formatting is removed, not refused: {body}"
    );
    assert_eq!(body["name"], "Bidi");

    let mut ids = vec![];
    for (name, title) in [
        ("Maimunah Sharif", "Executive Director"),
        ("Rafael Tuts", "Director"),
        ("أمينة محمد", "نائبة الأمين العام"),
        ("Fourth", "Extra"),
    ] {
        let (status, s) = send(
            &app,
            Method::POST,
            &format!("{lib}/signatories"),
            &admin,
            signer(name, title),
        )
        .await;
        assert_eq!(status, 201, "{s}");
        assert!(
            s["signature_url"]
                .as_str()
                .is_some_and(|u| u.contains("/certificate-images/"))
        );
        ids.push(s["id"].as_i64().expect("an id"));
    }
    let (status, partner_logo) = send(
        &app,
        Method::POST,
        &format!("{lib}/logos"),
        &admin,
        json!({"name": "Partner", "image": svg_logo_base64("#aa3300")}),
    )
    .await;
    assert_eq!(status, 201, "{partner_logo}");
    let (status, own) = send(
        &app,
        Method::POST,
        &format!("{lib}/logos"),
        &admin,
        json!({"name": "Kuza", "image": svg_logo_base64("#0b5394"), "instance": true}),
    )
    .await;
    assert_eq!((status, &own["instance"]), (201, &json!(true)), "{own}");
    // Pictures are public and never change.
    let picture = app
        .get(
            own["image_url"]
                .as_str()
                .expect("a url")
                .strip_prefix("http://kuza.test")
                .expect("local"),
        )
        .await;
    assert_eq!(picture.status(), 200);
    assert_eq!(picture.headers()["content-type"], "image/svg+xml");
    assert!(
        picture.headers()["cache-control"]
            .to_str()
            .expect("text")
            .contains("immutable")
    );
    assert_eq!(
        app.get("/certificate-images/not-a-digest").await.status(),
        404
    );

    // The course's editors choose; others may not; the limits hold.
    let design = format!("/api/v1/courses/{}/certificate-design", c.id);
    let (status, _) = send(
        &app,
        Method::PUT,
        &design,
        &other,
        json!({"signatories": [ids[0]]}),
    )
    .await;
    assert_eq!(status, 403);
    let (status, body) = send(
        &app,
        Method::PUT,
        &design,
        &author,
        json!({"signatories": ids}),
    )
    .await;
    assert_eq!(
        (status, &body["errors"][0]["code"]),
        (422, &json!("too_many_signatories")),
        "{body}"
    );
    let (status, body) = send(
        &app,
        Method::PUT,
        &design,
        &author,
        json!({"signatories": [ids[0], ids[0]]}),
    )
    .await;
    assert_eq!(
        (status, &body["errors"][0]["code"]),
        (422, &json!("chosen_twice")),
        "{body}"
    );
    let (status, body) = send(
        &app,
        Method::PUT,
        &design,
        &author,
        json!({"logos": [own["id"]]}),
    )
    .await;
    assert_eq!(
        (status, &body["errors"][0]["code"]),
        (422, &json!("not_in_library")),
        "the instance's logo is not a partner logo: {body}"
    );
    let (status, body) = send(
        &app,
        Method::PUT,
        &design,
        &author,
        json!({"signatories": [ids[2], ids[0], ids[1]], "logos": [partner_logo["id"]]}),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["signatories"], json!([ids[2], ids[0], ids[1]]));

    // A certificate shows them, in that order.
    let first = graduate(&app, &c, "first@example.org").await;
    let id = first["public_id"].as_str().expect("an id").to_owned();
    let names = |v: &Value| -> Vec<String> {
        v["signatories"]
            .as_array()
            .expect("signatories")
            .iter()
            .map(|s| s["name"].as_str().expect("a name").to_owned())
            .collect()
    };
    assert_eq!(
        names(&first),
        ["أمينة محمد", "Maimunah Sharif", "Rafael Tuts"]
    );
    assert_eq!(first["signatories"][1]["title"], "Executive Director");
    let page = app
        .get(&format!("/certificates/{id}"))
        .await
        .text()
        .await
        .expect("a page");
    assert!(
        page.contains("Maimunah Sharif") && page.contains("Executive Director"),
        "{page}"
    );
    assert!(page.contains("<bdi>أمينة محمد</bdi>"));
    if certificate_fonts() {
        jobs_settled(&db).await;
        for lang in ["en", "ar"] {
            let pdf = app
                .get(&format!("/certificates/{id}.pdf?lang={lang}"))
                .await
                .bytes()
                .await
                .expect("a PDF");
            assert!(pdf.len() < 100 * 1024, "{lang}: {} bytes", pdf.len());
            if let Some(text) = pdf_text(&pdf) {
                assert!(
                    text.contains("Maimunah Sharif") && text.contains("Rafael Tuts"),
                    "{lang}: {text}"
                );
                assert!(text.contains("UN-Habitat"), "{lang}: {text}");
            }
        }
    }

    // Retired: offered no more, left out of the next certificate; the
    // first keeps it.
    let (status, _) = app
        .api(
            Method::POST,
            &format!("{lib}/signatories/{}/retire", ids[1]),
            Some(&admin),
            None,
        )
        .await;
    assert_eq!(status, 204);
    let (status, _) = app
        .api(
            Method::POST,
            &format!("{lib}/signatories/{}/retire", ids[1]),
            Some(&admin),
            None,
        )
        .await;
    assert_eq!(status, 404, "retired already");
    let second = graduate(&app, &c, "second@example.org").await;
    assert_eq!(names(&second), ["أمينة محمد", "Maimunah Sharif"]);
    let again = get_json(&app, &format!("/api/v1/certificates/{id}")).await;
    assert_eq!(
        names(&again),
        ["أمينة محمد", "Maimunah Sharif", "Rafael Tuts"]
    );
    let (_, listed) = app.api(Method::GET, &design, Some(&author), None).await;
    let offered: Vec<i64> = listed["library"]["signatories"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|s| s["id"].as_i64().expect("an id"))
        .collect();
    assert!(
        !offered.contains(&ids[1]),
        "a retired signatory is not offered"
    );

    // Everything is in the audit log.
    for action in [
        "signatory.added",
        "signatory.retired",
        "logo.added",
        "course.certificate_design",
    ] {
        let sql = format!("SELECT COUNT(*) FROM audit_events WHERE action = '{action}'");
        assert!(count(&db, &sql).await > 0, "{action} audited");
    }
}

/// A partner coordinator asks that their organisation endorse a course;
/// only an administrator approves; the organisation then signs an
/// EndorsementCredential with its own did:web key, which later
/// certificates carry (their credential still verifies); withdrawing it
/// changes only certificates issued afterwards. Coordinators see their own
/// organisation's endorsements only.
#[tokio::test]
async fn a_partner_endorses_a_course_and_only_later_certificates_carry_it() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let admin = app.admin_token(&db, "admin@example.org").await;
    let author = app.author_token(&db, "author@example.org").await;
    let c = course(&app, &author, "endorsed").await;
    let partner =
        Partner::of_new_organisation(&app, &db, "partner@example.org", "Habitat Partners").await;
    let rival = Partner::of_new_organisation(&app, &db, "rival@example.org", "Rival Agency").await;
    let path = format!("/api/v1/courses/{}/endorsements", c.id);

    let ask = json!({"comment": "A sound course on housing rights.", "signatory_name": "Grace Wanjiru",
        "signatory_title": "Chair", "logo": svg_logo_base64("#2e7d32"), "signature": PNG_BASE64});
    let (status, _) = send(&app, Method::POST, &path, &author, ask.clone()).await;
    assert_eq!(status, 403, "authors do not endorse");
    let (status, _) = send(&app, Method::POST, &path, &admin, ask.clone()).await;
    assert_eq!(status, 403, "administrators act for no organisation");
    let (status, body) = send(
        &app,
        Method::POST,
        &path,
        &partner.token,
        json!({"signatory_name": "Grace Wanjiru"}),
    )
    .await;
    assert_eq!(
        (status, &body["errors"][0]["field"]),
        (422, &json!("signatory_title")),
        "{body}"
    );
    let (status, e) = send(&app, Method::POST, &path, &partner.token, ask.clone()).await;
    assert_eq!(status, 201, "{e}");
    assert_eq!(e["status"], "requested");
    assert_eq!(e["organisation"], "Habitat Partners");
    let (status, body) = send(&app, Method::POST, &path, &partner.token, ask.clone()).await;
    assert_eq!(
        (status, &body["code"]),
        (409, &json!("already_endorsed")),
        "{body}"
    );
    let (status, r) = send(&app, Method::POST, &path, &rival.token, json!({})).await;
    assert_eq!(status, 201, "{r}");

    // Each coordinator sees their own organisation's; an administrator all.
    let (_, mine) = app
        .api(
            Method::GET,
            "/api/v1/endorsements",
            Some(&partner.token),
            None,
        )
        .await;
    assert_eq!(mine.as_array().expect("a list").len(), 1, "{mine}");
    let (_, all) = app
        .api(Method::GET, "/api/v1/endorsements", Some(&admin), None)
        .await;
    assert_eq!(all.as_array().expect("a list").len(), 2, "{all}");
    let learner = app.learner_token("nobody@example.org").await;
    let (status, _) = app
        .api(Method::GET, "/api/v1/endorsements", Some(&learner), None)
        .await;
    assert_eq!(status, 403);

    let id = e["id"].as_i64().expect("an id");
    let act = |what: &str| format!("/api/v1/endorsements/{id}/{what}");
    for (who, what) in [
        (&partner.token, "approve"),
        (&author, "approve"),
        (&rival.token, "withdraw"),
    ] {
        let (status, _) = app.api(Method::POST, &act(what), Some(who), None).await;
        assert_eq!(status, 403, "{what}");
    }
    // Before approval, certificates carry nothing of it.
    let before = graduate(&app, &c, "before@example.org").await;
    assert_eq!(before["endorsed_by"], json!([]));

    let (status, approved) = app
        .api(Method::POST, &act("approve"), Some(&admin), None)
        .await;
    assert_eq!(status, 200, "{approved}");
    assert_eq!(approved["status"], "approved");
    let (status, body) = app
        .api(Method::POST, &act("decline"), Some(&admin), None)
        .await;
    assert_eq!(
        (status, &body["code"]),
        (409, &json!("endorsement_decided")),
        "{body}"
    );

    // The organisation's own did:web and its signed endorsement.
    let org = partner.organisation_id;
    let org_did = format!("did:web:kuza.test:organisations:{org}");
    let endorsement = get_json(
        &app,
        approved["credential"]
            .as_str()
            .expect("a url")
            .strip_prefix("http://kuza.test")
            .expect("local"),
    )
    .await;
    assert_eq!(
        endorsement["type"],
        json!(["VerifiableCredential", "EndorsementCredential"])
    );
    assert_eq!(endorsement["issuer"]["id"], org_did.as_str());
    assert_eq!(
        endorsement["credentialSubject"]["type"],
        json!(["EndorsementSubject"])
    );
    assert_eq!(
        endorsement["credentialSubject"]["id"],
        "http://kuza.test/courses/endorsed"
    );
    assert_eq!(
        endorsement["credentialSubject"]["endorsementComment"],
        "A sound course on housing rights."
    );
    let method = endorsement["proof"][0]["verificationMethod"]
        .as_str()
        .expect("a method")
        .to_owned();
    assert_eq!(method, format!("{org_did}#key-1"));
    let org_key = key_of(&app, &format!("/organisations/{org}/did.json"), &method).await;
    kuza_credentials::verify(&endorsement, &org_key)
        .expect("the organisation's endorsement verifies");
    let rival_did = app
        .get(&format!(
            "/organisations/{}/did.json",
            rival.organisation_id
        ))
        .await;
    assert_eq!(rival_did.status(), 404, "no endorsement approved, no DID");

    // A certificate issued now carries it: logo, signatory, credential.
    let during = graduate(&app, &c, "during@example.org").await;
    assert_eq!(during["endorsed_by"], json!(["Habitat Partners"]));
    assert!(
        during["signatories"]
            .as_array()
            .expect("a list")
            .iter()
            .any(|s| s["name"] == "Grace Wanjiru" && s["organisation"] == "Habitat Partners")
    );
    let during_id = during["public_id"].as_str().expect("an id").to_owned();
    let credential = get_json(&app, &format!("/certificates/{during_id}/credential.json")).await;
    let carried = &credential["credentialSubject"]["achievement"]["endorsement"];
    assert_eq!(carried, &json!([endorsement.clone()]));
    kuza_credentials::verify(&carried[0], &org_key).expect("the carried endorsement verifies");
    let instance_method = credential["proof"][0]["verificationMethod"]
        .as_str()
        .expect("a method")
        .to_owned();
    let instance_key = key_of(&app, "/.well-known/did.json", &instance_method).await;
    kuza_credentials::verify(&credential, &instance_key)
        .expect("the certificate's credential verifies with the endorsement in it");
    let page = app
        .get(&format!("/certificates/{during_id}"))
        .await
        .text()
        .await
        .expect("a page");
    assert!(
        page.contains("Habitat Partners") && page.contains("Grace Wanjiru"),
        "{page}"
    );
    if certificate_fonts() {
        jobs_settled(&db).await;
        let pdf = app
            .get(&format!("/certificates/{during_id}.pdf?lang=ar"))
            .await
            .bytes()
            .await
            .expect("a PDF");
        if let Some(text) = pdf_text(&pdf) {
            assert!(text.contains("Grace Wanjiru"), "{text}");
        }
    }

    // Withdrawn by its coordinator: later certificates lack it, the one
    // issued during keeps it, and the credential is no longer published.
    let (status, w) = app
        .api(Method::POST, &act("withdraw"), Some(&partner.token), None)
        .await;
    assert_eq!((status, &w["status"]), (200, &json!("withdrawn")), "{w}");
    let after = graduate(&app, &c, "after@example.org").await;
    assert_eq!(after["endorsed_by"], json!([]));
    assert_eq!(
        get_json(&app, &format!("/api/v1/certificates/{during_id}")).await["endorsed_by"],
        json!(["Habitat Partners"])
    );
    assert_eq!(
        get_json(&app, &format!("/certificates/{during_id}/credential.json")).await,
        credential
    );
    let gone = app
        .get(
            approved["credential"]
                .as_str()
                .expect("a url")
                .strip_prefix("http://kuza.test")
                .expect("local"),
        )
        .await;
    assert_eq!(gone.status(), 404);
    // Its organisation's key stays published: what it signed keeps verifying.
    key_of(&app, &format!("/organisations/{org}/did.json"), &method).await;
    // Asked again after a withdrawal: a new request.
    let (status, again) = send(&app, Method::POST, &path, &partner.token, ask).await;
    assert_eq!(
        (status, &again["status"]),
        (201, &json!("requested")),
        "{again}"
    );

    for action in [
        "endorsement.requested",
        "endorsement.approved",
        "endorsement.withdrawn",
    ] {
        let sql = format!("SELECT COUNT(*) FROM audit_events WHERE action = '{action}'");
        assert!(count(&db, &sql).await > 0, "{action} audited");
    }
}

/// The portal's pages: the library and the endorsement list for an
/// administrator, the studio's design form, a coordinator's request form.
#[tokio::test]
async fn the_portal_pages_show_the_library_the_design_and_the_endorsements() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    app.admin_token(&db, "admin@example.org").await;
    let author = app.author_token(&db, "author@example.org").await;
    let c = course(&app, &author, "paged").await;
    Partner::of_new_organisation(&app, &db, "partner@example.org", "Habitat Partners").await;

    let admin = browser();
    assert_eq!(
        app.sign_in(&admin, "admin@example.org", PASSWORD)
            .await
            .status(),
        303
    );
    let page = app.page(&admin, "/admin/certificate-library").await;
    let csrf = csrf_of(&page);
    // A signatory with a signature, through the multipart form.
    let form = reqwest::multipart::Form::new()
        .text("csrf", csrf.clone())
        .text("name", "Maimunah Sharif")
        .text("title", "Executive Director")
        .text("organisation", "UN-Habitat")
        .part(
            "signature",
            reqwest::multipart::Part::bytes(svg_logo("#000").into_bytes()).file_name("sig.svg"),
        );
    let res = admin
        .post(app.url("/admin/certificate-library/signatories"))
        .multipart(form)
        .send()
        .await
        .expect("sent");
    assert_eq!(res.status(), 303);
    // A logo that is not a picture: the page again, with the reason.
    let form = reqwest::multipart::Form::new()
        .text("csrf", csrf.clone())
        .text("name", "Broken")
        .part(
            "image",
            reqwest::multipart::Part::bytes(b"plain text".to_vec()).file_name("logo.png"),
        );
    let res = admin
        .post(app.url("/admin/certificate-library/logos"))
        .multipart(form)
        .send()
        .await
        .expect("sent");
    assert_eq!(res.status(), 422);
    let body = res.text().await.expect("a page");
    assert!(body.contains("is not a PNG, JPEG or SVG"), "{body}");
    assert!(body.contains("value=\"Broken\""), "what was typed is kept");
    // Without its CSRF field first, refused.
    let form = reqwest::multipart::Form::new().text("name", "X");
    let res = admin
        .post(app.url("/admin/certificate-library/logos"))
        .multipart(form)
        .send()
        .await
        .expect("sent");
    assert_eq!(res.status(), 403);
    let page = app.page(&admin, "/admin/certificate-library").await;
    assert!(page.contains("Maimunah Sharif"));

    // The studio's form: the first place takes the signatory.
    let (_, lib) = app
        .api(
            Method::GET,
            &format!("/api/v1/courses/{}/certificate-design", c.id),
            Some(&author),
            None,
        )
        .await;
    let sid = lib["library"]["signatories"][0]["id"].to_string();
    let studio = browser();
    assert_eq!(
        app.sign_in(&studio, "author@example.org", PASSWORD)
            .await
            .status(),
        303
    );
    let page = app
        .page(&studio, &format!("/studio/courses/{}/certificate", c.id))
        .await;
    assert!(page.contains("Maimunah Sharif"));
    let res = studio
        .post(app.url(&format!("/studio/courses/{}/certificate", c.id)))
        .form(&[
            ("csrf", csrf_of(&page).as_str()),
            ("signatory_1", sid.as_str()),
        ])
        .send()
        .await
        .expect("sent");
    assert_eq!(res.status(), 303);
    let (_, saved) = app
        .api(
            Method::GET,
            &format!("/api/v1/courses/{}/certificate-design", c.id),
            Some(&author),
            None,
        )
        .await;
    assert_eq!(saved["signatories"].to_string(), format!("[{sid}]"));

    // A coordinator asks through the form, then sees it listed.
    let p = browser();
    assert_eq!(
        app.sign_in(&p, "partner@example.org", PASSWORD)
            .await
            .status(),
        303
    );
    let page = app.page(&p, "/courses/paged/endorse").await;
    assert!(page.contains("Habitat Partners"));
    let form = reqwest::multipart::Form::new()
        .text("csrf", csrf_of(&page))
        .text("comment", "Recommended.")
        .text("signatory_name", "Grace Wanjiru")
        .text("signatory_title", "Chair");
    let res = p
        .post(app.url("/courses/paged/endorse"))
        .multipart(form)
        .send()
        .await
        .expect("sent");
    assert_eq!(res.status(), 303);
    let list = app.page(&p, "/endorsements").await;
    assert!(
        list.contains("Grace Wanjiru") && list.contains("Recommended."),
        "{list}"
    );
    let list = app.page(&admin, "/endorsements").await;
    let approve = list
        .split("action=\"")
        .filter_map(|x| x.split('"').next())
        .find(|a| a.ends_with("/approve"))
        .expect("an approve form")
        .to_owned();
    let res = admin
        .post(app.url(&approve))
        .form(&[("csrf", csrf_of(&list).as_str())])
        .send()
        .await
        .expect("sent");
    assert_eq!(res.status(), 303);
    let list = app.page(&p, "/endorsements").await;
    assert!(
        list.contains("application/ld+json"),
        "approved, its credential is linked: {list}"
    );
}
