//! Login rate limiting: at most [`MAX_FAILURES`] failed logins per email
//! and per client address in [`WINDOW`]; then every attempt on that key is
//! refused until the oldest failure leaves the window. An attempt counts as
//! a failure from the moment it starts (`attempt`) until it succeeds
//! (`succeeded`): requests sent at once cannot all pass the check before
//! the first failure is recorded. Every check of a secret (a password, a
//! second-factor code) goes through it. Kept in memory: a
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
    /// Starts an attempt on `keys`, counted as a failure until it
    /// `succeeded`; `None` when one of them has used up its failures.
    pub fn attempt(&self, keys: &[String]) -> Option<Attempt> {
        let mut map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        let now = Instant::now();
        let blocked = keys.iter().any(|key| {
            map.get_mut(key).is_some_and(|times| {
                prune(times, now);
                times.len() >= MAX_FAILURES
            })
        });
        if blocked {
            return None;
        }
        Self::push(&mut map, keys, now);
        Some(Attempt { keys: keys.to_vec(), at: now })
    }

    /// An attempt that succeeded: it no longer counts.
    pub fn succeeded(&self, attempt: Attempt) {
        let mut map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        for key in &attempt.keys {
            if let Some(times) = map.get_mut(key)
                && let Some(position) = times.iter().position(|t| *t == attempt.at)
            {
                times.remove(position);
            }
        }
    }

    fn push(map: &mut HashMap<String, VecDeque<Instant>>, keys: &[String], now: Instant) {
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

/// An attempt under way (`RateLimiter::attempt`): a failure unless it
/// succeeds.
#[must_use = "an attempt counts as a failure unless it succeeded"]
pub struct Attempt {
    keys: Vec<String>,
    at: Instant,
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
            // each attempt fails: dropped without succeeding
            assert!(limiter.attempt(&keys).is_some());
        }
        assert!(limiter.attempt(&keys).is_none());
        assert!(limiter.attempt(&["ip:127.0.0.1".to_string()]).is_none());
        assert!(limiter.attempt(&["email:c@d.example".to_string(), "ip:10.0.0.1".to_string()]).is_some());
    }

    #[test]
    fn attempts_at_once_count_before_they_end() {
        let limiter = RateLimiter::default();
        let keys = vec!["email:a@b.example".to_string()];
        // five under way at once: the sixth is refused before any has failed
        let under_way: Vec<Attempt> = (0..MAX_FAILURES).map(|_| limiter.attempt(&keys).unwrap()).collect();
        assert!(limiter.attempt(&keys).is_none());
        // those that succeed no longer count
        for attempt in under_way.into_iter().take(2) {
            limiter.succeeded(attempt);
        }
        let next = limiter.attempt(&keys).expect("room again");
        limiter.succeeded(next);
        assert!(limiter.attempt(&keys).is_some(), "a success leaves room");
    }
}
