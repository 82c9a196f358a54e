"""Wagtail pages of the public site. Pages present marketplace data; they never own it."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms import selectors
from cms.blocks import EMPTY_MEANS_PAGE_TITLE, RICH_TEXT_FEATURES, AudienceBlock, BodyBlock
from cms.forms import ServiceRequestForm
from cms.site_settings import SiteSettings
from cms.snippets import Menu, MenuItem
from marketplace.access import actor_for
from marketplace.choices import OrganisationKind
from marketplace.exceptions import DomainError
from marketplace.form_errors import add_service_errors
from marketplace.ratelimit import client_address
from marketplace.role_filters import RoleFilterForm
from marketplace.selectors.roles import skill_choices_in_use
from marketplace.selectors.service_requests import service_request_list_of_requester
from marketplace.services.applications import application_express_interest
from marketplace.services.service_requests import service_request_submit
from marketplace.throttles import service_request_limit

__all__ = [
    "EmployerPage", "HomePage", "Menu", "MenuItem", "RoleIndexPage", "ServiceIndexPage", "ServicePage",
    "SiteSettings", "StandardPage", "StoryIndexPage", "StoryPage",
]


def site_municipality(request):
    """The municipality the current site serves (None when the editor has not chosen one)."""
    return SiteSettings.for_request(request).municipality if request is not None else None


class HomePage(Page):
    hero_title = models.CharField(_("main heading"), max_length=120, blank=True,
                                  help_text=EMPTY_MEANS_PAGE_TITLE)
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    audiences = StreamField([("audience", AudienceBlock())], verbose_name=_("audiences"), blank=True,
                            max_num=3)
    body = StreamField(BodyBlock(), verbose_name=_("more content"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("hero_title"), FieldPanel("intro"), FieldPanel("audiences"),
                      FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["cms.EmployerPage", "cms.ServiceIndexPage", "cms.RoleIndexPage", "cms.StoryIndexPage",
                     "cms.StandardPage"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        children = self.get_children().live()
        context["role_index"] = children.type(RoleIndexPage).first()
        context["featured_roles"] = selectors.role_list_featured(municipality=site_municipality(request))
        context["latest_stories"] = (
            StoryPage.objects.live().descendant_of(self).order_by("-date", "-pk")[:3]
        )
        context["story_index"] = children.type(StoryIndexPage).first()
        return context


class EmployerPage(Page):
    """Job carving explained for employers: what it is, the steps, the support, how to start."""

    intro = RichTextField(_("introduction"), features=["bold", "italic", "link"])
    body = StreamField(BodyBlock(), verbose_name=_("content"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("employer page")


class ServiceIndexPage(RoutablePageMixin, Page):
    """The neighbourhood services on offer, and (for associations) the list of their own requests."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.ServicePage"]

    class Meta:
        verbose_name = _("service index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["services"] = ServicePage.objects.live().child_of(self).select_related("category")
        context["is_association"] = actor_for(request.user).is_association
        return context

    @path("")
    def index(self, request):
        return self.render(request)

    @path("mijn-aanvragen/", name="my_requests")
    def my_requests(self, request):
        """The signed-in association's own requests, each linking to its status page."""
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        actor = actor_for(request.user)
        requests = service_request_list_of_requester(actor=actor).order_by("-created_at")
        return self.render(
            request, template="cms/service_requests_mine.html",
            context_overrides={"service_requests": requests, "is_association": actor.is_association},
        )


class ServicePage(RoutablePageMixin, Page):
    """One kind of neighbourhood service: what it is, who may ask, conditions and cost, and the request form."""

    category = models.ForeignKey(
        "marketplace.ServiceCategory", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("kind of service"), help_text=_("Requests sent from this page get this kind. Empty hides "
                                                         "the form."),
    )
    summary = models.TextField(_("summary"), max_length=300, help_text=_("One or two sentences for the overview."))
    intro = RichTextField(_("what it is"), features=RICH_TEXT_FEATURES)
    who_may_ask = RichTextField(_("who may ask"), features=RICH_TEXT_FEATURES, blank=True)
    conditions = RichTextField(_("conditions and cost"), features=RICH_TEXT_FEATURES, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("more content"), blank=True)
    form_intro = RichTextField(_("text above the form"), features=["bold", "italic", "link"], blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("who_may_ask"), FieldPanel("conditions")], heading=_("Who and how")),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("category"), FieldPanel("form_intro")], heading=_("Request form")),
    ]
    search_fields = [
        *Page.search_fields, index.SearchField("summary"), index.SearchField("intro"),
        index.SearchField("who_may_ask"), index.SearchField("conditions"), index.SearchField("body"),
    ]
    parent_page_types = ["cms.ServiceIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("service page")

    @property
    def thanks_url(self) -> str:
        return self.url + self.reverse_subpage("thanks")

    @property
    def accepts_requests(self) -> bool:
        return self.category_id is not None and self.category.is_active

    @path("")
    def request_form(self, request):
        actor = actor_for(request.user)
        associations = [org for org in actor.organisations if org.kind == OrganisationKind.ASSOCIATION]
        form_kwargs = {"contact_optional": bool(associations)}
        if request.method != "POST" or not self.accepts_requests:
            return self.render(request, context_overrides={"form": ServiceRequestForm(**form_kwargs)})
        form = ServiceRequestForm(request.POST, **form_kwargs)
        if form.is_spam():
            return redirect(self.thanks_url)
        # Anonymous requests count against one limit per client address, shared with the API; the
        # count grows before the request is stored, so simultaneous posts cannot slip past it.
        anonymous = not request.user.is_authenticated
        limit, address = service_request_limit(), client_address(request.META)
        if anonymous and limit.is_exceeded(address):
            return self._too_many_requests(request, form)
        if form.is_valid():
            if anonymous and not limit.attempt(address):
                return self._too_many_requests(request, form)
            try:
                service_request_submit(
                    category=self.category, municipality=site_municipality(request),
                    organisation=associations[0] if associations else None,
                    created_by=request.user if request.user.is_authenticated else None,
                    language=(get_language() or "nl")[:2], **form.cleaned_data_for_service(request.user),
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                return redirect(self.thanks_url)
        return self.render(request, context_overrides={"form": form})

    def _too_many_requests(self, request, form):
        form.add_error(None, _("You have sent several requests in a short time. Please wait an hour and "
                               "try again, or call us."))
        response = self.render(request, context_overrides={"form": form})
        response.status_code = 429
        return response

    @path("bedankt/", name="thanks")
    def thanks(self, request):
        return self.render(request, template="cms/service_request_thanks.html")


class RoleIndexPage(RoutablePageMixin, Page):
    """The live list of published roles, with filters, and a page per role with 'show interest'."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    page_size = models.PositiveSmallIntegerField(
        _("roles per page"), default=12, validators=[MinValueValidator(5), MaxValueValidator(50)]
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("page_size")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("role index page")

    @path("")
    def role_list(self, request):
        municipality = site_municipality(request)
        form = RoleFilterForm(request.GET or None, skill_choices=skill_choices_in_use(municipality=municipality))
        filters = form.filters()
        roles = selectors.role_list_public(municipality=municipality, filters=filters)
        page = Paginator(roles, self.page_size).get_page(request.GET.get("page"))
        query = request.GET.copy()
        query.pop("page", None)
        return self.render(request, context_overrides={
            "form": form, "roles_page": page, "roles": list(page.object_list), "area": filters.point,
            "filter_query": query.urlencode(),
        })

    @path("<int:role_id>/", name="role_detail")
    def role_detail(self, request, role_id):
        role = selectors.role_detail_public(municipality=site_municipality(request), role_id=role_id)
        if role is None:
            raise Http404
        actor = actor_for(request.user)
        application = None
        if actor.is_seeker:
            application = selectors.application_of(seeker=actor.seeker, role=role)
        detail_url = self.reverse_subpage("role_detail", kwargs={"role_id": role.pk})
        return self.render(request, template="cms/role_detail.html", context_overrides={
            "role": role, "actor": actor, "application": application,
            "login_url": f"{settings.LOGIN_URL}?{urlencode({'next': self.url + detail_url})}",
        })

    @path("<int:role_id>/interesse/", name="role_interest")
    def role_interest(self, request, role_id):
        detail_url = self.url + self.reverse_subpage("role_detail", kwargs={"role_id": role_id})
        if request.method != "POST":
            return redirect(detail_url)
        if not request.user.is_authenticated:
            return redirect_to_login(detail_url, settings.LOGIN_URL)
        actor = actor_for(request.user)
        role = selectors.role_detail_public(municipality=site_municipality(request), role_id=role_id)
        if role is None:
            raise Http404
        if not actor.is_seeker:
            messages.error(request, _("Only job seekers with an account can show interest."))
            return redirect(detail_url)
        try:
            _application, created = application_express_interest(seeker=actor.seeker, role=role)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            if created:
                messages.success(request, _("Thank you. Your caseworker will contact you about this role."))
        return redirect(detail_url)


class StoryIndexPage(Page):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.StoryPage"]

    class Meta:
        verbose_name = _("story index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        stories = StoryPage.objects.live().child_of(self).order_by("-date", "-pk")
        context["stories_page"] = Paginator(stories, 9).get_page(request.GET.get("page"))
        return context


class StoryPage(Page):
    """Someone who found work through the programme, told in their own words (with their consent)."""

    date = models.DateField(_("date"))
    person = models.CharField(_("who"), max_length=100, help_text=_("First name and, if they want, age."))
    found_work_as = models.CharField(_("found work as"), max_length=150)
    summary = models.TextField(_("summary"), max_length=300)
    image = models.ForeignKey(
        "wagtailimages.Image", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("photo"),
    )
    image_alt = models.CharField(_("photo description"), max_length=200, blank=True,
                                 help_text=_("What the photo shows, for people who cannot see it."))
    body = StreamField(BodyBlock(), verbose_name=_("story"))

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel([FieldPanel("date"), FieldPanel("person"), FieldPanel("found_work_as")],
                        heading=_("About the story")),
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Photo")),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields, index.SearchField("summary"), index.SearchField("found_work_as"),
        index.SearchField("body"), index.FilterField("date"),
    ]
    parent_page_types = ["cms.StoryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")


class StandardPage(Page):
    """About, privacy statement, accessibility statement, FAQ: text with blocks."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    body = StreamField(BodyBlock(), verbose_name=_("content"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["cms.HomePage", "cms.StandardPage"]
    subpage_types = ["cms.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
