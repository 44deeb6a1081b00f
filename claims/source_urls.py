"""The source pages, under /sources/ with the ``sources:`` URL names. They read mentions, so
they live in claims; the ``sources`` app itself has no views."""

from django.urls import path

from claims import credibility_views, source_views

app_name = "sources"

urlpatterns = [
    path("", source_views.source_list, name="source-list"),
    path("<id:pk>/", source_views.source_detail, name="source-detail"),
    path("compare/", credibility_views.source_compare, name="compare"),
    path("credibility/", credibility_views.credibility_method, name="credibility"),
]
