"""Markdown prose to the HTML Wagtail stores for rich text, for guide pages and glossary definitions alike.

Draftail reads and writes <b> and <i>, not <strong> and <em>, so those are renamed here: what a file says
then compares equal to what an editor saving the same words in the admin would store.
"""

import re

import markdown


def markdown_to_rich_text(text: str) -> str:
    """Markdown (**bold**, *italic*, [links](https://…), lists) as rich-text HTML; checked by the caller."""
    html = markdown.markdown(text, output_format="html")
    html = re.sub(r"<(/?)strong>", r"<\1b>", html)
    return re.sub(r"<(/?)em>", r"<\1i>", html)
