"""The CJK font of every PDF: WenQuanYi Micro Hei from ``resources/fonts`` (TrueType outlines, Apache-2.0).

reportlab embeds only TrueType-outline fonts, and subsets them on embedding, so a form carries just the
glyphs it uses. The font is loaded once per process (about 0.1 s for the 5 MB collection); the PDF never
relies on the fonts of the reader's machine. The same file is registered with Qt for the GUI
(:mod:`desktop.ui.fonts`).
"""

from __future__ import annotations

import threading
from importlib import resources

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_FILE = "wqy-microhei.ttc"
FONT = "WQYMicroHei"
_lock = threading.Lock()


def register() -> str:
    """Register the font with reportlab (once per process); return its name for ``setFont``."""
    with _lock:
        if FONT not in pdfmetrics.getRegisteredFontNames():
            path = resources.files("resources.fonts").joinpath(FONT_FILE)
            with resources.as_file(path) as file:
                pdfmetrics.registerFont(TTFont(FONT, str(file), subfontIndex=0))
    return FONT
