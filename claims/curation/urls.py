from django.urls import path

from claims.curation import views, vocabulary

app_name = "curate"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("add/", views.add_article, name="add"),
    path("sources/<id:pk>/", views.review, name="review"),
    path("sources/<id:pk>/extraction/", views.extraction, name="extraction"),
    path("sources/<id:pk>/extraction/retry/", views.retry_extraction, name="retry-extraction"),
    path("sources/<id:pk>/passage/", views.add_passage, name="add-passage"),
    path("sources/<id:pk>/publish/", views.publish, name="publish"),
    path("sources/<id:pk>/rubric/", views.rubric, name="rubric"),
    path("mentions/<id:pk>/", views.card, name="card"),
    path("mentions/<id:pk>/accept/", views.accept, name="accept"),
    path("mentions/<id:pk>/reject/", views.reject, name="reject"),
    path("mentions/<id:pk>/reset/", views.reset, name="reset"),
    path("mentions/<id:pk>/edit/", views.edit, name="edit"),
    path("mentions/<id:pk>/claims/", views.claim_search, name="claim-search"),
    path("mentions/<id:pk>/link/", views.link, name="link"),
    path("mentions/<id:pk>/accept-as/", views.accept_as, name="accept-as"),
    path("mentions/<id:pk>/new-claim/", views.new_claim, name="new-claim"),
    path("revisions/<id:pk>/", views.revision, name="revision"),
    path("revisions/<id:pk>/decide/", views.revision_decide, name="revision-decide"),
    path("merges/<id:pk>/undo/", views.merge_undo, name="merge-undo"),
    path("claims/", views.claim_list, name="claims"),
    path("claims/<slug:slug>/", views.claim_detail, name="claim"),
    path("claims/<slug:slug>/grade/", views.grade, name="grade"),
    path("claims/<slug:slug>/merge/", views.merge, name="merge"),
    path("vocabulary/", vocabulary.vocabulary_list, name="vocabulary"),
    path("vocabulary/<slug:kind>/add/", vocabulary.vocabulary_add, name="vocabulary-add"),
    path(
        "vocabulary/<slug:kind>/<slug:slug>/",
        vocabulary.vocabulary_entry,
        name="vocabulary-entry",
    ),
]
