"""What an imported file may cost: size, unpacked size, cells — and the error for files refused.

Every file a colleague sends is treated as hostile until it has passed these checks: a zip bomb,
an XML bomb or a sheet claiming a billion cells is refused within seconds and in bounded memory,
before any reader allocates for it.
"""

from __future__ import annotations

from dataclasses import dataclass

MiB = 1024 * 1024
SHEET_ROWS = 1_048_576  # the most an .xlsx sheet can have (Excel, WPS, LibreOffice)
SHEET_COLUMNS = 16_384  # A…XFD


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds on one imported file.

    Attributes:
        max_file_bytes: the file itself.
        max_member_bytes: one unpacked part of an .xlsx/.ods (a sheet's XML).
        max_unpacked_bytes: all unpacked parts together.
        max_ratio: unpacked / packed size of a part larger than ``ratio_floor_bytes``.
        max_members: parts in the zip container.
        max_cells: rows × columns of one sheet, counted from A1 (what readers allocate).
        max_sheets: sheets in one workbook.
        max_seconds: time for reading a file in the bounded child process (.xls).
    """

    max_file_bytes: int = 64 * MiB
    max_member_bytes: int = 256 * MiB
    max_unpacked_bytes: int = 512 * MiB
    max_ratio: float = 250.0
    ratio_floor_bytes: int = 4 * MiB
    max_members: int = 5000
    max_cells: int = 6_000_000
    max_sheets: int = 255
    max_seconds: float = 10.0


DEFAULT_LIMITS = Limits()


class FileRejected(ValueError):
    """A file that cannot or must not be read; the message names the file and says why."""


def size_text(n: int) -> str:
    """Bytes as people say them: "64 MB", "980 KB"."""
    if n >= MiB:
        return f"{n / MiB:.0f} MB"
    return f"{max(1, round(n / 1024))} KB"
