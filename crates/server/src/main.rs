//! `kuza`: see `kuza --help`.

#[tokio::main]
async fn main() -> std::process::ExitCode {
    kuza_server::cli::run().await
}
