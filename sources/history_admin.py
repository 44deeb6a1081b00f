"""The admin base class for models with history (django-simple-history).

simple_history's history pages filter by the id taken from the URL as it is: a non-integer id
(``/admin/sources/source/abc/history/``) reached the database as a string and raised ValueError,
a 500. Here both ids are converted by their model fields first and a bad one is a 404.
"""

from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.http import Http404
from simple_history.admin import SimpleHistoryAdmin


def _checked_id(model, raw: str):
    try:
        value = model._meta.pk.to_python(unquote(raw))
    except (ValidationError, ValueError, TypeError) as exc:
        raise Http404(f"No {model._meta.verbose_name} with this id.") from exc
    if isinstance(value, int) and not 0 < value < 2**63:
        raise Http404(f"No {model._meta.verbose_name} with this id.")
    return value


class HistoryAdmin(SimpleHistoryAdmin):
    def history_view(self, request, object_id, extra_context=None):
        _checked_id(self.model, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        _checked_id(self.model, object_id)
        _checked_id(self.model.history.model, version_id)
        return super().history_form_view(request, object_id, version_id, extra_context)
