"""manage.py backup / restore: a round trip brings back every page, revision, term, user, vote and media file;
a missing or broken archive is refused before anything changes. Runs on PostgreSQL (pg_dump/pg_restore)
and on SQLite (dumpdata/loaddata), whichever DATABASE_URL selects."""

import re
import tarfile
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import override_settings
from wagtail.models import Page, Revision

from glossary.factories import GlossaryTermFactory
from glossary.models import GlossaryTerm
from pages.models import BoardVote, GuidePage, GuideSectionPage

User = get_user_model()


def backup(folder, capsys):
    call_command("backup", "--output", str(folder))
    return Path(re.search(r"Backup written to (\S+)", capsys.readouterr().out).group(1))


def everything():
    """What a restore must bring back, as comparable values."""
    return {
        "pages": set(Page.objects.values_list("pk", "path", "title", "live", "latest_revision_id")),
        "revisions": set(Revision.objects.values_list("pk", "object_id", "user_id")),
        "terms": set(GlossaryTerm.objects.values_list("pk", "slug", "name_en", "name_es", "live")),
        "users": set(User.objects.values_list("pk", "username", "email", "password", "is_active")),
        "votes": set(BoardVote.objects.values_list("pk", "user__username", "decision", "revision_id")),
    }


@pytest.fixture(scope="module")
def demo_database_kept(django_db_setup, django_db_blocker, tmp_path_factory):
    """A transactional test ends with Django flushing the database; put the demo content back afterwards
    (with the very commands under test) so that later tests find it. Media go to a folder of their own."""
    folder = tmp_path_factory.mktemp("baseline")
    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
        with django_db_blocker.unblock():
            call_command("backup", "--output", str(folder), verbosity=0)
        [archive] = folder.glob("*.tar.gz")
        yield
        with django_db_blocker.unblock():
            call_command("restore", str(archive))


@pytest.fixture
def media_file():
    path = Path(settings.MEDIA_ROOT) / "documents" / "backup-note.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("kept by the backup")
    yield path
    path.unlink(missing_ok=True)


@pytest.mark.django_db(transaction=True)
def test_a_round_trip_restores_pages_revisions_terms_users_votes_and_media(
    demo_database_kept, tmp_path, capsys, media_file
):
    # New things of each kind: a user, a draft revision in review, a vote, a glossary term.
    author = User.objects.create_user("backup_author", "author@example.org", "a-long-test-password")
    section = GuideSectionPage.objects.child_of(GuidePage.objects.get(slug="childhood-all")).get(
        slug="follow-up"
    )
    draft = section.get_latest_revision_as_object()
    draft.title = "Follow-up care (draft kept by the backup)"
    draft.revision_kind = "minor"
    draft.save_revision(user=author)
    section.get_workflow().start(section, author)
    state = GuideSectionPage.objects.get(pk=section.pk).current_workflow_task_state
    state.task.specific.on_action(
        state,
        User.objects.get(username="ped_reviewer2"),
        "approve",
        comment="Good.",
        attested=True,
        conflict="none",
    )
    term = GlossaryTermFactory(slug="backup-term", name_en="backup term", name_es="término de respaldo")
    term.save_revision().publish()
    before = everything()
    assert BoardVote.objects.filter(user__username="ped_reviewer2").exists()

    archive = backup(tmp_path, capsys)
    assert archive.parent == tmp_path and archive.name.startswith("allsite-")

    # Damage: delete the vote, the term, a page, the user's revisions and the user; rename the home page.
    BoardVote.objects.all().delete()
    GlossaryTerm.objects.filter(slug="backup-term").delete()
    GuideSectionPage.objects.child_of(GuidePage.objects.get(slug="adult-all")).get(slug="prognosis").delete()
    Revision.objects.filter(user=author).delete()
    author.delete()
    Page.objects.filter(depth=2).update(title="Broken")
    media_file.unlink()
    assert everything() != before

    call_command("restore", str(archive))
    after = everything()
    for kind in before:
        assert after[kind] == before[kind], kind
    assert media_file.read_text() == "kept by the backup"
    restored = GuideSectionPage.objects.get(pk=section.pk)
    assert restored.get_latest_revision_as_object().title == "Follow-up care (draft kept by the backup)"
    assert restored.current_workflow_task_state.board_votes.get().comment == "Good."
    assert User.objects.get(username="backup_author").check_password("a-long-test-password")


@pytest.mark.django_db
def test_a_missing_file_is_refused_by_name(tmp_path):
    missing = tmp_path / "nothing-here.tar.gz"
    with pytest.raises(CommandError, match=re.escape(str(missing))):
        call_command("restore", str(missing))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "message"),
    [(b"not an archive at all", "not a readable backup archive"), (None, "not an allsite backup archive")],
)
def test_a_file_that_is_not_a_backup_changes_nothing(tmp_path, content, message):
    bad = tmp_path / "allsite-bad.tar.gz"
    if content is None:  # a real .tar.gz, but not one of ours
        other = tmp_path / "other.txt"
        other.write_text("hello")
        with tarfile.open(bad, "w:gz") as tar:
            tar.add(other, "other.txt")
    else:
        bad.write_bytes(content)
    pages, users = Page.objects.count(), User.objects.count()
    with pytest.raises(CommandError, match=re.escape(str(bad)) + ".*" + message):
        call_command("restore", str(bad))
    assert (Page.objects.count(), User.objects.count()) == (pages, users)
