//! Answers as given (form fields or API values, as strings per question),
//! checked against the form version the response is on.

use crate::form::{Form, Kind, Question, limits};
use kuza_courses::Problem;
use std::collections::BTreeMap;

/// What was given: the values per question id (a multiple choice has one
/// per option chosen; an empty value is no answer).
pub type Given = BTreeMap<String, Vec<String>>;

/// One stored answer (a multiple choice gives one per option).
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub question: String,
    pub choice: Option<i32>,
    pub number: Option<f64>,
    pub text: Option<String>,
}

/// Which questions may be answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Those of one page (a section), which the answers replace whole.
    Page(usize),
    /// Any of the form, each given one replaced.
    Any,
}

fn problem(at: &str, code: &'static str) -> Problem {
    Problem {
        at: at.to_owned(),
        code,
    }
}

/// The answers in `given`, checked whole against `form`: every id must be
/// a question of the form (on the page, for a page), every value of the
/// question's kind and size. With `complete`, the page's required
/// questions must be answered too. Returns the answers and the questions
/// they replace (all the page's, or those given).
pub fn check(
    form: &Form,
    scope: Scope,
    given: &Given,
    complete: bool,
) -> Result<(Vec<Answer>, Vec<String>), Vec<Problem>> {
    let mut bad = vec![];
    let mut out = vec![];
    for (id, values) in given {
        match form.find(id) {
            None => bad.push(problem(id, "question_unknown")),
            Some((p, _)) if scope != Scope::Any && scope != Scope::Page(p) => {
                bad.push(problem(id, "question_not_on_page"))
            }
            Some((_, q)) => match answer(q, values) {
                Ok(mut a) => out.append(&mut a),
                Err(code) => bad.push(problem(id, code)),
            },
        }
    }
    let replaced: Vec<String> = match scope {
        Scope::Page(p) => match form.sections.get(p) {
            Some(s) => s.questions.iter().map(|q| q.id.clone()).collect(),
            None => {
                bad.push(problem("page", "page_unknown"));
                vec![]
            }
        },
        Scope::Any => given.keys().cloned().collect(),
    };
    if complete && bad.is_empty() {
        for id in &replaced {
            let (_, q) = form.find(id).expect("a question of the form");
            if q.required && !out.iter().any(|a| &a.question == id) {
                bad.push(problem(id, "answer_required"));
            }
        }
    }
    if bad.is_empty() {
        Ok((out, replaced))
    } else {
        Err(bad)
    }
}

/// The first required question with no answer among `answered`, and its page.
pub fn first_missing<'a>(form: &'a Form, answered: &[String]) -> Option<(usize, &'a Question)> {
    form.sections.iter().enumerate().find_map(|(p, s)| {
        s.questions
            .iter()
            .find(|q| q.required && !answered.contains(&q.id))
            .map(|q| (p, q))
    })
}

fn answer(q: &Question, values: &[String]) -> Result<Vec<Answer>, &'static str> {
    let values: Vec<&str> = values
        .iter()
        .map(|v| v.trim())
        .filter(|v| !v.is_empty())
        .collect();
    let one = |choice: Option<i32>, number: Option<f64>, text: Option<String>| Answer {
        question: q.id.clone(),
        choice,
        number,
        text,
    };
    if values.is_empty() {
        return Ok(vec![]);
    }
    if q.kind != Kind::Multiple && values.len() > 1 {
        return Err("answer_invalid");
    }
    let index = |v: &str, n: usize| {
        v.parse::<usize>()
            .ok()
            .filter(|i| *i < n)
            .ok_or("answer_invalid")
    };
    Ok(match q.kind {
        // A scale's answer is its point, 1 to n.
        Kind::Likert => {
            let point = values[0]
                .parse::<usize>()
                .ok()
                .filter(|p| (1..=q.options.len()).contains(p))
                .ok_or("answer_invalid")?;
            vec![one(Some(point as i32 - 1), Some(point as f64), None)]
        }
        Kind::Single => {
            let i = index(values[0], q.options.len())?;
            vec![one(Some(i as i32), None, None)]
        }
        Kind::Multiple => {
            let mut chosen: Vec<usize> = vec![];
            for v in values {
                let i = index(v, q.options.len())?;
                if chosen.contains(&i) {
                    return Err("answer_invalid");
                }
                chosen.push(i);
            }
            chosen.sort_unstable();
            chosen
                .into_iter()
                .map(|i| one(Some(i as i32), None, None))
                .collect()
        }
        Kind::Rating => {
            let i = index(values[0], 11)?;
            vec![one(Some(i as i32), Some(i as f64), None)]
        }
        Kind::Number => {
            let n: f64 = values[0].parse().map_err(|_| "answer_invalid")?;
            let ok = n.is_finite()
                && n.abs() <= limits::NUMBER_MAX
                && q.min.is_none_or(|m| n >= m)
                && q.max.is_none_or(|m| n <= m);
            if !ok {
                return Err("answer_out_of_range");
            }
            vec![one(None, Some(n), None)]
        }
        Kind::ShortText | Kind::LongText => {
            let (max, breaks) = if q.kind == Kind::ShortText {
                (limits::SHORT_ANSWER_MAX, false)
            } else {
                (limits::LONG_ANSWER_MAX, true)
            };
            let t = values[0];
            if t.chars().count() > max {
                return Err("answer_too_long");
            }
            if t.chars()
                .any(|c| c.is_control() && !(breaks && matches!(c, '\n' | '\r' | '\t')))
            {
                return Err("control_character");
            }
            vec![one(None, None, Some(t.replace("\r\n", "\n")))]
        }
    })
}

/// The answers of a response as the form's fields show them again.
pub fn given_of(answers: &[Answer], form: &Form) -> Given {
    let mut out = Given::new();
    for a in answers {
        let Some((_, q)) = form.find(&a.question) else {
            continue;
        };
        let v = match q.kind {
            Kind::Likert => a.number.map(|n| (n as i64).to_string()),
            Kind::Single | Kind::Multiple => a.choice.map(|c| c.to_string()),
            Kind::Rating => a.choice.map(|c| c.to_string()),
            Kind::Number => a.number.map(|n| n.to_string()),
            Kind::ShortText | Kind::LongText => a.text.clone(),
        };
        if let Some(v) = v {
            out.entry(a.question.clone()).or_default().push(v);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::Section;
    use kuza_courses::Translated;

    fn q(id: &str, kind: Kind, options: usize, required: bool) -> Question {
        Question {
            id: id.into(),
            bank: None,
            kind,
            required,
            text: Translated::from([("en".to_owned(), "?".to_owned())]),
            options: (0..options).map(|_| Translated::new()).collect(),
            min: Some(0.0).filter(|_| kind == Kind::Number),
            max: Some(100.0).filter(|_| kind == Kind::Number),
        }
    }

    fn form() -> Form {
        Form {
            sections: vec![
                Section {
                    title: Translated::new(),
                    questions: vec![
                        q("relevance", Kind::Likert, 5, true),
                        q("q1", Kind::Multiple, 4, false),
                        q("recommend", Kind::Rating, 0, true),
                    ],
                },
                Section {
                    title: Translated::new(),
                    questions: vec![
                        q("q2", Kind::Number, 0, false),
                        q("q3", Kind::ShortText, 0, false),
                    ],
                },
            ],
        }
    }

    fn given(pairs: &[(&str, &[&str])]) -> Given {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.iter().map(|s| s.to_string()).collect()))
            .collect()
    }

    #[test]
    fn each_kind_is_stored_as_its_choice_number_or_text() {
        let f = form();
        let (a, replaced) = check(
            &f,
            Scope::Page(0),
            &given(&[
                ("relevance", &["4"]),
                ("q1", &["2", "0"]),
                ("recommend", &["10"]),
            ]),
            true,
        )
        .expect("valid");
        assert_eq!(replaced, ["relevance", "q1", "recommend"]);
        assert_eq!(a.len(), 4);
        // In the order of the ids given.
        assert_eq!((a[0].choice, a[1].choice), (Some(0), Some(2)));
        assert_eq!((a[2].choice, a[2].number), (Some(10), Some(10.0)));
        assert_eq!((a[3].choice, a[3].number), (Some(3), Some(4.0)));
        assert_eq!(
            given_of(&a, &f),
            given(&[
                ("relevance", &["4"]),
                ("q1", &["0", "2"]),
                ("recommend", &["10"])
            ])
        );
    }

    #[test]
    fn a_bad_value_an_unknown_question_or_one_of_another_page_refuses_all() {
        let f = form();
        for (g, code) in [
            (given(&[("relevance", &["6"])]), "answer_invalid"),
            (given(&[("relevance", &["0"])]), "answer_invalid"),
            (given(&[("q1", &["1", "1"])]), "answer_invalid"),
            (given(&[("recommend", &["11"])]), "answer_invalid"),
            (given(&[("recommend", &["3", "4"])]), "answer_invalid"),
            (given(&[("other_survey_q", &["1"])]), "question_unknown"),
            (given(&[("q2", &["1"])]), "question_not_on_page"),
        ] {
            let bad = check(&f, Scope::Page(0), &g, false).unwrap_err();
            assert_eq!(bad[0].code, code, "{g:?}");
        }
        let long = "x".repeat(limits::SHORT_ANSWER_MAX + 1);
        let bad = check(&f, Scope::Page(1), &given(&[("q3", &[&long])]), false).unwrap_err();
        assert_eq!(bad[0].code, "answer_too_long");
        let bad = check(&f, Scope::Page(1), &given(&[("q2", &["101"])]), false).unwrap_err();
        assert_eq!(bad[0].code, "answer_out_of_range");
        let bad = check(&f, Scope::Page(1), &given(&[("q3", &["a\nb"])]), false).unwrap_err();
        assert_eq!(bad[0].code, "control_character");
    }

    #[test]
    fn required_questions_are_asked_for_on_completing_a_page_or_submitting() {
        let f = form();
        let g = given(&[("relevance", &["2"])]);
        assert!(check(&f, Scope::Page(0), &g, false).is_ok());
        let bad = check(&f, Scope::Page(0), &g, true).unwrap_err();
        assert_eq!(
            (bad[0].at.as_str(), bad[0].code),
            ("recommend", "answer_required")
        );
        let (p, q) = first_missing(&f, &["relevance".into()]).expect("one missing");
        assert_eq!((p, q.id.as_str()), (0, "recommend"));
        assert!(first_missing(&f, &["relevance".into(), "recommend".into()]).is_none());
    }
}
