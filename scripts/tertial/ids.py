"""Public identifiers (see CONTRACT.md): district_id, report_id, slugs. Only [a-z0-9-] ever."""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata

from . import schema
from .errors import TertialError

REPORT_TYPES = schema.enum("report_type")  # VP, T1, T2, VB, in the order of the year (fields.yml)

# The districts (stadsdelsnämnder). `valid_to`/`merged_into` let a reader follow an area across
# the 2020-07-01 merger of Hägersten-Liljeholmen and Älvsjö into Hägersten-Älvsjö.
DISTRICTS: list[dict] = [
    {"name": "Rinkeby-Kista"},
    {"name": "Spånga-Tensta"},
    {"name": "Hässelby-Vällingby"},
    {"name": "Bromma"},
    {"name": "Kungsholmen"},
    {"name": "Norrmalm"},
    {"name": "Östermalm"},
    {"name": "Södermalm"},
    {"name": "Enskede-Årsta-Vantör"},
    {"name": "Skarpnäck"},
    {"name": "Farsta"},
    {"name": "Hägersten-Älvsjö", "valid_from": "2020-07-01"},
    {"name": "Skärholmen"},
    {"name": "Hägersten-Liljeholmen", "valid_to": "2020-06-30", "merged_into": "Hägersten-Älvsjö"},
    {"name": "Älvsjö", "valid_to": "2020-06-30", "merged_into": "Hägersten-Älvsjö"},
]

_SAFE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def slugify(text: str, max_length: int | None = None) -> str:
    """ASCII slug: lower case, å/ä to a, ö to o, anything else non-alphanumeric to '-'."""
    text = text.lower().replace("å", "a").replace("ä", "a").replace("ö", "o")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if max_length and len(slug) > max_length:
        cut = slug[:max_length]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else cut
    return slug


MAX_NAME = 100  # a district's name, in characters (the longest real one has 21)


def district_id(name: str) -> str:
    """'Hägersten-Älvsjö' -> 'hagersten-alvsjo'; 'Norrmalms stadsdelsnämnd' -> 'norrmalm'."""
    if len(name) > MAX_NAME:
        raise TertialError(f"a district name of {len(name)} characters; at most {MAX_NAME}")
    name = re.sub(r"\s*stadsdelsnämnd(en)?\s*$", "", name.strip(), flags=re.IGNORECASE)
    known = {slugify(d["name"]): d["name"] for d in DISTRICTS}
    slug = slugify(name)
    if slug not in known and slug.endswith("s") and slug[:-1] in known:
        slug = slug[:-1]  # genitive: 'Norrmalms' -> 'norrmalm'
    return check_id(slug, "district")


def district_name(district_id_: str) -> str | None:
    for d in DISTRICTS:
        if slugify(d["name"]) == district_id_:
            return d["name"]
    return None


def report_id(district_id_: str, year: int, report_type: str) -> str:
    if report_type not in REPORT_TYPES:
        raise TertialError(f"report type must be one of {', '.join(REPORT_TYPES)}, not {report_type!r}")
    return check_id(f"{district_id_}-{int(year)}-{report_type.lower()}", "report")


def check_id(value: str, kind: str = "identifier") -> str:
    """Every identifier that becomes a path or an address must be [a-z0-9-] only."""
    if not _SAFE_ID.match(value or ""):
        raise TertialError(f"{kind} id {value!r} is not of the form [a-z0-9-]")
    return value


def mandate_start(year: int) -> int:
    """First year of the KF budget mandate a year belongs to (2019-2022, 2023-2026, ...)."""
    return year - ((year - 2015) % 4)


def city_goal_id(year: int, code: str | None, title: str) -> str:
    """Provisional id of a KF goal: mandate + code ('2019-1-1'); the curate stage may override."""
    if code:
        return check_id(f"{mandate_start(year)}-{code.strip('.').replace('.', '-')}", "city goal")
    return check_id(f"{mandate_start(year)}-{slugify(title, 60)}", "city goal")


# --- indicators: one id for the same indicator in every report and district -------------------------

MAX_INDICATOR_ID = 80


def _fold(text: str) -> str:
    return re.sub(r"[\s\u00a0\u202f]+", " ", text).strip()


_INVISIBLE = re.compile(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_DASHES = re.compile(r"[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u00b4": "'", "`": "'", "\u201c": '"',
                         "\u201d": '"', "\u00ab": '"', "\u00bb": '"'})
# 'bygg- och anläggning', 'vård- eller omsorg': a hyphen before a conjunction is part of the name
_CONJUNCTIONS = r"(?:och|eller|samt|respektive|resp|till|som|&)"


@functools.lru_cache(maxsize=16384)  # pure; every report prints the same names again
def indicator_key(name: str) -> str:
    """The key two printings of one indicator share.

    Folded white space, lower case; soft hyphens and zero-width characters gone; every kind of dash a
    hyphen and every kind of quote a straight one; a word broken over two lines ('förskol- lärare')
    joined again, but not a hyphen before a conjunction ('bygg- och anläggning'); one spacing around
    ' - ', '/', ',', brackets ('x(årsarbetare)' = 'x (årsarbetare)') and number ranges ('dag 1 - 14' =
    'dag 1-14'); no bullet in front and no dot, colon or semicolon at the end. Words are never changed.
    """
    text = _INVISIBLE.sub("", name)
    text = _fold(_DASHES.sub("-", text).translate(_QUOTES)).lower()
    text = re.sub(rf"(?<=[^\W\d_])- +(?!{_CONJUNCTIONS}\b)(?=[^\W\d_])", "", text)
    text = re.sub(r"(?<=\d) *- *(?=\d)", "-", text)
    text = re.sub(r"(?<=\S) +-(?=\S)", " - ", text)
    text = re.sub(r" +- +", " - ", text)
    text = re.sub(r" */ *", "/", text)
    text = re.sub(r" *, *", ", ", text)
    text = re.sub(r"(?<=\S) *\( *", " (", text)
    text = re.sub(r" *\)", ")", text)
    text = re.sub(r"\)(?=[^\W_])", ") ", text)
    text = re.sub(r"^[\s\-\u2022\u25cf*\u00b7]+", "", text)
    text = re.sub(r"[ .:;,]+$", "", text)
    return text


# Signs that tell two indicators apart but are not letters or digits: spelled out before the slug is made, so
# that 'Antal barn < 5 år' and 'Antal barn > 5 år' get two ids (antal-barn-under-5-ar, antal-barn-over-5-ar)
# instead of one (antal-barn-5-ar). tertial.curation.indicators.assign refuses any other collision.
_SIGNS = str.maketrans({"<": " under ", ">": " over ", "\u2264": " hogst ", "\u2265": " minst ", "=": " lika med ",
                        "+": " plus "})


@functools.lru_cache(maxsize=16384)
def indicator_slug(name: str) -> str:
    """A stable id from a name alone (never from other names)."""
    full = slugify(indicator_key(name).translate(_SIGNS))
    if len(full) <= MAX_INDICATOR_ID:
        return check_id(full or "indikator", "indicator")
    digest = hashlib.sha256(full.encode("utf-8")).hexdigest()[:6]
    return check_id(f"{slugify(full, MAX_INDICATOR_ID - 7)}-{digest}", "indicator")
