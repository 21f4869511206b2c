"""The CJK fonts of the PDFs, from ``resources/fonts`` (TrueType outlines; reportlab embeds only those, and
subsets them on embedding, so a form carries just the glyphs it uses; the PDF never relies on the fonts of
the reader's machine):

- WenQuanYi Micro Hei (Apache-2.0), the font of every form, loaded once per process (about 0.1 s for the
  5 MB collection). The same file is registered with Qt for the GUI (:mod:`desktop.ui.fonts`);
- AR PL UKai CN (Arphic Public License), a Kai (楷体) face for the holder's name and the award lines of the
  获奖证书. Optional: without the file (a trimmed install) or for a text it lacks a glyph of (a rare
  character of a name: it covers GB2312 and part of GBK), :func:`kai_for` answers the WenQuanYi font.
"""

from __future__ import annotations

import threading
from functools import cache
from importlib import resources

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_FILE = "wqy-microhei.ttc"
FONT = "WQYMicroHei"
KAI_FILE = "ukai-gb2312.ttf"
KAI = "ARPLUKaiCN"
_lock = threading.Lock()


def register() -> str:
    """Register the font with reportlab (once per process); return its name for ``setFont``."""
    with _lock:
        if FONT not in pdfmetrics.getRegisteredFontNames():
            path = resources.files("resources.fonts").joinpath(FONT_FILE)
            with resources.as_file(path) as file:
                pdfmetrics.registerFont(TTFont(FONT, str(file), subfontIndex=0))
    return FONT


@cache
def _kai_glyphs(file_name: str) -> frozenset[int] | None:
    """Register the Kai face (once per process); the code points it has glyphs for, None when it cannot be
    loaded (missing, or not a font)."""
    try:
        path = resources.files("resources.fonts").joinpath(file_name)
        if not path.is_file():
            return None
        with resources.as_file(path) as file:
            font = TTFont(KAI, str(file))
    except Exception:  # noqa: BLE001 - a damaged font file (reportlab's TTFError, OSError…): print in the main font
        return None
    with _lock:
        if KAI not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(font)
    return frozenset(font.face.charToGlyph)


def kai_available() -> bool:
    return _kai_glyphs(KAI_FILE) is not None


def kai_for(text: str) -> str:
    """The font for ``text`` in Kai style: the Kai face when it is installed and has every character of
    ``text`` (white space aside), else the main font — a line is never printed half in one face."""
    glyphs = _kai_glyphs(KAI_FILE)
    if glyphs is not None and all(ord(char) in glyphs for char in text if not char.isspace()):
        return KAI
    return register()
