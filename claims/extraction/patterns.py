"""Fast matching of long lists of alternatives (cue lexicons, vocabulary aliases).

Python's regex engine tries every alternative of a big case-insensitive alternation at every
word, which made a 2,000-word article take a third of a second. Here each alternative is filed
under the characters it can start with (worked out from the parsed pattern), and at each word
start only the alternatives for that character are tried: same matches, in the same order of
preference, a small fraction of the work.
"""

import functools
import re
import sys
from collections.abc import Iterator

try:  # Python 3.11+
    from re import _constants as sre_constants
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover - older Pythons
    import sre_constants  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

_ANY = None  # "can start with any character"


def _first(items) -> tuple[set[str] | None, bool]:
    """The characters a parsed (sub)pattern can start with, and whether it can match empty."""
    first: set[str] = set()
    for op, av in items:
        if op in (sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            continue
        if op is sre_constants.LITERAL:
            return first | {chr(av)}, False
        if op is sre_constants.NOT_LITERAL or op is sre_constants.ANY:
            return _ANY, False
        if op is sre_constants.IN:
            chars = _in_chars(av)
            if chars is _ANY:
                return _ANY, False
            return first | chars, False
        if op is sre_constants.SUBPATTERN:
            sub, nullable = _first(av[-1])
        elif op is sre_constants.BRANCH:
            sub, nullable = set(), False
            for branch in av[1]:
                b, n = _first(branch)
                if b is _ANY:
                    return _ANY, False
                sub |= b
                nullable = nullable or n
        elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
            lo, _hi, body = av
            sub, nullable = _first(body)
            nullable = nullable or lo == 0
        else:
            return _ANY, False
        if sub is _ANY:
            return _ANY, False
        first |= sub
        if not nullable:
            return first, False
    return first, True


def _in_chars(items) -> set[str] | None:
    chars: set[str] = set()
    for op, av in items:
        if op is sre_constants.LITERAL:
            chars.add(chr(av))
        elif op is sre_constants.RANGE:
            lo, hi = av
            if hi - lo > 300:
                return _ANY
            chars.update(chr(c) for c in range(lo, hi + 1))
        elif op is sre_constants.CATEGORY and av is sre_constants.CATEGORY_DIGIT:
            chars.update("0123456789")
        else:
            return _ANY
    return chars


def first_chars(pattern: str, flags: int) -> set[str] | None:
    first, nullable = _first(sre_parse.parse(pattern, flags))
    if first is _ANY or nullable:
        return _ANY
    return {c.lower() for c in first} | {c.upper() for c in first}


def _lower_source(pattern: str) -> str:
    """A pattern for lower-cased text: literal capitals lowered, escapes (\\S, \\u2019) kept."""
    return re.sub(r"(\\.)|([A-Z])", lambda m: m.group(1) or m.group(2).lower(), pattern)


@functools.lru_cache(maxsize=256)
def _lower(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    # A few characters lower-case to two ("İ"); keep offsets by lowering one by one.
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


class Alternation:
    """A list of patterns matched case-insensitively as whole words, earlier patterns first.

    Matching runs on lower-cased text without the IGNORECASE flag, which lets the regex engine
    skip, at C speed, every alternative whose first letter does not fit: a large cue lexicon
    costs about as much as a short one. Match objects refer to the lower-cased text: take spans
    from them, and the words from the original text. ``finditer_indexed`` also says which pattern
    matched.
    """

    def __init__(self, patterns: list[str]):
        self.patterns = patterns
        lowered = [_lower_source(p) for p in patterns]
        body = "|".join(f"(?:{p})" for p in lowered) or "(?!x)x"
        self._regex = re.compile(rf"(?<![\w-])(?:{body})(?![\w])")
        self._each = [re.compile(rf"(?:{p})(?![\w])") for p in lowered]
        self._cache: dict[tuple[str, str], int] = {}
        self._by_char: dict[str, list[int]] = {}
        self._wild: list[int] = []
        for i, p in enumerate(lowered):
            chars = first_chars(p, 0)
            if chars is _ANY:
                self._wild.append(i)
            else:
                for c in {c.lower() for c in chars}:
                    self._by_char.setdefault(c, []).append(i)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match]:
        return self._regex.finditer(_lower(text), pos, len(text) if endpos is None else endpos)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
        return self._regex.search(_lower(text), pos, len(text) if endpos is None else endpos)

    def finditer_indexed(self, text: str, pos: int = 0, endpos: int | None = None):
        """(match, index of the pattern that matched) pairs."""
        lowered = _lower(text)
        endpos = len(text) if endpos is None else endpos
        for m in self._regex.finditer(lowered, pos, endpos):
            yield m, self._which(lowered, m.start(), m.end())

    def _which(self, lowered: str, start: int, end: int) -> int:
        """The first pattern matching exactly lowered[start:end] (in its context)."""
        key = (lowered[max(0, start - 20) : start], lowered[start:end])
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        for i in sorted(self._by_char.get(lowered[start], []) + self._wild):
            hit = self._each[i].match(lowered, start)
            if hit and hit.end() == end:
                if len(self._cache) < 4096:
                    self._cache[key] = i
                return i
        return -1


class Overlapping(Alternation):
    """Like Alternation, but reports a match at every word start where any pattern matches,
    even inside an earlier match, so one scan serves several cue families.

    ``hits`` yields (start, end, pattern index); at one start the earliest pattern wins.
    """

    def __init__(self, patterns: list[str]):
        super().__init__(patterns)
        lowered = [_lower_source(p) for p in patterns]
        body = "|".join(f"(?:{p})" for p in lowered) or "(?!x)x"
        self._regex = re.compile(rf"(?<![\w-])(?=({body})(?![\w]))")

    def hits(self, text: str) -> Iterator[tuple[int, int, int]]:
        lowered = _lower(text)
        for m in self._regex.finditer(lowered):
            start, end = m.span(1)
            yield start, end, self._which(lowered, start, end)


class LowerRegex:
    """A case-insensitive regex run as a case-sensitive one on lower-cased text.

    Python's engine skips ahead by a pattern's first characters only without IGNORECASE, so the
    same pattern is two to five times faster this way. Offsets are unchanged (``_lower`` keeps
    lengths); match objects refer to the lower-cased text, so take spans from them (their groups
    are lower-cased). Methods that build text (``sub``, ``split``) use the original pattern.
    """

    __slots__ = ("original", "_regex")

    def __init__(self, original: re.Pattern):
        self.original = original
        self._regex = re.compile(
            _lower_source_keeping_syntax(original.pattern), original.flags & ~re.IGNORECASE
        )

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        return self._regex.search(_lower(text), pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        return self._regex.match(_lower(text), pos, endpos)

    def fullmatch(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        return self._regex.fullmatch(_lower(text), pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        return self._regex.finditer(_lower(text), pos, endpos)

    def __getattr__(self, name: str):
        return getattr(self.original, name)


def _lower_source_keeping_syntax(pattern: str) -> str:
    """``_lower_source``, leaving group syntax ("(?P<name>", "(?P=name)") alone."""
    return re.sub(
        r"(\(\?P[<=])|(\\.)|([A-Z])",
        lambda m: m.group(1) or m.group(2) or m.group(3).lower(),
        pattern,
    )


def lower_case_insensitive(namespace: dict) -> None:
    """Swap every IGNORECASE pattern of a module's namespace for a ``LowerRegex`` (in dicts of
    patterns too). Called at the end of the modules whose patterns are matched per sentence."""
    for name, value in list(namespace.items()):
        if isinstance(value, re.Pattern) and value.flags & re.IGNORECASE:
            namespace[name] = LowerRegex(value)
        elif isinstance(value, dict):
            for key, item in list(value.items()):
                if isinstance(item, re.Pattern) and item.flags & re.IGNORECASE:
                    value[key] = LowerRegex(item)
