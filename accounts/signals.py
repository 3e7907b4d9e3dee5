"""A new home page (a language's tree) gets the role page rights meant for its tree, e.g. the Translators'."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import Page

from .roles import ensure_role_page_permissions


@receiver(post_save, dispatch_uid="accounts.role_rights_for_new_tree")
def role_rights_for_new_tree(sender, instance, created, raw=False, **kwargs):
    if created and not raw and isinstance(instance, Page) and instance.depth == 2:
        ensure_role_page_permissions()
