"""How an app tells serving that public pages show one of its models: then any change to it is a new content
generation (serving/generation.py) and every cached page of every server is out of date.

Each app registers its own models from the module that connects its receivers (loaded by its
AppConfig.ready()), so serving imports no app of ours:

    invalidate_on_change(GlossaryTerm)                      # saved or deleted: pages are out of date
    invalidate_on_change(PageViewRestriction, withdrawn=True)  # also drops the copies kept for outages

`withdrawn` is for changes that take a page away from readers: the last copies served while the database is
down go too, so a withdrawn page never comes back from one. serving/signals.py registers Wagtail's own models
and page events; `watched()` lists every registration, and a test checks that it holds every model a page
shows.
"""

from django.db.models import Model
from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal
from wagtail.models import Page

from .generation import bump_generation

_watched = {}  # model -> {event name ("save", "delete", "publish", …): withdrawn}


def invalidate_on_change(model: type[Model], *, withdrawn: bool = False) -> None:
    """A row of `model` saved or deleted makes every cached page out of date."""
    post_save.connect(_receiver(withdrawn), sender=model)
    _watched.setdefault(model, {})["save"] = withdrawn
    invalidate_on_delete(model, withdrawn=withdrawn)


def invalidate_on_delete(model: type[Model], *, withdrawn: bool = False) -> None:
    """A row of `model` deleted makes every cached page out of date.

    The receiver names its sender: one listening to every model would also stop Django's fast bulk deletes
    (a single DELETE) of every other model, such as search entries and term occurrences.
    """
    post_delete.connect(_receiver(withdrawn), sender=model)
    _watched.setdefault(model, {})["delete"] = withdrawn


def invalidate_on_page_signal(signal: Signal, event: str, *, withdrawn: bool = False) -> None:
    """A Wagtail page signal (sent with the page's specific class) for a page of any type."""
    signal.connect(_receiver(withdrawn))
    _watched.setdefault(Page, {})[event] = withdrawn


def watched() -> dict[type[Model], dict[str, bool]]:
    """{model: {event: withdrawn}} of every registration so far: what makes cached pages out of date."""
    return {model: dict(events) for model, events in _watched.items()}


def _receiver(withdrawn):
    return _withdrawn if withdrawn else _changed


def _changed(sender, **kwargs):
    bump_generation()


def _withdrawn(sender, **kwargs):
    bump_generation(withdrawn=True)
