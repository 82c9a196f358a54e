"""Replace Wagtail's default welcome page with a Werkplaats HomePage, so that `/` serves after `migrate`."""

import uuid

from django.db import migrations

ROOT_PATH = "0001"
HOME_PATH = "00010001"


def create_homepage(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("cms.HomePage")

    page_type, _created = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
    homepage_type, _created = ContentType.objects.get_or_create(app_label="cms", model="homepage")

    existing = Page.objects.filter(path=HOME_PATH).first()
    if existing is not None:
        if existing.content_type_id != page_type.pk or existing.numchild:
            # Someone already chose a real home page: leave the page tree alone.
            return
        locale_id = existing.locale_id
        # Deleting the welcome page also deletes the default Site pointing at it (root_page cascades).
        existing.delete()
    elif Page.objects.filter(depth=2).exists():
        return
    else:
        locale_id = Locale.objects.order_by("pk").values_list("pk", flat=True).first()

    homepage = HomePage.objects.create(
        title="Werkplaats",
        draft_title="Werkplaats",
        slug="home",
        content_type=homepage_type,
        path=HOME_PATH,
        depth=2,
        numchild=0,
        url_path="/home/",
        locale_id=locale_id,
        translation_key=uuid.uuid4(),
        live=True,
    )
    Page.objects.filter(path=ROOT_PATH).update(numchild=Page.objects.filter(depth=2).count())
    if not Site.objects.filter(is_default_site=True).exists():
        Site.objects.create(
            hostname="localhost", port=80, site_name="Werkplaats", root_page=homepage, is_default_site=True
        )


def remove_homepage(apps, schema_editor):
    Page = apps.get_model("wagtailcore.Page")
    HomePage = apps.get_model("cms.HomePage")
    HomePage.objects.filter(path=HOME_PATH, slug="home", numchild=0).delete()
    Page.objects.filter(path=ROOT_PATH).update(numchild=Page.objects.filter(depth=2).count())


class Migration(migrations.Migration):

    dependencies = [
        ("cms", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(create_homepage, remove_homepage),
    ]
