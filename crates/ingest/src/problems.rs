//! The problems of one import, shared by the reading thread (invalid rows)
//! and the writing one (repeated ids): counted, the first ones kept in file
//! and line order, the rejected rows written to the rejects file.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use vigie_domain::Lang;
use vigie_domain::incident::Column;
use vigie_formats::RowProblem;

use crate::rejects::Rejects;
use crate::{IngestError, LocatedProblem, PROBLEMS_KEPT};

/// Where a problem is: the source's position in the import, then the line.
type Place = (usize, u64);

#[derive(Default)]
struct Inner {
    kept: Vec<(Place, LocatedProblem)>,
    count: u64,
    rejected: u64,
    rejects: Option<Rejects>,
}

/// What the import found wrong, once it is over.
pub struct Found {
    pub problems: Vec<String>,
    /// The same problems, each part apart.
    pub details: Vec<LocatedProblem>,
    pub count: u64,
    pub rejected: u64,
    /// A source's header was unusable.
    pub unreadable: bool,
}

pub struct Problems {
    inner: Mutex<Inner>,
    /// The language of the rejects file's reasons.
    lang: Lang,
    any: AtomicBool,
    unreadable: AtomicBool,
}

impl Problems {
    pub fn new(rejects: Option<Rejects>) -> Problems {
        Problems {
            inner: Mutex::new(Inner { rejects, ..Inner::default() }),
            lang: Lang::En,
            any: AtomicBool::new(false),
            unreadable: AtomicBool::new(false),
        }
    }

    /// The rejects file's reasons in `lang` (English by default).
    pub fn in_language(mut self, lang: Lang) -> Problems {
        self.lang = lang;
        self
    }

    /// Whether any problem was found yet.
    pub fn any(&self) -> bool {
        self.any.load(Ordering::Relaxed)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        // a thread that panicked holding the lock leaves counts that are still usable
        self.inner.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn keep(inner: &mut Inner, place: Place, name: &str, problem: &RowProblem) {
        inner.count += 1;
        if inner.kept.len() < PROBLEMS_KEPT || inner.kept.last().is_some_and(|(last, _)| place < *last) {
            let at = inner.kept.partition_point(|(other, _)| *other <= place);
            let kind = problem.kind.clone();
            let located = LocatedProblem { source: name.to_string(), problem: problem.clone(), kind };
            inner.kept.insert(at, (place, located));
            inner.kept.truncate(PROBLEMS_KEPT);
        }
    }

    /// A rejected row: its problems, and its values for the rejects file.
    pub fn reject(
        &self,
        source: usize,
        name: &str,
        problems: &[RowProblem],
        values: &[Option<&str>; Column::COUNT],
    ) -> Result<(), IngestError> {
        let mut texts = self.note(source, name, problems);
        if self.lang != Lang::En {
            texts = problems.iter().map(|p| format!("{name}:{}", p.describe_in(self.lang))).collect();
        }
        let mut inner = self.lock();
        inner.rejected += 1;
        if let Some(rejects) = inner.rejects.as_mut() {
            rejects.write(values, &texts.join("; "))?;
        }
        Ok(())
    }

    /// The problems of a record whose rejection the caller handles (counted
    /// and kept, not written to a rejects file here); returns them as
    /// `FILE:LINE: …` texts.
    pub fn note(&self, source: usize, name: &str, problems: &[RowProblem]) -> Vec<String> {
        self.any.store(true, Ordering::Relaxed);
        let mut inner = self.lock();
        for problem in problems {
            Self::keep(&mut inner, (source, problem.line), name, problem);
        }
        problems.iter().map(|p| format!("{name}:{}", p.describe())).collect()
    }

    /// A source whose header is unusable: none of its rows can be read.
    pub fn unreadable(&self, source: usize, name: &str, problems: &[RowProblem]) {
        self.any.store(true, Ordering::Relaxed);
        self.unreadable.store(true, Ordering::Relaxed);
        let mut inner = self.lock();
        for problem in problems {
            Self::keep(&mut inner, (source, problem.line), name, problem);
        }
    }

    /// A whole source refused (a file the importer may not import): like
    /// an unreadable header, nothing is written.
    pub fn refused_source(&self, source: usize, name: &str, problem: RowProblem) {
        self.any.store(true, Ordering::Relaxed);
        self.unreadable.store(true, Ordering::Relaxed);
        let mut inner = self.lock();
        Self::keep(&mut inner, (source, problem.line), name, &problem);
    }

    pub fn finish(self) -> Result<Found, IngestError> {
        let unreadable = self.unreadable.load(Ordering::Relaxed);
        let inner = self.inner.into_inner().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(rejects) = inner.rejects {
            rejects.finish()?;
        }
        Ok(Found {
            problems: inner.kept.iter().map(|(_, located)| located.to_string()).collect(),
            details: inner.kept.into_iter().map(|(_, located)| located).collect(),
            count: inner.count,
            rejected: inner.rejected,
            unreadable,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(line: u64) -> RowProblem {
        RowProblem { kind: None, line, column: "killed".into(), message: "bad".into(), value: None }
    }

    #[test]
    fn keeps_the_first_problems_in_file_and_line_order() {
        let problems = Problems::new(None);
        let none = [None; Column::COUNT];
        for line in (2..40).rev() {
            problems.reject(1, "b.csv", &[problem(line)], &none).unwrap();
        }
        problems.reject(0, "a.csv", &[problem(7)], &none).unwrap();
        assert!(problems.any());
        let found = problems.finish().unwrap();
        assert_eq!(found.count, 39);
        assert_eq!(found.rejected, 39);
        assert_eq!(found.problems.len(), PROBLEMS_KEPT);
        assert_eq!(found.problems[0], "a.csv:7: column killed: bad");
        assert_eq!(found.problems[1], "b.csv:2: column killed: bad");
        assert_eq!(found.problems[19], "b.csv:20: column killed: bad");
    }
}
