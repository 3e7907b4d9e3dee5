"""The one rule for slugs written in content files: they become addresses, so nothing else is allowed."""

import re

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def is_slug(value: object) -> bool:
    """Lowercase letters and digits in words joined by single hyphens ("bone-marrow")."""
    return isinstance(value, str) and SLUG_PATTERN.match(value) is not None
