"""Import a guide folder (docs/content-format.md) into Wagtail pages, all or nothing.

New pages and changed pages get a new draft revision, so editors review imported changes in the admin
like any other edit; live content changes only with `publish=True`. Unchanged pages are left alone, so
importing the same folder twice adds nothing.
"""

import hashlib
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from glossary.importing import ImportReport

from .content_files import ContentError, parse_file
from .models import EditorialBoard, GuidePage, GuideSectionPage, HomePage, PublicationRecord, RevisionKind
from .models.boards import board_for_page
from .models.review_dates import RevisionDatesMixin, recompute_dates

SOURCE_LANGUAGE = "en"
GUIDE_FILE = "guide.md"


def read_guide_folder(folder):
    """Parse every file of a guide folder: {language: [guide page, section, ...]}. Touches no database."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ContentError(folder, 0, "no such guide folder")
    languages = {}
    for language_dir in sorted(p for p in folder.iterdir() if p.is_dir() and p.name != "images"):
        language = language_dir.name
        if not Locale.objects.filter(language_code=language).exists():
            raise ContentError(language_dir, 0, f"'{language}' is not one of the site's languages")
        guide_file = language_dir / GUIDE_FILE
        if not guide_file.is_file():
            raise ContentError(guide_file, 0, "every language folder needs a guide.md")
        pages = [parse_file(guide_file, language, "guide")]
        guide = pages[0]
        if guide.board and not EditorialBoard.objects.filter(name_en=guide.board).exists():
            raise ContentError(
                guide_file, guide.line_of("board"), f"there is no editorial board named '{guide.board}'"
            )
        section_files = sorted(p for p in language_dir.glob("*.md") if p.name != GUIDE_FILE)
        pages += [parse_file(path, language, "section") for path in section_files]
        for key in ("slug", "translation_of"):
            seen = {}
            for page in pages[1:]:
                value = getattr(page, key)
                if value and value in seen:
                    raise ContentError(
                        page.path, page.line_of(key), f"{key} '{value}' is also used by {seen[value]}"
                    )
                seen[value] = page.path.name
        languages[language] = pages
    if SOURCE_LANGUAGE not in languages:
        raise ContentError(folder, 0, f"a guide folder needs its source language folder '{SOURCE_LANGUAGE}/'")
    return languages


def import_guide(folder, publish=False, user=None, summary="", reviewed=False):
    """Parse, then write the whole guide in one transaction. Raises ContentError; nothing is saved then.

    Each imported revision is a substantive change with `summary` as its public summary (a default says
    whether the page is new or updated). `reviewed` records publications as reviewed by the guide's board
    (for content a board approved outside this site, such as the demo guides).
    """
    languages = read_guide_folder(folder)
    report = ImportReport()
    with transaction.atomic():
        writer = _Writer(report, publish, user, summary, reviewed)
        english = writer.write_language(SOURCE_LANGUAGE, languages[SOURCE_LANGUAGE], sources=None)
        for language, pages in languages.items():
            if language != SOURCE_LANGUAGE:
                writer.write_language(language, pages, sources=english)
    return report


def write_home_pages(home_contents, report):
    """Create or update (and publish) each language's home page; returns the English one."""
    root = Page.get_first_root_node()
    writer = _Writer(report, publish=True, user=None, summary="", reviewed=False)
    by_language = {content.language: content for content in home_contents}
    english = writer._write_page(
        HomePage, root, by_language[SOURCE_LANGUAGE], Locale.objects.get(language_code="en"), None
    )
    for language, content in by_language.items():
        if language == SOURCE_LANGUAGE:
            continue
        locale = Locale.objects.filter(language_code=language).first()
        if locale is None:
            raise ContentError(content.path, 0, f"'{language}' is not one of the site's languages")
        if content.translation_of != english.slug:
            raise ContentError(
                content.path,
                content.line_of("translation_of"),
                f"translation_of must name the English home page '{english.slug}'",
            )
        writer._write_page(HomePage, root, content, locale, english)
    return english


class _Writer:
    def __init__(self, report, publish, user, summary, reviewed):
        self.report, self.publish, self.user = report, publish, user
        self.summary, self.reviewed = summary, reviewed

    def write_language(self, language, content_pages, sources):
        """Write one language's guide and sections; returns {English slug: page} for translations to find."""
        locale = Locale.objects.get(language_code=language)
        home = HomePage.objects.filter(locale=locale).first()
        if home is None:
            raise ContentError(
                content_pages[0].path, 0, f"there is no {language} home page; run load_demo_content"
            )
        guide_content, *section_contents = content_pages

        guide_source = self._source(guide_content, sources, GuidePage, None)
        guide = self._write_page(GuidePage, home, guide_content, locale, guide_source)
        written = {guide_content.slug: guide}
        ordered = []
        for content in section_contents:
            source = self._source(content, sources, GuideSectionPage, guide_source)
            page = self._write_page(GuideSectionPage, guide, content, locale, source)
            written[content.slug if sources is None else content.translation_of] = page
            ordered.append(page)
        _put_in_order(guide, ordered)
        return written

    def _source(self, content, sources, model, source_guide):
        """The English page a translation translates: from this run, else already in the site."""
        if sources is None:
            return None
        source = sources.get(content.translation_of)
        if source is None and source_guide is not None:
            source = model.objects.child_of(source_guide).filter(slug=content.translation_of).first()
        if source is None or not isinstance(source, model):
            raise ContentError(
                content.path,
                content.line_of("translation_of"),
                f"translation_of names '{content.translation_of}', "
                f"but there is no such English {model._meta.verbose_name}",
            )
        return source

    def _write_page(self, model, parent, content, locale, source):
        existing = None
        if source is not None:
            existing = model.objects.filter(translation_key=source.translation_key, locale=locale).first()
        if existing is None:
            existing = model.objects.child_of(parent).filter(slug=content.slug).first()
        page = existing.get_latest_revision_as_object() if existing else model(locale=locale)
        if source is not None:
            page.translation_key = source.translation_key
        before = _fingerprint(page) if existing else None
        _apply(page, content)
        try:
            if existing is None:
                page.live = False
                parent.add_child(instance=page)
                self.report.created.append(page)
            elif _fingerprint(page) == before:
                self.report.unchanged.append(page)
                if self.publish and (not existing.live or existing.has_unpublished_changes):
                    # The file matches a draft an earlier import made: publishing it is what was asked.
                    self._publish(existing, existing.latest_revision)
                return existing
            else:
                page.full_clean()
                self.report.updated.append(page)
        except ValidationError as error:
            raise ContentError(content.path, 1, _validation_message(error)) from error
        if isinstance(page, RevisionDatesMixin):
            page.revision_kind = RevisionKind.SUBSTANTIVE
            with translation.override(locale.language_code):
                page.change_summary = self.summary or (
                    _("First published.") if existing is None else _("Updated.")
                )
        revision = page.save_revision(user=self.user, log_action=True)
        if self.publish:
            self._publish(page, revision)
        return model.objects.get(pk=page.pk)

    def _publish(self, page, revision):
        revision.publish(user=self.user)
        self.report.published.append(page)
        if self.reviewed and isinstance(page, RevisionDatesMixin):
            PublicationRecord.objects.filter(revision=revision).update(reviewed=True)
            recompute_dates(page, board_for_page(page))


# The fields an import sets, per page type; everything else (workflow state, dates, etc.) is left alone.
IMPORTED_FIELDS = {
    HomePage: ("title", "slug", "search_description", "intro"),
    GuidePage: ("title", "slug", "search_description", "summary", "audience", "board", "intro"),
    GuideSectionPage: ("title", "slug", "search_description", "summary", "key_points", "body"),
}


def _default_summary(page, existing):
    """A new guide says it was first published; new sections add no entry of their own to its change list."""
    if existing is not None:
        return _("Updated.")
    return _("First published.") if isinstance(page, GuidePage) else ""


def _apply(page, content):
    values = {
        "title": content.title,
        "slug": content.slug,
        "search_description": content.summary,
        "summary": content.summary,
        "audience": content.audience,
        "board": EditorialBoard.objects.filter(name_en=content.board).first() if content.board else None,
        "intro": content.intro,
        "key_points": content.key_points,
        "body": _body_with_images(content),
    }
    for name in IMPORTED_FIELDS[type(page)]:
        setattr(page, name, values[name])


def _body_with_images(content):
    body = [
        {**block, "value": dict(block["value"])} if isinstance(block["value"], dict) else block
        for block in content.body
    ]
    for index, image_path in content.images:
        body[index]["value"]["image"] = _image_for(image_path).pk
    return body


def _fingerprint(page):
    """What the importer controls on a page, comparable across revisions (StreamField block ids left out)."""
    values = []
    for name in IMPORTED_FIELDS[type(page)]:
        model_field = type(page)._meta.get_field(name)
        value = getattr(page, name)
        if hasattr(model_field, "stream_block"):
            value = _without_ids(model_field.stream_block.get_prep_value(value))
        values.append(value)
    return values


def _without_ids(data):
    if isinstance(data, list):
        return [_without_ids(item) for item in data]
    if isinstance(data, dict):
        return {key: _without_ids(value) for key, value in data.items() if key != "id"}
    return data


def _image_for(path):
    """The Wagtail image for a file, found by content hash so a re-import reuses it."""
    Image = get_image_model()
    digest = hashlib.sha1(path.read_bytes(), usedforsecurity=False).hexdigest()
    image = Image.objects.filter(file_hash=digest).first()
    if image is None:
        with path.open("rb") as handle:
            image = Image(title=path.stem.replace("-", " "), file=ImageFile(handle, name=path.name))
            image.save()
    return image


def _put_in_order(parent, ordered_pages):
    """Move sections so the tree order is the file order (only when it differs)."""
    wanted = [page.pk for page in ordered_pages]
    current = [
        pk
        for pk in Page.objects.child_of(parent).order_by("path").values_list("pk", flat=True)
        if pk in wanted
    ]
    if current == wanted:
        return
    for pk in wanted:
        Page.objects.get(pk=pk).move(parent, pos="last-child")


def _validation_message(error):
    if hasattr(error, "message_dict"):
        return "; ".join(
            f"{name}: {' '.join(str(m) for m in messages)}" for name, messages in error.message_dict.items()
        )
    return " ".join(str(m) for m in error.messages)
