//! Addresses that are their own credential (a calendar feed, a follow-up
//! link, a public survey's response kept in a cookie) carry an HMAC of what
//! they name under the instance's secret: an altered one names nothing.

use hmac::{Hmac, Mac};
use sha2::Sha256;
use subtle::ConstantTimeEq;

/// The signature of `message` (128 bits, hex).
pub fn sign(secret: &[u8], message: &str) -> String {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(secret).expect("HMAC takes any key length");
    mac.update(message.as_bytes());
    hex::encode(&mac.finalize().into_bytes()[..16])
}

/// Whether `signature` is that of `message` (compared in constant time).
pub fn holds(secret: &[u8], message: &str, signature: &str) -> bool {
    bool::from(sign(secret, message).as_bytes().ct_eq(signature.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signature_holds_for_its_message_and_secret_only() {
        let s = sign(b"secret", "survey-response:1");
        assert_eq!(s.len(), 32);
        assert!(holds(b"secret", "survey-response:1", &s));
        assert!(!holds(b"secret", "survey-response:2", &s));
        assert!(!holds(b"other", "survey-response:1", &s));
        assert!(!holds(b"secret", "survey-response:1", &s[..31]));
    }
}
