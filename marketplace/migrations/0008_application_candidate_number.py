"""Each application gets the number the employer knows the candidate by, unique per role.

Existing applications are numbered per role in the order they were made, so the labels employers
saw before (the application's own id) give way to small numbers that stay the same from then on.
"""

from django.db import migrations, models


def number_existing(apps, schema_editor):
    Application = apps.get_model("marketplace", "Application")
    numbers: dict[int, int] = {}
    for application in Application.objects.order_by("role_id", "id").only("id", "role_id"):
        numbers[application.role_id] = numbers.get(application.role_id, 0) + 1
        Application.objects.filter(pk=application.pk).update(candidate_number=numbers[application.role_id])


class Migration(migrations.Migration):
    dependencies = [
        ("marketplace", "0007_placement_terms"),
    ]

    operations = [
        migrations.AddField(
            model_name="application",
            name="candidate_number",
            field=models.PositiveIntegerField(
                blank=True, null=True, verbose_name="candidate number",
                help_text="How the employer names this candidate before the introduction; unique per role.",
            ),
        ),
        migrations.RunPython(number_existing, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="application",
            constraint=models.UniqueConstraint(fields=("role", "candidate_number"),
                                               name="application_unique_candidate_number"),
        ),
    ]
