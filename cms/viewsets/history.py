"""Keep tenant data out of Wagtail's model log.

Wagtail's log entries are listed site-wide ("Site history") to anyone with a permission on
the model, without regard to the municipality, and they keep an object's name after the
object is erased. For people and tenant-owned rows neither is acceptable, so these models
are not written to Wagtail's model log; the audit of sensitive reads is SensitiveAccessLog.
"""

from marketplace import models

UNLOGGED_MODELS = (
    models.Application,
    models.Caseworker,
    models.Instrument,
    models.InstrumentAssignment,
    models.JobSeeker,
    models.LadderStep,
    models.Membership,
    models.Organisation,
    models.Role,
    models.RoleSkill,
    models.SeekerBurden,
    models.SeekerSkill,
    models.SensitiveAccessLog,
    models.ServiceRequest,
    models.ServiceRequestStatusChange,
)


def exclude_tenant_models_from_model_log(registry):
    """``register_log_actions`` hook: a log model of None makes Wagtail skip logging for the model."""
    for model in UNLOGGED_MODELS:
        registry.log_entry_models_by_type.register(model, value=None, exact_class=True)
