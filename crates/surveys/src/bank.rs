//! The instance's question bank: standard questions (in the six
//! languages, from `bank.json`) that every survey of a purpose starts
//! with, under keys that stay the same everywhere, so that the answers to
//! "the course was relevant to my work" compare across courses.

use crate::form::{Form, Question, Section};
use kuza_courses::Translated;
use kuza_db::entities::survey_bank;
use kuza_db::values::{Code, SurveyPurpose};
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

#[derive(Deserialize)]
struct Seed {
    scales: BTreeMap<String, Vec<Translated>>,
    sections: BTreeMap<String, Vec<Translated>>,
    questions: Vec<SeedQuestion>,
}

#[derive(Deserialize)]
struct SeedQuestion {
    key: String,
    standard: String,
    section: usize,
    #[serde(default)]
    scale: Option<String>,
    question: serde_json::Value,
}

fn seed() -> &'static Seed {
    static SEED: OnceLock<Seed> = OnceLock::new();
    SEED.get_or_init(|| {
        serde_json::from_str(include_str!("bank.json")).expect("bank.json is valid")
    })
}

/// A seed question as a form question: its key as its id, its scale's
/// labels as its options.
fn seeded(q: &SeedQuestion) -> Question {
    let mut v = q.question.clone();
    v["id"] = q.key.clone().into();
    v["bank"] = q.key.clone().into();
    if let Some(scale) = &q.scale {
        v["options"] = serde_json::to_value(&seed().scales[scale]).expect("labels");
    }
    serde_json::from_value(v).expect("a seed question is a question")
}

/// A question of the bank.
#[derive(Debug, Clone)]
pub struct BankQuestion {
    pub key: String,
    pub question: Question,
    pub standard: Option<SurveyPurpose>,
    /// Retired by an administrator: no longer offered; the surveys that
    /// have it keep it.
    pub retired: bool,
}

/// Writes the standard questions the bank lacks (an administrator's
/// retired or edited question is left as it is). Run at startup.
pub async fn ensure_standard(conn: &impl ConnectionTrait) -> Result<(), DbErr> {
    let t = kuza_db::now();
    let rows: Vec<_> = seed()
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| survey_bank::ActiveModel {
            key: Set(q.key.clone()),
            question: Set(serde_json::to_string(&seeded(q)).expect("serializes")),
            standard: Set(Some(q.standard.clone())),
            position: Set(i as i32),
            retired: Set(false),
            created_at: Set(t),
            updated_at: Set(t),
            ..Default::default()
        })
        .collect();
    survey_bank::Entity::insert_many(rows)
        .on_conflict(
            OnConflict::column(survey_bank::Column::Key)
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(conn)
        .await?;
    Ok(())
}

/// The bank's questions in use, in order.
pub async fn all(conn: &impl ConnectionTrait) -> Result<Vec<BankQuestion>, DbErr> {
    Ok(every(conn)
        .await?
        .into_iter()
        .filter(|b| !b.retired)
        .collect())
}

/// Every question of the bank, the retired ones too, in order.
pub async fn every(conn: &impl ConnectionTrait) -> Result<Vec<BankQuestion>, DbErr> {
    Ok(survey_bank::Entity::find()
        .order_by_asc(survey_bank::Column::Position)
        .order_by_asc(survey_bank::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .filter_map(|r| {
            Some(BankQuestion {
                question: serde_json::from_str(&r.question).ok()?,
                standard: r.standard.as_deref().and_then(SurveyPurpose::parse),
                retired: r.retired,
                key: r.key,
            })
        })
        .collect())
}

/// Whether `key` may name a new question of the bank: lower-case letters,
/// digits and `_`, starting with a letter, and not the `q1`, `q2`… of a
/// survey's own questions.
pub fn key_ok(key: &str) -> bool {
    let b = key.as_bytes();
    (2..=40).contains(&b.len())
        && b[0].is_ascii_lowercase()
        && b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'_')
        && !(b[0] == b'q' && b[1..].iter().all(u8::is_ascii_digit))
}

/// Adds a question (checked) to the bank under `key`, after the others;
/// `false` if the key is taken.
pub async fn add(
    conn: &impl ConnectionTrait,
    key: &str,
    question: &Question,
) -> Result<bool, DbErr> {
    use sea_orm::QuerySelect;
    let last: Option<i32> = survey_bank::Entity::find()
        .select_only()
        .column_as(survey_bank::Column::Position.max(), "p")
        .into_tuple()
        .one(conn)
        .await?
        .flatten();
    let q = Question {
        id: key.to_owned(),
        bank: Some(key.to_owned()),
        ..question.clone()
    };
    let t = kuza_db::now();
    let written = survey_bank::Entity::insert(survey_bank::ActiveModel {
        key: Set(key.to_owned()),
        question: Set(serde_json::to_string(&q).expect("serializes")),
        standard: Set(None),
        position: Set(last.unwrap_or(0) + 1),
        retired: Set(false),
        created_at: Set(t),
        updated_at: Set(t),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::column(survey_bank::Column::Key)
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(conn)
    .await?;
    Ok(written == 1)
}

/// Retires a question of the bank (or brings it back); `false` if there
/// is none under `key`.
pub async fn set_retired(
    conn: &impl ConnectionTrait,
    key: &str,
    retired: bool,
) -> Result<bool, DbErr> {
    use sea_orm::sea_query::Expr;
    let r = survey_bank::Entity::update_many()
        .col_expr(survey_bank::Column::Retired, Expr::value(retired))
        .col_expr(survey_bank::Column::UpdatedAt, Expr::value(kuza_db::now()))
        .filter(survey_bank::Column::Key.eq(key))
        .exec(conn)
        .await?;
    Ok(r.rows_affected > 0)
}

/// The form a survey of `purpose` starts with: the standard sections and
/// the bank's standard questions in them, in every language the bank has
/// (a respondent reads them in theirs even where the course is not
/// translated).
pub fn standard_form(bank: &[BankQuestion], purpose: SurveyPurpose) -> Form {
    let s = seed();
    let titles = s.sections.get(&purpose.code()).cloned().unwrap_or_default();
    let mut form = Form {
        sections: titles
            .iter()
            .map(|t| Section {
                title: t.clone(),
                questions: vec![],
            })
            .collect(),
    };
    if form.sections.is_empty() {
        form.sections.push(Section::default());
    }
    for b in bank.iter().filter(|b| b.standard == Some(purpose)) {
        let section = s
            .questions
            .iter()
            .find(|q| q.key == b.key)
            .map_or(0, |q| q.section)
            .min(form.sections.len() - 1);
        form.sections[section].questions.push(b.question.clone());
    }
    form
}

#[cfg(test)]
mod tests {
    use super::*;
    use kuza_i18n::Language;

    #[test]
    fn a_new_keys_shape_is_checked_and_never_that_of_a_surveys_own_question() {
        for ok in ["water_access", "needs2", "ab"] {
            assert!(key_ok(ok), "{ok}");
        }
        for bad in [
            "q1",
            "q12",
            "Q",
            "a",
            "1abc",
            "water-access",
            "eau_é",
            &"x".repeat(41),
        ] {
            assert!(!key_ok(bad), "{bad}");
        }
    }

    #[test]
    fn every_standard_question_and_section_is_in_the_six_languages() {
        for q in &seed().questions {
            let q = seeded(q);
            for lang in Language::ALL {
                assert!(q.text.contains_key(lang.code()), "{} {lang:?}", q.id);
                for o in &q.options {
                    assert!(o.contains_key(lang.code()), "{} {lang:?}", q.id);
                }
            }
        }
        for titles in seed().sections.values() {
            for t in titles {
                assert_eq!(t.len(), Language::ALL.len());
            }
        }
    }
}
