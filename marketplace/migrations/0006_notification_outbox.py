# Notifications recorded with the change that causes them, sent by the worker.
import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("marketplace", "0005_input_limits"),
    ]

    operations = [
        migrations.CreateModel(
            name="Notification",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("kind", models.CharField(choices=[("seeker_invited", "Job seeker invited for a role"), ("seeker_introduced", "Job seeker introduced to the employer"), ("employer_introduced", "Candidate introduced to the employer"), ("caseworker_interest", "Job seeker interested in a role"), ("service_request_received", "Service request received"), ("service_request_update", "News about a service request")], max_length=40, verbose_name="kind")),
                ("recipient", models.EmailField(max_length=254, verbose_name="recipient")),
                ("language", models.CharField(default="nl", max_length=8, verbose_name="language")),
                ("params", models.JSONField(blank=True, default=dict, verbose_name="parameters")),
                ("idempotency_key", models.CharField(max_length=64, unique=True, verbose_name="idempotency key")),
                ("status", models.CharField(choices=[("pending", "Waiting to be sent"), ("sending", "Being sent"), ("sent", "Sent"), ("failed", "Failed")], default="pending", max_length=10, verbose_name="status")),
                ("attempts", models.PositiveSmallIntegerField(default=0, verbose_name="attempts")),
                ("next_attempt_at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="next attempt at")),
                ("claimed_until", models.DateTimeField(blank=True, null=True, verbose_name="claimed until")),
                ("claim_token", models.CharField(blank=True, max_length=32, verbose_name="claim token")),
                ("last_error", models.TextField(blank=True, verbose_name="last error")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created at")),
                ("sent_at", models.DateTimeField(blank=True, null=True, verbose_name="sent at")),
                ("application", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name="+", to="marketplace.application", verbose_name="application")),
                ("service_request", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name="+", to="marketplace.servicerequest", verbose_name="neighbourhood service request")),
            ],
            options={
                "verbose_name": "notification",
                "verbose_name_plural": "notifications",
                "ordering": ["-created_at", "-id"],
                "indexes": [models.Index(fields=["status", "next_attempt_at"], name="notification_due_idx"), models.Index(fields=["status", "claimed_until"], name="notification_lease_idx")],
            },
        ),
    ]
