//! A small, stable 64-bit hash (FNV-1a) for content fingerprints and derived
//! ids: stable across Rust releases, unlike `std`'s hasher.

#[derive(Debug, Clone, Copy)]
pub struct Fnv64(u64);

impl Default for Fnv64 {
    fn default() -> Self {
        Fnv64(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv64 {
    pub fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 ^= u64::from(*byte);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    /// Writes a field followed by a separator that cannot occur in UTF-8, so
    /// that ("ab", "c") and ("a", "bc") differ.
    pub fn field(&mut self, bytes: &[u8]) {
        self.write(bytes);
        self.write(&[0xff]);
    }

    pub fn finish(self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::Fnv64;

    #[test]
    fn known_vector_and_field_separation() {
        let mut h = Fnv64::default();
        h.write(b"a");
        assert_eq!(h.finish(), 0xaf63_dc4c_8601_ec8c);
        let mut one = Fnv64::default();
        one.field(b"ab");
        one.field(b"c");
        let mut two = Fnv64::default();
        two.field(b"a");
        two.field(b"bc");
        assert_ne!(one.finish(), two.finish());
    }
}
