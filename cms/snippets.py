"""The main menu: a snippet editors arrange, with labels in Dutch and English."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable
from wagtail.snippets.models import register_snippet

from cms.blocks import EMPTY_MEANS_PAGE_TITLE, PAGE_OR_ADDRESS


@register_snippet
class Menu(ClusterableModel):
    name = models.CharField(_("name"), max_length=80)

    panels = [FieldPanel("name"), InlinePanel("items", label=_("menu items"), max_num=8)]

    class Meta:
        verbose_name = _("menu")
        verbose_name_plural = _("menus")

    def __str__(self):
        return self.name


class MenuItem(Orderable):
    menu = ParentalKey(Menu, on_delete=models.CASCADE, related_name="items")
    link_page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, null=True, blank=True, related_name="+",
        verbose_name=_("page"),
    )
    link_url = models.URLField(_("or web address"), blank=True)
    label_nl = models.CharField(_("Dutch label"), max_length=40, blank=True,
                                help_text=EMPTY_MEANS_PAGE_TITLE)
    label_en = models.CharField(_("English label"), max_length=40, blank=True,
                                help_text=_("Empty means the Dutch label."))

    panels = [FieldPanel("link_page"), FieldPanel("link_url"), FieldPanel("label_nl"), FieldPanel("label_en")]

    class Meta(Orderable.Meta):
        verbose_name = _("menu item")
        verbose_name_plural = _("menu items")

    def __str__(self):
        return self.label

    def clean(self):
        super().clean()
        if bool(self.link_page_id) == bool(self.link_url):
            raise ValidationError({"link_page": PAGE_OR_ADDRESS})
        if self.link_url and not self.label_nl:
            raise ValidationError({"label_nl": _("A link to a web address needs a label.")})

    @property
    def label(self) -> str:
        dutch = self.label_nl or (self.link_page.title if self.link_page_id else self.link_url)
        if (get_language() or "nl").startswith("en"):
            return self.label_en or dutch
        return dutch
