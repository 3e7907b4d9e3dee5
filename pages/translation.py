"""Fields kept in both languages side by side (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from .models import EditorialBoard


@register(EditorialBoard)
class EditorialBoardTranslation(TranslationOptions):
    fields = ("name",)
