//! Needs assessments: a partner coordinator (for their organisation) or an
//! administrator (for the instance) starts one with the bank's standard
//! needs questions, adds their own, publishes it to open it; its audience
//! is the organisation's confirmed members, signed in, or the public
//! through its link, whose responses are kept in a signed cookie; it is
//! closed when it is over. Partners read aggregates only, with groups
//! under the threshold suppressed; administrators also read the free text.

use kuza_tests::*;
use reqwest::Method;
use serde_json::{Value, json};

async fn api(
    app: &TestApp,
    m: Method,
    token: Option<&str>,
    path: &str,
    body: Option<Value>,
) -> (u16, Value) {
    app.api(m, path, token, body).await
}

/// Registers `email` (in `country`, of `gender`), names the organisation,
/// and has its coordinator confirm them; returns their token.
async fn member(app: &TestApp, coordinator: &Partner, email: &str, gender: &str) -> String {
    member_in(app, coordinator, email, gender, "en").await
}

async fn member_in(
    app: &TestApp,
    coordinator: &Partner,
    email: &str,
    gender: &str,
    language: &str,
) -> String {
    let id = app.register(email, language).await;
    let token = app.access_token(email).await;
    let (status, me) = api(
        app,
        Method::PATCH,
        Some(&token),
        "/api/v1/me",
        Some(
            json!({"display_name": "Member", "language": language, "country": "KE",
                    "gender": gender, "organisation_id": coordinator.organisation_id}),
        ),
    )
    .await;
    assert_eq!(
        (status, me["language"].as_str()),
        (200, Some(language)),
        "{me}"
    );
    let (status, body) = api(
        app,
        Method::POST,
        Some(&coordinator.token),
        &format!(
            "/api/v1/organisations/{}/members/{id}/confirm",
            coordinator.organisation_id
        ),
        None,
    )
    .await;
    assert!(status < 300, "{status} {body}");
    token
}

#[tokio::test]
async fn a_partner_runs_a_needs_survey_for_its_members_and_reads_aggregates_with_small_groups_hidden()
 {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let admin = app.admin_token(&db, "admin@example.org").await;
    let nairobi =
        Partner::of_new_organisation(&app, &db, "coord@nairobi.example", "City of Nairobi").await;
    let dakar =
        Partner::of_new_organisation(&app, &db, "coord@dakar.example", "Ville de Dakar").await;

    // Started as a draft with the standard needs questions; the title is required.
    let (status, bad) = api(
        &app,
        Method::POST,
        Some(&nairobi.token),
        "/api/v1/surveys",
        Some(json!({"title": {"en": " "}})),
    )
    .await;
    assert_eq!(status, 422, "{bad}");
    let (status, s) = api(
        &app,
        Method::POST,
        Some(&nairobi.token),
        "/api/v1/surveys",
        // A coordinator's is their organisation's, whatever they name.
        Some(
            json!({"title": {"en": "Training needs 2027", "fr": "Besoins 2027"},
                    "organisation_id": dakar.organisation_id}),
        ),
    )
    .await;
    assert_eq!(status, 201, "{s}");
    assert_eq!(
        (
            s["purpose"].as_str(),
            s["organisation_id"].as_i64(),
            s["audience"].as_str(),
            s["open"].as_bool(),
            s["version"].as_i64()
        ),
        (
            Some("needs"),
            Some(i64::from(nairobi.organisation_id)),
            Some("members"),
            Some(false),
            Some(0)
        ),
        "{s}"
    );
    let keys: Vec<&str> = s["draft"]["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["questions"].as_array().unwrap())
        .map(|q| q["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        keys,
        [
            "needs_areas",
            "needs_level",
            "needs_priority",
            "needs_formats",
            "needs_people"
        ]
    );
    let id = s["id"].as_i64().unwrap();
    let path = format!("/api/v1/surveys/{id}");
    let response = format!("{path}/response");

    // Another organisation's coordinator neither sees nor changes it.
    for (m, body) in [
        (Method::GET, None),
        (Method::PUT, Some(json!({"publish": true}))),
    ] {
        let (status, _) = api(&app, m, Some(&dakar.token), &path, body).await;
        assert_eq!(status, 403);
    }
    let (_, listed) = api(
        &app,
        Method::GET,
        Some(&dakar.token),
        "/api/v1/surveys",
        None,
    )
    .await;
    assert_eq!(listed, json!([]));

    // Its own question, then published: it opens.
    let mut draft = s["draft"].clone();
    draft["sections"][1]["questions"]
        .as_array_mut()
        .unwrap()
        .push(json!({"id": "q1", "kind": "single", "required": false,
                     "text": {"en": "Which department are you in?"},
                     "options": [{"en": "Planning"}, {"en": "Finance"}]}));
    let members = [
        ("m1@nairobi.example", "female"),
        ("m2@nairobi.example", "female"),
        ("m3@nairobi.example", "female"),
        ("m4@nairobi.example", "female"),
        ("m5@nairobi.example", "female"),
        ("m6@nairobi.example", "male"),
    ];
    let mut tokens = vec![];
    for (email, gender) in members {
        tokens.push(member(&app, &nairobi, email, gender).await);
    }
    // Not published yet: not there for its members.
    let (status, _) = api(&app, Method::GET, Some(&tokens[0]), &response, None).await;
    assert_eq!(status, 404);
    let (status, s) = api(
        &app,
        Method::PUT,
        Some(&nairobi.token),
        &path,
        Some(json!({"draft": draft, "publish": true})),
    )
    .await;
    assert_eq!(status, 200, "{s}");
    assert_eq!(
        (s["open"].as_bool(), s["version"].as_i64()),
        (Some(true), Some(1))
    );

    // Members answer; others are refused.
    let outsider = app.learner_token("outsider@example.org").await;
    let (status, refused) = api(&app, Method::GET, Some(&outsider), &response, None).await;
    assert_eq!(
        (status, refused["code"].as_str()),
        (403, Some("not_a_member"))
    );
    let (status, _) = api(&app, Method::GET, None, &response, None).await;
    assert_eq!(status, 401);
    let (status, wrong) = api(
        &app,
        Method::PUT,
        Some(&tokens[0]),
        &response,
        Some(json!({"answers": {"needs_areas": [0, 9]}})),
    )
    .await;
    assert_eq!(status, 422, "{wrong}");
    for (i, t) in tokens.iter().enumerate() {
        let (status, r) = api(
            &app,
            Method::PUT,
            Some(t),
            &response,
            Some(
                json!({"answers": {"needs_areas": [0, 1 + i % 3], "needs_level": 1 + i % 5,
                                   "needs_priority": format!("Idea {i}"), "needs_people": 10,
                                   "q1": i % 2},
                        "submit": true}),
            ),
        )
        .await;
        assert_eq!(
            (status, r["status"].as_str()),
            (200, Some("submitted")),
            "{r}"
        );
    }
    // Listed on a member's home page until answered.
    let b = browser();
    app.sign_in(&b, "m1@nairobi.example", PASSWORD).await;
    let home = app.page(&b, "/dashboard").await;
    assert!(
        !home.contains(&format!("/surveys/{id}\"")),
        "answered already"
    );

    // The coordinator reads aggregates only; groups under five are hidden.
    let results = format!("/api/v1/reports/evaluations?survey={id}");
    let (status, r) = api(&app, Method::GET, Some(&nairobi.token), &results, None).await;
    assert_eq!(status, 200, "{r}");
    assert_eq!(
        (
            r["invited"].as_u64(),
            r["started"].as_u64(),
            r["submitted"].as_u64()
        ),
        (Some(6), Some(6), Some(6))
    );
    assert!(r["texts"].is_null(), "partners read no free text");
    let areas = &r["questions"][0];
    assert_eq!(areas["id"], "needs_areas");
    // Everyone chose the first area; respondents counted once each.
    assert_eq!(
        (
            areas["options"][0][0].as_u64(),
            areas["answered"][0].as_u64()
        ),
        (Some(6), Some(6))
    );
    let own = r["questions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["id"] == "q1")
        .expect("its own question is counted");
    assert_eq!(own["options"][1][0], 3);
    let (_, by) = api(
        &app,
        Method::GET,
        Some(&nairobi.token),
        &format!("{results}&by=gender"),
        None,
    )
    .await;
    // One man: too few to show, and the women's figures would give him
    // away from the total, so they are hidden too.
    assert_eq!(by["marks"], json!(["hidden", "small", "shown"]), "{by}");
    assert_eq!(by["respondents"], json!([null, null, 6]));
    let csv = reqwest::Client::new()
        .get(app.url(&format!(
            "/api/v1/reports/evaluations.csv?survey={id}&by=gender"
        )))
        .bearer_auth(&nairobi.token)
        .send()
        .await
        .unwrap();
    assert_eq!(csv.status(), 200);
    let csv = csv.text().await.unwrap();
    assert!(
        csv.contains("\"Respondents\",\"\",\"x\",\"<5\",\"6\""),
        "{csv}"
    );
    // Another organisation reads nothing of it; administrators read the text.
    let (status, _) = api(&app, Method::GET, Some(&dakar.token), &results, None).await;
    assert_eq!(status, 403);
    let (_, r) = api(&app, Method::GET, Some(&admin), &results, None).await;
    assert_eq!(r["texts"].as_array().map(Vec::len), Some(6));

    // Closed: no more answers, the form and the results stay readable.
    let late = member(&app, &nairobi, "late@nairobi.example", "male").await;
    let (status, s) = api(
        &app,
        Method::PUT,
        Some(&nairobi.token),
        &path,
        Some(json!({"closed": true})),
    )
    .await;
    assert_eq!((status, s["open"].as_bool()), (200, Some(false)));
    let (status, closed) = api(
        &app,
        Method::PUT,
        Some(&late),
        &response,
        Some(json!({"answers": {"needs_level": 3}})),
    )
    .await;
    assert_eq!(
        (status, closed["code"].as_str()),
        (403, Some("survey_closed"))
    );
    let (status, _) = api(&app, Method::GET, Some(&late), &response, None).await;
    assert_eq!(status, 200);
    let (_, r) = api(&app, Method::GET, Some(&nairobi.token), &results, None).await;
    assert_eq!(r["started"], 6, "nothing was stored for the late member");
}

/// The standard needs questions' first page, as the portal posts it.
fn first_page(level: &str) -> Vec<(&'static str, String)> {
    vec![
        ("page", "0".into()),
        ("q:needs_areas", "2".into()),
        ("q:needs_areas", "5".into()),
        ("q:needs_level", level.into()),
        ("q:needs_priority", "Data for planning".into()),
    ]
}

async fn post_page(
    app: &TestApp,
    b: &reqwest::Client,
    path: &str,
    fields: &[(&str, String)],
) -> reqwest::Response {
    let html = app.page(b, path).await;
    let csrf = csrf_of(&html);
    let mut form: Vec<(&str, &str)> = vec![("csrf", &csrf)];
    form.extend(fields.iter().map(|(k, v)| (*k, v.as_str())));
    b.post(app.url(path))
        .form(&form)
        .send()
        .await
        .expect("request")
}

#[tokio::test]
async fn a_public_needs_survey_is_answered_without_signing_in_and_a_slow_connection_loses_nothing()
{
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let admin = app.admin_token(&db, "admin@example.org").await;
    let (status, s) = api(
        &app,
        Method::POST,
        Some(&admin),
        "/api/v1/surveys",
        Some(
            json!({"title": {"en": "What should we teach?", "ar": "ماذا ينبغي أن نعلّم؟"},
                    "audience": "public", "default_language": "en"}),
        ),
    )
    .await;
    assert_eq!(status, 201, "{s}");
    let id = s["id"].as_i64().unwrap();
    let page = format!("/surveys/{id}");
    // A draft is not there.
    let res = browser().get(app.url(&page)).send().await.unwrap();
    assert_eq!(res.status(), 404);
    let (status, _) = api(
        &app,
        Method::PUT,
        Some(&admin),
        &format!("/api/v1/surveys/{id}"),
        Some(json!({"publish": true})),
    )
    .await;
    assert_eq!(status, 200);

    // A link is shared, not emailed.
    let (status, refused) = api(
        &app,
        Method::POST,
        Some(&admin),
        &format!("/api/v1/surveys/{id}/invitations"),
        None,
    )
    .await;
    assert_eq!(
        (status, refused["code"].as_str()),
        (409, Some("survey_not_open_to_members"))
    );

    // Someone not signed in saves the first page: a cookie keeps their
    // response, and the page shows their answers when they come back.
    let b = browser();
    let html = app.page(&b, &page).await;
    assert!(html.contains("What should we teach?"), "{html}");
    let res = post_page(&app, &b, &page, &{
        let mut f = first_page("4");
        f.push(("intent", "save".into()));
        f
    })
    .await;
    assert_eq!(res.status(), 303);
    let cookie = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with(&format!("kuza_survey_{id}=")))
        .expect("the response is kept in a cookie")
        .to_owned();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains(&format!("Path=/surveys/{id}")),
        "{cookie}"
    );
    let again = app.page(&b, &page).await;
    assert!(again.contains("Data for planning"), "the answers are kept");

    // An altered cookie names nothing: a fresh form, and what the other
    // response holds is not shown.
    let token = cookie
        .split(';')
        .next()
        .and_then(|c| c.split_once('='))
        .map(|(_, v)| v.to_owned())
        .unwrap();
    let (rid, sig) = token.split_once('.').unwrap();
    let forged = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let html = forged
        .get(app.url(&page))
        .header(
            "cookie",
            // The signature's last digit changed (whatever it was).
            format!(
                "kuza_survey_{id}={rid}.{}{}",
                &sig[..sig.len() - 1],
                if sig.ends_with('0') { '1' } else { '0' }
            ),
        )
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        !html.contains("Data for planning"),
        "a forged cookie opens nothing"
    );

    // Next page, then submitted.
    let mut f = first_page("4");
    f.push(("intent", "next".into()));
    let res = post_page(&app, &b, &page, &f).await;
    assert_eq!(
        res.headers()["location"],
        format!("/surveys/{id}?page=1").as_str()
    );
    let res = post_page(
        &app,
        &b,
        &format!("{page}?page=1"),
        &[
            ("page", "1".into()),
            ("q:needs_people", "12".into()),
            ("intent", "submit".into()),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    let done = app.page(&b, &page).await;
    assert!(done.contains("your answers were submitted"), "{done}");

    // A second visitor answers in Arabic, right to left; results count both.
    let ar = browser();
    let html = app.page(&ar, &format!("{page}?lang=ar")).await;
    assert!(
        html.contains("dir=\"rtl\""),
        "Arabic pages read right to left"
    );
    let mut f = first_page("2");
    f.push(("intent", "submit".into()));
    let res = post_page(&app, &ar, &page, &f).await;
    assert_eq!(res.status(), 303);
    let (_, r) = api(
        &app,
        Method::GET,
        Some(&admin),
        &format!("/api/v1/reports/evaluations?survey={id}&by=country"),
        None,
    )
    .await;
    assert_eq!(
        (
            r["started"].as_u64(),
            r["submitted"].as_u64(),
            r["invited"].as_u64()
        ),
        (Some(2), Some(2), Some(0))
    );
    // No one to name: not stated; two respondents are too few to show.
    assert_eq!(r["groups"][0]["key"], "not_stated", "{r}");
    assert_eq!(r["marks"], json!(["small", "small"]), "{r}");
    assert_eq!(r["respondents"], json!([null, null]));
    let (status, results_page) = {
        let b = browser();
        app.sign_in(&b, "admin@example.org", PASSWORD).await;
        let res = b
            .get(app.url(&format!("/reports/evaluations?survey={id}")))
            .send()
            .await
            .unwrap();
        (res.status(), res.text().await.unwrap())
    };
    assert_eq!(status, 200);
    assert!(results_page.contains("<svg"), "a chart per question");
    assert!(
        results_page.contains("Data for planning"),
        "administrators read the text"
    );

    // Closed: the page says so, and a post stores nothing.
    let (status, _) = api(
        &app,
        Method::PUT,
        Some(&admin),
        &format!("/api/v1/surveys/{id}"),
        Some(json!({"closed": true})),
    )
    .await;
    assert_eq!(status, 200);
    let late = browser();
    let html = app.page(&late, &page).await;
    assert!(html.contains("This survey is closed"), "{html}");
    let res = late
        .post(app.url(&page))
        .form(&[
            ("csrf", csrf_of(&app.page(&late, "/").await).as_str()),
            ("page", "0"),
            ("q:needs_level", "3"),
            ("intent", "save"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let (_, r) = api(
        &app,
        Method::GET,
        Some(&admin),
        &format!("/api/v1/reports/evaluations?survey={id}"),
        None,
    )
    .await;
    assert_eq!(r["started"], 2);
}

#[tokio::test]
async fn a_coordinator_starts_edits_and_publishes_a_needs_survey_in_the_portal() {
    let db = TestDb::new().await;
    let (app, smtp) = app_with_smtp(&db).await;
    let nairobi =
        Partner::of_new_organisation(&app, &db, "coord@nairobi.example", "City of Nairobi").await;
    member_in(&app, &nairobi, "m1@nairobi.example", "female", "fr").await;
    let b = browser();
    app.sign_in(&b, "coord@nairobi.example", PASSWORD).await;
    let res = app
        .submit(
            &b,
            "/surveys",
            "/surveys",
            &[("title_en", ""), ("audience", "members")],
        )
        .await;
    assert_eq!(res.status(), 422, "the title is required");
    let res = app
        .submit(
            &b,
            "/surveys",
            "/surveys",
            &[("title_en", "Skills we need"), ("audience", "members")],
        )
        .await;
    assert_eq!(res.status(), 303);
    let to = res.headers()["location"].to_str().unwrap().to_owned();
    let edit = to.split('?').next().unwrap().to_owned();
    let id: i64 = edit
        .trim_start_matches("/surveys/")
        .trim_end_matches("/edit")
        .parse()
        .unwrap();
    let html = app.page(&b, &edit).await;
    assert!(html.contains("Skills we need"), "{html}");
    assert!(
        html.contains("In which areas does your organisation most need to build capacity?"),
        "the standard needs questions"
    );
    // Its own question, the title in French, then published.
    let res = app
        .submit(
            &b,
            &edit,
            &edit,
            &[
                ("action", "add"),
                ("section", "0"),
                ("kind", "short_text"),
                ("text_en", "Your unit?"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let res = app
        .submit(
            &b,
            &edit,
            &edit,
            &[
                ("action", "details"),
                ("title_en", "Skills we need"),
                ("title_fr", "Compétences nécessaires"),
                ("audience", "members"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let res = app.submit(&b, &edit, &edit, &[("action", "publish")]).await;
    assert_eq!(res.status(), 303);
    // Emailed to the members, each once, in their language.
    let res = app.submit(&b, &edit, &edit, &[("action", "invite")]).await;
    assert_eq!(res.status(), 303);
    let subject = "Quelques questions : de quelles formations avez-vous besoin ?";
    let invited = |smtp: &Smtp| {
        smtp.to("m1@nairobi.example")
            .into_iter()
            .filter(|m| m.subject() == subject)
            .collect::<Vec<_>>()
    };
    for _ in 0..200 {
        if !invited(&smtp).is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let mails = invited(&smtp);
    assert_eq!(
        mails.len(),
        1,
        "{:?}",
        smtp.messages()
            .iter()
            .map(|m| (m.to.clone(), m.subject()))
            .collect::<Vec<_>>()
    );
    assert!(
        mails[0].text().contains("Compétences nécessaires"),
        "{}",
        mails[0].text()
    );
    assert!(
        mails[0].text().contains(&format!("/surveys/{id}?lang=fr")),
        "{}",
        mails[0].text()
    );
    let (status, again) = app
        .api(
            Method::POST,
            &format!("/api/v1/surveys/{id}/invitations"),
            Some(&nairobi.token),
            None,
        )
        .await;
    assert_eq!(
        (status, again["queued"].as_u64()),
        (200, Some(0)),
        "once each"
    );
    let list = app.page(&b, "/surveys").await;
    assert!(list.contains("Skills we need"), "{list}");
    // The member finds it on their home page, in French.
    let m = browser();
    app.sign_in(&m, "m1@nairobi.example", PASSWORD).await;
    let res = app
        .submit(&m, "/dashboard", "/language", &[("lang", "fr")])
        .await;
    assert_eq!(res.status(), 303);
    let home = app.page(&m, "/dashboard").await;
    assert!(home.contains(&format!("/surveys/{id}")), "{home}");
    assert!(home.contains("Compétences nécessaires"), "{home}");
    let form = app.page(&m, &format!("/surveys/{id}")).await;
    assert!(form.contains("Your unit?"));
    // Someone signed out is asked to sign in; another person is refused.
    let res = browser()
        .get(app.url(&format!("/surveys/{id}")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    assert!(
        res.headers()["location"]
            .to_str()
            .unwrap()
            .starts_with("/sign-in")
    );
    let other = browser();
    app.register("other@example.org", "en").await;
    app.sign_in(&other, "other@example.org", PASSWORD).await;
    let res = other
        .get(app.url(&format!("/surveys/{id}")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    // The coordinator of another organisation cannot open its editor.
    Partner::of_new_organisation(&app, &db, "coord@dakar.example", "Ville de Dakar").await;
    let d = browser();
    app.sign_in(&d, "coord@dakar.example", PASSWORD).await;
    let res = d.get(app.url(&edit)).send().await.unwrap();
    assert_eq!(res.status(), 403);
}
