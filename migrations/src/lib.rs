//! One migration set for both backends (SQLite and PostgreSQL).
//!
//! Migrations are written with sea-query's schema builder so that the same
//! code produces the right DDL for each backend. Timestamps are stored as
//! `BIGINT` Unix seconds: they compare and index identically on both.
//! Migrations are applied at start (`kuza serve`) and by `kuza migrate`.

pub use sea_orm_migration::prelude::*;

mod columns;
mod m0001_foundation;
mod m0002_courses;
mod m0003_media;
mod m0005_catalog;
mod m0006_changes;
mod m0007_learning;
mod m0008_cohorts;
mod m0009_live_sessions;
mod m0010_grading;
mod m0011_applications;
mod m0012_grading_queue;
mod m0013_course_partners;
mod m0014_certificates;
mod m0015_credentials;
mod m0016_score_gate;
mod m0017_cohort_reports;
mod m0018_certificate_design;
mod m0019_organisations;
mod m0020_reports;
mod m0021_report_subscriptions;
mod m0022_providers;
mod m0023_learning_days_learner;
mod m0024_certificate_report_indexes;
mod m0025_surveys;
mod m0026_survey_invitations;
mod m0027_survey_respondents;
mod m0028_needs_surveys;
mod m0029_packages;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m0001_foundation::Migration),
            Box::new(m0002_courses::Migration),
            Box::new(m0003_media::Migration),
            Box::new(m0005_catalog::Migration),
            Box::new(m0006_changes::Migration),
            Box::new(m0007_learning::Migration),
            Box::new(m0008_cohorts::Migration),
            Box::new(m0009_live_sessions::Migration),
            Box::new(m0010_grading::Migration),
            Box::new(m0011_applications::Migration),
            Box::new(m0012_grading_queue::Migration),
            Box::new(m0013_course_partners::Migration),
            Box::new(m0014_certificates::Migration),
            Box::new(m0015_credentials::Migration),
            Box::new(m0016_score_gate::Migration),
            Box::new(m0017_cohort_reports::Migration),
            Box::new(m0018_certificate_design::Migration),
            Box::new(m0019_organisations::Migration),
            Box::new(m0020_reports::Migration),
            Box::new(m0021_report_subscriptions::Migration),
            Box::new(m0022_providers::Migration),
            Box::new(m0023_learning_days_learner::Migration),
            Box::new(m0024_certificate_report_indexes::Migration),
            Box::new(m0025_surveys::Migration),
            Box::new(m0026_survey_invitations::Migration),
            Box::new(m0027_survey_respondents::Migration),
            Box::new(m0028_needs_surveys::Migration),
            Box::new(m0029_packages::Migration),
        ]
    }
}
