//! The `kuza` command line.

use crate::config::Settings;
use crate::startup::{Application, connect_and_migrate};
use crate::telemetry;
use clap::{Parser, Subcommand};
use kuza_accounts::users::{self, AccountInput};
use kuza_accounts::{Grants, Role, roles};
use kuza_app::{archives, demo, generate};
use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "kuza",
    version,
    about = "Kuza, a learning platform for capacity building"
)]
pub struct Cli {
    /// A TOML configuration file (see deploy/kuza.example.toml).
    #[arg(long, env = "KUZA_CONFIG", global = true)]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the platform (migrations are applied first).
    Serve {
        /// Load the demo content first and print its sign-ins.
        #[arg(long)]
        demo: bool,
    },
    /// Apply pending database migrations and exit.
    Migrate,
    /// Load the demo content (idempotent).
    Demo,
    /// Create and publish many generated courses in the six languages, for
    /// load tests and trying the catalog (slugs that exist are skipped).
    GenerateCatalog {
        #[arg(long, default_value_t = 1000)]
        courses: usize,
        /// Text lessons per course (five to a module).
        #[arg(long, default_value_t = 10)]
        lessons: usize,
    },
    /// Create learners enrolled in the published, open, self-paced courses,
    /// with lessons completed, for load tests (run generate-catalog first).
    /// They sign in as learner-000001@generated.example.org and so on, with
    /// the password learn-at-scale-2026.
    GenerateLearners {
        #[arg(long, default_value_t = 100_000)]
        learners: usize,
        /// Completed lessons in all.
        #[arg(long, default_value_t = 1_000_000)]
        progress: usize,
    },
    /// Manage administrators.
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
    /// Export or import a course archive (see docs/course-archive.md).
    Course {
        #[command(subcommand)]
        command: CourseCommand,
    },
}

#[derive(Subcommand)]
enum CourseCommand {
    /// Write a course's draft, with its files, to a zip.
    Export {
        /// The course's slug.
        slug: String,
        /// The zip file to write.
        file: PathBuf,
    },
    /// Create a draft course from a zip.
    Import {
        /// The zip file to read.
        file: PathBuf,
        /// The email of the author who will own it.
        #[arg(long)]
        owner: String,
        /// Use this slug instead of the archive's.
        #[arg(long)]
        slug: Option<String>,
        /// Publish it as version 1 at once.
        #[arg(long)]
        publish: bool,
    },
}

#[derive(Subcommand)]
enum AdminCommand {
    /// Create an administrator; the password is read from standard input.
    Create {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// Interface language: ar, zh, en, fr, ru or es.
        #[arg(long, default_value = "en")]
        language: String,
        /// ISO 3166-1 alpha-2 country code.
        #[arg(long, default_value = "KE")]
        country: String,
    },
}

pub async fn run() -> ExitCode {
    let cli = Cli::parse();
    let settings = match Settings::load(cli.config.as_deref()) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("kuza: {e}");
            return ExitCode::from(2);
        }
    };
    telemetry::init(&settings);
    match execute(cli.command, settings).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("kuza: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn execute(command: Command, settings: Settings) -> Result<(), String> {
    match command {
        Command::Serve { demo } => {
            if demo {
                if settings.environment == crate::config::Environment::Production {
                    return Err("refusing to load demo content in production".into());
                }
                let db = connect_and_migrate(&settings)
                    .await
                    .map_err(|e| e.to_string())?;
                demo::load(&db).await.map_err(|e| e.to_string())?;
                let storage = crate::startup::open_storage(&settings).map_err(|e| e.to_string())?;
                demo::load_courses(&db, &storage, settings.upload_max_mb).await?;
                db.close().await.map_err(|e| e.to_string())?;
            }
            let mut base_url = settings.base_url.clone();
            let mail_note = settings
                .smtp_url
                .is_none()
                .then(|| format!("Emails are written to {}\n", settings.mail_dir().display()));
            let app = Application::build(settings)
                .await
                .map_err(|e| e.to_string())?;
            if base_url.ends_with(":0") {
                base_url = format!("{}{}", base_url.trim_end_matches('0'), app.port());
            }
            let mut banner = format!("\nKuza is running at {base_url}\n");
            if demo {
                banner.push_str(&demo::sign_ins());
            }
            if let Some(note) = mail_note {
                banner.push_str(&note);
            }
            banner.push_str("Stop it with Ctrl+C.\n\n");
            // A closed stdout (a supervisor that stopped reading) must not
            // stop the server, so a failed write is ignored.
            let mut out = std::io::stdout().lock();
            let _ = out.write_all(banner.as_bytes()).and_then(|()| out.flush());
            drop(out);
            app.run_until_stopped().await.map_err(|e| e.to_string())
        }
        Command::Migrate => {
            connect_and_migrate(&settings)
                .await
                .map_err(|e| e.to_string())?;
            println!("migrations applied");
            Ok(())
        }
        Command::Demo => {
            let db = connect_and_migrate(&settings)
                .await
                .map_err(|e| e.to_string())?;
            demo::load(&db).await.map_err(|e| e.to_string())?;
            let storage = crate::startup::open_storage(&settings).map_err(|e| e.to_string())?;
            demo::load_courses(&db, &storage, settings.upload_max_mb).await?;
            print!("{}", demo::sign_ins());
            Ok(())
        }
        Command::Course { command } => course_command(command, &settings).await,
        Command::GenerateCatalog { courses, lessons } => {
            if settings.environment == crate::config::Environment::Production {
                return Err("refusing to generate courses in production".into());
            }
            let db = connect_and_migrate(&settings)
                .await
                .map_err(|e| e.to_string())?;
            let started = std::time::Instant::now();
            let (created, skipped) = generate::catalog(&db, courses, lessons).await?;
            println!(
                "{created} courses created and published, {skipped} already there ({:.1} s)",
                started.elapsed().as_secs_f64()
            );
            Ok(())
        }
        Command::GenerateLearners { learners, progress } => {
            if settings.environment == crate::config::Environment::Production {
                return Err("refusing to generate learners in production".into());
            }
            let db = connect_and_migrate(&settings)
                .await
                .map_err(|e| e.to_string())?;
            let started = std::time::Instant::now();
            let made = generate::learners(&db, learners, progress).await?;
            println!(
                "{} learners, {} enrolments in {} courses, {} completed lessons ({:.1} s)",
                made.learners,
                made.enrollments,
                made.courses,
                made.progress,
                started.elapsed().as_secs_f64()
            );
            if made.progress < progress {
                println!(
                    "the courses' lessons held only {} of the {progress} completed lessons asked for",
                    made.progress
                );
            }
            Ok(())
        }
        Command::Admin {
            command:
                AdminCommand::Create {
                    email,
                    name,
                    language,
                    country,
                },
        } => {
            let mut password = String::new();
            std::io::stdin()
                .lock()
                .read_line(&mut password)
                .map_err(|e| format!("reading the password from standard input: {e}"))?;
            let password = password.trim_end_matches(['\r', '\n']).to_owned();
            let db = connect_and_migrate(&settings)
                .await
                .map_err(|e| e.to_string())?;
            let txn = kuza_db::begin_write(&db).await.map_err(|e| e.to_string())?;
            let input = AccountInput {
                email,
                password,
                display_name: name,
                language,
                country,
                ..Default::default()
            };
            let user = users::register(&txn, &input, true)
                .await
                .map_err(describe)?;
            roles::set_grants(
                &txn,
                None,
                user.id,
                &Grants {
                    roles: vec![Role::Admin],
                    partner_organisation_id: None,
                },
            )
            .await
            .map_err(describe)?;
            txn.commit().await.map_err(|e| e.to_string())?;
            println!("administrator {} created (id {})", user.email, user.id);
            Ok(())
        }
    }
}

async fn course_command(command: CourseCommand, settings: &Settings) -> Result<(), String> {
    let db = connect_and_migrate(settings)
        .await
        .map_err(|e| e.to_string())?;
    let storage = crate::startup::open_storage(settings).map_err(|e| e.to_string())?;
    match command {
        CourseCommand::Export { slug, file } => {
            let c = kuza_courses::draft::find_by_slug(&db, &slug)
                .await
                .map_err(|e| e.to_string())?
                .ok_or_else(|| format!("no course has the slug {slug}"))?;
            let zip = archives::zip_of(&db, &storage, &c)
                .await
                .map_err(|e| e.describe())?;
            std::fs::write(&file, &zip).map_err(|e| format!("{}: {e}", file.display()))?;
            println!("{} written ({} bytes)", file.display(), zip.len());
            Ok(())
        }
        CourseCommand::Import {
            file,
            owner,
            slug,
            publish,
        } => {
            let user = users::find_by_email(&db, &owner)
                .await
                .map_err(|e| e.to_string())?
                .ok_or_else(|| format!("no account has the email {owner}"))?;
            let c = archives::import_zip_files(
                &db,
                &storage,
                settings.upload_max_mb,
                user.id,
                &file,
                slug.as_deref(),
            )
            .await
            .map_err(|e| e.describe())?;
            println!("course {} imported as a draft (id {})", c.slug, c.id);
            if publish {
                let txn = kuza_db::begin_write(&db).await.map_err(|e| e.to_string())?;
                let n = kuza_courses::versions::publish(&txn, &c, user.id)
                    .await
                    .map_err(|e| e.to_string())?;
                txn.commit().await.map_err(|e| e.to_string())?;
                println!("published as version {n}");
            }
            Ok(())
        }
    }
}

fn describe(e: kuza_accounts::AccountError) -> String {
    match e {
        kuza_accounts::AccountError::EmailTaken => {
            "an account with this email address already exists".into()
        }
        kuza_accounts::AccountError::Invalid(v) => v
            .iter()
            .map(|i| format!("{}: {}", i.field, i.code))
            .collect::<Vec<_>>()
            .join(", "),
        other => other.to_string(),
    }
}
