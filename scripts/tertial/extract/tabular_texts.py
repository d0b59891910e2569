"""The tab-separated layout: a goal's texts, as paragraphs and '- ' bullet lists, per section."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .values import fold

UNLABELLED = "text"  # text printed under a heading before any section label (as in business plans)
_BULLET = re.compile(r"^\s*[-–•·▪●]\s+")


@dataclass
class TextBuffer:
    """Paragraphs and bullet lists of one section of one goal."""

    blocks: list[str] = field(default_factory=list)
    open: bool = False  # the last block may still take lines (no blank line since)
    bullets: bool = False

    def add(self, line: str) -> None:
        is_bullet = bool(_BULLET.match(line))
        text = "- " + fold(_BULLET.sub("", line)) if is_bullet else fold(line)
        last = self.blocks[-1] if self.blocks else None
        if last is not None and is_bullet and self.bullets:
            self.blocks[-1] += "\n" + text  # the next item of a list (blank lines between items or not)
        elif last is not None and not is_bullet and (self.open or (not self.bullets and _continues(last, text))):
            # A line of the same paragraph (or list item), or a sentence broken over a page break.
            self.blocks[-1] += " " + text
        else:
            self.blocks.append(text)
            self.bullets = is_bullet
        self.open = True

    def close(self) -> None:
        self.open = False

    def text(self) -> str:
        return "\n\n".join(self.blocks)


def _continues(previous: str, text: str) -> bool:
    """A paragraph that starts in lower case after one that ends without a full stop continues it."""
    return bool(text[:1].islower()) and not previous.rstrip().endswith((".", "!", "?", ":"))
