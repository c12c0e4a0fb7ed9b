//! argon2id password hashing with OWASP's recommended parameters
//! (m = 19 MiB, t = 2, p = 1: the argon2 crate's defaults).

use argon2::password_hash::{
    PasswordHash, PasswordHasher, PasswordVerifier, SaltString, rand_core::OsRng,
};
use argon2::{Algorithm, Argon2, Params, Version};
use std::sync::OnceLock;

fn hasher() -> Argon2<'static> {
    Argon2::new(Algorithm::Argon2id, Version::V0x13, Params::default())
}

pub fn hash(password: &str) -> String {
    let salt = SaltString::generate(&mut OsRng);
    hasher()
        .hash_password(password.as_bytes(), &salt)
        .expect("argon2 with default parameters cannot fail")
        .to_string()
}

/// What an account without a password yet (an invitation) stores: not a
/// hash, so no password ever verifies against it.
pub const UNUSABLE: &str = "!invited";

/// Constant-work verification: a malformed stored hash verifies as false.
pub fn verify(password: &str, stored: &str) -> bool {
    match PasswordHash::new(stored) {
        Ok(parsed) => hasher()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok(),
        Err(_) => {
            // As long as a real check (an invited account has no hash).
            verify_dummy(password);
            false
        }
    }
}

/// Spends the same time as a real check when the account does not exist, so
/// response timing does not reveal which addresses are registered.
pub fn verify_dummy(password: &str) {
    static DUMMY: OnceLock<String> = OnceLock::new();
    let stored = DUMMY.get_or_init(|| hash("kuza-dummy-password-for-timing"));
    let _ = verify(password, stored);
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_hash_is_argon2id_and_verifies_only_its_password() {
        let h = super::hash("correct horse battery staple");
        assert!(h.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(super::verify("correct horse battery staple", &h));
        assert!(!super::verify("wrong", &h));
        assert!(!super::verify("x", "not a hash"));
    }
}
