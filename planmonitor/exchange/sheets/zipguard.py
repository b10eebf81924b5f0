"""Checks on .xlsx/.ods containers before anything parses them: zip bombs and XML bombs.

Every part is unpacked once through :mod:`zipfile` — which stops at the size the directory
declares (itself within the limits) and checks the CRC — so a part that lies about its size, or
unpacks to more than the limits allow, is refused before a reader sees it. XML parts must not
declare a DTD (no spreadsheet does; billion-laughs bombs need one).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from typing import IO

from planmonitor.exchange.sheets.limits import FileRejected, Limits, size_text

CHUNK = 1024 * 1024
_DTD_MARKS = (b"<!DOCTYPE", b"<!ENTITY")
_MANY_MARKS = 10_000  # more "!" than this: look at "<!" only


def _has_dtd(data: bytes) -> bool:
    """True when ``data`` holds <!DOCTYPE or <!ENTITY. Looks at each "!" (rare in XML, and found
    far faster than "<", which starts every tag); where "!" is common, at each "<!" instead."""
    if data.count(b"!") > _MANY_MARKS:
        at = data.find(b"<!")
        while at >= 0:
            if data.startswith(_DTD_MARKS, at):
                return True
            at = data.find(b"<!", at + 2)
        return False
    at = data.find(b"!")
    while at >= 0:
        if at and data.startswith(_DTD_MARKS, at - 1):
            return True
        at = data.find(b"!", at + 1)
    return False


class CheckedZip:
    """A zip container whose directory passed the limits; parts are read through :meth:`read`.

    Attributes:
        names: the part names.
    """

    def __init__(self, name: str, data: bytes, limits: Limits) -> None:
        self.file = name
        self.limits = limits
        try:
            self._zf = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zf.infolist()
        except Exception:  # zipfile raises many types for a broken directory
            raise FileRejected(f"{name}：文件已损坏（压缩包结构不完整），无法读取") from None
        if len(infos) > limits.max_members:
            raise FileRejected(
                f"{name}：压缩包内部件过多（{len(infos)}个），疑为恶意文件，拒绝读取"
            )
        total = 0
        for info in infos:
            self._check_directory_entry(info)
            total += info.file_size
        if total > limits.max_unpacked_bytes:
            raise FileRejected(
                f"{name}：解压后总大小{size_text(total)}超过上限"
                f"{size_text(limits.max_unpacked_bytes)}，拒绝读取"
            )
        self._infos = {i.filename: i for i in infos}
        self.names = list(self._infos)

    def _check_directory_entry(self, info: zipfile.ZipInfo) -> None:
        lim = self.limits
        if info.flag_bits & 0x1:
            raise FileRejected(f"{self.file}：文件已加密（设置了密码），无法读取")
        if info.file_size > lim.max_member_bytes:
            raise FileRejected(
                f"{self.file}：部件 {info.filename} 解压后{size_text(info.file_size)}，"
                f"超过上限{size_text(lim.max_member_bytes)}，拒绝读取"
            )
        if info.file_size > lim.ratio_floor_bytes:
            ratio = info.file_size / max(1, info.compress_size)
            if ratio > lim.max_ratio:
                raise FileRejected(
                    f"{self.file}：部件 {info.filename} 压缩比{ratio:.0f}:1异常（疑为压缩炸弹），"
                    "拒绝读取"
                )

    def read(self, part: str, keep: bool = True) -> bytes:
        """Unpack ``part`` with its size and CRC checked; XML must carry no DTD.

        With ``keep=False`` the part is only verified (in chunks, in bounded memory) and ``b""``
        is returned. A kept part is unpacked in one bounded call: :mod:`zipfile` inflates at
        most the declared size (itself within the limits) and checks the CRC at its end.
        """
        info = self._infos.get(part)
        if info is None:
            raise FileRejected(f"{self.file}：缺少部件 {part}，文件不完整")
        xml = part.lower().endswith((".xml", ".rels", ".vml"))
        try:
            with self._zf.open(info) as fh:
                if keep:
                    data = fh.read(info.file_size)
                    size = len(data)
                    if fh.read(1):  # pragma: no cover - zipfile stops at the declared size
                        raise FileRejected(f"{self.file}：部件 {part} 的大小与目录不符，拒绝读取")
                    if xml and _has_dtd(data):
                        raise self._dtd(part)
                else:
                    data, size = b"", self._verify(fh, part, info.file_size, xml)
        except FileRejected:
            raise
        except Exception as exc:  # BadZipFile, zlib.error, EOFError, ValueError…
            raise FileRejected(
                f"{self.file}：部件 {part} 已损坏，无法解压（{type(exc).__name__}）"
            ) from None
        if size != info.file_size:
            raise FileRejected(f"{self.file}：部件 {part} 不完整（文件被截断），无法读取")
        return data

    def _verify(self, fh: IO[bytes], part: str, declared: int, xml: bool) -> int:
        size = 0
        tail = b""
        while chunk := fh.read(CHUNK):
            size += len(chunk)
            if size > declared:  # pragma: no cover - zipfile stops first
                raise FileRejected(f"{self.file}：部件 {part} 的大小与目录不符，拒绝读取")
            if xml and any(m in tail + chunk for m in _DTD_MARKS):
                raise self._dtd(part)
            tail = chunk[-16:]
        return size

    def _dtd(self, part: str) -> FileRejected:
        return FileRejected(
            f"{self.file}：部件 {part} 含有 DTD/实体声明（XML 炸弹的特征），拒绝读取"
        )

    def verify_all(self, skip: Iterable[str] = ()) -> None:
        """Unpack and check every part except ``skip`` (those are read and checked elsewhere)."""
        skipped = set(skip)
        for part in self.names:
            if part not in skipped and not part.endswith("/"):
                self.read(part, keep=False)

    def close(self) -> None:
        """Release the container."""
        self._zf.close()
