from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from claims.models import Claim, Condition, Mention, Substance
from sources import admin as sources_admin
from sources.models import Source


@admin.register(Substance)
class SubstanceAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "aliases"]
    search_fields = ["name", "slug", "aliases"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Condition)
class ConditionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "parent", "aliases"]
    list_filter = [("parent", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name", "slug", "aliases"]
    prepopulated_fields = {"slug": ["name"]}
    list_select_related = ["parent"]


class ClaimMentionInline(admin.TabularInline):
    model = Mention
    fields = ["source", "quote", "certainty", "evidence_cited", "status"]
    readonly_fields = ["source", "quote"]
    extra = 0
    show_change_link = True

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Claim)
class ClaimAdmin(SimpleHistoryAdmin):
    list_display = ["statement", "kind", "grade", "slug"]
    list_filter = ["kind", "grade", "substances", "conditions"]
    search_fields = ["statement", "slug", "grade_rationale"]
    filter_horizontal = ["substances", "conditions"]
    prepopulated_fields = {"slug": ["statement"]}
    inlines = [ClaimMentionInline]


@admin.register(Mention)
class MentionAdmin(SimpleHistoryAdmin):
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


# The sources app registers a Source admin that knows nothing of claims; here it gains the
# source's mentions (the same pattern as replacing django.contrib.auth's UserAdmin).
admin.site.unregister(Source)


@admin.register(Source)
class SourceAdmin(sources_admin.SourceAdmin):
    inlines = [*sources_admin.SourceAdmin.inlines, SourceMentionInline]
