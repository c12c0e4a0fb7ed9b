//! Rules without a database: enrolment settings, cohort and session input,
//! a cohort's enrolment window, and the attendance rate.

use kuza_enrollment::cohorts::{Cohort, CohortInput, open_at};
use kuza_enrollment::sessions::{Rate, SessionInput};
use kuza_enrollment::{EnrolmentMode, GradePolicy, Settings, SettingsInput};
use std::collections::BTreeMap;

fn settings(mode: &str) -> SettingsInput {
    SettingsInput {
        enrolment: mode.into(),
        grade_policy: "best".into(),
        ..SettingsInput::default()
    }
}

fn screening_question(text: &str) -> BTreeMap<String, String> {
    BTreeMap::from([("en".to_owned(), text.to_owned())])
}

fn problems_of(input: SettingsInput) -> Vec<(&'static str, &'static str)> {
    input.parse().expect_err("refused")
}

#[test]
fn valid_settings_are_returned_as_given() {
    let input = SettingsInput {
        enrolment: " key ".into(),
        enrolment_key: Some("river-42".into()),
        enrolment_cap: Some(30),
        grade_policy: "last".into(),
        attendance_percent: Some(80),
        screening_questions: vec![],
        certificate_min_score: Some(70),
        certificate_needs_report: true,
    };

    assert_eq!(
        input.parse(),
        Ok(Settings {
            enrolment: EnrolmentMode::Key,
            enrolment_key: Some("river-42".into()),
            enrolment_cap: Some(30),
            grade_policy: GradePolicy::Last,
            attendance_percent: Some(80),
            screening_questions: vec![],
            certificate_min_score: Some(70),
            certificate_needs_report: true,
        })
    );
}

#[test]
fn an_application_with_questions_is_valid() {
    let input = SettingsInput {
        screening_questions: vec![screening_question("Why this course?")],
        ..settings("application")
    };

    let s = input.parse().expect("valid");

    assert_eq!(s.enrolment, EnrolmentMode::Application);
    assert_eq!(
        s.screening_questions,
        [screening_question("Why this course?")]
    );
}

#[test]
fn an_unknown_mode_or_grade_policy_is_refused() {
    let unknown_mode = settings("invite-only");
    let unknown_policy = SettingsInput {
        grade_policy: "average".into(),
        ..settings("open")
    };
    let both = SettingsInput {
        grade_policy: "".into(),
        ..settings("Open")
    };

    assert_eq!(problems_of(unknown_mode), [("enrolment", "unknown_value")]);
    assert_eq!(
        problems_of(unknown_policy),
        [("grade_policy", "unknown_value")]
    );
    assert_eq!(
        problems_of(both),
        [
            ("enrolment", "unknown_value"),
            ("grade_policy", "unknown_value")
        ]
    );
}

#[test]
fn a_key_mode_needs_a_key_that_is_not_blank() {
    let missing = settings("key");
    let blank = SettingsInput {
        enrolment_key: Some("   ".into()),
        ..settings("key")
    };

    assert_eq!(problems_of(missing), [("enrolment_key", "required")]);
    assert_eq!(problems_of(blank), [("enrolment_key", "required")]);
}

#[test]
fn a_key_is_at_most_100_characters() {
    let longest = SettingsInput {
        enrolment_key: Some("é".repeat(100)),
        ..settings("key")
    };
    let too_long = SettingsInput {
        enrolment_key: Some("é".repeat(101)),
        ..settings("key")
    };
    let too_long_unused = SettingsInput {
        enrolment_key: Some("k".repeat(101)),
        ..settings("open")
    };

    assert!(
        longest
            .parse()
            .is_ok_and(|s| s.enrolment == EnrolmentMode::Key)
    );
    assert_eq!(problems_of(too_long), [("enrolment_key", "too_long")]);
    assert_eq!(
        problems_of(too_long_unused),
        [("enrolment_key", "too_long")]
    );
}

#[test]
fn a_cap_is_between_one_and_a_million() {
    let cap = |n| SettingsInput {
        enrolment_cap: Some(n),
        ..settings("open")
    };

    assert_eq!(cap(1).parse().map(|s| s.enrolment_cap), Ok(Some(1)));
    assert_eq!(
        cap(1_000_000).parse().map(|s| s.enrolment_cap),
        Ok(Some(1_000_000))
    );
    assert_eq!(problems_of(cap(0)), [("enrolment_cap", "out_of_range")]);
    assert_eq!(problems_of(cap(-5)), [("enrolment_cap", "out_of_range")]);
    assert_eq!(
        problems_of(cap(1_000_001)),
        [("enrolment_cap", "out_of_range")]
    );
}

#[test]
fn an_attendance_rule_is_between_one_and_a_hundred_percent() {
    let rule = |n| SettingsInput {
        attendance_percent: Some(n),
        ..settings("open")
    };

    assert_eq!(rule(1).parse().map(|s| s.attendance_percent), Ok(Some(1)));
    assert_eq!(
        rule(100).parse().map(|s| s.attendance_percent),
        Ok(Some(100))
    );
    assert_eq!(
        problems_of(rule(0)),
        [("attendance_percent", "out_of_range")]
    );
    assert_eq!(
        problems_of(rule(101)),
        [("attendance_percent", "out_of_range")]
    );
}

#[test]
fn an_application_needs_screening_questions() {
    assert_eq!(
        problems_of(settings("application")),
        [("screening_questions", "required")]
    );
}

#[test]
fn screening_questions_are_at_most_ten_each_with_some_short_text() {
    let with = |questions: Vec<BTreeMap<String, String>>| SettingsInput {
        screening_questions: questions,
        ..settings("application")
    };
    let ten = with(vec![screening_question("Why?"); 10]);
    let eleven = with(vec![screening_question("Why?"); 11]);
    let blank = with(vec![BTreeMap::from([
        ("en".to_owned(), "  ".to_owned()),
        ("fr".to_owned(), String::new()),
    ])]);
    let no_text = with(vec![BTreeMap::new()]);
    let longest = with(vec![screening_question(&"é".repeat(500))]);
    let too_long = with(vec![BTreeMap::from([
        ("en".to_owned(), "Why?".to_owned()),
        ("fr".to_owned(), "é".repeat(501)),
    ])]);

    assert_eq!(ten.parse().map(|s| s.screening_questions.len()), Ok(10));
    assert_eq!(longest.parse().map(|s| s.screening_questions.len()), Ok(1));
    for (name, input) in [
        ("eleven", eleven),
        ("blank", blank),
        ("no text", no_text),
        ("too long", too_long),
    ] {
        assert_eq!(
            problems_of(input),
            [("screening_questions", "out_of_range")],
            "{name}"
        );
    }
}

#[test]
fn every_problem_is_reported_at_once() {
    let input = SettingsInput {
        enrolment: "key".into(),
        enrolment_key: None,
        enrolment_cap: Some(0),
        grade_policy: "median".into(),
        attendance_percent: Some(0),
        screening_questions: vec![BTreeMap::new()],
        certificate_min_score: Some(101),
        certificate_needs_report: false,
    };

    assert_eq!(
        problems_of(input),
        [
            ("enrolment_key", "required"),
            ("enrolment_cap", "out_of_range"),
            ("grade_policy", "unknown_value"),
            ("screening_questions", "out_of_range"),
            ("attendance_percent", "out_of_range"),
            ("certificate_min_score", "out_of_range"),
        ]
    );
}

const DAY: i64 = 86_400;

fn cohort_input() -> CohortInput {
    CohortInput {
        name: "Nairobi, March".into(),
        language: "en".into(),
        starts_at: 10 * DAY,
        ends_at: 40 * DAY,
        opens_at: Some(DAY),
        closes_at: Some(9 * DAY),
        capacity: Some(25),
        confirm_hours: 48,
        facilitators: vec![],
    }
}

fn languages() -> Vec<String> {
    vec!["en".into(), "sw".into()]
}

#[test]
fn a_complete_cohort_has_no_problems() {
    let unlimited = CohortInput {
        opens_at: None,
        closes_at: None,
        capacity: None,
        ..cohort_input()
    };

    assert_eq!(cohort_input().problems(&languages()), []);
    assert_eq!(unlimited.problems(&languages()), []);
}

#[test]
fn a_cohort_needs_a_name_of_at_most_120_characters() {
    let name = |n: &str| CohortInput {
        name: n.into(),
        ..cohort_input()
    };

    assert_eq!(name("   ").problems(&languages()), [("name", "required")]);
    assert_eq!(
        name(&"é".repeat(121)).problems(&languages()),
        [("name", "too_long")]
    );
    assert_eq!(name(&"é".repeat(120)).problems(&languages()), []);
    assert_eq!(
        name("Nairobi\r\nBcc: x").problems(&languages()),
        [("name", "control_character")]
    );
}

#[test]
fn a_cohort_is_taught_in_one_of_the_course_languages() {
    let french = CohortInput {
        language: "fr".into(),
        ..cohort_input()
    };

    assert_eq!(
        french.problems(&languages()),
        [("language", "not_a_course_language")]
    );
}

#[test]
fn a_cohort_ends_after_it_starts() {
    let same = CohortInput {
        ends_at: 10 * DAY,
        closes_at: None,
        ..cohort_input()
    };

    assert_eq!(same.problems(&languages()), [("ends_at", "before_start")]);
}

#[test]
fn enrolment_closes_after_it_opens_and_no_later_than_the_end() {
    let at = |opens: i64, closes: i64| CohortInput {
        opens_at: Some(opens),
        closes_at: Some(closes),
        ..cohort_input()
    };

    assert_eq!(
        at(5 * DAY, 5 * DAY - 1).problems(&languages()),
        [("closes_at", "before_opening")]
    );
    assert_eq!(at(5 * DAY, 5 * DAY).problems(&languages()), []);
    assert_eq!(
        at(DAY, 40 * DAY + 1).problems(&languages()),
        [("closes_at", "after_end")]
    );
    assert_eq!(at(DAY, 40 * DAY).problems(&languages()), []);
}

#[test]
fn a_cohort_capacity_and_confirmation_time_have_bounds() {
    let with = |capacity: Option<i32>, confirm_hours: i32| CohortInput {
        capacity,
        confirm_hours,
        ..cohort_input()
    };

    assert_eq!(with(Some(1), 1).problems(&languages()), []);
    assert_eq!(with(Some(100_000), 720).problems(&languages()), []);
    assert_eq!(
        with(Some(0), 48).problems(&languages()),
        [("capacity", "out_of_range")]
    );
    assert_eq!(
        with(Some(100_001), 48).problems(&languages()),
        [("capacity", "out_of_range")]
    );
    assert_eq!(
        with(None, 0).problems(&languages()),
        [("confirm_hours", "out_of_range")]
    );
    assert_eq!(
        with(None, 721).problems(&languages()),
        [("confirm_hours", "out_of_range")]
    );
}

#[test]
fn every_cohort_problem_is_reported_at_once() {
    let input = CohortInput {
        name: String::new(),
        language: "xx".into(),
        starts_at: 10 * DAY,
        ends_at: 5 * DAY,
        opens_at: Some(4 * DAY),
        closes_at: Some(6 * DAY),
        capacity: Some(0),
        confirm_hours: 0,
        facilitators: vec![],
    };

    assert_eq!(
        input.problems(&languages()),
        [
            ("name", "required"),
            ("language", "not_a_course_language"),
            ("ends_at", "before_start"),
            ("closes_at", "after_end"),
            ("capacity", "out_of_range"),
            ("confirm_hours", "out_of_range"),
        ]
    );
}

fn session_input() -> SessionInput {
    SessionInput {
        title: "Water quality lab".into(),
        starts_at: 1_000,
        ends_at: 4_600,
        time_zone: "Africa/Nairobi".into(),
        venue: Some("Room 4".into()),
        meeting_url: None,
        lesson_key: Some("live-1".into()),
    }
}

fn live_lessons() -> Vec<String> {
    vec!["live-1".into(), "live-2".into()]
}

#[test]
fn a_complete_session_has_no_problems() {
    let online = SessionInput {
        venue: None,
        meeting_url: Some("https://meet.example.org/water".into()),
        lesson_key: None,
        time_zone: " Europe/Lisbon ".into(),
        ..session_input()
    };
    let blank_lesson = SessionInput {
        lesson_key: Some("  ".into()),
        ..session_input()
    };

    assert_eq!(session_input().problems(&live_lessons()), []);
    assert_eq!(online.problems(&live_lessons()), []);
    assert_eq!(blank_lesson.problems(&[]), []);
}

#[test]
fn a_session_needs_a_title_of_at_most_200_characters() {
    let title = |t: &str| SessionInput {
        title: t.into(),
        ..session_input()
    };

    assert_eq!(
        title(" ").problems(&live_lessons()),
        [("title", "required")]
    );
    assert_eq!(
        title(&"é".repeat(201)).problems(&live_lessons()),
        [("title", "too_long")]
    );
    assert_eq!(title(&"é".repeat(200)).problems(&live_lessons()), []);
    for control in ["Intro\rDTSTART:19700101T000000Z", "a\u{0}b", "a\nb"] {
        assert_eq!(
            title(control).problems(&live_lessons()),
            [("title", "control_character")],
            "{control:?}"
        );
    }
    let venue = SessionInput {
        venue: Some("Room 4\rLOCATION:elsewhere".into()),
        ..session_input()
    };
    assert_eq!(
        venue.problems(&live_lessons()),
        [("venue", "control_character")]
    );
}

#[test]
fn a_session_ends_after_it_starts() {
    let same = SessionInput {
        ends_at: 1_000,
        ..session_input()
    };

    assert_eq!(
        same.problems(&live_lessons()),
        [("ends_at", "before_start")]
    );
}

#[test]
fn a_session_takes_place_in_a_known_time_zone() {
    for zone in ["Mars/Olympus_Mons", "", "EAT+3"] {
        let input = SessionInput {
            time_zone: zone.into(),
            ..session_input()
        };
        assert_eq!(
            input.problems(&live_lessons()),
            [("time_zone", "unknown_time_zone")],
            "{zone:?}"
        );
    }
}

#[test]
fn a_session_happens_at_a_venue_or_a_secure_link() {
    let place = |venue: Option<&str>, url: Option<&str>| SessionInput {
        venue: venue.map(str::to_owned),
        meeting_url: url.map(str::to_owned),
        ..session_input()
    };

    assert_eq!(
        place(None, None).problems(&live_lessons()),
        [("venue", "venue_or_link_required")]
    );
    assert_eq!(
        place(Some(" "), Some("")).problems(&live_lessons()),
        [("venue", "venue_or_link_required")]
    );
    assert_eq!(
        place(Some(&"é".repeat(501)), None).problems(&live_lessons()),
        [("venue", "too_long")]
    );
    assert_eq!(
        place(Some(&"é".repeat(500)), None).problems(&live_lessons()),
        []
    );
    let long_link = format!("https://meet.example.org/{}", "a".repeat(2000));
    for url in [
        "http://meet.example.org/w",
        "https://meet.example.org/a b",
        &long_link,
    ] {
        assert_eq!(
            place(Some("Room 4"), Some(url)).problems(&live_lessons()),
            [("meeting_url", "not_https")],
            "{url}"
        );
    }
    // The bad link is reported once, not also as a missing place.
    assert_eq!(
        place(None, Some("ftp://example.org")).problems(&live_lessons()),
        [("meeting_url", "not_https")]
    );
}

#[test]
fn a_session_stands_only_for_a_live_lesson_of_the_course() {
    let other = SessionInput {
        lesson_key: Some("text-lesson".into()),
        ..session_input()
    };

    assert_eq!(
        other.problems(&live_lessons()),
        [("lesson_key", "not_a_live_lesson")]
    );
}

fn cohort(opens_at: Option<i64>, closes_at: Option<i64>) -> Cohort {
    Cohort {
        id: 1,
        course_id: 1,
        name: "March".into(),
        language: "en".into(),
        starts_at: 1_000,
        ends_at: 2_000,
        opens_at,
        closes_at,
        capacity: None,
        confirm_hours: 48,
        created_at: 0,
        updated_at: 0,
    }
}

#[test]
fn a_cohort_without_a_window_takes_enrolments_until_it_starts() {
    let c = cohort(None, None);

    assert!(open_at(&c, i64::MIN / 2));
    assert!(open_at(&c, 1_000));
    assert!(!open_at(&c, 1_001));
}

#[test]
fn a_cohort_window_includes_its_opening_and_closing_seconds() {
    let c = cohort(Some(500), Some(1_500));

    assert!(!open_at(&c, 499));
    assert!(open_at(&c, 500));
    assert!(open_at(&c, 1_500));
    assert!(!open_at(&c, 1_501));
}

#[test]
fn no_enrolment_is_taken_once_a_cohort_has_ended() {
    let c = cohort(None, Some(5_000));

    assert!(open_at(&c, 1_999));
    assert!(!open_at(&c, 2_000));
}

#[test]
fn an_attendance_rule_is_met_at_exactly_its_percentage() {
    let rate = |present, counted| Rate { present, counted };

    assert!(rate(1, 2).meets(50));
    assert!(!rate(1, 2).meets(51));
    assert!(rate(3, 3).meets(100));
    assert!(!rate(2, 3).meets(67));
    assert!(rate(2, 3).meets(66));
    assert!(!rate(0, 1).meets(1));
}

#[test]
fn with_nothing_to_attend_any_attendance_rule_is_met() {
    let nothing = Rate {
        present: 0,
        counted: 0,
    };

    assert!(nothing.meets(100));
    assert!(nothing.meets(1));
}
