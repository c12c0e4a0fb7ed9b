//! Quiz rules without a database: checking and grading answers of each
//! question kind, the pass mark, the shuffled order, which attempt counts,
//! and until when an attempt can be submitted.

use kuza_courses::Translated;
use kuza_courses::content::{Answer, Choice, Question, Quiz};
use kuza_db::values::GradePolicy;
use kuza_progress::quiz::{
    Attempt, GRACE_SECONDS, Given, MAX_TEXT, Outcome, QuestionResult, arranged, check, counted,
    grade, open_at, passes,
};
use std::collections::BTreeMap;

fn en(s: &str) -> Translated {
    BTreeMap::from([("en".to_owned(), s.to_owned())])
}

fn choice(key: &str, correct: bool) -> Choice {
    Choice {
        key: key.to_owned(),
        text: en(key),
        correct,
        feedback: Translated::new(),
    }
}

fn question(key: &str, points: u32, answer: Answer) -> Question {
    Question {
        key: key.to_owned(),
        points,
        prompt: en(key),
        feedback: Translated::new(),
        answer,
    }
}

fn quiz(questions: Vec<Question>) -> Quiz {
    Quiz {
        pass_mark: 70,
        attempts: None,
        time_limit_minutes: None,
        shuffle: false,
        questions,
    }
}

fn single() -> Answer {
    Answer::Single {
        options: vec![choice("a", false), choice("b", true), choice("c", false)],
    }
}

/// Correct: `a` and `c`.
fn multiple() -> Answer {
    Answer::Multiple {
        options: vec![
            choice("a", true),
            choice("b", false),
            choice("c", true),
            choice("d", false),
        ],
    }
}

fn numeric(answer: f64, tolerance: f64) -> Answer {
    Answer::Numeric { answer, tolerance }
}

fn short_text(accepted: &[&str], manual: bool) -> Answer {
    Answer::ShortText {
        accepted: accepted.iter().map(|a| (*a).to_owned()).collect(),
        manual,
    }
}

fn given(answers: &[(&str, &[&str])]) -> Given {
    answers
        .iter()
        .map(|(k, v)| ((*k).to_owned(), v.iter().map(|s| (*s).to_owned()).collect()))
        .collect()
}

/// The outcome of one answer to a one-question quiz.
fn outcome_of(answer: Answer, values: &[&str]) -> Outcome {
    let q = quiz(vec![question("q", 1, answer)]);
    grade(&q, &given(&[("q", values)])).results[0].outcome
}

#[test]
fn a_single_choice_question_is_right_only_with_its_correct_option() {
    assert_eq!(outcome_of(single(), &["b"]), Outcome::Correct);
    assert_eq!(outcome_of(single(), &[" b "]), Outcome::Correct);
    assert_eq!(outcome_of(single(), &["a"]), Outcome::Incorrect);
    assert_eq!(outcome_of(single(), &["c"]), Outcome::Incorrect);
}

#[test]
fn a_multiple_choice_question_needs_all_and_only_the_correct_options() {
    assert_eq!(outcome_of(multiple(), &["a", "c"]), Outcome::Correct);
    assert_eq!(outcome_of(multiple(), &["c", "a"]), Outcome::Correct);
    assert_eq!(outcome_of(multiple(), &["a", "c", "a"]), Outcome::Correct);
    // No partial credit: a subset or a superset earns nothing.
    assert_eq!(outcome_of(multiple(), &["a"]), Outcome::Incorrect);
    assert_eq!(outcome_of(multiple(), &["a", "c", "d"]), Outcome::Incorrect);
    assert_eq!(outcome_of(multiple(), &["b", "d"]), Outcome::Incorrect);
}

#[test]
fn a_partly_right_multiple_choice_answer_earns_no_points() {
    let q = quiz(vec![question("q", 4, multiple())]);

    let g = grade(&q, &given(&[("q", &["a"])]));

    assert_eq!((g.points, g.max, g.pending), (0, 4, false));
    assert_eq!(
        g.results,
        [QuestionResult {
            key: "q".into(),
            outcome: Outcome::Incorrect,
            points: 0,
            max: 4,
        }]
    );
}

#[test]
fn a_true_or_false_question_compares_the_word_given() {
    let is_true = || Answer::TrueFalse { answer: true };
    let is_false = || Answer::TrueFalse { answer: false };

    assert_eq!(outcome_of(is_true(), &["true"]), Outcome::Correct);
    assert_eq!(outcome_of(is_true(), &["false"]), Outcome::Incorrect);
    assert_eq!(outcome_of(is_false(), &["false"]), Outcome::Correct);
    assert_eq!(outcome_of(is_false(), &["true"]), Outcome::Incorrect);
    assert_eq!(outcome_of(is_true(), &[" true "]), Outcome::Correct);
}

#[test]
fn a_numeric_answer_is_right_within_the_tolerance_edges_included() {
    assert_eq!(outcome_of(numeric(17.0, 0.5), &["17"]), Outcome::Correct);
    assert_eq!(outcome_of(numeric(17.0, 0.5), &["17.5"]), Outcome::Correct);
    assert_eq!(outcome_of(numeric(17.0, 0.5), &["16.5"]), Outcome::Correct);
    assert_eq!(
        outcome_of(numeric(17.0, 0.5), &["17.51"]),
        Outcome::Incorrect
    );
    assert_eq!(
        outcome_of(numeric(17.0, 0.5), &["16.49"]),
        Outcome::Incorrect
    );
    assert_eq!(outcome_of(numeric(17.0, 0.0), &["17"]), Outcome::Correct);
    assert_eq!(
        outcome_of(numeric(17.0, 0.0), &["17.001"]),
        Outcome::Incorrect
    );
}

#[test]
fn a_numeric_edge_is_not_lost_to_floating_point_error() {
    // |0.4 - 0.3| is 0.10000000000000003 in binary floating point.
    assert_eq!(outcome_of(numeric(0.3, 0.1), &["0.4"]), Outcome::Correct);
    assert_eq!(outcome_of(numeric(0.3, 0.1), &["0.2"]), Outcome::Correct);
    assert_eq!(outcome_of(numeric(0.3, 0.1), &["0.41"]), Outcome::Incorrect);
}

#[test]
fn a_numeric_answer_may_be_typed_as_people_write_numbers() {
    assert_eq!(outcome_of(numeric(3.5, 0.0), &["3,5"]), Outcome::Correct);
    assert_eq!(
        outcome_of(numeric(1200.0, 0.0), &[" 1 200 "]),
        Outcome::Correct
    );
    assert_eq!(
        outcome_of(numeric(1200.0, 0.0), &["1\u{a0}200"]),
        Outcome::Correct
    );
    assert_eq!(outcome_of(numeric(-2.0, 0.0), &["-2"]), Outcome::Correct);
    assert_eq!(
        outcome_of(numeric(3.5, 0.0), &["3.5.1"]),
        Outcome::Incorrect
    );
}

#[test]
fn a_short_text_answer_ignores_case_and_spacing() {
    let accepted = || short_text(&["Informal settlement"], false);

    assert_eq!(
        outcome_of(accepted(), &["informal settlement"]),
        Outcome::Correct
    );
    assert_eq!(
        outcome_of(accepted(), &["  INFORMAL \t  Settlement\n"]),
        Outcome::Correct
    );
    assert_eq!(
        outcome_of(accepted(), &["informal-settlement"]),
        Outcome::Incorrect
    );
    assert_eq!(
        outcome_of(accepted(), &["informalsettlement"]),
        Outcome::Incorrect
    );
}

#[test]
fn a_short_text_answer_keeps_its_accents() {
    let accepted = || short_text(&["Café"], false);

    assert_eq!(outcome_of(accepted(), &["CAFÉ"]), Outcome::Correct);
    // Only case and spacing are normalised: a missing accent is a
    // different answer.
    assert_eq!(outcome_of(accepted(), &["cafe"]), Outcome::Incorrect);
}

#[test]
fn a_short_text_matching_no_accepted_answer_waits_for_a_person_when_the_question_says_so() {
    let q = quiz(vec![
        question("manual", 2, short_text(&["water cycle"], true)),
        question("auto", 1, Answer::TrueFalse { answer: true }),
    ]);

    let other = grade(
        &q,
        &given(&[("manual", &["evaporation"]), ("auto", &["true"])]),
    );
    let accepted = grade(
        &q,
        &given(&[("manual", &["Water Cycle"]), ("auto", &["true"])]),
    );

    assert_eq!(other.results[0].outcome, Outcome::Pending);
    assert_eq!((other.points, other.max, other.pending), (1, 3, true));
    assert_eq!(accepted.results[0].outcome, Outcome::Correct);
    assert_eq!((accepted.points, accepted.pending), (3, false));
}

#[test]
fn a_manual_short_text_without_accepted_answers_always_waits_for_a_person() {
    assert_eq!(
        outcome_of(short_text(&[], true), &["anything"]),
        Outcome::Pending
    );
    assert_eq!(
        outcome_of(short_text(&[], false), &["anything"]),
        Outcome::Incorrect
    );
}

#[test]
fn unanswered_questions_earn_nothing_and_wait_for_nobody() {
    let q = quiz(vec![
        question("missing", 1, single()),
        question("empty", 1, multiple()),
        question("blank", 1, short_text(&["x"], true)),
        question("answered", 2, Answer::TrueFalse { answer: false }),
    ]);

    let g = grade(
        &q,
        &given(&[("empty", &[]), ("blank", &["  "]), ("answered", &["false"])]),
    );

    let outcomes: Vec<Outcome> = g.results.iter().map(|r| r.outcome).collect();
    assert_eq!(
        outcomes,
        [
            Outcome::Unanswered,
            Outcome::Unanswered,
            Outcome::Unanswered,
            Outcome::Correct
        ]
    );
    assert_eq!((g.points, g.max, g.pending), (2, 5, false));
}

#[test]
fn points_add_up_over_the_questions_in_authored_order() {
    let q = quiz(vec![
        question("one", 3, single()),
        question("two", 5, multiple()),
        question("three", 2, numeric(10.0, 1.0)),
    ]);

    let g = grade(
        &q,
        &given(&[("one", &["b"]), ("two", &["a"]), ("three", &["9"])]),
    );

    let got: Vec<(&str, Outcome, u32, u32)> = g
        .results
        .iter()
        .map(|r| (r.key.as_str(), r.outcome, r.points, r.max))
        .collect();
    assert_eq!(
        got,
        [
            ("one", Outcome::Correct, 3, 3),
            ("two", Outcome::Incorrect, 0, 5),
            ("three", Outcome::Correct, 2, 2),
        ]
    );
    assert_eq!((g.points, g.max), (5, 10));
}

fn every_kind() -> Quiz {
    quiz(vec![
        question("single", 1, single()),
        question("multiple", 1, multiple()),
        question("tf", 1, Answer::TrueFalse { answer: true }),
        question("number", 1, numeric(1.0, 0.0)),
        question("text", 1, short_text(&["x"], false)),
    ])
}

#[test]
fn answers_that_fit_the_quiz_pass_the_check() {
    let fitting = given(&[
        ("single", &["a"]),
        ("multiple", &["a", "b", "c"]),
        ("tf", &["false"]),
        ("number", &["1,5"]),
        ("text", &["anything at all"]),
    ]);

    assert_eq!(check(&every_kind(), &fitting), Ok(()));
    assert_eq!(check(&every_kind(), &Given::new()), Ok(()));
    assert_eq!(
        check(&every_kind(), &given(&[("single", &["  "]), ("tf", &[])])),
        Ok(())
    );
}

#[test]
fn answers_naming_a_question_the_quiz_lacks_are_refused() {
    let g = given(&[("single", &["a"]), ("smuggled", &["x"])]);

    assert_eq!(
        check(&every_kind(), &g),
        Err(vec![("smuggled".to_owned(), "unknown_question")])
    );
}

#[test]
fn answers_naming_an_option_the_question_lacks_are_refused() {
    let single_bad = given(&[("single", &["z"])]);
    let multiple_bad = given(&[("multiple", &["a", "z"])]);

    assert_eq!(
        check(&every_kind(), &single_bad),
        Err(vec![("single".to_owned(), "unknown_option")])
    );
    assert_eq!(
        check(&every_kind(), &multiple_bad),
        Err(vec![("multiple".to_owned(), "unknown_option")])
    );
}

#[test]
fn each_kind_refuses_values_of_the_wrong_shape() {
    let cases: [(&str, &[&str], &str); 8] = [
        ("single", &["a", "b"], "one_value"),
        ("tf", &["yes"], "not_true_or_false"),
        ("tf", &["True"], "not_true_or_false"),
        ("tf", &["true", "false"], "not_true_or_false"),
        ("number", &["twelve"], "not_a_number"),
        ("number", &["inf"], "not_a_number"),
        ("number", &["1", "2"], "not_a_number"),
        ("text", &["one", "two"], "one_value"),
    ];
    for (key, values, code) in cases {
        assert_eq!(
            check(&every_kind(), &given(&[(key, values)])),
            Err(vec![(key.to_owned(), code)]),
            "{key} = {values:?}"
        );
    }
}

#[test]
fn a_short_text_answer_longer_than_the_limit_is_refused() {
    let at_limit = "é".repeat(MAX_TEXT);
    let over = "é".repeat(MAX_TEXT + 1);

    assert_eq!(
        check(&every_kind(), &given(&[("text", &[at_limit.as_str()])])),
        Ok(())
    );
    assert_eq!(
        check(&every_kind(), &given(&[("text", &[over.as_str()])])),
        Err(vec![("text".to_owned(), "too_long")])
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    let g = given(&[
        ("zzz", &["x"]),
        ("single", &["nope"]),
        ("number", &["many"]),
        ("aaa", &["y"]),
    ]);

    assert_eq!(
        check(&every_kind(), &g),
        Err(vec![
            ("aaa".to_owned(), "unknown_question"),
            ("zzz".to_owned(), "unknown_question"),
            ("single".to_owned(), "unknown_option"),
            ("number".to_owned(), "not_a_number"),
        ])
    );
}

#[test]
fn the_pass_mark_is_reached_at_exactly_its_percentage() {
    assert!(passes(7, 10, 70));
    assert!(!passes(6, 10, 70));
    assert!(passes(70, 100, 70));
    assert!(!passes(69, 100, 70));
    // 2/3 is 66.67 %: over 66, under 67.
    assert!(passes(2, 3, 66));
    assert!(!passes(2, 3, 67));
    assert!(passes(10, 10, 100));
    assert!(!passes(9, 10, 100));
    assert!(passes(0, 10, 0));
    assert!(passes(u32::MAX, u32::MAX, 100), "no overflow");
    assert!(!passes(u32::MAX - 1, u32::MAX, 100));
}

fn shuffled() -> Quiz {
    let mut q = quiz(
        ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8"]
            .into_iter()
            .map(|k| question(k, 1, multiple()))
            .collect(),
    );
    q.shuffle = true;
    q
}

fn question_order(q: &Quiz, seed: i64) -> Vec<String> {
    arranged(q, seed)
        .iter()
        .map(|(q, _)| q.key.clone())
        .collect()
}

fn option_orders(q: &Quiz, seed: i64) -> Vec<Vec<String>> {
    arranged(q, seed)
        .iter()
        .map(|(_, os)| os.iter().map(|o| o.key.clone()).collect())
        .collect()
}

#[test]
fn a_quiz_not_shuffled_keeps_its_authored_order_whatever_the_seed() {
    let q = every_kind();

    for seed in [0, 1, -7, i64::MAX] {
        assert_eq!(
            question_order(&q, seed),
            ["single", "multiple", "tf", "number", "text"]
        );
        assert_eq!(option_orders(&q, seed)[1], ["a", "b", "c", "d"]);
    }
}

#[test]
fn a_shuffled_quiz_has_the_same_order_for_the_same_seed() {
    let q = shuffled();

    assert_eq!(question_order(&q, 42), question_order(&q, 42));
    assert_eq!(option_orders(&q, 42), option_orders(&q, 42));
    assert_eq!(question_order(&q, -1), question_order(&q, -1));
}

#[test]
fn a_shuffled_quiz_shows_every_question_and_option_exactly_once() {
    let q = shuffled();

    for seed in -20..20 {
        let mut questions = question_order(&q, seed);
        questions.sort();
        assert_eq!(questions, ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8"]);
        for mut options in option_orders(&q, seed) {
            options.sort();
            assert_eq!(options, ["a", "b", "c", "d"], "seed {seed}");
        }
    }
}

#[test]
fn different_seeds_give_different_orders() {
    let q = shuffled();

    let orders: std::collections::BTreeSet<Vec<String>> =
        (0..20).map(|seed| question_order(&q, seed)).collect();

    assert_eq!(orders.len(), 20);
}

#[test]
fn over_many_seeds_every_question_comes_first_about_as_often() {
    let q = shuffled();
    let mut first: BTreeMap<String, usize> = BTreeMap::new();

    for seed in 0..2_000 {
        *first
            .entry(question_order(&q, seed)[0].clone())
            .or_default() += 1;
    }

    // 250 each if fair; the seeds are fixed, so this never flickers.
    assert_eq!(first.len(), 8);
    for (key, n) in &first {
        assert!((150..=350).contains(n), "{key} first {n} times of 2000");
    }
}

#[test]
fn a_seed_gives_the_same_order_in_every_build() {
    // The order is derived, not stored: an attempt in progress across a
    // deployment must see the same order after it.
    assert_eq!(
        question_order(&shuffled(), 7),
        PINNED_ORDER_FOR_SEED_7.map(str::to_owned)
    );
}

const PINNED_ORDER_FOR_SEED_7: [&str; 8] = ["q3", "q4", "q1", "q2", "q7", "q8", "q5", "q6"];

fn attempt(number: i32, points: Option<i32>) -> Attempt {
    Attempt {
        id: number * 10,
        enrollment_id: 1,
        lesson_key: "quiz".into(),
        number,
        seed: 0,
        started_at: 1_000,
        deadline: None,
        submitted_at: Some(1_100),
        answers: None,
        results: None,
        points,
        max_points: 10,
        passed: points.map(|p| p >= 7),
        needs_grading: points.is_none(),
        graded_by: None,
        graded_at: None,
    }
}

fn counted_number(attempts: &[Attempt], policy: GradePolicy) -> Option<i32> {
    counted(attempts, policy).map(|a| a.number)
}

#[test]
fn under_the_best_policy_the_highest_score_counts() {
    let attempts = [
        attempt(1, Some(5)),
        attempt(2, Some(8)),
        attempt(3, Some(6)),
    ];

    assert_eq!(counted_number(&attempts, GradePolicy::Best), Some(2));
}

#[test]
fn under_the_best_policy_the_earlier_of_equal_scores_counts() {
    let in_order = [
        attempt(1, Some(4)),
        attempt(2, Some(8)),
        attempt(3, Some(8)),
    ];
    let out_of_order = [
        attempt(3, Some(8)),
        attempt(2, Some(8)),
        attempt(1, Some(4)),
    ];

    assert_eq!(counted_number(&in_order, GradePolicy::Best), Some(2));
    assert_eq!(counted_number(&out_of_order, GradePolicy::Best), Some(2));
}

#[test]
fn under_the_last_policy_the_latest_graded_attempt_counts() {
    let attempts = [attempt(1, Some(9)), attempt(2, Some(3))];
    let out_of_order = [
        attempt(2, Some(3)),
        attempt(3, Some(1)),
        attempt(1, Some(9)),
    ];

    assert_eq!(counted_number(&attempts, GradePolicy::Last), Some(2));
    assert_eq!(counted_number(&out_of_order, GradePolicy::Last), Some(3));
}

#[test]
fn attempts_not_yet_graded_never_count() {
    let waiting_last = [attempt(1, Some(3)), attempt(2, None)];
    let only_waiting = [attempt(1, None), attempt(2, None)];

    assert_eq!(counted_number(&waiting_last, GradePolicy::Best), Some(1));
    assert_eq!(counted_number(&waiting_last, GradePolicy::Last), Some(1));
    assert_eq!(counted_number(&only_waiting, GradePolicy::Best), None);
    assert_eq!(counted_number(&only_waiting, GradePolicy::Last), None);
    assert_eq!(counted_number(&[], GradePolicy::Best), None);
    assert_eq!(counted_number(&[], GradePolicy::Last), None);
}

#[test]
fn a_zero_score_still_counts_under_the_last_policy() {
    let attempts = [attempt(1, Some(10)), attempt(2, Some(0))];

    assert_eq!(counted_number(&attempts, GradePolicy::Last), Some(2));
    assert_eq!(counted_number(&attempts, GradePolicy::Best), Some(1));
}

fn open(deadline: Option<i64>) -> Attempt {
    Attempt {
        deadline,
        submitted_at: None,
        points: None,
        needs_grading: false,
        ..attempt(1, None)
    }
}

#[test]
fn an_attempt_without_a_time_limit_stays_open_until_submitted() {
    assert!(open_at(&open(None), 0));
    assert!(open_at(&open(None), i64::MAX / 2));
    assert!(!open_at(&attempt(1, Some(5)), 0));
    assert!(
        !open_at(&attempt(1, None), 0),
        "submitted, waiting for grading"
    );
}

#[test]
fn a_timed_attempt_is_taken_until_the_grace_period_after_its_deadline() {
    let deadline = 10_000;
    let a = open(Some(deadline));

    assert_eq!(GRACE_SECONDS, 60);
    assert!(open_at(&a, deadline - 1));
    assert!(open_at(&a, deadline));
    assert!(open_at(&a, deadline + GRACE_SECONDS));
    assert!(!open_at(&a, deadline + GRACE_SECONDS + 1));
}

#[test]
fn a_submitted_timed_attempt_is_closed_even_before_its_deadline() {
    let a = Attempt {
        submitted_at: Some(9_000),
        ..open(Some(10_000))
    };

    assert!(!open_at(&a, 9_001));
}
