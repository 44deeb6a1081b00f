"""Vocabularies, canonical claims and the mentions that link them to the sentences of sources."""

import operator
from collections.abc import Iterable
from functools import reduce

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, F, OuterRef, Q, Value
from django.db.models.functions import Length, StrIndex
from django.db.models.lookups import GreaterThan
from django.urls import reverse
from simple_history.models import HistoricalRecords

from claims.labels import Certainty, ClaimKind, EvidenceCited, Grade, ReviewStatus
from claims.overclaim import overclaim_reasons
from sources.models import SourceStatus, content_hash, normalise_text
from sources.versioning import bump_version

__all__ = [
    "BrowseRow",
    "Certainty",
    "Claim",
    "ClaimCard",
    "ClaimMerge",
    "ClaimKind",
    "Condition",
    "EvidenceCited",
    "FacetCount",
    "Grade",
    "KnowledgeBaseVersion",
    "Mention",
    "ReviewStatus",
    "RevisionStatus",
    "SourceRevision",
    "Substance",
]

CONTEXT_CHARS = 80  # characters kept either side of a quote to find it again in an edited text


class VocabularyQuerySet(models.QuerySet):
    def resolve(self, term: str):
        """The entry whose slug, name or alias is ``term`` (case-insensitive), or None.

        Reads the whole (small) vocabulary: one query.
        """
        wanted = term.strip().casefold()
        for entry in self:
            names = [entry.slug, entry.name, *entry.aliases]
            if wanted in (name.casefold() for name in names):
                return entry
        return None


class VocabularyEntry(models.Model):
    slug = models.SlugField(max_length=64, unique=True)
    name = models.CharField(max_length=120)
    aliases = models.JSONField(
        default=list,
        blank=True,
        help_text="Other words for it, matched ignoring case (e.g. “magic mushrooms”).",
    )
    description = models.TextField(blank=True)

    objects = VocabularyQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if not isinstance(self.aliases, list) or not all(isinstance(a, str) for a in self.aliases):
            raise ValidationError({"aliases": "Aliases must be a list of words or phrases."})
        self.aliases = sorted({a.strip() for a in self.aliases if a.strip()}, key=str.casefold)


class Substance(VocabularyEntry):
    """A substance or practice claims are about (psilocybin, LSD, microdosing in general)."""

    history = HistoricalRecords()

    def get_absolute_url(self) -> str:
        return reverse("claims:substance-detail", args=[self.slug])


class ConditionQuerySet(VocabularyQuerySet):
    def tree(self) -> dict[int | None, list["Condition"]]:
        """These conditions by parent id, each list by name. One query."""
        tree: dict[int | None, list[Condition]] = {}
        for condition in self.order_by("name"):
            tree.setdefault(condition.parent_id, []).append(condition)
        return tree

    def descendant_ids(self, roots, tree=None) -> set[int]:
        """The ids of ``roots`` (conditions or ids) and of every condition nested under them:
        the one walk of the condition tree. One query unless ``tree`` (from :meth:`tree`) is
        given."""
        tree = self.tree() if tree is None else tree
        todo = [getattr(root, "pk", root) for root in roots]
        found = set(todo)
        while todo:
            for child in tree.get(todo.pop(), []):
                if child.pk not in found:
                    found.add(child.pk)
                    todo.append(child.pk)
        return found

    def related_ids(self, roots) -> set[int]:
        """``roots``, every condition nested under them and every condition above them (a
        claim about a parent or a child bears on these). One query."""
        tree = self.tree()
        parents = {c.pk: parent for parent, children in tree.items() for c in children}
        related = self.descendant_ids(roots, tree)
        for root in roots:
            node = parents.get(getattr(root, "pk", root))
            while node is not None and node not in related:
                related.add(node)
                node = parents.get(node)
        return related


class Condition(VocabularyEntry):
    """A condition or outcome. Conditions nest: filtering a parent includes its children."""

    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text="A broader condition (treatment-resistant depression → depression).",
    )

    history = HistoricalRecords()
    objects = ConditionQuerySet.as_manager()

    class Meta(VocabularyEntry.Meta):
        constraints = [
            models.CheckConstraint(condition=~Q(parent=F("id")), name="condition_not_own_parent"),
        ]

    def get_absolute_url(self) -> str:
        return reverse("claims:condition-detail", args=[self.slug])

    def with_descendants(self) -> list["Condition"]:
        """This condition and all conditions nested under it. One query for the whole tree."""
        tree = Condition.objects.tree()
        ids = Condition.objects.descendant_ids([self], tree)
        nested = [c for children in tree.values() for c in children if c.pk in ids - {self.pk}]
        return [self, *nested]

    def clean(self) -> None:
        super().clean()
        ancestor = self.parent
        while ancestor is not None:
            if ancestor.pk == self.pk:
                raise ValidationError({"parent": "A condition cannot be nested under itself."})
            ancestor = ancestor.parent


class ClaimQuerySet(models.QuerySet):
    def public(self) -> "ClaimQuerySet":
        """Claims with at least one accepted mention in a published source."""
        return self.filter(Exists(Mention.objects.public().filter(claim=OuterRef("pk"))))


class Claim(models.Model):
    """A canonical proposition, phrased neutrally, with the curated grade of its evidence."""

    slug = models.SlugField(max_length=120, unique=True)
    statement = models.CharField(
        max_length=300,
        help_text="The proposition in neutral words, without hedging: “Microdosing improves mood”.",
    )
    kind = models.CharField(max_length=16, choices=ClaimKind.choices)
    substances = models.ManyToManyField(Substance, blank=True, related_name="claims")
    conditions = models.ManyToManyField(Condition, blank=True, related_name="claims")
    grade = models.CharField(
        max_length=16,
        choices=Grade.choices,
        default=Grade.NOT_ASSESSED,
        help_text="GRADE certainty of the evidence that exists for the claim, not of any article.",
    )
    grade_rationale = models.TextField(
        blank=True,
        help_text="Which evidence exists (e.g. small placebo-controlled microdosing trials).",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(
        default=1,
        editable=False,
        help_text="Bumped on every change: an edit made on an older version is refused.",
    )

    history = HistoricalRecords(m2m_fields=[substances, conditions])
    objects = ClaimQuerySet.as_manager()

    class Meta:
        ordering = ["statement"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=ClaimKind.values), name="claim_kind_valid"),
            models.CheckConstraint(condition=Q(grade__in=Grade.values), name="claim_grade_valid"),
        ]
        indexes = [
            # The claims browser's minimum-grade filter.
            models.Index(fields=["grade"], name="claim_grade_idx"),
        ]

    def __str__(self) -> str:
        return self.statement

    def save(self, *args, **kwargs) -> None:
        bump_version(self, kwargs)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("claims:claim-detail", args=[self.slug])

    def consensus(self, mentions):
        """Who makes this claim and how (claims.consensus.Consensus), from its public mentions
        with their sources loaded. At most four queries, none per mention."""
        from claims.consensus import build

        return build(self, mentions)


class MentionQuerySet(models.QuerySet):
    def accepted(self) -> "MentionQuerySet":
        return self.filter(status=ReviewStatus.ACCEPTED)

    def suggested(self) -> "MentionQuerySet":
        return self.filter(status=ReviewStatus.SUGGESTED)

    def public(self) -> "MentionQuerySet":
        """What readers see: accepted, linked to a claim, in a published source."""
        return self.accepted().filter(claim__isnull=False, source__status=SourceStatus.PUBLISHED)

    def for_condition(self, condition: Condition) -> "MentionQuerySet":
        """Mentions about the condition or any condition nested under it."""
        ids = Condition.objects.descendant_ids([condition])
        return self.filter(conditions__in=ids).distinct()

    def for_substance(self, substance: Substance) -> "MentionQuerySet":
        return self.filter(substances=substance)

    def with_source(self) -> "MentionQuerySet":
        return self.select_related("source", "source__publisher")

    def in_text_order(self) -> "MentionQuerySet":
        return self.order_by("source_id", "start", "pk")

    def overclaims(self) -> "MentionQuerySet":
        """Mentions worded more certainly than their support (see claims/overclaim.py)."""
        return self.filter(is_overclaim=True)

    def refresh_overclaims(self) -> set[int]:
        """Recompute the stored overclaim flags of these mentions; returns the ids of the sources
        whose mentions changed (their credibility scores need recomputing).

        For changes that bypass ``Mention.save()`` (``update()``, a claim's grade); write functions
        reach it through ``claims.derived.refresh(mentions=...)``. One query to read, one bulk
        update for the changed rows only.
        """
        changed, sources = [], set()
        rows = self.select_related(None).values_list(
            "pk",
            "source_id",
            "certainty",
            "evidence_cited",
            "claim__grade",
            "is_overclaim",
            "overclaim_reasons",
        )
        for pk, source_id, certainty, evidence, grade, flagged, old_reasons in rows:
            reasons = overclaim_reasons(certainty, evidence, grade)
            if bool(reasons) != flagged or reasons != old_reasons:
                flag = Mention(pk=pk, is_overclaim=bool(reasons), overclaim_reasons=reasons)
                changed.append(flag)
                sources.add(source_id)
        Mention.objects.bulk_update(changed, ["is_overclaim", "overclaim_reasons"], batch_size=500)
        return sources


class Mention(models.Model):
    """A claim as one source makes it: the exact sentence, its hedging and the evidence cited."""

    source = models.ForeignKey("sources.Source", on_delete=models.CASCADE, related_name="mentions")
    claim = models.ForeignKey(
        Claim,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="mentions",
        help_text="The canonical claim this sentence makes; empty while it is only a suggestion.",
    )
    quote = models.TextField(help_text="The sentence exactly as in the source text.")
    start = models.PositiveIntegerField(help_text="Offset of the quote's first character.")
    end = models.PositiveIntegerField(help_text="Offset just after the quote's last character.")
    context_before = models.CharField(max_length=CONTEXT_CHARS, blank=True)
    context_after = models.CharField(max_length=CONTEXT_CHARS, blank=True)
    kind = models.CharField(max_length=16, choices=ClaimKind.choices)
    substances = models.ManyToManyField(Substance, blank=True, related_name="mentions")
    conditions = models.ManyToManyField(Condition, blank=True, related_name="mentions")
    certainty = models.CharField(
        max_length=16,
        choices=Certainty.choices,
        help_text="How certain the wording is; the weakest cue governing the claim wins.",
    )
    hedge_cues = models.JSONField(
        default=list, blank=True, help_text="The exact words that set the certainty."
    )
    evidence_cited = models.CharField(
        max_length=24,
        choices=EvidenceCited.choices,
        default=EvidenceCited.NONE,
        help_text="The strongest evidence the article cites for this sentence.",
    )
    cites_named_study = models.BooleanField(
        default=False, help_text="A study, author, institution, journal, year or agency is named."
    )
    named_studies = models.JSONField(
        default=list,
        blank=True,
        help_text="What the sentence names (studies, authors, institutions, journals, agencies), "
        'as spans of the quote: [{"start": 0, "end": 12, "text": "…"}], from the extractor.',
    )
    status = models.CharField(
        max_length=16, choices=ReviewStatus.choices, default=ReviewStatus.SUGGESTED
    )
    anchor_lost = models.BooleanField(
        default=False,
        help_text="The quote could not be found in a new version of the article: review it.",
    )
    explain = models.JSONField(
        default=dict, blank=True, help_text="Extractor output: label → text spans that caused it."
    )
    suggested = models.JSONField(
        default=dict,
        blank=True,
        editable=False,
        help_text="The extractor's labels when it suggested this mention (is_claim false: a "
        "passage the curator added): beside the final labels, what train_extractor learns from.",
    )
    is_overclaim = models.BooleanField(default=False, editable=False)
    overclaim_reasons = models.JSONField(default=list, blank=True, editable=False)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(
        default=1,
        editable=False,
        help_text="Bumped on every change: an edit made on an older version is refused.",
    )

    history = HistoricalRecords(m2m_fields=[substances, conditions])
    objects = MentionQuerySet.as_manager()

    class Meta:
        ordering = ["source", "start", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="mention_offsets_ordered"),
            models.CheckConstraint(
                condition=Q(end=F("start") + Length("quote")), name="mention_quote_fits_offsets"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=ClaimKind.values), name="mention_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(certainty__in=Certainty.values), name="mention_certainty_valid"
            ),
            models.CheckConstraint(
                condition=Q(evidence_cited__in=EvidenceCited.values), name="mention_evidence_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=ReviewStatus.values), name="mention_status_valid"
            ),
            models.UniqueConstraint(
                fields=["source", "start", "end", "claim"], name="mention_once_per_claim_and_place"
            ),
        ]
        indexes = [
            # A source's review screen and source page: its mentions in text order, by status.
            models.Index(fields=["source", "status", "start"], name="mention_source_status_idx"),
            # Claim pages and the claims browser: accepted mentions of a claim.
            models.Index(fields=["claim", "status"], name="mention_claim_status_idx"),
            # Browser filters on certainty / evidence cited / overclaims.
            models.Index(fields=["certainty"], name="mention_certainty_idx"),
            models.Index(fields=["evidence_cited"], name="mention_evidence_idx"),
            models.Index(fields=["is_overclaim"], name="mention_overclaim_idx"),
            # The claims browser's kind filter and facet.
            models.Index(fields=["kind"], name="mention_kind_idx"),
        ]

    def __str__(self) -> str:
        return self.quote if len(self.quote) <= 80 else self.quote[:79] + "…"

    def save(self, *args, **kwargs) -> None:
        # The database checks the quote's length against its offsets; that the quote is the very
        # slice of the source text spans two tables, so it is checked here, before every save.
        self.check_anchor()
        self.refresh_overclaim()
        bump_version(self, kwargs)
        if kwargs.get("update_fields") is not None:
            derived = {"is_overclaim", "overclaim_reasons"}
            kwargs["update_fields"] = {*kwargs["update_fields"], *derived}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return f"{self.source.get_absolute_url()}#mention-{self.pk}"

    @property
    def named_study_texts(self) -> list[str]:
        """The named studies' words, for display (whatever the JSON holds, never a 500)."""
        if not isinstance(self.named_studies, list):
            return []
        texts = []
        for item in self.named_studies:
            text = item.get("text") if isinstance(item, dict) else None
            if isinstance(text, str) and text.strip() and text.strip() not in texts:
                texts.append(text.strip())
        return texts

    def clean(self) -> None:
        if self.start is None or self.end is None or not self.source_id:
            return
        self.check_anchor()

    def check_anchor(self) -> None:
        text = self.source.text
        if self.end <= self.start:
            raise ValidationError("A mention must end after it starts.")
        if self.anchor_lost:
            return  # kept for review; its offsets refer to an earlier version of the text
        if self.end > len(text):
            raise ValidationError(
                f"The mention ends at {self.end}, past the end of the source text ({len(text)})."
            )
        if text[self.start : self.end] != self.quote:
            raise ValidationError(
                {"quote": "The quote does not match the source text at these offsets."}
            )

    def refresh_overclaim(self) -> None:
        """Set is_overclaim / overclaim_reasons from the rule in claims/overclaim.py.

        Reads the linked claim's grade (one query unless the claim is already loaded).
        """
        grade = self.claim.grade if self.claim_id else None
        self.overclaim_reasons = overclaim_reasons(self.certainty, self.evidence_cited, grade)
        self.is_overclaim = bool(self.overclaim_reasons)

    def set_context(self) -> None:
        """Keep the text around the quote so it can be found again in an edited article."""
        text = self.source.text
        self.context_before = text[max(0, self.start - CONTEXT_CHARS) : self.start]
        self.context_after = text[self.end : self.end + CONTEXT_CHARS]


# --- The readers' read model (written by claims/readmodel.py, never edited by hand) ------------


# One letter per filter in ``ClaimCard.filter_values``: short strings are what keep testing them
# on every card of a sort index cheap (about half the time of ``condition=`` and the like).
FILTER_CODES = {
    "condition": "c",
    "substance": "s",
    "grade": "g",
    "certainty": "w",  # wording
    "kind": "k",
    "source_type": "t",
    "overclaim": "o",
}


def filter_value(facet: str, value: str) -> str:
    """How ``ClaimCard.filter_values`` holds one value of a facet other than the source:
    ``,<code><value>,`` (``,c12,`` for condition 12, ``,kbenefit,``; the values are stored as
    ``,c12,kbenefit,...``, so each is found whole by a substring test)."""
    return f",{FILTER_CODES[facet]}{value},"


class ClaimCardQuerySet(models.QuerySet):
    def carrying(self, facet: str, values: Iterable[str]) -> "ClaimCardQuerySet":
        """The cards of claims with a public mention carrying one of these values of ``facet``
        (any filter but the source; values as the read model keys them: ids, grades, ``true``),
        tested on the cards' filter values: walking a sort index needs no other table."""
        tests = [
            Q(GreaterThan(StrIndex("filter_values", Value(filter_value(facet, v))), 0))
            for v in values
        ]
        return self.filter(reduce(operator.or_, tests)) if tests else self.none()

    def in_browser_order(self, sort: str) -> "ClaimCardQuerySet":
        """Order by one of the browser's sorts: ``sources``, ``grade``, ``statement`` (for
        ``relevance`` the caller annotates ``rank`` first). Served by the indexes in Meta."""
        return self.order_by(*CLAIM_CARD_ORDER[sort])


CLAIM_CARD_ORDER = {
    "relevance": ("-rank", "-n_sources", "statement", "claim_id"),
    "grade": ("-grade_rank", "-n_sources", "statement", "claim_id"),
    "statement": ("statement", "claim_id"),
    "sources": ("-n_sources", "-grade_rank", "statement", "claim_id"),
}


# What the cards' sort indexes carry besides the sort key: the filter values and the numbers a
# row of the browser shows (the statement and the claim are in the key).
CARD_INDEX_INCLUDE = [
    "filter_values",
    "n_mentions",
    "n_established",
    "n_probable",
    "n_possible",
    "n_anecdotal",
    "n_overclaims",
]


class ClaimCard(models.Model):
    """One row per public claim with the statistics of its public mentions: what a row of the claims
    browser shows and sorts on, so a page reads stored numbers instead of counting mentions. Its
    statement and quotes are the claim's search document (claims/search.py). Rewritten by
    ``claims.readmodel.refresh_claims`` in the transaction of every curation write; ``manage.py
    rebuild_read_model`` rebuilds it."""

    claim = models.OneToOneField(
        Claim,
        primary_key=True,
        on_delete=models.DO_NOTHING,  # removed by the refresh that follows a deletion
        related_name="card",
        db_constraint=False,
    )
    statement = models.CharField(max_length=300)
    grade_rank = models.SmallIntegerField(help_text="GRADE strength, -1 when not assessed.")
    n_sources = models.PositiveIntegerField()
    n_mentions = models.PositiveIntegerField()
    n_established = models.PositiveIntegerField()
    n_probable = models.PositiveIntegerField()
    n_possible = models.PositiveIntegerField()
    n_anecdotal = models.PositiveIntegerField()
    n_overclaims = models.PositiveIntegerField()
    quotes = models.TextField(
        default="", help_text="Its public mentions' quotes, one per line: searched with it."
    )
    filter_values = models.TextField(
        db_default="",  # the cards are inserted by INSERT ... SELECT, this column filled after
        help_text="Every filter value its public mentions carry but the source, each as "
        "',<facet code><value>,' (filter_value): a page filtered on one "
        "facet tests it while walking a sort index, with no probe of the filter rows per claim.",
    )

    objects = ClaimCardQuerySet.as_manager()

    class Meta:
        indexes = [
            # The browser's sorts, each with its whole key (CLAIM_CARD_ORDER, ties broken by the
            # claim): a filtered page walks the index in order and stops after one page, with
            # no sort step, testing the filters on the values the index carries and reading
            # what a row shows from it too (PostgreSQL: an index-only scan; SQLite has no
            # INCLUDE and reads the card).
            models.Index(
                F("n_sources").desc(),
                F("grade_rank").desc(),
                "statement",
                "claim",
                name="card_sources_idx",
                include=CARD_INDEX_INCLUDE,
            ),
            models.Index(
                F("grade_rank").desc(),
                F("n_sources").desc(),
                "statement",
                "claim",
                name="card_grade_idx",
                include=CARD_INDEX_INCLUDE,
            ),
            models.Index(
                fields=["statement", "claim"],
                name="card_statement_idx",
                include=CARD_INDEX_INCLUDE,
            ),
        ]

    def __str__(self) -> str:
        return self.statement


class BrowseRowQuerySet(models.QuerySet):
    def claim_ids(self):
        """The distinct claims these rows belong to, as a subquery."""
        return self.order_by().values("claim_id").distinct()


# The read-model column each facet of the claims browser filters and counts by.
FACET_COLUMNS = {
    "condition": "condition_id",
    "substance": "substance_id",
    "grade": "grade",
    "certainty": "certainty",
    "kind": "kind",
    "source_type": "source_type",
    "source": "source_id",
    "overclaim": "is_overclaim",
}
# The same as BrowseRow's fields.
ROW_FILTER_FIELDS = [column.removesuffix("_id") for column in FACET_COLUMNS.values()]


def covering(field: str) -> list[str]:
    """What an index of the read model's rows led by ``field`` carries besides its key."""
    return [name for name in ROW_FILTER_FIELDS if name != field]


class BrowseRow(models.Model):
    """The claims browser's filter table: one row per public mention x condition it is about
    (its own conditions and every condition above them, so a parent matches its children's
    mentions) x substance, with every filter column inline. A claim matches the browser's
    filters when one of its rows passes them all, which is "one of its mentions passes every
    filter": the semantics of ``claims.filters.ClaimFilter``. Written by ``claims.readmodel``."""

    # Derived rows, rewritten whole by claims.readmodel: no database foreign-key checks (they
    # cost more than the rows at bulk-load size; PostgreSQL checks them one by one at commit),
    # and no cascade: a deletion leaves the rows for the write's refresh, which needs them to
    # take the deleted mentions out of the stored counts. Each key has a composite index below.
    mention = models.ForeignKey(
        Mention, on_delete=models.DO_NOTHING, related_name="+", db_index=False, db_constraint=False
    )
    claim = models.ForeignKey(
        Claim, on_delete=models.DO_NOTHING, related_name="+", db_index=False, db_constraint=False
    )
    source = models.ForeignKey(
        "sources.Source",
        on_delete=models.DO_NOTHING,
        related_name="+",
        db_index=False,
        db_constraint=False,
    )
    source_type = models.CharField(max_length=32)
    certainty = models.CharField(max_length=16)
    kind = models.CharField(max_length=16)
    is_overclaim = models.BooleanField()
    grade = models.CharField(max_length=16)
    condition = models.ForeignKey(
        Condition,
        null=True,
        on_delete=models.DO_NOTHING,
        related_name="+",
        db_index=False,
        db_constraint=False,
    )
    substance = models.ForeignKey(
        Substance,
        null=True,
        on_delete=models.DO_NOTHING,
        related_name="+",
        db_index=False,
        db_constraint=False,
    )

    objects = BrowseRowQuerySet.as_manager()

    class Meta:
        indexes = [
            # Facet counts and filters: (value, claim) so each facet is an index-only scan.
            # The rows are stored in condition order (claims/readmodel.py _cluster_rows), so a
            # condition's rows lie together; a source has few. Any other value's rows lie on
            # every page of the table: its index carries every filter column, and a page with
            # it and more filters reads the index alone (at a million mentions, the top sources
            # of a two-filter page took 93 ms from the table and 23-29 ms from the index).
            models.Index(fields=["condition", "claim"], name="row_condition_idx"),
            models.Index(fields=["source", "claim"], name="row_source_idx"),
            *[
                models.Index(fields=[name, "claim"], name=f"row_{name}_idx", include=covering(name))
                for name in ["substance", "certainty", "kind", "grade", "source_type"]
            ],
            # The overclaim filter: only flagged rows are ever looked up.
            models.Index(
                fields=["claim"],
                condition=Q(is_overclaim=True),
                name="row_overclaim_idx",
                include=covering("is_overclaim"),
            ),
            # Refreshing a claim's rows, and the facets of a search (the rows of the claims it
            # matches, read from the index alone); search hits are mentions.
            models.Index(
                fields=["claim", "mention"], name="row_claim_idx", include=ROW_FILTER_FIELDS
            ),
            models.Index(fields=["mention"], name="row_mention_idx"),
        ]

    def __str__(self) -> str:
        return f"mention {self.mention_id} of claim {self.claim_id}"


class FacetCountQuerySet(models.QuerySet):
    def counts(self, facet: str) -> dict[int, int]:
        """{vocabulary id: public claims} for the ``condition`` or ``substance`` facet."""
        return {int(v): n for v, n in self.filter(facet=facet).values_list("value", "claims")}


class FacetCount(models.Model):
    """How many public claims carry each facet value, over the whole knowledge base: the facet
    counts of a page with no filter, or of the one facet whose filter is the only one active.
    Kept exact by ``claims.readmodel`` (each refresh adds the difference its claims make), so
    those counts never scan the filter rows."""

    facet = models.CharField(max_length=16)
    value = models.CharField(max_length=64)
    claims = models.PositiveIntegerField()

    objects = FacetCountQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["facet", "value"], name="facet_count_once"),
        ]
        indexes = [
            # The source facet's top sources.
            models.Index("facet", F("claims").desc(), name="facet_count_top_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.facet}={self.value}: {self.claims}"


class GivenCount(models.Model):
    """Public claims with a value of facet ``other`` given other facet values (the subclass
    names them): a stored facet count, kept exact by ``claims.readmodel``."""

    other = models.CharField(max_length=16)
    other_value = models.CharField(max_length=64)
    claims = models.PositiveIntegerField()

    class Meta:
        abstract = True


class FacetPairCount(GivenCount):
    """How many public claims have a mention with both values, for each pair of values of two
    different facets: the facet counts (and the count) of a page with one filter value, the most
    common page, read instead of counted. ``facet`` is never ``source`` (a source's rows are few
    enough to count); ``other`` may be. Kept exact like ``FacetCount`` (claims/readmodel.py)."""

    facet = models.CharField(max_length=16)
    value = models.CharField(max_length=64)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["facet", "value", "other", "other_value"], name="facet_pair_count_once"
            ),
        ]
        indexes = [
            # A page's facet counts, and its source facet's top sources.
            models.Index("facet", "value", "other", F("claims").desc(), name="facet_pair_top_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.facet}={self.value} & {self.other}={self.other_value}: {self.claims}"


class FacetTripleCount(GivenCount):
    """How many public claims have a mention with three values of three different facets (none
    of them the source): the facet counts and the count of a page with two or three filters of
    one value each (or a grade), read instead of counted. ``context`` names two of the values,
    ``facet=value|facet=value`` in the order of ``claims.readmodel.FILTER_FACETS``; ``other`` and
    ``other_value`` the third. Kept exact like ``FacetCount`` (claims/readmodel.py)."""

    context = models.CharField(max_length=160)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["context", "other", "other_value"], name="facet_triple_count_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.context} & {self.other}={self.other_value}: {self.claims}"


class KnowledgeBaseVersion(models.Model):
    """A single row counting publishing writes: reader pages derive their ETag and
    Last-Modified from it (claims/caching.py), so a CDN or browser revalidates with one cheap
    query and refetches only after a curation write. Bumped by ``claims.readmodel``."""

    version = models.PositiveBigIntegerField(default=0)
    changed_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"version {self.version} ({self.changed_at:%Y-%m-%d %H:%M})"


class RevisionStatus(models.TextChoices):
    PENDING = "pending", "Waiting for an editor"
    PUBLISHED = "published", "Published"
    DISCARDED = "discarded", "Discarded"


class SourceRevisionQuerySet(models.QuerySet):
    def pending(self) -> "SourceRevisionQuerySet":
        return self.filter(status=RevisionStatus.PENDING)


class SourceRevision(models.Model):
    """A new text of a *published* article, waiting for an editor.

    Publishing is the editor's decision, so a new version of a published article (the add page
    with its URL, or ``manage.py ingest``) does not touch the source: its text waits here. Readers
    keep seeing the published text and its accepted mentions. The revision page shows the editor
    the changes and, computed from the live mentions, which accepted mentions would be found again
    exactly, which only in an edited sentence (back to review) and which would be lost. When the
    editor publishes it, one transaction replaces the text, re-anchors the mentions, suggests for
    new sentences and refreshes derived data (``claims.curation.publishing.publish_revision``).
    The re-anchoring is computed then, not stored, so curators' later work on the published
    mentions is never overwritten by a stale copy. A draft source has no revisions: its text is
    replaced directly, since readers do not see it.
    """

    source = models.ForeignKey("sources.Source", on_delete=models.CASCADE, related_name="revisions")
    text = models.TextField(help_text="The new text, normalised as Source.text is.")
    content_hash = models.CharField(max_length=64, editable=False)
    retrieved_on = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=16, choices=RevisionStatus.choices, default=RevisionStatus.PENDING
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords()
    objects = SourceRevisionQuerySet.as_manager()

    class Meta:
        ordering = ["submitted_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=RevisionStatus.values), name="revision_status_valid"
            ),
            # The same new text submitted twice is one pending revision.
            models.UniqueConstraint(
                fields=["source", "content_hash"],
                condition=Q(status="pending"),
                name="revision_pending_once_per_text",
            ),
        ]
        indexes = [
            # The queue's list of pending revisions, oldest first.
            models.Index(fields=["status", "submitted_at"], name="revision_status_idx"),
        ]

    def __str__(self) -> str:
        return f"New version of “{self.source}” ({self.get_status_display().lower()})"

    def save(self, *args, **kwargs) -> None:
        self.text = normalise_text(self.text)
        self.content_hash = content_hash(self.text)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("curate:revision", args=[self.pk])

    @property
    def is_pending(self) -> bool:
        return self.status == RevisionStatus.PENDING


class ClaimMerge(models.Model):
    """What one merge did, exactly, so an editor can undo it.

    The history rows of the claim and its mentions carry the reason ("merged into <slug>") and
    the deleted rows themselves; this record lists which of them belong to the merge: the
    mentions moved to the target, the mentions deleted as duplicates of a target mention, the
    substances and conditions the target gained, and the target's rationale before. Undoing
    recreates the duplicate claim (same id and slug) from its last history row, moves exactly
    those mentions back and restores the deleted ones (``claims.curation.publishing.undo_merge``).
    """

    target = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="merges_in")
    duplicate_id = models.PositiveIntegerField(help_text="Id of the claim merged (and deleted).")
    duplicate_slug = models.SlugField(max_length=120)
    duplicate_statement = models.CharField(max_length=300)
    duplicate_substances = models.JSONField(default=list)
    duplicate_conditions = models.JSONField(default=list)
    moved_mentions = models.JSONField(default=list, help_text="Ids of the mentions moved.")
    removed_mentions = models.JSONField(
        default=list,
        help_text="Mentions deleted as duplicates: id, substance ids and condition ids.",
    )
    added_substances = models.JSONField(default=list)
    added_conditions = models.JSONField(default=list)
    target_rationale_before = models.TextField(blank=True)
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    merged_at = models.DateTimeField(auto_now_add=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    undone_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-merged_at", "-pk"]

    def __str__(self) -> str:
        return f"“{self.duplicate_statement}” merged into “{self.target}”"

    @property
    def is_undone(self) -> bool:
        return self.undone_at is not None


class PendingExtraction(models.Model):
    """A source whose suggestions a background task is making (``claims.curation.tasks``).

    The row exists from the moment the text is stored until the task has written the suggestions
    (it deletes the row in the same transaction); the task's state (queued, running, failed) is
    read from the task result named by ``task_id``, its progress from ``sentences_done``.
    """

    source = models.OneToOneField(
        "sources.Source", on_delete=models.CASCADE, related_name="pending_extraction"
    )
    task_id = models.CharField(max_length=64)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    sentences_done = models.PositiveIntegerField(
        default=0, help_text="Sentences the running task has analysed so far (recorded every 50)."
    )
    sentences_total = models.PositiveIntegerField(
        default=0, help_text="Sentences in the text; 0 until the task starts."
    )

    class Meta:
        ordering = ["requested_at", "pk"]

    def __str__(self):
        return f"Suggestions being made for source {self.source_id}"
