"""Small value normalisers shared by the annotation and REFI-QDA writers."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from functools import lru_cache
from urllib.parse import urlsplit

_HEX = re.compile(r"#?([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6}|[0-9A-Fa-f]{8})")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_XML_BAD = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@lru_cache(maxsize=4096)
def iso_utc(value: str | None) -> str | None:
    """An ISO 8601 timestamp as ``YYYY-MM-DDTHH:MM:SSZ`` in UTC (naive = UTC); None if unparseable.

    A bare date ("2024-03-05") is taken as midnight UTC of that day.
    """
    if not value or not value.strip():
        return None
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def hex_color(value: str | None) -> str | None:
    """ "#RRGGBB" (upper case) from "#RGB", "#RRGGBB" or "#RRGGBBAA" (alpha dropped); else None."""
    if not value:
        return None
    match = _HEX.fullmatch(value.strip())
    if match is None:
        return None
    digits = match.group(1)
    if len(digits) == 3:
        digits = "".join(ch * 2 for ch in digits)
    return "#" + digits[:6].upper()


def web_url(value: str | None) -> str | None:
    """``value`` if it is an absolute http(s) URL with a host, else None."""
    if not value:
        return None
    text = value.strip()
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() in ("http", "https") and parts.netloc and not any(c.isspace() for c in text):
        return text
    return None


def xml_text(value: str) -> str:
    """``value`` with characters XML 1.0 cannot carry replaced one-for-one by U+FFFD.

    One-for-one keeps code-point offsets valid.
    """
    return _XML_BAD.sub("\ufffd", value)


def utf8_safe(value: str) -> str:
    """``value`` with lone surrogates (not encodable as UTF-8) replaced one-for-one by U+FFFD."""
    return _SURROGATE.sub("\ufffd", value)
