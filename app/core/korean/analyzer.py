"""One Kiwi pass over a text: tokens and sentence spans with offsets into the ORIGINAL text.

Rules:
- The text is split into lines first (Kiwi does not split on newlines); blank lines are skipped.
- Each line is NFC-normalised before analysis (NFD Hangul breaks Kiwi); when normalisation changes
  a line, offsets are mapped back to the original code points (a composed character maps to the
  span of the characters it came from).
- ``Token.start``/``Token.end`` are Python code-point offsets into the original text; ``tag`` has
  Kiwi's regularity suffix removed (``VV-R`` -> ``VV``); ``lemma`` is Kiwi's lemma (``손잡다``).
- Sentences: Kiwi's sentence split inside each line; a sentence never crosses a line break.
- Batch analysis (:func:`analyze_many`, lazy :func:`analyze_stream`) sends all lines of all texts
  to Kiwi in one iterable, so Kiwi's worker pool (fixed when the instance is built) runs in
  parallel and ahead of the consumer.
"""
from __future__ import annotations

import re
import unicodedata
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from app.core.kiwi_instance import get_kiwi

_LINE = re.compile(r"[^\r\n]+")


@dataclass(frozen=True, slots=True)
class Token:
    """One morpheme; ``start``/``end`` index the original text (code points)."""

    start: int
    end: int
    form: str
    tag: str
    lemma: str
    sent: int = 0  # sentence number within the whole text


@dataclass(frozen=True, slots=True)
class Analysis:
    """Tokens and sentence spans of one text."""

    text: str
    tokens: tuple[Token, ...]
    sentences: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class _Line:
    start: int  # offset of the line in the original text
    text: str  # NFC text given to Kiwi
    offsets: tuple[int, ...] | None  # NFC index -> original index (len+1 entries); None = identity


def _nfc_offsets(line: str) -> tuple[str, tuple[int, ...] | None]:
    """NFC form of ``line`` and a map from NFC offsets to original offsets (None if unchanged).

    The line is cut into chunks before every character that neither has a combining class nor
    composes with the chunk before it (Hangul jamo V/T do compose); each chunk is normalised alone.
    """
    nfc = unicodedata.normalize("NFC", line)
    if nfc == line:
        return line, None
    starts = [0]
    for i in range(1, len(line)):
        chunk = line[starts[-1] : i]
        if unicodedata.combining(line[i]) == 0 and len(
            unicodedata.normalize("NFC", chunk + line[i])
        ) == len(unicodedata.normalize("NFC", chunk)) + 1:
            starts.append(i)
    starts.append(len(line))
    mapping: list[int] = []
    pieces: list[str] = []
    for a, b in zip(starts, starts[1:]):
        piece = unicodedata.normalize("NFC", line[a:b])
        pieces.append(piece)
        mapping.extend([a] * len(piece))
    if "".join(pieces) != nfc:  # composition across chunks (exotic scripts): one block
        return nfc, tuple([0] * len(nfc) + [len(line)])
    mapping.append(len(line))
    return nfc, tuple(mapping)


def split_lines(text: str) -> list[_Line]:
    """Non-blank lines of ``text`` with their offsets, NFC-normalised for Kiwi."""
    out: list[_Line] = []
    for m in _LINE.finditer(text):
        raw = m.group()
        if not raw.strip():
            continue
        nfc, offsets = _nfc_offsets(raw)
        out.append(_Line(m.start(), nfc, offsets))
    return out


def _to_original(line: _Line, pos: int, *, end: bool) -> int:
    if line.offsets is None:
        return line.start + pos
    if end and pos > 0:  # end offsets map to the end of the chunk holding the last character
        before = line.offsets[pos - 1]
        nxt = next((o for o in line.offsets[pos:] if o > before), line.offsets[-1])
        return line.start + nxt
    return line.start + line.offsets[pos]


def _build(text: str, lines: Sequence[_Line], results: Iterable[list]) -> Analysis:
    tokens: list[Token] = []
    sentences: list[tuple[int, int]] = []
    sent_base = 0
    for line, toks in zip(lines, results):
        last_sent = -1
        base = line.start
        for t in toks:
            e = t.end  # Kiwi's ``start`` getter is ~20x slower than ``end``/``len``
            s = e - t.len
            if line.offsets is None:
                s, e = base + s, base + e
            else:
                s, e = _to_original(line, s, end=False), _to_original(line, e, end=True)
            tag = t.tag
            form = t.form
            lemma = t.lemma if tag[0] == "V" else form
            if "-" in tag and tag[0] in "VX":  # VV-R, VA-I, XSA-I ...
                tag = tag.split("-", 1)[0]
            sp = t.sent_position
            tokens.append(Token(s, e, form, tag, lemma, sent_base + sp))
            if sp != last_sent:
                sentences.append((s, e))
                last_sent = sp
            elif e > sentences[-1][1]:
                sentences[-1] = (sentences[-1][0], e)
        sent_base += last_sent + 1
    return Analysis(text, tuple(tokens), tuple(sentences))


def analyze(text: str) -> Analysis:
    """Analyse one text."""
    return analyze_many([text])[0]


def analyze_many(texts: Sequence[str], num_workers: int | None = None) -> list[Analysis]:
    """Analyse many texts with ONE batched Kiwi call over all their lines.

    ``num_workers``: kiwipiepy >= 0.21 fixes its thread pool when the instance is built
    (``get_kiwi()`` uses all cores); ``num_workers`` 0/1 forces a sequential, per-line call.
    """
    per_text = [split_lines(t) for t in texts]
    flat = [ln.text for lines in per_text for ln in lines]
    if len(flat) > 2 and (num_workers is None or num_workers > 1):
        return list(analyze_stream(texts))
    kiwi = get_kiwi()  # few lines: no thread-pool hand-off
    results_iter = iter([kiwi.tokenize(s) for s in flat])
    return [_build(t, lines, [next(results_iter) for _ in lines]) for t, lines in zip(texts, per_text)]


def analyze_stream(texts: Iterable[str]) -> Iterator[Analysis]:
    """Analyse texts lazily, in order, through ONE Kiwi batch call (its workers run ahead while
    the caller consumes results: use this to overlap analysis with database writes)."""
    pending: deque[tuple[str, list[_Line]]] = deque()

    def feed() -> Iterator[str]:
        for text in texts:
            lines = split_lines(text)
            pending.append((text, lines))
            for ln in lines:
                yield ln.text

    results = iter(get_kiwi().tokenize(feed()))
    buffer: list = []
    while True:
        if not pending:
            try:
                buffer.append(next(results))  # makes Kiwi pull more input
            except StopIteration:
                while pending:  # only texts without lines can be left
                    text, lines = pending.popleft()
                    yield _build(text, lines, [])
                return
            continue
        text, lines = pending[0]
        while len(buffer) < len(lines):
            buffer.append(next(results))
        pending.popleft()
        yield _build(text, lines, buffer[: len(lines)])
        del buffer[: len(lines)]


def sentence_spans(text: str, analysis: Analysis | None = None) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` of ``text``: lines first, then Kiwi's sentence split."""
    a = analysis if analysis is not None else analyze(text)
    return list(a.sentences)
