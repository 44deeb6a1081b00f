from django.urls import path

from sources import views

app_name = "sources"

urlpatterns = [
    path("", views.source_list, name="source-list"),
    path("<int:pk>/", views.source_detail, name="source-detail"),
]
