"""The Content-Security-Policy middleware, with one exception for the admin.

Every page of the site satisfies the strict policy of ``CONTENT_SECURITY_POLICY`` (settings).
The admin's autocomplete widgets (Select2, shipped with Django) write ``style`` attributes, so
admin pages also allow inline style *attributes* (``style-src-attr``), never inline ``<style>``
elements or scripts. The admin is for staff only, behind a login.
"""

from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts

ADMIN_PREFIX = "/admin/"


class SiteCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if request.path.startswith(ADMIN_PREFIX):
            parts.update = {**(parts.update or {}), "style-src-attr": [UNSAFE_INLINE]}
        return parts
