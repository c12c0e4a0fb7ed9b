//! CSRF tokens for portal forms: an HMAC of the session token (signed in) or
//! of a random anonymous cookie (signed out), under the site's secret. No
//! server-side state, so any process can check a token another one issued.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use subtle::ConstantTimeEq;

type HmacSha256 = Hmac<Sha256>;

pub fn token(secret: &[u8], binding: &str) -> String {
    let mut mac = HmacSha256::new_from_slice(secret).expect("HMAC takes any key length");
    mac.update(b"kuza-csrf:");
    mac.update(binding.as_bytes());
    URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
}

pub fn verify(secret: &[u8], binding: &str, presented: &str) -> bool {
    let expected = token(secret, binding);
    expected.as_bytes().ct_eq(presented.as_bytes()).into()
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_token_is_valid_only_for_its_binding_and_secret() {
        let t = super::token(b"k1", "s:abc");
        assert!(super::verify(b"k1", "s:abc", &t));
        assert!(!super::verify(b"k1", "s:abd", &t));
        assert!(!super::verify(b"k2", "s:abc", &t));
        assert!(!super::verify(b"k1", "s:abc", ""));
    }
}
