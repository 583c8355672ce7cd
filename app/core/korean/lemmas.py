"""Normalised lemmas from Kiwi tokens: the vocabulary of search, statistics and auto-coding.

Rules (one :class:`Lemma` per content morpheme; ``forms`` are what the search index stores):
- Nouns NNG, NNP, NR -> the noun (``정부는`` -> 정부). NNB (것, 수, 등, 중) and pronouns NP are dropped.
- A noun or root directly followed by a verb/adjective-deriving suffix (XSV/XSA: 하, 되, 시키...)
  also yields the derived predicate: ``개발했다`` -> 개발 + 개발하다, ``인수됐다`` -> 인수 + 인수되다,
  ``깨끗한`` (XR+XSA) -> 깨끗하다 + 깨끗. The derived form is an *alternative* of the same lemma.
- VV and VA -> stem + 다 (Kiwi's lemma: ``손잡고`` -> 손잡다, ``들었다`` -> 듣다). Auxiliary VX and the
  copula VCP/VCN carry no content and are dropped.
- SL (Latin) lower-cased, SH (hanja), SN (numbers) and Kiwi's W_* patterns (URL, e-mail, hashtag,
  serial) lower-cased are kept. Everything else (particles, endings, punctuation, adverbs) is dropped.
- ``kind`` is one of noun, verb, root, foreign, hanja, number, pattern: statistics filter on it.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from app.core.korean.analyzer import Analysis, Token, analyze, analyze_many

NOUN_TAGS = frozenset({"NNG", "NNP", "NR"})
VERB_TAGS = frozenset({"VV", "VA"})
DERIVING = frozenset({"XSV", "XSA"})
SIMPLE_KINDS = {"SL": "foreign", "SH": "hanja", "SN": "number"}


@dataclass(frozen=True, slots=True)
class Lemma:
    """A content lemma; ``start``/``end`` cover its surface (stem + deriving suffix)."""

    start: int
    end: int
    form: str
    kind: str
    alts: tuple[str, ...] = ()
    sent: int = 0

    @property
    def forms(self) -> tuple[str, ...]:
        """The form and its alternatives (all are indexed)."""
        return (self.form, *self.alts)


def lemmas_from_tokens(tokens: Sequence[Token]) -> list[Lemma]:
    """Apply the module rules to a token sequence (one Kiwi pass, no re-analysis)."""
    out: list[Lemma] = []
    n = len(tokens)
    for i, t in enumerate(tokens):
        tag = t.tag
        nxt = tokens[i + 1] if i + 1 < n else None
        derived = (
            nxt is not None and nxt.tag in DERIVING and nxt.start <= t.end and nxt.sent == t.sent
        )
        if tag in NOUN_TAGS:
            if derived:
                out.append(Lemma(t.start, nxt.end, t.form, "noun", (t.form + nxt.form + "다",), t.sent))
            else:
                out.append(Lemma(t.start, t.end, t.form, "noun", (), t.sent))
        elif tag in VERB_TAGS:
            lemma = t.lemma if t.lemma.endswith("다") else t.form + "다"
            out.append(Lemma(t.start, t.end, lemma, "verb", (), t.sent))
        elif tag == "XR":
            if derived:
                out.append(Lemma(t.start, nxt.end, t.form + nxt.form + "다", "verb", (t.form,), t.sent))
            else:
                out.append(Lemma(t.start, t.end, t.form, "root", (), t.sent))
        elif tag in SIMPLE_KINDS:
            form = t.form.lower() if tag == "SL" else t.form
            out.append(Lemma(t.start, t.end, form, SIMPLE_KINDS[tag], (), t.sent))
        elif tag.startswith("W_"):
            out.append(Lemma(t.start, t.end, t.form.lower(), "pattern", (), t.sent))
    return out


def _base(tag: str) -> str:
    return tag.split("-", 1)[0] if "-" in tag else tag


def kiwi_index_forms(lines: Iterable[Sequence[Any]]) -> list[str]:
    """The forms :func:`join_forms` would give, straight from raw Kiwi tokens (one list per line).

    Same rules as :func:`lemmas_from_tokens`, without building tokens or offsets: the indexing
    fast path (tests keep both in agreement).
    """
    out: list[str] = []
    for toks in lines:
        n = len(toks)
        for i, t in enumerate(toks):
            tag = t.tag
            head = tag[0]
            if head not in "NVXSW":
                continue
            tag = _base(tag)
            if tag in NOUN_TAGS or tag == "XR":
                nxt = toks[i + 1] if i + 1 < n else None
                derived = (
                    nxt is not None
                    and _base(nxt.tag) in DERIVING
                    and nxt.end - nxt.len <= t.end
                    and nxt.sent_position == t.sent_position
                )
                form = t.form
                if tag == "XR":
                    out += (form + nxt.form + "다", form) if derived else (form,)
                else:
                    out += (form, form + nxt.form + "다") if derived else (form,)
            elif tag in VERB_TAGS:
                lemma = t.lemma
                out.append(lemma if lemma.endswith("다") else t.form + "다")
            elif tag in SIMPLE_KINDS:
                out.append(t.form.lower() if tag == "SL" else t.form)
            elif tag.startswith("W_"):
                out.append(t.form.lower())
    return out


def lemmas(text: str, analysis: Analysis | None = None) -> list[Lemma]:
    """Lemmas of ``text`` (analyses it unless ``analysis`` is given)."""
    a = analysis if analysis is not None else analyze(text)
    return lemmas_from_tokens(a.tokens)


def join_forms(items: Iterable[Lemma]) -> str:
    """Space-joined forms and alternatives: the text stored in the lemma index."""
    return " ".join(f for lem in items for f in lem.forms)


def lemma_text(text: str) -> str:
    """Space-joined normalised lemmas of ``text`` (``반도체를 개발했다`` -> ``반도체 개발 개발하다``)."""
    return join_forms(lemmas(text))


def lemma_texts(texts: Sequence[str], num_workers: int | None = None) -> list[str]:
    """Batch version of :func:`lemma_text` (one batched Kiwi call)."""
    return [join_forms(lemmas_from_tokens(a.tokens)) for a in analyze_many(texts, num_workers)]
