from django.urls import path

from claims.curation import views

app_name = "curate"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("add/", views.add_article, name="add"),
    path("sources/<int:pk>/", views.review, name="review"),
    path("sources/<int:pk>/passage/", views.add_passage, name="add-passage"),
    path("sources/<int:pk>/publish/", views.publish, name="publish"),
    path("mentions/<int:pk>/", views.card, name="card"),
    path("mentions/<int:pk>/accept/", views.accept, name="accept"),
    path("mentions/<int:pk>/reject/", views.reject, name="reject"),
    path("mentions/<int:pk>/reset/", views.reset, name="reset"),
    path("mentions/<int:pk>/edit/", views.edit, name="edit"),
    path("mentions/<int:pk>/claims/", views.claim_search, name="claim-search"),
    path("mentions/<int:pk>/link/", views.link, name="link"),
    path("mentions/<int:pk>/new-claim/", views.new_claim, name="new-claim"),
    path("claims/", views.claim_list, name="claims"),
    path("claims/<slug:slug>/", views.claim_detail, name="claim"),
    path("claims/<slug:slug>/grade/", views.grade, name="grade"),
    path("claims/<slug:slug>/merge/", views.merge, name="merge"),
]
