"""Forms of the job-carving wizard: the job, its tasks, proposal parameters, the review and stapelbanen."""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from marketplace.carving.bundles import DEFAULT_TRAVEL_SPEED_KMH
from marketplace.choices import PHYSICAL_LABELS, LanguageLevelChoice
from marketplace.constants import Physical
from marketplace.fields import FlagsFormField
from marketplace.form_fields import weekdays_field
from marketplace.messages import PROPOSAL_REQUIRED, TWO_EMPLOYERS_TO_BUNDLE
from marketplace.minimum_wage import ADULT_MINIMUM_WAGE
from marketplace.models import Skill, TaskComplexity
from marketplace.services.bundles import BundleParameters
from marketplace.services.carved_roles import ProposalChoice
from marketplace.services.carving_proposals import ProposalParameters
from marketplace.services.job_analyses import TaskSkillInput
from portal.forms.common import BoundedModelMultipleChoiceField, decimal_number, money, whole_number

# The statutory minimum hourly wage, suggested for new roles; the user changes it on the proposals step.
DEFAULT_CARVED_WAGE = ADULT_MINIMUM_WAGE

TASK_HOURS_HELP = _(
    "The hours this task takes each week in total. One person must be able to do them on the chosen days, "
    "between the start and end time; split bigger work into more tasks."
)


def hours_field(label, **kwargs):
    return decimal_number(label, max_digits=5, decimal_places=2, **kwargs)


class JobAnalysisForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Employer"), queryset=None, empty_label=None,
        help_text=_("Whose job are you analysing?"),
    )
    title = forms.CharField(label=_("Job title"), max_length=150,
                            help_text=_("The job as it is called now, for example Nurse."))
    staff_count = whole_number(_("Number of staff in this job"), min_value=1, max_value=10000)
    hours_per_week = hours_field(_("Hours per week of one position"))
    hourly_cost = money(_("Hourly cost of the job (EUR)"), max_digits=7, required=True,
                        help_text=_("Wage plus employer's costs per hour, as your payroll shows it."))

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        if organisations.count() == 1:
            self.fields["organisation"].widget = forms.HiddenInput()
            self.fields["organisation"].initial = organisations.first()

    def service_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in ("title", "staff_count", "hours_per_week", "hourly_cost")}


class TaskForm(forms.Form):
    name = forms.CharField(label=_("Task"), max_length=150, help_text=_("For example Making beds."))
    # Each task goes whole into one carved role, so the checks (at most one position's hours, within the task's
    # days and times) are about one person: the label says so instead of "all staff together".
    hours_per_week = hours_field(_("Hours per week"), help_text=TASK_HOURS_HELP)
    complexity = forms.TypedChoiceField(label=_("Complexity"), choices=TaskComplexity.choices, coerce=int,
                                        widget=forms.RadioSelect, initial=TaskComplexity.SIMPLE)
    weekdays = weekdays_field(_("Days"))
    window_start = forms.TimeField(label=_("From"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))
    window_end = forms.TimeField(label=_("Until"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))
    skills = BoundedModelMultipleChoiceField(
        label=_("Skills needed"), queryset=Skill.objects.none(), required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Hold Ctrl (or Cmd) to choose more than one."),
    )
    physical_demands = FlagsFormField(label=_("Physical demands"), flag_type=Physical, labels=PHYSICAL_LABELS,
                                      required=False)
    language_level = forms.TypedChoiceField(label=_("Dutch language level needed"),
                                            choices=LanguageLevelChoice.choices, coerce=int,
                                            initial=LanguageLevelChoice.A1)
    learnable_on_the_job = forms.BooleanField(label=_("Can be learned on the job"), required=False, initial=True)
    postcode = forms.CharField(
        label=_("Postcode of the place (if not at the organisation)"), max_length=10, required=False,
        help_text=_("Leave empty when the task is done at the organisation's own address."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["skills"].queryset = Skill.objects.order_by("name_nl")

    @classmethod
    def initial_for(cls, task) -> dict:
        return {
            "name": task.name, "hours_per_week": task.hours_per_week, "complexity": task.complexity,
            "weekdays": task.weekdays, "window_start": task.window_start, "window_end": task.window_end,
            "skills": [item.skill for item in task.skill_levels.all()], "physical_demands": task.physical_demands,
            "language_level": task.language_level, "learnable_on_the_job": task.learnable_on_the_job,
            "postcode": task.postcode,
        }

    def service_arguments(self, *, existing_levels=None) -> dict:
        """The task's data and skills; a skill kept from before keeps the level it had."""
        data = {name: value for name, value in self.cleaned_data.items() if name != "skills"}
        levels = existing_levels or {}
        skills = [TaskSkillInput(skill, levels.get(skill.pk, 1)) for skill in self.cleaned_data["skills"]]
        if not data["postcode"]:
            data.update(latitude=None, longitude=None)
        return {"data": data, "skills": skills}


class ProposalForm(forms.Form):
    target_min_hours = hours_field(_("Smallest role (hours per week)"), initial=8)
    target_max_hours = hours_field(_("Largest role (hours per week)"), initial=24)
    carved_hourly_wage = money(_("Hourly wage of the new role (EUR)"), required=True, initial=DEFAULT_CARVED_WAGE)
    exclude_ids = forms.TypedMultipleChoiceField(
        label=_("Leave these tasks with the current staff"), coerce=int, required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, tasks=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["exclude_ids"].choices = [(task.pk, task.name) for task in tasks if task.is_carvable]

    def parameters(self) -> ProposalParameters:
        data = self.cleaned_data
        return ProposalParameters(target_min_hours=data["target_min_hours"], target_max_hours=data["target_max_hours"],
                                  carved_hourly_wage=data["carved_hourly_wage"],
                                  exclude_ids=tuple(data.get("exclude_ids") or ()))


def parse_choice(value: str) -> tuple[int, tuple[int, ...]]:
    """``"2:31-32-35"`` (proposal index and its task ids) as the form posts it."""
    index, _sep, ids = str(value).partition(":")
    try:
        return int(index), tuple(int(task_id) for task_id in ids.split("-") if task_id)
    except ValueError:
        raise ValidationError(_("Choose one of the proposals shown."), code="invalid_choice") from None


class ChosenProposalsForm(forms.Form):
    """The proposals ticked on the proposals step, and a title for each on the review step."""

    chosen = forms.MultipleChoiceField(label=_("Create these roles"), widget=forms.CheckboxSelectMultiple,
                                       error_messages={"required": PROPOSAL_REQUIRED})

    def __init__(self, *args, proposal_views=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["chosen"].choices = [(f"{view.index}:{view.signature}", view.index + 1) for view in proposal_views]
        for view in proposal_views:
            self.fields[f"title_{view.index}"] = forms.CharField(
                label=_("Title of role %(number)s") % {"number": view.index + 1}, max_length=150, required=False,
                help_text=_("As job seekers will see it; leave empty to name the role after its tasks."),
            )

    def choices(self) -> list[ProposalChoice]:
        result = []
        for value in self.cleaned_data["chosen"]:
            index, task_ids = parse_choice(value)
            title = self.cleaned_data.get(f"title_{index}") or ""
            result.append(ProposalChoice(index=index, task_ids=task_ids, title=title))
        return result


class BundleForm(forms.Form):
    analysis_ids = BoundedModelMultipleChoiceField(
        label=_("Job analyses to combine"), queryset=None, widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose analyses of at least two employers."),
        error_messages={"required": TWO_EMPLOYERS_TO_BUNDLE},
    )
    target_min_hours = hours_field(_("Smallest role (hours per week)"), initial=8)
    target_max_hours = hours_field(_("Largest role (hours per week)"), initial=24)
    travel_speed_kmh = decimal_number(
        _("Travel speed between sites (km/h)"), max_digits=4, decimal_places=1,
        initial=Decimal(str(DEFAULT_TRAVEL_SPEED_KMH)), help_text=_("15 km/h is cycling, 5 km/h is walking."),
    )

    def __init__(self, *args, analyses, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["analysis_ids"].queryset = analyses
        self.fields["analysis_ids"].label_from_instance = lambda item: f"{item.organisation.name}: {item.title}"

    def parameters(self, carved_hourly_wage=None) -> BundleParameters:
        data = self.cleaned_data
        return BundleParameters(target_min_hours=data["target_min_hours"], target_max_hours=data["target_max_hours"],
                                travel_speed_kmh=data["travel_speed_kmh"], carved_hourly_wage=carved_hourly_wage)


class BundleAcceptForm(forms.Form):
    """One bundle proposal to create; the bundle parameters come with it as hidden fields."""

    choice = forms.CharField(widget=forms.HiddenInput)
    title = forms.CharField(label=_("Title of the combined job"), max_length=150, required=False,
                            help_text=_("Leave empty to name the role after its tasks."))
    employer_of_record = forms.ChoiceField(label=_("Employer of record"), required=False,
                                           help_text=_("Who employs the worker and seconds them to the others."))
    carved_hourly_wage = money(_("Hourly wage (EUR)"), required=True, initial=DEFAULT_CARVED_WAGE)

    def __init__(self, *args, employers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["employer_of_record"].choices = list(employers)

    def clean_choice(self):
        return parse_choice(self.cleaned_data["choice"])

    def proposal_choice(self) -> ProposalChoice:
        index, task_ids = self.cleaned_data["choice"]
        return ProposalChoice(index=index, task_ids=task_ids, title=self.cleaned_data.get("title") or "")
