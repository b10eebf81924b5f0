"""What an ELF shared library or program asks of the dynamic linker: its DT_NEEDED libraries and
the symbol versions it needs from each (GLIBC_2.28 …), read from the file itself.

Used by the PyInstaller spec (which bundled libraries are still needed) and by the .deb builder
(which system libraries the package depends on, and the oldest glibc it runs on). Plain Python, no
binutils: CI machines need not have objdump.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass, field
from pathlib import Path

ELF_MAGIC = b"\x7fELF"
PT_LOAD, PT_DYNAMIC = 1, 2
DT_NULL, DT_NEEDED, DT_STRTAB, DT_STRSZ = 0, 1, 5, 10
DT_VERNEED, DT_VERNEEDNUM = 0x6FFFFFFE, 0x6FFFFFFF


class NotElf(ValueError):
    """The file is not a 64-bit little-endian ELF file."""


@dataclass
class ElfDeps:
    """``needed``: DT_NEEDED sonames in order; ``versions``: soname → symbol versions needed."""

    needed: list[str] = field(default_factory=list)
    versions: dict[str, set[str]] = field(default_factory=dict)


def is_elf(path: Path) -> bool:
    """True when ``path`` is a regular file starting with the ELF magic."""
    try:
        with path.open("rb") as fh:
            return fh.read(4) == ELF_MAGIC
    except OSError:
        return False


def read_deps(path: Path) -> ElfDeps:
    """The dynamic dependencies of the ELF file ``path`` (NotElf if it is not one)."""
    data = path.read_bytes()
    if data[:4] != ELF_MAGIC or data[4] != 2 or data[5] != 1:
        raise NotElf(f"{path}: not a 64-bit little-endian ELF file")
    phoff, phentsize, phnum = (
        struct.unpack_from("<Q", data, 0x20)[0],
        *struct.unpack_from("<HH", data, 0x36),
    )
    loads: list[tuple[int, int, int]] = []  # (vaddr, offset, filesz)
    dynamic: tuple[int, int] | None = None
    for i in range(phnum):
        p_type, _flags, p_offset, p_vaddr, _paddr, p_filesz = struct.unpack_from(
            "<IIQQQQ", data, phoff + i * phentsize
        )
        if p_type == PT_LOAD:
            loads.append((p_vaddr, p_offset, p_filesz))
        elif p_type == PT_DYNAMIC:
            dynamic = (p_offset, p_filesz)
    if dynamic is None:
        return ElfDeps()  # statically linked

    def offset(vaddr: int) -> int:
        for start, off, size in loads:
            if start <= vaddr < start + size:
                return vaddr - start + off
        raise NotElf(f"{path}: address {vaddr:#x} outside the loaded segments")

    tags: dict[int, list[int]] = {}
    pos, end = dynamic[0], dynamic[0] + dynamic[1]
    while pos + 16 <= end:
        tag, val = struct.unpack_from("<qQ", data, pos)
        pos += 16
        if tag == DT_NULL:
            break
        tags.setdefault(tag, []).append(val)
    strtab = offset(tags[DT_STRTAB][0])

    def string(index: int) -> str:
        stop = data.index(b"\0", strtab + index)
        return data[strtab + index : stop].decode("utf-8", "replace")

    deps = ElfDeps(needed=[string(v) for v in tags.get(DT_NEEDED, [])])
    if DT_VERNEED in tags:
        entry = offset(tags[DT_VERNEED][0])
        for _ in range(tags.get(DT_VERNEEDNUM, [0])[0]):
            _version, count, file_name, aux, following = struct.unpack_from("<HHIII", data, entry)
            names = deps.versions.setdefault(string(file_name), set())
            aux_pos = entry + aux
            for _ in range(count):
                _hash, _flags, _other, name, aux_next = struct.unpack_from("<IHHII", data, aux_pos)
                names.add(string(name))
                aux_pos += aux_next
            if not following:
                break
            entry += following
    return deps


def version_key(version: str) -> tuple[int, ...]:
    """GLIBC_2.28 → (2, 28); names without numbers sort first."""
    return tuple(int(n) for n in re.findall(r"\d+", version))


def newest_version(deps: list[ElfDeps], soname: str, prefix: str) -> str | None:
    """The highest ``prefix`` version (e.g. "GLIBC_") any of ``deps`` needs from ``soname``."""
    found = [
        v
        for d in deps
        for name, versions in d.versions.items()
        if name == soname
        for v in versions
        if v.startswith(prefix)
    ]
    return max(found, key=version_key) if found else None
