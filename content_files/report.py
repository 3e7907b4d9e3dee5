"""What an import did, item by item, and the one line a command prints about it."""

from dataclasses import dataclass, field


@dataclass
class ImportReport:
    """Pages or terms an import created, updated as drafts, left unchanged, published or left alone."""

    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    published: list = field(default_factory=list)
    # Existing items a create-only load (the demo loader) did not compare or touch.
    left_alone: list = field(default_factory=list)

    def summary(self, source: object) -> str:
        published = f", {len(self.published)} published" if self.published else ""
        left_alone = f", {len(self.left_alone)} already there (left as they are)" if self.left_alone else ""
        return (
            f"{source}: {len(self.created)} created, {len(self.updated)} updated as drafts, "
            f"{len(self.unchanged)} unchanged{published}{left_alone}."
        )
