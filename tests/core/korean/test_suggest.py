"""Rule-based tag suggestions per sentence."""
from __future__ import annotations

from app.core.korean.analyzer import analyze
from app.core.korean.suggest import TagRule, parse_rule, suggest


def test_parse_rule_normalises_entries(kiwi) -> None:
    rule = parse_rule(7, "정부, 지원하다; 육성\n정책,, 중소벤처기업부 ")
    assert rule.tag_id == 7 and rule.min_hits == 2
    assert {"정부", "지원", "육성", "정책"} <= rule.lemmas
    assert "~중소벤처기업부" in rule.lemmas  # compound: matched as written


def test_suggests_sentences_with_enough_distinct_hits(kiwi, seeds) -> None:
    body = seeds["002"]
    found = suggest(body, [parse_rule(1, "스타트업, 육성, 프로그램, 지원")])
    texts = [body[s.start : s.end] for s in found]
    assert any(t.startswith("퓨리오사AI·딥엑스·리벨리온") for t in texts)  # 스타트업+프로그램+지원
    assert any("스타트업 육성 프로그램을 통해서였다" in t for t in texts)
    for s in found:
        assert len(s.matched) >= 2 and "\n" not in body[s.start : s.end]
    # each of these sentences names at most one entry: nothing to suggest
    assert suggest(body, [parse_rule(2, "정부, 지원, 육성, 정책, 중기부")]) == []


def test_repeated_lemma_counts_once_and_min_hits_caps_at_rule_size(kiwi) -> None:
    body = "정부는 정부를 믿는다. 정부가 반도체를 지원한다."
    two = TagRule(1, frozenset({"정부", "지원"}), 2)
    only = suggest(body, [two])
    assert [body[s.start : s.end] for s in only] == ["정부가 반도체를 지원한다."]
    assert only[0].matched == ("정부", "지원")
    single = TagRule(2, frozenset({"반도체"}), 2)  # one entry: one hit is enough
    assert [s.tag_id for s in suggest(body, [single])] == [2]


def test_tokens_or_analysis_can_be_reused(kiwi) -> None:
    body = "정부가 반도체를 지원한다.\n기업이 성장했다."
    rule = TagRule(3, frozenset({"정부", "지원"}), 2)
    a = analyze(body)
    assert suggest(body, [rule], analysis=a) == suggest(body, [rule], tokens=a.tokens) == suggest(body, [rule])
