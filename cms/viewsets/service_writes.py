"""Admin create and edit pages that save through the marketplace services, like the API and the portals.

The admin form checks only the shape of the input (numbers, dates, choices, required fields). The
service decides everything else (hours in range, places already taken, who may write, where the
postcode lies) and its refusal appears next to the fields it names, with the input kept; a refused
write leaves the database as it was, since the service runs inside the save's transaction.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cms.viewsets.scoping import TenantScopedForm
from marketplace.exceptions import DomainError
from marketplace.form_errors import add_service_errors
from marketplace.messages import UNKNOWN_POSTCODE
from marketplace.selectors.locations import postcode_area_centre
from marketplace.validators import normalise_postcode


class ServiceForm(TenantScopedForm):
    """A model form that leaves the model alone: the service builds, validates and saves the record.

    ``not_service_fields`` are fields the view hands to the service in their own argument (the
    organisation of a role, the rung of a seeker), not in ``data``.
    """

    not_service_fields: tuple[str, ...] = ()

    def _post_clean(self):
        # Django would copy the input onto the instance and validate the model here, answering in the
        # model's words (a database constraint's name, say). The service validates the whole record
        # instead, in the same words as for the API and the portals, and the instance stays as it was.
        pass

    def service_data(self) -> dict:
        """The cleaned input for the service's ``data``: every editable field that is no argument of its own."""
        return {
            name: value for name, value in self.cleaned_data.items()
            if name in self.fields and not self.fields[name].disabled and name not in self.not_service_fields
        }


class PlacedByPostcodeMixin:
    """No coordinates to type: the services place the record at the centre of its postcode area.

    A postcode the reference table does not know cannot be placed, so the form refuses it on the
    postcode field rather than saving a record that matching cannot find.
    """

    postcode_field = "postcode"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if field := self.fields.get(self.postcode_field):
            field.help_text = _("The place on the map is the centre of this postcode's area.")

    def clean(self):
        cleaned_data = super().clean()
        postcode = cleaned_data.get(self.postcode_field)
        if postcode and (self.instance.pk is None or self.postcode_field in self.changed_data):
            try:
                postcode = normalise_postcode(postcode)
            except ValidationError as error:
                self.add_error(self.postcode_field, error)
            else:
                if postcode_area_centre(postcode) is None:
                    self.add_error(self.postcode_field, UNKNOWN_POSTCODE)
        return cleaned_data


def as_validation_error(error: DomainError) -> ValidationError:
    """A refusal of who or when, named on the field it is about, as services name their validation errors."""
    return ValidationError({error.field: [error.message]})


class ServiceWriteMixin:
    """For Wagtail's create and edit views: the view's ``write(form)`` calls the service instead of saving the form.

    Each view using it defines ``write``; the mixin only turns the service's refusals into form errors.

    A ValidationError or DomainError from the service puts its messages on the form, which is shown
    again with the input (status 200, as for any invalid form), never an error page.
    """

    renamed_errors: dict | None = None

    def save_instance(self):
        return self.write(self.form)

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            add_service_errors(form, error, renamed=self.renamed_errors)
        except DomainError as error:
            add_service_errors(form, as_validation_error(error), renamed=self.renamed_errors)
        self.produced_error_code = "validation_error"
        self.produced_error_message = self.get_error_message()
        return self.form_invalid(form)


def chosen_rows(formset) -> list[dict]:
    """The cleaned rows of an inline formset that name a skill and are not marked for deletion, in order."""
    return [
        form.cleaned_data for form in formset.forms
        if form.cleaned_data and form.cleaned_data.get("skill") and not form.cleaned_data.get("DELETE")
    ]
