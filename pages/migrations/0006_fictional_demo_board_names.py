"""The demo boards carried the names of real editorial boards; an installation made from the demo gets the
fictional names instead. Only boards whose English name is still exactly the old demo name are renamed (with
their reviewers' group and review task), so a board an editor named is never touched."""

from django.db import migrations

RENAMES = [
    # (old English name, new English name, new Spanish name)
    (
        "Pediatric Treatment Editorial Board",
        "Childhood ALL Demo Board",
        "Consejo editorial de demostración de LLA infantil",
    ),
    (
        "Adult Treatment Editorial Board",
        "Adult ALL Demo Board",
        "Consejo editorial de demostración de LLA en adultos",
    ),
    ("Spanish language review", "Spanish Review Demo Team", "Equipo de demostración de revisión en español"),
]
GROUP_PREFIX = "Board reviewers: "


def rename_demo_boards(apps, schema_editor):
    EditorialBoard = apps.get_model("pages", "EditorialBoard")
    BoardReviewTask = apps.get_model("pages", "BoardReviewTask")
    Group = apps.get_model("auth", "Group")
    for old, new_en, new_es in RENAMES:
        board = EditorialBoard.objects.filter(name_en=old).first()
        if board is None or EditorialBoard.objects.filter(name_en=new_en).exists():
            continue
        board.name = board.name_en = new_en
        board.name_es = new_es
        board.save(update_fields=["name", "name_en", "name_es"])
        if board.group.name == f"{GROUP_PREFIX}{old}" and not Group.objects.filter(
            name=f"{GROUP_PREFIX}{new_en}"
        ).exists():
            Group.objects.filter(pk=board.group_id).update(name=f"{GROUP_PREFIX}{new_en}")
        BoardReviewTask.objects.filter(name=f"{old} review").update(name=f"{new_en} review")


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("pages", "0005_glossary_term_button_in_rich_text"),
    ]

    operations = [migrations.RunPython(rename_demo_boards, migrations.RunPython.noop)]
