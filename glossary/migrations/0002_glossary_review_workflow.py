"""Term changes are reviewed: a "Glossary review" workflow for terms, approved by the Moderators group.

Wagtail's default groups also get glossary permissions: Editors draft and submit terms, Moderators
also publish them. Administrators can change either in Settings once the site's own roles exist.
"""

from django.db import migrations

EDITOR_ACTIONS = ("add", "change")
MODERATOR_ACTIONS = ("add", "change", "delete", "publish", "lock", "unlock")


def create_review_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    term_type, _ = ContentType.objects.get_or_create(app_label="glossary", model="glossaryterm")
    permissions = {
        action: Permission.objects.get_or_create(
            content_type=term_type,
            codename=f"{action}_glossaryterm",
            defaults={"name": f"Can {action} glossary term"},
        )[0]
        for action in MODERATOR_ACTIONS
    }
    for group in Group.objects.filter(name="Editors"):
        group.permissions.add(*(permissions[action] for action in EDITOR_ACTIONS))
    moderators = list(Group.objects.filter(name="Moderators"))
    for group in moderators:
        group.permissions.add(*permissions.values())

    if WorkflowContentType.objects.filter(content_type=term_type).exists():
        return
    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.create(name="Glossary approval", content_type=task_type, active=True)
    task.groups.set(moderators)
    workflow = Workflow.objects.create(name="Glossary review", active=True)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowContentType.objects.create(content_type=term_type, workflow=workflow)


class Migration(migrations.Migration):
    dependencies = [
        ("glossary", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_review_workflow, migrations.RunPython.noop)]
