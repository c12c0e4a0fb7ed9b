use kuza_accounts::Role;
use kuza_tests::*;

async fn signed_in_author(app: &TestApp, db: &TestDb, email: &str) -> reqwest::Client {
    let id = app.register(email, "en").await;
    grant(db, id, &[Role::Author]).await;
    let c = browser();
    assert_eq!(app.sign_in(&c, email, PASSWORD).await.status(), 303);
    c
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

#[tokio::test]
async fn an_author_writes_a_quiz_in_the_studio_and_learners_see_it_without_answers() {
    let db = TestDb::new().await;
    let app = TestApp::spawn(&db, Options::default()).await;
    let author = signed_in_author(&app, &db, "quiz@example.org").await;
    let course = new_course(&app, &author, "housing-quiz").await;
    let (module, _) = add_module_with_lesson(&app, &author, &course, "Tenure", "الحيازة").await;

    // A quiz lesson, then its settings.
    let res = app
        .submit(
            &author,
            &format!("/studio/modules/{module}/lessons/new"),
            &format!("/studio/modules/{module}/lessons"),
            &[
                ("kind", "quiz"),
                ("title_en", "Check yourself"),
                ("title_ar", "اختبر نفسك"),
                ("required", "on"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let quiz = id_in(&location(&res), "/studio/lessons/");
    let page = format!("/studio/lessons/{quiz}");
    let res = app
        .submit(
            &author,
            &page,
            &page,
            &[
                ("kind", "quiz"),
                ("title_en", "Check yourself"),
                ("quiz_pass_mark", "150"),
                ("quiz_attempts", "two"),
                ("required", "on"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(
        html.contains("Enter a pass mark between 1 and 100."),
        "{html}"
    );
    assert!(html.contains("Enter a number of attempts between 1 and 100"));
    let res = app
        .submit(
            &author,
            &page,
            &page,
            &[
                ("kind", "quiz"),
                ("title_en", "Check yourself"),
                ("title_ar", "اختبر نفسك"),
                ("quiz_pass_mark", "50"),
                ("quiz_attempts", "2"),
                ("quiz_time_limit_minutes", "10"),
                ("required", "on"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);

    // A single-choice question with no correct option saves, but does not publish.
    let res = app
        .submit(
            &author,
            &page,
            &format!("{page}/questions"),
            &[("question_kind", "single")],
        )
        .await;
    assert_eq!(res.status(), 303);
    let question = location(&res).split('?').next().unwrap().to_owned();
    let fields = |correct: Option<&'static str>| {
        let mut f = vec![
            ("points", "2"),
            ("prompt_en", "Which criterion covers evictions?"),
            ("prompt_ar", "أي معيار يتناول الإخلاء؟"),
            ("opt0_text_en", "Security of tenure"),
            ("opt0_text_ar", "أمن الحيازة"),
            (
                "opt0_feedback_en",
                "Yes: tenure protects against forced eviction.",
            ),
            ("opt1_text_en", "Cultural adequacy"),
            ("opt1_text_ar", "الملاءمة الثقافية"),
        ];
        if let Some(c) = correct {
            f.push(("correct", c));
        }
        f
    };
    let res = app
        .submit(&author, &question, &question, &fields(None))
        .await;
    assert_eq!(res.status(), 303);
    let res = app
        .submit(
            &author,
            &format!("/studio/courses/{course}"),
            &format!("/studio/courses/{course}/publish"),
            &[],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("Mark exactly one option as correct."),
    );
    let res = app
        .submit(&author, &question, &question, &fields(Some("0")))
        .await;
    assert_eq!(res.status(), 303);
    let editor = app.page(&author, &page).await;
    assert!(editor.contains("Which criterion covers evictions?") && editor.contains("2 points"));
    let res = app
        .submit(
            &author,
            &format!("/studio/courses/{course}"),
            &format!("/studio/courses/{course}/publish"),
            &[],
        )
        .await;
    assert_eq!(res.status(), 303);

    // The learner's lesson page: facts about the quiz, not its answers.
    let learner = browser();
    let course_page = app.page(&learner, "/courses/housing-quiz?lang=ar").await;
    let href = course_page
        .split("href=\"/courses/housing-quiz/lessons/")
        .nth(2)
        .and_then(|s| s.split('"').next())
        .expect("a link to the quiz lesson");
    let html = app
        .page(&learner, &format!("/courses/housing-quiz/lessons/{href}"))
        .await;
    assert!(html.contains("اختبر نفسك"), "{html}");
    assert!(!html.contains("tenure protects"), "feedback stays hidden");

    // A bad question is shown again with its errors.
    let res = app
        .submit(
            &author,
            &question,
            &question,
            &[("points", "-3"), ("opt0_text_en", "Only one")],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("Enter whole points between 0 and 1000.")
    );
}
