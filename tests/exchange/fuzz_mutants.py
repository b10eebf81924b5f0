"""Structured mutants of the fixture workbooks — the shapes probing found dangerous — run in one
child process under a memory cap, each with a 10-second alarm:

- cell-reference lies: a cell of the .xlsx claims another (often huge) reference;
- .xls stream corruption: a 32-bit sector pointer or size in the compound document's header,
  allocation tables or directory set to another value;
- repeated rows: a data row of the .xlsx repeated hundreds of times, or an .ods row's repeat
  count raised;
- merged header ranges: merges laid over the header rows of the .xlsx and .ods.

``python tests/exchange/fuzz_mutants.py SEED COUNT`` prints one JSON line: mutants tried, the
crashes (anything but a preview or a one-line refusal), hangs, and the largest memory seen
(``ru_maxrss`` of the child and of the .xls readers' own children). tests/exchange/
test_fuzz_import.py runs a few dozen with a fixed seed; the nightly command (README) many more
with a random one.
"""

from __future__ import annotations

import io
import json
import random
import re
import resource
import signal
import struct
import sys
import tempfile
import time
import zipfile
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
MEMORY_CAP = 2048 * 2**20  # address space of the child, bytes
HANG_SECONDS = 10


class Hang(Exception):
    """The alarm rang: one mutant took longer than HANG_SECONDS."""


def _rezip(data: bytes, part: str, change: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in src.infolist():
            body = change if info.filename == part else src.read(info)
            kind = zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED
            zf.writestr(info.filename, body, kind)
    return out.getvalue()


def _ref(rng: random.Random) -> str:
    letters = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(rng.randint(1, 4)))
    row = rng.choice([1, 2, 14, 15, 1048576, 10**7, 10**9, rng.randint(1, 10**6)])
    return f"{letters}{row}"


def cell_reference_lie(rng: random.Random) -> tuple[str, bytes]:
    data = (FIXTURES / "merged-headers.xlsx").read_bytes()
    sheet = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml")
    refs = list(re.finditer(rb'<c r="([A-Z]+\d+)"', sheet))
    for _ in range(rng.randint(1, 3)):
        m = rng.choice(refs)
        sheet = sheet[: m.start(1)] + _ref(rng).encode() + sheet[m.end(1) :]
        refs = list(re.finditer(rb'<c r="([A-Z]+\d+)"', sheet))
    if rng.random() < 0.3:
        sheet = re.sub(
            rb'<dimension ref="[^"]*"/>', f'<dimension ref="A1:{_ref(rng)}"/>'.encode(), sheet
        )
    return "lie.xlsx", _rezip(data, "xl/worksheets/sheet1.xml", sheet)


def xls_stream_corruption(rng: random.Random) -> tuple[str, bytes]:
    name = rng.choice(["merged-headers.xls", "wps-quirks.xls", "template-filled-lo.xls"])
    data = bytearray((FIXTURES / name).read_bytes())
    sector = 1 << struct.unpack_from("<H", data, 30)[0]
    tables = [struct.unpack_from("<i", data, 76 + 4 * i)[0] for i in range(109)]
    places = [44, 48, 52, 56, 60, 64, 68, 72]  # header: counts, first sectors, sizes
    for sat in [t for t in tables if t >= 0] + [struct.unpack_from("<i", data, 60)[0]]:
        base = 512 + sat * sector
        places += list(range(base, min(base + sector, len(data) - 4), 4))
    directory = 512 + struct.unpack_from("<i", data, 48)[0] * sector
    for entry in range(directory, min(directory + sector, len(data) - 128), 128):
        places += [entry + 116, entry + 120]  # first sector, stream size
    for _ in range(rng.randint(1, 2)):
        at = rng.choice([p for p in places if p + 4 <= len(data)])
        value = rng.choice([-1, -2, 0, 1, 5, 2**31 - 1, rng.randint(0, 80), rng.randint(0, 2**20)])
        struct.pack_into("<i", data, at, value)
    return f"corrupt-{name}", bytes(data)


def repeated_rows(rng: random.Random) -> tuple[str, bytes]:
    if rng.random() < 0.5:
        data = (FIXTURES / "merged-headers.xlsx").read_bytes()
        sheet = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml")
        rows = re.findall(rb"<row [^>]*>.*?</row>", sheet)
        chosen = rng.choice(rows[4:] or rows)
        copies = chosen * rng.randint(50, 1500)
        sheet = sheet.replace(chosen, chosen + copies, 1)
        return "repeated.xlsx", _rezip(data, "xl/worksheets/sheet1.xml", sheet)
    data = (FIXTURES / "merged-headers.ods").read_bytes()
    content = zipfile.ZipFile(io.BytesIO(data)).read("content.xml")
    rows = list(re.finditer(rb"<table:table-row[ >]", content))
    m = rng.choice(rows)
    repeat = rng.choice([2, 50, 3000, 10**6, 10**9])
    tag = b'<table:table-row table:number-rows-repeated="%d" ' % repeat
    content = content[: m.start()] + tag + content[m.start() + len(b"<table:table-row ") :]
    if rng.random() < 0.5:  # and a hidden row right after a run of repeats
        content = content.replace(
            b"<table:table-row ", b'<table:table-row table:visibility="collapse" ', 1
        )
    return "repeated.ods", _rezip(data, "content.xml", content)


def merged_headers(rng: random.Random) -> tuple[str, bytes]:
    if rng.random() < 0.6:
        data = (FIXTURES / "merged-headers.xlsx").read_bytes()
        sheet = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml")
        merges = []
        for _ in range(rng.randint(1, 3)):
            r0 = rng.randint(1, 6)
            c0, c1 = sorted(rng.sample("ABCDEFGH", 2))
            r1 = r0 + rng.choice([0, 0, 1, 2])
            merges.append(f'<mergeCell ref="{c0}{r0}:{c1}{r1}"/>')
        block = f'<mergeCells count="{len(merges)}">{"".join(merges)}</mergeCells>'.encode()
        sheet = re.sub(rb"<mergeCells.*?</mergeCells>", b"", sheet)
        sheet = sheet.replace(b"</sheetData>", b"</sheetData>" + block, 1)
        return "merged.xlsx", _rezip(data, "xl/worksheets/sheet1.xml", sheet)
    data = (FIXTURES / "merged-headers.ods").read_bytes()
    content = zipfile.ZipFile(io.BytesIO(data)).read("content.xml")
    cells = list(re.finditer(rb"<table:table-cell ", content))[:40]
    m = rng.choice(cells)
    span = (
        b'<table:table-cell table:number-columns-spanned="%d" table:number-rows-spanned="%d" '
        % (
            rng.randint(1, 9),
            rng.randint(1, 3),
        )
    )
    content = content[: m.start()] + span + content[m.end() :]
    return "merged.ods", _rezip(data, "content.xml", content)


KINDS = (cell_reference_lie, xls_stream_corruption, repeated_rows, merged_headers)


def _alarm(_signum: int, _frame: object) -> None:
    raise Hang


def run(seed: int, count: int) -> dict[str, object]:
    """Preview ``count`` mutants made from ``seed``; what happened."""
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))
    from planmonitor.exchange.sheets.limits import Limits
    from planmonitor.services.errors import UserError
    from planmonitor.services.importing import ImportService
    from planmonitor.services.plans import PlanService, plan_source
    from planmonitor.store.database import open_database

    folder = Path(tempfile.mkdtemp(prefix="pm-fuzz-"))
    db = open_database(folder / "fuzz.sqlite")
    PlanService(db).install(plan_source("cangzhou"))
    service = ImportService(db, Limits(max_seconds=5))
    rng = random.Random(seed)
    signal.signal(signal.SIGALRM, _alarm)
    crashes: list[str] = []
    hangs: list[str] = []
    slowest = 0.0
    slow: list[str] = []
    for i in range(count):
        kind = KINDS[i % len(KINDS)]
        name, data = kind(rng)
        path = folder / name
        path.write_bytes(data)
        started = time.monotonic()
        signal.alarm(HANG_SECONDS)
        try:
            service.preview(path, "cangzhou")
        except UserError as exc:
            if "\n" in str(exc) or (path.name not in str(exc) and "规划" not in str(exc)):
                crashes.append(f"{kind.__name__} #{i}: refusal not one line naming the file: {exc}")
        except Hang:
            hangs.append(f"{kind.__name__} #{i}")
        except BaseException as exc:  # a crash is what this run looks for
            crashes.append(f"{kind.__name__} #{i}: {type(exc).__name__}: {exc}"[:300])
        finally:
            signal.alarm(0)
        took = time.monotonic() - started
        slowest = max(slowest, took)
        if took > 2:
            slow.append(f"{kind.__name__} #{i}: {took:.1f} s")
    db.close()
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {
        "seed": seed,
        "tried": count,
        "crashes": crashes,
        "hangs": hangs,
        "slowest_seconds": round(slowest, 2),
        "slow": slow,
        "max_memory_mb": round(max(own, children) / 1024),
    }


if __name__ == "__main__":
    print(json.dumps(run(int(sys.argv[1]), int(sys.argv[2])), ensure_ascii=False))
