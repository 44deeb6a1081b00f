"""The claims browser's filters. They act on public mentions: a claim is listed when any of its
mentions passes every active filter. Several values of one filter are alternatives (OR); different
filters must all hold (AND)."""

from __future__ import annotations

from collections import defaultdict
from functools import cached_property

import django_filters
from django import forms
from django.contrib.postgres.expressions import ArraySubquery
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import BooleanField, Count, F, Func, Q

from claims.browse import grades_at_least
from claims.labels import Certainty, ClaimKind, Grade
from claims.models import Claim, Condition, Mention, Substance
from sources.models import Source, SourceType

SEARCH_CONFIG = "english"
GRADE_CHOICES = [(g.value, g.label) for g in Grade if g.strength is not None]
SORT_CHOICES = [
    ("", "Best match, else most sources"),
    ("sources", "Most sources"),
    ("grade", "Strongest evidence"),
    ("statement", "A to Z"),
    ("relevance", "Best match"),
]

# The facets shown beside the results, in order: filter name -> heading.
FACETS = {
    "condition": "Condition",
    "substance": "Substance",
    "grade": "Evidence grade (at least)",
    "certainty": "Certainty of wording",
    "kind": "Kind of claim",
    "source_type": "Type of source",
    "source": "Source",
    "overclaim": "Overclaims",
}


def uses_postgres() -> bool:
    return connection.vendor == "postgresql"


def mention_search_vector() -> SearchVector:
    # The same expression as the GIN index of migration 0003, so PostgreSQL can use it.
    return SearchVector("quote", config=SEARCH_CONFIG)


def claim_search_vector(prefix: str = "") -> SearchVector:
    return SearchVector(f"{prefix}statement", config=SEARCH_CONFIG)


def search_query(q: str) -> SearchQuery:
    return SearchQuery(q, search_type="websearch", config=SEARCH_CONFIG)


class ClaimAmong(Func):
    """``claim_id = ANY(ARRAY(subquery))``. Unlike ``claim_id IN (subquery)`` inside an OR (a
    subplan PostgreSQL searches row by row once its result outgrows work_mem), this is an index
    condition: a search ORs the quotes' GIN match with the claims' ids in one bitmap scan."""

    template = "%(expressions)s)"
    arg_joiner = " = ANY("
    output_field = BooleanField()
    conditional = True

    def __init__(self, claim_ids, **extra):
        super().__init__(F("claim_id"), claim_ids, **extra)


class SlugMultipleChoiceFilter(django_filters.ModelMultipleChoiceFilter):
    """Several vocabulary entries by slug, with a message naming the unknown one."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("to_field_name", "slug")
        super().__init__(*args, **kwargs)

    @property
    def field(self):
        field = super().field
        field.error_messages["invalid_choice"] = "There is no %(value)s here; it was left out."
        return field


class IdMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Objects by database id; a value that is not a plausible id is an invalid choice before
    any query (SQLite's driver overflows on integers past 2**63)."""

    def _check_values(self, value):
        for pk in value:
            text = str(pk)
            if not (text.isascii() and text.isdecimal() and len(text) <= 18):
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super()._check_values(value)


class IdMultipleChoiceFilter(django_filters.ModelMultipleChoiceFilter):
    field_class = IdMultipleChoiceField


class ClaimFilter(django_filters.FilterSet):
    """Filters over ``Mention.objects.public()``; see ``claims`` and ``facets`` for the output."""

    q = django_filters.CharFilter(
        label="Search claims and quotes", method="filter_q", max_length=200
    )
    condition = SlugMultipleChoiceFilter(
        label="Condition", queryset=Condition.objects.all(), method="filter_condition"
    )
    substance = SlugMultipleChoiceFilter(
        label="Substance", queryset=Substance.objects.all(), method="filter_substance"
    )
    grade = django_filters.ChoiceFilter(
        label="Evidence grade (at least)", choices=GRADE_CHOICES, method="filter_grade"
    )
    certainty = django_filters.MultipleChoiceFilter(
        label="Certainty of wording", choices=Certainty.choices, distinct=False
    )
    kind = django_filters.MultipleChoiceFilter(
        label="Kind of claim", choices=ClaimKind.choices, distinct=False
    )
    source = IdMultipleChoiceFilter(
        label="Source", queryset=Source.objects.published(), distinct=False
    )
    source_type = django_filters.MultipleChoiceFilter(
        label="Type of source",
        field_name="source__source_type",
        choices=SourceType.choices,
        distinct=False,
    )
    overclaim = django_filters.BooleanFilter(
        label="Only overclaims (wording more certain than the evidence)",
        method="filter_overclaim",
        widget=forms.CheckboxInput,
    )

    class Meta:
        model = Mention
        fields: list[str] = []

    def __init__(self, data=None, *args, **kwargs):
        kwargs.setdefault("queryset", Mention.objects.public())
        super().__init__(data, *args, **kwargs)
        self.form.fields["sort"] = forms.ChoiceField(
            label="Sort by", choices=SORT_CHOICES, required=False
        )
        for name, field in self.form.fields.items():
            if name in {"certainty", "kind", "source_type", "source", "condition", "substance"}:
                field.error_messages["invalid_choice"] = (
                    "There is no %(value)s here; it was left out."
                )
                if hasattr(field, "error_messages") and "invalid_pk_value" in field.error_messages:
                    field.error_messages["invalid_pk_value"] = (
                        "“%(pk)s” is not a source number; it was left out."
                    )
        self.form.fields["grade"].error_messages["invalid_choice"] = (
            "There is no grade %(value)s; choose high, moderate, low or very-low."
        )

    # --- the filters ---------------------------------------------------------------------------

    @cached_property
    def condition_tree(self) -> dict[int | None, list[Condition]]:
        """All conditions by parent id: one query, reused for nesting and facet labels."""
        tree: dict[int | None, list[Condition]] = defaultdict(list)
        for condition in Condition.objects.order_by("name"):
            tree[condition.parent_id].append(condition)
        return tree

    def descendant_ids(self, condition: Condition) -> set[int]:
        found, todo = {condition.pk}, [condition.pk]
        while todo:
            for child in self.condition_tree.get(todo.pop(), []):
                if child.pk not in found:
                    found.add(child.pk)
                    todo.append(child.pk)
        return found

    def filter_condition(self, queryset, name, value):
        if not value:
            return queryset
        ids: set[int] = set()
        for condition in value:
            ids |= self.descendant_ids(condition)
        return queryset.filter(conditions__in=ids)

    def filter_substance(self, queryset, name, value):
        return queryset.filter(substances__in=value) if value else queryset

    def filter_grade(self, queryset, name, value):
        return queryset.filter(claim__grade__in=grades_at_least(value)) if value else queryset

    def filter_overclaim(self, queryset, name, value):
        return queryset.filter(is_overclaim=True) if value else queryset

    def filter_q(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        if uses_postgres():
            query = search_query(value)
            matching_claims = Claim.objects.alias(sv=claim_search_vector()).filter(sv=query)
            return queryset.alias(sv=mention_search_vector()).filter(
                Q(sv=query) | Q(ClaimAmong(ArraySubquery(matching_claims.values("pk"))))
            )
        return queryset.filter(Q(quote__icontains=value) | Q(claim__statement__icontains=value))

    # --- applying them -------------------------------------------------------------------------

    @property
    def cleaned(self) -> dict:
        """The valid filter values (an invalid one is left out and reported by the form)."""
        self.errors  # noqa: B018 - validates the form
        return getattr(self.form, "cleaned_data", {})

    def mentions_without(self, skip: str | None = None):
        """Public mentions passing every valid filter but ``skip``: the base of a facet's counts."""
        queryset = self.queryset.all()
        for name, value in self.cleaned.items():
            if name == skip or name not in self.filters:
                continue
            queryset = self.filters[name].filter(queryset, value)
        return queryset

    @property
    def search_text(self) -> str:
        return (self.cleaned.get("q") or "").strip()

    @property
    def sort(self) -> str:
        sort = self.cleaned.get("sort") or ""
        if sort == "relevance" and not self.search_text:
            return "sources"
        return sort or ("relevance" if self.search_text else "sources")

    # --- facet counts --------------------------------------------------------------------------

    def facets(self) -> list[dict]:
        """For each facet, its options with the number of claims each would give together with
        the other active filters. One grouped query per facet (eight in all) plus the source
        list; nothing per option."""
        selected = self.selected_values()
        facets = []
        for name, heading in FACETS.items():
            counts = getattr(self, f"_count_{name}")(self.mentions_without(name).order_by())
            options = []
            for value, label, depth in self.facet_options(name):
                options.append(
                    {
                        "value": value,
                        "label": label,
                        "depth": depth,
                        "count": counts.get(value, 0),
                        "checked": value in selected.get(name, set()),
                    }
                )
            # Only options with results or already chosen: long vocabularies stay short.
            options = [o for o in options if o["count"] or o["checked"]]
            facets.append(
                {
                    "name": name,
                    "heading": heading,
                    "options": options,
                    "single": name in {"grade", "overclaim"},
                }
            )
        return facets

    def selected_values(self) -> dict[str, set[str]]:
        data = self.cleaned
        selected: dict[str, set[str]] = {}
        selected["condition"] = {c.slug for c in data.get("condition") or []}
        selected["substance"] = {s.slug for s in data.get("substance") or []}
        selected["grade"] = {data["grade"]} if data.get("grade") else set()
        selected["certainty"] = set(data.get("certainty") or [])
        selected["kind"] = set(data.get("kind") or [])
        selected["source"] = {str(s.pk) for s in data.get("source") or []}
        selected["source_type"] = set(data.get("source_type") or [])
        selected["overclaim"] = {"true"} if data.get("overclaim") else set()
        return selected

    @cached_property
    def published_sources(self) -> list[Source]:
        return list(Source.objects.published().only("pk", "title").order_by("title"))

    @cached_property
    def substances_list(self) -> list[Substance]:
        return list(Substance.objects.order_by("name"))

    def facet_options(self, name: str) -> list[tuple[str, str, int]]:
        if name == "condition":
            options: list[tuple[str, str, int]] = []

            def walk(parent_id, depth):
                for condition in self.condition_tree.get(parent_id, []):
                    options.append((condition.slug, condition.name, depth))
                    walk(condition.pk, depth + 1)

            walk(None, 0)
            return options
        if name == "substance":
            return [(s.slug, s.name, 0) for s in self.substances_list]
        if name == "grade":
            return [(value, label, 0) for value, label in GRADE_CHOICES]
        if name == "certainty":
            return [(c.value, c.label, 0) for c in Certainty]
        if name == "kind":
            return [(k.value, k.label, 0) for k in ClaimKind]
        if name == "source_type":
            return [(t.value, t.label, 0) for t in SourceType]
        if name == "source":
            return [(str(s.pk), s.title, 0) for s in self.published_sources]
        return [("true", "Only overclaims", 0)]

    @staticmethod
    def _grouped(mentions, field: str) -> dict:
        rows = mentions.values(field).annotate(n=Count("claim", distinct=True))
        return {row[field]: row["n"] for row in rows}

    def _count_condition(self, mentions) -> dict[str, int]:
        # A parent counts its children's claims too, so distinct (claim, condition) pairs are
        # read and rolled up here: their number is bounded by claims x conditions, not mentions.
        pairs = mentions.values_list("conditions__id", "claim_id").distinct()
        claims_by_condition: dict[int, set[int]] = defaultdict(set)
        for condition_id, claim_id in pairs:
            if condition_id is not None:
                claims_by_condition[condition_id].add(claim_id)
        counts = {}
        for conditions in self.condition_tree.values():
            for condition in conditions:
                claims: set[int] = set()
                for pk in self.descendant_ids(condition):
                    claims |= claims_by_condition.get(pk, set())
                counts[condition.slug] = len(claims)
        return counts

    def _count_substance(self, mentions) -> dict[str, int]:
        return self._grouped(mentions, "substances__slug")

    def _count_grade(self, mentions) -> dict[str, int]:
        by_grade = self._grouped(mentions, "claim__grade")
        # A claim has one grade, so "at least" sums the distinct counts of the grades above.
        return {
            value: sum(by_grade.get(g, 0) for g in grades_at_least(value))
            for value, _ in GRADE_CHOICES
        }

    def _count_certainty(self, mentions) -> dict[str, int]:
        return self._grouped(mentions, "certainty")

    def _count_kind(self, mentions) -> dict[str, int]:
        return self._grouped(mentions, "kind")

    def _count_source_type(self, mentions) -> dict[str, int]:
        return self._grouped(mentions, "source__source_type")

    def _count_source(self, mentions) -> dict[str, int]:
        return {str(k): v for k, v in self._grouped(mentions, "source_id").items()}

    def _count_overclaim(self, mentions) -> dict[str, int]:
        return {"true": self._grouped(mentions, "is_overclaim").get(True, 0)}
