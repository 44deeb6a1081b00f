"""Admin of vocabularies, claims and mentions, and of sources with their mentions.

Admin writes end like every other write, with ``claims.derived.refresh()`` in the same
transaction (``RefreshesDerivedData``)."""

from django.contrib import admin
from django.db import transaction
from django.db.models import QuerySet

from claims import derived, readmodel
from claims.labels import ReviewStatus
from claims.models import Claim, Condition, Mention, Substance
from claims.roles import is_editor
from sources import admin as sources_admin
from sources.history_admin import HistoryAdmin
from sources.models import RubricAnswer, Source


class RefreshesDerivedData:
    """Refreshes overclaim flags and credibility scores after the admin writes: after an object
    and its inlines are saved (``save_related``, which runs after ``save_model``), after a
    deletion (``delete_model``; ``delete_queryset``, the delete action), and after reverting to
    an earlier version (simple_history saves it through ``save_model`` alone)."""

    def derived_inputs(self, objects: QuerySet) -> dict:
        """The arguments of ``derived.refresh()`` for writes to ``objects``, read before the
        write (a deletion removes what leads to them)."""
        raise NotImplementedError

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        derived.refresh(**self.derived_inputs(self.model.objects.filter(pk=form.instance.pk)))

    def delete_model(self, request, obj) -> None:
        inputs = self.derived_inputs(self.model.objects.filter(pk=obj.pk))
        super().delete_model(request, obj)
        derived.refresh(**inputs)

    @transaction.atomic
    def delete_queryset(self, request, queryset) -> None:
        inputs = self.derived_inputs(queryset)
        super().delete_queryset(request, queryset)
        derived.refresh(**inputs)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        with transaction.atomic():
            response = super().history_form_view(request, object_id, version_id, extra_context)
            if request.method == "POST" and response.status_code == 302:  # reverted
                derived.refresh(**self.derived_inputs(self.model.objects.filter(pk=object_id)))
        return response


class EditorsChangeWhatReadersSee:
    """The publishing rule of the curation screens (claims/curation/publishing.py) in the admin:
    a curator made staff sees a published source and its accepted mentions read-only, and never
    sets a source's status. ``published(obj)`` says whether readers see ``obj``."""

    def published(self, obj) -> bool:
        raise NotImplementedError

    def has_change_permission(self, request, obj=None) -> bool:
        if obj is not None and not is_editor(request.user) and self.published(obj):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        if obj is not None and not is_editor(request.user) and self.published(obj):
            return False
        return super().has_delete_permission(request, obj)


def sources_of(objects: QuerySet, field: str = "source_id") -> dict:
    return {"source_ids": set(objects.values_list(field, flat=True))}


class ReadModelAdmin(admin.ModelAdmin):
    """Admin edits are curation writes too: the read model of the claims they touch is rewritten
    in the same transaction (after the related objects are saved, so m2m changes count)."""

    def claims_touched(self, obj) -> set[int]:
        raise NotImplementedError

    def save_model(self, request, obj, form, change):
        obj._claims_before = self.claims_touched(obj) if change and obj.pk else set()
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        obj = form.instance
        readmodel.refresh_claims(getattr(obj, "_claims_before", set()) | self.claims_touched(obj))

    def delete_model(self, request, obj):
        touched = self.claims_touched(obj)
        super().delete_model(request, obj)
        readmodel.refresh_claims(touched)

    def delete_queryset(self, request, queryset):
        touched = set().union(*(self.claims_touched(obj) for obj in queryset))
        super().delete_queryset(request, queryset)
        readmodel.refresh_claims(touched)


@admin.register(Substance)
class SubstanceAdmin(ReadModelAdmin):
    list_display = ["name", "slug", "aliases"]
    search_fields = ["name", "slug", "aliases"]
    prepopulated_fields = {"slug": ["name"]}

    def claims_touched(self, obj) -> set[int]:
        mentions = Mention.objects.filter(substances=obj, claim__isnull=False)
        return set(mentions.values_list("claim_id", flat=True))


@admin.register(Condition)
class ConditionAdmin(ReadModelAdmin):
    list_display = ["name", "slug", "parent", "aliases"]
    list_filter = [("parent", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name", "slug", "aliases"]
    prepopulated_fields = {"slug": ["name"]}
    list_select_related = ["parent"]

    def claims_touched(self, obj) -> set[int]:
        # Rows carry each condition's ancestors: re-parenting changes its descendants' claims.
        return readmodel.claims_of_conditions([obj.pk])


class ClaimMentionInline(admin.TabularInline):
    model = Mention
    fields = ["source", "quote", "certainty", "evidence_cited", "status"]
    readonly_fields = ["source", "quote"]
    extra = 0
    show_change_link = True

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Claim)
class ClaimAdmin(ReadModelAdmin, RefreshesDerivedData, HistoryAdmin):
    list_display = ["statement", "kind", "grade", "slug"]
    list_filter = ["kind", "grade", "substances", "conditions"]
    search_fields = ["statement", "slug", "grade_rationale"]
    filter_horizontal = ["substances", "conditions"]
    prepopulated_fields = {"slug": ["statement"]}
    inlines = [ClaimMentionInline]

    def claims_touched(self, obj) -> set[int]:
        return {obj.pk}

    def derived_inputs(self, objects: QuerySet) -> dict:
        # The grade sets its mentions' flags; deleting the claim unlinks them (SET_NULL).
        rows = list(Mention.objects.filter(claim__in=objects).values_list("pk", "source_id"))
        return {
            "mentions": Mention.objects.filter(pk__in=[pk for pk, _ in rows]),
            "source_ids": {source_id for _, source_id in rows},
        }


@admin.register(Mention)
class MentionAdmin(EditorsChangeWhatReadersSee, ReadModelAdmin, RefreshesDerivedData, HistoryAdmin):
    list_display = [
        "__str__",
        "source",
        "claim",
        "certainty",
        "evidence_cited",
        "cites_named_study",
        "status",
        "is_overclaim",
    ]
    list_filter = [
        "status",
        "certainty",
        "evidence_cited",
        "kind",
        "cites_named_study",
        "is_overclaim",
        "anchor_lost",
        "source__source_type",
        "substances",
        "conditions",
    ]
    search_fields = ["quote", "claim__statement", "source__title"]
    autocomplete_fields = ["claim"]
    filter_horizontal = ["substances", "conditions"]
    list_select_related = ["source", "claim"]
    readonly_fields = [
        "source",
        "start",
        "end",
        "context_before",
        "context_after",
        "explain",
        "is_overclaim",
        "overclaim_reasons",
        "reviewed_by",
        "reviewed_at",
        "created_at",
        "updated_at",
    ]

    def derived_inputs(self, objects: QuerySet) -> dict:
        return sources_of(objects)

    def claims_touched(self, obj) -> set[int]:
        stored = Mention.objects.filter(pk=obj.pk).values_list("claim_id", flat=True).first()
        return {stored, obj.claim_id} - {None}

    def published(self, obj) -> bool:
        return obj.source.is_published and obj.status == ReviewStatus.ACCEPTED


class SourceMentionInline(admin.TabularInline):
    model = Mention
    fields = ["quote", "claim", "certainty", "evidence_cited", "cites_named_study", "status"]
    readonly_fields = ["quote"]
    autocomplete_fields = ["claim"]
    extra = 0
    show_change_link = True
    ordering = ["start"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False  # a mention needs offsets into the text: add it from the review screen


# The sources app registers admins that know nothing of claims; here the Source admin gains the
# source's mentions, and both refresh derived data after writes (the same pattern as replacing
# django.contrib.auth's UserAdmin).
admin.site.unregister([Source, RubricAnswer])


@admin.register(Source)
class SourceAdmin(
    EditorsChangeWhatReadersSee, ReadModelAdmin, RefreshesDerivedData, sources_admin.SourceAdmin
):
    inlines = [*sources_admin.SourceAdmin.inlines, SourceMentionInline]

    def claims_touched(self, obj) -> set[int]:
        # Publishing, retyping or deleting a source changes what readers see.
        return readmodel.claims_of_sources([obj.pk])

    def derived_inputs(self, objects: QuerySet) -> dict:
        return sources_of(objects, "pk")

    def published(self, obj) -> bool:
        return obj.is_published

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        return fields if is_editor(request.user) else [*fields, "status"]


@admin.register(RubricAnswer)
class RubricAnswerAdmin(RefreshesDerivedData, sources_admin.RubricAnswerAdmin):
    def derived_inputs(self, objects: QuerySet) -> dict:
        return sources_of(objects)
