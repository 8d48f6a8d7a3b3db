"""Where a project's pages, snippets and recordings live."""

from dataclasses import dataclass
from pathlib import Path

# Files that are neither lesson code nor recordings.
_NOT_SNIPPETS = {"__init__.py"}
# snippets/figures/<lesson>.py draws the pictures of docs/<lesson>.md (see lessonkit/figures):
# code that the tests run, in functions rather than sections, since no page shows it.
_FIGURES = "figures"


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
        return sorted(self.docs_dir.rglob("*.md"))

    def snippet_files(self) -> list[Path]:
        return sorted(
            path
            for path in self.snippets_dir.rglob("*.py")
            if path.name not in _NOT_SNIPPETS
            and "outputs" not in path.parts
            and path.relative_to(self.snippets_dir).parts[0] != _FIGURES
        )

    def figure_modules(self) -> list[Path]:
        """`snippets/figures/<lesson>.py`: the code that draws the pictures of `docs/<lesson>.md`."""
        return sorted(path for path in (self.snippets_dir / _FIGURES).glob("*.py") if path.name not in _NOT_SNIPPETS)

    def figure_recording(self, lesson: str, name: str, palette: str) -> Path:
        """`chain_rule`, `warm_up_graph`, `dark` -> `docs/figures/chain_rule/warm_up_graph-dark.svg`."""
        return self.docs_dir / _FIGURES / lesson / f"{name}-{palette}.svg"

    def figure_recordings(self) -> list[Path]:
        return sorted((self.docs_dir / _FIGURES).glob("*/*.svg"))

    def display(self, path: Path) -> str:
        """A path as the author sees it in the repository: relative, with forward slashes."""
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    def snippet(self, target: str) -> Path:
        """A snippet named the way pages name it, relative to `snippets/`."""
        return self.snippets_dir / target

    def output_recording(self, target: str, section: str) -> Path:
        """`chain_rule/q1.py`, `forward` -> `snippets/chain_rule/outputs/q1/forward.txt`."""
        return self._recordings(target) / f"{section}.txt"

    def value_recording(self, target: str) -> Path:
        """The values that pages quote from one snippet, as they appear in the prose."""
        return self._recordings(target) / "values.json"

    def recordings_target(self, recording: Path) -> str:
        """The snippet a recording belongs to: the inverse of `output_recording`."""
        folder = recording.parent
        lesson = folder.parent.parent.relative_to(self.snippets_dir)
        return (lesson / f"{folder.name}.py").as_posix()

    def recordings(self) -> list[Path]:
        return sorted(self.snippets_dir.glob("**/outputs/*/*"))

    def _recordings(self, target: str) -> Path:
        snippet = Path(target)
        return self.snippets_dir / snippet.parent / "outputs" / snippet.stem
