"""Template tags of the public site: menu, footer, language switch, accessible form fields, flag labels."""

from django import template
from django.conf import settings
from django.forms import CheckboxSelectMultiple, RadioSelect
from django.urls import translate_url
from django.utils import formats
from django.utils.translation import get_language

from cms.site_settings import SiteSettings
from marketplace import geo
from marketplace.choices import PHYSICAL_LABELS, SUPPORT_LABELS, WEEKDAY_LABELS
from marketplace.constants import Physical, Support, Weekday
from marketplace.formatting import readable_date, readable_when

register = template.Library()


def _site_settings(context) -> SiteSettings | None:
    """The settings of the request's site; None when no Wagtail site answers to the request's host,
    so that portal and sign-in pages still render on a host the page tree does not serve."""
    request = context.get("request")
    if request is None:
        return None
    try:
        return SiteSettings.for_request(request)
    except SiteSettings.DoesNotExist:
        return None


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """The site's main menu; the item for the current section is marked with aria-current."""
    site_settings = _site_settings(context)
    items = []
    menu = site_settings.main_menu if site_settings is not None else None
    request = context.get("request")
    current_path = request.path if request is not None else ""
    if menu is not None:
        for item in menu.items.select_related("link_page"):
            if item.link_page_id and not item.link_page.live:
                continue
            url = item.link_page.get_url(request) if item.link_page_id else item.link_url
            is_current = bool(url) and url != "/" and not url.startswith("http") and current_path.startswith(url)
            items.append({"label": item.label, "url": url, "is_current": is_current})
    return {"items": items}


@register.inclusion_tag("includes/footer.html", takes_context=True)
def site_footer(context):
    return {"site_settings": _site_settings(context), "request": context.get("request")}


@register.inclusion_tag("includes/language_switch.html", takes_context=True)
def language_switch(context):
    """A form per other language, posting to Django's set_language with the current page as ``next``.

    ``next`` is given in the default language (no prefix): set_language itself runs unprefixed, in the
    default language, and translates ``next`` to the chosen language from there. A prefixed path would
    be matched whole by the page tree's catch-all pattern and come back unchanged.
    """
    request = context.get("request")
    current = (get_language() or settings.LANGUAGE_CODE)[:2]
    path = request.get_full_path() if request is not None else "/"
    return {
        "languages": [(code, name) for code, name in settings.LANGUAGES if code != current],
        "next": translate_url(path, settings.LANGUAGE_CODE),
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("includes/form_field.html")
def form_field(field):
    """One labelled field whose help text and errors are tied to the input with aria-describedby."""
    describedby = []
    if field.help_text:
        describedby.append(f"{field.auto_id}_help")
    if field.errors:
        describedby.append(f"{field.auto_id}_errors")
    attrs = {}
    if describedby:
        attrs["aria-describedby"] = " ".join(describedby)
    if field.errors:
        attrs["aria-invalid"] = "true"
    is_group = isinstance(field.field.widget, RadioSelect | CheckboxSelectMultiple)
    if field.field.required and not is_group:
        attrs["required"] = True
    return {
        "field": field,
        "widget": field.as_widget(attrs=attrs) if not is_group else field,
        "is_group": is_group,
        "describedby": " ".join(describedby),
    }


def _labels(flag_type, labels, value) -> list[str]:
    return [str(labels[member]) for member in flag_type if (value or 0) & member]


@register.filter
def support_labels(value: int) -> list[str]:
    return _labels(Support, SUPPORT_LABELS, value)


@register.filter
def weekday_labels(value: int) -> list[str]:
    return _labels(Weekday, WEEKDAY_LABELS, value)


@register.filter
def physical_labels(value: int) -> list[str]:
    return _labels(Physical, PHYSICAL_LABELS, value)


@register.filter
def public_distance(role) -> str:
    """The distance on a public role card: whole kilometres to work at a resident's address (as the API gives
    the public), one decimal otherwise."""
    km = getattr(role, "distance_km", None)
    if km is None:
        return ""
    if role.at_requester_address:
        return f"{geo.public_distance_km(km):.0f}"
    return formats.number_format(round(km, 1), 1)


register.filter("readable_when", readable_when)
register.filter("readable_date", readable_date)
