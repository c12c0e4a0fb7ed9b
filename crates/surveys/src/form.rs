//! A survey's form: sections (one page each) of questions, every text
//! translated per field. [`parse`] checks a form as an author gives it;
//! [`Edit`] is one change made from the studio, applied to the draft.

use kuza_courses::values::{Length, parse_translated};
use kuza_courses::{Problem, Translated};
use kuza_i18n::Language;
use serde::{Deserialize, Serialize};

/// The limits the form and answer rules enforce (the API's document
/// names them too).
pub mod limits {
    use std::ops::RangeInclusive;

    pub const SECTIONS_MAX: usize = 20;
    pub const QUESTIONS_MAX: usize = 100;
    pub const SECTION_TITLE_MAX: usize = 200;
    pub const TEXT_MAX: usize = 1000;
    pub const OPTION_MAX: usize = 200;
    /// Choices of a single or multiple choice question.
    pub const CHOICES: RangeInclusive<usize> = 2..=12;
    /// Points of a Likert scale (each with its label).
    pub const POINTS: RangeInclusive<usize> = 2..=11;
    /// Characters of a short and a long free-text answer.
    pub const SHORT_ANSWER_MAX: usize = 500;
    pub const LONG_ANSWER_MAX: usize = 5000;
    /// A number answer's magnitude.
    pub const NUMBER_MAX: f64 = 1e12;
}

/// What kind of answer a question takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Kind {
    /// A scale of labelled points (the options are the labels, lowest first).
    Likert,
    /// One of the options.
    Single,
    /// Any of the options.
    Multiple,
    /// 0 to 10 (a net promoter question); options, if any, label both ends.
    Rating,
    /// A number, between `min` and `max` when they are given.
    Number,
    ShortText,
    LongText,
}

impl Kind {
    pub const ALL: [Kind; 7] = [
        Kind::Likert,
        Kind::Single,
        Kind::Multiple,
        Kind::Rating,
        Kind::Number,
        Kind::ShortText,
        Kind::LongText,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Kind::Likert => "likert",
            Kind::Single => "single",
            Kind::Multiple => "multiple",
            Kind::Rating => "rating",
            Kind::Number => "number",
            Kind::ShortText => "short_text",
            Kind::LongText => "long_text",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.code() == s)
    }

    /// Whether answers are options (counted per option).
    pub fn has_choices(self) -> bool {
        matches!(self, Kind::Likert | Kind::Single | Kind::Multiple)
    }

    /// Whether answers are free text.
    pub fn is_text(self) -> bool {
        matches!(self, Kind::ShortText | Kind::LongText)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Form {
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Section {
    #[serde(default)]
    pub title: Translated,
    #[serde(default)]
    pub questions: Vec<Question>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Question {
    /// Stable within the survey: the bank's key for a bank question,
    /// `q1`, `q2`… for the survey's own.
    #[serde(default)]
    pub id: String,
    /// The bank question this is (the same in every survey that takes it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bank: Option<String>,
    pub kind: Kind,
    #[serde(default)]
    pub required: bool,
    pub text: Translated,
    /// The choices, a scale's point labels, or a rating's two end labels.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<Translated>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
}

impl Form {
    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.sections.iter().flat_map(|s| &s.questions)
    }

    /// The question `id` and the page it is on.
    pub fn find(&self, id: &str) -> Option<(usize, &Question)> {
        self.sections
            .iter()
            .enumerate()
            .find_map(|(p, s)| s.questions.iter().find(|q| q.id == id).map(|q| (p, q)))
    }

    /// An id for a new question of the survey's own.
    pub fn next_id(&self) -> String {
        let n = self
            .questions()
            .filter_map(|q| q.id.strip_prefix('q')?.parse::<u32>().ok())
            .max()
            .unwrap_or(0);
        format!("q{}", n + 1)
    }
}

fn problem(at: impl Into<String>, code: &'static str) -> Problem {
    Problem {
        at: at.into(),
        code,
    }
}

/// A question of the survey's own has an id `q` and a number.
fn is_own_id(id: &str) -> bool {
    id.strip_prefix('q')
        .is_some_and(|n| !n.is_empty() && n.len() <= 6 && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Checks a form as given: its sizes, each question's shape, texts in the
/// survey's languages (the default one required), unique ids. A bank
/// question is taken as the bank has it (`bank` finds it, in all its
/// languages), only whether it is required is the survey's: the same
/// question stays comparable.
pub fn parse(
    form: &Form,
    languages: &[Language],
    default: Language,
    bank: &dyn Fn(&str) -> Option<Question>,
) -> Result<Form, Vec<Problem>> {
    use limits::*;
    let mut bad = vec![];
    if form.sections.is_empty() {
        bad.push(problem("sections", "sections_missing"));
    }
    if form.sections.len() > SECTIONS_MAX {
        bad.push(problem("sections", "too_many_sections"));
    }
    if form.questions().count() > QUESTIONS_MAX {
        bad.push(problem("sections", "too_many_survey_questions"));
    }
    if !bad.is_empty() {
        return Err(bad);
    }
    let mut out = Form::default();
    let mut ids: Vec<&str> = vec![];
    for (s, section) in form.sections.iter().enumerate() {
        let at = format!("sections[{s}]");
        let title = parse_translated(
            &format!("{at}.title"),
            &section.title,
            languages,
            default,
            Length::Line(SECTION_TITLE_MAX),
            false,
        )
        .unwrap_or_else(|p| {
            bad.push(p);
            Translated::new()
        });
        let mut questions = vec![];
        for (i, q) in section.questions.iter().enumerate() {
            let at = format!("{at}.questions[{i}]");
            if ids.contains(&q.id.as_str()) {
                bad.push(problem(format!("{at}.id"), "question_id_repeated"));
                continue;
            }
            ids.push(&q.id);
            match question(&at, q, languages, default, bank) {
                Ok(q) => questions.push(q),
                Err(mut p) => bad.append(&mut p),
            }
        }
        out.sections.push(Section { title, questions });
    }
    if bad.is_empty() { Ok(out) } else { Err(bad) }
}

fn question(
    at: &str,
    q: &Question,
    languages: &[Language],
    default: Language,
    bank: &dyn Fn(&str) -> Option<Question>,
) -> Result<Question, Vec<Problem>> {
    use limits::*;
    if let Some(key) = &q.bank {
        let Some(b) = bank(key).filter(|_| &q.id == key) else {
            return Err(vec![problem(format!("{at}.bank"), "bank_question_unknown")]);
        };
        // In every language the bank has: a respondent reads a standard
        // question in theirs even where the course is not translated.
        return Ok(Question {
            required: q.required,
            ..b
        });
    }
    let mut bad = vec![];
    if !is_own_id(&q.id) {
        bad.push(problem(format!("{at}.id"), "question_id_invalid"));
    }
    let text = parse_translated(
        &format!("{at}.text"),
        &q.text,
        languages,
        default,
        Length::Lines(TEXT_MAX),
        true,
    )
    .unwrap_or_else(|p| {
        bad.push(p);
        Translated::new()
    });
    let mut options = vec![];
    for (o, t) in q.options.iter().enumerate() {
        match parse_translated(
            &format!("{at}.options[{o}]"),
            t,
            languages,
            default,
            Length::Line(OPTION_MAX),
            true,
        ) {
            Ok(t) => options.push(t),
            Err(p) => bad.push(p),
        }
    }
    let n = q.options.len();
    let options_ok = match q.kind {
        Kind::Single | Kind::Multiple => CHOICES.contains(&n),
        Kind::Likert => POINTS.contains(&n),
        Kind::Rating => n == 0 || n == 2,
        Kind::Number | Kind::ShortText | Kind::LongText => n == 0,
    };
    if !options_ok {
        bad.push(problem(format!("{at}.options"), "options_invalid"));
    }
    let bound_ok = |b: Option<f64>| b.is_none_or(|b| b.is_finite() && b.abs() <= NUMBER_MAX);
    let bounds_ok = if q.kind == Kind::Number {
        bound_ok(q.min) && bound_ok(q.max) && q.min.zip(q.max).is_none_or(|(lo, hi)| lo <= hi)
    } else {
        q.min.is_none() && q.max.is_none()
    };
    if !bounds_ok {
        bad.push(problem(format!("{at}.min"), "bounds_invalid"));
    }
    if !bad.is_empty() {
        return Err(bad);
    }
    Ok(Question {
        id: q.id.clone(),
        bank: None,
        kind: q.kind,
        required: q.required,
        text,
        options,
        min: q.min,
        max: q.max,
    })
}

/// Checks a question of its own (not a bank one) as [`parse`] checks one
/// in a form, with its problems at `question.…`: for a new question of the
/// bank, whose id is then its key.
pub fn check_question(
    q: &Question,
    languages: &[Language],
    default: Language,
) -> Result<Question, Vec<Problem>> {
    let own = Question {
        id: "q1".into(),
        bank: None,
        ..q.clone()
    };
    question("question", &own, languages, default, &|_| None)
}

/// One change to a draft, as the studio makes it.
#[derive(Debug, Clone)]
pub enum Edit {
    AddSection(Translated),
    /// Removes a section and its questions.
    RemoveSection(usize),
    /// Adds the survey's own question (its id is given here) to a section.
    Add(usize, Question),
    /// Adds a bank question to a section.
    AddFromBank(usize, Question),
    /// Replaces a question of the survey's own (same id), or sets whether
    /// a bank question is required.
    Replace(Question),
    Remove(String),
    /// Moves a question up (towards the start) or down, across sections
    /// at their edges.
    Move(String, bool),
}

/// Applies `edit` to `form`; `None` if it names no section or question.
/// The result is checked by [`parse`] before it is kept.
pub fn apply(mut form: Form, edit: Edit) -> Option<Form> {
    match edit {
        Edit::AddSection(title) => form.sections.push(Section {
            title,
            questions: vec![],
        }),
        Edit::RemoveSection(s) => {
            (s < form.sections.len()).then_some(())?;
            form.sections.remove(s);
        }
        Edit::Add(s, q) | Edit::AddFromBank(s, q) => {
            if form.find(&q.id).is_some() {
                return None;
            }
            form.sections.get_mut(s)?.questions.push(q);
        }
        Edit::Replace(q) => {
            let (s, _) = form.find(&q.id)?;
            let slot = form.sections[s]
                .questions
                .iter_mut()
                .find(|x| x.id == q.id)?;
            *slot = if slot.bank.is_some() {
                Question {
                    required: q.required,
                    ..slot.clone()
                }
            } else {
                q
            };
        }
        Edit::Remove(id) => {
            let (s, _) = form.find(&id)?;
            form.sections[s].questions.retain(|q| q.id != id);
        }
        Edit::Move(id, up) => {
            let (s, _) = form.find(&id)?;
            let sections = form.sections.len();
            let qs = &mut form.sections[s].questions;
            let i = qs.iter().position(|q| q.id == id)?;
            match (up, i) {
                (true, 0) if s > 0 => {
                    let q = qs.remove(0);
                    form.sections[s - 1].questions.push(q);
                }
                (true, 0) => {}
                (true, i) => qs.swap(i, i - 1),
                (false, i) if i + 1 == qs.len() && s + 1 < sections => {
                    let q = qs.remove(i);
                    form.sections[s + 1].questions.insert(0, q);
                }
                (false, i) if i + 1 < qs.len() => qs.swap(i, i + 1),
                (false, _) => {}
            }
        }
    }
    Some(form)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(en: &str) -> Translated {
        Translated::from([("en".to_owned(), en.to_owned())])
    }

    fn own(id: &str, kind: Kind, options: usize) -> Question {
        Question {
            id: id.into(),
            bank: None,
            kind,
            required: true,
            text: t("Why?"),
            options: (0..options).map(|i| t(&format!("o{i}"))).collect(),
            min: None,
            max: None,
        }
    }

    fn no_bank(_: &str) -> Option<Question> {
        None
    }

    #[test]
    fn a_form_is_checked_whole_with_where_each_problem_is() {
        let en = [Language::En];
        let form = Form {
            sections: vec![Section {
                title: t("One"),
                questions: vec![
                    own("q1", Kind::Single, 3),
                    own("q1", Kind::Single, 3),
                    own("q2", Kind::Single, 1),
                    own("x", Kind::LongText, 0),
                    own("q3", Kind::Rating, 1),
                    Question {
                        min: Some(5.0),
                        max: Some(1.0),
                        ..own("q4", Kind::Number, 0)
                    },
                    Question {
                        text: t(""),
                        ..own("q5", Kind::ShortText, 0)
                    },
                ],
            }],
        };
        let bad = parse(&form, &en, Language::En, &no_bank).unwrap_err();
        let codes: Vec<_> = bad.iter().map(|p| (p.at.as_str(), p.code)).collect();
        assert_eq!(
            codes,
            [
                ("sections[0].questions[1].id", "question_id_repeated"),
                ("sections[0].questions[2].options", "options_invalid"),
                ("sections[0].questions[3].id", "question_id_invalid"),
                ("sections[0].questions[4].options", "options_invalid"),
                ("sections[0].questions[5].min", "bounds_invalid"),
                (
                    "sections[0].questions[6].text.en",
                    "default_language_missing"
                ),
            ]
        );
        assert!(parse(&Form::default(), &en, Language::En, &no_bank).is_err());
    }

    #[test]
    fn a_bank_question_is_taken_as_the_bank_has_it_in_all_its_languages() {
        let b = Question {
            id: "relevance".into(),
            bank: Some("relevance".into()),
            text: Translated::from([
                ("en".to_owned(), "Relevant?".to_owned()),
                ("ar".to_owned(), "؟".to_owned()),
            ]),
            ..own("relevance", Kind::Likert, 5)
        };
        let bank = |k: &str| (k == "relevance").then(|| b.clone());
        let given = Question {
            text: t("Changed"),
            required: false,
            options: vec![],
            ..b.clone()
        };
        let form = Form {
            sections: vec![Section {
                title: t("One"),
                questions: vec![given],
            }],
        };
        let parsed = parse(&form, &[Language::En], Language::En, &bank).expect("valid");
        let q = &parsed.sections[0].questions[0];
        assert_eq!(q.text, b.text);
        assert_eq!(q.options.len(), 5);
        assert!(!q.required);
        let unknown = Form {
            sections: vec![Section {
                title: t("One"),
                questions: vec![Question {
                    bank: Some("nope".into()),
                    ..b.clone()
                }],
            }],
        };
        assert!(parse(&unknown, &[Language::En], Language::En, &bank).is_err());
    }

    #[test]
    fn edits_add_move_across_sections_and_remove() {
        let form = Form {
            sections: vec![
                Section {
                    title: t("A"),
                    questions: vec![own("q1", Kind::LongText, 0)],
                },
                Section {
                    title: t("B"),
                    questions: vec![],
                },
            ],
        };
        let id = form.next_id();
        assert_eq!(id, "q2");
        let form = apply(form, Edit::Add(0, own(&id, Kind::ShortText, 0))).expect("added");
        let form = apply(form, Edit::Move("q2".into(), false)).expect("moved");
        assert_eq!(form.sections[1].questions[0].id, "q2");
        let form = apply(form, Edit::Move("q2".into(), true)).expect("moved back");
        assert_eq!(form.sections[0].questions.len(), 2);
        let form = apply(form, Edit::Move("q2".into(), true)).expect("moved up");
        assert_eq!(form.sections[0].questions[0].id, "q2");
        assert!(apply(form.clone(), Edit::Remove("q9".into())).is_none());
        let form = apply(form, Edit::Remove("q1".into())).expect("removed");
        assert_eq!(form.questions().count(), 1);
        assert!(apply(form, Edit::RemoveSection(5)).is_none());
    }
}
