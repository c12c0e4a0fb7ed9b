//! Black-box tests: the real app on a random port, each test on its own
//! database (SQLite by default; PostgreSQL with KUZA_TEST_DATABASE_URL).

#![expect(
    clippy::unwrap_used,
    reason = "test helpers: a panic is the failure report"
)]

mod admin;
mod api_auth;
mod archives;
mod bulk;
mod catalog;
mod certificate_design;
mod certificates;
mod cohorts;
mod courses;
mod email;
mod hardening;
mod jobs;
mod learning;
mod lessons;
mod media;
mod members;
mod needs;
mod ops;
mod packages;
mod portal_auth;
mod providers;
mod reports;
mod routes;
mod security;
mod sessions;
mod studio;
mod surveys;
