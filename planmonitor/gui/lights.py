"""The traffic light in the GUI: colour, symbol and word together, never the colour alone."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

from planmonitor.domain.formatting import LIGHT_COLOURS, Light, light_symbol

_WORDS = {
    Light.GREEN: QT_TRANSLATE_NOOP("Light", "On schedule"),
    Light.YELLOW: QT_TRANSLATE_NOOP("Light", "Slightly behind"),
    Light.RED: QT_TRANSLATE_NOOP("Light", "Behind"),
    Light.GREY: QT_TRANSLATE_NOOP("Light", "Not assessable"),
    Light.MET: QT_TRANSLATE_NOOP("Light", "Met"),
    Light.NOT_MET: QT_TRANSLATE_NOOP("Light", "Not met"),
}
ORDER = [Light.RED, Light.YELLOW, Light.GREEN, Light.GREY, Light.NOT_MET, Light.MET]


def light_word(light: Light) -> str:
    """The light's word in the interface language (达到序时进度 / On schedule …)."""
    return QCoreApplication.translate("Light", str(_WORDS[light]))


def light_label(light: Light) -> str:
    """Symbol and word: "▲ 略滞后"."""
    return f"{light_symbol(light)} {light_word(light)}"


def light_colour(light: Light) -> QColor:
    """The light's colour."""
    return QColor(LIGHT_COLOURS[light])


def light_text_colour(light: Light) -> QColor:
    """A colour for the light's word that stays readable on white (amber for yellow)."""
    return QColor("#a86400") if light is Light.YELLOW else light_colour(light)


def light_background(light: Light) -> QColor:
    """A pale tint of the light's colour for cell backgrounds (text stays readable)."""
    c = light_colour(light)
    return QColor.fromRgbF(
        1 - (1 - c.redF()) * 0.22, 1 - (1 - c.greenF()) * 0.22, 1 - (1 - c.blueF()) * 0.22
    )
