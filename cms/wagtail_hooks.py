"""Admin registrations: one line per viewset or viewset group."""

from wagtail import hooks

from cms.cockpit.panels import add_cockpit_panels
from cms.cockpit.views import cockpit_menu_item, cockpit_urls
from cms.viewsets.applications import application_admin_viewset
from cms.viewsets.caseload import caseload_category_admin_viewset, worklist_admin_viewset
from cms.viewsets.history import exclude_tenant_models_from_model_log
from cms.viewsets.koffer import instrument_admin_viewset
from cms.viewsets.marketplace import MarketplaceViewSetGroup
from cms.viewsets.notifications import notification_admin_viewset
from cms.viewsets.plans import caseload_admin_viewset
from cms.viewsets.service_requests import service_request_admin_viewsets

hooks.register("register_admin_viewset", MarketplaceViewSetGroup)
hooks.register("register_admin_viewset", service_request_admin_viewsets)
hooks.register("register_admin_viewset", application_admin_viewset)
hooks.register("register_admin_viewset", notification_admin_viewset)
hooks.register("register_admin_viewset", caseload_admin_viewset)
hooks.register("register_admin_viewset", caseload_category_admin_viewset)
hooks.register("register_admin_viewset", worklist_admin_viewset)
hooks.register("register_admin_viewset", instrument_admin_viewset)
hooks.register("register_log_actions", exclude_tenant_models_from_model_log)
hooks.register("construct_homepage_panels", add_cockpit_panels)
hooks.register("register_admin_urls", cockpit_urls)
hooks.register("register_admin_menu_item", cockpit_menu_item)
