"""Managing editors approve what Wagtail's default Moderators group approved (docs/roles.md).

Wagtail's first migration makes a "Moderators" group and a "Moderators approval" workflow on the root page;
the glossary's "Glossary review" workflow used that group too. Every approval task naming Moderators now
names Managing editors, Wagtail's default workflow and task are renamed after them, and the Moderators
group, then unused, is deleted — unless someone is still a member, in which case an administrator decides
(Settings → Groups).
"""

from django.db import migrations

RENAMED = {"Moderators approval": "Managing editors approval"}


def managing_editors_replace_moderators(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Task = apps.get_model("wagtailcore", "Task")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    moderators = Group.objects.filter(name="Moderators").first()
    if moderators is None:
        return
    managing_editors = Group.objects.get(name="Managing editors")
    for task in GroupApprovalTask.objects.filter(groups=moderators):
        task.groups.add(managing_editors)
        task.groups.remove(moderators)
    for old, new in RENAMED.items():
        Task.objects.filter(name=old).update(name=new)
        Workflow.objects.filter(name=old).update(name=new)
    if not moderators.user_set.exists():
        moderators.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_roles"),
        ("glossary", "0002_glossary_review_workflow"),
    ]

    operations = [migrations.RunPython(managing_editors_replace_moderators, migrations.RunPython.noop)]
