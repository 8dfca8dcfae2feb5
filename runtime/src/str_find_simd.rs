//! Byte searches sixteen bytes a step with SSE2: a short needle (2..=8 bytes), and every
//! offset of one byte (for split).

use std::arch::x86_64::*;

/// The byte offset of the first `n` (2..=8 bytes) in `h`, for a haystack of
/// at least `n.len() + 15` bytes (sixteen start positions). Each step
/// compares sixteen bytes of the haystack with the needle's first byte and
/// the sixteen `len - 1` further with its last; the starts where both match
/// are candidates, whose middle bytes are then compared. The last starts
/// are covered by one more, overlapping, step with the starts already
/// searched masked off. A UTF-8 needle's bytes can only match at a
/// character start, so byte offsets are the answer for text too.
pub fn find_short(h: &[u8], n: &[u8]) -> Option<usize> {
    let len = n.len();
    debug_assert!((2..=8).contains(&len) && h.len() >= len + 15);
    let last_start = h.len() - len;
    let middle = &n[1..len - 1];
    let candidates = |at: usize, mut mask: u32| -> Option<usize> {
        while mask != 0 {
            let start = at + mask.trailing_zeros() as usize;
            // A byte loop: the middle is at most six bytes, less than a
            // `memcmp` call costs.
            if h[start + 1..start + len - 1]
                .iter()
                .zip(middle)
                .all(|(a, b)| a == b)
            {
                return Some(start);
            }
            mask &= mask - 1;
        }
        None
    };
    // SAFETY: SSE2 is part of the x86_64 baseline. `block(at)` reads
    // sixteen bytes at `at` and at `at + len - 1`, so it stays inside `h`
    // when `at + 15 <= last_start` (then `at + len - 1 + 16 <= h.len()`),
    // which every call below keeps.
    let block = |at: usize| -> u32 {
        unsafe {
            let firsts = _mm_set1_epi8(n[0] as i8);
            let lasts = _mm_set1_epi8(n[len - 1] as i8);
            let a = _mm_loadu_si128(h.as_ptr().add(at) as *const __m128i);
            let b = _mm_loadu_si128(h.as_ptr().add(at + len - 1) as *const __m128i);
            let both = _mm_and_si128(_mm_cmpeq_epi8(a, firsts), _mm_cmpeq_epi8(b, lasts));
            _mm_movemask_epi8(both) as u32
        }
    };
    let mut i = 0;
    while i + 15 <= last_start {
        if let Some(at) = candidates(i, block(i)) {
            return Some(at);
        }
        i += 16;
    }
    if i > last_start {
        return None;
    }
    // The last sixteen starts, of which those below `i` were searched.
    let tail = last_start - 15;
    candidates(tail, block(tail) & (!0u32 << (i - tail)))
}

/// Calls `f` with the offset of each `byte` in `h`, in order: sixteen
/// bytes compared a step, then the last few one at a time.
#[inline]
pub fn each_byte(h: &[u8], byte: u8, mut f: impl FnMut(usize)) {
    let mut i = 0;
    // SAFETY: SSE2 is part of the x86_64 baseline; each load reads the
    // sixteen bytes at `i`, inside `h` while `i + 16 <= h.len()`.
    unsafe {
        let splat = _mm_set1_epi8(byte as i8);
        while i + 16 <= h.len() {
            let bytes = _mm_loadu_si128(h.as_ptr().add(i) as *const __m128i);
            let mut mask = _mm_movemask_epi8(_mm_cmpeq_epi8(bytes, splat)) as u32;
            while mask != 0 {
                f(i + mask.trailing_zeros() as usize);
                mask &= mask - 1;
            }
            i += 16;
        }
    }
    for (k, &b) in h[i..].iter().enumerate() {
        if b == byte {
            f(i + k);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_byte_finds_every_offset() {
        let text = "a,b,,c,日本,é,,,,,,,,,,,,,,,,,,,,,,xyz,0123456789abcdef,0123456789abcdef,";
        for cut in 0..text.len() {
            let h = &text.as_bytes()[cut..];
            let mut got = Vec::new();
            each_byte(h, b',', |i| got.push(i));
            let want: Vec<usize> = (0..h.len()).filter(|&i| h[i] == b',').collect();
            assert_eq!(got, want);
        }
    }

    #[test]
    fn agrees_with_str_find() {
        let hays = [
            "THETA ETA ZETA BETA ALPHA GAMMA DELTA EPSILON IOTA KAPPA 1234",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab",
            "日本語のテキスト、日本語のテキスト、ETA 日本",
            "0123456789abcdef0123456789abcdefX",
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        ];
        let needles = [
            "ETA",
            "ALPHA",
            "ab",
            "aab",
            "1234",
            "日本",
            "本語の",
            "fX",
            "cdef0123",
            "zz",
            "x",
            "THETA",
        ];
        for hay in hays {
            for needle in needles {
                let (h, n) = (hay.as_bytes(), needle.as_bytes());
                if !(2..=8).contains(&n.len()) {
                    continue;
                }
                for cut in 0..h.len() {
                    let h = &h[cut..];
                    if h.len() >= n.len() + 15 {
                        let want = memfind(h, n);
                        assert_eq!(find_short(h, n), want, "{needle:?} in {h:?}");
                    }
                }
            }
        }
    }

    fn memfind(h: &[u8], n: &[u8]) -> Option<usize> {
        h.windows(n.len()).position(|w| w == n)
    }
}
