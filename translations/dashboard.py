"""The admin dashboard's "Translations to do" panel."""

from wagtail.admin.ui.components import Component

from .listing import translation_rows
from .status import MISSING, OUT_OF_DATE

LIMIT = 20


class TranslationsToDoPanel(Component):
    """English pages whose Spanish version is missing or out of date, most behind first."""

    name = "translations_to_do"
    order = 120
    template_name = "translations/admin/translations_panel.html"

    def get_context_data(self, parent_context=None):
        pages = translation_rows()
        return {
            "out_of_date": list(
                pages.filter(translation_status=OUT_OF_DATE).order_by("-behind", "path")[:LIMIT]
            ),
            "missing": list(pages.filter(translation_status=MISSING)[:LIMIT]),
        }
