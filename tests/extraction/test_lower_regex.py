"""LowerRegex: case-insensitive patterns run on lower-cased text give the same spans."""

import re

from claims.extraction.patterns import LowerRegex


def test_same_spans_as_ignorecase():
    pattern = re.compile(r"\b(?P<noun>Risks?|Side\s+effects)\b(?P=noun)?", re.IGNORECASE)
    fast = LowerRegex(pattern)
    text = "The RISK of Side Effects is low; risks remain."
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in pattern.finditer(text)]
    assert fast.search(text, 10).span() == pattern.search(text, 10).span()
    assert fast.search(text, 0, 5) is None
    assert fast.match(text, 4).group("noun") == "risk"  # groups are lower-cased


def test_text_building_methods_use_the_original():
    fast = LowerRegex(re.compile(r"ab", re.IGNORECASE))
    assert fast.sub("x", "zAbz") == "zxz"
    assert fast.pattern == "ab"
