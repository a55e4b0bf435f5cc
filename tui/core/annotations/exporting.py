"""Export in any format, as the bytes to write: shared by the CLI and the app."""

from __future__ import annotations

import orjson

from tui.core.annotations import native, w3c
from tui.core.annotations.store import AnnotationStore
from tui.core.models import Article

FORMATS = ("native", "w3c", "qdpx", "qdc")
#: The formats that are not JSON: a REFI-QDA project (a ZIP) and codebook (XML).
REFI_FORMATS = ("qdpx", "qdc")


def export_bytes(kind: str, store: AnnotationStore, articles: dict[str, Article]) -> tuple[bytes, int]:
    """The export document (indented UTF-8 JSON, or REFI-QDA), and how many annotations it holds
    (for a codebook: how many tags; a project leaves out those with no text to sit on). ValueError
    says why it cannot be written."""
    annotations = store.annotations()
    if kind == "qdpx":
        from tui.core.annotations import refi

        attributes = (store.attribute_definitions(), store.attribute_values())
        project = refi.export_project(annotations, store.tags(), articles, store.memos(), attributes)
        return project, len(refi.exportable(annotations, articles))
    if kind == "qdc":
        from tui.core.annotations import refi

        tags = store.tags()
        return refi.export_codebook(tags, store.memos("tag")), len(tags)
    if kind == "w3c":
        data = w3c.export(annotations, {a.id: a.url for a in articles.values() if a.url})
    elif kind == "native":
        data = native.export(
            annotations,
            store.tags(),
            articles,
            native.ProjectRecords(store.memos(), store.attribute_definitions(), store.attribute_values()),
        )
    else:
        raise ValueError(f"unknown export format {kind!r}")
    return orjson.dumps(data, option=orjson.OPT_INDENT_2) + b"\n", len(annotations)
