"""The codebook as a tree: a tag's path is its name split on ``/``.

``framing/security`` is the tag ``security`` under ``framing``. A parent need not be a tag
itself: it is then a folder, shown in the tree but carried by no passage. A name with an empty
part (``/a``, ``a/``, ``a//b``) is not a path: it stays one top-level name, so no odd name can
make a folder called "" or hide a tag.

Counts are of passages, not codings: a passage carrying both ``framing/security`` and
``framing/economy`` counts once for ``framing``, as QualCoder and NVivo count a parent's
references. A node's ``own`` count is the passages carrying exactly its tag; its ``total``
adds those carrying any tag below it, each passage once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from tui.core.annotations.model import Tag

#: What separates a parent from its child in a tag's name.
SEPARATOR = "/"


class TagTreeError(ValueError):
    """A tree change that cannot be made (a move under itself, onto an existing name): why."""


def parts(name: str) -> tuple[str, ...]:
    """The path of a tag's name: its parts from the top, or the whole name if it is not a path."""
    split = tuple(name.split(SEPARATOR))
    return split if all(part.strip() for part in split) else (name,)


def parent(name: str) -> str:
    """The name of a tag's parent, "" for a tag at the top level."""
    return SEPARATOR.join(parts(name)[:-1])


def leaf(name: str) -> str:
    """The last part of a tag's name: what the tree shows under its parent."""
    return parts(name)[-1]


def ancestors(name: str) -> list[str]:
    """The names of every parent above a tag, the top one first."""
    path = parts(name)
    return [SEPARATOR.join(path[:depth]) for depth in range(1, len(path))]


def within(name: str, ancestor: str) -> bool:
    """Whether ``name`` is ``ancestor`` or a tag anywhere below it."""
    return name == ancestor or ancestor in ancestors(name)


def moved(name: str, old: str, new: str) -> str:
    """``name`` (``old`` or below it) with ``old`` replaced by ``new``: ``a/b/c`` → ``x/b/c``."""
    if name == old:
        return new
    return new + name[len(old) :]


def under(name: str, new_parent: str) -> str:
    """The name a tag takes when moved under ``new_parent`` ("" for the top level)."""
    return f"{new_parent}{SEPARATOR}{leaf(name)}" if new_parent else leaf(name)


@dataclass(slots=True)
class TagNode:
    """One node of the tree: a tag, or a folder (``tag`` None) that only holds tags."""

    name: str
    tag: Tag | None
    own: int = 0
    total: int = 0
    children: list[TagNode] = field(default_factory=list)

    @property
    def label(self) -> str:
        """What the tree shows for the node under its parent."""
        return leaf(self.name)

    @property
    def depth(self) -> int:
        """How many parents are above the node (0 at the top level)."""
        return len(parts(self.name)) - 1

    @property
    def descendants(self) -> int:
        """How many tags (not folders) are below the node."""
        return sum((child.tag is not None) + child.descendants for child in self.children)

    def walk(self) -> list[TagNode]:
        """The node and every node below it, each parent before its children."""
        found = [self]
        for child in self.children:
            found.extend(child.walk())
        return found


def tag_tree(tags: Iterable[Tag], passages: Iterable[Iterable[str]]) -> list[TagNode]:
    """The codebook as a tree of nodes, by name at each level (any case), with passage counts.

    ``passages`` are the tags of each passage (an annotation's ``tags``). A tag a passage
    carries that the codebook lacks is counted in the tree too, as a node without a ``Tag``.
    """
    own: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for carried in passages:
        names = set(carried)
        own.update(names)
        total.update({above for name in names for above in (*ancestors(name), name)})
    nodes: dict[str, TagNode] = {}
    by_name = {tag.name: tag for tag in tags}
    for name in sorted({*by_name, *own}, key=lambda n: ([part.casefold() for part in parts(n)], n)):
        for path in (*ancestors(name), name):
            if path not in nodes:
                nodes[path] = TagNode(path, by_name.get(path), own[path], total[path])
                if parent(path):
                    nodes[parent(path)].children.append(nodes[path])
    return [node for node in nodes.values() if not parent(node.name)]


def flattened(roots: Iterable[TagNode]) -> list[TagNode]:
    """Every node of the tree in reading order: each parent before its children."""
    return [node for root in roots for node in root.walk()]


def subtree(name: str, names: Iterable[str]) -> list[str]:
    """Those of ``names`` that are ``name`` or below it, in their order."""
    return [other for other in names if within(other, name)]


def check_move(name: str, new_parent: str, names: Iterable[str]) -> dict[str, str]:
    """The renames moving ``name`` and everything below it under ``new_parent`` ("" for the top).

    ``names`` are every tag name in use. Raises :class:`TagTreeError` for a move under itself
    or one of its own children, or when a name it would take is already a tag's.
    """
    known = list(dict.fromkeys(names))
    if within(new_parent, name):
        raise TagTreeError(f"cannot move {name!r} under itself or a tag below it")
    mapping = {old: moved(old, name, under(name, new_parent)) for old in subtree(name, known)}
    if not mapping:
        raise TagTreeError(f"no tag {name!r} in the codebook")
    taken = sorted(set(mapping.values()).intersection(known).difference(mapping))
    if taken:
        raise TagTreeError(
            f"cannot move {name!r} under {new_parent or 'the top level'!r}: {taken[0]!r} is already a tag"
        )
    return {old: new for old, new in mapping.items() if old != new}
