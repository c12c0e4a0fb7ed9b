//! A per-process cache of what the published courses show: each course's
//! current version by slug (its document already parsed), catalog result
//! pages by query, and the catalog's theme list. These are the public pages'
//! hot path and change only when a course is published or archived.
//!
//! Entries are keyed by a generation, so one that was read while a
//! publication committed can never outlive it (it is filed under the old
//! generation, which no request asks for again). How a process learns the
//! generation depends on the database:
//!
//! - SQLite: it reads the `published` counter (`changes` table), one row
//!   in the same file, at most every [`POLL`] (another process's
//!   publication shows within that), and at once after its own.
//! - PostgreSQL: a round trip per request would cost as much as the pages
//!   themselves, so each process `LISTEN`s on `kuza_published`, which every
//!   publishing transaction notifies at commit, and moves its own generation
//!   on. While that connection is down (a database restart), the cache is
//!   bypassed, and it is emptied when the connection is back, since
//!   notifications sent in between are lost.
//!
//! A process that publishes also moves its own count on at once (`changed`),
//! so an author sees their new version on the very next page. Another
//! process follows within its next read of the counter (SQLite) or as soon
//! as the notification arrives (PostgreSQL, milliseconds).

use kuza_courses::CourseError;
use kuza_courses::catalog::{self, Provider, Results, Search};
use kuza_courses::draft::Course;
use kuza_courses::versions::{self, Version};
use kuza_db::entities::{course, published_lesson};
use quick_cache::sync::Cache as Lru;
use sea_orm::{DatabaseConnection, EntityTrait};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

/// What entries are filed under: the database's publication counter
/// (SQLite; 0 on PostgreSQL) and this process's own count of changes it
/// made or was told of. Both are read before the database is, so an entry
/// holding data read before a change is filed under the generation before
/// it.
type Generation = (i64, i64);

/// How often a SQLite process reads the publication counter.
pub const POLL: Duration = Duration::from_millis(100);

/// Courses kept (each a parsed document, some tens of KB).
const COURSES: usize = 2_000;
/// Lesson keys kept (each with its course's id).
const LESSONS: usize = 100_000;
/// Catalog result pages kept (each up to a page of cards).
const SEARCHES: usize = 5_000;

/// A published course and its current version, as the cache holds it.
pub type Published = Arc<(Course, Version)>;

pub struct Cache {
    /// PostgreSQL: the generation moves on notifications, not by polling.
    notified: bool,
    /// Changes this process made or was notified of.
    epoch: AtomicI64,
    /// The counter last read, and when (SQLite).
    polled: Mutex<Option<(Instant, i64)>>,
    /// Whether the notification connection is up (PostgreSQL).
    live: AtomicBool,
    courses: Lru<(Generation, String), Arc<(Course, Version)>>,
    /// Published courses' slugs by id.
    slugs: Lru<(Generation, i32), String>,
    /// The published course of each lesson key asked for.
    lessons: Lru<(Generation, String), i32>,
    searches: Lru<(Generation, Search), Arc<Results>>,
    themes: Lru<Generation, Arc<Vec<String>>>,
    providers: Lru<Generation, Arc<Vec<Provider>>>,
}

impl Cache {
    pub fn new(db: &DatabaseConnection) -> Cache {
        Cache {
            notified: kuza_db::is_postgres(db),
            epoch: AtomicI64::new(0),
            polled: Mutex::new(None),
            live: AtomicBool::new(false),
            courses: Lru::new(COURSES),
            slugs: Lru::new(COURSES),
            lessons: Lru::new(LESSONS),
            searches: Lru::new(SEARCHES),
            themes: Lru::new(4),
            providers: Lru::new(4),
        }
    }

    /// The generation to file entries under, or `None` to go to the
    /// database (PostgreSQL without its notification connection).
    async fn generation(&self, db: &DatabaseConnection) -> Result<Option<Generation>, CourseError> {
        let epoch = self.epoch.load(Ordering::Acquire);
        if !self.notified {
            let last = *self.polled.lock().unwrap_or_else(PoisonError::into_inner);
            if let Some((at, g)) = last
                && at.elapsed() < POLL
            {
                return Ok(Some((g, epoch)));
            }
            let g = catalog::generation(db).await?;
            *self.polled.lock().unwrap_or_else(PoisonError::into_inner) = Some((Instant::now(), g));
            return Ok(Some((g, epoch)));
        }
        Ok(self.live.load(Ordering::Acquire).then_some((0, epoch)))
    }

    /// The published course `slug` and its current version.
    pub async fn course(
        &self,
        db: &DatabaseConnection,
        slug: &str,
    ) -> Result<Arc<(Course, Version)>, CourseError> {
        let Some(g) = self.generation(db).await? else {
            return Ok(Arc::new(versions::published(db, slug).await?));
        };
        let key = (g, slug.to_owned());
        if let Some(hit) = self.courses.get(&key) {
            return Ok(hit);
        }
        let found = Arc::new(versions::published(db, slug).await?);
        self.courses.insert(key, found.clone());
        Ok(found)
    }

    /// The published course with id `id`; `None` for a draft, an archived
    /// course or no course at all.
    pub async fn course_by_id(
        &self,
        db: &DatabaseConnection,
        id: i32,
    ) -> Result<Option<Arc<(Course, Version)>>, CourseError> {
        let g = self.generation(db).await?;
        if let Some(g) = g
            && let Some(slug) = self.slugs.get(&(g, id))
        {
            return self.course(db, &slug).await.map(Some);
        }
        let Some(c) = course::Entity::find_by_id(id).one(db).await? else {
            return Ok(None);
        };
        if c.status != kuza_db::values::CourseStatus::Published {
            return Ok(None);
        }
        if let Some(g) = g {
            self.slugs.insert((g, id), c.slug.clone());
        }
        self.course(db, &c.slug).await.map(Some)
    }

    /// The id of the published course that has the lesson `key`.
    pub async fn course_of_lesson(
        &self,
        db: &DatabaseConnection,
        key: &str,
    ) -> Result<Option<i32>, CourseError> {
        let g = self.generation(db).await?;
        if let Some(g) = g
            && let Some(id) = self.lessons.get(&(g, key.to_owned()))
        {
            return Ok(Some(id));
        }
        let found = published_lesson::Entity::find_by_id(key.to_owned())
            .one(db)
            .await?
            .map(|row| row.course_id);
        if let (Some(g), Some(id)) = (g, found) {
            self.lessons.insert((g, key.to_owned()), id);
        }
        Ok(found)
    }

    /// One page of catalog results.
    pub async fn search(
        &self,
        db: &DatabaseConnection,
        search: &Search,
    ) -> Result<Arc<Results>, CourseError> {
        let Some(g) = self.generation(db).await? else {
            return Ok(Arc::new(catalog::search(db, search).await?));
        };
        let key = (g, search.clone());
        if let Some(hit) = self.searches.get(&key) {
            return Ok(hit);
        }
        let found = Arc::new(catalog::search(db, search).await?);
        self.searches.insert(key, found.clone());
        Ok(found)
    }

    /// The free themes of the published courses, for the catalog's filter.
    pub async fn themes(&self, db: &DatabaseConnection) -> Result<Arc<Vec<String>>, CourseError> {
        let Some(g) = self.generation(db).await? else {
            return Ok(Arc::new(catalog::themes(db).await?));
        };
        if let Some(hit) = self.themes.get(&g) {
            return Ok(hit);
        }
        let found = Arc::new(catalog::themes(db).await?);
        self.themes.insert(g, found.clone());
        Ok(found)
    }

    /// The providers of the published courses, for the catalog's filter and
    /// the names its cards and course pages show.
    pub async fn providers(
        &self,
        db: &DatabaseConnection,
    ) -> Result<Arc<Vec<Provider>>, CourseError> {
        let Some(g) = self.generation(db).await? else {
            return Ok(Arc::new(catalog::providers(db).await?));
        };
        if let Some(hit) = self.providers.get(&g) {
            return Ok(hit);
        }
        let found = Arc::new(catalog::providers(db).await?);
        self.providers.insert(g, found.clone());
        Ok(found)
    }

    /// This process just published or archived a course (after commit).
    pub fn changed(&self) {
        self.epoch.fetch_add(1, Ordering::AcqRel);
        // SQLite: read the counter again on the next request.
        *self.polled.lock().unwrap_or_else(PoisonError::into_inner) = None;
        // Entries of older generations are never read again; free them.
        self.courses.clear();
        self.slugs.clear();
        self.lessons.clear();
        self.searches.clear();
        self.themes.clear();
        self.providers.clear();
    }

    /// PostgreSQL: listens for other processes' publications until the
    /// runtime stops, reconnecting after a lost connection. Returns once the
    /// first attempt to listen has succeeded or failed, so a server that
    /// reports itself ready already uses the cache.
    pub async fn listen(self: Arc<Self>, db: &DatabaseConnection) {
        if !self.notified {
            return;
        }
        let pool = db.get_postgres_connection_pool().clone();
        let mut listener = connect(&pool).await;
        self.live.store(listener.is_some(), Ordering::Release);
        tokio::spawn(async move {
            loop {
                match listener.take() {
                    Some(mut l) => {
                        while let Ok(Some(_)) = l.try_recv().await {
                            self.changed();
                        }
                        self.live.store(false, Ordering::Release);
                        tracing::warn!(
                            "lost the publication notifications; serving courses uncached"
                        );
                    }
                    None => {
                        tokio::time::sleep(Duration::from_secs(1)).await;
                        listener = connect(&pool).await;
                        if listener.is_some() {
                            // What was published meanwhile was not notified.
                            self.changed();
                            self.live.store(true, Ordering::Release);
                        }
                    }
                }
            }
        });
    }
}

type PgListener = sea_orm::sqlx::postgres::PgListener;

async fn connect(pool: &sea_orm::sqlx::PgPool) -> Option<PgListener> {
    let attempt = async {
        let mut l = PgListener::connect_with(pool).await?;
        l.listen(catalog::CHANGES_CHANNEL).await?;
        Ok::<_, sea_orm::sqlx::Error>(l)
    };
    match attempt.await {
        Ok(l) => Some(l),
        Err(e) => {
            tracing::warn!(error = %e, "cannot listen for publications; retrying");
            None
        }
    }
}
