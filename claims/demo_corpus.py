"""The demo corpus: five real articles and their curation, kept as readable files in claims/demo/.

Layout:
- ``articles/<stem>.txt``: the article text, exactly as published;
- ``curation/<stem>.yaml``: source metadata, rubric answers and the accepted mentions, each named
  by its exact quote (offsets are computed here, so a quote that is not in the text fails loudly);
- ``claims/*.yaml``: canonical claims with their GRADE level and rationale.

Loading is idempotent: sources are matched by content hash, claims by slug, mentions by place and
claim, rubric answers by item. Everything is loaded in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from claims import derived, readmodel
from claims.extraction import named_studies
from claims.labels import Certainty, ClaimKind, EvidenceCited, Grade, ReviewStatus
from claims.models import Claim, Condition, Mention, Substance
from sources.models import (
    Publisher,
    RubricAnswer,
    RubricAnswerValue,
    RubricItem,
    Source,
    SourceStatus,
    SourceType,
    normalise_text,
)

DEMO_DIR = Path(__file__).resolve().parent / "demo"


class DemoDataError(Exception):
    """The demo files are inconsistent; the message says which file and entry."""


@dataclass
class LoadReport:
    sources: int = 0
    claims: int = 0
    mentions: int = 0
    created: dict[str, int] = field(default_factory=lambda: {"source": 0, "claim": 0, "mention": 0})


def read_yaml(path: Path):
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise DemoDataError(f"{path.name}: not valid YAML: {exc}") from exc


def check_choice(value, choices, what: str, where: str) -> str:
    if value not in choices:
        raise DemoDataError(f"{where}: {what} {value!r} is not one of {', '.join(choices)}")
    return value


def find_quote(text: str, quote: str, occurrence: int, where: str) -> int:
    """Offset of the ``occurrence``-th (1-based) exact occurrence of ``quote`` in ``text``."""
    start = -1
    for _ in range(occurrence):
        start = text.find(quote, start + 1)
        if start == -1:
            raise DemoDataError(f"{where}: quote not found in the article text: {quote[:90]!r}")
    return start


class DemoLoader:
    def __init__(self, directory: Path = DEMO_DIR):
        self.directory = directory
        self.substances = {s.slug: s for s in Substance.objects.all()}
        self.conditions = {c.slug: c for c in Condition.objects.all()}
        self.publishers = {p.name: p for p in Publisher.objects.all()}
        self.report = LoadReport()
        self.source_ids: set[int] = set()

    def vocab(self, slugs, table: dict, what: str, where: str) -> list:
        unknown = [slug for slug in slugs or [] if slug not in table]
        if unknown:
            raise DemoDataError(f"{where}: unknown {what} {', '.join(unknown)}")
        return [table[slug] for slug in slugs or []]

    @transaction.atomic
    def load(self) -> LoadReport:
        claims = self.load_claims()
        stems = sorted(p.stem for p in (self.directory / "curation").glob("*.yaml"))
        if not stems:
            raise DemoDataError(f"no curation files in {self.directory / 'curation'}")
        for stem in stems:
            self.source_ids.add(self.load_article(stem, claims))
        # A claim's grade may have changed: its mentions in other sources follow. Each source is
        # rescored once, at the end.
        derived.refresh(
            source_ids=self.source_ids, mentions=Mention.objects.filter(claim__in=claims.values())
        )
        readmodel.refresh_claims(
            {c.pk for c in claims.values()} | readmodel.claims_of_sources(self.source_ids)
        )
        return self.report

    def load_claims(self) -> dict[str, Claim]:
        existing = {c.slug: c for c in Claim.objects.prefetch_related("substances", "conditions")}
        claims: dict[str, Claim] = {}
        for path in sorted((self.directory / "claims").glob("*.yaml")):
            for entry in read_yaml(path) or []:
                where = f"{path.name}: claim {entry.get('slug')!r}"
                if entry["slug"] in claims:
                    raise DemoDataError(f"{where}: the slug is defined twice")
                values = {
                    "statement": entry["statement"],
                    "kind": check_choice(entry["kind"], ClaimKind.values, "kind", where),
                    "grade": check_choice(entry["grade"], Grade.values, "grade", where),
                    "grade_rationale": " ".join(entry.get("rationale", "").split()),
                }
                substances = self.vocab(
                    entry.get("substances"), self.substances, "substance", where
                )
                conditions = self.vocab(
                    entry.get("conditions"), self.conditions, "condition", where
                )
                claim = existing.get(entry["slug"])
                created = claim is None
                if created or differs(claim, values):
                    claim = claim or Claim(slug=entry["slug"])
                    for name, value in values.items():
                        setattr(claim, name, value)
                    claim.save()
                set_if_changed(claim, "substances", substances, created)
                set_if_changed(claim, "conditions", conditions, created)
                claims[claim.slug] = claim
                self.report.created["claim"] += created
        self.report.claims = len(claims)
        return claims

    def load_article(self, stem: str, claims: dict[str, Claim]) -> int:
        """Load one article's source, rubric and mentions; returns the source's id."""
        data = read_yaml(self.directory / "curation" / f"{stem}.yaml")
        text = normalise_text(
            (self.directory / "articles" / f"{stem}.txt").read_text(encoding="utf-8")
        )
        source = self.load_source(stem, data["source"], text)
        self.load_rubric(stem, source, data.get("rubric") or {})

        existing = {
            (m.start, m.end, m.claim_id): m
            for m in source.mentions.prefetch_related("substances", "conditions")
        }
        kept = set()
        self.seen: set[tuple] = set()
        for number, entry in enumerate(data.get("mentions") or [], start=1):
            where = f"{stem}.yaml: mention {number}"
            mention = self.load_mention(source, entry, claims, existing, where)
            kept.add(mention.pk)
        # The curation file is the truth for demo sources: mentions no longer in it go.
        if len(kept) != len(existing):
            source.mentions.exclude(pk__in=kept).delete()
        self.report.sources += 1
        return source.pk

    def load_source(self, stem: str, meta: dict, text: str) -> Source:
        where = f"{stem}.yaml: source"
        publisher = None
        if meta.get("publisher"):
            publisher = self.publishers.get(meta["publisher"])
            if publisher is None:
                publisher = Publisher.objects.create(name=meta["publisher"])
                self.publishers[publisher.name] = publisher
        values = {
            "title": meta["title"],
            "url": meta.get("url") or "",
            "publisher_id": publisher.pk if publisher else None,
            "author": meta.get("author") or "",
            "published_on": as_date(meta.get("published_on"), where),
            "source_type": check_choice(
                meta["source_type"], SourceType.values, "source type", where
            ),
            "commercial_interest": bool(meta.get("commercial_interest")),
            "text": text,
        }
        source = Source.objects.find_existing(text=text, url=values["url"])
        created = source is None
        if not created and source.status == SourceStatus.PUBLISHED and not differs(source, values):
            return source  # unchanged: no save, no history row, no rescoring
        source = source or Source()
        for name, value in values.items():
            setattr(source, name, value)
        if source.status != SourceStatus.PUBLISHED:
            source.status = SourceStatus.PUBLISHED
            source.status_changed_at = timezone.now()
        try:
            source.full_clean()
        except ValidationError as exc:
            raise DemoDataError(f"{where}: {exc}") from exc
        source.save()
        self.report.created["source"] += created
        return source

    def load_rubric(self, stem: str, source: Source, rubric: dict) -> None:
        existing = {a.item: a for a in source.rubric_answers.all()}
        for item, entry in rubric.items():
            where = f"{stem}.yaml: rubric {item}"
            check_choice(item, RubricItem.values, "item", where)
            raw = entry["answer"]
            if isinstance(raw, bool):  # YAML reads a bare yes/no as a boolean
                raw = "yes" if raw else "no"
            answer = check_choice(str(raw).lower(), RubricAnswerValue.values, "answer", where)
            values = {"answer": answer, "note": entry.get("note", "")}
            current = existing.get(item)
            if current is None:
                RubricAnswer.objects.create(source=source, item=item, **values)
            elif differs(current, values):
                for name, value in values.items():
                    setattr(current, name, value)
                current.save()

    def load_mention(
        self, source: Source, entry: dict, claims: dict[str, Claim], existing: dict, where: str
    ) -> Mention:
        quote = entry["quote"]
        if quote != quote.strip() or not quote:
            raise DemoDataError(f"{where}: the quote is empty or has white space at its ends")
        start = find_quote(source.text, quote, int(entry.get("occurrence", 1)), where)
        if entry.get("claim") not in claims:
            raise DemoDataError(f"{where}: unknown claim {entry.get('claim')!r}")
        claim = claims[entry["claim"]]
        values = {
            "quote": quote,
            "kind": check_choice(entry["kind"], ClaimKind.values, "kind", where),
            "certainty": check_choice(entry["certainty"], Certainty.values, "certainty", where),
            "hedge_cues": [str(cue) for cue in entry.get("hedge_cues") or []],
            "evidence_cited": check_choice(
                entry["evidence_cited"], EvidenceCited.values, "evidence cited", where
            ),
            "cites_named_study": bool(entry.get("cites_named_study")),
            "named_studies": named_studies(quote),
            "status": ReviewStatus.ACCEPTED,
            "anchor_lost": False,
        }
        substances = self.vocab(entry.get("substances"), self.substances, "substance", where)
        conditions = self.vocab(entry.get("conditions"), self.conditions, "condition", where)
        key = (start, start + len(quote), claim.pk)
        if key in self.seen:
            raise DemoDataError(f"{where}: the same quote is linked to {claim.slug!r} twice")
        self.seen.add(key)
        mention = existing.get(key)
        created = mention is None
        if created or differs(mention, values):
            mention = mention or Mention(
                source=source, start=start, end=start + len(quote), claim=claim
            )
            for name, value in values.items():
                setattr(mention, name, value)
            mention.set_context()
            try:
                # The labels were checked above and the place-and-claim key just now; the
                # database still guards every constraint, so skip the per-constraint queries.
                mention.full_clean(validate_constraints=False)
            except ValidationError as exc:
                raise DemoDataError(f"{where}: {exc}") from exc
            mention.save()
        set_if_changed(mention, "substances", substances, created)
        set_if_changed(mention, "conditions", conditions, created)
        self.report.mentions += 1
        self.report.created["mention"] += created
        return mention


def as_date(value, where: str) -> date | None:
    """YAML reads an unquoted 2021-03-02 as a date; a quoted one arrives as a string."""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise DemoDataError(f"{where}: published_on {value!r} is not a YYYY-MM-DD date") from exc


def differs(obj, values: dict) -> bool:
    return any(getattr(obj, name) != value for name, value in values.items())


def set_if_changed(obj, relation: str, wanted: list, created: bool) -> None:
    """Set a many-to-many relation unless it already holds exactly ``wanted``.

    Reads the prefetched relation of an existing object: no query when nothing changed.
    """
    manager = getattr(obj, relation)
    if created or {o.pk for o in manager.all()} != {o.pk for o in wanted}:
        manager.set(wanted)
