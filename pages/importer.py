"""Import a guide folder (docs/content-format.md) into Wagtail pages, all or nothing.

New pages and changed pages get a new draft revision, so editors review imported changes in the admin
like any other edit; live content changes only with `publish=True`. A page whose content equals its live or
latest content is left alone (compared as Draftail would store it, so an admin round trip is no change), so
importing the same folder twice adds nothing. Publishing never goes over work done in the admin: a page with
revisions made there since its last import, or in a workflow, is refused unless `force` is given.
The demo loader uses `create_only`: pages that exist are not even compared.
"""

import hashlib
import re
import uuid
from pathlib import Path

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail import blocks
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageLogEntry, Revision
from wagtail.rich_text import features as rich_text_features

from content_files.errors import ContentError
from content_files.report import ImportReport

from .guide_files import SOURCE_LANGUAGE, ContentPage, parse_file
from .models import EditorialBoard, GuidePage, GuideSectionPage, HomePage, PublicationRecord, RevisionKind
from .models.boards import board_for_page
from .models.review_dates import RevisionDatesMixin, recompute_dates

GUIDE_FILE = "guide.md"
# The audit-log action of a revision the importer saved: how a later import tells files from admin work.
IMPORT_LOG_ACTION = "pages.import"
# Block ids are made from this namespace and where the block stands (share_block_ids): the same on every import.
BLOCK_ID_NAMESPACE = uuid.UUID("5f0c7a52-9d0e-4a63-8a4e-2f1b6d1c3e20")


def read_guide_folder(folder: str | Path) -> dict[str, list[ContentPage]]:
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


def import_guide(
    folder: str | Path,
    publish: bool = False,
    user: User | None = None,
    summary: str = "",
    reviewed: bool = False,
    create_only: bool = False,
    force: bool = False,
) -> ImportReport:
    """Parse, then write the whole guide in one transaction. Raises ContentError; nothing is saved then.

    Each imported revision is a substantive change with `summary` as its public summary (a default says
    whether the page is new or updated). `reviewed` records publications as reviewed by the guide's board
    (for content a board approved outside this site, such as the demo guides). `create_only` writes only
    pages that do not exist yet; `force` publishes even over revisions made in the admin.
    """
    languages = read_guide_folder(folder)
    share_block_ids(languages)
    report = ImportReport()
    with transaction.atomic():
        writer = _Writer(report, publish, user, summary, reviewed, create_only, force)
        english = writer.write_language(SOURCE_LANGUAGE, languages[SOURCE_LANGUAGE], sources=None)
        for language, pages in languages.items():
            if language != SOURCE_LANGUAGE:
                writer.write_language(language, pages, sources=english)
    return report


def share_block_ids(languages: dict[str, list[ContentPage]]) -> None:
    """Give every section's body blocks stable ids, shared by a translation whose blocks follow its English
    file's (the same kinds in the same order), as Wagtail's "Translate" shares them.

    Ids come from the guide, the English section and the block's position, so importing again gives the same
    ids (and the fingerprint, which leaves ids out, sees no change). A translation whose structure differs
    gets ids of its own: the side-by-side view then aligns it by headings (bilingual/alignment.py).
    """
    guide_slug = languages[SOURCE_LANGUAGE][0].slug
    english = {content.slug: content for content in languages[SOURCE_LANGUAGE][1:]}
    for language, contents in languages.items():
        for content in contents[1:]:
            source = english.get(content.slug if language == SOURCE_LANGUAGE else content.translation_of)
            same_structure = source is not None and _kinds(source) == _kinds(content)
            seed = (
                f"{guide_slug}/{source.slug}" if same_structure else f"{guide_slug}/{language}/{content.slug}"
            )
            content.body = [
                {**block, "id": str(uuid.uuid5(BLOCK_ID_NAMESPACE, f"{seed}/{index}"))}
                for index, block in enumerate(content.body)
            ]


def _kinds(content):
    return [block["type"] for block in content.body]


def write_home_pages(
    home_contents: list[ContentPage], report: ImportReport, create_only: bool = False
) -> HomePage:
    """Create or update (and publish) each language's home page; returns the English one."""
    root = Page.get_first_root_node()
    writer = _Writer(report, publish=True, user=None, summary="", reviewed=False, create_only=create_only)
    by_language = {content.language: content for content in home_contents}
    english = writer._write_page(
        HomePage, root, by_language[SOURCE_LANGUAGE], Locale.objects.get(language_code=SOURCE_LANGUAGE), None
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


def admin_revisions_since_import(page: Page) -> list[Revision]:
    """Revisions of `page` made by people (in the admin) after the last revision an import saved.

    Imports log their revisions as IMPORT_LOG_ACTION; revisions saved without a user (imports made before
    that log action existed) count as imported too.
    """
    imported = set(
        PageLogEntry.objects.filter(page_id=page.pk, action=IMPORT_LOG_ACTION).values_list(
            "revision_id", flat=True
        )
    )
    revisions = list(page.revisions.order_by("pk").select_related("user"))
    last_import = max((r.pk for r in revisions if r.pk in imported or r.user_id is None), default=0)
    return [r for r in revisions if r.pk > last_import and r.pk not in imported and r.user_id is not None]


class _Writer:
    def __init__(self, report, publish, user, summary, reviewed, create_only=False, force=False):
        self.report, self.publish, self.user = report, publish, user
        self.summary, self.reviewed = summary, reviewed
        self.create_only, self.force = create_only, force

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
        if self.create_only:
            _place_new_pages(ordered, {page.pk for page in self.report.created})
        else:
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
        if existing is not None and self.create_only:
            self.report.left_alone.append(existing)
            return existing
        page = existing.get_latest_revision_as_object() if existing else model(locale=locale)
        if source is not None:
            page.translation_key = source.translation_key
        # Both taken before the file is applied: with no draft, the latest revision is the live object itself.
        before = _fingerprint(page) if existing else None
        live = _fingerprint(existing) if existing and existing.live else None
        _apply(page, content)
        try:
            if existing is None:
                page.live = False
                parent.add_child(instance=page)
                self.report.created.append(page)
            elif (after := _fingerprint(page)) in (before, live):
                # The file says what the latest revision or the live page says: nothing to add. Publishing is
                # what was asked only when the file matches a draft that is not live yet.
                self.report.unchanged.append(page)
                if self.publish and after == before and after != live:
                    self._check_may_publish(existing, content)
                    self._publish(existing, existing.latest_revision)
                return existing
            else:
                page.full_clean()
                self.report.updated.append(page)
        except ValidationError as error:
            raise ContentError(content.path, 1, _validation_message(error)) from error
        if self.publish and existing is not None:
            self._check_may_publish(existing, content)
        if isinstance(page, RevisionDatesMixin):
            page.revision_kind = RevisionKind.SUBSTANTIVE
            with translation.override(locale.language_code):
                page.change_summary = self.summary or (
                    _("First published.") if existing is None else _("Updated.")
                )
        revision = page.save_revision(user=self.user, log_action=IMPORT_LOG_ACTION)
        if self.publish:
            self._publish(page, revision)
        return model.objects.get(pk=page.pk)

    def _check_may_publish(self, page, content):
        """Refuse to publish over work done in the admin since the last import, unless forced."""
        if self.force:
            return
        newer = admin_revisions_since_import(page)
        if newer:
            latest = newer[-1]
            raise ContentError(
                content.path,
                0,
                f"not published: '{page.title}' (page {page.pk}) has revision {latest.pk} by "
                f"{latest.user.get_username()} of {latest.created_at:%Y-%m-%d %H:%M}, made in the admin "
                f"after its last import; import without --publish to add a draft, or use --force",
            )
        if page.workflow_in_progress:
            raise ContentError(
                content.path,
                0,
                f"not published: '{page.title}' (page {page.pk}) is in review in a workflow; "
                f"import without --publish to add a draft, or use --force",
            )

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
    """What the importer controls on a page, comparable across revisions and with what an admin save stores:
    rich text in Draftail's canonical form without its random block keys, StreamField block ids left out."""
    values = []
    for name in IMPORTED_FIELDS[type(page)]:
        model_field = type(page)._meta.get_field(name)
        value = getattr(page, name)
        if hasattr(model_field, "stream_block"):
            value = _comparable(model_field.stream_block, value)
        elif hasattr(model_field, "features"):  # RichTextField
            value = _canonical_rich_text(value, model_field.features)
        values.append(value)
    return values


def _comparable(block, value):
    """A block value as plain data, with every rich text in canonical form."""
    if isinstance(block, blocks.RichTextBlock):
        return _canonical_rich_text(value.source if value else "", block.features)
    if isinstance(block, blocks.StreamBlock):
        return [(child.block_type, _comparable(child.block, child.value)) for child in value]
    if isinstance(block, blocks.ListBlock):
        return [_comparable(block.child_block, item) for item in value]
    if isinstance(block, blocks.StructBlock):
        return {name: _comparable(child, value.get(name)) for name, child in block.child_blocks.items()}
    return block.get_prep_value(value)


BLOCK_KEY = re.compile(r' data-block-key="[^"]*"')


def _canonical_rich_text(html, features):
    """Rich text as the admin's editor would save it (its HTML→Draftail→HTML round trip), block keys removed."""
    if not html:
        return ""
    converter = ContentstateConverter(features or rich_text_features.get_default_features())
    return BLOCK_KEY.sub("", converter.to_database_format(converter.from_database_format(html)))


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


def _place_new_pages(ordered_pages, new_ids):
    """Put each newly created page beside its neighbour in file order, moving no existing page."""
    for index, page in enumerate(ordered_pages):
        if page.pk not in new_ids:
            continue
        if index > 0:
            Page.objects.get(pk=page.pk).move(Page.objects.get(pk=ordered_pages[index - 1].pk), pos="right")
        elif len(ordered_pages) > 1:
            Page.objects.get(pk=page.pk).move(Page.objects.get(pk=ordered_pages[1].pk), pos="left")


def _validation_message(error):
    if hasattr(error, "message_dict"):
        return "; ".join(
            f"{name}: {' '.join(str(m) for m in messages)}" for name, messages in error.message_dict.items()
        )
    return " ".join(str(m) for m in error.messages)
