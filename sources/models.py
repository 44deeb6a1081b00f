"""Articles, their publishers and the curator-answered credibility rubric.

The score derived from the rubric and the mentions is computed in claims/credibility.py: this app
knows nothing of claims.
"""

import hashlib
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from sources.canonical import canonical_url, content_hash
from sources.versioning import bump_version


def normalise_text(text: str) -> str:
    """The form in which article text is stored: Unix newlines, no trailing white space at the end.

    Offsets of mentions refer to this form, so everything that stores text goes through here.
    """
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


class SourceType(models.TextChoices):
    NEWS = "news", "News"
    UNIVERSITY_PRESS = "university_press", "University press office"
    JOURNAL = "journal", "Journal"
    CLINIC_OR_VENDOR = "clinic_or_vendor", "Clinic or vendor"
    WELLNESS_BLOG = "wellness_blog", "Wellness blog"
    FORUM_QA = "forum_qa", "Forum or Q&A"
    GOVERNMENT = "government", "Government"
    ENCYCLOPEDIA = "encyclopedia", "Encyclopedia"
    HEALTH_INFO_SITE = "health_info_site", "Health information site"


class SourceStatus(models.TextChoices):
    DRAFT = "draft", "Draft (curators only)"
    PUBLISHED = "published", "Published"


class Publisher(models.Model):
    name = models.CharField(max_length=200, unique=True)
    website = models.URLField(blank=True, help_text="Home page of the publisher, if known.")
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        # The publisher page reads mentions, so it lives with the claims pages.
        return reverse("claims:publisher-detail", args=[self.pk])


class SourceQuerySet(models.QuerySet):
    def published(self) -> "SourceQuerySet":
        return self.filter(status=SourceStatus.PUBLISHED)

    def drafts(self) -> "SourceQuerySet":
        return self.filter(status=SourceStatus.DRAFT)

    def find_existing(self, *, text: str, url: str = "") -> "Source | None":
        """The source already holding this text (or this URL, when one is given), if any: white
        space in the text and trivia in the URL (sources.canonical) make no difference."""
        match = Q(content_hash=content_hash(text))
        if url := canonical_url(url):
            match |= Q(url=url)
        return self.filter(match).first()


class Source(models.Model):
    """An article: its metadata, full text and, once published, its place in the knowledge base."""

    title = models.CharField(max_length=300)
    url = models.URLField(
        max_length=500,
        blank=True,
        help_text="Where the article was found. Two sources cannot share a URL; it is stored "
        "without tracking parameters, fragment or trailing slash.",
    )
    publisher = models.ForeignKey(
        Publisher, null=True, blank=True, on_delete=models.SET_NULL, related_name="sources"
    )
    author = models.CharField(
        max_length=300, blank=True, help_text="Leave empty when the article names no author."
    )
    published_on = models.DateField(
        null=True, blank=True, help_text="The date the article shows; empty when it shows none."
    )
    retrieved_on = models.DateField(null=True, blank=True, help_text="When the text was copied.")
    text = models.TextField(help_text="The full article text; mentions point into it by offset.")
    content_hash = models.CharField(
        max_length=64,
        unique=True,
        editable=False,
        help_text="SHA-256 of the text with white space collapsed: the same text is never "
        "stored twice.",
    )
    word_count = models.PositiveIntegerField(default=0, editable=False)
    source_type = models.CharField(max_length=32, choices=SourceType.choices)
    commercial_interest = models.BooleanField(
        default=False,
        help_text="The publisher sells products or services related to what the article discusses.",
    )
    status = models.CharField(
        max_length=16,
        choices=SourceStatus.choices,
        default=SourceStatus.DRAFT,
        help_text="Only accepted mentions of published sources are shown to readers.",
    )
    status_changed_at = models.DateTimeField(null=True, blank=True)
    credibility_score = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        editable=False,
        help_text="0-100, derived from the rubric and measured items; recomputed on every change.",
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(
        default=1,
        editable=False,
        help_text="Bumped on every change: an edit made on an older version is refused.",
    )

    history = HistoricalRecords()
    objects = SourceQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(
                fields=["url"], condition=~Q(url=""), name="source_url_unique_when_set"
            ),
            models.CheckConstraint(
                condition=Q(source_type__in=SourceType.values), name="source_type_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=SourceStatus.values), name="source_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(credibility_score__isnull=True) | Q(credibility_score__lte=100),
                name="source_credibility_score_0_100",
            ),
        ]
        indexes = [
            # The curation queue: drafts oldest first.
            models.Index(fields=["status", "created_at"], name="source_status_created_idx"),
            # The source list sorted by credibility.
            models.Index(fields=["credibility_score"], name="source_credibility_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        self.text = normalise_text(self.text)
        self.url = canonical_url(self.url)
        self.content_hash = content_hash(self.text)
        self.word_count = len(self.text.split())
        bump_version(self, kwargs)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("sources:source-detail", args=[self.pk])

    @property
    def is_published(self) -> bool:
        return self.status == SourceStatus.PUBLISHED

    def clean(self) -> None:
        # Canonical before the uniqueness checks that follow clean() in full_clean().
        self.url = canonical_url(self.url)
        self.text = normalise_text(self.text or "")
        if not self.text:
            raise ValidationError({"text": "The article has no text."})
        duplicate = (
            Source.objects.exclude(pk=self.pk).filter(content_hash=content_hash(self.text)).first()
        )
        if duplicate:
            raise ValidationError(
                {"text": f"This text is already stored as “{duplicate.title}” (#{duplicate.pk})."}
            )


class RubricItem(models.TextChoices):
    """Curator-answered credibility items, from the JAMA benchmarks and DISCERN."""

    AUTHORSHIP = "authorship", "Authorship: authors and their credentials are named (JAMA)"
    ATTRIBUTION = "attribution", "Attribution: references and sources are listed (JAMA)"
    DISCLOSURE = "disclosure", "Disclosure: ownership, sponsorship and commercial interests (JAMA)"
    CURRENCY = "currency", "Currency: dates of posting and updating are given (JAMA)"
    CLAIM_SOURCES = "claim_sources", "It is clear what sources support the claims (DISCERN)"
    RISKS_DESCRIBED = "risks_described", "Risks and side effects are described (DISCERN)"
    UNCERTAINTY = "uncertainty", "Areas of uncertainty are acknowledged (DISCERN)"
    BALANCED = "balanced", "It is balanced and unbiased (DISCERN)"
    ALTERNATIVES = "alternatives", "Other treatment options are mentioned (DISCERN)"


class RubricAnswerValue(models.TextChoices):
    YES = "yes", "Yes"
    PARTLY = "partly", "Partly"
    NO = "no", "No"


class RubricAnswer(models.Model):
    """A curator's answer to one credibility item for one source, with what decided it."""

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="rubric_answers")
    item = models.CharField(max_length=32, choices=RubricItem.choices)
    answer = models.CharField(max_length=8, choices=RubricAnswerValue.choices)
    note = models.CharField(
        max_length=500, blank=True, help_text="What in the article decided the answer."
    )
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["source", "item"]
        constraints = [
            models.UniqueConstraint(fields=["source", "item"], name="rubric_answer_once_per_item"),
            models.CheckConstraint(
                condition=Q(item__in=RubricItem.values), name="rubric_item_valid"
            ),
            models.CheckConstraint(
                condition=Q(answer__in=RubricAnswerValue.values), name="rubric_answer_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source}: {self.get_item_display()} = {self.get_answer_display()}"

    @staticmethod
    def version_of(answers: Iterable["RubricAnswer"]) -> str:
        """The version of a source's answers, for the rubric form to carry: a digest of every
        item's answer and note. The answers are rows of their own, with no version number; the
        digest changes whenever one is given, changed or cleared. (Changed and changed back, it
        is the version the form was made on again: saving over it loses nothing unseen.)"""
        digest = hashlib.sha256()
        for answer in sorted(answers, key=lambda a: a.item):
            digest.update(f"{answer.item}\0{answer.answer}\0{answer.note}\0".encode())
        return digest.hexdigest()[:16]
