//! A fixed set of store connections, lent one request at a time. Waiting
//! for one is bounded: past the wait the request gets `StoreError::Busy`
//! (a 503), never an unbounded queue.

use std::ops::{Deref, DerefMut};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use vigie_store::{Store, StoreError};

pub struct Pool {
    idle: Arc<Mutex<Vec<Box<dyn Store>>>>,
    permits: Arc<Semaphore>,
    wait: Duration,
}

/// A connection on loan; back to the pool when dropped.
pub struct Lent {
    store: Option<Box<dyn Store>>,
    idle: Arc<Mutex<Vec<Box<dyn Store>>>>,
    _permit: OwnedSemaphorePermit,
}

impl Pool {
    pub fn new(connections: Vec<Box<dyn Store>>, wait: Duration) -> Pool {
        let permits = Arc::new(Semaphore::new(connections.len()));
        Pool { idle: Arc::new(Mutex::new(connections)), permits, wait }
    }

    pub async fn take(&self) -> Result<Lent, StoreError> {
        let permit = tokio::time::timeout(self.wait, Arc::clone(&self.permits).acquire_owned())
            .await
            .map_err(|_| StoreError::Busy)?
            .map_err(|_| StoreError::Busy)?;
        let store = self.idle.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).pop();
        // a permit is one idle connection
        let store = store.ok_or(StoreError::Busy)?;
        Ok(Lent { store: Some(store), idle: Arc::clone(&self.idle), _permit: permit })
    }
}

impl Drop for Lent {
    fn drop(&mut self) {
        if let Some(store) = self.store.take() {
            // before the permit (a field dropped after this body) frees it
            self.idle.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).push(store);
        }
    }
}

impl Deref for Lent {
    type Target = dyn Store;
    fn deref(&self) -> &(dyn Store + 'static) {
        self.store.as_deref().expect("a lent connection until dropped")
    }
}

impl DerefMut for Lent {
    fn deref_mut(&mut self) -> &mut (dyn Store + 'static) {
        self.store.as_deref_mut().expect("a lent connection until dropped")
    }
}
