//! The Kuza server: the adapters over the application layer (`kuza_app`).
//! One actix-web app serves the JSON API under `/api/v1` and the
//! server-rendered portal; beside them, configuration, telemetry, the job
//! worker and the `kuza` command line. Handlers are thin: extract, call one
//! `kuza_app` function, render. Rules, queries and permissions live below.

pub mod api;
pub mod cli;
pub mod config;
mod csrf;
pub mod errors;
mod files;
mod http;
mod metrics;
mod openapi;
mod ops;
mod pagination;
pub mod portal;
pub mod routes;
pub mod startup;
pub mod state;
pub mod telemetry;
pub mod views;
mod worker;

pub use config::Settings;
pub use startup::Application;
