//! A list that grows and can be waited on, blocking or async: the callbacks the sandbox
//! sent, the requests a listener received. One implementation for both.

use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::Duration;

pub(crate) struct Waitable<T> {
    items: Mutex<Vec<T>>,
    changed: Condvar,
    notify: tokio::sync::Notify,
}

impl<T> Default for Waitable<T> {
    fn default() -> Self {
        Waitable {
            items: Mutex::new(Vec::new()),
            changed: Condvar::new(),
            notify: tokio::sync::Notify::new(),
        }
    }
}

/// A poisoned lock only means another thread panicked while holding it; the data is plain
/// records, still usable.
pub(crate) fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl<T: Clone> Waitable<T> {
    pub fn all(&self) -> Vec<T> {
        lock(&self.items).clone()
    }

    pub fn push(&self, item: T) {
        lock(&self.items).push(item);
        self.changed.notify_all();
        self.notify.notify_waiters();
    }

    /// Blocks until there are `count` items or `timeout` passes; everything so far.
    pub fn wait_for(&self, count: usize, timeout: Duration) -> Vec<T> {
        let guard = lock(&self.items);
        let (guard, _) = self
            .changed
            .wait_timeout_while(guard, timeout, |r| r.len() < count)
            .unwrap_or_else(|e| e.into_inner());
        guard.clone()
    }

    /// [`Waitable::wait_for`] on the runtime's timer, holding no thread.
    pub async fn wait_for_async(&self, count: usize, timeout: Duration) -> Vec<T> {
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            // Registered before the count is read, so a push in between still wakes us.
            let notified = self.notify.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            {
                let items = lock(&self.items);
                if items.len() >= count {
                    return items.clone();
                }
            }
            if tokio::time::timeout_at(deadline, notified).await.is_err() {
                return self.all();
            }
        }
    }
}
