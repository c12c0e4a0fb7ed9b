//! Courses: what authors write and what learners read.
//!
//! Authors edit a **draft** (the `courses`, `course_modules` and
//! `course_lessons` rows). [`versions::publish`] turns the draft into an
//! immutable, numbered **version**: one JSON [`Document`] that learners read
//! and that never changes, so any process may cache it. Modules and lessons
//! carry a `key` that stays the same across versions, so learner progress
//! survives a republish. Every translatable field is a [`Translated`] map
//! from language code to text, read with a fallback to the course's default
//! language.
//!
//! Functions take a connection (the caller owns the transaction) and return
//! [`CourseError`] in domain words. No HTTP, no templates.

pub mod archive;
pub mod catalog;
pub mod content;
pub mod draft;
pub mod markdown;
#[cfg(feature = "openapi")]
pub mod schema;
pub mod values;
pub mod versions;

pub use values::{Translated, pick};
pub use versions::Document;

use sea_orm::{DbErr, SqlErr};
use serde::Serialize;

/// Why a course cannot be published, or which field is invalid: `code`
/// says what, `at` where (`title`, `modules[0].lessons[1].body`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub at: String,
    pub code: &'static str,
}

pub(crate) fn problem(at: impl Into<String>, code: &'static str) -> Problem {
    Problem {
        at: at.into(),
        code,
    }
}

#[derive(Debug, thiserror::Error)]
pub enum CourseError {
    #[error("invalid input: {0:?}")]
    Invalid(Vec<Problem>),
    #[error("the course cannot be published yet: {0:?}")]
    NotPublishable(Vec<Problem>),
    #[error("a course with this slug already exists")]
    SlugTaken,
    #[error("only the course's authors and administrators may change it")]
    Forbidden,
    #[error("not found")]
    NotFound,
    #[error("another publication of this course happened at the same time; try again")]
    PublishConflict,
    #[error("a course that was published cannot be deleted; archive it instead")]
    PublishedCourse,
    #[error("this lesson is not a quiz")]
    NotAQuiz,
    #[error("database error: {0}")]
    Db(#[from] DbErr),
}

impl CourseError {
    pub fn code(&self) -> &'static str {
        match self {
            CourseError::Invalid(_) => "invalid_input",
            CourseError::NotPublishable(_) => "not_publishable",
            CourseError::SlugTaken => "slug_taken",
            CourseError::Forbidden => "forbidden",
            CourseError::NotFound => "not_found",
            CourseError::PublishConflict => "publish_conflict",
            CourseError::PublishedCourse => "course_was_published",
            CourseError::NotAQuiz => "lesson_not_a_quiz",
            CourseError::Db(_) => "internal",
        }
    }
}

pub(crate) fn is_unique_violation(e: &DbErr) -> bool {
    matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_)))
}
