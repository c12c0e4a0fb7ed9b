//! An organisation's members: naming an organisation makes a pending
//! member whom no partner follows until one of its coordinators (or an
//! administrator) confirms them, the organisation's own enrolment
//! confirms them, or their confirmed address is at one of its domains.
//! Naming another organisation starts over. Coordinators of another
//! organisation are refused, and a pending member's courses stay hidden.

use kuza_tests::*;
use reqwest::Method;
use serde_json::{Value, json};

/// Names `organisation` in the learner's profile (None: no organisation).
async fn name_organisation(app: &TestApp, token: &str, organisation: Option<i32>) -> Value {
    let (status, me) = app
        .api(
            Method::PATCH,
            "/api/v1/me",
            Some(token),
            Some(
                json!({"display_name": "Test Person", "language": "en", "country": "KE",
                        "organisation_id": organisation}),
            ),
        )
        .await;
    assert_eq!(status, 200, "{me}");
    me
}

async fn members(app: &TestApp, token: &str, org: i32, status: &str) -> Vec<i64> {
    let (code, page) = app
        .api(
            Method::GET,
            &format!("/api/v1/organisations/{org}/members?status={status}"),
            Some(token),
            None,
        )
        .await;
    assert_eq!(code, 200, "{page}");
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_i64().unwrap())
        .collect()
}

#[tokio::test]
async fn a_coordinator_confirms_the_people_who_name_the_organisation_and_no_one_else_sees_them() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let admin = app.admin_token(&db, "admin@example.org").await;
    let nairobi =
        Partner::of_new_organisation(&app, &db, "coord@nairobi.example", "City of Nairobi").await;
    let dakar =
        Partner::of_new_organisation(&app, &db, "coord@dakar.example", "Ville de Dakar").await;
    let org = nairobi.organisation_id;

    let learner = app.register("wanjiru@example.org", "en").await;
    let token = app.access_token("wanjiru@example.org").await;
    let me = name_organisation(&app, &token, Some(org)).await;
    assert_eq!(me["organisation_status"], "pending");

    // Pending: listed as waiting, not as a member, and not followed.
    assert_eq!(
        members(&app, &nairobi.token, org, "pending").await,
        [learner]
    );
    assert!(
        members(&app, &nairobi.token, org, "confirmed")
            .await
            .is_empty()
    );
    let member = format!("/api/v1/organisations/{org}/members/{learner}");
    let (status, _) = app
        .api(Method::GET, &member, Some(&nairobi.token), None)
        .await;
    assert_eq!(status, 404, "a pending member's courses are not shown");

    // Another organisation's coordinator is refused everything.
    for (method, path) in [
        (Method::GET, format!("/api/v1/organisations/{org}/members")),
        (Method::GET, member.clone()),
        (Method::POST, format!("{member}/confirm")),
        (Method::DELETE, member.clone()),
    ] {
        let (status, body) = app
            .api(method.clone(), &path, Some(&dakar.token), None)
            .await;
        assert_eq!(status, 403, "{method} {path}: {body}");
    }
    let (status, body) = app
        .api(
            Method::GET,
            &format!("/api/v1/organisations/{org}/members?status=everyone"),
            Some(&nairobi.token),
            None,
        )
        .await;
    assert_eq!((status, body["code"].as_str()), (400, Some("bad_query")));

    // Confirmed by the coordinator: followed with their courses.
    let (status, body) = app
        .api(
            Method::POST,
            &format!("{member}/confirm"),
            Some(&nairobi.token),
            None,
        )
        .await;
    assert_eq!(status, 204, "{body}");
    let (status, page) = app
        .api(
            Method::GET,
            &format!("/api/v1/organisations/{org}/members"),
            Some(&nairobi.token),
            None,
        )
        .await;
    assert_eq!(status, 200, "{page}");
    assert_eq!(page["items"][0]["id"], learner);
    assert_eq!(page["items"][0]["status"], "confirmed");
    assert_eq!(page["items"][0]["confirmed_by"], "coordinator");
    let owner = app.author_token(&db, "owner@example.org").await;
    let course = PublishedCourse::with_quiz(
        &app,
        &owner,
        "members-course",
        "self_paced",
        quiz(None, None),
    )
    .await;
    let (status, _) = post(
        &app,
        &token,
        format!("/api/v1/courses/{}/enrollments", course.id),
        None,
    )
    .await;
    assert_eq!(status, 201);
    let (status, detail) = app
        .api(Method::GET, &member, Some(&nairobi.token), None)
        .await;
    assert_eq!(status, 200, "{detail}");
    assert_eq!(detail["member"]["organisation_status"], "confirmed");
    assert_eq!(detail["enrollments"][0]["course_slug"], "members-course");
    assert_eq!(detail["enrollments"][0]["progress"]["percent"], 0);
    let (_, page) = app
        .api(
            Method::GET,
            &format!("/api/v1/organisations/{org}/members"),
            Some(&nairobi.token),
            None,
        )
        .await;
    assert_eq!(page["items"][0]["studying"], 1, "{page}");
    assert_eq!(
        count(&db, &format!("SELECT COUNT(*) FROM audit_events WHERE action = 'organisation.member_confirmed' AND subject_id = {org}")).await,
        1
    );

    // Naming another organisation starts over; naming this one again too.
    name_organisation(&app, &token, Some(dakar.organisation_id)).await;
    assert!(
        members(&app, &nairobi.token, org, "confirmed")
            .await
            .is_empty()
    );
    assert_eq!(
        members(&app, &dakar.token, dakar.organisation_id, "pending").await,
        [learner]
    );
    let me = name_organisation(&app, &token, Some(org)).await;
    assert_eq!(me["organisation_status"], "pending");

    // An administrator confirms too; a coordinator removes; removing
    // someone who is not a member is not found.
    let (status, _) = app
        .api(
            Method::POST,
            &format!("{member}/confirm"),
            Some(&admin),
            None,
        )
        .await;
    assert_eq!(status, 204);
    let (_, page) = app
        .api(
            Method::GET,
            &format!("/api/v1/organisations/{org}/members"),
            Some(&admin),
            None,
        )
        .await;
    assert_eq!(page["items"][0]["confirmed_by"], "administrator");
    let (status, _) = app
        .api(Method::DELETE, &member, Some(&nairobi.token), None)
        .await;
    assert_eq!(status, 204);
    let (status, me) = app.api(Method::GET, "/api/v1/me", Some(&token), None).await;
    assert_eq!(
        (status, &me["organisation_id"], &me["organisation_status"]),
        (200, &Value::Null, &Value::Null)
    );
    let (status, _) = app
        .api(Method::DELETE, &member, Some(&nairobi.token), None)
        .await;
    assert_eq!(status, 404);
    let (status, _) = app
        .api(
            Method::POST,
            &format!("{member}/confirm"),
            Some(&nairobi.token),
            None,
        )
        .await;
    assert_eq!(
        status, 404,
        "someone who does not name the organisation is not confirmed"
    );
}

#[tokio::test]
async fn a_declared_domain_and_the_organisations_own_enrolment_confirm_without_asking() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let admin = app.admin_token(&db, "admin@example.org").await;
    let partner =
        Partner::of_new_organisation(&app, &db, "coord@example.org", "City of Kisumu").await;
    let org = partner.organisation_id;

    // Domains: host names only, never a public mail service.
    let put = |body: Value| {
        let admin = admin.clone();
        let app = &app;
        async move {
            app.api(
                Method::PUT,
                &format!("/api/v1/organisations/{org}"),
                Some(&admin),
                Some(body),
            )
            .await
        }
    };
    let base = json!({"name": "City of Kisumu", "kind": "local_government", "country": "KE"});
    let with = |extra: Value| {
        let mut b = base.clone();
        b.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        b
    };
    let (status, body) = put(with(json!({"email_domains": ["gmail.com"]}))).await;
    assert_eq!(
        (status, body["errors"][0]["code"].as_str()),
        (422, Some("email_domain_public")),
        "{body}"
    );
    let (status, body) = put(with(json!({"email_domains": ["not a domain"]}))).await;
    assert_eq!(
        (status, body["errors"][0]["code"].as_str()),
        (422, Some("email_domain_invalid")),
        "{body}"
    );
    let (status, body) = put(with(json!({"names": {"xx": "Nope"}}))).await;
    assert_eq!(
        (status, body["errors"][0]["code"].as_str()),
        (422, Some("language_invalid")),
        "{body}"
    );

    // A person at the domain names the organisation before and after
    // confirming their address: confirmed once the address is.
    let early = app.register("early@kisumu.go.ke", "en").await;
    let early_token = app.access_token("early@kisumu.go.ke").await;
    name_organisation(&app, &early_token, Some(org)).await;
    let (status, body) = put(with(json!({"email_domains": ["Kisumu.go.ke"],
        "names": {"fr": "Ville de Kisumu", "ar": "مدينة كيسومو"}})))
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["email_domains"], json!(["kisumu.go.ke"]));
    assert_eq!(body["names"]["fr"], "Ville de Kisumu");
    assert_eq!(
        members(&app, &partner.token, org, "pending").await,
        [early],
        "an unconfirmed address does not make a member"
    );
    confirm_email(&app, "early@kisumu.go.ke").await;
    assert_eq!(
        members(&app, &partner.token, org, "confirmed").await,
        [early]
    );
    let late = app.register("late@kisumu.go.ke", "en").await;
    confirm_email(&app, "late@kisumu.go.ke").await;
    let late_token = app.access_token("late@kisumu.go.ke").await;
    let me = name_organisation(&app, &late_token, Some(org)).await;
    assert_eq!(me["organisation_status"], "confirmed");
    let (_, page) = app
        .api(
            Method::GET,
            &format!("/api/v1/organisations/{org}/members?q=late"),
            Some(&partner.token),
            None,
        )
        .await;
    assert_eq!(page["items"][0]["id"], late);
    assert_eq!(page["items"][0]["confirmed_by"], "domain");
    // Another domain's address waits.
    let other = app.register("other@elsewhere.example", "en").await;
    confirm_email(&app, "other@elsewhere.example").await;
    let other_token = app.access_token("other@elsewhere.example").await;
    name_organisation(&app, &other_token, Some(org)).await;
    assert_eq!(members(&app, &partner.token, org, "pending").await, [other]);

    // The organisation's own enrolment file confirms the person it names,
    // and the accounts it creates are its members at once.
    let owner = app.author_token(&db, "owner@example.org").await;
    let course = PublishedCourse::with_quiz(
        &app,
        &owner,
        "kisumu-course",
        "self_paced",
        quiz(None, None),
    )
    .await;
    let csv = "email,name,country\nother@elsewhere.example,Other,KE\nnew@elsewhere.example,New Person,KE\n";
    let res = reqwest::Client::new()
        .post(app.url(&format!("/api/v1/courses/{}/enrollments/bulk", course.id)))
        .bearer_auth(&partner.token)
        .header("content-type", "text/csv")
        .body(csv)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let confirmed = members(&app, &partner.token, org, "confirmed").await;
    assert_eq!(confirmed.len(), 4, "{confirmed:?}");
    assert!(confirmed.contains(&other));
    assert!(
        members(&app, &partner.token, org, "pending")
            .await
            .is_empty()
    );
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM users WHERE organisation_confirmation = 'invitation'"
        )
        .await,
        2
    );
}

#[tokio::test]
async fn the_portal_lists_confirms_and_removes_members_in_the_readers_language() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let partner =
        Partner::of_new_organisation(&app, &db, "coord@example.org", "City of Mombasa").await;
    let org = partner.organisation_id;
    let learner = app.register("juma@example.org", "en").await;
    let token = app.access_token("juma@example.org").await;
    name_organisation(&app, &token, Some(org)).await;

    let coord = browser();
    assert_eq!(
        app.sign_in(&coord, "coord@example.org", PASSWORD)
            .await
            .status(),
        303
    );
    let res = app
        .submit(
            &coord,
            "/",
            "/language",
            &[("lang", "fr"), ("back", "/dashboard")],
        )
        .await;
    assert_eq!(res.status(), 303);
    let home = app.page(&coord, "/dashboard").await;
    assert!(
        home.contains(&format!("href=\"/organisations/{org}/members\"")),
        "the coordinator's way in"
    );
    let html = app
        .page(
            &coord,
            &format!("/organisations/{org}/members?status=pending"),
        )
        .await;
    assert!(html.contains("juma@example.org"), "{html}");
    assert!(html.contains("En attente (1)"), "French: {html}");
    let res = app
        .submit(
            &coord,
            &format!("/organisations/{org}/members?status=pending"),
            &format!("/organisations/{org}/members/{learner}/confirm"),
            &[],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert!(location(&res).ends_with("notice=member-confirmed"));
    let html = app
        .page(&coord, &format!("/organisations/{org}/members"))
        .await;
    assert!(
        html.contains(&format!("/organisations/{org}/members/{learner}")),
        "{html}"
    );
    let detail = app
        .page(&coord, &format!("/organisations/{org}/members/{learner}"))
        .await;
    assert!(detail.contains("juma@example.org"));

    // The learner sees where they stand.
    let me = browser();
    assert_eq!(
        app.sign_in(&me, "juma@example.org", PASSWORD)
            .await
            .status(),
        303
    );
    let profile = app.page(&me, "/profile").await;
    assert!(
        text_of(&profile, "#organisation_id-status").is_some(),
        "{profile}"
    );

    let res = app
        .submit(
            &coord,
            &format!("/organisations/{org}/members"),
            &format!("/organisations/{org}/members/{learner}/remove"),
            &[],
        )
        .await;
    assert_eq!(res.status(), 303);
    let res = browser()
        .get(app.url(&format!("/organisations/{org}/members/{learner}")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303, "signed out");
    assert!(location(&res).starts_with("/sign-in?next="));
    let res = coord
        .get(app.url(&format!("/organisations/{org}/members/{learner}")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404, "no longer a member");
}
