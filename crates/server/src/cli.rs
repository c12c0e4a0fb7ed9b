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
        /// Enrolments in all (default: as many as the completed lessons
        /// need, half of each course done on average).
        #[arg(long)]
        enrolments: Option<usize>,
        /// Completed lessons in all.
        #[arg(long, default_value_t = 1_000_000)]
        progress: usize,
    },
    /// Measure certificates (docs/benchmarks.md): sign and render `--render`
    /// sample certificates in the six languages (median and p99 of each),
    /// then issue the certificates of `--issue` completions of generated
    /// learners through the worker's step (run generate-learners first, on
    /// a database kept for measurements: those enrolments become completed).
    BenchCertificates {
        #[arg(long, default_value_t = 300)]
        render: usize,
        #[arg(long, default_value_t = 0)]
        issue: usize,
    },
    /// Send the course follow-ups due (and their reminders) now, or as of
    /// `--as-of` (`YYYY-MM-DD`, to try the follow-up on demo content: "three
    /// months later"). The worker of `kuza serve` does this every minute;
    /// the emails are sent by it.
    FollowUps {
        #[arg(long)]
        as_of: Option<String>,
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

async fn execute(command: Command, mut settings: Settings) -> Result<(), String> {
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
        Command::GenerateLearners {
            learners,
            enrolments,
            progress,
        } => {
            if settings.environment == crate::config::Environment::Production {
                return Err("refusing to generate learners in production".into());
            }
            let db = connect_and_migrate(&settings)
                .await
                .map_err(|e| e.to_string())?;
            let started = std::time::Instant::now();
            let made = generate::learners(&db, learners, enrolments, progress).await?;
            println!(
                "{} learners in {} organisations, {} enrolments ({} completed) in {} courses, {} completed lessons ({:.1} s)",
                made.learners,
                made.organisations,
                made.enrollments,
                made.completions,
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
        Command::FollowUps { as_of } => {
            let now = match as_of {
                Some(day) => chrono::NaiveDate::parse_from_str(day.trim(), "%Y-%m-%d")
                    .map_err(|_| format!("--as-of {day}: not a YYYY-MM-DD date"))?
                    .and_hms_opt(12, 0, 0)
                    .map_or(0, |t| t.and_utc().timestamp()),
                None => kuza_db::now(),
            };
            settings_for_a_step(&mut settings);
            let running = crate::startup::Application::build(settings)
                .await
                .map_err(|e| e.to_string())?;
            let (invited, reminded) = kuza_app::follow_up::send_due(&running.state().app, now)
                .await
                .map_err(|e| e.to_string())?;
            println!("{invited} follow-ups and {reminded} reminders queued");
            Ok(())
        }
        Command::BenchCertificates { render, issue } => {
            if settings.environment == crate::config::Environment::Production {
                return Err("refusing to benchmark in production".into());
            }
            bench_certificates(settings, render, issue).await
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

/// A command run through the production start-up on a free port, with no
/// job worker (the serving processes send what it queues; a worker here
/// would claim their jobs and drop them on exit).
fn settings_for_a_step(settings: &mut Settings) {
    settings.bind = "127.0.0.1:0".into();
    settings.run_jobs = false;
}

/// `kuza bench-certificates`: through the production start-up (its worker
/// kept idle, so the figures are the steps' own).
async fn bench_certificates(
    mut settings: Settings,
    render: usize,
    issue: usize,
) -> Result<(), String> {
    use kuza_app::certificates;
    use std::time::{Duration, Instant};
    settings_for_a_step(&mut settings);
    let running = crate::startup::Application::build(settings)
        .await
        .map_err(|e| e.to_string())?;
    let state = running.state();
    let app = &state.app;
    let fonts = app.pdf_fonts.clone();
    let started = Instant::now();
    tokio::task::spawn_blocking(move || fonts.get().map(|_| ()))
        .await
        .map_err(|e| e.to_string())?
        .map_err(|e| e.to_string())?;
    println!("fonts read in {:.2} s", started.elapsed().as_secs_f64());
    // Certificates as an agency's look: the instance's logo and two
    // signatories with their signatures, on every course.
    kuza_app::demo::load_design(&app.db, &app.storage, None).await?;
    use sea_orm::EntityTrait;
    let any_course = kuza_db::entities::course::Entity::find()
        .one(&app.db)
        .await
        .map_err(|e| e.to_string())?
        .map(|c| c.id)
        .ok_or("no course: run generate-catalog first")?;
    let design = kuza_app::design::for_course(&app.db, any_course)
        .await
        .map_err(|e| e.to_string())?;
    let design = serde_json::to_string(&design).map_err(|e| e.to_string())?;
    let ms = |d: &Duration| d.as_secs_f64() * 1000.0;
    let quantiles = |mut v: Vec<Duration>| {
        v.sort_unstable();
        let at = |q: f64| v[((v.len() as f64 * q) as usize).min(v.len() - 1)];
        (ms(&at(0.5)), ms(&at(0.99)))
    };
    if render > 0 {
        let langs = ["en", "fr", "es", "ar", "ru", "zh"];
        let title: kuza_courses::Translated = [
            ("en", "Urban resilience and climate adaptation"),
            ("fr", "Résilience urbaine et adaptation au climat"),
            ("es", "Resiliencia urbana y adaptación al clima"),
            ("ar", "المرونة الحضرية والتكيف مع المناخ"),
            ("ru", "Устойчивость городов и адаптация к изменению климата"),
            ("zh", "城市韧性与气候适应"),
        ]
        .into_iter()
        .map(|(l, t)| (l.to_owned(), t.to_owned()))
        .collect();
        let (mut signing, mut rendering, mut both, mut bytes) = (vec![], vec![], vec![], 0);
        for i in 0..render {
            let lang = langs[i % langs.len()];
            let mut c = certificates::sample(&title, "en", lang, 180);
            c.design = Some(design.clone());
            let t0 = Instant::now();
            let credential = kuza_app::credentials::sign_unkept(app, &c, "urban-resilience")
                .await
                .map_err(|e| e.to_string())?;
            let t1 = Instant::now();
            let pdf = certificates::render_with(app, &c, lang, &credential)
                .await
                .map_err(|e| e.to_string())?;
            let t2 = Instant::now();
            signing.push(t1 - t0);
            rendering.push(t2 - t1);
            both.push(t2 - t0);
            bytes += pdf.len();
        }
        let (s50, s99) = quantiles(signing);
        let (r50, r99) = quantiles(rendering);
        let (b50, b99) = quantiles(both);
        println!(
            "{render} certificates in the six languages, {} bytes on average",
            bytes / render
        );
        println!("  sign:            median {s50:.1} ms, p99 {s99:.1} ms");
        println!("  render:          median {r50:.1} ms, p99 {r99:.1} ms");
        println!("  sign and render: median {b50:.1} ms, p99 {b99:.1} ms");
    }
    if issue > 0 {
        let payloads = kuza_app::generate::completions(&app.db, issue).await?;
        let t0 = Instant::now();
        for p in &payloads {
            certificates::run_completed_job(app, p)
                .await
                .map_err(|e| e.to_string())?;
        }
        let secs = t0.elapsed().as_secs_f64();
        println!(
            "{issue} completions issued in {secs:.1} s: {:.0} certificates/s (one worker; each with its number, audit record, email and rendering job)",
            issue as f64 / secs
        );
    }
    drop(running);
    Ok(())
}
