"""Notes other apps add about a revision under board review (`insert_board_review_notes` hook: a function
of the page returning HTML, or "" for nothing), shown in the votes panel and the vote's modal."""

from django import template
from django.utils.html import format_html_join
from django.utils.safestring import SafeString
from wagtail import hooks
from wagtail.models import Page

register = template.Library()


@register.simple_tag
def board_review_notes(page: Page) -> SafeString:
    notes = (hook(page) for hook in hooks.get_hooks("insert_board_review_notes"))
    return format_html_join("", "{}", ((note,) for note in notes if note))
