//! Bulk enrolment from a CSV file: existing accounts enrolled, new people
//! invited, every row reported; bad files refused whole; who may upload.

use kuza_tests::*;
use reqwest::Method;
use serde_json::{Value, json};

async fn upload(app: &TestApp, tok: Option<&str>, path: &str, body: Vec<u8>) -> (u16, Value) {
    let mut req = reqwest::Client::new()
        .post(app.url(path))
        .header("content-type", "text/csv")
        .body(body);
    if let Some(t) = tok {
        req = req.bearer_auth(t);
    }
    match req.send().await {
        Ok(res) => {
            let status = res.status().as_u16();
            (status, res.json().await.unwrap_or(Value::Null))
        }
        // The server may stop reading an oversized body and close early.
        Err(e) => panic!("request failed: {e}"),
    }
}

fn results(v: &Value) -> Vec<(String, String)> {
    v["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["result"].as_str().unwrap().to_owned(),
                r["reason"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect()
}

#[tokio::test]
async fn a_csv_enrols_existing_accounts_invites_new_people_and_reports_every_row() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let author = app.author_token(&db, "coordinator@example.org").await;
    let course =
        PublishedCourse::with_quiz(&app, &author, "bulk-course", "self_paced", quiz(None, None))
            .await;
    let path = format!("/api/v1/courses/{}/enrollments/bulk", course.id);
    app.register("existing@example.org", "en").await;
    let csv = "\u{feff}email,name,country,language\r\n\
        existing@example.org,Existing Person,KE,\r\n\
        new.person@example.org,Amina Diallo,sn,fr\r\n\
        not-an-email,Bad Row,KE,\r\n\
        NEW.PERSON@example.org,Duplicate,SN,fr\r\n\
        bad.country@example.org,Bad Country,XX,\r\n\
        \"quoted@example.org\",\"Diallo, Amina\",SN,fr\r\n";
    let (status, r) = upload(&app, Some(&author), &path, csv.as_bytes().to_vec()).await;
    assert_eq!(status, 200, "{r}");
    assert_eq!(
        (r["accepted"].as_u64(), r["rejected"].as_u64()),
        (Some(3), Some(3))
    );
    let expected: Vec<(String, String)> = [
        ("enrolled", ""),
        ("invited", ""),
        ("rejected", "email_invalid"),
        ("rejected", "duplicate_row"),
        ("rejected", "country_invalid"),
        ("invited", ""),
    ]
    .iter()
    .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
    .collect();
    assert_eq!(results(&r), expected);
    assert_eq!(r["rows"][2]["line"], 4);
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM users WHERE email = 'bad.country@example.org'"
        )
        .await,
        0,
        "no half-made account"
    );
    assert_eq!(count(&db, "SELECT COUNT(*) FROM enrollments").await, 3);

    // The invitation: choose a password, then sign in (the address confirmed).
    let mail = wait_for_message(&app, "new.person@example.org", "reset-password").await;
    assert!(
        mail.text().contains("Course bulk-course"),
        "{}",
        mail.text()
    );
    let link = mail.link("/reset-password");
    let path_and_query = link.strip_prefix("http://kuza.test").unwrap().to_owned();
    let b = browser();
    let page = app.page(&b, &path_and_query).await;
    assert!(
        page.contains("Welcome: choose your password") && !page.contains("new password"),
        "an invitation is not a reset: {page}"
    );
    let res = app
        .submit(
            &b,
            &path_and_query,
            "/reset-password",
            &[
                ("token", path_and_query.split("token=").nth(1).unwrap()),
                ("password", "a-brand-new-passphrase"),
            ],
        )
        .await;
    assert_eq!(location(&res), "/sign-in?notice=invite-done");
    let tok = app
        .api(
            Method::POST,
            "/api/v1/auth/token",
            None,
            Some(json!({
                "email": "new.person@example.org", "password": "a-brand-new-passphrase"
            })),
        )
        .await;
    assert_eq!(tok.0, 200, "{}", tok.1);
    let token = tok.1["access_token"].as_str().unwrap().to_owned();
    let (_, me) = app.api(Method::GET, "/api/v1/me", Some(&token), None).await;
    assert_eq!(
        (me["language"].as_str(), me["country"].as_str()),
        (Some("fr"), Some("SN"))
    );
    let (_, mine) = app
        .api(Method::GET, "/api/v1/me/enrollments", Some(&token), None)
        .await;
    assert_eq!(mine["items"][0]["course_slug"], "bulk-course");
    let mail = wait_for_mail(&app, "existing@example.org", "You are enrolled").await;
    assert!(mail.contains("Course bulk-course"));

    // The same file again: nothing new.
    let (_, again) = upload(&app, Some(&author), &path, csv.as_bytes().to_vec()).await;
    assert_eq!(results(&again)[0].0, "already_enrolled");
    assert_eq!(results(&again)[1].0, "already_enrolled");
    assert_eq!(count(&db, "SELECT COUNT(*) FROM enrollments").await, 3);
}

#[tokio::test]
async fn bad_files_are_refused_whole_and_only_coordinators_and_partners_may_upload() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let author = app.author_token(&db, "coordinator@example.org").await;
    let course =
        PublishedCourse::with_quiz(&app, &author, "bulk-rules", "self_paced", quiz(None, None))
            .await;
    let path = format!("/api/v1/courses/{}/enrollments/bulk", course.id);
    for (body, code) in [
        (
            b"mail,name,country\r\nx@example.org,X,KE\r\n".to_vec(),
            "missing_column (email), unknown_column (mail)",
        ),
        (b"email,name,country\r\n".to_vec(), "no_rows"),
        (vec![b'e', b'm', 0xff, 0xfe, b'\n'], "not_utf8"),
        (
            b"email,name,country\r\nx@example.org,X\r\n".to_vec(),
            "malformed (2)",
        ),
    ] {
        let (status, p) = upload(&app, Some(&author), &path, body).await;
        assert_eq!(
            (status, p["code"].as_str(), p["detail"].as_str()),
            (422, Some("bad_csv"), Some(code))
        );
    }
    let mut huge = b"email,name,country\r\n".to_vec();
    huge.resize(50 * 1024 * 1024, b'a');
    let (status, p) = upload(&app, Some(&author), &path, huge).await;
    assert_eq!(
        (status, p["code"].as_str()),
        (413, Some("payload_too_large"))
    );
    assert_eq!(count(&db, "SELECT COUNT(*) FROM enrollments").await, 0);

    let good = b"email,name,country\r\nsomeone@example.org,Some One,KE\r\n".to_vec();
    assert_eq!(upload(&app, None, &path, good.clone()).await.0, 401);
    let learner = app.learner_token("learner@example.org").await;
    assert_eq!(
        upload(&app, Some(&learner), &path, good.clone()).await.0,
        403
    );
    let other = app.author_token(&db, "other@example.org").await;
    assert_eq!(upload(&app, Some(&other), &path, good.clone()).await.0, 403);

    // A partner enrols their own organisation's people, and makes accounts in it.
    let partner =
        Partner::of_new_organisation(&app, &db, "partner@example.org", "Ministry of Housing").await;
    let csv = b"email,name,country\r\nlearner@example.org,L,KE\r\nstaff@housing.example.org,Staff Member,KE\r\n".to_vec();
    let (status, r) = upload(&app, Some(&partner.token), &path, csv).await;
    assert_eq!(status, 200, "{r}");
    assert_eq!(
        results(&r),
        [
            ("rejected".to_owned(), "other_organisation".to_owned()),
            ("invited".to_owned(), String::new())
        ]
    );
    assert_eq!(
        count(&db, &format!("SELECT COUNT(*) FROM users WHERE email = 'staff@housing.example.org' AND organisation_id = {}", partner.organisation_id)).await,
        1
    );

    // A cohort course needs its cohort.
    let facilitated = PublishedCourse::with_quiz(
        &app,
        &author,
        "bulk-cohort",
        "facilitated",
        quiz(None, None),
    )
    .await;
    let fpath = format!("/api/v1/courses/{}/enrollments/bulk", facilitated.id);
    let (status, p) = upload(&app, Some(&author), &fpath, good.clone()).await;
    assert_eq!(
        (status, p["code"].as_str()),
        (409, Some("enrolment_needs_cohort"))
    );
    let cohort = Cohort::create(&app, &author, facilitated.id, json!({
        "name": "One place", "language": "en", "starts_at": "2030-01-01T00:00:00Z", "ends_at": "2030-02-01T00:00:00Z", "capacity": 1
    }))
    .await;
    let two =
        b"email,name,country\r\nsomeone@example.org,Some One,KE\r\nlearner@example.org,L,KE\r\n"
            .to_vec();
    let (status, r) = upload(
        &app,
        Some(&author),
        &format!("{fpath}?cohort_id={}", cohort.id),
        two,
    )
    .await;
    assert_eq!(status, 200, "{r}");
    assert_eq!(
        results(&r),
        [
            ("invited".to_owned(), String::new()),
            ("waitlisted".to_owned(), String::new())
        ]
    );
}

#[tokio::test]
async fn a_coordinator_uploads_a_csv_file_in_the_portal_and_sees_each_row() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let author = app.author_token(&db, "coordinator@example.org").await;
    PublishedCourse::with_quiz(&app, &author, "bulk-page", "self_paced", quiz(None, None)).await;
    let c = browser();
    app.sign_in(&c, "coordinator@example.org", PASSWORD).await;
    let page = "/courses/bulk-page/enrol-many";
    let html = app.page(&c, page).await;
    let csrf = csrf_of(&html);
    let send = |csrf: String, body: &'static str| {
        let form = reqwest::multipart::Form::new().text("csrf", csrf).part(
            "file",
            reqwest::multipart::Part::bytes(body.as_bytes().to_vec()).file_name("people.csv"),
        );
        c.post(app.url(page)).multipart(form).send()
    };
    let res = send(
        csrf.clone(),
        "email,name,country\nnew@example.org,New Person,KE\nbad,Bad,KE\n",
    )
    .await
    .unwrap();
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    assert!(
        html.contains("1 accepted, 1 rejected")
            && html.contains("Invited (new account)")
            && html.contains("email_invalid"),
        "{html}"
    );
    let res = send(csrf.clone(), "e-mail,name\nx,y\n").await.unwrap();
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains("The header has no “email” column."), "{html}");
    // The CSRF field first, or nothing is read.
    let res = send(
        "forged".into(),
        "email,name,country\nother@example.org,O,KE\n",
    )
    .await
    .unwrap();
    assert_eq!(res.status(), 403);
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM users WHERE email = 'other@example.org'"
        )
        .await,
        0
    );
    // A learner has no such page.
    app.register("learner@example.org", "en").await;
    let l = browser();
    app.sign_in(&l, "learner@example.org", PASSWORD).await;
    assert_eq!(l.get(app.url(page)).send().await.unwrap().status(), 403);
}

/// A partner's bulk enrolment keeps the course's rules: closed, key and
/// application courses take a partner's people only within the places their
/// editors granted the organisation, and someone a coordinator removed stays
/// removed.
#[tokio::test]
async fn a_partner_enrols_only_where_the_course_is_open_to_it_and_never_undoes_a_removal() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let author = app.author_token(&db, "editor@example.org").await;
    let course = PublishedCourse::with_quiz(
        &app,
        &author,
        "partner-rules",
        "self_paced",
        quiz(None, None),
    )
    .await;
    let path = format!("/api/v1/courses/{}/enrollments/bulk", course.id);
    let housing =
        Partner::of_new_organisation(&app, &db, "housing@example.org", "Ministry of Housing").await;
    let water = Partner::of_new_organisation(&app, &db, "water@example.org", "Water Board").await;
    let set_mode = |mode: &'static str| {
        let (app, author, id) = (&app, author.clone(), course.id);
        async move {
            let mut body = json!({"enrolment": mode, "grade_policy": "best"});
            match mode {
                "key" => body["enrolment_key"] = json!("sesame-2026"),
                "application" => body["screening_questions"] = json!([{"en": "Why?"}]),
                _ => {}
            }
            let (status, s) = app
                .api(
                    Method::PUT,
                    &format!("/api/v1/courses/{id}/enrolment"),
                    Some(&author),
                    Some(body),
                )
                .await;
            assert_eq!(status, 200, "{s}");
        }
    };
    let csv = |emails: &[&str]| {
        let mut s = "email,name,country\n".to_owned();
        for e in emails {
            s.push_str(&format!("{e},Staff Member,KE\n"));
        }
        s.into_bytes()
    };
    // Not open to everyone, and no places granted: refused whole.
    for mode in ["closed", "key", "application"] {
        set_mode(mode).await;
        let (status, r) = upload(
            &app,
            Some(&housing.token),
            &path,
            csv(&["a@housing.example.org"]),
        )
        .await;
        assert_eq!(status, 403, "{mode}: {r}");
    }
    // The editors grant the ministry two places (the course takes applications).
    let grant = format!(
        "/api/v1/courses/{}/partners/{}",
        course.id, housing.organisation_id
    );
    let (status, p) = app
        .api(
            Method::PUT,
            &grant,
            Some(&housing.token),
            Some(json!({"places": 2})),
        )
        .await;
    assert_eq!(status, 403, "a partner grants itself nothing: {p}");
    let (status, p) = app
        .api(
            Method::PUT,
            &grant,
            Some(&author),
            Some(json!({"places": 0})),
        )
        .await;
    assert_eq!(
        (status, p["errors"][0]["code"].as_str()),
        (422, Some("places_invalid"))
    );
    let (status, _) = app
        .api(
            Method::PUT,
            &grant,
            Some(&author),
            Some(json!({"places": 2})),
        )
        .await;
    assert_eq!(status, 204);
    let (status, r) = upload(
        &app,
        Some(&housing.token),
        &path,
        csv(&[
            "a@housing.example.org",
            "b@housing.example.org",
            "c@housing.example.org",
        ]),
    )
    .await;
    assert_eq!(status, 200, "{r}");
    assert_eq!(
        results(&r),
        [
            ("invited".to_owned(), String::new()),
            ("invited".to_owned(), String::new()),
            ("rejected".to_owned(), "partner_places_used".to_owned()),
        ]
    );
    let (_, list) = app
        .api(
            Method::GET,
            &format!("/api/v1/courses/{}/partners", course.id),
            Some(&author),
            None,
        )
        .await;
    assert_eq!(list[0]["organisation_name"], "Ministry of Housing");
    assert_eq!(
        (list[0]["places"].as_i64(), list[0]["used"].as_i64()),
        (Some(2), Some(2))
    );
    // The other organisation has no places here.
    let (status, _) = upload(
        &app,
        Some(&water.token),
        &path,
        csv(&["a@water.example.org"]),
    )
    .await;
    assert_eq!(status, 403);
    // An editor removes one of the ministry's people; the partner cannot
    // bring them back, an editor can.
    let conn = db.connect().await;
    use sea_orm::{ConnectionTrait, Statement};
    let row = conn
        .query_one(Statement::from_string(
            conn.get_database_backend(),
            format!("SELECT e.id FROM enrollments e JOIN users u ON u.id = e.user_id WHERE u.email = 'a@housing.example.org' AND e.course_id = {}", course.id),
        ))
        .await
        .unwrap()
        .unwrap();
    let enrollment: i32 = row.try_get_by_index(0).unwrap();
    let (status, _) = app
        .api(
            Method::POST,
            &format!("/api/v1/enrollments/{enrollment}/remove"),
            Some(&author),
            Some(json!({"message": "Left the ministry."})),
        )
        .await;
    assert_eq!(status, 204);
    let (_, r) = upload(
        &app,
        Some(&housing.token),
        &path,
        csv(&["a@housing.example.org"]),
    )
    .await;
    assert_eq!(
        results(&r),
        [("rejected".to_owned(), "enrollment_removed".to_owned())]
    );
    let (_, r) = upload(&app, Some(&author), &path, csv(&["a@housing.example.org"])).await;
    assert_eq!(results(&r)[0].0, "enrolled", "{r}");
    // Withdrawn, the grant opens nothing more; an open course is open to all partners.
    let (status, _) = app.api(Method::DELETE, &grant, Some(&author), None).await;
    assert_eq!(status, 204);
    let (status, _) = upload(
        &app,
        Some(&housing.token),
        &path,
        csv(&["d@housing.example.org"]),
    )
    .await;
    assert_eq!(status, 403);
    set_mode("open").await;
    let (status, r) = upload(
        &app,
        Some(&water.token),
        &path,
        csv(&["a@water.example.org"]),
    )
    .await;
    assert_eq!((status, results(&r)[0].0.as_str()), (200, "invited"), "{r}");
}

#[tokio::test]
async fn an_editor_grants_and_withdraws_partner_places_in_the_studio() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let author = app.author_token(&db, "studio-editor@example.org").await;
    let course = PublishedCourse::with_quiz(
        &app,
        &author,
        "studio-partners",
        "self_paced",
        quiz(None, None),
    )
    .await;
    let ministry =
        Partner::of_new_organisation(&app, &db, "min@example.org", "Ministry of Lands").await;
    let c = browser();
    app.sign_in(&c, "studio-editor@example.org", PASSWORD).await;
    let page = format!("/studio/courses/{}/cohorts", course.id);
    let action = format!("/studio/courses/{}/partners", course.id);
    let org = ministry.organisation_id.to_string();
    let res = app
        .submit(
            &c,
            &page,
            &action,
            &[("organisation", &org), ("places", "many")],
        )
        .await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(
        text_of(&html, "#places-error").is_some(),
        "the field says what is wrong"
    );
    let res = app
        .submit(
            &c,
            &page,
            &action,
            &[("organisation", &org), ("places", "25")],
        )
        .await;
    assert_eq!(res.status(), 303);
    let html = app.page(&c, &page).await;
    assert!(html.contains("Ministry of Lands"));
    assert!(html.contains("0 / 25"), "places used and granted");
    let (_, list) = app
        .api(
            Method::GET,
            &format!("/api/v1/courses/{}/partners", course.id),
            Some(&author),
            None,
        )
        .await;
    assert_eq!(list[0]["places"], 25);
    let res = app
        .submit(&c, &page, &format!("{action}/{org}/withdraw"), &[])
        .await;
    assert_eq!(res.status(), 303);
    let (_, list) = app
        .api(
            Method::GET,
            &format!("/api/v1/courses/{}/partners", course.id),
            Some(&author),
            None,
        )
        .await;
    assert_eq!(list, json!([]));
}

/// Two uploads of the same organisation at once cannot both take its last
/// place (the course is locked while the places are counted).
#[tokio::test]
async fn two_partner_uploads_at_once_cannot_both_take_the_last_place() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let author = app.author_token(&db, "race-editor@example.org").await;
    let course =
        PublishedCourse::with_quiz(&app, &author, "race-course", "self_paced", quiz(None, None))
            .await;
    let (status, _) = app
        .api(
            Method::PUT,
            &format!("/api/v1/courses/{}/enrolment", course.id),
            Some(&author),
            Some(json!({"enrolment": "closed", "grade_policy": "best"})),
        )
        .await;
    assert_eq!(status, 200);
    let partner =
        Partner::of_new_organisation(&app, &db, "race@example.org", "Ministry of Roads").await;
    let (status, _) = app
        .api(
            Method::PUT,
            &format!(
                "/api/v1/courses/{}/partners/{}",
                course.id, partner.organisation_id
            ),
            Some(&author),
            Some(json!({"places": 3})),
        )
        .await;
    assert_eq!(status, 204);
    let path = format!("/api/v1/courses/{}/enrollments/bulk", course.id);
    let mut uploads = vec![];
    for u in 0..4 {
        let csv = format!(
            "email,name,country\nr{u}a@roads.example.org,A,KE\nr{u}b@roads.example.org,B,KE\n"
        );
        let (url, token) = (app.url(&path), partner.token.clone());
        uploads.push(tokio::spawn(async move {
            let res = reqwest::Client::new()
                .post(url)
                .bearer_auth(token)
                .header("content-type", "text/csv")
                .body(csv)
                .send()
                .await
                .unwrap();
            res.json::<Value>().await.unwrap()
        }));
    }
    let mut taken = 0;
    let mut refused = 0;
    for u in uploads {
        let r = u.await.unwrap();
        for (result, reason) in results(&r) {
            match (result.as_str(), reason.as_str()) {
                ("invited", "") => taken += 1,
                ("rejected", "partner_places_used") => refused += 1,
                other => panic!("unexpected {other:?}: {r}"),
            }
        }
    }
    assert_eq!((taken, refused), (3, 5), "three places, eight people");
}
