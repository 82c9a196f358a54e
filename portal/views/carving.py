"""The job-carving wizard: job → tasks → proposals → review → draft roles, and stapelbanen for caseworkers.

Every page is for employers (their own organisations) and caseworkers (every employer of their
municipality). An analysis the user may not see answers 404, exactly as if it did not exist.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from marketplace.access import actor_for
from marketplace.exceptions import DomainError, NotYourOrganisation
from marketplace.messages import ONLY_CARVERS, ONLY_SERVICE_TEAM_BUNDLES, PROPOSALS_CHANGED
from marketplace.selectors.carving import (
    bundle_analyses,
    carved_role_get,
    carved_roles_of,
    job_analysis_get,
    job_analysis_list_visible,
    may_carve,
    message_text,
    organisations_to_carve_for,
    participating_organisation_names,
    proposal_views,
    task_get,
)
from marketplace.services.bundles import bundle_accept, bundle_employer_choices, bundle_propose
from marketplace.services.carved_roles import carved_role_publish, default_role_title
from marketplace.services.carving_proposals import carving_accept, carving_propose
from marketplace.services.job_analyses import (
    job_analysis_create,
    job_analysis_update,
    task_create,
    task_delete,
    task_move,
    task_update,
)
from portal.forms.carving import (
    BundleAcceptForm,
    BundleForm,
    ChosenProposalsForm,
    JobAnalysisForm,
    ProposalForm,
    TaskForm,
)
from portal.forms.common import add_service_errors, carried

STEPS = ("job", "tasks", "proposals", "review", "roles")


def _carver(request):
    actor = actor_for(request.user)
    if not may_carve(actor):
        raise PermissionDenied(ONLY_CARVERS)
    return actor


def _analysis(actor, pk):
    try:
        return job_analysis_get(actor=actor, analysis_id=pk)
    except NotYourOrganisation:
        raise Http404 from None


def _task(analysis, task_pk):
    try:
        return task_get(analysis=analysis, task_id=task_pk)
    except NotYourOrganisation:
        raise Http404 from None


def _page(request, template, step=None, **context):
    return render(request, f"portal/carving/{template}", {"step": step, "steps": STEPS, **context})


@login_required
def analysis_list(request):
    actor = _carver(request)
    return _page(request, "list.html", analyses=job_analysis_list_visible(actor=actor), actor=actor)


@login_required
def analysis_create(request):
    actor = _carver(request)
    organisations = organisations_to_carve_for(actor=actor).order_by("name")
    form = JobAnalysisForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        try:
            analysis = job_analysis_create(actor=actor, organisation=form.cleaned_data["organisation"],
                                           data=form.service_data())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The job is saved. Now add its tasks."))
            return redirect("carving-tasks", pk=analysis.pk)
    return _page(request, "job_form.html", "job", form=form, analysis=None)


@login_required
def analysis_edit(request, pk):
    actor = _carver(request)
    analysis = _analysis(actor, pk)
    organisations = organisations_to_carve_for(actor=actor).filter(pk=analysis.organisation_id)
    initial = {"organisation": analysis.organisation, "title": analysis.title, "staff_count": analysis.staff_count,
               "hours_per_week": analysis.hours_per_week, "hourly_cost": analysis.hourly_cost}
    form = JobAnalysisForm(request.POST or None, initial=initial, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        try:
            job_analysis_update(actor=actor, analysis=analysis, data=form.service_data())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The job is saved."))
            return redirect("carving-tasks", pk=analysis.pk)
    return _page(request, "job_form.html", "job", form=form, analysis=analysis)


@login_required
def tasks(request, pk):
    actor = _carver(request)
    analysis = _analysis(actor, pk)
    form = TaskForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            task = task_create(actor=actor, analysis=analysis, **form.service_arguments())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The task “%(name)s” is added.") % {"name": task.name})
            return redirect("carving-tasks", pk=analysis.pk)
    return _page(request, "tasks.html", "tasks", analysis=analysis, tasks=analysis.tasks.all(), form=form)


@login_required
def task_edit(request, pk, task_pk):
    actor = _carver(request)
    analysis = _analysis(actor, pk)
    task = _task(analysis, task_pk)
    form = TaskForm(request.POST or None, initial=TaskForm.initial_for(task))
    if request.method == "POST" and form.is_valid():
        levels = {item.skill_id: item.level for item in task.skill_levels.all()}
        try:
            task_update(actor=actor, task=task, **form.service_arguments(existing_levels=levels))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The task “%(name)s” is saved.") % {"name": form.cleaned_data["name"]})
            return redirect("carving-tasks", pk=analysis.pk)
    return _page(request, "task_form.html", "tasks", analysis=analysis, task=task, form=form)


@login_required
def task_remove(request, pk, task_pk):
    actor = _carver(request)
    analysis = _analysis(actor, pk)
    task = _task(analysis, task_pk)
    if request.method == "POST":
        task_delete(actor=actor, task=task)
        messages.success(request, _("The task “%(name)s” is deleted.") % {"name": task.name})
        return redirect("carving-tasks", pk=analysis.pk)
    return _page(request, "task_delete.html", "tasks", analysis=analysis, task=task)


@login_required
@require_POST
def task_reposition(request, pk, task_pk):
    actor = _carver(request)
    analysis = _analysis(actor, pk)
    task = _task(analysis, task_pk)
    offset = {"up": -1, "down": 1}.get(request.POST.get("direction"))
    if offset is None:
        messages.error(request, _("Choose whether to move the task up or down."))
    else:
        task_move(actor=actor, task=task, offset=offset)
        messages.success(request, _("The task “%(name)s” is moved.") % {"name": task.name})
    return redirect(reverse("carving-tasks", kwargs={"pk": analysis.pk}) + f"#task-{task.pk}")


# Proposals and review ---------------------------------------------------------------------------


def _outcome(actor, analysis, form):
    """The proposals for a valid parameter form, or ``None`` with the problems added to the form."""
    try:
        outcome = carving_propose(actor=actor, analysis=analysis, parameters=form.parameters())
    except ValidationError as error:
        add_service_errors(form, error)
        return None
    empty = outcome.empty_error()
    if empty is not None:
        add_service_errors(form, empty, renamed={"tasks": "exclude_ids"})
    return outcome


def _proposals_page(request, analysis, form, outcome, chosen_form=None):
    views = proposal_views(outcome.proposals, tasks=outcome.tasks) if outcome is not None else []
    chosen_form = chosen_form or ChosenProposalsForm(proposal_views=views)
    ticked = request.POST.getlist("chosen")
    explanation = outcome.result.explanation if outcome is not None else None
    not_carved = [{"name": left.task.name, "reason": message_text(left.reason)}
                  for left in (outcome.result.not_carved if outcome is not None else ())]
    return _page(
        request, "proposals.html", "proposals", analysis=analysis, form=form, outcome=outcome, views=views,
        chosen_form=chosen_form, not_carved=not_carved,
        explanation=message_text(explanation) if explanation is not None else "",
        all_ticked=not ticked and not chosen_form.is_bound, ticked={value.partition(":")[0] for value in ticked},
    )


def _bound_parameters(request, analysis):
    """The parameter form from a POST, or with its initial values on a first visit."""
    tasks = list(analysis.tasks.all())
    if request.method == "POST":
        return ProposalForm(request.POST, tasks=tasks)
    form = ProposalForm(tasks=tasks)
    return ProposalForm({name: field.initial for name, field in form.fields.items() if field.initial is not None},
                        tasks=tasks)


@login_required
def proposals(request, pk):
    actor = _carver(request)
    analysis = _analysis(actor, pk)
    form = _bound_parameters(request, analysis)
    outcome = _outcome(actor, analysis, form) if form.is_valid() else None
    return _proposals_page(request, analysis, form, outcome)


def _chosen(request, analysis, actor, *, with_default_titles=False):
    """Parameters, proposals and the chosen-proposals form of a POST, checked against fresh proposals."""
    form = ProposalForm(request.POST, tasks=list(analysis.tasks.all()))
    outcome = _outcome(actor, analysis, form) if form.is_valid() else None
    if outcome is None or form.errors:
        return form, outcome, None, []
    views = proposal_views(outcome.proposals, tasks=outcome.tasks)
    data = request.POST.copy()
    if with_default_titles:
        for view in views:
            if not data.get(f"title_{view.index}"):
                data[f"title_{view.index}"] = default_role_title(view.proposal)
    chosen_form = ChosenProposalsForm(data, proposal_views=views)
    if not chosen_form.is_valid() and "chosen" in chosen_form.errors and request.POST.getlist("chosen"):
        chosen_form.errors["chosen"] = chosen_form.error_class([PROPOSALS_CHANGED])
    return form, outcome, chosen_form, views


def _hidden_parameters(form, chosen_form) -> list[str]:
    """The wizard's state so far, carried to the next step in hidden inputs that the same forms read back."""
    names = ("target_min_hours", "target_max_hours", "carved_hourly_wage", "exclude_ids")
    return [carried(form[name]) for name in names] + [carried(chosen_form["chosen"])]


@login_required
@require_POST
def review(request, pk):
    actor = _carver(request)
    analysis = _analysis(actor, pk)
    form, outcome, chosen_form, views = _chosen(request, analysis, actor, with_default_titles=True)
    if chosen_form is None or not chosen_form.is_valid():
        return _proposals_page(request, analysis, form, outcome, chosen_form)
    picked = {choice.index for choice in chosen_form.choices()}
    reviews = [(view, chosen_form[f"title_{view.index}"]) for view in views if view.index in picked]
    return _page(request, "review.html", "review", analysis=analysis, chosen_form=chosen_form, reviews=reviews,
                 hidden=_hidden_parameters(form, chosen_form))


@login_required
@require_POST
def accept(request, pk):
    actor = _carver(request)
    analysis = _analysis(actor, pk)
    form, outcome, chosen_form, views = _chosen(request, analysis, actor)
    if chosen_form is None or not chosen_form.is_valid():
        return _proposals_page(request, analysis, form, outcome, chosen_form)
    try:
        roles = carving_accept(actor=actor, analysis=analysis, parameters=form.parameters(),
                               choices=chosen_form.choices())
    except ValidationError as error:
        add_service_errors(chosen_form, error, renamed={"proposals": "chosen"})
        return _proposals_page(request, analysis, form, outcome, chosen_form)
    messages.success(request, ngettext(
        "%(count)s draft role is created. Check it and publish it.",
        "%(count)s draft roles are created. Check them and publish them.", len(roles)) % {"count": len(roles)})
    return redirect("carving-roles", pk=analysis.pk)


@login_required
def roles(request, pk):
    actor = _carver(request)
    analysis = _analysis(actor, pk)
    return _page(request, "roles.html", "roles", analysis=analysis, roles=carved_roles_of(analysis=analysis))


# Roles ------------------------------------------------------------------------------------------


def _role(actor, role_pk):
    try:
        return carved_role_get(actor=actor, role_id=role_pk)
    except NotYourOrganisation:
        raise Http404 from None


@login_required
def role_detail(request, role_pk):
    actor = _carver(request)
    role = _role(actor, role_pk)
    return _page(request, "role.html", analysis=role.job_analysis, role=role,
                 participants=participating_organisation_names(role))


@login_required
@require_POST
def role_publish(request, role_pk):
    actor = _carver(request)
    role = _role(actor, role_pk)
    try:
        carved_role_publish(actor=actor, role=role)
    except NotYourOrganisation:
        raise Http404 from None
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("“%(title)s” is published. Job seekers can find it now.") % {"title": role.title})
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                           require_https=request.is_secure()):
        target = reverse("carving-role", kwargs={"role_pk": role.pk})
    return redirect(target)


# Stapelbanen ------------------------------------------------------------------------------------


def _caseworker(request):
    actor = actor_for(request.user)
    if not actor.is_caseworker:
        raise PermissionDenied(ONLY_SERVICE_TEAM_BUNDLES)
    return actor


def _bundle_outcome(actor, form):
    try:
        outcome = bundle_propose(actor=actor, analyses=list(form.cleaned_data["analysis_ids"]),
                                 parameters=form.parameters())
    except ValidationError as error:
        add_service_errors(form, error)
        return None
    except NotYourOrganisation:
        raise Http404 from None
    empty = outcome.empty_error()
    if empty is not None:
        add_service_errors(form, empty)
    return outcome


def _bundles_page(request, form, outcome, failed=None):
    """``failed`` is an accept form with errors, shown in place of the fresh form of its proposal."""
    cards = []
    if outcome is not None:
        for view in proposal_views(outcome.proposals, tasks=outcome.tasks, organisations=outcome.organisations):
            employers = bundle_employer_choices(outcome, view.proposal)
            accept_form = BundleAcceptForm(employers=employers, initial={"choice": f"{view.index}:{view.signature}"},
                                           prefix=f"bundle{view.index}")
            if failed is not None and failed.prefix == accept_form.prefix:
                accept_form = failed
            cards.append((view, accept_form))
    names = ("analysis_ids", "target_min_hours", "target_max_hours", "travel_speed_kmh")
    hidden = [carried(form[name]) for name in names] if cards else []
    return _page(request, "bundles.html", form=form, outcome=outcome, cards=cards, hidden=hidden)


@login_required
def bundles(request):
    actor = _caseworker(request)
    form = BundleForm(request.POST or None, analyses=bundle_analyses(actor=actor))
    outcome = _bundle_outcome(actor, form) if request.method == "POST" and form.is_valid() else None
    return _bundles_page(request, form, outcome)


@login_required
@require_POST
def bundle_create(request):
    actor = _caseworker(request)
    form = BundleForm(request.POST, analyses=bundle_analyses(actor=actor))
    outcome = _bundle_outcome(actor, form) if form.is_valid() else None
    prefix = request.POST.get("prefix", "")
    if outcome is None or form.errors or not prefix.startswith("bundle"):
        return _bundles_page(request, form, outcome)
    accept_form = BundleAcceptForm(request.POST, prefix=prefix, employers=[
        choice for proposal in outcome.proposals for choice in bundle_employer_choices(outcome, proposal)])
    if accept_form.is_valid():
        try:
            role = bundle_accept(
                actor=actor, analyses=list(form.cleaned_data["analysis_ids"]),
                parameters=form.parameters(accept_form.cleaned_data["carved_hourly_wage"]),
                choice=accept_form.proposal_choice(),
                employer_of_record_id=accept_form.cleaned_data["employer_of_record"] or None,
            )
        except ValidationError as error:
            add_service_errors(accept_form, error, renamed={"proposals": "choice"})
        else:
            messages.success(request, _("The combined job is created as a draft. Check it and publish it."))
            return redirect("carving-role", role_pk=role.pk)
    return _bundles_page(request, form, outcome, failed=accept_form)
