use kuza_accounts::Role;
use kuza_tests::*;

async fn signed_in_author(app: &TestApp, db: &TestDb, email: &str) -> reqwest::Client {
    let id = app.register(email, "en").await;
    grant(db, id, &[Role::Author]).await;
    let c = browser();
    assert_eq!(app.sign_in(&c, email, PASSWORD).await.status(), 303);
    c
}

fn location(res: &reqwest::Response) -> String {
    res.headers()["location"].to_str().unwrap().to_owned()
}

/// The id in a redirect such as `/studio/modules/7?notice=…`.
fn id_in(location: &str, prefix: &str) -> String {
    location
        .trim_start_matches(prefix)
        .split(['?', '/'])
        .next()
        .unwrap()
        .to_owned()
}

async fn new_course(app: &TestApp, c: &reqwest::Client, slug: &str) -> String {
    let res = app
        .submit(
            c,
            "/studio/new",
            "/studio",
            &[
                ("slug", slug),
                ("format", "blended"),
                ("level", "introductory"),
                ("estimated_hours", "4,5"),
                ("default_language", "en"),
                ("lang_en", "on"),
                ("lang_ar", "on"),
                ("themes", "housing, sdg:11.1"),
                ("title_en", "Adequate housing"),
                ("title_ar", "السكن اللائق"),
                ("summary_en", "What the right to housing means."),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    id_in(&location(&res), "/studio/courses/")
}

async fn add_module_with_lesson(
    app: &TestApp,
    c: &reqwest::Client,
    course: &str,
    en: &str,
    ar: &str,
) -> (String, String) {
    let editor = format!("/studio/courses/{course}");
    let res = app
        .submit(
            c,
            &editor,
            &format!("{editor}/modules"),
            &[("title_en", en), ("title_ar", ar)],
        )
        .await;
    assert_eq!(res.status(), 303);
    let module = id_in(&location(&res), "/studio/modules/");
    let res = app
        .submit(
            c,
            &format!("/studio/modules/{module}/lessons/new"),
            &format!("/studio/modules/{module}/lessons"),
            &[
                ("title_en", &format!("{en}: reading")),
                ("title_ar", &format!("{ar}: قراءة")),
                ("body_en", "Housing is a **right**."),
                ("body_ar", "السكن **حق**."),
                ("required", "on"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    (module, id_in(&location(&res), "/studio/lessons/"))
}

#[tokio::test]
async fn an_author_builds_a_two_language_course_in_the_studio_publishes_edits_and_republishes() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let author = signed_in_author(&app, &db, "studio@example.org").await;
    assert!(
        app.page(&author, "/").await.contains("href=\"/studio\""),
        "authors see the studio in the menu"
    );

    let course = new_course(&app, &author, "adequate-housing").await;
    add_module_with_lesson(
        &app,
        &author,
        &course,
        "The right to housing",
        "الحق في السكن",
    )
    .await;
    let (_, lesson) = add_module_with_lesson(&app, &author, &course, "Tenure", "الحيازة").await;

    let editor = app
        .page(&author, &format!("/studio/courses/{course}"))
        .await;
    assert!(editor.contains("The right to housing") && editor.contains("Tenure"));
    let preview = app
        .page(&author, &format!("/studio/courses/{course}/preview"))
        .await;
    assert!(
        preview.contains("<h1 lang=\"en\" dir=\"ltr\">Adequate housing</h1>"),
        "{preview}"
    );
    assert!(
        preview.contains("class=\"alert alert--info\""),
        "the preview says it is one"
    );
    assert_eq!(
        app.get("/courses/adequate-housing").await.status(),
        404,
        "a preview publishes nothing"
    );

    let res = app
        .submit(
            &author,
            &format!("/studio/courses/{course}"),
            &format!("/studio/courses/{course}/publish"),
            &[],
        )
        .await;
    assert_eq!(res.status(), 303);
    let page = app.page(&author, &location(&res)).await;
    assert!(page.contains("Published as version 1."), "{page}");

    // Edit the draft; learners keep version 1 until the next publication.
    let res = app
        .submit(
            &author,
            &format!("/studio/lessons/{lesson}"),
            &format!("/studio/lessons/{lesson}"),
            &[
                ("title_en", "Security of tenure"),
                ("title_ar", "أمن الحيازة"),
                ("body_en", "Everyone should have security of tenure."),
                ("required", "on"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let learner = browser();
    assert!(
        !app.page(&learner, "/courses/adequate-housing")
            .await
            .contains("Security of tenure")
    );
    app.submit(
        &author,
        &format!("/studio/courses/{course}"),
        &format!("/studio/courses/{course}/publish"),
        &[],
    )
    .await;
    let page = app
        .page(&learner, "/courses/adequate-housing?lang=ar")
        .await;
    assert!(page.contains("<html lang=\"ar\" dir=\"rtl\">"));
    assert!(page.contains("أمن الحيازة"));
    let editor = app
        .page(&author, &format!("/studio/courses/{course}"))
        .await;
    assert!(
        editor.contains("Version 2") && editor.contains("Version 1"),
        "the version history is listed"
    );
}

#[tokio::test]
async fn the_studio_shows_why_a_course_cannot_be_published_and_what_is_untranslated() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let author = signed_in_author(&app, &db, "why@example.org").await;
    let course = new_course(&app, &author, "not-yet").await;
    let res = app
        .submit(
            &author,
            &format!("/studio/courses/{course}"),
            &format!("/studio/courses/{course}/publish"),
            &[],
        )
        .await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains("Add at least one module."), "{html}");
    assert!(
        html.contains("summary in العربية"),
        "missing translations are listed"
    );
}

#[tokio::test]
async fn bad_settings_are_shown_again_with_their_errors() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let author = signed_in_author(&app, &db, "typo@example.org").await;
    let res = app
        .submit(
            &author,
            "/studio/new",
            "/studio",
            &[
                ("slug", "Bad Slug"),
                ("format", "self_paced"),
                ("level", "introductory"),
                ("estimated_hours", "two"),
                ("default_language", "en"),
                ("lang_en", "on"),
                ("title_ar", "عنوان"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(text_of(&html, "#slug-error").is_some());
    assert!(text_of(&html, "#estimated_hours-error").is_some());
    assert!(
        html.contains("value=\"Bad Slug\""),
        "what was typed is kept"
    );
}

#[tokio::test]
async fn learners_and_other_authors_are_kept_out_of_a_course_in_the_studio() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let owner = signed_in_author(&app, &db, "mine@example.org").await;
    let course = new_course(&app, &owner, "kept-private").await;
    let (module, lesson) = add_module_with_lesson(&app, &owner, &course, "One", "واحد").await;
    let other = signed_in_author(&app, &db, "theirs@example.org").await;
    app.register("pupil@example.org", "en").await;
    let learner = browser();
    app.sign_in(&learner, "pupil@example.org", PASSWORD).await;

    assert_eq!(
        learner
            .get(app.url("/studio"))
            .send()
            .await
            .unwrap()
            .status(),
        403
    );
    assert!(
        !app.page(&other, "/studio").await.contains("kept-private"),
        "another author's list excludes it"
    );
    for page in [
        format!("/studio/courses/{course}"),
        format!("/studio/courses/{course}/preview"),
        format!("/studio/modules/{module}"),
        format!("/studio/lessons/{lesson}"),
    ] {
        assert_eq!(
            other.get(app.url(&page)).send().await.unwrap().status(),
            403,
            "{page}"
        );
        assert_eq!(
            learner.get(app.url(&page)).send().await.unwrap().status(),
            403,
            "{page}"
        );
        let res = browser().get(app.url(&page)).send().await.unwrap();
        assert_eq!(res.status(), 303, "{page}");
    }
    for action in [
        format!("/studio/courses/{course}"),
        format!("/studio/courses/{course}/publish"),
        format!("/studio/courses/{course}/modules"),
        format!("/studio/modules/{module}/delete"),
        format!("/studio/lessons/{lesson}/delete"),
    ] {
        let res = app
            .submit(&other, "/studio", &action, &[("title_en", "Taken over")])
            .await;
        assert_eq!(res.status(), 403, "{action}");
    }
    let editor = app.page(&owner, &format!("/studio/courses/{course}")).await;
    assert!(editor.contains("One") && !editor.contains("Taken over"));
}
