//! Login rate limiting: at most [`MAX_FAILURES`] failed logins per email
//! and per client address in [`WINDOW`]; then every attempt on that key is
//! refused until the oldest failure leaves the window. Kept in memory: a
//! restart forgets it, and several server processes would each count their
//! own (one process is how Vigie runs).

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub const MAX_FAILURES: usize = 5;
pub const WINDOW: Duration = Duration::from_secs(15 * 60);

#[derive(Default)]
pub struct RateLimiter {
    failures: Mutex<HashMap<String, VecDeque<Instant>>>,
}

impl RateLimiter {
    /// Whether any of `keys` has used up its failures.
    pub fn blocked(&self, keys: &[String]) -> bool {
        let mut map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        let now = Instant::now();
        keys.iter().any(|key| {
            map.get_mut(key).is_some_and(|times| {
                prune(times, now);
                times.len() >= MAX_FAILURES
            })
        })
    }

    pub fn record_failure(&self, keys: &[String]) {
        let mut map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        let now = Instant::now();
        // forget keys whose failures are all old, so the map stays small
        if map.len() > 10_000 {
            map.retain(|_, times| {
                prune(times, now);
                !times.is_empty()
            });
        }
        for key in keys {
            let times = map.entry(key.clone()).or_default();
            prune(times, now);
            times.push_back(now);
        }
    }
}

fn prune(times: &mut VecDeque<Instant>, now: Instant) {
    while times.front().is_some_and(|t| now.duration_since(*t) >= WINDOW) {
        times.pop_front();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn five_failures_block_the_key_only() {
        let limiter = RateLimiter::default();
        let keys = vec!["email:a@b.example".to_string(), "ip:127.0.0.1".to_string()];
        for _ in 0..MAX_FAILURES {
            assert!(!limiter.blocked(&keys));
            limiter.record_failure(&keys);
        }
        assert!(limiter.blocked(&keys));
        assert!(limiter.blocked(&["ip:127.0.0.1".to_string()]));
        assert!(!limiter.blocked(&["email:c@d.example".to_string(), "ip:10.0.0.1".to_string()]));
    }
}
