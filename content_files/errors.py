"""The one error a content file reader raises: what is wrong, and in which file and on which line."""

from pathlib import Path


class ContentError(Exception):
    """A problem in a content file, located by file and line (0 or None: the file or folder as a whole)."""

    def __init__(self, path: Path | str, line: int | None, message: str) -> None:
        self.path, self.line, self.message = path, line, message
        super().__init__(f"{path}:{line}: {message}" if line else f"{path}: {message}")
