"""Every installation gets the site's roles: Site administrators, Managing editors, Editors, Translators.

The table lives in accounts/roles.py; `apply_roles` uses only the historical models passed to it and skips
models this migration state does not know, so this migration keeps working as the table grows (each change
to the table comes with a new migration calling `apply_roles` again). Wagtail's own "Editors" group is
reused as our Editors role.
"""

from django.db import migrations

from accounts.roles import apply_roles


def create_roles(apps, schema_editor):
    apply_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_sign_in_settings"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("simple_translation", "0001_initial"),
        ("axes", "0010_accessattemptexpiration"),
        ("glossary", "0002_glossary_review_workflow"),
        ("pages", "0005_glossary_term_button_in_rich_text"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
