//! The Python tools some tests run as real peers (moto's S3 server, the
//! OpenAPI validator), installed by `.ci/run` in one virtual environment:
//!
//! ```sh
//! python3 -m venv /var/tmp/kuza-test-tools
//! /var/tmp/kuza-test-tools/bin/pip install 'moto[server]' openapi-spec-validator
//! ```
//!
//! A tool is found at `$<env>` if set, else in that environment, else on the
//! `PATH`. A missing tool skips its test with a message on a workstation and
//! fails it under `CI=true`, where every test must run.

use std::path::PathBuf;

pub const VENV: &str = "/var/tmp/kuza-test-tools";

/// The executable `name` (overridden by the environment variable `env`), or
/// `None` outside CI when it is not installed.
pub fn python_tool(name: &str, env: &str) -> Option<PathBuf> {
    let found = std::env::var(env)
        .ok()
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .or_else(|| {
            let p = PathBuf::from(VENV).join("bin").join(name);
            p.exists().then_some(p)
        })
        .or_else(|| {
            std::env::var_os("PATH").and_then(|paths| {
                std::env::split_paths(&paths)
                    .map(|d| d.join(name))
                    .find(|p| p.exists())
            })
        });
    if found.is_none() {
        let msg = format!(
            "{name} not found: install it with `python3 -m venv {VENV} && {VENV}/bin/pip install 'moto[server]' openapi-spec-validator` or set {env}"
        );
        if std::env::var("CI").is_ok_and(|v| v == "true") {
            panic!("{msg} (CI=true: every test must run)");
        }
        eprintln!("skipping a test: {msg}");
    }
    found
}
