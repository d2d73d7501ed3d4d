//! Placeholder while the Acled reader is written: refuses every file.

use std::io::Read;

use super::DatasetOptions;
use crate::{ReadError, Row};

pub struct AcledReader<R: Read> {
    _input: R,
}

impl<R: Read> AcledReader<R> {
    pub fn new(_input: R, _options: DatasetOptions) -> Result<AcledReader<R>, ReadError> {
        Err(ReadError::Header(vec![super::problem(1, "", "this format cannot be read yet", None)]))
    }

    pub fn layout(&self) -> &'static str {
        "Acled"
    }

    pub fn skipped(&self) -> u64 {
        0
    }

    pub fn for_each<E: From<ReadError>>(&mut self, _visit: impl FnMut(Row<'_>) -> Result<(), E>) -> Result<(), E> {
        Ok(())
    }
}
