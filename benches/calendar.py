"""add_working_days(date, 20) in Python, for benches/calendar.mjs to compare with instrada.

Same 100,000 start dates as calendar.mjs and calendar_native.rs (a 32-bit LCG over
2020-2029). Measures:
  - workalendar: Italy().add_working_days(day, 20)
  - numpy.busday_offset, one scalar call per date, with a busdaycalendar holding the same
    holiday list as instrada (passed by calendar.mjs with --holidays; workalendar's list
    when run alone), roll='backward' (correct: from a closed day, the next working day is
    day 1) and roll='forward' (numpy's usual choice, one day late from a closed day)
  - numpy.busday_offset over the whole array at once (for reference: not a per-request cost)
Prints one JSON line per measurement: {"impl", "ns_per_call", "checksum"}; the checksum is
the sum of the results as days since 1970-01-01.

Run alone:  pip install -r benches/requirements.txt && python3 benches/calendar.py
"""

import os
import sys

# This file is named calendar.py, like the standard library module that workalendar
# imports: take the script's own folder off the import path first.
_here = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != _here]

import argparse  # noqa: E402
import datetime as dt  # noqa: E402
import json  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402
from workalendar.europe import Italy  # noqa: E402

CALLS = 100_000
SEED = 12345
SPAN_DAYS = 3653  # 2020-01-01 .. 2029-12-31
EPOCH = dt.date(1970, 1, 1)


def start_dates(n):
    first = dt.date(2020, 1, 1)
    x = SEED
    out = []
    for _ in range(n):
        x = (1664525 * x + 1013904223) & 0xFFFFFFFF
        out.append(first + dt.timedelta(days=x % SPAN_DAYS))
    return out


def best_of(runs, fn):
    """Best CPU time of the process per call, in ns (CPU time: other work on a shared
    machine does not count)."""
    best, checksum = float("inf"), 0
    for _ in range(runs):
        t = time.process_time()
        checksum = fn()
        best = min(best, (time.process_time() - t) / CALLS * 1e9)
    return best, checksum


def emit(name, ns, checksum):
    print(json.dumps({"impl": name, "ns_per_call": round(ns, 1), "checksum": int(checksum)}), flush=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--holidays", help="JSON file: list of 'YYYY-MM-DD' national holidays")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()

    dates = start_dates(CALLS)
    italy = Italy()
    if args.holidays:
        with open(args.holidays) as f:
            holidays = json.load(f)
    else:
        holidays = [d.isoformat() for y in range(2019, 2033) for d, _ in italy.holidays(y)]

    # workalendar (one timed run: it is slow).
    italy.add_working_days(dates[0], 20)  # warm its per-year cache
    ns, s = best_of(1, lambda: sum((italy.add_working_days(d, 20) - EPOCH).days for d in dates))
    emit("python workalendar Italy().add_working_days", ns, s)

    cal = np.busdaycalendar(weekmask="1111100", holidays=np.array(holidays, dtype="datetime64[D]"))
    np_dates = [np.datetime64(d, "D") for d in dates]
    base = np.datetime64("1970-01-01", "D")

    for roll in ("backward", "forward"):
        def scalar(roll=roll):
            total = 0
            for d in np_dates:
                total += int((np.busday_offset(d, 20, roll=roll, busdaycal=cal) - base).astype(int))
            return total

        # The timed loop does only the call; the checksum comes from a separate pass.
        def calls_only(roll=roll):
            for d in np_dates:
                np.busday_offset(d, 20, roll=roll, busdaycal=cal)
            return 0

        _, s = best_of(1, scalar)
        ns, _ = best_of(args.runs, calls_only)
        emit(f"numpy busday_offset scalar, roll={roll}", ns, s)

    arr = np.array(dates, dtype="datetime64[D]")
    ns, _ = best_of(args.runs, lambda: np.busday_offset(arr, 20, roll="backward", busdaycal=cal))
    s = int((np.busday_offset(arr, 20, roll="backward", busdaycal=cal) - base).astype(np.int64).sum())
    emit("numpy busday_offset whole array (reference)", ns, s)


if __name__ == "__main__":
    main()
