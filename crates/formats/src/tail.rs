//! A pass-through reader that remembers the last bytes it handed out, so
//! that the byte ending a CSV record can be looked at after the fact.

use std::io::{self, Read};

/// Far more than the CSV reader buffers ahead (8 KiB by default).
const KEPT: usize = 1 << 17;

/// The longest row (a CSV record, a JSON line) a reader takes: far more
/// than any real one, and a bound on memory when a file is not what it
/// claims (a 200 MB header line, a quote never closed).
pub const MAX_ROW_BYTES: u64 = 16 << 20;

/// The error a read gives once a row has grown past `MAX_ROW_BYTES`.
#[derive(Debug, thiserror::Error)]
#[error("a row longer than {} MiB", MAX_ROW_BYTES >> 20)]
pub struct RowTooLong;

pub struct Tail<R> {
    inner: R,
    ring: Box<[u8]>,
    /// Bytes handed out so far.
    total: u64,
    /// Where the row being read started (a byte offset).
    row_start: u64,
}

impl<R: Read> Tail<R> {
    pub fn new(inner: R) -> Tail<R> {
        Tail { inner, ring: vec![0; KEPT].into_boxed_slice(), total: 0, row_start: 0 }
    }

    /// A row starts at `offset`: the bytes before it no longer count
    /// towards `MAX_ROW_BYTES`.
    pub fn start_row(&mut self, offset: u64) {
        self.row_start = offset;
    }

    /// The byte at `offset` from the start, if still kept.
    pub fn byte_at(&self, offset: u64) -> Option<u8> {
        (offset < self.total && self.total - offset <= KEPT as u64).then(|| self.ring[(offset % KEPT as u64) as usize])
    }
}

impl<R: Read> Read for Tail<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.total.saturating_sub(self.row_start) > MAX_ROW_BYTES {
            return Err(io::Error::new(io::ErrorKind::InvalidData, RowTooLong));
        }
        let read = self.inner.read(buf)?;
        let mut rest = &buf[..read];
        if rest.len() > KEPT {
            rest = &rest[rest.len() - KEPT..];
        }
        let mut position = ((self.total + (read - rest.len()) as u64) % KEPT as u64) as usize;
        while !rest.is_empty() {
            let n = rest.len().min(KEPT - position);
            self.ring[position..position + n].copy_from_slice(&rest[..n]);
            rest = &rest[n..];
            position = (position + n) % KEPT;
        }
        self.total += read as u64;
        Ok(read)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembers_recent_bytes_by_offset() {
        let data: Vec<u8> = (0..(3 * KEPT)).map(|i| (i % 251) as u8).collect();
        let mut tail = Tail::new(&data[..]);
        let mut buf = vec![0; 10_000];
        let mut seen = 0;
        loop {
            let n = tail.read(&mut buf).unwrap();
            if n == 0 {
                break;
            }
            assert_eq!(&buf[..n], &data[seen..seen + n]);
            seen += n;
            assert_eq!(tail.byte_at(seen as u64 - 1), Some(data[seen - 1]));
        }
        let end = data.len() as u64;
        assert_eq!(tail.byte_at(end - 1), Some(data[data.len() - 1]));
        assert_eq!(tail.byte_at(end - KEPT as u64), Some(data[data.len() - KEPT]));
        assert_eq!(tail.byte_at(end - KEPT as u64 - 1), None);
        assert_eq!(tail.byte_at(end), None);
    }
}
