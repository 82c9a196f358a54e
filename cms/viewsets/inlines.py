"""Create and edit views that show and validate a child formset (a role's or a seeker's skills) with the parent.

The marketplace models use plain foreign keys, not modelcluster's ParentalKey, so Wagtail's
InlinePanel does not apply; a Django inline formset rendered under the form does the job. The
formset is never saved itself: the view's ``write()`` hands its rows to the service that saves the
parent (see cms/viewsets/service_writes.py), so the skills follow the same rules as in the API.
"""

from django.utils.functional import cached_property

from cms.viewsets.scoping import ScopedCreateView, ScopedEditView

INLINE_FORM_TEMPLATE = "cms/admin/form_with_inline.html"


class InlineFormsetMixin:
    inline_formset_class = None
    inline_formset_heading = ""
    inline_item_label = ""

    @cached_property
    def inline_formset(self):
        instance = getattr(self, "object", None) or self.model()
        data = self.request.POST if self.request.method == "POST" else None
        return self.inline_formset_class(data, instance=instance, prefix="inline")

    def is_valid(self, form):
        form_valid = super().is_valid(form)
        # The formset validates against the parent as the form left it (not yet saved).
        self.inline_formset.instance = form.instance
        if self.inline_formset.is_valid():
            return form_valid
        if form_valid:
            self.produced_error_code = "validation_error"
            self.produced_error_message = self.get_error_message()
        return False

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["inline_formset"] = self.inline_formset
        context["inline_formset_heading"] = self.inline_formset_heading
        context["inline_item_label"] = self.inline_item_label
        return context


class InlineCreateView(InlineFormsetMixin, ScopedCreateView):
    pass


class InlineEditView(InlineFormsetMixin, ScopedEditView):
    pass
