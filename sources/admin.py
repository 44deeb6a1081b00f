"""Admin of articles, publishers and rubric answers. claims/admin.py extends the Source admin
with the source's mentions (and keeps derived data fresh after admin writes)."""

from django.contrib import admin

from sources.history_admin import HistoryAdmin
from sources.models import Publisher, RubricAnswer, Source


class RubricAnswerInline(admin.TabularInline):
    model = RubricAnswer
    fields = ["item", "answer", "note"]
    extra = 0


@admin.register(Publisher)
class PublisherAdmin(admin.ModelAdmin):
    list_display = ["name", "website"]
    search_fields = ["name"]


@admin.register(Source)
class SourceAdmin(HistoryAdmin):
    list_display = [
        "title",
        "publisher",
        "source_type",
        "commercial_interest",
        "status",
        "credibility_score",
        "word_count",
        "created_at",
    ]
    list_filter = ["status", "source_type", "commercial_interest", "publisher"]
    search_fields = ["title", "url", "author", "publisher__name"]
    readonly_fields = [
        "content_hash",
        "word_count",
        "credibility_score",
        "created_at",
        "updated_at",
    ]
    autocomplete_fields = ["publisher"]
    list_select_related = ["publisher"]
    date_hierarchy = "created_at"
    inlines = [RubricAnswerInline]
    fieldsets = [
        (None, {"fields": ["title", "url", "publisher", "author", "published_on", "retrieved_on"]}),
        ("Classification", {"fields": ["source_type", "commercial_interest", "status"]}),
        ("Text", {"fields": ["text", "word_count", "content_hash"]}),
        ("Derived", {"fields": ["credibility_score", "created_at", "updated_at"]}),
    ]


@admin.register(RubricAnswer)
class RubricAnswerAdmin(HistoryAdmin):
    list_display = ["source", "item", "answer", "note"]
    list_filter = ["item", "answer"]
    search_fields = ["source__title", "note"]
    list_select_related = ["source"]
