use kuza_tests::*;
use std::collections::HashSet;

#[tokio::test]
async fn concurrent_workers_never_claim_the_same_job() {
    let db = TestDb::new().await;
    let conn = db.migrated().await;
    for i in 0..40 {
        kuza_jobs::enqueue(&conn, "test", &serde_json::json!({"n": i}), None)
            .await
            .unwrap();
    }
    let mut workers = vec![];
    for w in 0..4 {
        let conn = db.connect().await;
        workers.push(tokio::spawn(async move {
            let mut mine = vec![];
            while let Some(job) =
                kuza_jobs::claim(&conn, &format!("w{w}"), &["test"], kuza_jobs::LEASE_SECONDS)
                    .await
                    .unwrap()
            {
                mine.push(job.id);
            }
            mine
        }));
    }
    let mut all = vec![];
    for w in workers {
        all.extend(w.await.unwrap());
    }
    let unique: HashSet<_> = all.iter().collect();
    assert_eq!(unique.len(), all.len(), "a job was claimed twice");
    assert_eq!(all.len(), 40, "every job was claimed");
    // A kind no worker here knows stays pending for one that does.
    kuza_jobs::enqueue(&conn, "later", &1, None).await.unwrap();
    assert!(
        kuza_jobs::claim(&conn, "w", &["test"], kuza_jobs::LEASE_SECONDS)
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        kuza_jobs::claim(&conn, "w", &[], kuza_jobs::LEASE_SECONDS)
            .await
            .unwrap()
            .is_none()
    );
    let later = kuza_jobs::claim(&conn, "w", &["test", "later"], kuza_jobs::LEASE_SECONDS)
        .await
        .unwrap();
    assert_eq!(later.expect("claimed").kind, "later");
}

#[tokio::test]
async fn a_released_job_is_claimed_again_and_a_dedupe_key_enqueues_once() {
    let db = TestDb::new().await;
    let conn = db.migrated().await;
    assert!(
        kuza_jobs::enqueue(&conn, "test-release", &1, Some("completion-7"))
            .await
            .unwrap()
    );
    assert!(
        !kuza_jobs::enqueue(&conn, "test-release", &1, Some("completion-7"))
            .await
            .unwrap()
    );
    let job = kuza_jobs::claim(&conn, "first", &["test-release"], kuza_jobs::LEASE_SECONDS)
        .await
        .unwrap()
        .expect("claimed");
    assert_eq!(
        kuza_jobs::claim(&conn, "second", &["test-release"], kuza_jobs::LEASE_SECONDS)
            .await
            .unwrap()
            .map(|j| j.id),
        None,
        "leased"
    );
    kuza_jobs::release(&conn, &job, "first").await.unwrap();
    let again = kuza_jobs::claim(&conn, "second", &["test-release"], kuza_jobs::LEASE_SECONDS)
        .await
        .unwrap()
        .expect("claimable after release");
    assert_eq!(again.id, job.id);
    assert_eq!(
        again.attempts, job.attempts,
        "a release does not count as an attempt"
    );
}

#[tokio::test]
async fn a_job_that_keeps_failing_backs_off_then_gives_up() {
    let db = TestDb::new().await;
    let conn = db.migrated().await;
    kuza_jobs::enqueue(&conn, "test-fail", &1, None)
        .await
        .unwrap();
    use sea_orm::{ConnectionTrait, Statement};
    let mut last = None;
    for i in 0..kuza_jobs::DEFAULT_MAX_ATTEMPTS {
        conn.execute(Statement::from_string(conn.get_database_backend(), "UPDATE jobs SET run_at = 0, locked_until = NULL, locked_by = NULL WHERE status = 'pending'"))
            .await
            .unwrap();
        let job = kuza_jobs::claim(&conn, "t", &["test-fail"], kuza_jobs::LEASE_SECONDS)
            .await
            .unwrap()
            .expect("due");
        assert_eq!(job.attempts, i + 1);
        kuza_jobs::fail(&conn, &job, "t", "boom").await.unwrap();
        last = Some(job);
    }
    let last = last.unwrap();
    use sea_orm::EntityTrait;
    let stored = kuza_db::entities::job::Entity::find_by_id(last.id)
        .one(&conn)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.status, "failed");
    assert_eq!(stored.last_error.as_deref(), Some("boom"));
}
