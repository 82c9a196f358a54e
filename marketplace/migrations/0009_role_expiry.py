# The employer's reminder that a role reaches its end date is an e-mail about the role itself.
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("marketplace", "0008_application_candidate_number"),
    ]

    operations = [
        migrations.AddField(
            model_name="notification",
            name="role",
            field=models.ForeignKey(
                blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name="+",
                to="marketplace.role", verbose_name="role",
            ),
        ),
        migrations.AlterField(
            model_name="notification",
            name="kind",
            field=models.CharField(
                choices=[
                    ("seeker_invited", "Job seeker invited for a role"),
                    ("seeker_introduced", "Job seeker introduced to the employer"),
                    ("employer_introduced", "Candidate introduced to the employer"),
                    ("caseworker_interest", "Job seeker interested in a role"),
                    ("service_request_received", "Service request received"),
                    ("service_request_update", "News about a service request"),
                    ("employer_role_ending", "A role reaches its end date soon"),
                ],
                max_length=40, verbose_name="kind",
            ),
        ),
    ]
