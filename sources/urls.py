from django.urls import path

from sources import credibility_views, views

app_name = "sources"

urlpatterns = [
    path("", views.source_list, name="source-list"),
    path("<id:pk>/", views.source_detail, name="source-detail"),
    path("compare/", credibility_views.source_compare, name="compare"),
    path("credibility/", credibility_views.credibility_method, name="credibility"),
]
