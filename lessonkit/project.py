"""Where a project's pages and code live: docs/ and snippets/ under one root."""

from dataclasses import dataclass
from pathlib import Path

# snippets/figures/<lesson>.py draws the pictures of docs/<lesson>.md (see lessonkit/figures):
# code in functions rather than sections, since no page shows it.
FIGURES = "figures"
# docs/notebooks/ and docs/workbooks/: what lessonkit/generate.py writes for a builder other than MkDocs; no pages.
GENERATED = ("notebooks", "workbooks")


@dataclass(frozen=True)
class Project:
    root: Path

    @classmethod
    def here(cls) -> "Project":
        """The project this package belongs to (the repository it is installed from)."""
        return cls(Path(__file__).resolve().parents[1])

    @property
    def docs_dir(self) -> Path:
        return self.root / "docs"

    @property
    def snippets_dir(self) -> Path:
        return self.root / "snippets"

    def pages(self) -> list[Path]:
        """The pages people write: docs/**/*.md but what lessonkit/generate.py writes."""
        generated = [self.docs_dir / folder for folder in GENERATED]
        pages = self.docs_dir.rglob("*.md")
        return sorted(page for page in pages if not any(page.is_relative_to(folder) for folder in generated))

    def snippet(self, target: str) -> Path:
        """A snippet named the way pages name it, relative to `snippets/`."""
        return self.snippets_dir / target

    def snippet_files(self) -> list[Path]:
        return sorted(
            path
            for path in self.snippets_dir.glob("*/*.py")
            if path.name != "__init__.py" and path.parent.name != FIGURES
        )

    def figure_modules(self) -> list[Path]:
        """`snippets/figures/<lesson>.py`: the code that draws the pictures of `docs/<lesson>.md`."""
        return sorted(path for path in (self.snippets_dir / FIGURES).glob("*.py") if path.name != "__init__.py")

    def display(self, path: Path) -> str:
        """A path as the author sees it in the repository: relative, with forward slashes."""
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()
