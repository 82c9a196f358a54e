# Maximum lengths and checks on free text and numbers: every text people type has a limit that the
# model validates (a plain TextField passes max_length to its form only), titles and names must be
# readable, and dates lie in a plausible window. Validators change no column; the text fields change
# class, which SQLite applies by rebuilding those tables.
import marketplace.fields
import marketplace.validators
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("marketplace", "0004_audit_log_append_only"),
    ]

    operations = [
        migrations.AlterField(
            model_name='applicationevent',
            name='note',
            field=marketplace.fields.BoundedTextField(blank=True, max_length=1000, verbose_name='note'),
        ),
        migrations.AlterField(
            model_name='jobanalysis',
            name='title',
            field=models.CharField(max_length=150, validators=[marketplace.validators.validate_title], verbose_name='job title'),
        ),
        migrations.AlterField(
            model_name='jobseeker',
            name='date_of_birth',
            field=models.DateField(blank=True, help_text='Only for the statutory minimum wage; never used in matching.', null=True, validators=[marketplace.validators.validate_date_of_birth], verbose_name='date of birth'),
        ),
        migrations.AlterField(
            model_name='jobseeker',
            name='first_name',
            field=models.CharField(max_length=80, validators=[marketplace.validators.validate_title], verbose_name='first name'),
        ),
        migrations.AlterField(
            model_name='jobseeker',
            name='last_name',
            field=models.CharField(max_length=120, validators=[marketplace.validators.validate_title], verbose_name='last name'),
        ),
        migrations.AlterField(
            model_name='jobseeker',
            name='motivation',
            field=marketplace.fields.BoundedTextField(blank=True, max_length=2000, verbose_name='motivation and own plans'),
        ),
        migrations.AlterField(
            model_name='ladderoverride',
            name='reason',
            field=marketplace.fields.BoundedTextField(max_length=1000, verbose_name='reason'),
        ),
        migrations.AlterField(
            model_name='ladderstep',
            name='date',
            field=models.DateField(validators=[marketplace.validators.validate_plausible_date], verbose_name='date'),
        ),
        migrations.AlterField(
            model_name='ladderstep',
            name='note',
            field=marketplace.fields.BoundedTextField(blank=True, max_length=1000, verbose_name='note'),
        ),
        migrations.AlterField(
            model_name='municipality',
            name='name',
            field=models.CharField(max_length=100, validators=[marketplace.validators.validate_title], verbose_name='name'),
        ),
        migrations.AlterField(
            model_name='organisation',
            name='name',
            field=models.CharField(max_length=150, validators=[marketplace.validators.validate_title], verbose_name='name'),
        ),
        migrations.AlterField(
            model_name='placement',
            name='end_date',
            field=models.DateField(blank=True, null=True, validators=[marketplace.validators.validate_plausible_date], verbose_name='end date'),
        ),
        migrations.AlterField(
            model_name='placement',
            name='end_reason',
            field=marketplace.fields.BoundedTextField(blank=True, max_length=1000, verbose_name='reason for ending'),
        ),
        migrations.AlterField(
            model_name='placement',
            name='start_date',
            field=models.DateField(validators=[marketplace.validators.validate_plausible_date], verbose_name='start date'),
        ),
        migrations.AlterField(
            model_name='retentioncheckpoint',
            name='note',
            field=marketplace.fields.BoundedTextField(blank=True, max_length=1000, verbose_name='note'),
        ),
        migrations.AlterField(
            model_name='role',
            name='description',
            field=marketplace.fields.BoundedTextField(max_length=5000, verbose_name='description'),
        ),
        migrations.AlterField(
            model_name='role',
            name='end_date',
            field=models.DateField(blank=True, help_text='Empty means ongoing.', null=True, validators=[marketplace.validators.validate_plausible_date], verbose_name='end date'),
        ),
        migrations.AlterField(
            model_name='role',
            name='start_date',
            field=models.DateField(blank=True, null=True, validators=[marketplace.validators.validate_plausible_date], verbose_name='start date'),
        ),
        migrations.AlterField(
            model_name='role',
            name='title',
            field=models.CharField(max_length=150, validators=[marketplace.validators.validate_title], verbose_name='title'),
        ),
        migrations.AlterField(
            model_name='seekerburden',
            name='care_duties',
            field=marketplace.fields.BoundedTextField(blank=True, max_length=2000, verbose_name='care duties'),
        ),
        migrations.AlterField(
            model_name='seekerburden',
            name='debts',
            field=marketplace.fields.BoundedTextField(blank=True, max_length=2000, verbose_name='debts'),
        ),
        migrations.AlterField(
            model_name='seekerburden',
            name='health',
            field=marketplace.fields.BoundedTextField(blank=True, max_length=2000, verbose_name='health'),
        ),
        migrations.AlterField(
            model_name='seekerburden',
            name='language_gap',
            field=marketplace.fields.BoundedTextField(blank=True, max_length=2000, verbose_name='language gap'),
        ),
        migrations.AlterField(
            model_name='servicecategory',
            name='name_en',
            field=models.CharField(max_length=100, validators=[marketplace.validators.validate_title], verbose_name='English name'),
        ),
        migrations.AlterField(
            model_name='servicecategory',
            name='name_nl',
            field=models.CharField(max_length=100, validators=[marketplace.validators.validate_title], verbose_name='Dutch name'),
        ),
        migrations.AlterField(
            model_name='servicerequest',
            name='description',
            field=marketplace.fields.BoundedTextField(max_length=2000, validators=[marketplace.validators.validate_no_nul], verbose_name='what needs doing'),
        ),
        migrations.AlterField(
            model_name='servicerequest',
            name='preferred_date',
            field=models.DateField(blank=True, null=True, validators=[marketplace.validators.validate_plausible_date], verbose_name='preferred start date'),
        ),
        migrations.AlterField(
            model_name='servicerequest',
            name='rejection_reason',
            field=marketplace.fields.BoundedTextField(blank=True, max_length=1000, verbose_name='reason for rejection'),
        ),
        migrations.AlterField(
            model_name='servicerequest',
            name='requester_name',
            field=models.CharField(blank=True, max_length=120, validators=[marketplace.validators.validate_no_nul, marketplace.validators.validate_title], verbose_name='name'),
        ),
        migrations.AlterField(
            model_name='servicerequeststatuschange',
            name='note',
            field=marketplace.fields.BoundedTextField(blank=True, max_length=1000, verbose_name='note'),
        ),
        migrations.AlterField(
            model_name='skill',
            name='name_en',
            field=models.CharField(max_length=120, validators=[marketplace.validators.validate_title], verbose_name='English name'),
        ),
        migrations.AlterField(
            model_name='skill',
            name='name_nl',
            field=models.CharField(max_length=120, unique=True, validators=[marketplace.validators.validate_title], verbose_name='Dutch name'),
        ),
        migrations.AlterField(
            model_name='skillcategory',
            name='name_en',
            field=models.CharField(max_length=100, validators=[marketplace.validators.validate_title], verbose_name='English name'),
        ),
        migrations.AlterField(
            model_name='skillcategory',
            name='name_nl',
            field=models.CharField(max_length=100, validators=[marketplace.validators.validate_title], verbose_name='Dutch name'),
        ),
        migrations.AlterField(
            model_name='task',
            name='name',
            field=models.CharField(max_length=150, validators=[marketplace.validators.validate_title], verbose_name='task'),
        ),
    ]
