//! The decoder of `places.bin`: a small logistic-mixing context model (in the family of
//! Matt Mahoney's lpaq1) driving a binary arithmetic decoder.
//!
//! Why not plain text: the registry is about 217 KB of text that gzips to about 75 KB,
//! more than the whole budget the place data has in the wasm (60 KB gzip). Predicting each
//! bit from several contexts (the previous 1, 2, 3, 4 and 6 bytes, the current word, the
//! column, the same column of the previous line, the longest earlier repeat) and mixing
//! the predictions brings it to about 55 KB.
//!
//! The context tables are organised as in lpaq: one 32-byte slot per context and half
//! byte, holding a check value and the 15 bit-counters of that half byte, in two-way
//! buckets; a byte costs two cache lines per model instead of eight.
//!
//! **Invariant:** every constant and every integer operation here mirrors the encoder in
//! `scripts/gen_places.py` exactly; a unit test decodes the embedded file and compares it
//! with `src/data/places.txt` byte for byte.

/// Slots per model: 2^13 of 16 `u16`s, 256 KB per model.
const SLOT_BITS: u32 = 13;
const ORDERS: [usize; 5] = [1, 2, 3, 4, 6];
/// Hashed models: the five orders, word, column, previous line.
const HASHED: usize = 8;
/// Mixer inputs: the hashed models, order 0, bias, match.
const INPUTS: usize = HASHED + 3;
const MATCH_MIN: usize = 5;

const SQUASH_T: [i32; 33] = [
    1, 2, 3, 6, 10, 16, 27, 45, 73, 120, 194, 310, 488, 747, 1101, 1546, 2047, 2549, 2994, 3348,
    3607, 3785, 3901, 3975, 4022, 4050, 4068, 4079, 4085, 4089, 4092, 4093, 4094,
];

/// 1/(1+e^-d): `d` scaled by 256, the result by 4096.
#[inline(always)]
fn squash(d: i32) -> i32 {
    if d > 2047 {
        return 4095;
    }
    if d < -2047 {
        return 1;
    }
    let w = d & 127;
    let i = ((d >> 7) + 16) as usize & 31;
    (SQUASH_T[i] * (128 - w) + SQUASH_T[i + 1] * w + 64) >> 7
}

/// The inverse of [`squash`], tabulated.
fn stretch_table() -> Box<[i16; 4096]> {
    let mut t = Box::new([2047i16; 4096]);
    let mut pi = 0usize;
    for x in -2047..=2047 {
        let v = squash(x) as usize;
        for slot in t.iter_mut().take(v + 1).skip(pi) {
            *slot = x as i16;
        }
        pi = pi.max(v + 1);
    }
    t
}

/// Moves a 22-bit probability (high bits) with its count (low 10 bits) toward `bit`.
#[inline(always)]
fn adapt32(entry: u32, bit: u32, limit: u32, recip: &[i32; 256]) -> u32 {
    let n = entry & 1023;
    let p = (entry >> 10) as i64;
    let target = if bit == 1 { (1i64 << 22) - 1 } else { 0 };
    let p = p + (((target - p) * recip[(n & 255) as usize] as i64) >> 16);
    let n = if n < limit { n + 1 } else { n };
    ((p as u32) << 10) | n
}

/// The same for a 12-bit probability with a 4-bit count.
#[inline(always)]
fn adapt16(entry: u16, bit: u32, recip: &[i32; 256]) -> u16 {
    let n = (entry & 15) as usize;
    let p = (entry >> 4) as i32;
    let target = if bit == 1 { 4095 } else { 0 };
    let p = p + (((target - p) * recip[n & 255]) >> 16);
    let n = if n < 15 { n + 1 } else { n };
    ((p as u16) << 4) | n as u16
}

#[inline(always)]
fn fnv(h: u32, b: u8) -> u32 {
    (h ^ b as u32).wrapping_mul(0x0100_0193)
}

/// Length of the table of all hashed models (a power of two: indices are masked, which
/// also spares the bounds checks).
const TABLE_LEN: usize = (HASHED << SLOT_BITS) * 16;

struct Model {
    stretch: Box<[i16; 4096]>,
    recip: [i32; 256],
    tables: Box<[u16]>,
    slots: [usize; HASHED],
    order0: [u32; 256],
    weights: Box<[[i32; INPUTS]; 256]>,
    match_sm: [u32; 64],
    match_hash: Vec<u32>,
    match_ptr: usize,
    match_len: usize,
    word: u32,
    line_pos: u32,
    line_first: u8,
    /// Start of the current line, and span of the previous non-empty line, in the output.
    cur_line: usize,
    prev_line: (usize, usize),
    still: u32,
    ctx: [u32; HASHED],
}

impl Model {
    fn new() -> Model {
        let mut recip = [0i32; 256];
        for (n, r) in recip.iter_mut().enumerate() {
            *r = (65536 * 2) / (2 * n as i32 + 3);
        }
        let mut m = Model {
            stretch: stretch_table(),
            recip,
            tables: vec![0; TABLE_LEN].into_boxed_slice(),
            slots: [0; HASHED],
            order0: [1 << 31; 256],
            weights: Box::new([[19661; INPUTS]; 256]),
            match_sm: [1 << 31; 64],
            match_hash: vec![0; 1 << 16],
            match_ptr: 0,
            match_len: 0,
            word: 0,
            line_pos: 0,
            line_first: 0,
            cur_line: 0,
            prev_line: (0, 0),
            still: 1,
            ctx: [0; HASHED],
        };
        m.contexts(&[]);
        m
    }

    fn contexts(&mut self, buf: &[u8]) {
        for (k, &o) in ORDERS.iter().enumerate() {
            let mut x = ((o as u32) + 1).wrapping_mul(0x9E37_79B1);
            for &b in &buf[buf.len().saturating_sub(o)..] {
                x = fnv(x, b);
            }
            self.ctx[k] = x;
        }
        self.ctx[5] = self.word.wrapping_mul(0x2545_F491) ^ 0x5BD1_E995;
        let col = (self.line_pos.min(24).wrapping_mul(0x02E3_A1B7))
            .wrapping_add((self.line_first as u32).wrapping_mul(0x7F4A_7C15))
            ^ 0xA5A5;
        self.ctx[6] = col.wrapping_mul(0x9E37_79B1);
        let pos = buf.len().saturating_sub(self.cur_line);
        let (ps, pe) = self.prev_line;
        let pc = if ps + pos < pe {
            buf.get(ps + pos).copied().unwrap_or(0) as u32
        } else {
            0
        };
        self.ctx[7] = (pc
            .wrapping_mul(0x3B9A_CA07)
            .wrapping_add(self.still.wrapping_mul(0x7FEB_352D))
            .wrapping_add((pos.min(12) as u32).wrapping_mul(0x846C_A68B)))
            ^ 0x0123_4567;
    }

    /// Picks, for every hashed model, the slot of the half byte that starts (`nibble` is 0
    /// for the high half, 16 + the high half's value for the low one).
    fn select_slots(&mut self, nibble: u32) {
        for i in 0..HASHED {
            let h = (self.ctx[i] ^ nibble.wrapping_mul(0x2F0B_3C27)).wrapping_mul(0x9E37_79B1);
            let check = ((h & 0xFFFF) | 1) as u16;
            let mut base =
                (((i << SLOT_BITS) | (h >> (32 - SLOT_BITS)) as usize) * 16) & (TABLE_LEN - 1);
            let other = base ^ 16;
            let t = &mut self.tables;
            if t[base] != check {
                if t[other] == check {
                    base = other;
                } else {
                    // Replace the slot whose first counter has seen fewer bits.
                    if t[other + 1] & 15 < t[base + 1] & 15 {
                        base = other;
                    }
                    if let Some(slot) = t.get_mut(base..base + 16) {
                        slot[0] = check;
                        slot[1..].fill(2048 << 4);
                    }
                }
            }
            self.slots[i] = base;
        }
    }

    /// Updates the byte-level state once `buf` has grown by its last byte.
    fn byte_done(&mut self, buf: &[u8]) {
        let n = buf.len();
        let Some(&c) = buf.last() else { return };
        if self.match_len > 0 && self.match_ptr + 1 < n && buf[self.match_ptr] == c {
            self.match_len += 1;
            self.match_ptr += 1;
        } else {
            self.match_len = 0;
        }
        if n >= MATCH_MIN {
            let h = (buf[n - MATCH_MIN..].iter().fold(0u32, |h, &b| fnv(h, b)) >> 16) as usize;
            if self.match_len == 0 {
                let cand = self.match_hash[h] as usize;
                if cand > 0 && cand < n {
                    let mut k = 0;
                    while k < 32 && cand > k && buf[cand - 1 - k] == buf[n - 1 - k] {
                        k += 1;
                    }
                    if k >= MATCH_MIN {
                        self.match_len = k;
                        self.match_ptr = cand;
                    }
                }
            }
            self.match_hash[h] = n as u32;
        }
        self.word = if c.is_ascii_alphabetic() || c >= 128 {
            fnv(self.word, c)
        } else {
            0
        };
        if c == b'\n' {
            self.line_pos = 0;
            self.line_first = 0;
            if n - 1 > self.cur_line {
                self.prev_line = (self.cur_line, n - 1);
            }
            self.cur_line = n;
            self.still = 1;
        } else {
            if self.line_pos == 0 {
                self.line_first = c;
            }
            self.line_pos += 1;
            let pos = n - 1 - self.cur_line;
            let (ps, pe) = self.prev_line;
            if ps + pos >= pe || buf[ps + pos] != c {
                self.still = 0;
            }
        }
        self.contexts(buf);
    }
}

/// The arithmetic decoder (32-bit, 12-bit probabilities of a 1).
struct Decoder<'a> {
    data: &'a [u8],
    pos: usize,
    x1: u32,
    x2: u32,
    x: u32,
}

impl Decoder<'_> {
    fn new(data: &[u8]) -> Decoder<'_> {
        let mut d = Decoder {
            data,
            pos: 0,
            x1: 0,
            x2: u32::MAX,
            x: 0,
        };
        for _ in 0..4 {
            d.x = (d.x << 8) | d.next() as u32;
        }
        d
    }

    #[inline(always)]
    fn next(&mut self) -> u8 {
        let b = self.data.get(self.pos).copied().unwrap_or(0);
        self.pos += 1;
        b
    }

    #[inline(always)]
    fn bit(&mut self, p: i32) -> u32 {
        let xmid = self.x1 + ((self.x2 - self.x1) >> 12) * p as u32;
        let bit = (self.x <= xmid) as u32;
        if bit == 1 {
            self.x2 = xmid;
        } else {
            self.x1 = xmid + 1;
        }
        while (self.x1 ^ self.x2) & 0xFF00_0000 == 0 {
            self.x1 <<= 8;
            self.x2 = (self.x2 << 8) | 255;
            self.x = (self.x << 8) | self.next() as u32;
        }
        bit
    }
}

/// A section being decoded: [`Stream::step`] decodes some bytes at a time, so that a page
/// can spread the work over idle moments.
pub(super) struct Stream {
    m: Box<Model>,
    dec: Decoder<'static>,
    out: Vec<u8>,
    size: usize,
    st: [i32; INPUTS],
}

impl Stream {
    /// A decoder of `size` bytes from `packed`.
    pub(super) fn new(packed: &'static [u8], size: usize) -> Stream {
        let mut st = [0i32; INPUTS];
        st[HASHED + 1] = 256;
        Stream {
            m: Box::new(Model::new()),
            dec: Decoder::new(packed),
            out: Vec::with_capacity(size),
            size,
            st,
        }
    }

    /// Decodes up to `max` more bytes; `true` when the section is complete. Damaged input
    /// gives wrong bytes, never a panic.
    pub(super) fn step(&mut self, max: usize) -> bool {
        let end = self.size.min(self.out.len().saturating_add(max));
        while self.out.len() < end {
            let expected = if self.m.match_len > 0 {
                self.out.get(self.m.match_ptr).copied()
            } else {
                None
            };
            let mut node = 1usize;
            self.m.select_slots(0);
            for j in (0..8).rev() {
                if j == 3 {
                    self.m.select_slots(16 | (node as u32 & 15));
                }
                let nib_node = if j >= 4 {
                    node
                } else {
                    (1 << (3 - j)) | (node & ((1 << (3 - j)) - 1))
                };
                for (s, &slot) in self.st.iter_mut().zip(&self.m.slots) {
                    let e = self.m.tables[(slot + nib_node) & (TABLE_LEN - 1)];
                    *s = self.m.stretch[(e >> 4) as usize & 4095] as i32;
                }
                self.st[HASHED] =
                    self.m.stretch[(self.m.order0[node & 255] >> 20) as usize & 4095] as i32;
                let mut midx = usize::MAX;
                self.st[HASHED + 2] = 0;
                if let Some(pb) = expected {
                    if ((pb as usize | 256) >> (j + 1)) == node {
                        midx = self.m.match_len.min(31) * 2 + ((pb >> j) & 1) as usize;
                        self.st[HASHED + 2] = self.m.stretch
                            [(self.m.match_sm[midx & 63] >> 20) as usize & 4095]
                            as i32;
                    }
                }
                let w = &mut self.m.weights[node & 255];
                let mut dot: i64 = 0;
                for (&w, &x) in w.iter().zip(&self.st) {
                    dot += w as i64 * x as i64;
                }
                let p = squash((dot >> 16).clamp(-2047, 2047) as i32).clamp(1, 4095);
                let bit = self.dec.bit(p);
                let err = ((bit as i32) << 12) - p;
                for (w, &x) in w.iter_mut().zip(&self.st) {
                    *w = (*w + ((x * err) >> 11)).clamp(-(1 << 22), 1 << 22);
                }
                for i in 0..HASHED {
                    let k = (self.m.slots[i] + nib_node) & (TABLE_LEN - 1);
                    self.m.tables[k] = adapt16(self.m.tables[k], bit, &self.m.recip);
                }
                self.m.order0[node & 255] =
                    adapt32(self.m.order0[node & 255], bit, 127, &self.m.recip);
                if midx != usize::MAX {
                    self.m.match_sm[midx & 63] =
                        adapt32(self.m.match_sm[midx & 63], bit, 255, &self.m.recip);
                }
                node = node * 2 + bit as usize;
            }
            self.out.push((node & 255) as u8);
            self.m.byte_done(&self.out);
        }
        self.out.len() >= self.size
    }

    /// How many bytes are decoded.
    pub(super) fn len(&self) -> usize {
        self.out.len()
    }

    /// The decoded bytes.
    pub(super) fn finish(self) -> Vec<u8> {
        self.out
    }
}
