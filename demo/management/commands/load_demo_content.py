"""manage.py load_demo_content: the home pages, the glossary and every demo guide, published, with a year of
editorial history (content/demo-history.yaml) on the pages it creates.

Safe to run again: it creates only what is missing (a new page or term in the files) and leaves everything
that exists exactly as it is, however it differs from the files: no revision, no publication, no log entry.
Changes to existing demo pages reach a site through `import_guide`, which reviews them as drafts.
"""

from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Page, Site

from content_files.errors import ContentError
from content_files.report import ImportReport
from demo import editorial_setup
from demo.history import apply_demo_history
from glossary.importing import GlossaryImportError
from glossary.term_files import load_glossary_folder
from pages.guide_files import SOURCE_LANGUAGE, parse_file
from pages.importer import import_guide, write_home_pages

HISTORY_FILE = "demo-history.yaml"


class Command(BaseCommand):
    help = (
        "Create the home pages, the editorial boards and default workflows, and import and publish every "
        "guide under DEMO_CONTENT_DIR."
    )

    def add_arguments(self, parser):
        parser.add_argument("--content-dir", default=str(settings.DEMO_CONTENT_DIR))

    def handle(self, *args, content_dir, **options):
        root = Path(content_dir)
        try:
            with transaction.atomic():
                homes = [parse_file(path, path.stem, "home") for path in sorted((root / "home").glob("*.md"))]
                if not any(home.language == SOURCE_LANGUAGE for home in homes):
                    raise ContentError(root / "home", 0, f"needs {SOURCE_LANGUAGE}.md, the English home page")
                report = ImportReport()
                _remove_wagtail_placeholder()
                english_home = write_home_pages(homes, report, create_only=True)
                _serve_at_site_root(english_home)
                self.stdout.write(report.summary(root / "home"))
                if (root / "glossary").is_dir():  # before the guides, so their pages link the terms
                    glossary = load_glossary_folder(root / "glossary", publish=True, create_only=True)
                    self.stdout.write(glossary.summary(root / "glossary"))
                editorial_setup.ensure_boards()
                created = set()
                for folder in sorted(p for p in (root / "guides").iterdir() if p.is_dir()):
                    # The demo guides count as reviewed by their boards when first loaded.
                    report = import_guide(folder, publish=True, reviewed=True, create_only=True)
                    created |= {page.pk for page in report.created}
                    self.stdout.write(report.summary(folder))
                if created and (root / HISTORY_FILE).is_file():
                    apply_demo_history(root / HISTORY_FILE, created)
                editorial_setup.ensure_workflows()
                # Publishing indexes pages as it goes; this also covers a database loaded before search existed.
                call_command("rebuild_search_index", verbosity=0)
        except (ContentError, GlossaryImportError) as error:
            raise CommandError(f"{error}\nNothing was loaded.") from error


def _remove_wagtail_placeholder():
    """Delete the "Welcome to Wagtail" page a fresh install has, so our home page can take its place."""
    for page in Page.objects.filter(
        depth=2, content_type__model="page", content_type__app_label="wagtailcore"
    ):
        if not page.get_children().exists():
            page.delete()


def _serve_at_site_root(home):
    """The default site serves the English home page; Wagtail finds each other language's home from it."""
    site = Site.objects.filter(is_default_site=True).first() or Site(
        hostname="localhost", port=80, is_default_site=True, site_name="allsite"
    )
    if site.root_page_id != home.pk:
        site.root_page = home
        site.save()
