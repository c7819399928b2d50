#!/usr/bin/env python3
"""Regenerates instrada's place registry: src/data/places.txt and src/data/places.bin.

What it builds
    Every Belfiore code of the ANPR archive (Italian comuni, current and suppressed, and
    foreign states, current and ceased) with the periods in which it was valid, the name(s)
    it had and the province it belonged to ("EE" for foreign states). The codice fiscale
    engine (src/cf/places) embeds places.bin and decodes it at first use.

Where the data comes from
    The ANPR archive of comuni and stati esteri (Ministero dell'Interno, ANPR; licence
    CC BY 4.0, https://creativecommons.org/licenses/by/4.0/), as shipped by the PyPI package
    python-codicefiscale in codicefiscale/data/municipalities.json, countries.json and
    deleted-countries.json. The package is fetched with
        python3 -m pip download --no-deps python-codicefiscale==<VERSION>
    into a temporary directory and unzipped there; nothing else of the package is used.

How to run (Python 3.8+, standard library only; pip must be able to reach PyPI)
    python3 scripts/gen_places.py                 # fetch the pinned version, regenerate
    python3 scripts/gen_places.py --version X.Y.Z # another release of python-codicefiscale
    python3 scripts/gen_places.py --from DIR      # use an already unzipped package in DIR
    python3 scripts/gen_places.py --verify        # also decompress in Python and compare
    Compression runs in pure Python (about half a minute; twice that with --verify). Then run
    `cargo test --lib cf::places`: it checks that the Rust decoder gives back places.txt
    byte for byte.

Output
    places.txt  the registry as text (format described in its header): readable, diffable,
                and the exact input of the compressor. Not embedded in the binary.
    places.bin  a short plain-text header (attribution, licence, sizes) followed by the
                three sections of places.txt, each compressed with the context-mixing
                coder below. Embedded.

The coder is a small logistic-mixing context model (in the family of Matt Mahoney's lpaq1)
driving a binary arithmetic coder. Its integer arithmetic is mirrored exactly by
src/cf/places/codec.rs: change one, change the other, and regenerate. It is used instead of
plain text because the wasm must stay small: the text gzips to about 75 KB, the model brings
it to about 56 KB (names 32 KB, periods 22 KB, other-language names 1.5 KB).
"""

import argparse
import datetime
import glob
import json
import os
import subprocess
import sys
import tempfile
import zipfile

PINNED_VERSION = "0.12.1"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT_DIR = os.path.join(HERE, "..", "src", "data")

EPOCH = datetime.date(1861, 1, 1)
DEFAULT_START_COMUNE = datetime.date(1861, 3, 17)  # proclamation of the Kingdom of Italy
DEFAULT_START_STATE = datetime.date(1900, 1, 1)  # the archive's nominal start for states
LETTERS = "ABCDEFGHILMZ"  # first letters a Belfiore code can have


# ---------------------------------------------------------------------------------------
# Reading the archive
# ---------------------------------------------------------------------------------------


def fetch(version, workdir):
    """Downloads the wheel of python-codicefiscale and unzips its data files."""
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet",
         "--dest", workdir, f"python-codicefiscale=={version}"],
        check=True,
    )
    wheels = glob.glob(os.path.join(workdir, "*.whl"))
    if len(wheels) != 1:
        sys.exit(f"expected one wheel in {workdir}, found {wheels}")
    with zipfile.ZipFile(wheels[0]) as z:
        z.extractall(workdir)
    return workdir


def find_data_dir(root):
    for path in glob.glob(os.path.join(root, "**", "municipalities.json"), recursive=True):
        return os.path.dirname(path)
    sys.exit(f"municipalities.json not found under {root}")


def parse_day(text):
    """'1924-11-13T00:00:00' -> date; '' -> None. One record has '1934-01-01:T00:00:00'."""
    text = (text or "").strip()
    if not text:
        return None
    return datetime.date.fromisoformat(text[:10])


def load_records(data_dir):
    """All records as dicts: code, name, alt, province, start, end (inclusive or None)."""
    def read(name):
        with open(os.path.join(data_dir, name), encoding="utf-8") as f:
            return json.load(f)

    records = []
    for r in read("municipalities.json"):
        records.append((r, r.get("name_alt", "")))
    for name in ("countries.json", "deleted-countries.json"):
        for r in read(name):
            # For states the useful second name is the English one.
            records.append((r, r.get("name_alt_en", "")))
    out = []
    for r, alt in records:
        code = r["code"].strip().upper()
        if len(code) != 4 or code[0] not in LETTERS or not code[1:].isdigit() or code[1:] == "000":
            # "ND" (non determinato) marks records without a code: not a place.
            continue
        name = r["name"].strip()
        alt = (alt or "").strip()
        if alt == name:
            alt = ""
        province = (r.get("province") or "").strip().upper()
        if code[0] == "Z":
            province = "EE"
        start = parse_day(r["date_created"])
        end = parse_day(r["date_deleted"])
        for text in (name, alt):
            if any(c in text for c in "|%\n\r\t") or text != text.strip():
                sys.exit(f"{code}: name {text!r} has a character the format reserves")
        if len(province) != 2 or not province.isalpha():
            sys.exit(f"{code}: province {province!r}")
        out.append(dict(code=code, name=name, alt=alt, province=province, start=start, end=end))
    return out


# ---------------------------------------------------------------------------------------
# Building the periods of each code
# ---------------------------------------------------------------------------------------


def default_start(code):
    return DEFAULT_START_STATE if code[0] == "Z" else DEFAULT_START_COMUNE


def build_codes(records):
    """code -> (names, alt, province, periods).

    A period is [start, end or None, name index]; names are listed in order of first use.
    The province is the code's latest one (the archive also records earlier provinces of
    comuni moved to new provinces; they are left out to keep the wasm small).
    """
    by_code = {}
    for r in records:
        by_code.setdefault(r["code"], []).append(r)
    result = {}
    for code, recs in sorted(by_code.items()):
        recs.sort(key=lambda r: (r["start"] or default_start(code), r["end"] or datetime.date.max))
        periods = []
        for r in recs:
            start = r["start"] or default_start(code)
            if periods:
                last = periods[-1]
                if last[1] is None or start <= last[1]:
                    # Overlapping records (D588 has two names on the same days): the later
                    # record wins from its start; the earlier one ends the day before.
                    last[1] = start - datetime.timedelta(days=1)
                    if last[1] < last[0]:
                        periods.pop()
                last = periods[-1] if periods else None
                if (last and last[2] == r["name"] and last[1] is not None
                        and start == last[1] + datetime.timedelta(days=1)):
                    last[1] = r["end"]  # same name, contiguous: one period
                    continue
            periods.append([start, r["end"], r["name"]])
        names = []
        for p in periods:
            if p[2] not in names:
                names.append(p[2])
            p[2] = names.index(p[2])
        alts = [r["alt"] for r in recs if r["alt"]]
        alt = alts[-1] if alts and code[0] != "Z" else ""
        result[code] = (names, alt, recs[-1]["province"], periods)
    return result


# ---------------------------------------------------------------------------------------
# Text format
# ---------------------------------------------------------------------------------------

B36 = "0123456789abcdefghijklmnopqrstuvwxyz"


def b36(n):
    if n < 0:
        raise ValueError(n)
    s = ""
    while True:
        s = B36[n % 36] + s
        n //= 36
        if n == 0:
            return s


def day(d):
    return b36((d - EPOCH).days)


def slots():
    for letter in LETTERS:
        for n in range(1, 1000):
            yield f"{letter}{n:03d}"


HEADER = """\
# instrada place registry: the Belfiore codes of Italian comuni (current and suppressed)
# and foreign states (current and ceased) with the periods in which each was valid.
# Generated by scripts/gen_places.py from python-codicefiscale {version}: do not edit.
# Source: ANPR, archivio dei comuni e degli stati esteri (Ministero dell'Interno), as
# shipped in codicefiscale/data/municipalities.json, countries.json, deleted-countries.json.
# Licence: CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/). Changes: records
# merged per code, the record without a code (ND) dropped, the D588 overlap resolved,
# earlier provinces of moved comuni and English names of states left out, compact format.
#
# Format (lines starting with # are comments and are not embedded). Dates are days since
# 1861-01-01 written in base 36 (0-9a-z).
# %names  one line per possible code, in order A001..A999 B001.. .. Z999 (first letters
#         ABCDEFGHILMZ); empty when the code does not exist; else its names in order of
#         first use, separated by |.
# %alt    one line per existing code: its name in the other official language of a
#         bilingual comune (German, French, Slovene, Ladin), or empty.
# %time   one line per existing code: its latest province (EE for foreign states), then
#         items separated by spaces: "d" a period starts on day d; "d=n" a period starts on
#         day d under name n (0 is the first name); "-d" the running period ends on day d
#         (included). When the first item is not a "d", the first period starts on
#         1861-03-17 (comuni) or 1900-01-01 (states); a period without "-d" lasts until the
#         next one starts, or is still valid if it is the last.
"""


def sections(codes):
    """The three sections of the registry as text (without their % lines)."""
    names, alts, times = [], [], []
    for code in slots():
        if code not in codes:
            names.append("")
            continue
        nm, alt, province, periods = codes[code]
        names.append("|".join(nm))
        alts.append(alt)
        items = [province]
        prev_name = 0
        for i, (start, end, name) in enumerate(periods):
            nxt = periods[i + 1][0] if i + 1 < len(periods) else None
            # The first start may be left out when it is the default date, unless the next
            # item would be another start: then the line could not be read back.
            next_is_start = nxt is not None and (end is None or end + datetime.timedelta(days=1) == nxt)
            if i > 0 or start != default_start(code) or next_is_start:
                if start < EPOCH:
                    sys.exit(f"{code}: {start} is before the epoch")
                items.append(day(start) + (f"={name}" if name != prev_name else ""))
            elif name != 0:
                sys.exit(f"{code}: first period without name 0")
            prev_name = name
            if nxt is not None and end is not None and end >= nxt:
                sys.exit(f"{code}: periods overlap")
            if end is not None and (nxt is None or end + datetime.timedelta(days=1) != nxt):
                items.append("-" + day(end))
        times.append(" ".join(items))
    return [("names", "\n".join(names) + "\n"), ("alt", "\n".join(alts) + "\n"),
            ("time", "\n".join(times) + "\n")]


def read_back(secs):
    """Parses the sections as src/cf/places reads them: code -> (names, alt, province,
    periods). Used to prove that the text says exactly what build_codes() built."""
    text = dict(secs)
    alts = iter(text["alt"].split("\n"))
    times = iter(text["time"].split("\n"))
    out = {}
    for code, line in zip(slots(), text["names"].split("\n")):
        if not line:
            continue
        names = line.split("|")
        alt = next(alts)
        items = next(times).split(" ")
        province, items = items[0], items[1:]
        periods = []
        if not items or items[0].startswith("-"):
            periods.append([default_start(code), None, 0])
        for item in items:
            if item.startswith("-"):
                periods[-1][1] = EPOCH + datetime.timedelta(days=int(item[1:], 36))
                continue
            d, _, n = item.partition("=")
            start = EPOCH + datetime.timedelta(days=int(d, 36))
            if periods and periods[-1][1] is None:
                periods[-1][1] = start - datetime.timedelta(days=1)
            periods.append([start, None, int(n) if n else (periods[-1][2] if periods else 0)])
        out[code] = (names, alt, province, periods)
    return out


def text_file(secs, version, registry_date):
    out = HEADER.format(version=version)
    out += f"@registry-date {registry_date.isoformat()}\n"
    for name, body in secs:
        out += f"%{name}\n{body}"
    return out.encode("utf-8")


# ---------------------------------------------------------------------------------------
# The coder. Mirrored exactly by src/cf/places/codec.rs (same constants, same integer
# arithmetic, same order of operations).
# ---------------------------------------------------------------------------------------

M32 = 0xFFFFFFFF
SLOT_BITS = 13  # 2^13 slots of 16 counters per hashed model
ORDERS = (1, 2, 3, 4, 6)  # byte orders of the hashed context models
HASHED = 8  # the five orders, word, column, previous line
INPUTS = HASHED + 3  # + order 0, bias, match
MATCH_MIN = 5  # bytes that must repeat before the match model predicts

SQUASH_T = [1, 2, 3, 6, 10, 16, 27, 45, 73, 120, 194, 310, 488, 747, 1101, 1546, 2047,
            2549, 2994, 3348, 3607, 3785, 3901, 3975, 4022, 4050, 4068, 4079, 4085, 4089,
            4092, 4093, 4094]


def squash(d):
    """1/(1+e^-d), d scaled by 256, result scaled by 4096."""
    if d > 2047:
        return 4095
    if d < -2047:
        return 1
    w = d & 127
    i = (d >> 7) + 16
    return (SQUASH_T[i] * (128 - w) + SQUASH_T[i + 1] * w + 64) >> 7


def stretch_table():
    t = [2047] * 4096
    pi = 0
    for x in range(-2047, 2048):
        v = squash(x)
        for i in range(pi, v + 1):
            t[i] = x
        pi = max(pi, v + 1)
    return t


STRETCH = stretch_table()
RECIP = [(65536 * 2) // (2 * n + 3) for n in range(256)]


def adapt32(e, bit, limit):
    """A 22-bit probability (high bits) with a 10-bit count, moved toward bit."""
    n = e & 1023
    p = e >> 10
    p += (((1 << 22) - 1 if bit else 0) - p) * RECIP[n & 255] >> 16
    return (p << 10) | (n + 1 if n < limit else n)


class Model:
    """Predicts the bits of a byte stream; `code` drives an encoder or a decoder."""

    def __init__(self):
        self.tables = [0] * ((HASHED << SLOT_BITS) * 16)
        self.slots = [0] * HASHED
        self.order0 = [1 << 31] * 256
        self.weights = [[19661] * INPUTS for _ in range(256)]
        self.match_sm = [1 << 31] * 64
        self.match_hash = [0] * (1 << 16)
        self.buf = bytearray()
        self.match_ptr = 0
        self.match_len = 0
        self.word = 0
        self.line_pos = 0
        self.line_first = 0
        self.cur_line = bytearray()
        self.prev_line = bytearray()
        self.still = 1
        self.ctx = self.contexts()

    def contexts(self):
        buf = self.buf
        ctx = []
        for o in ORDERS:
            x = ((o + 1) * 0x9E3779B1) & M32
            for b in buf[-o:] if o <= len(buf) else buf:
                x = ((x ^ b) * 0x01000193) & M32
            ctx.append(x)
        ctx.append(((self.word * 0x2545F491) & M32) ^ 0x5BD1E995)
        col = ((min(self.line_pos, 24) * 0x2E3A1B7 + self.line_first * 0x7F4A7C15) & M32) ^ 0xA5A5
        ctx.append((col * 0x9E3779B1) & M32)
        pos = len(self.cur_line)
        pc = self.prev_line[pos] if pos < len(self.prev_line) else 0
        ctx.append(((pc * 0x3B9ACA07 + self.still * 0x7FEB352D + min(pos, 12) * 0x846CA68B) & M32)
                   ^ 0x1234567)
        return ctx

    def select_slots(self, nibble):
        t = self.tables
        for i in range(HASHED):
            h = ((self.ctx[i] ^ ((nibble * 0x2F0B3C27) & M32)) * 0x9E3779B1) & M32
            check = (h & 0xFFFF) | 1
            base = ((i << SLOT_BITS) | (h >> (32 - SLOT_BITS))) * 16
            other = base ^ 16
            if t[base] != check:
                if t[other] == check:
                    base = other
                else:
                    if t[other + 1] & 15 < t[base + 1] & 15:
                        base = other
                    t[base] = check
                    for k in range(base + 1, base + 16):
                        t[k] = 2048 << 4
            self.slots[i] = base

    def update_byte(self, c):
        buf = self.buf
        if self.match_len > 0 and buf[self.match_ptr] == c:
            self.match_len += 1
            self.match_ptr += 1
        else:
            self.match_len = 0
        buf.append(c)
        n = len(buf)
        if n >= MATCH_MIN:
            h = 0
            for b in buf[n - MATCH_MIN:]:
                h = ((h ^ b) * 0x01000193) & M32
            h >>= 16
            if self.match_len == 0:
                cand = self.match_hash[h]
                if cand > 0:
                    k = 0
                    while k < 32 and cand > k and buf[cand - 1 - k] == buf[n - 1 - k]:
                        k += 1
                    if k >= MATCH_MIN:
                        self.match_len = k
                        self.match_ptr = cand
            self.match_hash[h] = n
        if 65 <= c <= 90 or 97 <= c <= 122 or c >= 128:
            self.word = ((self.word ^ c) * 0x01000193) & M32
        else:
            self.word = 0
        if c == 10:
            self.line_pos = 0
            self.line_first = 0
            if self.cur_line:
                self.prev_line = self.cur_line
            self.cur_line = bytearray()
            self.still = 1
        else:
            if self.line_pos == 0:
                self.line_first = c
            self.line_pos += 1
            pos = len(self.cur_line)
            if pos >= len(self.prev_line) or self.prev_line[pos] != c:
                self.still = 0
            self.cur_line.append(c)
        self.ctx = self.contexts()

    def code(self, coder, c):
        """Codes one byte (c is None when decoding); returns the byte."""
        t, slots = self.tables, self.slots
        expected = self.buf[self.match_ptr] if self.match_len > 0 else None
        node = 1
        self.select_slots(0)
        st = [0] * INPUTS
        st[HASHED + 1] = 256
        for j in range(7, -1, -1):
            if j == 3:
                self.select_slots(16 | (node & 15))
            nib = node if j >= 4 else (1 << (3 - j)) | (node & ((1 << (3 - j)) - 1))
            for i in range(HASHED):
                st[i] = STRETCH[t[slots[i] + nib] >> 4]
            st[HASHED] = STRETCH[self.order0[node] >> 20]
            midx = -1
            st[HASHED + 2] = 0
            if expected is not None and ((expected | 256) >> (j + 1)) == node:
                midx = min(self.match_len, 31) * 2 + ((expected >> j) & 1)
                st[HASHED + 2] = STRETCH[self.match_sm[midx] >> 20]
            w = self.weights[node]
            dot = 0
            for i in range(INPUTS):
                dot += w[i] * st[i]
            dot >>= 16
            dot = -2047 if dot < -2047 else (2047 if dot > 2047 else dot)
            p = squash(dot)
            p = 1 if p < 1 else (4095 if p > 4095 else p)
            bit = coder(p, None if c is None else (c >> j) & 1)
            err = (bit << 12) - p
            for i in range(INPUTS):
                v = w[i] + ((st[i] * err) >> 11)
                w[i] = -(1 << 22) if v < -(1 << 22) else ((1 << 22) if v > (1 << 22) else v)
            target = 4095 if bit else 0
            for i in range(HASHED):
                k = slots[i] + nib
                e = t[k]
                n = e & 15
                q = e >> 4
                q += ((target - q) * RECIP[n]) >> 16
                t[k] = (q << 4) | (n + 1 if n < 15 else n)
            self.order0[node] = adapt32(self.order0[node], bit, 127)
            if midx >= 0:
                self.match_sm[midx] = adapt32(self.match_sm[midx], bit, 255)
            node = node * 2 + bit
        byte = node & 255
        self.update_byte(byte)
        return byte


class Encoder:
    def __init__(self):
        self.x1, self.x2, self.out = 0, M32, bytearray()

    def __call__(self, p, bit):
        xmid = self.x1 + ((self.x2 - self.x1) >> 12) * p
        if bit:
            self.x2 = xmid
        else:
            self.x1 = xmid + 1
        while ((self.x1 ^ self.x2) & 0xFF000000) == 0:
            self.out.append(self.x2 >> 24)
            self.x1 = (self.x1 << 8) & M32
            self.x2 = ((self.x2 << 8) & M32) | 255
        return bit

    def finish(self):
        for k in range(4):
            self.out.append((self.x1 >> (24 - 8 * k)) & 255)
        return bytes(self.out)


class Decoder:
    def __init__(self, data):
        self.data, self.pos = data, 4
        self.x1, self.x2 = 0, M32
        self.x = int.from_bytes(data[:4].ljust(4, b"\0"), "big")

    def __call__(self, p, _):
        xmid = self.x1 + ((self.x2 - self.x1) >> 12) * p
        bit = 1 if self.x <= xmid else 0
        if bit:
            self.x2 = xmid
        else:
            self.x1 = xmid + 1
        while ((self.x1 ^ self.x2) & 0xFF000000) == 0:
            self.x1 = (self.x1 << 8) & M32
            self.x2 = ((self.x2 << 8) & M32) | 255
            b = self.data[self.pos] if self.pos < len(self.data) else 0
            self.pos += 1
            self.x = ((self.x << 8) & M32) | b
        return bit


def compress(data):
    model, enc = Model(), Encoder()
    for c in data:
        model.code(enc, c)
    return enc.finish()


def decompress(packed, size):
    model, dec = Model(), Decoder(packed)
    return bytes(model.code(dec, None) for _ in range(size))


# ---------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------


def bin_file(secs, version, registry_date, verify):
    head = [
        "instrada places 1",
        "Belfiore codes of Italian comuni and foreign states with their periods of validity.",
        "Source: ANPR, archivio dei comuni e degli stati esteri (Ministero dell'Interno),",
        f"via python-codicefiscale {version}. Licence: CC BY 4.0,",
        "https://creativecommons.org/licenses/by/4.0/ . Generated by scripts/gen_places.py;",
        "readable form in src/data/places.txt.",
        f"@registry-date {registry_date.isoformat()}",
    ]
    payload = b""
    for name, body in secs:
        raw = body.encode("utf-8")
        packed = compress(raw)
        if verify and decompress(packed, len(raw)) != raw:
            sys.exit(f"section {name}: decompression differs")
        print(f"  {name}: {len(raw)} bytes -> {len(packed)}", file=sys.stderr)
        head.append(f"@section {name} {len(raw)} {len(packed)}")
        payload += packed
    return ("\n".join(head) + "\n\n").encode("ascii") + payload


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--version", default=PINNED_VERSION, help="python-codicefiscale release")
    ap.add_argument("--from", dest="src", help="directory holding the unzipped package")
    ap.add_argument("--verify", action="store_true", help="decompress again and compare")
    ap.add_argument("--out", default=OUT_DIR, help="output directory (default src/data)")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        root = args.src or fetch(args.version, tmp)
        records = load_records(find_data_dir(root))
    codes = build_codes(records)
    dates = [d for r in records for d in (r["start"], r["end"]) if d]
    registry_date = max(dates)
    secs = sections(codes)
    if read_back(secs) != codes:
        bad = [c for c, v in read_back(secs).items() if codes.get(c) != v][:5]
        sys.exit(f"the text does not read back as built, e.g. {bad}")
    print(f"{len(codes)} codes, {sum(len(c[3]) for c in codes.values())} periods, "
          f"archive up to {registry_date}", file=sys.stderr)
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "places.txt"), "wb") as f:
        f.write(text_file(secs, args.version, registry_date))
    blob = bin_file(secs, args.version, registry_date, args.verify)
    with open(os.path.join(args.out, "places.bin"), "wb") as f:
        f.write(blob)
    print(f"places.bin: {len(blob)} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
