"""How long the extractor takes on a 2,000-word article (target: well under 100 ms on one core).

Run: .venv/bin/python bench/extraction_speed.py  (or `make bench`). Prints the median time per
2,000-word article over repeated runs, the document conversion time for the HTML route, and the
one-off cost of compiling a vocabulary. It prints figures; it asserts nothing.
"""

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from claims.extraction import Vocabulary, document_text, extract  # noqa: E402

WORDS = 2000
RUNS = 30


def article() -> str:
    """2,000 words of real article text: the demo articles, paragraph by paragraph."""
    paragraphs = []
    count = 0
    for path in sorted((ROOT / "claims" / "demo" / "articles").glob("*.txt")):
        for paragraph in path.read_text(encoding="utf-8").split("\n\n"):
            words = len(paragraph.split())
            if count + words > WORDS:
                return "\n\n".join(paragraphs)
            paragraphs.append(paragraph)
            count += words
    return "\n\n".join(paragraphs)


def timed(fn, runs: int, clock=time.process_time) -> float:
    """Median milliseconds; CPU time by default, so other work on the machine does not count."""
    times = []
    for _ in range(runs):
        start = clock()
        fn()
        times.append((clock() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    text = article()
    words = len(text.split())
    compile_ms = timed(Vocabulary.from_seed, 5)
    vocabulary = Vocabulary.from_seed()
    extract(text, vocabulary)  # warm the regex caches
    ms = timed(lambda: extract(text, vocabulary, include_non_claims=True), RUNS)
    per_2000 = ms * WORDS / words
    wall = timed(
        lambda: extract(text, vocabulary, include_non_claims=True), RUNS, time.perf_counter
    )
    html = (
        "<html><body><article>"
        + "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
        + "</article></body></html>"
    )
    html_ms = timed(lambda: document_text(html, "a.html"), 10) * WORDS / words
    print(
        f"extraction: {per_2000:.1f} ms per {WORDS}-word article (median CPU time of {RUNS} runs, "
        f"{words} words, {len(extract(text, vocabulary, include_non_claims=True))} sentences)"
    )
    print(f"  (wall-clock median: {wall * WORDS / words:.1f} ms)")
    print(f"html to text: {html_ms:.1f} ms per {WORDS}-word article")
    print(f"vocabulary compile: {compile_ms:.1f} ms (once per request or command)")


if __name__ == "__main__":
    main()
