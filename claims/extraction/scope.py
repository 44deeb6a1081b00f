"""Which parts of a sentence a cue may govern the claim from.

A cue inside a clause about something else does not set the claim's labels: a leading concession
("While research is still evolving, ..."), an inner concession (", though generally mild,"), a
comparison ("unlike antidepressants, which may...", "without the effects that might...") and,
after a reported finding, the interpretation tacked on in a trailing "which ..." clause.
"""

import re
from dataclasses import dataclass

from claims.extraction import lexicons as lx

_DISCOURSE = re.compile(
    r"^(?:(?:however|additionally|moreover|furthermore|also|and|but|yet|still|so|thus|"
    r"therefore|notably|importantly|overall|finally|in\s+addition(?!\s+to)|in\s+conclusion|"
    r"in\s+summary|for\s+example|for\s+instance|similarly|likewise|meanwhile|indeed|"
    r"nevertheless|nonetheless|conversely|in\s+contrast|on\s+the\s+other\s+hand),?\s+)+",
    re.IGNORECASE,
)
_ESTABLISHED = lx.compile_family(lx.ESTABLISHED)


@dataclass(frozen=True, slots=True)
class Scope:
    """The sentence with out-of-scope characters blanked (same length, offsets kept)."""

    text: str  # in-scope text, other characters replaced by spaces
    main: str  # the in-scope main clause: means ("by ...ing") and consequences blanked too
    excluded: tuple[tuple[int, int], ...]  # out-of-scope spans, relative to the sentence
    interpretation: tuple[int, int] | None = None  # a trailing "which ..." after a finding

    def covers(self, start: int, end: int) -> bool:
        return not any(s <= start and end <= e for s, e in self.excluded)

    def about_something_else(self, start: int, end: int) -> bool:
        """In a concession or comparison (an interpretation still talks about the claim)."""
        return any(
            s <= start and end <= e for s, e in self.excluded if (s, e) != self.interpretation
        )


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for s, e in spans:
        for i in range(s, min(e, len(chars))):
            chars[i] = " "
    return "".join(chars)


def analyse_scope(sentence: str) -> Scope:
    spans: list[tuple[int, int]] = []
    lead = _DISCOURSE.match(sentence)
    offset = lead.end() if lead else 0
    m = lx.LEADING_OUT_OF_SCOPE.match(sentence, offset)
    # Keep the leading clause when nothing follows it ("While X, Y" needs a Y).
    if m and len(sentence) - m.end() > 15:
        spans.append((m.start(), m.end()))
    for m in lx.INNER_OUT_OF_SCOPE.finditer(sentence):
        if m.start() < offset:
            continue
        # An opening "Unlike X, ..." is handled above; keep claims that start with "Without".
        if m.start() <= offset + 1:
            continue
        spans.append((m.start(), m.end()))
    trailing = lx.TRAILING_RELATIVE.search(sentence)
    interpretation = None
    if trailing:
        head = _blank(sentence[: trailing.start()], spans)
        if _ESTABLISHED.search(head):
            interpretation = (trailing.start(), trailing.end())
            spans.append(interpretation)
    text = _blank(sentence, spans)
    main_spans = list(spans)
    lead_means = lx.LEADING_MEANS.match(text, offset)
    if lead_means:
        main_spans.append((lead_means.start(), lead_means.end()))
    tail = lx.MEANS_OR_CONSEQUENCE.search(text, lead_means.end() if lead_means else offset)
    if tail and len(text[: tail.start()].split()) >= 3:
        main_spans.append((tail.start(), len(text)))
    return Scope(
        text=text,
        main=_blank(sentence, main_spans),
        excluded=tuple(spans),
        interpretation=interpretation,
    )


from claims.extraction.patterns import lower_case_insensitive  # noqa: E402

lower_case_insensitive(globals())
