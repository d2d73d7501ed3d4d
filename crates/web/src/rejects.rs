//! The rejects files of recent incident imports (`incidents/import.rs`),
//! kept in memory for whoever imported, for download: a restart forgets
//! them. Held by the state, so below every page.

use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How long a rejects file stays downloadable, and how many bytes of them
/// are kept in all (the oldest go first).
const REJECTS_KEPT_FOR: Duration = Duration::from_secs(3600);
const REJECTS_KEPT_BYTES: usize = 64 * 1024 * 1024;

/// The rejects files of recent imports, in memory: a restart forgets
/// them.
#[derive(Default)]
pub struct RejectsFiles {
    kept: Mutex<Vec<Rejects>>,
}

struct Rejects {
    token: String,
    user_id: i64,
    made: Instant,
    bytes: Vec<u8>,
}

impl RejectsFiles {
    pub fn keep(&self, user_id: i64, bytes: Vec<u8>) -> anyhow::Result<String> {
        let token = crate::util::new_token()?;
        let mut kept = self.kept.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        kept.retain(|r| r.made.elapsed() < REJECTS_KEPT_FOR);
        kept.push(Rejects { token: token.clone(), user_id, made: Instant::now(), bytes });
        while kept.iter().map(|r| r.bytes.len()).sum::<usize>() > REJECTS_KEPT_BYTES && kept.len() > 1 {
            kept.remove(0);
        }
        Ok(token)
    }

    pub fn get(&self, token: &str, user_id: i64) -> Option<Vec<u8>> {
        let kept = self.kept.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        kept.iter()
            .find(|r| r.token == token && r.user_id == user_id && r.made.elapsed() < REJECTS_KEPT_FOR)
            .map(|r| r.bytes.clone())
    }
}
