# A caseworker's override of the placement checks is an event of its own on the application's timeline.
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("marketplace", "0006_notification_outbox"),
    ]

    operations = [
        migrations.AlterField(
            model_name="applicationevent",
            name="kind",
            field=models.CharField(
                choices=[
                    ("status", "Status change"),
                    ("consent", "Consent to an introduction"),
                    ("override", "Terms agreed outside the usual checks"),
                ],
                default="status",
                max_length=10,
                verbose_name="kind",
            ),
        ),
    ]
