//! The Kuza server: one actix-web app serving the JSON API under `/api/v1`
//! and the server-rendered portal, plus configuration, telemetry, the job
//! worker and the `kuza` command line. Handlers are thin: extract,
//! authorize, call a domain function, respond.

pub mod api;
pub mod archives;
pub mod bulk;
pub mod calendar;
pub mod cli;
pub mod config;
pub mod counts;
mod csrf;
pub mod demo;
pub mod errors;
mod files;
pub mod generate;
pub mod learning;
mod metrics;
mod notify;
mod ops;
mod pagination;
pub mod portal;
pub mod published;
pub mod startup;
pub mod state;
pub mod telemetry;
pub mod views;
mod worker;

pub use config::Settings;
pub use startup::Application;
