"""The audit log of sensitive reads: staff may list and inspect entries, nobody may add, change or delete them
(the entries are append-only, so there is no form to reach)."""

from django.utils.translation import gettext_lazy as _

from cms.viewsets.read_only import ReadOnlyTenantViewSet
from marketplace.models import SensitiveAccessLog


class SensitiveAccessLogViewSet(ReadOnlyTenantViewSet):
    model = SensitiveAccessLog
    tenant_lookup = "seeker__municipality"
    icon = "glasses"
    menu_label = _("Audit log")
    list_display = ["at", "actor", "seeker", "fields", "purpose"]
    list_filter = ["at"]
    list_select_related = ["actor", "seeker"]
    search_fields = ["purpose"]
    inspect_view_fields = ["at", "actor", "seeker", "fields", "purpose"]
