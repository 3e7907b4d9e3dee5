"""Post a page's edit form the way the Wagtail admin does, built from the page itself.

The edit view's StreamFields and rich text are drawn by JavaScript, so their form data is built here from
the block definitions (rich text goes through the editor widget, as Draftail would send it); the plain
fields and the comments formset come from the edit view's HTML.
"""

import json

from django.db import models
from django.urls import reverse
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text


def edit_form_data(client, page, **changes):
    """The edit form of `page`'s latest revision as the admin would post it, with `changes` applied
    (field name → value; a StreamField's value as its raw JSON-like list of blocks)."""
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200, response
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form").dict()
    latest = type(page).objects.get(pk=page.pk).get_latest_revision_as_object()  # `page` may be stale
    for field in type(latest)._meta.get_fields():
        name = getattr(field, "name", None)
        if name in changes and not hasattr(field, "stream_block"):
            data[name] = changes[name]
        if hasattr(field, "stream_block"):
            stream = field.stream_block
            value = stream.to_python(changes[name]) if name in changes else getattr(latest, name)
            data.update(nested_form_data({name: _stream_form(stream, value)}))
        elif hasattr(field, "features") and name not in changes:  # RichTextField
            data[name] = rich_text(getattr(latest, name), features=field.features)
        elif isinstance(field, models.BooleanField) and field.editable and name not in changes:
            # A checkbox is posted only when ticked.
            data.pop(name, None)
            if getattr(latest, name):
                data[name] = "on"
    return data


def _stream_form(stream_block, value):
    form = {}
    for index, child in enumerate(value):
        form[str(index)] = {
            "type": child.block_type,
            "value": _block_form(child.block, child.value),
            "id": child.id or "",
            "deleted": "",
            "order": str(index),
        }
    form["count"] = str(len(value))
    return form


def _block_form(block, value):
    if isinstance(block, blocks.StreamBlock):
        return _stream_form(block, value)
    if isinstance(block, blocks.ListBlock):
        form = {}
        for index, child in enumerate(value.bound_blocks):
            form[str(index)] = {
                "value": _block_form(block.child_block, child.value),
                "id": child.id or "",
                "deleted": "",
                "order": str(index),
            }
        form["count"] = str(len(value.bound_blocks))
        return form
    if isinstance(block, blocks.StructBlock):
        return {name: _block_form(child, value.get(name)) for name, child in block.child_blocks.items()}
    if isinstance(block, blocks.RichTextBlock):
        return rich_text(value.source if value else "", features=block.features)
    if isinstance(block, TableBlock):
        return json.dumps(value)
    if isinstance(block, blocks.ChooserBlock):
        return str(value.pk) if value else ""
    return "" if value is None else str(value)
