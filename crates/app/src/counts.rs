//! Views of courses and lessons and downloads of files, added up in memory
//! per (subject, key, UTC day) and written in one upsert every
//! `counts_flush_seconds` and at shutdown. A page view costs a map update,
//! not a database write; a process that dies without a graceful stop loses
//! at most one interval's counts.

use kuza_media::counts::{Tally, day_of};
use sea_orm::{DatabaseConnection, DbErr};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::watch;
use tokio::task::JoinHandle;

type Key = (&'static str, String, i32);

/// Counts not yet written: (subject, key, day) → (course id, count).
#[derive(Default)]
pub struct Counts {
    pending: Mutex<HashMap<Key, (i32, i64)>>,
}

impl Counts {
    fn pending(&self) -> std::sync::MutexGuard<'_, HashMap<Key, (i32, i64)>> {
        // A panic elsewhere while holding the lock leaves the map usable.
        self.pending.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn add(&self, subject: &'static str, key: String, course_id: i32, n: i64) {
        let day = day_of(kuza_db::now());
        let mut p = self.pending();
        let entry = p.entry((subject, key, day)).or_insert((course_id, 0));
        entry.1 += n;
    }

    /// Writes everything counted so far; returns how many rows it touched.
    /// On failure the counts are kept for the next flush.
    pub async fn flush(&self, db: &DatabaseConnection) -> Result<usize, DbErr> {
        let taken = std::mem::take(&mut *self.pending());
        if taken.is_empty() {
            return Ok(0);
        }
        let batch: Vec<Tally> = taken
            .iter()
            .map(|((subject, key, day), (course_id, count))| Tally {
                subject,
                key: key.clone(),
                course_id: *course_id,
                day: *day,
                count: *count,
            })
            .collect();
        match kuza_media::counts::add(db, &batch).await {
            Ok(()) => Ok(batch.len()),
            Err(e) => {
                let mut p = self.pending();
                for (k, (course_id, n)) in taken {
                    p.entry(k).or_insert((course_id, 0)).1 += n;
                }
                Err(e)
            }
        }
    }
}

/// Someone opened a course's public page in its `language` version.
pub fn course_view(counts: &Counts, course_id: i32, language: &str) {
    counts.add("course", course_id.to_string(), course_id, 1);
    counts.add(
        "course_language",
        format!("{course_id}:{language}"),
        course_id,
        1,
    );
}

/// Someone opened a lesson (`lesson_key`: the lesson's stable key) in the
/// course's `language` version.
pub fn lesson_view(counts: &Counts, course_id: i32, lesson_key: &str, language: &str) {
    counts.add("lesson", lesson_key.to_owned(), course_id, 1);
    counts.add(
        "lesson_language",
        format!("{course_id}:{language}"),
        course_id,
        1,
    );
}

/// Someone downloaded a file (a request from its first byte).
pub fn media_download(counts: &Counts, course_id: i32, media_id: i32) {
    counts.add("media", media_id.to_string(), course_id, 1);
}

/// The task that writes the counts every interval, and once more when
/// stopped.
pub struct Flusher {
    stop: watch::Sender<bool>,
    handle: JoinHandle<()>,
}

impl Flusher {
    pub fn spawn(counts: Arc<Counts>, db: DatabaseConnection, every: Duration) -> Flusher {
        let (stop, mut rx) = watch::channel(false);
        let handle = tokio::spawn(async move {
            let mut tick = tokio::time::interval(every);
            tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            tick.tick().await;
            loop {
                tokio::select! {
                    _ = tick.tick() => {}
                    _ = rx.changed() => break,
                }
                if let Err(e) = counts.flush(&db).await {
                    tracing::warn!(error.cause = %e, "writing view counts failed; will retry");
                }
            }
            match counts.flush(&db).await {
                Ok(rows) => tracing::info!(rows, "view counts written at shutdown"),
                Err(e) => {
                    tracing::error!(error.cause = %e, "writing view counts at shutdown failed; they are lost")
                }
            }
        });
        Flusher { stop, handle }
    }

    /// Writes what is pending and stops.
    pub async fn stop(self) {
        let _ = self.stop.send(true);
        let _ = self.handle.await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kuza_db::entities::view_count;
    use kuza_migration::MigratorTrait;
    use sea_orm::{ConnectionTrait, EntityTrait};

    async fn db_with_course(dir: &std::path::Path) -> (DatabaseConnection, i32) {
        let db = kuza_db::connect(&format!("sqlite://{}", dir.join("t.db").display()), 2)
            .await
            .expect("connect");
        kuza_migration::Migrator::up(&db, None)
            .await
            .expect("migrate");
        db.execute_unprepared(
            "INSERT INTO users (id, email, password_hash, display_name, language, country, created_at, updated_at) VALUES (1, 'a@example.org', 'x', 'A', 'en', 'KE', 0, 0)",
        )
        .await
        .expect("user");
        let c = kuza_courses::draft::create(
            &db,
            1,
            &kuza_courses::draft::CourseInput {
                slug: "water-basics".into(),
                format: "self_paced".into(),
                level: "introductory".into(),
                estimated_hours: 1.0,
                default_language: "en".into(),
                languages: vec!["en".into()],
                title: [("en".to_owned(), "Water".to_owned())]
                    .into_iter()
                    .collect(),
                ..Default::default()
            },
        )
        .await
        .expect("course");
        (db, c.id)
    }

    #[tokio::test]
    async fn lesson_views_add_up_in_memory_and_are_written_as_one_row_per_day() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (db, course) = db_with_course(dir.path()).await;
        let counts = Counts::default();
        for _ in 0..3 {
            lesson_view(&counts, course, "lesson-key-1", "fr");
        }
        lesson_view(&counts, course, "lesson-key-2", "en");
        // Two lessons, and the views of two language versions.
        assert_eq!(counts.flush(&db).await.expect("flush"), 4);
        lesson_view(&counts, course, "lesson-key-1", "fr");
        assert_eq!(counts.flush(&db).await.expect("flush"), 2);
        assert_eq!(counts.flush(&db).await.expect("nothing to flush"), 0);

        let rows = view_count::Entity::find().all(&db).await.expect("rows");
        let one = rows
            .iter()
            .find(|r| r.subject == "lesson" && r.subject_key == "lesson-key-1")
            .expect("lesson 1 counted");
        assert_eq!((one.count, one.course_id), (4, course));
        assert_eq!(one.day, day_of(kuza_db::now()));
        let totals = kuza_media::counts::totals(&db, course, one.day, one.day)
            .await
            .expect("totals");
        assert_eq!(totals.per_subject["lesson"], 5);
        assert_eq!(totals.per_subject["course"], 0);
        assert!(
            !totals.per_subject.contains_key("lesson_language"),
            "a course's statistics count lessons once"
        );
        let fr = rows
            .iter()
            .find(|r| r.subject == "lesson_language" && r.subject_key == format!("{course}:fr"))
            .expect("the French version's views");
        assert_eq!(fr.count, 4);
    }

    #[tokio::test]
    async fn stopping_the_flusher_writes_what_is_pending_without_waiting_for_the_interval() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (db, course) = db_with_course(dir.path()).await;
        let counts = Arc::new(Counts::default());
        let flusher = Flusher::spawn(counts.clone(), db.clone(), Duration::from_secs(3600));
        course_view(&counts, course, "en");
        media_download(&counts, course, 7);
        flusher.stop().await;
        let rows = view_count::Entity::find().all(&db).await.expect("rows");
        assert_eq!(rows.len(), 3, "{rows:?}");
        assert!(counts.pending().is_empty());
    }

    #[tokio::test]
    async fn counts_that_cannot_be_written_are_kept_for_the_next_flush() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (db, course) = db_with_course(dir.path()).await;
        let counts = Counts::default();
        course_view(&counts, course, "en");
        db.execute_unprepared("ALTER TABLE view_counts RENAME TO view_counts_away")
            .await
            .expect("hide table");
        assert!(counts.flush(&db).await.is_err());
        db.execute_unprepared("ALTER TABLE view_counts_away RENAME TO view_counts")
            .await
            .expect("restore table");
        course_view(&counts, course, "en");
        assert_eq!(counts.flush(&db).await.expect("flush"), 2);
        let rows = view_count::Entity::find().all(&db).await.expect("rows");
        assert_eq!(rows.len(), 2, "the course and its English version");
        assert!(rows.iter().all(|r| r.count == 2), "{rows:?}");
    }
}
