//! How far a learner is in a course: `Progress::of` over a document built
//! by hand, and `lesson` to find a lesson in it.

use kuza_courses::Document;
use kuza_courses::content::Content;
use kuza_courses::versions::{DocLesson, DocModule};
use kuza_db::values::{Format, LessonKind, Level};
use kuza_progress::{ModuleProgress, Progress, lesson};
use std::collections::{BTreeMap, BTreeSet};

fn text_lesson(key: &str, required: bool) -> DocLesson {
    DocLesson {
        key: key.to_owned(),
        kind: LessonKind::Text,
        required,
        title: BTreeMap::from([("en".to_owned(), key.to_owned())]),
        body: BTreeMap::new(),
        html: BTreeMap::new(),
        content: Content::default(),
        transcript_html: BTreeMap::new(),
    }
}

fn module(key: &str, lessons: Vec<DocLesson>) -> DocModule {
    DocModule {
        key: key.to_owned(),
        title: BTreeMap::from([("en".to_owned(), key.to_owned())]),
        lessons,
    }
}

fn document(modules: Vec<DocModule>) -> Document {
    Document {
        slug: "water-basics".into(),
        format: Format::SelfPaced,
        level: Level::Introductory,
        estimated_minutes: 60,
        default_language: "en".into(),
        languages: vec!["en".into()],
        themes: vec![],
        title: BTreeMap::from([("en".to_owned(), "Water".to_owned())]),
        summary: BTreeMap::new(),
        cover: None,
        modules,
        media: BTreeMap::new(),
    }
}

/// Optional lessons (none required), named as given.
fn optional(keys: &[&str]) -> Vec<DocLesson> {
    keys.iter().map(|k| text_lesson(k, false)).collect()
}

fn done(keys: &[&str]) -> BTreeSet<String> {
    keys.iter().map(|k| (*k).to_owned()).collect()
}

fn module_progress(key: &str, done: usize, total: usize, percent: u8) -> ModuleProgress {
    ModuleProgress {
        key: key.to_owned(),
        done,
        total,
        percent,
    }
}

#[test]
fn progress_is_counted_per_module_and_for_the_whole_course() {
    let doc = document(vec![
        module("m1", optional(&["a", "b", "c"])),
        module("m2", optional(&["d", "e"])),
    ]);

    let p = Progress::of(&doc, &done(&["a", "d", "e"]));

    assert_eq!(
        p,
        Progress {
            done: 3,
            total: 5,
            percent: 60,
            modules: vec![
                module_progress("m1", 1, 3, 33),
                module_progress("m2", 2, 2, 100),
            ],
            next: Some("b".into()),
        }
    );
    assert!(!p.finished());
}

#[test]
fn when_no_lesson_is_required_every_lesson_counts() {
    let doc = document(vec![module("m1", optional(&["a", "b", "c", "d"]))]);

    let p = Progress::of(&doc, &done(&["b"]));

    assert_eq!((p.done, p.total, p.percent), (1, 4, 25));
}

#[test]
fn when_some_lessons_are_required_only_those_count() {
    let doc = document(vec![
        module(
            "m1",
            vec![text_lesson("a", true), text_lesson("optional-1", false)],
        ),
        module(
            "m2",
            vec![text_lesson("optional-2", false), text_lesson("c", true)],
        ),
    ]);

    let optional_only = Progress::of(&doc, &done(&["optional-1", "optional-2"]));
    let required_only = Progress::of(&doc, &done(&["a", "c"]));

    assert_eq!(
        (
            optional_only.done,
            optional_only.total,
            optional_only.percent
        ),
        (0, 2, 0)
    );
    assert_eq!(
        optional_only.modules,
        [
            module_progress("m1", 0, 1, 0),
            module_progress("m2", 0, 1, 0)
        ]
    );
    assert!(!optional_only.finished());
    assert_eq!(
        (
            required_only.done,
            required_only.total,
            required_only.percent
        ),
        (2, 2, 100)
    );
    assert!(required_only.finished());
    // Where to resume still walks every lesson, optional ones included.
    assert_eq!(required_only.next.as_deref(), Some("optional-1"));
}

#[test]
fn the_percentage_is_floored_so_it_never_reads_100_before_the_last_lesson() {
    let keys: Vec<String> = (0..200).map(|i| format!("l{i:03}")).collect();
    let lessons = keys.iter().map(|k| text_lesson(k, false)).collect();
    let doc = document(vec![module("m1", lessons)]);
    let all_but_last: BTreeSet<String> = keys[..199].iter().cloned().collect();
    let two_of_three = document(vec![module("m1", optional(&["a", "b", "c"]))]);

    let almost = Progress::of(&doc, &all_but_last);
    let two_thirds = Progress::of(&two_of_three, &done(&["a", "b"]));

    // 199/200 is 99.5 %, which rounding would show as 100.
    assert_eq!((almost.done, almost.total, almost.percent), (199, 200, 99));
    assert_eq!(almost.modules[0].percent, 99);
    assert!(!almost.finished());
    assert_eq!(almost.next.as_deref(), Some("l199"));
    assert_eq!(two_thirds.percent, 66);
}

#[test]
fn next_is_the_first_lesson_not_completed_in_course_order() {
    // Keys whose alphabetical order differs from the course's order.
    let doc = document(vec![
        module("m1", optional(&["zeta", "alpha"])),
        module("m2", optional(&["omega", "beta"])),
    ]);

    let nothing = Progress::of(&doc, &done(&[]));
    let first_skipped = Progress::of(&doc, &done(&["alpha"]));
    let first_module_done = Progress::of(&doc, &done(&["zeta", "alpha", "beta"]));
    let everything = Progress::of(&doc, &done(&["zeta", "alpha", "omega", "beta"]));

    assert_eq!(nothing.next.as_deref(), Some("zeta"));
    assert_eq!(first_skipped.next.as_deref(), Some("zeta"));
    assert_eq!(first_module_done.next.as_deref(), Some("omega"));
    assert_eq!(everything.next, None);
    assert!(everything.finished());
}

#[test]
fn completed_keys_of_lessons_no_longer_in_the_course_are_ignored() {
    let doc = document(vec![module("m1", optional(&["a", "b"]))]);

    let p = Progress::of(&doc, &done(&["a", "removed-1", "removed-2"]));

    assert_eq!((p.done, p.total, p.percent), (1, 2, 50));
    assert_eq!(p.modules, [module_progress("m1", 1, 2, 50)]);
    assert_eq!(p.next.as_deref(), Some("b"));
    assert!(!p.finished());
}

#[test]
fn an_empty_module_reads_complete_and_adds_nothing_to_the_course() {
    let doc = document(vec![
        module("empty", vec![]),
        module("m2", optional(&["a"])),
    ]);

    let p = Progress::of(&doc, &done(&[]));

    assert_eq!(
        p,
        Progress {
            done: 0,
            total: 1,
            percent: 0,
            modules: vec![
                module_progress("empty", 0, 0, 100),
                module_progress("m2", 0, 1, 0),
            ],
            next: Some("a".into()),
        }
    );
}

#[test]
fn a_course_with_no_lessons_reads_finished() {
    let doc = document(vec![module("empty", vec![])]);

    let p = Progress::of(&doc, &done(&["stale"]));

    assert_eq!((p.done, p.total, p.percent), (0, 0, 100));
    assert_eq!(p.next, None);
    assert!(p.finished());
}

#[test]
fn a_lesson_is_found_by_its_key_in_any_module() {
    let doc = document(vec![
        module("m1", optional(&["a"])),
        module("m2", optional(&["b", "c"])),
    ]);

    assert_eq!(lesson(&doc, "c").map(|l| l.key.as_str()), Some("c"));
    assert_eq!(lesson(&doc, "a").map(|l| l.key.as_str()), Some("a"));
    assert!(lesson(&doc, "m2").is_none(), "a module key is not a lesson");
    assert!(lesson(&doc, "").is_none());
}
