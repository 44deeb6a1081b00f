from django.urls import path

from claims import publishers, views

app_name = "claims"

urlpatterns = [
    path("", views.home, name="home"),
    path("claims/", views.claim_list, name="claim-list"),
    path("claims/export.<str:fmt>", views.claim_export, name="claim-export"),
    path("claims/<slug:slug>/", views.claim_detail, name="claim-detail"),
    path("conditions/<slug:slug>/", views.condition_detail, name="condition-detail"),
    path("substances/<slug:slug>/", views.substance_detail, name="substance-detail"),
    path("publishers/", publishers.publisher_list, name="publisher-list"),
    path("publishers/<id:pk>/", publishers.publisher_detail, name="publisher-detail"),
]
