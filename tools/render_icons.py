"""Render the program icon resources/icons/planmonitor.svg to the PNG sizes a Linux desktop uses
(hicolor theme) and to planmonitor.ico for Windows (the .exe and the installer).

    uv run python tools/render_icons.py

Re-run after editing the SVG and commit the results. The .ico holds 16–48 px as 32-bit bitmaps
(read by every Windows version and by NSIS) and 256 px as PNG.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 256)


def render(svg: QSvgRenderer, size: int) -> QImage:
    """The icon at ``size``×``size`` pixels, premultiplied ARGB on transparent."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    svg.render(painter)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def dib_bytes(image: QImage) -> bytes:
    """A 32-bit BMP body for an .ico entry: header, bottom-up BGRA rows, 1-bit AND mask."""
    size = image.width()
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    argb = image.convertToFormat(QImage.Format.Format_ARGB32)  # BGRA in memory (little-endian)
    rows = [bytes(argb.constScanLine(y))[: size * 4] for y in reversed(range(size))]
    mask_row = ((size + 31) // 32) * 4
    return header + b"".join(rows) + bytes(mask_row * size)


def ico_bytes(images: list[QImage]) -> bytes:
    """A Windows .ico holding ``images`` (PNG-compressed at 256 px, bitmaps below)."""
    bodies = [png_bytes(im) if im.width() >= 256 else dib_bytes(im) for im in images]
    out = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    for image, body in zip(images, bodies, strict=True):
        side = image.width() % 256  # 0 means 256
        out += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(body), offset)
        offset += len(body)
    return out + b"".join(bodies)


def main() -> int:
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    svg = QSvgRenderer(str(ICONS / "planmonitor.svg"))
    if not svg.isValid():
        print(f"cannot read {ICONS / 'planmonitor.svg'}", file=sys.stderr)
        return 1
    for size in PNG_SIZES:
        path = ICONS / f"planmonitor-{size}.png"
        render(svg, size).save(str(path), "PNG")
        print(f"wrote {path.relative_to(ICONS.parents[1])}")
    ico = ICONS / "planmonitor.ico"
    ico.write_bytes(ico_bytes([render(svg, size) for size in ICO_SIZES]))
    print(f"wrote {ico.relative_to(ICONS.parents[1])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
