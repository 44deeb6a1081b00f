"""Sentence splitting with exact character offsets into the document text.

The text is first cut into blocks (paragraphs, headings, list items, "Q:"/"A:" lines), then each
block into sentences. A block boundary is any line break except a soft wrap (a line that stops
mid-sentence and a next line that carries on in lower case). List markers and "Q:"/"A:" prefixes
are left out of the sentence span so that quotes read as the curator would copy them.
"""

import re
from dataclasses import dataclass

# A line opening with one of these starts a new block; the marker is not part of the sentence.
_MARKER = re.compile(
    r"""[ \t\u00a0]*
    (?:
        [-*+\u2022\u25e6\u25aa\u25cf\u2023\u2043\u2013\u2014\u00b7>]+[ \t\u00a0]+  # bullets
      | (?![A-Z]\.[ \t\u00a0]+[a-z])  # "S. tortuosum is ...": a genus abbreviated, no marker
        (?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})[.)][ \t\u00a0]+(?=\S)             # 1. a) iv.
      | \((?:\d{1,3}|[a-zA-Z])\)[ \t\u00a0]+                                   # (a) (1)
      | (?:Q|A|Question|Answer)[ \t]*[:.][ \t\u00a0]*                         # Q: A:
    )""",
    re.VERBOSE,
)
# "1. Introduction" style numbering must not swallow a decimal such as "0.5 mg is...".
_DECIMAL_START = re.compile(r"[ \t]*\d+\.\d")

_TERMINAL_END = re.compile(r"""[.!?:;\u2026]["'\u201d\u2019)\]]*\s*$""")

# Candidate sentence ends: terminal punctuation, closing quotes/brackets, then reference markers
# glued to it ("depression.[12]", "pain.[5] [6]", "effects.12,13", "(2019).\u00b9", "settings.**
# In").
_END = re.compile(
    r"""(?:\.{3}|\u2026|[.!?]+)
    ["'\u201d\u2019)\]]*
    (?:[ \t]?\[\d+(?:[\u2013,\s-]*\d+)*\]|\[[a-z][a-z ]{2,30}\]|[\u00b9\u00b2\u00b3\u2070-\u2079]+
      |\*{1,3}|[\u2020\u2021]+)*
    """,
    re.VERBOSE,
)
_FOOTNOTE_DIGITS = re.compile(r"\d{1,3}(?:[\u2013,-]\d{1,3})*(?=\s+[A-Z\u201c\"(])")
_LEADING_MARKERS = re.compile(r"(?:\[\d+(?:[\u2013,\s-]*\d+)*\]\s*)+(?=[\"\u201c(]?[A-Za-z])")
_NEXT_START = re.compile(r"""\s+(?=["'\u201c\u2018(\[]?[A-Z0-9\u00c0-\u00de])""")


def _words(text: str) -> list[str]:
    return text.split()


# Abbreviations after which a period does not end a sentence.
_ABBREVIATIONS = frozenset(
    _words(
        """al approx apr aug ca cf cit co corp dec dept dr e.g eg esp est et etc. fig figs feb fri
        i.e ie inc incl jan jr jul jun lt ltd mar mon mr mrs ms mt no nos nov oct p pp ph.d
        phd prof ref refs resp sep sept sr st vs viz vol vols wk yr yrs u.s u.k e.u ed eds eq
        eqs sec suppl univ sgt tech capt col maj cpl pvt cmdr adm gov rep sen"""
    )
)
# After these the next word decides: "et al. (2021)" goes on, "... et al. The study" ends.
_SOFT_ABBREVIATIONS = frozenset({"al", "etc", "inc", "ltd", "co", "corp", "u.s", "u.k", "e.u"})
_SENTENCE_OPENERS = frozenset(
    _words(
        """a an the this that these those it its in on at for but however although though while
        when if as after before during since many most some several one two three few
        researchers studies study research participants patients users people there we they he
        she our their his her such both each other another further furthermore moreover
        additionally also still yet overall finally first second third then thus therefore hence
        similarly likewise notably importantly meanwhile recent early"""
    )
)
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    block: int  # index of the paragraph / list item / heading it belongs to
    kind: str  # "text", "item" (list item or Q/A line) or "heading"


@dataclass(frozen=True, slots=True)
class _Block:
    start: int
    end: int
    item: bool


def _blocks(text: str) -> list[_Block]:
    blocks: list[_Block] = []
    cur_start = cur_end = -1
    cur_item = False
    prev_line = ""
    # After a lead-in ending in ":" ("Effects include:"), lines with no bullet are list items
    # (bullets lost in copying), not a paragraph wrapped mid-sentence, unless a line ends in a
    # word that cannot end a phrase ("and", "of") or a comma.
    listing, items, open_lead = False, 0, False
    pos = 0
    for line in text.splitlines(keepends=True):
        line_start, pos = pos, pos + len(line)
        body = line.rstrip("\r\n")
        if not body.strip():
            if cur_start >= 0:
                blocks.append(_Block(cur_start, cur_end, cur_item))
                cur_start = -1
            if items:
                listing, items, open_lead = False, 0, False
            prev_line = ""
            continue
        marker = _MARKER.match(body)
        if marker and _DECIMAL_START.match(body):
            marker = None
        content_start = line_start + (marker.end() if marker else 0)
        lead = len(body) - len(body.lstrip())
        if not marker:
            content_start = line_start + lead
        unmarked_item = bool(
            listing
            and not marker
            and (items or open_lead or not _TERMINAL_END.search(body))
            and not _WRAPPED.search(prev_line)
        )
        continues = (
            cur_start >= 0
            and not marker
            and not unmarked_item
            and not _TERMINAL_END.search(prev_line)
            and (body.lstrip()[:1].islower() or prev_line.rstrip().endswith((",", "-", "(")))
        )
        if continues:
            cur_end = line_start + len(body.rstrip())
        else:
            if cur_start >= 0:
                blocks.append(_Block(cur_start, cur_end, cur_item))
            cur_start = content_start
            cur_end = line_start + len(body.rstrip())
            cur_item = marker is not None or unmarked_item
        if unmarked_item:
            items += 1
        elif marker and listing:
            open_lead = False  # bullets mark the items: a line without one is no longer an item
        elif not marker:
            listing = body.rstrip().endswith(":")
            # "Research suggests that yoga may:" needs its items to be a sentence: the lines
            # after it are items even when each ends in a full stop.
            open_lead = bool(listing and _OPEN_LEAD.search(body))
        prev_line = body
    if cur_start >= 0:
        blocks.append(_Block(cur_start, cur_end, cur_item))
    return [b for b in blocks if b.end > b.start]


_OPEN_LEAD = re.compile(
    r"\b(?:may|might|can|could|will|would|should|must|to|help|helps|include|includes|including|"
    r"such\s+as|like|are|is|cause|causes|lead\s+to|also)\s*:\s*$",
    re.IGNORECASE,
)
_WRAPPED = re.compile(
    r"(?:[,(\-\u2013]|\b(?:and|or|of|the|a|an|to|in|with|for|by|on|as|at|from|that))\s*$",
    re.IGNORECASE,
)


def _is_abbreviation(text: str, dot: int, next_start: int) -> bool:
    """Whether the period at ``dot`` belongs to an abbreviation, not to a sentence end."""
    m = _WORD_BEFORE.search(text, max(0, dot - 12), dot)
    if not m:
        return False
    word = m.group(1).lower().rstrip(".")
    if len(word) == 1 and m.group(1).isupper():
        # An initial ("J. Smith", "P. cubensis") stands alone; "MAO-B." or "group A." before
        # a sentence opener ("The", "However", "We") ends a sentence.
        if m.start() and not (text[m.start() - 1].isspace() or text[m.start() - 1] in '(\u201c"'):
            return False
        nxt = re.match(r"([A-Za-z]+)(\.?)", text[next_start : next_start + 20])
        return not (nxt and not nxt.group(2) and nxt.group(1).lower() in _SENTENCE_OPENERS)
    if word not in _ABBREVIATIONS and word + "." not in _ABBREVIATIONS:
        return False
    if word in _SOFT_ABBREVIATIONS or word + "." in _SOFT_ABBREVIATIONS:
        nxt = re.match(r"[A-Za-z]+", text[next_start : next_start + 20])
        return not (nxt and nxt.group(0).lower() in _SENTENCE_OPENERS)
    return True


def _split_block(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    sent_start = start
    pos = start
    while pos < end:
        m = _END.search(text, pos, end)
        if not m:
            break
        stop = m.end()
        pos = stop
        glued = _FOOTNOTE_DIGITS.match(text, stop, end)
        before = text[m.start() - 1 : m.start()]
        if glued and (before.isalpha() or before in ")]"):  # "nerves).1 The FDA"
            stop = glued.end()
        nxt = _NEXT_START.match(text, stop, end)
        if not nxt:
            continue
        if (
            text[m.start()] == "."
            and m.group(0)[:3] != "..."
            and _is_abbreviation(text, m.start(), nxt.end())
        ):
            continue
        spans.append((sent_start, stop))
        sent_start = nxt.end()
        pos = sent_start
    if sent_start < end:
        spans.append((sent_start, end))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        # A paragraph opening with the last one's markers ("[1] Minute amounts of ...", a
        # copy's line breaks): they cite the sentence before, not this one.
        if lead := _LEADING_MARKERS.match(text, s, e):
            s = lead.end()
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def split_sentences(text: str) -> list[Sentence]:
    """Every sentence of ``text`` with its offsets: ``text[s.start:s.end] == s.text``."""
    sentences: list[Sentence] = []
    for index, block in enumerate(_blocks(text)):
        spans = _split_block(text, block.start, block.end)
        for s, e in spans:
            body = text[s:e]
            if block.item:
                kind = "item"
            elif len(spans) == 1 and _looks_like_heading(body):
                kind = "heading"
            else:
                kind = "text"
            sentences.append(Sentence(s, e, body, index, kind))
    return sentences


# Footnote markers after a sentence's full stop ("benefits.[1][2]", "trials.1-8").
_TRAILING_MARKERS = re.compile(
    r"(?<=[.!?\u201d\"])\s?(?:\[\d{1,3}(?:[,\u2013-]\s?\d{1,3})*\])+$"
    r"|(?<=[.!?])\d{1,3}(?:[,\u2013-]\d{1,3})*$"
)


def _looks_like_heading(body: str) -> bool:
    body = _TRAILING_MARKERS.sub("", body)
    if body.endswith((".", "!", ";", ":", ",")) or body.endswith((".\u201d", '."')):
        return False
    return len(body.split()) <= 14 or not re.search(r"[.!]\s", body)
