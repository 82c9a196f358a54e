"""Admin registrations: one line per viewset or viewset group."""

from wagtail import hooks

from cms.viewsets.applications import application_admin_viewset
from cms.viewsets.history import exclude_tenant_models_from_model_log
from cms.viewsets.marketplace import MarketplaceViewSetGroup
from cms.viewsets.notifications import notification_admin_viewset
from cms.viewsets.plans import caseload_admin_viewset
from cms.viewsets.service_requests import service_request_admin_viewsets

hooks.register("register_admin_viewset", MarketplaceViewSetGroup)
hooks.register("register_admin_viewset", service_request_admin_viewsets)
hooks.register("register_admin_viewset", application_admin_viewset)
hooks.register("register_admin_viewset", notification_admin_viewset)
hooks.register("register_admin_viewset", caseload_admin_viewset)
hooks.register("register_log_actions", exclude_tenant_models_from_model_log)
