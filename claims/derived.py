"""Derived data, written by an explicit call at the end of every write that changes its inputs.

What is derived, and from what:

- a mention's **overclaim flag** (``is_overclaim``, ``overclaim_reasons``; claims/overclaim.py),
  from its certainty, the evidence it cites and its claim's grade. ``Mention.save()`` sets the
  flag of the mention it saves; writes that change the inputs of *other* mentions (a claim's
  grade, a deleted claim unlinking its mentions, ``QuerySet.update()``) pass those mentions here.
- a source's **credibility score** (``Source.credibility_score``; claims/credibility.py), from its
  rubric answers, its commercial interest and its accepted mentions (their number, named
  studies, overclaim flags).

Every write function (claims/curation/actions.py, ingest, the rubric form, the demo loader, the
admin) ends with one call to :func:`refresh`, inside its own transaction, naming what it
touched. There are no signal handlers and no deferral: a write that does not call it leaves
derived data stale, and ``manage.py recompute_credibility`` repairs everything.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import QuerySet

from claims import credibility
from claims.models import Mention


@dataclass(frozen=True)
class Refreshed:
    flags_changed_in: set[int] = field(default_factory=set)  # sources whose mentions' flags changed
    scores_changed: dict[int, int | None] = field(default_factory=dict)  # source id: new score


def refresh(
    *, source_ids: Iterable[int | None] = (), mentions: QuerySet[Mention] | None = None
) -> Refreshed:
    """Bring derived data up to date after a write; call it once, at the end of the write, inside
    the write's transaction.

    ``mentions``: mentions whose overclaim inputs changed without ``Mention.save()`` (a claim's
    grade, a claim deleted, ``update()``). Their flags are recomputed: one read, one bulk update
    of the rows that changed; the sources whose flags changed are rescored.

    ``source_ids``: sources whose score inputs changed (a mention saved, added or deleted, a rubric
    answer, the source itself). ``None`` entries and repeats are ignored.

    Each source is rescored once however many times it is named: two queries for all of them
    (mention counts, rubric answers) plus one UPDATE per score that changed.

    The read model of the reader pages, derived from the same writes, is refreshed here too:
    its call goes at the end of this function, with the same sources and mentions.
    """
    flags_changed_in: set[int] = set()
    if mentions is not None:
        flags_changed_in = mentions.refresh_overclaims()
    sources = {pk for pk in source_ids if pk is not None} | flags_changed_in
    scores_changed = credibility.recompute(sources)
    return Refreshed(flags_changed_in, scores_changed)
