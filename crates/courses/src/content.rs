//! The kind-specific part of a lesson: a video, a download, or a quiz.
//!
//! Stored as JSON in the draft (`course_lessons.content`) and copied into
//! each published version. Media are referred to by id; the version's
//! document carries their names and types ([`crate::versions::DocMedia`]).
//!
//! Quizzes keep their answers here. What a learner's browser receives is
//! [`Quiz::for_learner`], which has none of them.

use crate::values::limits::*;
use crate::values::{Length, Translated, parse_translated};
use crate::{Problem, problem};
use kuza_i18n::Language;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Content {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub video: Option<Video>,
    /// A `file` lesson's download (a media id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quiz: Option<Quiz>,
    /// A `package` lesson's SCORM package (a package id of the course).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub package: Option<i32>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Video {
    /// An uploaded WebM or MP4 (a media id)…
    #[serde(default)]
    pub media: Option<i32>,
    /// …or an external https link.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<crate::schema::HttpsUrl>))]
    pub url: Option<String>,
    /// WebVTT captions per language (media ids).
    #[serde(default)]
    pub captions: BTreeMap<String, i32>,
    /// Markdown per language.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = crate::schema::Body))]
    pub transcript: Translated,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Quiz {
    /// Percentage of the quiz's points needed to pass (1–100).
    #[cfg_attr(feature = "openapi", schema(value_type = crate::schema::PassMark))]
    pub pass_mark: u8,
    /// Attempts allowed; absent for no limit.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<crate::schema::Attempts>))]
    pub attempts: Option<u32>,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<crate::schema::TimeLimit>))]
    pub time_limit_minutes: Option<u32>,
    /// Questions (and options) in a new order for each attempt.
    #[serde(default)]
    pub shuffle: bool,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = crate::schema::Questions))]
    pub questions: Vec<Question>,
}

impl Default for Quiz {
    fn default() -> Quiz {
        Quiz {
            pass_mark: 70,
            attempts: None,
            time_limit_minutes: None,
            shuffle: false,
            questions: vec![],
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Question {
    /// Stable across versions and edits: answers are recorded against it.
    /// Left out for a new question, which is given one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub key: String,
    #[cfg_attr(feature = "openapi", schema(value_type = crate::schema::Points))]
    pub points: u32,
    #[cfg_attr(feature = "openapi", schema(value_type = crate::schema::Prompt))]
    pub prompt: Translated,
    /// Shown after the attempt, whatever the answer.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = crate::schema::Prompt))]
    pub feedback: Translated,
    #[serde(flatten)]
    pub answer: Answer,
}

/// A question's kind with what makes an answer right.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Answer {
    /// Exactly one option is correct.
    Single {
        #[cfg_attr(feature = "openapi", schema(value_type = crate::schema::Choices))]
        options: Vec<Choice>,
    },
    /// At least one option is correct; all and only those must be chosen.
    Multiple {
        #[cfg_attr(feature = "openapi", schema(value_type = crate::schema::Choices))]
        options: Vec<Choice>,
    },
    TrueFalse {
        answer: bool,
    },
    Numeric {
        answer: f64,
        tolerance: f64,
    },
    /// Compared ignoring case and spacing; `manual` sends answers that match
    /// none of `accepted` to a facilitator.
    ShortText {
        #[serde(default)]
        #[cfg_attr(feature = "openapi", schema(value_type = crate::schema::AcceptedAnswers))]
        accepted: Vec<String>,
        #[serde(default)]
        manual: bool,
    },
}

impl Answer {
    pub fn kind(&self) -> &'static str {
        match self {
            Answer::Single { .. } => "single",
            Answer::Multiple { .. } => "multiple",
            Answer::TrueFalse { .. } => "true_false",
            Answer::Numeric { .. } => "numeric",
            Answer::ShortText { .. } => "short_text",
        }
    }

    pub fn options(&self) -> &[Choice] {
        match self {
            Answer::Single { options } | Answer::Multiple { options } => options,
            _ => &[],
        }
    }
}

impl Question {
    /// A new question of `kind` (`single`, `numeric`…), worth one point,
    /// with nothing written yet.
    pub fn blank(kind: &str) -> Option<Question> {
        let answer = Answer::blanks().into_iter().find(|a| a.kind() == kind)?;
        Some(Question {
            key: String::new(),
            points: 1,
            prompt: Translated::new(),
            feedback: Translated::new(),
            answer,
        })
    }
}

impl Answer {
    /// One answer of each kind, with nothing chosen: in the order authors
    /// are offered them.
    fn blanks() -> [Answer; 5] {
        [
            Answer::Single { options: vec![] },
            Answer::Multiple { options: vec![] },
            Answer::TrueFalse { answer: true },
            Answer::Numeric {
                answer: 0.0,
                tolerance: 0.0,
            },
            Answer::ShortText {
                accepted: vec![],
                manual: false,
            },
        ]
    }

    /// The question kinds (`single`, `multiple`, `true_false`, `numeric`,
    /// `short_text`).
    pub fn kinds() -> [&'static str; 5] {
        Answer::blanks().map(|a| a.kind())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Choice {
    /// Left out for a new option, which is given one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub key: String,
    #[cfg_attr(feature = "openapi", schema(value_type = crate::schema::OptionText))]
    pub text: Translated,
    #[serde(default)]
    pub correct: bool,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = crate::schema::OptionFeedback))]
    pub feedback: Translated,
}

/// A quiz as a learner may see it before submitting: no correct options,
/// no accepted answers, no feedback.
#[derive(Debug, Clone, Serialize)]
pub struct LearnerQuiz {
    pub pass_mark: u8,
    pub attempts: Option<u32>,
    pub time_limit_minutes: Option<u32>,
    pub points: u32,
    pub questions: Vec<LearnerQuestion>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LearnerQuestion {
    pub key: String,
    pub kind: &'static str,
    pub points: u32,
    pub prompt: Translated,
    /// Option keys and texts (choice questions only).
    pub options: Vec<(String, Translated)>,
}

impl Quiz {
    pub fn points(&self) -> u32 {
        self.questions.iter().map(|q| q.points).sum()
    }

    pub fn for_learner(&self) -> LearnerQuiz {
        LearnerQuiz {
            pass_mark: self.pass_mark,
            attempts: self.attempts,
            time_limit_minutes: self.time_limit_minutes,
            points: self.points(),
            questions: self
                .questions
                .iter()
                .map(|q| LearnerQuestion {
                    key: q.key.clone(),
                    kind: q.answer.kind(),
                    points: q.points,
                    prompt: q.prompt.clone(),
                    options: q
                        .answer
                        .options()
                        .iter()
                        .map(|o| (o.key.clone(), o.text.clone()))
                        .collect(),
                })
                .collect(),
        }
    }
}

fn new_key() -> String {
    uuid::Uuid::new_v4().simple().to_string()[..12].to_owned()
}

/// Keeps a given key if it is sane and unused, else makes one.
fn key_or_new(key: &str, used: &mut Vec<String>) -> String {
    let ok = (4..=40).contains(&key.len())
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        && !used.iter().any(|k| k == key);
    let k = if ok { key.to_owned() } else { new_key() };
    used.push(k.clone());
    k
}

/// The course's languages and default, for checking translated fields.
pub struct Langs<'a> {
    pub offered: &'a [Language],
    pub default: Language,
}

impl Langs<'_> {
    fn text(
        &self,
        at: String,
        t: &Translated,
        max: usize,
        required: bool,
        problems: &mut Vec<Problem>,
    ) -> Translated {
        parse_translated(
            &at,
            t,
            self.offered,
            self.default,
            Length::Lines(max),
            required,
        )
        .map_err(|p| problems.push(p))
        .unwrap_or_default()
    }
}

/// Checks and normalizes a quiz as an author saves it: shapes and limits.
/// Whether it can be passed is checked at publication ([`publishable`]), so
/// a draft may be saved half-written.
pub fn parse_quiz(q: &Quiz, langs: &Langs) -> Result<Quiz, Vec<Problem>> {
    let mut problems = vec![];
    if !PASS_MARK.contains(&q.pass_mark) {
        problems.push(problem("quiz.pass_mark", "pass_mark_invalid"));
    }
    if q.attempts.is_some_and(|a| !ATTEMPTS.contains(&a)) {
        problems.push(problem("quiz.attempts", "attempts_invalid"));
    }
    if q.time_limit_minutes
        .is_some_and(|m| !TIME_LIMIT_MINUTES.contains(&m))
    {
        problems.push(problem("quiz.time_limit_minutes", "time_limit_invalid"));
    }
    if q.questions.len() > QUESTIONS_MAX {
        problems.push(problem("quiz.questions", "too_many_questions"));
    }
    let mut used = vec![];
    let mut questions = vec![];
    for (i, question) in q.questions.iter().enumerate() {
        let at = format!("quiz.questions[{i}]");
        if question.points > POINTS_MAX {
            problems.push(problem(format!("{at}.points"), "points_invalid"));
        }
        let prompt = langs.text(
            format!("{at}.prompt"),
            &question.prompt,
            PROMPT_MAX,
            false,
            &mut problems,
        );
        let feedback = langs.text(
            format!("{at}.feedback"),
            &question.feedback,
            PROMPT_MAX,
            false,
            &mut problems,
        );
        let answer = match &question.answer {
            Answer::Single { options } | Answer::Multiple { options } => {
                if options.len() > OPTIONS_MAX {
                    problems.push(problem(format!("{at}.options"), "too_many_options"));
                }
                let mut option_keys = vec![];
                let options: Vec<Choice> = options
                    .iter()
                    .enumerate()
                    .map(|(j, o)| Choice {
                        key: key_or_new(&o.key, &mut option_keys),
                        text: langs.text(
                            format!("{at}.options[{j}].text"),
                            &o.text,
                            OPTION_TEXT_MAX,
                            false,
                            &mut problems,
                        ),
                        correct: o.correct,
                        feedback: langs.text(
                            format!("{at}.options[{j}].feedback"),
                            &o.feedback,
                            OPTION_FEEDBACK_MAX,
                            false,
                            &mut problems,
                        ),
                    })
                    .collect();
                if matches!(question.answer, Answer::Single { .. }) {
                    Answer::Single { options }
                } else {
                    Answer::Multiple { options }
                }
            }
            Answer::TrueFalse { answer } => Answer::TrueFalse { answer: *answer },
            Answer::Numeric { answer, tolerance } => {
                if !answer.is_finite() {
                    problems.push(problem(format!("{at}.answer"), "number_invalid"));
                }
                if !tolerance.is_finite() || *tolerance < 0.0 {
                    problems.push(problem(format!("{at}.tolerance"), "number_invalid"));
                }
                Answer::Numeric {
                    answer: *answer,
                    tolerance: *tolerance,
                }
            }
            Answer::ShortText { accepted, manual } => {
                let mut clean: Vec<String> = vec![];
                for a in accepted {
                    let a = normalize_text_answer(a);
                    if a.chars().count() > ACCEPTED_MAX {
                        problems.push(problem(format!("{at}.accepted"), "text_too_long"));
                    } else if !a.is_empty() && !clean.contains(&a) {
                        clean.push(a);
                    }
                }
                if clean.len() > ACCEPTED_ANSWERS_MAX {
                    problems.push(problem(format!("{at}.accepted"), "too_many_answers"));
                }
                Answer::ShortText {
                    accepted: clean,
                    manual: *manual,
                }
            }
        };
        questions.push(Question {
            key: key_or_new(&question.key, &mut used),
            points: question.points,
            prompt,
            feedback,
            answer,
        });
    }
    if problems.is_empty() {
        Ok(Quiz {
            pass_mark: q.pass_mark,
            attempts: q.attempts,
            time_limit_minutes: q.time_limit_minutes,
            shuffle: q.shuffle,
            questions,
        })
    } else {
        Err(problems)
    }
}

/// How short-text answers are compared: case-folded, trimmed, inner runs of
/// whitespace collapsed to one space.
pub fn normalize_text_answer(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Everything that stops a quiz from being published: it must be passable
/// and complete in the course's default language. `at` prefixes the paths.
pub fn publishable(q: &Quiz, default: &str, at: &str, problems: &mut Vec<Problem>) {
    if q.questions.is_empty() {
        problems.push(problem(format!("{at}.questions"), "quiz_has_no_questions"));
        return;
    }
    if q.points() == 0 {
        problems.push(problem(
            format!("{at}.pass_mark"),
            "quiz_pass_mark_unreachable",
        ));
    }
    for (i, question) in q.questions.iter().enumerate() {
        let at = format!("{at}.questions[{i}]");
        if !question.prompt.contains_key(default) {
            problems.push(problem(
                format!("{at}.prompt.{default}"),
                "default_language_missing",
            ));
        }
        match &question.answer {
            Answer::Single { options } | Answer::Multiple { options } => {
                if options.len() < 2 {
                    problems.push(problem(
                        format!("{at}.options"),
                        "question_needs_two_options",
                    ));
                }
                for (j, o) in options.iter().enumerate() {
                    if !o.text.contains_key(default) {
                        problems.push(problem(
                            format!("{at}.options[{j}].text.{default}"),
                            "default_language_missing",
                        ));
                    }
                }
                let correct = options.iter().filter(|o| o.correct).count();
                match question.answer {
                    Answer::Single { .. } if correct != 1 => {
                        problems.push(problem(
                            format!("{at}.options"),
                            "single_choice_needs_one_correct",
                        ));
                    }
                    Answer::Multiple { .. } if correct == 0 => {
                        problems.push(problem(
                            format!("{at}.options"),
                            "multiple_choice_needs_a_correct",
                        ));
                    }
                    _ => {}
                }
            }
            Answer::ShortText { accepted, manual } if accepted.is_empty() && !manual => {
                problems.push(problem(
                    format!("{at}.accepted"),
                    "short_text_needs_an_answer",
                ));
            }
            _ => {}
        }
    }
}

/// Checks a video as saved: an https link if any, captions only in the
/// course's languages; media ownership is checked by the caller.
pub fn parse_video(v: &Video, langs: &Langs) -> Result<Video, Vec<Problem>> {
    let mut problems = vec![];
    let url = v
        .url
        .as_deref()
        .map(str::trim)
        .filter(|u| !u.is_empty())
        .map(str::to_owned);
    if let Some(u) = &url {
        let ok = u.len() <= URL_MAX
            && u.starts_with("https://")
            && u.len() > "https://".len()
            && !u.chars().any(|c| c.is_whitespace() || c.is_control());
        if !ok {
            problems.push(problem("video.url", "url_invalid"));
        }
    }
    for lang in v.captions.keys() {
        if !langs.offered.iter().any(|l| l.code() == lang) {
            problems.push(problem(
                format!("video.captions.{lang}"),
                "language_not_offered",
            ));
        }
    }
    let transcript = langs.text(
        "video.transcript".into(),
        &v.transcript,
        BODY_MAX,
        false,
        &mut problems,
    );
    if problems.is_empty() {
        Ok(Video {
            media: v.media,
            url,
            captions: v.captions.clone(),
            transcript,
        })
    } else {
        Err(problems)
    }
}

/// Every media id the content refers to.
pub fn media_ids(c: &Content) -> Vec<i32> {
    let mut ids = vec![];
    if let Some(v) = &c.video {
        ids.extend(v.media);
        ids.extend(v.captions.values().copied());
    }
    ids.extend(c.file);
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Translated {
        [("en".to_owned(), s.to_owned())].into()
    }

    #[test]
    fn a_blank_question_exists_for_each_kind_and_no_other() {
        for kind in Answer::kinds() {
            assert_eq!(Question::blank(kind).map(|q| q.answer.kind()), Some(kind));
        }
        assert!(Question::blank("essay").is_none());
    }

    fn choice(text: &str, correct: bool) -> Choice {
        Choice {
            key: String::new(),
            text: t(text),
            correct,
            feedback: Translated::new(),
        }
    }

    fn question(answer: Answer) -> Question {
        Question {
            key: String::new(),
            points: 1,
            prompt: t("Which?"),
            feedback: Translated::new(),
            answer,
        }
    }

    const LANGS: Langs = Langs {
        offered: &[Language::En, Language::Ar],
        default: Language::En,
    };

    fn problems_of(q: &Quiz) -> Vec<&'static str> {
        let mut p = vec![];
        publishable(q, "en", "quiz", &mut p);
        p.into_iter().map(|p| p.code).collect()
    }

    #[test]
    fn the_json_form_is_tagged_by_kind() {
        let q: Question = serde_json::from_str(
            r#"{"kind":"numeric","points":2,"prompt":{"en":"How many SDGs?"},"answer":17,"tolerance":0}"#,
        )
        .unwrap();
        assert_eq!(
            q.answer,
            Answer::Numeric {
                answer: 17.0,
                tolerance: 0.0
            }
        );
        let back = serde_json::to_value(&q).unwrap();
        assert_eq!(back["kind"], "numeric");
    }

    #[test]
    fn saving_gives_questions_and_options_stable_keys() {
        let quiz = Quiz {
            questions: vec![question(Answer::Single {
                options: vec![choice("A", true), choice("B", false)],
            })],
            ..Quiz::default()
        };
        let saved = parse_quiz(&quiz, &LANGS).unwrap();
        let again = parse_quiz(&saved, &LANGS).unwrap();
        assert!(!saved.questions[0].key.is_empty());
        assert_eq!(saved, again, "keys survive a second save");
    }

    #[test]
    fn unpassable_quizzes_are_not_publishable() {
        let none_correct = Quiz {
            questions: vec![question(Answer::Single {
                options: vec![choice("A", false), choice("B", false)],
            })],
            ..Quiz::default()
        };
        assert_eq!(
            problems_of(&none_correct),
            ["single_choice_needs_one_correct"]
        );
        let mut no_points = none_correct.clone();
        no_points.questions[0].points = 0;
        no_points.questions[0].answer = Answer::TrueFalse { answer: true };
        assert_eq!(problems_of(&no_points), ["quiz_pass_mark_unreachable"]);
        let no_answer = Quiz {
            questions: vec![question(Answer::ShortText {
                accepted: vec![],
                manual: false,
            })],
            ..Quiz::default()
        };
        assert_eq!(problems_of(&no_answer), ["short_text_needs_an_answer"]);
        assert_eq!(problems_of(&Quiz::default()), ["quiz_has_no_questions"]);
        let good = Quiz {
            questions: vec![question(Answer::Multiple {
                options: vec![choice("A", true), choice("B", true)],
            })],
            ..Quiz::default()
        };
        assert!(problems_of(&good).is_empty());
    }

    #[test]
    fn shapes_are_checked_on_save() {
        let quiz = Quiz {
            pass_mark: 150,
            ..Quiz::default()
        };
        let codes: Vec<_> = parse_quiz(&quiz, &LANGS)
            .unwrap_err()
            .into_iter()
            .map(|p| p.code)
            .collect();
        assert_eq!(codes, ["pass_mark_invalid"]);
        let mut q = question(Answer::TrueFalse { answer: true });
        q.prompt = [("ru".to_owned(), "Да?".to_owned())].into();
        let quiz = Quiz {
            questions: vec![q],
            ..Quiz::default()
        };
        let p = parse_quiz(&quiz, &LANGS).unwrap_err();
        assert_eq!(p[0].at, "quiz.questions[0].prompt.ru");
    }

    #[test]
    fn a_learner_never_receives_the_answers() {
        let mut q = question(Answer::Single {
            options: vec![choice("Right", true), choice("Wrong", false)],
        });
        q.options_feedback_for_test();
        let quiz = parse_quiz(
            &Quiz {
                questions: vec![
                    q,
                    question(Answer::ShortText {
                        accepted: vec!["secret-word".into()],
                        manual: false,
                    }),
                    question(Answer::Numeric {
                        answer: 42.5,
                        tolerance: 0.5,
                    }),
                ],
                ..Quiz::default()
            },
            &LANGS,
        )
        .unwrap();
        let json = serde_json::to_string(&quiz.for_learner()).unwrap();
        for leak in ["correct", "secret-word", "42.5", "feedback", "because"] {
            assert!(!json.contains(leak), "{leak} leaked: {json}");
        }
    }

    impl Question {
        fn options_feedback_for_test(&mut self) {
            if let Answer::Single { options } = &mut self.answer {
                options[0].feedback = t("Right, because…");
            }
        }
    }

    #[test]
    fn short_text_answers_compare_without_case_or_spacing() {
        assert_eq!(
            normalize_text_answer("  Informal   Settlement "),
            "informal settlement"
        );
    }
}
