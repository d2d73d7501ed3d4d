//! A pass-through reader that remembers the last bytes it handed out, so
//! that the byte ending a CSV record can be looked at after the fact.

use std::io::{self, Read};

/// Far more than the CSV reader buffers ahead (8 KiB by default).
const KEPT: usize = 1 << 17;

pub struct Tail<R> {
    inner: R,
    ring: Box<[u8]>,
    /// Bytes handed out so far.
    total: u64,
}

impl<R: Read> Tail<R> {
    pub fn new(inner: R) -> Tail<R> {
        Tail { inner, ring: vec![0; KEPT].into_boxed_slice(), total: 0 }
    }

    /// The byte at `offset` from the start, if still kept.
    pub fn byte_at(&self, offset: u64) -> Option<u8> {
        (offset < self.total && self.total - offset <= KEPT as u64).then(|| self.ring[(offset % KEPT as u64) as usize])
    }
}

impl<R: Read> Read for Tail<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
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
