"""The demo corpus curation as gold rows, in the same shape as the extractor's output."""

import re
from pathlib import Path

import yaml

GOLD_FIELDS = (
    "substances",
    "conditions",
    "certainty",
    "hedge_cues",
    "evidence_cited",
    "cites_named_study",
)


def locate(text: str, quote: str, occurrence: int = 1) -> tuple[int, int]:
    """Offsets of the ``occurrence``-th appearance of ``quote`` in ``text`` (-1, -1 if absent).

    Falls back to a whitespace-insensitive search when the curator's spacing differs.
    """
    pos = -1
    for _ in range(max(occurrence, 1)):
        pos = text.find(quote, pos + 1)
        if pos < 0:
            break
    if pos >= 0:
        return pos, pos + len(quote)
    words = [re.escape(w) for w in quote.split()]
    if not words:
        return -1, -1
    matches = list(re.finditer(r"\s+".join(words), text))
    if len(matches) >= max(occurrence, 1):
        m = matches[max(occurrence, 1) - 1]
        return m.start(), m.end()
    return -1, -1


def gold_rows(curation_dir: Path, articles_dir: Path) -> list[dict]:
    """One row per curated mention, ordered by article and position."""
    rows = []
    for path in sorted(curation_dir.glob("*.yaml")):
        stem = path.stem
        article = articles_dir / f"{stem}.txt"
        text = article.read_text(encoding="utf-8") if article.exists() else ""
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for mention in data.get("mentions") or []:
            quote = mention["quote"]
            start, end = locate(text, quote, int(mention.get("occurrence") or 1))
            rows.append(
                {
                    "article": stem,
                    "sentence": quote,
                    "start": start,
                    "end": end,
                    "substances": list(mention.get("substances") or []),
                    "conditions": list(mention.get("conditions") or []),
                    "claim_kind": mention.get("kind"),
                    "certainty": mention.get("certainty"),
                    "hedge_cues": list(mention.get("hedge_cues") or []),
                    "evidence_cited": mention.get("evidence_cited", "none"),
                    "cites_named_study": bool(mention.get("cites_named_study")),
                    "claim": mention.get("claim"),
                }
            )
    rows.sort(key=lambda r: (r["article"], r["start"]))
    return rows
