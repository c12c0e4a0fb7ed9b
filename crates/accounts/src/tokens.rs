//! Random tokens (stored only as SHA-256) and JWT access tokens.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use rand::RngCore;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// 256 random bits, URL-safe.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// What is stored for a token: its SHA-256, hex.
pub fn hash_token(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Claims {
    /// The user id.
    pub sub: String,
    pub iat: i64,
    pub exp: i64,
    pub iss: String,
}

const ISSUER: &str = "kuza";

/// A short-lived HS256 access token for the API.
pub fn issue_access_token(secret: &[u8], user_id: i32, ttl_seconds: i64) -> String {
    let now = kuza_db::now();
    let claims = Claims {
        sub: user_id.to_string(),
        iat: now,
        exp: now + ttl_seconds,
        iss: ISSUER.into(),
    };
    jsonwebtoken::encode(
        &Header::new(Algorithm::HS256),
        &claims,
        &EncodingKey::from_secret(secret),
    )
    .expect("HS256 encoding cannot fail")
}

/// The user id in a valid, unexpired access token.
pub fn verify_access_token(secret: &[u8], token: &str) -> Option<i32> {
    let mut v = Validation::new(Algorithm::HS256);
    v.set_issuer(&[ISSUER]);
    v.leeway = 5;
    jsonwebtoken::decode::<Claims>(token, &DecodingKey::from_secret(secret), &v)
        .ok()
        .and_then(|d| d.claims.sub.parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn access_tokens_verify_with_their_secret_only_and_expire() {
        let t = issue_access_token(b"secret-one", 42, 60);
        assert_eq!(verify_access_token(b"secret-one", &t), Some(42));
        assert_eq!(verify_access_token(b"secret-two", &t), None);
        let expired = issue_access_token(b"secret-one", 42, -60);
        assert_eq!(verify_access_token(b"secret-one", &expired), None);
    }

    #[test]
    fn tokens_are_random_and_hashes_are_stable() {
        assert_ne!(random_token(), random_token());
        assert_eq!(hash_token("a"), hash_token("a"));
        assert_eq!(hash_token("a").len(), 64);
    }
}
