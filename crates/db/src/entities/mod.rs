//! One module per table. Models derive `Serialize` where templates or the API
//! show them.

pub mod audit_event;
pub mod auth_failure;
pub mod catalog_entry;
pub mod catalog_facet;
pub mod cohort;
pub mod cohort_facilitator;
pub mod course;
pub mod course_author;
pub mod course_lesson;
pub mod course_module;
pub mod course_version;
pub mod enrollment;
pub mod enrollment_event;
pub mod job;
pub mod lesson_progress;
pub mod media;
pub mod one_time_token;
pub mod organisation;
pub mod published_lesson;
pub mod quiz_attempt;
pub mod refresh_token;
pub mod session;
pub mod user;
pub mod user_role;
pub mod view_count;
