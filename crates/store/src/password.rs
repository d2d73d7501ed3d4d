//! Password hashing: argon2id with OWASP's parameters, as PHC strings
//! (`$argon2id$v=19$m=19456,t=2,p=1$SALT$HASH`) with a random 16-byte salt.
//!
//! Only the hash is ever stored. Check a new password against the policy
//! (`vigie_domain::user::check_password`) before hashing it.
//!
//! The NFKC form of the password is hashed (`normal_password`), as the
//! policy checks it: "café" typed with a composed or a decomposed é is one
//! password. Hashes made before that, of the password as typed, still
//! verify: the typed form is tried when the normal one fails.

use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::{Algorithm, Argon2, Params, Version};
use vigie_domain::user::normal_password;

/// Memory, in KiB: 19 MiB (OWASP's Password Storage Cheat Sheet, first
/// argon2id configuration).
pub const MEMORY_KIB: u32 = 19 * 1024;
/// Passes over the memory.
pub const ITERATIONS: u32 = 2;
/// Lanes.
pub const PARALLELISM: u32 = 1;

#[derive(Debug, thiserror::Error)]
#[error("cannot hash the password: {0}")]
pub struct HashError(String);

fn hasher() -> Result<Argon2<'static>, HashError> {
    let params = Params::new(MEMORY_KIB, ITERATIONS, PARALLELISM, None).map_err(|e| HashError(e.to_string()))?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

/// The PHC string of `password` (its NFKC form) with a fresh random salt.
pub fn hash(password: &str) -> Result<String, HashError> {
    let hash = hasher()?.hash_password(normal_password(password).as_bytes()).map_err(|e| HashError(e.to_string()))?;
    Ok(hash.to_string())
}

/// Whether `password` matches the PHC string `hash`. The parameters are
/// the hash's own, so hashes made with older parameters still verify. A
/// hash that is not an argon2id PHC string matches nothing. The NFKC form
/// is tried first, then, if it differs, the password as typed (a hash made
/// before passwords were normalised).
pub fn verify(password: &str, hash: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(hash) else {
        return false;
    };
    if parsed.algorithm.as_str() != "argon2id" {
        return false;
    }
    let normal = normal_password(password);
    let matches = |text: &str| Argon2::default().verify_password(text.as_bytes(), &parsed).is_ok();
    matches(&normal) || (normal != password && matches(password))
}

/// Whether `hash` was made with weaker parameters than today's, so that the
/// web application can rehash it at the next successful login.
pub fn needs_rehash(hash: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(hash) else {
        return true;
    };
    let Ok(params) = Params::try_from(&parsed) else {
        return true;
    };
    parsed.algorithm.as_str() != "argon2id"
        || params.m_cost() < MEMORY_KIB
        || params.t_cost() < ITERATIONS
        || params.p_cost() < PARALLELISM
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_verify_and_differ() {
        let first = hash("correct horse battery").unwrap();
        let second = hash("correct horse battery").unwrap();
        assert!(first.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{first}");
        assert_ne!(first, second, "each hash has its own salt");
        assert!(!first.contains("correct horse"));
        assert!(verify("correct horse battery", &first));
        assert!(verify("correct horse battery", &second));
        assert!(!verify("correct horse batterY", &first));
        assert!(!verify("", &first));
        assert!(!needs_rehash(&first));
    }

    #[test]
    fn the_nfkc_form_is_hashed_and_old_hashes_still_verify() {
        // a decomposed é (e + U+0301) and full-width letters hash as their NFKC form
        let hashed = hash("cafe\u{301} ｃｒｅｍｅ brulee").unwrap();
        assert!(verify("café creme brulee", &hashed));
        assert!(verify("cafe\u{301} ｃｒｅｍｅ brulee", &hashed));
        assert!(!verify("cafe creme brulee", &hashed));
        // a hash of the typed form, as made before normalisation
        let old = hasher().unwrap().hash_password("cafe\u{301} ｃｒｅｍｅ brulee".as_bytes()).unwrap().to_string();
        assert!(verify("cafe\u{301} ｃｒｅｍｅ brulee", &old), "the old hash verifies with the password as typed");
        assert!(!verify("café creme brulee", &old), "another typing of it is another password for an old hash");
    }

    #[test]
    fn foreign_hashes_match_nothing() {
        assert!(!verify("password", "password"));
        assert!(!verify("", ""));
        assert!(!verify("x", "$argon2id$v=19$m=19456,t=2,p=1$bad"));
        // an argon2i hash (the RFC 9106 test vector's shape) is refused
        let argon2i = Argon2::new(Algorithm::Argon2i, Version::V0x13, Params::new(64, 1, 1, None).unwrap())
            .hash_password(b"secret password")
            .unwrap()
            .to_string();
        assert!(argon2i.starts_with("$argon2i$"));
        assert!(!verify("secret password", &argon2i));
        assert!(needs_rehash(&argon2i));
        assert!(needs_rehash("nonsense"));
    }

    #[test]
    fn weaker_parameters_verify_but_need_a_rehash() {
        let weak = Argon2::new(Algorithm::Argon2id, Version::V0x13, Params::new(1024, 1, 1, None).unwrap())
            .hash_password(b"correct horse battery")
            .unwrap()
            .to_string();
        assert!(verify("correct horse battery", &weak));
        assert!(needs_rehash(&weak));
    }
}
