"""What the search index stores for one article, computed without a database.

Rules:
- ONE Kiwi pass per text (title and body go in the same batch): lemma texts come from
  :func:`~app.core.korean.lemmas.lemmas_from_tokens`.
- Substring grams (for 1-2 character queries): every distinct character and every distinct pair
  of adjacent characters of ``title`` and of ``body`` (spaces and punctuation included), ASCII
  letters lower-cased like SQL ``LIKE``. The FTS5 ``ascii`` tokenizer keeps every non-ASCII
  character and ASCII letters/digits inside tokens; ASCII separators (space, punctuation) are
  mapped to private-use characters U+F00xx first, so every gram is one token. A query of 1-2
  characters is then ONE exact token lookup. (Text that really contains U+F0000-U+F007F could
  produce extra hits, never missed ones.)
- Trigram queries (3+ characters): all distinct trigrams of the query, AND-ed; a 3-character query
  is one trigram, exact up to case folding; longer queries are verified with ``LIKE``.
"""
from __future__ import annotations

import json
import zlib
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from app.core.kiwi_instance import get_kiwi
from app.core.korean.analyzer import analyze_many, split_lines
from app.core.korean.lemmas import join_forms, kiwi_index_forms, lemmas_from_tokens


@dataclass(frozen=True, slots=True)
class PreparedDoc:
    """One article ready for :func:`app.storage.search_index.index_prepared`."""

    article_id: int
    title: str
    body: str
    title_lemmas: str
    body_lemmas: str


_ASCII_LOWER = {c: c + 32 for c in range(65, 91)}
# gram alphabet: ASCII lower-cased; ASCII separators (all but letters/digits) moved to plane-15
# private use (U+F0000 + code) so the FTS5 'ascii' tokenizer keeps them inside tokens
_GRAM = str.maketrans(
    {**{c: c + 32 for c in range(65, 91)}, **{c: 0xF0000 + c for c in range(128) if not chr(c).isalnum()}}
)


def fold(text: str) -> str:
    """Case-insensitive key of the same length: ``str.lower()`` when it keeps the length (it
    does for Hangul, Latin, hanja), else ASCII-only lower-casing (SQLite ``LIKE`` semantics)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return text.translate(_ASCII_LOWER)


def gram_tokens(text: str) -> set[str]:
    """Distinct unigram and bigram tokens of ``text`` (see module rules)."""
    t = text.translate(_GRAM)
    grams = set(t)
    grams.update(map(str.__add__, t, t[1:]))
    return grams


def gram_text(title: str, body: str) -> str:
    """Space-joined gram tokens of an article (a set: order does not matter to a detail=none index)."""
    return " ".join(gram_tokens(title) | gram_tokens(body))


def gram_query(q: str) -> str:
    """FTS5 MATCH expression (one quoted token) for a 1-2 character query."""
    return '"' + q.translate(_GRAM) + '"'


def trigram_query(q: str) -> str:
    """FTS5 MATCH expression (AND of quoted distinct trigrams) for a 3+ character query."""
    grams = dict.fromkeys(q[i : i + 3] for i in range(len(q) - 2))
    return " AND ".join('"' + g.replace('"', '""') + '"' for g in grams)


def prepare_stream(items: Iterable[tuple[int, str, str]]) -> Iterator[PreparedDoc]:
    """Analyse ``(id, title, body)`` items lazily through ONE Kiwi batch over their NFC lines.

    The indexing fast path: lemma texts come straight from Kiwi's tokens
    (:func:`~app.core.korean.lemmas.kiwi_index_forms`), no offsets or token objects are built.
    Kiwi's workers run ahead while the caller consumes (and writes) documents.
    """
    pending: deque[tuple[int, str, str, int, int]] = deque()

    def lines() -> Iterator[str]:
        for i, t, b in items:
            t, b = t or "", b or ""
            tl, bl = split_lines(t), split_lines(b)
            pending.append((int(i), t, b, len(tl), len(bl)))
            for ln in (*tl, *bl):
                yield ln.text

    results = iter(get_kiwi().tokenize(lines()))
    buffer: list = []
    while True:
        if not pending:
            token_lists = next(results, None)  # makes Kiwi pull input (and fill ``pending``)
            if token_lists is None and not pending:
                return
            if token_lists is not None:
                buffer.append(token_lists)
            continue
        i, t, b, nt, nb = pending[0]
        while len(buffer) < nt + nb:
            buffer.append(next(results))
        pending.popleft()
        title_toks, body_toks = buffer[:nt], buffer[nt : nt + nb]
        del buffer[: nt + nb]
        yield PreparedDoc(i, t, b, " ".join(kiwi_index_forms(title_toks)), " ".join(kiwi_index_forms(body_toks)))


def prepare_documents(
    items: Iterable[tuple[int, str, str]], num_workers: int | None = None
) -> list[PreparedDoc]:
    """:func:`prepare_stream` as a list. ``num_workers`` 0/1: sequential per-line Kiwi calls
    through the token path (same lemma texts, see ``kiwi_index_forms``)."""
    if num_workers is None or num_workers > 1:
        return list(prepare_stream(items))
    rows = [(int(i), t or "", b or "") for i, t, b in items]
    analyses = analyze_many([x for _, t, b in rows for x in (t, b)], num_workers)
    return [
        PreparedDoc(i, t, b, join_forms(lemmas_from_tokens(ta.tokens)), join_forms(lemmas_from_tokens(ba.tokens)))
        for (i, t, b), ta, ba in zip(rows, analyses[0::2], analyses[1::2])
    ]


def pack(d: PreparedDoc) -> bytes:
    """What was indexed, compressed (the index needs it to forget the article later)."""
    return zlib.compress(json.dumps([d.title, d.body, d.title_lemmas, d.body_lemmas], ensure_ascii=False).encode(), 6)


def unpack(blob: bytes, article_id: int = 0) -> PreparedDoc:
    """Inverse of :func:`pack`."""
    t, b, tl, bl = json.loads(zlib.decompress(blob).decode())
    return PreparedDoc(article_id, t, b, tl, bl)


def lemma_match_expression(groups: Sequence[Sequence[str]]) -> str:
    """FTS5 MATCH over the lemma index: AND of groups, OR of a group's forms (quoted).

    Forms without a letter or digit (emoji) cannot be indexed by unicode61 and are skipped."""
    parts = []
    for g in groups:
        forms = ['"' + f.replace('"', '""') + '"' for f in dict.fromkeys(g) if any(c.isalnum() for c in f)]
        if forms:
            parts.append(forms[0] if len(forms) == 1 else "(" + " OR ".join(forms) + ")")
    return " AND ".join(parts)
