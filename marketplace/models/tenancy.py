"""Tenants (municipalities), organisations, and the people who act for them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from marketplace.choices import MembershipRole, OrganisationKind
from marketplace.validators import normalise_postcode, validate_cbs_code, validate_kvk_number, validate_title


class Municipality(models.Model):
    """The tenant: every person, organisation, role and request belongs to exactly one."""

    name = models.CharField(_("name"), max_length=100, validators=[validate_title])
    cbs_code = models.CharField(
        _("CBS code"), max_length=6, unique=True, validators=[validate_cbs_code],
        help_text=_("The CBS municipality code, for example GM0363."),
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=20, blank=True)
    matching_weights = models.JSONField(
        _("matching weights"), default=dict, blank=True,
        help_text=_("Overrides of the default matching weights; see docs/matching.md."),
    )
    # The wage-cost subsidy for carved roles is an instrument in the municipality's koffer
    # (see marketplace/selectors/instruments.py, wage_subsidy_percent).

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name"]

    def __str__(self):
        return self.name


class PostcodeArea(models.Model):
    """Centre of a four-digit postcode area, used to place people and work on the map.

    Exact addresses are never geocoded: a postcode area is precise enough for travel
    distances and keeps home addresses out of the matching data.
    """

    digits = models.CharField(_("postcode digits"), max_length=4, unique=True)
    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="postcode_areas", verbose_name=_("municipality")
    )
    latitude = models.FloatField(_("latitude"))
    longitude = models.FloatField(_("longitude"))

    class Meta:
        verbose_name = _("postcode area")
        verbose_name_plural = _("postcode areas")
        ordering = ["digits"]

    def __str__(self):
        return self.digits


class Address(models.Model):
    """Street address fields with a validated, normalised Dutch postcode and map coordinates."""

    street = models.CharField(_("street and number"), max_length=150, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    city = models.CharField(_("place"), max_length=80, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)

    class Meta:
        abstract = True
        constraints = []

    def clean(self):
        super().clean()
        if self.postcode:
            self.postcode = normalise_postcode(self.postcode)


class Organisation(Address):
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="organisations", verbose_name=_("municipality")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind.choices)
    name = models.CharField(_("name"), max_length=150, validators=[validate_title])
    kvk_number = models.CharField(
        _("KvK number"), max_length=8, blank=True, validators=[validate_kvk_number],
        help_text=_("Chamber of Commerce number: 8 digits."),
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    website = models.URLField(_("website"), blank=True)
    is_employment_organisation = models.BooleanField(
        _("municipal employment organisation"), default=False,
        help_text=_("The municipality's own employer of record for bundled roles."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["kvk_number"], condition=~models.Q(kvk_number=""), name="organisation_unique_kvk"
            ),
        ]

    def __str__(self):
        return self.name


class Membership(models.Model):
    """A user acting for an organisation (employer staff, association volunteers)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("user")
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("organisation")
    )
    role = models.CharField(_("role"), max_length=10, choices=MembershipRole.choices,
                            default=MembershipRole.MEMBER)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="membership_unique_user_org"),
        ]

    def __str__(self):
        return f"{self.user} @ {self.organisation}"


class Caseworker(models.Model):
    """A municipal professional (klantmanager, consulent, WSP-adviseur) who sees the caseload."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="caseworker", verbose_name=_("user")
    )
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="caseworkers", verbose_name=_("municipality")
    )
    team = models.CharField(_("team"), max_length=100, blank=True)
    is_team_leader = models.BooleanField(
        _("team leader"), default=False,
        help_text=_("Sees the cockpit of the whole municipality and of every caseworker in it."),
    )

    class Meta:
        verbose_name = _("caseworker")
        verbose_name_plural = _("caseworkers")

    def __str__(self):
        return self.user.get_full_name() or self.user.get_username()
