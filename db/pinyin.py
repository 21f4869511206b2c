"""Pinyin of personal names, kept in columns so that ``zs`` finds 张三 through an index.

pypinyin reads a character by its most common reading, which is wrong for many surnames (单 is Shàn,
曾 is Zēng, 解 is Xiè as a surname), so the surname is read from our own table first.
"""

from __future__ import annotations

from functools import lru_cache

# Surnames whose reading differs from the character's most common one; compound surnames first.
SURNAME_READINGS: dict[str, tuple[str, ...]] = {
    "尉迟": ("yu", "chi"), "万俟": ("mo", "qi"), "单于": ("chan", "yu"),
    "单": ("shan",), "曾": ("zeng",), "解": ("xie",), "仇": ("qiu",), "区": ("ou",), "查": ("zha",),
    "朴": ("piao",), "盖": ("ge",), "华": ("hua",), "任": ("ren",), "员": ("yun",), "乐": ("yue",),
    "缪": ("miao",), "覃": ("qin",), "翟": ("zhai",), "种": ("chong",), "秘": ("bi",), "折": ("she",),
    "召": ("shao",), "长孙": ("zhang", "sun"), "重": ("chong",), "宓": ("fu",), "隗": ("wei",),
    "繁": ("po",), "沈": ("shen",), "石": ("shi",), "柏": ("bai",), "贾": ("jia",),
    "黑": ("he",), "阚": ("kan",), "莘": ("shen",), "句": ("gou",), "纪": ("ji",), "过": ("guo",),
}


@lru_cache(maxsize=262_144)
def name_syllables(name: str) -> tuple[str, ...]:
    """The toneless pinyin syllables of a Chinese name; non-Chinese parts stay as lower-case words."""
    # imported on first use: loading pypinyin's dictionaries takes a quarter second at start-up
    from pypinyin import Style, lazy_pinyin

    name = name.strip()
    for length in (2, 1):
        surname = name[:length]
        if len(name) > length and surname in SURNAME_READINGS:
            rest = lazy_pinyin(name[length:], style=Style.NORMAL, errors="default")
            return SURNAME_READINGS[surname] + tuple(_clean(rest))
    return tuple(_clean(lazy_pinyin(name, style=Style.NORMAL, errors="default")))


def warm_up() -> None:
    """Load pypinyin's dictionaries now (a quarter of a second to over a second on an office PC), so that
    the first name read later — the clerk's first saved member — does not wait for them. Thread-safe."""
    from pypinyin import Style, lazy_pinyin

    lazy_pinyin("张三", style=Style.NORMAL, errors="default")


def _clean(syllables: list[str]) -> list[str]:
    return [s.lower().replace(" ", "") for s in syllables if s.strip()]


def name_pinyin(name: str) -> str:
    """``张三`` → ``zhangsan``."""
    return "".join(name_syllables(name))


def name_initials(name: str) -> str:
    """``张三`` → ``zs``; a Latin word contributes its first letter."""
    return "".join(s[0] for s in name_syllables(name) if s)


def pinyin_columns(name: str) -> tuple[str, str]:
    """(full pinyin, initials) for the search columns of a row."""
    syllables = name_syllables(name)
    return "".join(syllables), "".join(s[0] for s in syllables if s)


# Place names (a warm station's 名称) are read as phrases, not as personal names: 解放路 is Jiěfàng Lù, not the
# surname Xiè. A character with several readings is read every way (朝阳门 is Cháoyángmén to a Beijinger, while
# the phrase dictionary reads 朝阳 as zhāoyáng), so a clerk finds the place by whichever reading she types.
MAX_PLACE_READINGS = 8
PLACE_INITIALS_LENGTH = 255  # the column's size: further readings are dropped


def place_initials(text: str) -> str:
    """The pinyin initials of a place or station name, one word per reading, the likeliest first:
    ``朝阳门驿站`` → ``zymyz cymyz``; digits and Latin letters stay (a Latin word gives its first letter),
    punctuation is dropped. ``""`` for an empty name."""
    from itertools import islice, product

    from pypinyin import Style, lazy_pinyin, pinyin

    text = (text or "").strip()
    if not text:
        return ""
    likeliest = "".join(_initial(s) for s in lazy_pinyin(text, style=Style.NORMAL, errors="default"))
    letters = [[i for i in dict.fromkeys(_initial(r) for r in readings) if i] or [""]
               for readings in pinyin(text, style=Style.FIRST_LETTER, heteronym=True, errors="default")]
    readings = dict.fromkeys([likeliest, *("".join(p) for p in islice(product(*letters), MAX_PLACE_READINGS))])
    words: list[str] = []
    for word in readings:
        if word and len(" ".join([*words, word])) <= PLACE_INITIALS_LENGTH and len(words) < MAX_PLACE_READINGS:
            words.append(word)
    return " ".join(words)


def _initial(syllable: str) -> str:
    """The first letter or digit of a syllable (or Latin word), lower-case; "" for punctuation."""
    first = syllable.strip()[:1].lower()
    return first if first.isascii() and first.isalnum() else ""
