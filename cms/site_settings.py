"""Per-site settings: which municipality the site serves, its contact details and the footer."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    municipality = models.ForeignKey(
        "marketplace.Municipality", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("municipality"),
        help_text=_("The site shows this municipality's roles and sends its service requests there."),
    )
    organisation_name = models.CharField(_("name in the footer"), max_length=120, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=20, blank=True)
    visiting_address = models.TextField(_("visiting address"), max_length=300, blank=True)
    opening_hours = models.CharField(_("opening hours"), max_length=200, blank=True)
    footer_text = models.TextField(_("footer text"), max_length=500, blank=True)
    main_menu = models.ForeignKey(
        "cms.Menu", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("main menu"),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("privacy statement"),
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("accessibility statement"),
    )

    panels = [
        FieldPanel("municipality"),
        MultiFieldPanel(
            [FieldPanel("organisation_name"), FieldPanel("contact_email"), FieldPanel("contact_phone"),
             FieldPanel("visiting_address"), FieldPanel("opening_hours")],
            heading=_("Contact details"),
        ),
        MultiFieldPanel(
            [FieldPanel("main_menu"), FieldPanel("footer_text"), FieldPanel("privacy_page"),
             FieldPanel("accessibility_page")],
            heading=_("Menu and footer"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")
