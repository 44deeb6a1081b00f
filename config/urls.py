from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.http import JsonResponse
from django.urls import include, path, re_path, register_converter

from claims.api import api


class IdConverter:
    """A database id: digits that fit a 64-bit integer. A longer number is a 404 here, instead of
    an overflow inside the database driver (SQLite raises on integers past 2**63)."""

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)


def api_not_found(request, rest=""):
    """Any other address under /api/: a JSON 404 rather than the site's HTML page."""
    return JsonResponse({"detail": "There is no such API address; see /api/docs/."}, status=404)


# Registered before the apps' URL modules are included, which use <id:pk>.
register_converter(IdConverter, "id")

# Error pages that never parse the request body (config.errors).
handler400 = "config.errors.bad_request"
handler403 = "config.errors.permission_denied"
handler404 = "config.errors.page_not_found"
handler500 = "config.errors.server_error"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("api/", api.urls),
    re_path(r"^api/(?P<rest>.*)$", api_not_found),
    path("curate/", include("claims.curation.urls")),
    path("sources/", include("claims.source_urls")),
    path("", include("claims.urls")),
]
