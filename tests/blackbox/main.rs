//! Black-box tests: the real app on a random port, each test on its own
//! database (SQLite by default; PostgreSQL with KUZA_TEST_DATABASE_URL).

mod admin;
mod api_auth;
mod email;
mod jobs;
mod ops;
mod portal_auth;
mod security;
