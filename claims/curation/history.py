"""Readable change history of sources, claims, mentions and vocabulary entries
(django-simple-history records).

``entries(records)`` turns historical records into "who changed what, when" lines, newest first.
Diffs are computed in Python between consecutive records of the same object, so a page of history
costs one query for the records, plus one for the claims (or parent conditions) named in changes,
plus one per many-to-many field kept in the history (a mention's substances and conditions).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from claims.models import Claim, Condition, Mention
from sources.models import Source

# Fields not worth a line: they change with every save or are derived.
SKIPPED = {
    "id",
    "updated_at",
    "created_at",
    "content_hash",
    "word_count",
    "context_before",
    "context_after",
    "explain",
    "is_overclaim",
    "overclaim_reasons",
    "credibility_score",
    "reviewed_at",
    "reviewed_by",
    "status_changed_at",
    "added_by",
    "end",
}
ACTIONS = {"+": "created", "~": "changed", "-": "deleted"}
# Many-to-many rows are set just after the row is saved (ingest, a label edit): changes of them
# this soon after, by the same user, are shown as part of that save.
SETTLING = datetime.timedelta(seconds=5)
_LONG = 120


@dataclass
class Change:
    label: str
    old: str
    new: str
    # For a many-to-many field: the names held before and after (old/new show what was
    # removed and added), so that changes made in one go can be merged.
    before: frozenset[str] | None = None
    after: frozenset[str] | None = None


def _set_change(label: str, before: frozenset[str], after: frozenset[str]) -> Change:
    removed = sorted(before - after, key=str.casefold)
    added = sorted(after - before, key=str.casefold)
    return Change(label, ", ".join(removed) or "—", ", ".join(added) or "—", before, after)


@dataclass
class HistoryEntry:
    when: datetime.datetime
    who: str
    action: str
    subject: str
    changes: list[Change] = field(default_factory=list)
    reason: str = ""
    object_id: int | None = None
    user_id: int | None = None

    def absorb(self, changes: list[Change]) -> None:
        """Merge many-to-many changes made right after this entry's (one save sets a field
        and then clears and adds its rows: one line, not three)."""
        for change in changes:
            same = next(
                (c for c in self.changes if c.label == change.label and c.before is not None),
                None,
            )
            if same is None:
                self.changes.append(change)
                continue
            merged = _set_change(change.label, same.before, change.after)
            self.changes[self.changes.index(same)] = merged
        self.changes = [c for c in self.changes if c.before is None or c.before != c.after]


def _fields(model) -> dict[str, object]:
    return {
        f.attname if f.is_relation else f.name: f
        for f in model._meta.concrete_fields
        if f.name not in SKIPPED and f.attname not in SKIPPED and f.name != "source"
    }


def _show(model_field, value, related: dict[str, dict[int, str]]) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if model_field.name in related:
        return related[model_field.name].get(value, f"{model_field.name} #{value}")
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    text = str(value)
    return text if len(text) <= _LONG else text[: _LONG - 1] + "…"


def _m2m_names(records) -> dict[str, dict[int, frozenset[str]]]:
    """For each many-to-many field kept in the history (a mention's substances and conditions),
    the names each record holds: {field label: {history_id: names}}. One query per field."""
    out: dict[str, dict[int, frozenset[str]]] = {}
    record_type = type(records[0])
    for model_field in getattr(record_type, "_history_m2m_fields", []):
        through = getattr(record_type, model_field.name).model
        target = model_field.related_model._meta.model_name
        names: dict[int, set[str]] = {r.history_id: set() for r in records}
        rows = through.objects.filter(history_id__in=list(names)).values_list(
            "history_id", f"{target}__name"
        )
        for history_id, name in rows:
            if name:
                names[history_id].add(name)
        out[str(model_field.verbose_name)] = {k: frozenset(v) for k, v in names.items()}
    return out


def _m2m_changes(m2m, before, record) -> list[Change]:
    changes = []
    for label, names in m2m.items():
        old, new = names[before.history_id], names[record.history_id]
        if old != new:
            changes.append(_set_change(label, old, new))
    return changes


def _subject(record, model) -> str:
    if model is Mention:
        quote = record.quote or ""
        return "Mention “" + (quote if len(quote) <= 70 else quote[:69] + "…") + "”"
    if model is Claim:
        return f"Claim “{record.statement}”"
    if model is Source:
        return "Source"
    name = getattr(record, "name", "")
    label = model._meta.verbose_name.capitalize()
    return f"{label} “{name}”" if name else label


def entries(records, *, limit: int | None = 50) -> list[HistoryEntry]:
    """History lines for historical ``records`` (any mix of objects of one model).

    Pass every record of the objects concerned: the diff of a record is taken against the
    previous record of the same object.
    """
    records = list(records)
    if not records:
        return []
    model = records[0].instance_type
    fields = _fields(model)
    records.sort(key=lambda r: (r.history_date, r.history_id))
    claim_ids = set()
    if "claim_id" in fields:
        claim_ids = {r.claim_id for r in records if r.claim_id}
    related = {"claim": dict(Claim.objects.filter(pk__in=claim_ids).values_list("pk", "statement"))}
    if "parent_id" in fields:
        parent_ids = {r.parent_id for r in records if r.parent_id}
        related["parent"] = dict(
            Condition.objects.filter(pk__in=parent_ids).values_list("pk", "name")
        )

    m2m = _m2m_names(records)

    previous: dict[int, object] = {}
    out: list[HistoryEntry] = []
    for record in records:
        before = previous.get(record.id)
        changes = []
        if before is not None and record.history_type == "~":
            for name, model_field in fields.items():
                old, new = getattr(before, name, None), getattr(record, name, None)
                if old != new:
                    label = "position" if name == "start" else model_field.verbose_name
                    if name == "text":
                        changes.append(Change("text", "previous version", "new version"))
                    else:
                        changes.append(
                            Change(
                                label,
                                _show(model_field, old, related),
                                _show(model_field, new, related),
                            )
                        )
        if before is not None and record.history_type == "~":
            changes += _m2m_changes(m2m, before, record)
        elif record.history_type == "+":
            # Created with its substances and conditions (bulk ingest writes them at once).
            changes += [
                _set_change(label, frozenset(), names[record.history_id])
                for label, names in m2m.items()
                if names[record.history_id]
            ]
        previous[record.id] = record
        if record.history_type == "~" and before is not None and not changes:
            continue  # a save that changed nothing visible
        last = out[-1] if out else None
        if (
            last is not None
            and record.history_type == "~"
            and last.object_id == record.id
            and last.user_id == record.history_user_id
            and record.history_date - last.when <= SETTLING
            and all(c.before is not None for c in changes)
        ):
            last.absorb(changes)
            continue
        user = record.history_user
        out.append(
            HistoryEntry(
                when=record.history_date,
                who=user.get_username() if user else "system",
                action=ACTIONS.get(record.history_type, record.history_type),
                subject=_subject(record, model),
                changes=changes,
                reason=record.history_change_reason or "",
                object_id=record.id,
                user_id=record.history_user_id,
            )
        )
    out.reverse()
    return out[:limit] if limit else out


def source_history(source: Source, *, limit: int = 60) -> list[HistoryEntry]:
    """The source's own changes and those of its mentions, newest first. Five queries."""
    own = entries(source.history.select_related("history_user"), limit=None)
    mentions = entries(
        Mention.history.filter(source_id=source.pk).select_related("history_user"), limit=None
    )
    merged = sorted(own + mentions, key=lambda e: e.when, reverse=True)
    return merged[:limit]


def claim_history(claim: Claim, *, limit: int = 40) -> list[HistoryEntry]:
    """The claim's changes and the mentions linked to or away from it, newest first."""
    own = entries(claim.history.select_related("history_user"), limit=None)
    mention_ids = Mention.history.filter(claim_id=claim.pk).values("id")
    mentions = entries(
        Mention.history.filter(id__in=mention_ids).select_related("history_user"), limit=None
    )
    relevant = [
        e for e in mentions if e.action != "changed" or any(c.label == "claim" for c in e.changes)
    ]
    merged = sorted(own + relevant, key=lambda e: e.when, reverse=True)
    return merged[:limit]
