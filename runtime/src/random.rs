//! CPython's `random` module, bit for bit: the MT19937 generator of
//! `_randommodule.c` (init_genrand, init_by_array, seeding from an int) and
//! the algorithms of `random.py` 3.11 (random, getrandbits, _randbelow,
//! randrange, randint, choice, shuffle, sample, choices, uniform, gauss,
//! normalvariate), so a seeded Tern program draws the same numbers as CPython.
//!
//! Sequence-handling functions work on indices (`choice_index`,
//! `shuffle_swaps`, `sample_indices`); the caller maps them to elements.

use num_bigint::{BigInt, Sign};

use crate::int_ops::{self, Int};
use crate::num_error::{NumError, NumResult};

/// MT19937 state size in words.
const N: usize = 624;
/// MT19937 middle word offset.
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// A Mersenne Twister generator with CPython's `random.Random` methods.
#[derive(Clone)]
pub struct Random {
    state: [u32; N],
    index: usize,
    /// The second normal deviate of `gauss()`'s pair, kept for the next call.
    gauss_next: Option<f64>,
}

impl std::fmt::Debug for Random {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Random {{ index: {} }}", self.index)
    }
}

impl Default for Random {
    fn default() -> Random {
        Random::from_entropy()
    }
}

impl Random {
    /// A generator seeded like `random.Random(n)` for an int `n`.
    pub fn from_seed(n: &Int) -> Random {
        let mut r = Random {
            state: [0; N],
            index: N + 1,
            gauss_next: None,
        };
        r.seed(n);
        r
    }

    /// A generator seeded like `random.Random()`: from the OS entropy
    /// source, falling back to the time and process id.
    pub fn from_entropy() -> Random {
        let mut r = Random {
            state: [0; N],
            index: N + 1,
            gauss_next: None,
        };
        r.seed_from_entropy();
        r
    }

    /// `random.seed(n)` for an int: uses `abs(n)` split into 32-bit words,
    /// least significant first (`[0]` for zero), through init_by_array.
    /// (A float seed is hashed first by CPython: see [`float_seed`]; str and
    /// bytes seeds go through [`Random::seed_str`] and [`Random::seed_bytes`].)
    pub fn seed(&mut self, n: &Int) {
        let magnitude = n.to_bigint();
        let mut key = magnitude.magnitude().to_u32_digits();
        if key.is_empty() {
            key.push(0);
        }
        self.init_by_array(&key);
        self.gauss_next = None;
    }

    /// `random.seed(b)` for bytes (version 2): the int whose big-endian bytes
    /// are `b` followed by SHA-512 of `b`.
    pub fn seed_bytes(&mut self, data: &[u8]) {
        let mut bytes = data.to_vec();
        bytes.extend_from_slice(&crate::sha512::sha512(data));
        let n = BigInt::from_bytes_be(Sign::Plus, &bytes);
        self.seed(&Int::from_bigint(n));
    }

    /// `random.seed(s)` for a str: its UTF-8 bytes through `seed_bytes`.
    pub fn seed_str(&mut self, s: &str) {
        self.seed_bytes(s.as_bytes());
    }

    /// `random.seed()` with no argument: 624 words from /dev/urandom, or the
    /// time and pid when that is unavailable.
    pub fn seed_from_entropy(&mut self) {
        use std::io::Read;
        let mut bytes = [0u8; N * 4];
        let got_entropy = std::fs::File::open("/dev/urandom")
            .and_then(|mut f| f.read_exact(&mut bytes))
            .is_ok();
        let key: Vec<u32> = if got_entropy {
            bytes
                .chunks_exact(4)
                .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                .collect()
        } else {
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or(0);
            vec![
                now as u32,
                (now >> 32) as u32,
                (now >> 64) as u32,
                std::process::id(),
            ]
        };
        self.init_by_array(&key);
        self.gauss_next = None;
    }

    /// MT19937's init_genrand.
    pub fn init_genrand(&mut self, s: u32) {
        self.state[0] = s;
        for i in 1..N {
            let prev = self.state[i - 1];
            self.state[i] = 1_812_433_253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        self.index = N;
    }

    /// MT19937's init_by_array.
    pub fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let mut i = 1usize;
        let mut j = 0usize;
        let key_len = key.len().max(1);
        for _ in 0..N.max(key.len()) {
            let prev = self.state[i - 1];
            self.state[i] = (self.state[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key.get(j).copied().unwrap_or(0))
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                self.state[0] = self.state[N - 1];
                i = 1;
            }
            if j >= key_len {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = self.state[i - 1];
            self.state[i] = (self.state[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941))
                .wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                self.state[0] = self.state[N - 1];
                i = 1;
            }
        }
        self.state[0] = 0x8000_0000; // MSB is 1, assuring a non-zero initial array
        self.index = N;
    }

    /// The next 32 random bits (MT19937's genrand_uint32).
    pub fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            self.generate();
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// Refills the state with the next 624 words.
    fn generate(&mut self) {
        let mag01 = |y: u32| if y & 1 == 1 { MATRIX_A } else { 0 };
        for k in 0..N {
            let y = (self.state[k] & UPPER_MASK) | (self.state[(k + 1) % N] & LOWER_MASK);
            self.state[k] = self.state[(k + M) % N] ^ (y >> 1) ^ mag01(y);
        }
        self.index = 0;
    }

    /// `random.random()`: 53 random bits as a float in [0, 1).
    pub fn random(&mut self) -> f64 {
        let a = self.next_u32() >> 5;
        let b = self.next_u32() >> 6;
        (f64::from(a) * 67_108_864.0 + f64::from(b)) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `random.getrandbits(k)`: an int of `k` random bits, built from
    /// 32-bit words least significant first, the last word's top bits kept.
    pub fn getrandbits(&mut self, k: i64) -> NumResult<Int> {
        if k < 0 {
            return Err(NumError::value("number of bits must be non-negative"));
        }
        if k <= 64 {
            return Ok(Int::from(self.bits_u64(k as u32)));
        }
        let words = ((k - 1) / 32 + 1) as usize;
        let mut digits = Vec::with_capacity(words);
        let mut remaining = k;
        for _ in 0..words {
            let mut r = self.next_u32();
            if remaining < 32 {
                r >>= 32 - remaining;
            }
            digits.push(r);
            remaining -= 32;
        }
        Ok(Int::from_bigint(BigInt::from_slice(Sign::Plus, &digits)))
    }

    /// `getrandbits(k)` for `k <= 64`, without allocating.
    fn bits_u64(&mut self, k: u32) -> u64 {
        match k {
            0 => 0,
            1..=32 => u64::from(self.next_u32() >> (32 - k)),
            _ => {
                let low = u64::from(self.next_u32());
                let high = u64::from(self.next_u32() >> (64 - k));
                low | (high << 32)
            }
        }
    }

    /// `_randbelow(n)` for a machine-sized `n`: a uniform value in [0, n)
    /// by rejection on `getrandbits(n.bit_length())`; 0 for `n == 0`.
    pub fn randbelow_u64(&mut self, n: u64) -> u64 {
        if n == 0 {
            return 0;
        }
        let k = 64 - n.leading_zeros();
        loop {
            let r = self.bits_u64(k);
            if r < n {
                return r;
            }
        }
    }

    /// `_randbelow(n)`: a uniform int in [0, n) (0 when `n <= 0`).
    pub fn randbelow(&mut self, n: &Int) -> Int {
        if n.is_negative() || n.is_zero() {
            return Int::ZERO;
        }
        if let Some(small) = n.as_i64() {
            return Int::from(self.randbelow_u64(small as u64));
        }
        let k = int_ops::bit_length(n) as i64;
        loop {
            // k > 0, so getrandbits cannot fail.
            let r = self.getrandbits(k).unwrap_or(Int::ZERO);
            if r < *n {
                return r;
            }
        }
    }

    /// `random.randrange(start, stop, step)` with CPython 3.11's checks;
    /// `stop = None` means `randrange(start)`; `step = None` means the default 1.
    pub fn randrange(
        &mut self,
        start: &Int,
        stop: Option<&Int>,
        step: Option<&Int>,
    ) -> NumResult<Int> {
        let Some(stop) = stop else {
            if step.is_some() {
                return Err(NumError::type_error("Missing a non-None stop argument"));
            }
            if start.signum() > 0 {
                return Ok(self.randbelow(start));
            }
            return Err(NumError::value("empty range for randrange()"));
        };
        let width = int_ops::sub(stop, start);
        let step = step.cloned().unwrap_or(Int::ONE);
        if step == Int::ONE {
            if width.signum() > 0 {
                return Ok(int_ops::add(start, &self.randbelow(&width)));
            }
            return Err(NumError::value(format!(
                "empty range for randrange() ({start}, {stop}, {width})"
            )));
        }
        let n = if step.signum() > 0 {
            let top = int_ops::sub(&int_ops::add(&width, &step), &Int::ONE);
            int_ops::floordiv(&top, &step)?
        } else if step.signum() < 0 {
            let top = int_ops::add(&int_ops::add(&width, &step), &Int::ONE);
            int_ops::floordiv(&top, &step)?
        } else {
            return Err(NumError::value("zero step for randrange()"));
        };
        if n.signum() <= 0 {
            return Err(NumError::value("empty range for randrange()"));
        }
        let offset = int_ops::mul(&step, &self.randbelow(&n));
        Ok(int_ops::add(start, &offset))
    }

    /// `random.randint(a, b)`: `randrange(a, b + 1)`.
    pub fn randint(&mut self, a: &Int, b: &Int) -> NumResult<Int> {
        self.randrange(a, Some(&int_ops::add(b, &Int::ONE)), None)
    }

    /// `random.choice(seq)` for a sequence of `len` items: the index to take.
    pub fn choice_index(&mut self, len: usize) -> NumResult<usize> {
        if len == 0 {
            return Err(NumError::index("Cannot choose from an empty sequence"));
        }
        Ok(self.randbelow_u64(len as u64) as usize)
    }

    /// `random.shuffle(x)` for `len(x) == n`: the swaps `(i, j)` to apply in
    /// order (`x[i], x[j] = x[j], x[i]`), for i from n-1 down to 1.
    pub fn shuffle_swaps(&mut self, n: usize) -> Vec<(usize, usize)> {
        (1..n)
            .rev()
            .map(|i| (i, self.randbelow_u64(i as u64 + 1) as usize))
            .collect()
    }

    /// `random.shuffle(items)` in place.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.randbelow_u64(i as u64 + 1) as usize;
            items.swap(i, j);
        }
    }

    /// `random.sample(population, k)` for `len(population) == n`: the
    /// indices of the chosen items in selection order, using CPython's
    /// pool or set strategy (so the same draws happen).
    pub fn sample_indices(&mut self, n: usize, k: i64) -> NumResult<Vec<usize>> {
        if k < 0 || k as u64 > n as u64 {
            return Err(NumError::value(
                "Sample larger than population or is negative",
            ));
        }
        let k = k as usize;
        let mut setsize: f64 = 21.0;
        if k > 5 {
            let exponent = ((k * 3) as f64).ln() / 4f64.ln();
            setsize += 4f64.powf(exponent.ceil());
        }
        let mut result = Vec::with_capacity(k);
        if n as f64 <= setsize {
            let mut pool: Vec<usize> = (0..n).collect();
            for i in 0..k {
                let j = self.randbelow_u64((n - i) as u64) as usize;
                result.push(pool[j]);
                pool[j] = pool[n - i - 1];
            }
        } else {
            let mut selected = std::collections::HashSet::with_capacity(k);
            for _ in 0..k {
                let mut j = self.randbelow_u64(n as u64) as usize;
                while selected.contains(&j) {
                    j = self.randbelow_u64(n as u64) as usize;
                }
                selected.insert(j);
                result.push(j);
            }
        }
        Ok(result)
    }

    /// `random.choices(population, k=k)` without weights: `k` indices into a
    /// population of `n` items, each `floor(random() * n)`.
    pub fn choices_indices(&mut self, n: usize, k: usize) -> Vec<usize> {
        let n = n as f64;
        (0..k)
            .map(|_| (self.random() * n).floor() as usize)
            .collect()
    }

    /// `random.choices(population, cum_weights=cum, k=k)`: indices chosen by
    /// bisecting the cumulative weights (weights become `accumulate(weights)`).
    pub fn choices_weighted(&mut self, cum_weights: &[f64], k: usize) -> NumResult<Vec<usize>> {
        let Some(&last) = cum_weights.last() else {
            return Err(NumError::value(
                "Total of weights must be greater than zero",
            ));
        };
        let total = last + 0.0;
        if total <= 0.0 {
            return Err(NumError::value(
                "Total of weights must be greater than zero",
            ));
        }
        if !total.is_finite() {
            return Err(NumError::value("Total of weights must be finite"));
        }
        let hi = cum_weights.len() - 1;
        Ok((0..k)
            .map(|_| {
                let x = self.random() * total;
                // bisect_right(cum_weights, x, 0, hi)
                cum_weights[..hi].partition_point(|w| *w <= x)
            })
            .collect())
    }

    /// `random.uniform(a, b)`: `a + (b - a) * random()`.
    pub fn uniform(&mut self, a: f64, b: f64) -> f64 {
        a + (b - a) * self.random()
    }

    /// `random.normalvariate(mu, sigma)` (Kinderman and Monahan).
    pub fn normalvariate(&mut self, mu: f64, sigma: f64) -> f64 {
        let magic = 4.0 * (-0.5f64).exp() / 2.0f64.sqrt();
        loop {
            let u1 = self.random();
            let u2 = 1.0 - self.random();
            let z = magic * (u1 - 0.5) / u2;
            let zz = z * z / 4.0;
            if zz <= -u2.ln() {
                return mu + z * sigma;
            }
        }
    }

    /// `random.gauss(mu, sigma)` (Box-Muller, caching the second deviate).
    pub fn gauss(&mut self, mu: f64, sigma: f64) -> f64 {
        let z = match self.gauss_next.take() {
            Some(z) => z,
            None => {
                let x2pi = self.random() * std::f64::consts::TAU;
                let g2rad = (-2.0 * (1.0 - self.random()).ln()).sqrt();
                self.gauss_next = Some(x2pi.sin() * g2rad);
                x2pi.cos() * g2rad
            }
        };
        mu + z * sigma
    }

    /// `random.expovariate(lambd)`: `-log(1 - random()) / lambd`.
    pub fn expovariate(&mut self, lambd: f64) -> NumResult<f64> {
        let u = 1.0 - self.random();
        crate::float_ops::truediv(-u.ln(), lambd)
    }
}

/// The unsigned value CPython seeds with for a float `x`: `hash(x)` as a C size_t.
pub fn float_seed(x: f64) -> Int {
    Int::from(crate::float_ops::hash_float(x) as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_zero_uses_key_zero() {
        let mut a = Random::from_seed(&Int::ZERO);
        let mut b = Random {
            state: [0; N],
            index: N + 1,
            gauss_next: None,
        };
        b.init_by_array(&[0]);
        assert_eq!(a.next_u32(), b.next_u32());
    }

    #[test]
    fn negative_seed_equals_positive() {
        let mut a = Random::from_seed(&Int::from(-7));
        let mut b = Random::from_seed(&Int::from(7));
        assert_eq!(a.random(), b.random());
    }
}
