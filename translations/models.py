"""Where each Spanish page stands against its English source: missing, draft only, out of date or in step.

A translator marks a Spanish page "in step" with the English page's live revision when publishing it; the
page falls out of step when the English page later publishes a *substantive* change (its PublicationRecord
rows), so minor corrections never make a translation look stale.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TranslationStatus(models.Model):
    """The in-step mark of one translated page: which English revision it matches, since when, by whom."""

    page = models.OneToOneField("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    source_revision = models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("English revision"),
    )
    in_step_at = models.DateTimeField(default=timezone.now, verbose_name=_("in step since"))
    marked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        verbose_name = _("translation status")
        verbose_name_plural = _("translation statuses")

    def __str__(self):
        return f"{self.page} {self.in_step_at:%Y-%m-%d}"
