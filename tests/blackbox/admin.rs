use kuza_accounts::Role;
use kuza_tests::*;
use reqwest::Method;
use serde_json::json;

async fn admin_app() -> (TestDb, TestApp, reqwest::Client) {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let id = app.register("boss@example.org", "en").await;
    grant(&db, id, &[Role::Admin]).await;
    let c = browser();
    assert_eq!(
        app.sign_in(&c, "boss@example.org", PASSWORD).await.status(),
        303
    );
    (db, app, c)
}

#[tokio::test]
async fn an_administrator_grants_the_author_role_in_the_portal() {
    let (_db, app, admin) = admin_app().await;
    let id = app.register("writer@example.org", "en").await;
    let list = app.page(&admin, "/admin/users?q=writer").await;
    assert!(list.contains("writer@example.org") && !list.contains("boss@example.org"));
    let res = app
        .submit(
            &admin,
            &format!("/admin/users/{id}"),
            &format!("/admin/users/{id}"),
            &[("role_author", "on"), ("active", "on")],
        )
        .await;
    assert_eq!(res.status(), 303);
    let page = app
        .page(
            &admin,
            &format!("/admin/users/{id}?notice=admin-user-saved"),
        )
        .await;
    assert!(page.contains("The user is saved."));
    assert!(page.contains("id=\"role_author\" name=\"role_author\" value=\"on\" checked"));
    let t = app.token("writer@example.org").await;
    let (_, me) = app
        .api(Method::GET, "/api/v1/me", t["access_token"].as_str(), None)
        .await;
    assert_eq!(me["roles"], json!(["author"]));
    // The change is in the audit log.
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let conn = _db.connect().await;
    let events = kuza_db::entities::audit_event::Entity::find()
        .filter(kuza_db::entities::audit_event::Column::Action.eq("user.roles_changed"))
        .all(&conn)
        .await
        .unwrap();
    assert!(
        events
            .iter()
            .any(|e| e.subject_id == Some(id as i32) && e.actor_id.is_some())
    );
}

#[tokio::test]
async fn a_partner_role_needs_an_organisation() {
    let (_db, app, admin) = admin_app().await;
    let id = app.register("partner@example.org", "en").await;
    let res = app
        .submit(
            &admin,
            &format!("/admin/users/{id}"),
            &format!("/admin/users/{id}"),
            &[("role_partner", "on"), ("active", "on")],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(text_of(&res.text().await.unwrap(), "#partner_organisation_id-error").is_some());
    let res = app
        .submit(
            &admin,
            "/admin/organisations/new",
            "/admin/organisations",
            &[
                ("name", "Ville de Dakar"),
                ("kind", "local_government"),
                ("country", "SN"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let org_id: String = res.headers()["location"]
        .to_str()
        .unwrap()
        .trim_start_matches("/admin/organisations/")
        .split('?')
        .next()
        .unwrap()
        .into();
    let res = app
        .submit(
            &admin,
            &format!("/admin/users/{id}"),
            &format!("/admin/users/{id}"),
            &[
                ("role_partner", "on"),
                ("partner_organisation_id", &org_id),
                ("active", "on"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let t = app.token("partner@example.org").await;
    let (_, me) = app
        .api(Method::GET, "/api/v1/me", t["access_token"].as_str(), None)
        .await;
    assert_eq!(me["roles"], json!(["partner"]));
    assert_eq!(me["partner_organisation_id"].to_string(), org_id);
}

#[tokio::test]
async fn an_administrator_cannot_lock_themselves_out() {
    let (_db, app, admin) = admin_app().await;
    let page = app.page(&admin, "/admin/users?q=boss").await;
    let id = page
        .split("/admin/users/")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    let res = app
        .submit(
            &admin,
            &format!("/admin/users/{id}"),
            &format!("/admin/users/{id}"),
            &[],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        admin
            .get(app.url("/admin/users"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    let t = app.token("boss@example.org").await;
    let (status, body) = app
        .api(
            Method::PUT,
            &format!("/api/v1/users/{id}/roles"),
            t["access_token"].as_str(),
            Some(json!({"roles": []})),
        )
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (409, Some("cannot_demote_self"))
    );
}

#[tokio::test]
async fn a_disabled_account_cannot_sign_in_and_loses_its_sessions() {
    let (_db, app, _admin) = admin_app().await;
    let id = app.register("gone@example.org", "en").await;
    let user = browser();
    app.sign_in(&user, "gone@example.org", PASSWORD).await;
    let user_tokens = app.token("gone@example.org").await;
    let t = app.token("boss@example.org").await;
    let (status, body) = app
        .api(
            Method::PATCH,
            &format!("/api/v1/users/{id}"),
            t["access_token"].as_str(),
            Some(json!({"active": false})),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["active"], false);
    assert_eq!(
        user.get(app.url("/profile")).send().await.unwrap().status(),
        303
    );
    let (status, _) = app
        .api(
            Method::GET,
            "/api/v1/me",
            user_tokens["access_token"].as_str(),
            None,
        )
        .await;
    assert_eq!(status, 401);
    let (status, body) = app
        .api(
            Method::POST,
            "/api/v1/auth/token",
            None,
            Some(json!({"email": "gone@example.org", "password": PASSWORD})),
        )
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (401, Some("account_disabled"))
    );
}

#[tokio::test]
async fn users_and_organisations_lists_are_paginated() {
    let (_db, app, _admin) = admin_app().await;
    for i in 0..5 {
        app.register(&format!("u{i}@example.org"), "en").await;
    }
    let t = app.token("boss@example.org").await;
    let tok = t["access_token"].as_str();
    let (status, page) = app
        .api(Method::GET, "/api/v1/users?per_page=2&page=2", tok, None)
        .await;
    assert_eq!(status, 200);
    assert_eq!(
        (
            page["total"].as_i64(),
            page["page"].as_i64(),
            page["per_page"].as_i64()
        ),
        (Some(6), Some(2), Some(2))
    );
    assert_eq!(page["items"].as_array().unwrap().len(), 2);
    let (_, page) = app
        .api(Method::GET, "/api/v1/users?per_page=1000", tok, None)
        .await;
    assert_eq!(page["per_page"], 100);
    let (status, _) = app
        .api(Method::GET, "/api/v1/users?page=abc", tok, None)
        .await;
    assert_eq!(status, 400);

    for name in ["Alpha", "Beta", "Gamma"] {
        let (status, _) = app
            .api(
                Method::POST,
                "/api/v1/organisations",
                tok,
                Some(json!({"name": name, "kind": "academia", "country": "KE"})),
            )
            .await;
        assert_eq!(status, 201);
    }
    let (status, body) = app
        .api(
            Method::POST,
            "/api/v1/organisations",
            tok,
            Some(json!({"name": "Alpha", "kind": "academia", "country": "KE"})),
        )
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (409, Some("organisation_name_taken"))
    );
    let (status, body) = app
        .api(
            Method::POST,
            "/api/v1/organisations",
            tok,
            Some(json!({"name": "Delta", "kind": "club", "country": "KE"})),
        )
        .await;
    assert_eq!(
        (status, body["errors"][0]["code"].as_str()),
        (422, Some("organisation_kind_invalid"))
    );
    let (_, page) = app
        .api(Method::GET, "/api/v1/organisations?per_page=2", None, None)
        .await;
    assert_eq!(page["total"], 3);
    assert_eq!(page["items"][0]["name"], "Alpha");
}
