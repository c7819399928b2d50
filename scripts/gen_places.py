#!/usr/bin/env python3
"""Regenerates instrada's place registry: src/data/places.txt.

What it builds
    Every Belfiore code of the ANPR archive (Italian comuni, current and suppressed, and
    foreign states, current and ceased) with the periods in which it was valid, the name(s)
    it had and the province it belonged to ("EE" for foreign states).

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
    Then run `cargo test --lib cf::places` (every code read in place against a plain parse
    of the text, and the codes build.rs records) and `cargo test --test native cf_places`.

Output
    places.txt  the registry as text (format described in its header): readable, diffable,
                the canonical registry and what instrada reads, in place (src/cf/places):
                embedded in native and test builds. The published build ships it as the
                package's file instrada-places.txt, fetched after start-up, written by
                build.rs (build/places.rs) with the %names section front-coded (each name
                after the count of bytes it shares with the previous one; the reader
                expands it back) and a shorter header; scripts/build.sh copies it into pkg/.
                build.rs also derives from it, in Rust, what the module keeps without the
                file: the registry's date and one bit per existing code. Nothing here
                mirrors Rust.
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
# Format (lines starting with # are comments; they ship with the file). Dates are days since
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
# Main
# ---------------------------------------------------------------------------------------


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--version", default=PINNED_VERSION, help="python-codicefiscale release")
    ap.add_argument("--from", dest="src", help="directory holding the unzipped package")
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
    stale = os.path.join(args.out, "places.bin")
    if os.path.exists(stale):
        # The context-mixing file of sessions 1-5: the registry is now read as text.
        os.remove(stale)


if __name__ == "__main__":
    main()
