"""The claims browser's filters, over the read model (``BrowseRow``: one row per public mention x
condition x substance). A claim is listed when one of its public mentions passes every active filter
(the search matches the claim as a whole: its statement or any of its quotes). Several values of one
filter are alternatives (OR); different filters must all hold (AND), for the same mention. The same
SQL runs on SQLite and PostgreSQL, so the semantics are identical; only the search
(claims/search.py) differs in machinery, not in meaning."""

from __future__ import annotations

from functools import cached_property

import django_filters
from django import forms
from django.db.models import Count, IntegerField, Q, Sum
from django.db.models.functions import Cast

from claims import search
from claims.browse import grades_at_least
from claims.labels import Certainty, ClaimKind, Grade
from claims.models import (
    BrowseRow,
    ClaimCard,
    Condition,
    FacetCount,
    FacetPairCount,
    FacetTripleCount,
    Substance,
)
from claims.readmodel import FILTER_FACETS, context, facet_count_query, facet_counts_among
from sources.models import Source, SourceType

SOURCE_FACET_SIZE = 15  # sources offered in the source facet; a search box finds the others
UNMATCHED_LIST = 2000  # a broad search's unmatched claims passed as a list of ids, up to this
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
    """The one entry point for listing claims the way the browser does (pages, fragments, API).

    ``ClaimFilter(request.GET)`` validates the GET parameters (an invalid value is left out and
    reported in ``form.errors``) and gives:

    - :meth:`claims`: the matching ``ClaimCard`` rows in the chosen order (``card.claim`` is the
      claim; the card holds its public statistics), a lazy queryset to paginate;
    - :meth:`count`: how many claims match; :meth:`facets`: every facet's options with the number
      of claims each gives together with the other active filters (two queries in all);
    - :meth:`rows`: the matching ``BrowseRow`` rows (one per public mention x condition x
      substance), e.g. to pick the page's quotes.

    Semantics (shown to readers under the filters): a claim matches when **one of its public
    mentions** passes every active filter; several values of one filter are alternatives (OR),
    different filters must all hold (AND). A condition includes the conditions nested under it;
    a grade means "at least this strong"; the search matches the claim as a whole (its statement
    or any of its public quotes, claims/search.py). Parameters: ``q condition substance grade
    certainty kind source source_type overclaim sort`` (and ``source_q``, which narrows the source
    facet's options only).
    """

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
        label="Type of source", choices=SourceType.choices, distinct=False
    )
    overclaim = django_filters.BooleanFilter(
        label="Only overclaims (wording more certain than the evidence)",
        method="filter_overclaim",
        widget=forms.CheckboxInput,
    )
    source_q = django_filters.CharFilter(
        label="Find a source", method="filter_nothing", max_length=100
    )

    class Meta:
        model = BrowseRow
        fields: list[str] = []

    def __init__(self, data=None, *args, **kwargs):
        kwargs.setdefault("queryset", BrowseRow.objects.all())
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

    # --- the filters: each a condition on one row ---------------------------------------------

    def filter_condition(self, queryset, name, value):
        # Rows carry every condition above the mention's own, so a parent needs no tree walk.
        return queryset.filter(condition__in=value) if value else queryset

    def filter_substance(self, queryset, name, value):
        return queryset.filter(substance__in=value) if value else queryset

    def filter_grade(self, queryset, name, value):
        return queryset.filter(grade__in=grades_at_least(value)) if value else queryset

    def filter_overclaim(self, queryset, name, value):
        return queryset.filter(is_overclaim=True) if value else queryset

    def filter_q(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(search.matching(value)) if value else queryset

    def filter_nothing(self, queryset, name, value):
        return queryset

    # --- applying them -------------------------------------------------------------------------

    @property
    def cleaned(self) -> dict:
        """The valid filter values (an invalid one is left out and reported by the form)."""
        self.errors  # noqa: B018 - validates the form
        return getattr(self.form, "cleaned_data", {})

    def active(self) -> set[str]:
        """The names of the filters with a valid value (``source_q`` and ``sort`` are not
        filters). Model choices are evaluated while validating, so this issues no query."""
        return {
            name
            for name, value in self.cleaned.items()
            if (name in FACETS or name == "q") and value
        }

    def rows(self, skip: str | None = None):
        """Read-model rows passing every valid filter but ``skip``."""
        queryset = self.queryset.all()
        for name, value in self.cleaned.items():
            if name == skip or name not in self.filters:
                continue
            queryset = self.filters[name].filter(queryset, value)
        return queryset

    def claims(self):
        """The matching claims' cards in the chosen order. No filter: every card, read by its
        sort index. Otherwise the cards whose filter values pass the filters but the source (a
        test on the card: walking a sort index needs no other table), and, when that is not
        the whole answer (the source, or several filters, which one mention must pass
        together), with a matching row (a semi-join, probed only for the cards that passed);
        and whose search document matches the search."""
        cards = ClaimCard.objects.defer("quotes", "filter_values")  # wide, never shown
        filters = self.active() - {"q"}
        for name in FILTER_FACETS:
            if name in filters:
                cards = cards.carrying(name, self.values(name))
        if len(filters) > 1 or "source" in filters:
            cards = cards.filter(claim_id__in=self.rows(skip="q").values("claim_id"))
        if self.search_text:
            cards = cards.filter(search.card_matches(self.search_text))
        if self.sort == "relevance":
            cards = cards.annotate(rank=search.rank(self.search_text))
        return cards.in_browser_order(self.sort)

    def count(self) -> int:
        return self.matching_claims

    @cached_property
    def matching_claims(self) -> int:
        if self.single_filter:
            name, values = self.single_filter
            counts = FacetCount.objects.filter(facet=name, value__in=values)
            return counts.aggregate(n=Sum("claims"))["n"] or 0
        if (stored := self.stored_count()) is not None:
            return stored
        if self.shared_facets:
            return self.shared_counts[1]
        if self.active() - {"q"}:
            return facet_counts_among(self.rows(), [], total=True)[0][2]
        return self.claims().order_by().count()

    def stored_count(self) -> int | None:
        """The count of a page with two or three filters of one value each (or a grade): the
        last filter's own counts given the others, from the pair or triple counts (read with
        the facets when they were read first: one query less); else None."""
        active = [name for name in FILTER_FACETS if name in self.active()]
        if len(active) not in (2, 3) or len(active) != len(self.active()):
            return None
        last = active[-1]
        known, values = self.stored_context(last), self.stored_values(last)
        if known is None or values is None:
            return None
        if "_facet_counts" in self.__dict__:  # already read with the facets
            counts = {v: n for facet, v, n in self.facet_counts() if facet == last}
            return sum(counts.get(v, 0) for v in values)
        return sum(self.stored_counts(known, last, values).values())

    @cached_property
    def shared_facets(self) -> list[str]:
        """The facets counted among the page's own rows (no filter of their own, none stored or
        paired to read). Not for a search alone (it may be broad: see :meth:`broad_search`)."""
        active = self.active()
        if not active or active == {"q"}:
            return []
        return [
            n for n in FACETS if n != "source" and n not in active and not self.stored_context(n)
        ]

    @cached_property
    def shared_counts(self) -> tuple[list[tuple[str, str, int]], int]:
        """(facet counts of :attr:`shared_facets`, and of the top sources when the source facet
        shares the page's rows too; the number of matching claims), from one read of the
        page's rows."""
        top = SOURCE_FACET_SIZE if self.sources_shared else 0
        counts = facet_counts_among(self.rows(), self.shared_facets, total=True, top_sources=top)
        return [c for c in counts if c[0]], next(n for facet, _, n in counts if not facet)

    @property
    def sources_shared(self) -> bool:
        """The source facet's top sources come with the shared counts: no source is chosen (its
        counts are those of the page's rows) and the find-a-source box is empty."""
        return bool(
            self.shared_facets
            and "source" not in self.active()
            and not (self.cleaned.get("source_q") or "").strip()
        )

    def values(self, name: str) -> list[str]:
        """Filter ``name``'s values as the read model keys them (a grade: every grade at least
        as strong)."""
        value = self.cleaned[name]
        if name == "grade":
            return grades_at_least(value)
        if name == "overclaim":
            return ["true"]
        return [str(v.pk) if hasattr(v, "pk") else v for v in value]

    def stored_values(self, name: str) -> list[str] | None:
        """Filter ``name``'s values as the stored counts key them, when its claims are those of
        one stored value or of disjoint ones (a claim has one grade, so the grades "at least" a
        grade hold disjoint sets of claims and their counts add up); else None."""
        values = self.values(name)
        return values if name in {"grade", "overclaim"} or len(values) == 1 else None

    def stored_context(self, facet: str) -> list[tuple[str, list[str]]] | None:
        """The other active filters, as (filter, stored values) in ``FILTER_FACETS`` order, when
        ``facet``'s counts are stored: one or two of them, neither the search nor the source,
        each one value (or a grade); for two, ``facet`` is not the source either (its counts
        are stored per pair of values, not per triple). Else None."""
        others = self.active() - {facet}
        if not 1 <= len(others) <= 2 or others & {"q", "source"}:
            return None
        if len(others) == 2 and facet == "source":
            return None
        known = []
        for name in sorted(others, key=FILTER_FACETS.index):
            values = self.stored_values(name)
            if values is None:
                return None
            known.append((name, values))
        return known

    def paired_with(self, facet: str) -> tuple[str, list[str]] | None:
        """(filter, its stored values) when ``facet``'s counts have one filter to apply and are
        read from ``FacetPairCount`` (see :meth:`stored_context`); else None."""
        known = self.stored_context(facet)
        return known[0] if known and len(known) == 1 else None

    @staticmethod
    def stored_counts(
        known: list[tuple[str, list[str]]], other: str, values: list[str] | None = None
    ) -> dict[str, int]:
        """{value of ``other``: claims} given the ``known`` filters (one: the pair counts; two:
        the triple counts), summed over their values (disjoint sets of claims). One query."""
        if len(known) == 1:
            ((name, given),) = known
            counts = FacetPairCount.objects.filter(facet=name, value__in=given, other=other)
        else:
            (first, a), (second, b) = known
            contexts = [context([(first, x), (second, y)]) for x in a for y in b]
            counts = FacetTripleCount.objects.filter(context__in=contexts, other=other)
        if values is not None:
            counts = counts.filter(other_value__in=values)
        summed = counts.values("other_value").annotate(n=Sum("claims"))
        return dict(summed.values_list("other_value", "n"))

    @cached_property
    def single_filter(self) -> tuple[str, list[str]] | None:
        """The page's only filter, when its count is stored (see :meth:`paired_with`)."""
        return self.paired_with("") if len(self.active()) == 1 else None

    @cached_property
    def broad_search(self) -> bool:
        """Only a search is active and it matches most claims: the facet counts are then the
        stored counts less those of the few claims it does not match (claims are counted once
        per value, so counts over disjoint sets of claims add up)."""
        return self.active() == {"q"} and 2 * self.matching_claims > ClaimCard.objects.count()

    @cached_property
    def _unmatched_counts(self) -> dict[tuple[str, str], int]:
        unmatched = ClaimCard.objects.filter(~Q(search.card_matches(self.search_text)))
        ids = list(unmatched.values_list("claim_id", flat=True)[: UNMATCHED_LIST + 1])
        if len(ids) <= UNMATCHED_LIST:  # the usual case: read once, not once per facet
            unmatched = ids
        else:  # as a subquery (card_matches names the outer table)
            unmatched = ClaimCard.objects.exclude(search.matching(self.search_text)).values(
                "claim_id"
            )
        rows = BrowseRow.objects.filter(claim_id__in=unmatched)
        query = facet_count_query(lambda name: rows, FACETS)
        return {(facet, value): n for facet, value, n in query}

    def unmatched_counts(self, facet: str | None = None) -> dict:
        """Claims per (facet, value) among those the search does not match (one query, shared
        by every facet); with ``facet``, {value: claims} for that facet."""
        if facet is None:
            return self._unmatched_counts
        return {v: n for (f, v), n in self._unmatched_counts.items() if f == facet}

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
        the other active filters. At most two queries for every facet but the source facet
        (:meth:`facet_counts`), two for the source facet, and the two vocabularies: the same
        number whatever the page size or the number of facet options."""
        selected = self.selected_values()
        counts: dict[str, dict[str, int]] = {name: {} for name in FACETS}
        for facet, value, n in self.facet_counts():
            counts[facet][value] = n
        grade_counts = counts["grade"]
        # A claim has one grade, so "at least" sums the distinct counts of the grades above.
        counts["grade"] = {
            value: sum(grade_counts.get(g, 0) for g in grades_at_least(value))
            for value, _ in GRADE_CHOICES
        }
        facets = []
        for name, heading in FACETS.items():
            if name == "source":
                options = self.source_options(selected["source"])
            else:
                options = [
                    {
                        "value": value,
                        "label": label,
                        "depth": depth,
                        "count": counts[name].get(key, 0),
                        "checked": value in selected.get(name, set()),
                    }
                    for value, label, depth, key in self.facet_options(name)
                ]
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

    def stored_facets(self) -> set[str]:
        """Facets whose counts need no filter but their own: the stored ``FacetCount`` rows
        answer them (no active filter, or only that facet's)."""
        active = self.active()
        return {name for name in FACETS if not active - {name}}

    @cached_property
    def _facet_counts(self) -> list[tuple[str, str, int]]:
        return self._count_facets()

    def facet_counts(self) -> list[tuple[str, str, int]]:
        """See :meth:`_count_facets` (read once per page)."""
        return self._facet_counts

    def _count_facets(self) -> list[tuple[str, str, int]]:
        """(facet, value, claims) for every facet but the source facet: the stored counts in
        one query, those with one or two filter values to apply from the pair and triple counts
        in one more each, the others in one more (a UNION ALL of a grouped count per facet)."""
        if self.broad_search:
            less = self.unmatched_counts()
            found = FacetCount.objects.exclude(facet="source").values_list(
                "facet", "value", "claims"
            )
            return [(f, v, n - less.get((f, v), 0)) for f, v, n in found if n > less.get((f, v), 0)]
        active = self.active()
        stored = self.stored_facets() - {"source"}
        known = {name: self.stored_context(name) for name in FACETS if name not in stored}
        known = {name: ctx for name, ctx in known.items() if ctx and name != "source"}
        counted = set(FACETS) - stored - known.keys() - {"source"}
        found = list(
            FacetCount.objects.filter(facet__in=stored).values_list("facet", "value", "claims")
        )
        # One query for every facet whose other filters are one or two values.
        parts = []
        for size, model in ((1, FacetPairCount), (2, FacetTripleCount)):
            wanted = Q()
            for name, ctx in known.items():
                if len(ctx) != size:
                    continue
                if size == 1:
                    ((other, values),) = ctx
                    wanted |= Q(facet=other, value__in=values, other=name)
                else:
                    (first, a), (second, b) = ctx
                    contexts = [context([(first, x), (second, y)]) for x in a for y in b]
                    wanted |= Q(context__in=contexts, other=name)
            if wanted:
                parts.append(
                    model.objects.filter(wanted)
                    .values("other", "other_value")
                    .annotate(n=Sum("claims"))  # grades: disjoint sets of claims add up
                    .values_list("other", "other_value", "n")
                )
        if parts:
            found += parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
        # Facets with no filter of their own share the page's rows: read once for all of them.
        if self.shared_facets:  # already read with the page's count
            found += [row for row in self.shared_counts[0] if row[0] != "source"]
        else:
            found += facet_counts_among(self.rows(), [n for n in FACETS if n in counted - active])
        query = facet_count_query(self.rows, [n for n in FACETS if n in counted & active])
        return found + (list(query) if query is not None else [])

    def source_options(self, chosen: set[str]) -> list[dict]:
        """The sources giving the most claims with the other filters (``SOURCE_FACET_SIZE`` of
        them, narrowed by ``source_q``), then any chosen source not among them. Two queries."""
        wanted = (self.cleaned.get("source_q") or "").strip()
        named = Source.objects.published()
        if wanted:
            named = named.filter(title__icontains=wanted)
        if pair := self.paired_with("source"):  # stored per pair of values: read, not counted
            name, values = pair
            counts = FacetPairCount.objects.filter(facet=name, value__in=values, other="source")
            counts = counts.annotate(source_id=Cast("other_value", output_field=IntegerField()))
            if len(values) > 1:  # grades: disjoint sets of claims, so the counts add up
                counts = counts.values("source_id").annotate(claims=Sum("claims"))
        elif self.sources_shared:  # read with the page's count and other facets
            counts = None
        elif "source" in self.stored_facets() or self.broad_search:
            counts = FacetCount.objects.filter(facet="source").annotate(
                source_id=Cast("value", output_field=IntegerField())
            )
        else:
            counts = (
                self.rows(skip="source")
                .order_by()
                .values("source_id")
                .annotate(claims=Count("claim_id", distinct=True))
            )
        if counts is None:
            top = [(int(v), n) for facet, v, n in self.shared_counts[0] if facet == "source"]
        else:
            offered = counts.filter(source_id__in=named.values("pk")) if wanted else counts
            top = offered.order_by("-claims", "source_id").values_list("source_id", "claims")
        less = self.unmatched_counts("source") if self.broad_search else {}
        if less:  # a broad search: every source's stored count less its unmatched claims
            left = {pk: n - less.get(str(pk), 0) for pk, n in top}
            top = sorted(((pk, n) for pk, n in left.items() if n > 0), key=lambda t: (-t[1], t[0]))
        found = dict(top[:SOURCE_FACET_SIZE])
        if missing := {int(pk) for pk in chosen} - found.keys():  # chosen, whatever source_q says
            found.update(counts.filter(source_id__in=missing).values_list("source_id", "claims"))
        titles = dict(
            Source.objects.filter(pk__in={*found, *map(int, chosen)}).values_list("pk", "title")
        )
        order = sorted(titles, key=lambda pk: (-found.get(pk, 0), titles[pk]))
        return [
            {
                "value": str(pk),
                "label": titles[pk],
                "depth": 0,
                "count": found.get(pk, 0),
                "checked": str(pk) in chosen,
            }
            for pk in order
        ]

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
    def condition_tree(self) -> dict[int | None, list[Condition]]:
        return Condition.objects.tree()

    @cached_property
    def substances_list(self) -> list[Substance]:
        return list(Substance.objects.order_by("name"))

    def facet_options(self, name: str) -> list[tuple[str, str, int, str]]:
        """(value in the URL, label, nesting depth, key in the facet counts) per option."""
        if name == "condition":
            options: list[tuple[str, str, int, str]] = []

            def walk(parent_id, depth):
                for condition in self.condition_tree.get(parent_id, []):
                    options.append((condition.slug, condition.name, depth, str(condition.pk)))
                    walk(condition.pk, depth + 1)

            walk(None, 0)
            return options
        if name == "substance":
            return [(s.slug, s.name, 0, str(s.pk)) for s in self.substances_list]
        if name == "grade":
            return [(value, label, 0, value) for value, label in GRADE_CHOICES]
        if name == "certainty":
            return [(c.value, c.label, 0, c.value) for c in Certainty]
        if name == "kind":
            return [(k.value, k.label, 0, k.value) for k in ClaimKind]
        if name == "source_type":
            return [(t.value, t.label, 0, t.value) for t in SourceType]
        return [("true", "Only overclaims", 0, "true")]
