//! Where the bytes live: one [`Storage`] over an `object_store` backend, a
//! local directory (the default) or an S3-compatible bucket. Everything
//! above this module is the same for both.
//!
//! An upload arrives in two steps. [`Storage::receive`] streams the body
//! into a temp file while hashing and counting it, and stops as soon as the
//! limit is passed; the temp file removes itself when the [`Received`] is
//! dropped, so a refused upload leaves nothing. Only a file that passed
//! every check is then copied into the store ([`Storage::put`]).

use crate::MediaError;
use crate::detect::{self, HEAD_LEN, TextScan};
use bytes::Bytes;
use futures_util::stream::{BoxStream, Stream, StreamExt, TryStreamExt};
use object_store::aws::AmazonS3Builder;
use object_store::buffered::BufWriter;
use object_store::local::LocalFileSystem;
use object_store::path::Path as StorePath;
use object_store::{GetOptions, GetRange, ObjectStore, ObjectStoreExt};
use sha2::{Digest, Sha256};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tokio::io::AsyncWriteExt;

/// How to reach an S3-compatible bucket.
#[derive(Clone)]
pub struct S3Settings {
    /// `https://…` or, for a local server, `http://127.0.0.1:9000`; `None`
    /// for AWS itself.
    pub endpoint: Option<String>,
    pub bucket: String,
    pub region: String,
    pub access_key: String,
    pub secret_key: String,
}

impl std::fmt::Debug for S3Settings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("S3Settings")
            .field("endpoint", &self.endpoint)
            .field("bucket", &self.bucket)
            .field("region", &self.region)
            .field("access_key", &self.access_key)
            .field("secret_key", &"[REDACTED]")
            .finish()
    }
}

pub struct Storage {
    store: Arc<dyn ObjectStore>,
    temp_dir: PathBuf,
    label: String,
}

impl std::fmt::Debug for Storage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.label)
    }
}

fn create_dir(dir: &Path) -> Result<(), MediaError> {
    std::fs::create_dir_all(dir).map_err(|e| MediaError::Storage(format!("{}: {e}", dir.display())))
}

impl Storage {
    /// Files under `dir`; uploads are received in `temp_dir`.
    pub fn local(dir: &Path, temp_dir: &Path) -> Result<Storage, MediaError> {
        create_dir(dir)?;
        create_dir(temp_dir)?;
        let store = LocalFileSystem::new_with_prefix(dir)?;
        Ok(Storage {
            store: Arc::new(store),
            temp_dir: temp_dir.to_owned(),
            label: format!("local directory {}", dir.display()),
        })
    }

    /// Objects in an S3-compatible bucket (path-style requests, so any
    /// endpoint works); uploads are received in `temp_dir`.
    pub fn s3(s: &S3Settings, temp_dir: &Path) -> Result<Storage, MediaError> {
        create_dir(temp_dir)?;
        // object_store's HTTP client uses rustls without a bundled provider
        // (see Cargo.toml); an error here means one is installed already.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let mut b = AmazonS3Builder::new()
            .with_bucket_name(&s.bucket)
            .with_region(&s.region)
            .with_access_key_id(&s.access_key)
            .with_secret_access_key(&s.secret_key)
            .with_virtual_hosted_style_request(false);
        if let Some(endpoint) = &s.endpoint {
            b = b
                .with_endpoint(endpoint)
                .with_allow_http(endpoint.starts_with("http://"));
        }
        let store = b.build()?;
        Ok(Storage {
            store: Arc::new(store),
            temp_dir: temp_dir.to_owned(),
            label: format!(
                "S3 bucket {} at {}",
                s.bucket,
                s.endpoint.as_deref().unwrap_or("AWS")
            ),
        })
    }

    /// What this storage is, for logs (no secrets).
    pub fn describe(&self) -> &str {
        &self.label
    }

    /// Where uploads are received, on local disk (also where an archive's
    /// media are inflated while it is imported).
    pub fn temp_dir(&self) -> &Path {
        &self.temp_dir
    }

    /// Streams `body` into a temp file, hashing and counting; refuses with
    /// [`MediaError::TooLarge`] as soon as more than `limit` bytes arrived
    /// (the temp file is removed at once).
    pub async fn receive<S, E>(&self, body: S, limit: u64) -> Result<Received, MediaError>
    where
        S: Stream<Item = Result<Bytes, E>>,
        E: std::fmt::Display,
    {
        let (file, temp) = tempfile::Builder::new()
            .prefix("upload-")
            .tempfile_in(&self.temp_dir)?
            .into_parts();
        let mut file = tokio::fs::File::from_std(file);
        let mut body = std::pin::pin!(body);
        let mut hasher = Sha256::new();
        let mut size: u64 = 0;
        let mut head = Vec::new();
        let mut text = TextScan::default();
        while let Some(chunk) = body.next().await {
            let chunk = chunk.map_err(|e| MediaError::Interrupted(e.to_string()))?;
            size += chunk.len() as u64;
            if size > limit {
                return Err(MediaError::TooLarge { limit });
            }
            hasher.update(&chunk);
            text.feed(&chunk);
            if head.len() < HEAD_LEN {
                let take = (HEAD_LEN - head.len()).min(chunk.len());
                head.extend_from_slice(&chunk[..take]);
            }
            file.write_all(&chunk).await?;
        }
        file.flush().await?;
        Ok(Received {
            temp,
            size,
            sha256: hex::encode(hasher.finalize()),
            head,
            text,
        })
    }

    /// Copies a received file into the store under `key` (in parts, for
    /// large files on S3).
    pub async fn put(&self, key: &str, received: &Received) -> Result<(), MediaError> {
        self.put_file(key, &received.temp).await
    }

    /// Copies a local file into the store under `key` (in parts, for large
    /// files on S3).
    pub async fn put_file(&self, key: &str, path: &Path) -> Result<(), MediaError> {
        let mut file = tokio::fs::File::open(path).await?;
        let mut writer = BufWriter::new(self.store.clone(), StorePath::from(key));
        match tokio::io::copy(&mut file, &mut writer).await {
            Ok(_) => {}
            Err(e) => {
                let _ = writer.abort().await;
                return Err(e.into());
            }
        }
        writer.shutdown().await?;
        Ok(())
    }

    /// The object's bytes, or the `range` of them, as a stream.
    pub async fn read(
        &self,
        key: &str,
        range: Option<Range<u64>>,
    ) -> Result<BoxStream<'static, Result<Bytes, MediaError>>, MediaError> {
        let opts = GetOptions {
            range: range.map(GetRange::Bounded),
            ..Default::default()
        };
        let got = self.store.get_opts(&StorePath::from(key), opts).await?;
        Ok(got.into_stream().map_err(MediaError::from).boxed())
    }

    /// Stores a small object made here (a rendered certificate) whole,
    /// replacing any under the same key (object stores write an object
    /// whole or not at all).
    pub async fn put_bytes(&self, key: &str, bytes: Vec<u8>) -> Result<(), MediaError> {
        self.store.put(&StorePath::from(key), bytes.into()).await?;
        Ok(())
    }

    /// A small object's bytes, or `None` when there is none under `key`.
    pub async fn get_bytes(&self, key: &str) -> Result<Option<Vec<u8>>, MediaError> {
        match self.store.get(&StorePath::from(key)).await {
            Ok(got) => Ok(Some(got.bytes().await?.to_vec())),
            Err(object_store::Error::NotFound { .. }) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// Removes the object (already gone counts as done).
    pub async fn delete(&self, key: &str) -> Result<(), MediaError> {
        match self.store.delete(&StorePath::from(key)).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(e) => Err(e.into()),
        }
    }

    /// Removes every object whose key starts with `prefix/` (a package's
    /// files).
    pub async fn delete_under(&self, prefix: &str) -> Result<(), MediaError> {
        let keys: Vec<_> = self
            .store
            .list(Some(&StorePath::from(prefix)))
            .map_ok(|m| m.location)
            .try_collect()
            .await?;
        for key in keys {
            match self.store.delete(&key).await {
                Ok(()) | Err(object_store::Error::NotFound { .. }) => {}
                Err(e) => return Err(e.into()),
            }
        }
        Ok(())
    }

    /// The size of the object under `key`, if there is one.
    pub async fn size(&self, key: &str) -> Result<Option<u64>, MediaError> {
        match self.store.head(&StorePath::from(key)).await {
            Ok(meta) => Ok(Some(meta.size)),
            Err(object_store::Error::NotFound { .. }) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// Whether an object exists under `key`.
    pub async fn exists(&self, key: &str) -> Result<bool, MediaError> {
        match self.store.head(&StorePath::from(key)).await {
            Ok(_) => Ok(true),
            Err(object_store::Error::NotFound { .. }) => Ok(false),
            Err(e) => Err(e.into()),
        }
    }

    /// How many objects the store holds (tests and operators' checks).
    pub async fn count(&self) -> Result<usize, MediaError> {
        let all: Vec<_> = self.store.list(None).try_collect().await?;
        Ok(all.len())
    }

    /// Files currently being received (none once every upload finished).
    pub fn receiving(&self) -> usize {
        std::fs::read_dir(&self.temp_dir)
            .map(|d| {
                d.filter_map(Result::ok)
                    .filter(|e| e.file_name().to_string_lossy().starts_with("upload-"))
                    .count()
            })
            .unwrap_or(0)
    }
}

/// An upload safely on local disk, not yet in the store. Dropping it
/// removes the temp file.
pub struct Received {
    temp: tempfile::TempPath,
    pub size: u64,
    /// Lower-case hex.
    pub sha256: String,
    head: Vec<u8>,
    text: TextScan,
}

impl Received {
    /// The temp file (read it, never remove it: dropping does).
    pub fn path(&self) -> &Path {
        &self.temp
    }
}

impl std::fmt::Debug for Received {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Received")
            .field("size", &self.size)
            .field("sha256", &self.sha256)
            .finish()
    }
}

impl Received {
    /// The content type read from the bytes (`name` only tells CSV from
    /// plain text), or `None` when the file may not be stored.
    pub fn content_type(&self, name: &str) -> Option<&'static str> {
        detect::detect(&self.head, &self.text, name)
    }
}
