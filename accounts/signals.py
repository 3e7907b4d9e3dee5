"""A new home page (a language's tree) gets the role page rights meant for its tree, e.g. the Translators'."""

from django.db.models.signals import post_save
from wagtail.models import get_page_models

from .roles import ensure_role_page_permissions


def role_rights_for_new_tree(sender, instance, created, raw=False, **kwargs):
    if created and not raw and instance.depth == 2:
        ensure_role_page_permissions()


# One receiver per page type, as Wagtail connects its own: a save sends post_save for its own class only, and
# a receiver without a sender would run for every save of every model.
for model in get_page_models():
    post_save.connect(
        role_rights_for_new_tree, sender=model, dispatch_uid=f"accounts-rights-{model._meta.label}"
    )
