//! Time-based one-time passwords (RFC 6238: HMAC-SHA-1, 6 digits, 30-second
//! steps, one step either side for clocks that drift) and recovery codes.
//!
//! Pure functions: the store keeps an account's secret and the last step it
//! accepted, so that a code is never accepted twice (`Store::accept_totp_step`
//! moves it forward in a transaction). The caller brings the randomness
//! (a new secret, new recovery codes) and the clock.
//!
//! A recovery code is stored as its SHA-256, not argon2id: it is 80 random
//! bits (16 base32 characters), so no dictionary holds it and a hash of it
//! cannot be reversed by trying codes; a slow hash protects low-entropy
//! human passwords, and would cost the login 30 ms a code for nothing.

use hmac::{Hmac, Mac};
use sha1::Sha1;
use sha2::{Digest, Sha256};

/// Digits of a code.
pub const DIGITS: u32 = 6;
/// Seconds of a step.
pub const STEP_SECONDS: i64 = 30;
/// Steps accepted before and after the current one.
pub const WINDOW: i64 = 1;
/// Bytes of a new secret (160 bits, RFC 4226's recommendation).
pub const SECRET_BYTES: usize = 20;
/// Recovery codes given at enrolment.
pub const RECOVERY_CODES: usize = 10;
/// Random bytes of a recovery code (80 bits: 16 base32 characters).
pub const RECOVERY_BYTES: usize = 10;

/// The step of a Unix time (seconds).
pub fn step_at(unix_seconds: i64) -> i64 {
    unix_seconds.div_euclid(STEP_SECONDS)
}

/// The code of `secret` at `step` (RFC 4226's dynamic truncation).
pub fn code_at(secret: &[u8], step: i64) -> u32 {
    let mut mac = Hmac::<Sha1>::new_from_slice(secret).expect("HMAC takes a key of any length");
    mac.update(&(step as u64).to_be_bytes());
    let digest = mac.finalize().into_bytes();
    let offset = (digest[19] & 0x0f) as usize;
    let value =
        u32::from_be_bytes([digest[offset], digest[offset + 1], digest[offset + 2], digest[offset + 3]]) & 0x7fff_ffff;
    value % 10u32.pow(DIGITS)
}

/// A code as shown: six digits, leading zeros kept.
pub fn format_code(code: u32) -> String {
    format!("{code:06}")
}

/// The step within [`WINDOW`] of `unix_seconds` whose code is `typed`
/// (spaces ignored), later than `last_step` (a used step is never accepted
/// again), if any. Every step of the window is compared, in time that does
/// not depend on where a code differs.
pub fn matching_step(secret: &[u8], typed: &str, unix_seconds: i64, last_step: Option<i64>) -> Option<i64> {
    let typed: String = typed.chars().filter(|c| !c.is_whitespace()).collect();
    if typed.len() != DIGITS as usize || !typed.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let now = step_at(unix_seconds);
    let mut found = None;
    for step in now - WINDOW..=now + WINDOW {
        let same = format_code(code_at(secret, step)).bytes().zip(typed.bytes()).fold(0u8, |acc, (a, b)| acc | (a ^ b));
        if same == 0 && last_step.is_none_or(|last| step > last) && found.is_none() {
            found = Some(step);
        }
    }
    found
}

/// A secret as authenticator apps take it: base32 (RFC 4648), no padding.
pub fn encode_secret(secret: &[u8]) -> String {
    data_encoding::BASE32_NOPAD.encode(secret)
}

/// A base32 secret as typed or printed (any case, spaces ignored).
pub fn decode_secret(text: &str) -> Option<Vec<u8>> {
    let text: String = text.chars().filter(|c| !c.is_whitespace() && *c != '=').collect();
    data_encoding::BASE32_NOPAD.decode(text.to_uppercase().as_bytes()).ok()
}

fn uri_encode(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~@".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// The `otpauth://` URI an authenticator app reads (Google's Key URI
/// format): issuer and account as its label, the parameters spelled out.
pub fn otpauth_uri(issuer: &str, account: &str, secret: &[u8]) -> String {
    format!(
        "otpauth://totp/{}:{}?secret={}&issuer={}&algorithm=SHA1&digits={DIGITS}&period={STEP_SECONDS}",
        uri_encode(issuer),
        uri_encode(account),
        encode_secret(secret),
        uri_encode(issuer)
    )
}

/// A recovery code as shown: 16 base32 characters in groups of four.
pub fn format_recovery_code(bytes: &[u8; RECOVERY_BYTES]) -> String {
    let text = data_encoding::BASE32_NOPAD.encode(bytes);
    text.as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join("-")
}

/// What the store keeps of a recovery code: the SHA-256 (lower-case hex)
/// of its characters, upper case, without hyphens or spaces, so that it
/// may be typed in any case and grouping.
pub fn recovery_hash(code: &str) -> String {
    let normal: String =
        code.chars().filter(|c| !c.is_whitespace() && *c != '-').map(|c| c.to_ascii_uppercase()).collect();
    Sha256::digest(format!("vigie-recovery:{normal}").as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238 appendix B: the SHA-1 secret is "12345678901234567890";
    /// its 8-digit codes end with these 6 digits (dynamic truncation, then
    /// modulo 10^6 instead of 10^8).
    #[test]
    fn rfc_6238_test_vectors() {
        let secret = b"12345678901234567890";
        let vectors = [
            (59, "94287082"),
            (1_111_111_109, "07081804"),
            (1_111_111_111, "14050471"),
            (1_234_567_890, "89005924"),
            (2_000_000_000, "69279037"),
            (20_000_000_000, "65353130"),
        ];
        for (time, eight) in vectors {
            assert_eq!(format_code(code_at(secret, step_at(time))), eight[2..], "T = {time}");
        }
        assert_eq!(step_at(59), 1);
        assert_eq!(step_at(1_111_111_109), 0x23523EC);
    }

    #[test]
    fn rfc_4226_hotp_values() {
        // RFC 4226 appendix D: HOTP of the same secret at counters 0..9
        let expected = [755224, 287082, 359152, 969429, 338314, 254676, 287922, 162583, 399871, 520489];
        for (counter, code) in expected.into_iter().enumerate() {
            assert_eq!(code_at(b"12345678901234567890", counter as i64), code);
        }
    }

    #[test]
    fn a_code_is_accepted_one_step_either_side_and_never_twice() {
        let secret = b"12345678901234567890";
        let now = 1_111_111_111;
        let step = step_at(now);
        let code = |s| format_code(code_at(secret, s));
        assert_eq!(matching_step(secret, &code(step), now, None), Some(step));
        assert_eq!(matching_step(secret, &code(step - 1), now, None), Some(step - 1));
        assert_eq!(matching_step(secret, &code(step + 1), now, None), Some(step + 1));
        assert_eq!(matching_step(secret, &code(step - 2), now, None), None, "too old");
        assert_eq!(matching_step(secret, &code(step + 2), now, None), None, "too early");
        // a step used already, or an older one, is refused
        assert_eq!(matching_step(secret, &code(step), now, Some(step)), None);
        assert_eq!(matching_step(secret, &code(step - 1), now, Some(step - 1)), None);
        assert_eq!(matching_step(secret, &code(step + 1), now, Some(step)), Some(step + 1));
        let spaced = format!("{} {}", &code(step)[..3], &code(step)[3..]);
        assert_eq!(matching_step(secret, &spaced, now, None), Some(step), "spaces ignored");
        for bad in ["", "12345", "1234567", "abcdef", "١٢٣٤٥٦"] {
            assert_eq!(matching_step(secret, bad, now, None), None, "{bad}");
        }
    }

    #[test]
    fn secrets_uris_and_recovery_codes() {
        let secret = b"12345678901234567890";
        assert_eq!(encode_secret(secret), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assert_eq!(decode_secret("gezd gnbv gy3t qojq gezd gnbv gy3t qojq").as_deref(), Some(&secret[..]));
        assert_eq!(decode_secret("not base32!"), None);
        assert_eq!(
            otpauth_uri("Vigie", "admin@vigie.example", secret),
            "otpauth://totp/Vigie:admin@vigie.example?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Vigie\
             &algorithm=SHA1&digits=6&period=30"
        );
        let code = format_recovery_code(&[0xff; RECOVERY_BYTES]);
        assert_eq!(code, "7777-7777-7777-7777");
        assert_eq!(recovery_hash(&code), recovery_hash("77777777 77777777"));
        assert_eq!(recovery_hash("abcd-efgh"), recovery_hash("ABCDEFGH"));
        assert_ne!(recovery_hash(&code), recovery_hash("7777-7777-7777-7776"));
        assert_eq!(recovery_hash(&code).len(), 64);
    }
}
