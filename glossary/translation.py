"""The term's fields kept in English and Spanish side by side (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from .models import GlossaryTerm


@register(GlossaryTerm)
class GlossaryTermTranslation(TranslationOptions):
    fields = ("name", "pronunciation", "abbreviations", "other_names", "definition", "image_alt_text")
    # Every term starts in English; a missing Spanish translation is allowed and shows in the admin filter.
    required_languages = {"en": ("name", "definition")}
