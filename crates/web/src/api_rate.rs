//! The API's rate limit: a token bucket per access token. A bucket holds
//! [`ApiRate::burst`] requests and refills at [`ApiRate::per_minute`]; a
//! request that finds it empty gets 429 with `Retry-After`, the seconds
//! until one request is available again. Kept in memory, per process. And
//! [`Touches`]: a token's last use is written once a minute at most.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How many requests a token may send.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ApiRate {
    pub per_minute: u32,
    pub burst: u32,
}

impl Default for ApiRate {
    /// 600 a minute (10 a second, what a synchronising script needs), in
    /// bursts of up to 120.
    fn default() -> ApiRate {
        ApiRate { per_minute: 600, burst: 120 }
    }
}

struct Bucket {
    available: f64,
    at: Instant,
}

pub struct ApiLimiter {
    rate: ApiRate,
    buckets: Mutex<HashMap<String, Bucket>>,
}

impl ApiLimiter {
    pub fn new(rate: ApiRate) -> ApiLimiter {
        ApiLimiter { rate, buckets: Mutex::new(HashMap::new()) }
    }

    /// Takes one request from `key`'s bucket at `now`: `Err` with the wait
    /// before the next one when it is empty.
    pub fn take(&self, key: &str, now: Instant) -> Result<u32, Duration> {
        let per_second = f64::from(self.rate.per_minute.max(1)) / 60.0;
        let burst = f64::from(self.rate.burst.max(1));
        let mut buckets = self.buckets.lock().unwrap_or_else(|p| p.into_inner());
        if buckets.len() > 100_000 {
            // full buckets are the same as none
            buckets.retain(|_, b| b.available + now.duration_since(b.at).as_secs_f64() * per_second < burst);
        }
        let bucket = buckets.entry(key.to_string()).or_insert(Bucket { available: burst, at: now });
        let refilled = bucket.available + now.saturating_duration_since(bucket.at).as_secs_f64() * per_second;
        bucket.available = refilled.min(burst);
        bucket.at = now;
        if bucket.available >= 1.0 {
            bucket.available -= 1.0;
            Ok(bucket.available.floor() as u32)
        } else {
            Err(Duration::from_secs_f64((1.0 - bucket.available) / per_second))
        }
    }
}

/// How often a token's last use is written.
const TOUCH_EVERY: Duration = Duration::from_secs(60);

/// When each token's use was last written.
#[derive(Default)]
pub struct Touches(Mutex<HashMap<i64, Instant>>);

impl Touches {
    /// Whether the use of `token` at `now` is to be written.
    pub fn due(&self, token: i64, now: Instant) -> bool {
        let mut last = self.0.lock().unwrap_or_else(|p| p.into_inner());
        if last.len() > 100_000 {
            last.clear();
        }
        match last.get(&token) {
            Some(at) if now.duration_since(*at) < TOUCH_EVERY => false,
            _ => {
                last.insert(token, now);
                true
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_then_the_refill_rate() {
        let limiter = ApiLimiter::new(ApiRate { per_minute: 60, burst: 3 });
        let start = Instant::now();
        assert_eq!(limiter.take("t1", start), Ok(2));
        assert_eq!(limiter.take("t1", start), Ok(1));
        assert_eq!(limiter.take("t1", start), Ok(0));
        let wait = limiter.take("t1", start).unwrap_err();
        assert!(wait > Duration::from_millis(900) && wait <= Duration::from_secs(1), "{wait:?}");
        assert!(limiter.take("t2", start).is_ok(), "each token has its own bucket");
        assert!(limiter.take("t1", start + Duration::from_secs(1)).is_ok(), "one a second comes back");
        assert!(limiter.take("t1", start + Duration::from_secs(1)).is_err());
        // a long pause refills to the burst, not beyond
        let later = start + Duration::from_secs(3600);
        for _ in 0..3 {
            assert!(limiter.take("t1", later).is_ok());
        }
        assert!(limiter.take("t1", later).is_err());
    }

    #[test]
    fn a_token_s_use_is_written_once_a_minute() {
        let touches = Touches::default();
        let now = Instant::now();
        assert!(touches.due(1, now));
        assert!(!touches.due(1, now + Duration::from_secs(59)));
        assert!(touches.due(2, now));
        assert!(touches.due(1, now + Duration::from_secs(61)));
    }
}
