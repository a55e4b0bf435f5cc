"""Codebook changes and export, asked for in dialogs and applied to the store of the Annotations pane.

The merge target and the new name are chosen in a :class:`TagPickerDialog` that finds tags as
they are typed (typos too). Renaming into an existing tag merges the two (after asking). A move
puts a tag and those below it under another tag (or a new folder, or the top level) chosen in
the same picker. Tag renames, merges, moves and deletes carry the tags below along, change many
annotations at once and are one undoable step; a delete says first how many tags and passages go.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.annotations.exporting import export_bytes
from tui.core.annotations.model import InvalidAnnotation, valid_colour
from tui.core.annotations.tag_tree import TagTreeError, subtree, under
from tui.core.safe_text import one_line
from tui.core.store import StoreError
from tui.core.user_files import UserFileError, write_output_file
from tui.ui.annotations.export_dialog import ExportDialog
from tui.ui.dialogs.prompt import ConfirmDialog, PromptDialog
from tui.ui.dialogs.tag_picker import TagPickerDialog
from tui.ui.labels import counted

#: The move picker's first row: no parent.
TOP_LEVEL = "⌂ Top level (no parent)"

if TYPE_CHECKING:
    from tui.core.annotations.history import Changes
    from tui.ui.annotations.annotation_pane import AnnotationPane


def run_tag_action(pane: AnnotationPane, action: str, name: str) -> None:
    """Ask what is needed for ``action`` on tag ``name``, then apply it."""
    shown = one_line(name)
    if action == "rename":
        question = f"Rename tag “{shown}” to: (a new name, or a tag to merge it into)"
        picker = _picker(pane, question, name, allow_new=True, value=name)
        pane.app.push_screen(picker, lambda new: _rename(pane, name, new))
    elif action == "merge":
        if not any(tag.name != name for tag in pane.store.tags()):
            pane.notify(f"No other tag to merge “{shown}” into", markup=False)
            return
        picker = _picker(pane, f"Merge “{shown}” into which tag?", name)
        pane.app.push_screen(picker, lambda into: _merge(pane, name, into))
    elif action == "recolour":
        tag = pane.store.tag(name)
        colour = tag.colour if tag else ""
        dialog = PromptDialog(f"New colour for “{shown}” (#rrggbb):", colour)
        pane.app.push_screen(dialog, lambda value: _recolour(pane, name, value))
    elif action == "move":
        tags = pane.store.tags()
        itself = subtree(name, [tag.name for tag in tags])  # not under itself nor a tag below it
        question = f"Move “{shown}” under which tag? (or a new parent, or the top level)"
        picker = TagPickerDialog(
            question, tags, pane.store.tag_counts(), allow_new=True, exclude=itself, first=(TOP_LEVEL, "")
        )
        pane.app.push_screen(picker, lambda parent: _move(pane, name, parent))
    elif action == "delete":
        pane.app.push_screen(
            ConfirmDialog(_delete_question(pane, name)), lambda yes: _delete(pane, name) if yes else None
        )


def _delete_question(pane: AnnotationPane, name: str) -> str:
    """What a delete asks: the tag, how many tags below it go with it, and from how many passages."""
    names = [tag.name for tag in pane.store.tags()]
    children = len([other for other in subtree(name, names) if other != name])
    passages = counted(len(pane.store.annotations(tag=name)), "annotation")
    if not children:
        return f"Delete tag “{one_line(name)}” and remove it from {passages}?"
    tags = counted(children, "tag")
    return f"Delete tag “{one_line(name)}” and the {tags} below it, and remove them from {passages}?"


def _picker(
    pane: AnnotationPane, question: str, name: str, *, allow_new: bool = False, value: str = ""
) -> TagPickerDialog:
    """A picker of the codebook's tags other than ``name`` (the tag acted on), with their counts."""
    tags, counts = pane.store.tags(), pane.store.tag_counts()
    return TagPickerDialog(question, tags, counts, allow_new=allow_new, exclude=[name], value=value)


def _rename(pane: AnnotationPane, old: str, new: str | None) -> None:
    """Rename (asking first if ``new`` exists: that is a merge)."""
    if not new or new == old:
        return
    if pane.store.tag(new) is not None:
        question = f"“{one_line(new)}” exists: merge “{one_line(old)}” into it?"
        pane.app.push_screen(ConfirmDialog(question), lambda yes: _merge(pane, old, new) if yes else None)
        return
    _retag(pane, f"rename {old} → {new}", lambda: pane.store.rename_tag(old, new), (old, new))


def _merge(pane: AnnotationPane, source: str, into: str | None) -> None:
    """Merge ``source`` into an existing tag."""
    if not into or into == source:
        return
    if pane.store.tag(into) is None:
        pane.notify(f"No tag called {one_line(into)}", severity="error", markup=False)
        return
    _retag(pane, f"merge {source} → {into}", lambda: pane.store.merge_tags([source], into), (source, into))


def _delete(pane: AnnotationPane, name: str) -> None:
    """Delete a tag and those below it everywhere."""
    _retag(pane, f"delete tag {name}", lambda: pane.store.delete_tag(name))


def _move(pane: AnnotationPane, name: str, parent: str | None) -> None:
    """Move a tag and those below it under ``parent`` ("" for the top level)."""
    if parent is None:
        return
    label = f"move {name} under {parent or 'the top level'}"
    _retag(pane, label, lambda: pane.store.move_tag(name, parent), (name, under(name, parent)))


def _retag(
    pane: AnnotationPane, label: str, apply: Callable[[], Changes], moved: tuple[str, str] | None = None
) -> None:
    """Apply a tag change (one save) and record what it did as one undoable step; a listing of a
    tag renamed or merged (``moved``: from, to) follows it."""
    try:
        changes = apply()
    except (StoreError, TagTreeError, InvalidAnnotation) as error:
        pane.notify(one_line(str(error)), title="Not saved", severity="error", markup=False)
        return
    if moved is not None and pane.tag_filter == moved[0]:
        pane.tag_filter = moved[1]
    pane.history.record(label, changes)
    count = len(changes.annotations)
    pane.notify(f"{one_line(label)}: {counted(count, 'annotation')} changed", timeout=3, markup=False)
    pane.saved()


def _recolour(pane: AnnotationPane, name: str, colour: str | None) -> None:
    """Give a tag a new colour (one undoable step)."""
    tag = pane.store.tag(name)
    if tag is None or not colour:
        return
    if not valid_colour(colour):
        pane.notify(f"Not a colour: {one_line(colour)} (use #rrggbb)", severity="error", markup=False)
        return
    new = tag.edited(colour=colour)
    _retag(pane, f"recolour {name}", lambda: pane.store.save_tag(new))


def export_annotations(pane: AnnotationPane) -> None:
    """Ask for a format and a file, write the export, and say where it went."""
    folder = pane.store.path.parent.parent if pane.store.path else Path.cwd()

    def write(answer: tuple[str, Path] | None) -> None:
        """Write the export the dialog asked for."""
        if answer is None:
            return
        kind, path = answer
        articles = {article.id: article for article in pane.state.corpus.articles}
        try:
            data, count = export_bytes(kind, pane.store, articles)
            if pane.unreadable:  # read from the empty stand-in: writing it would lose a good export
                raise StoreError(path, f"nothing written: annotations cannot be read: {pane.unreadable}")
            written = write_output_file(path, data)
        except (StoreError, UserFileError, ValueError) as error:  # ValueError: an empty codebook
            pane.notify(one_line(str(error)), title="Export failed", severity="error", markup=False)
            return
        what = counted(count, "tag" if kind == "qdc" else "annotation")
        pane.notify(
            f"Wrote {what} ({kind}) to {one_line(str(written))}",
            title="Exported",
            timeout=8,
            markup=False,
        )

    pane.app.push_screen(ExportDialog(folder), write)
