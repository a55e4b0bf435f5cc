"""Export in either format, as the bytes to write: shared by the CLI and the app."""

from __future__ import annotations

import orjson

from tui.core.annotations import native, w3c
from tui.core.annotations.store import AnnotationStore
from tui.core.models import Article

FORMATS = ("native", "w3c")


def export_bytes(kind: str, store: AnnotationStore, articles: dict[str, Article]) -> tuple[bytes, int]:
    """The export document as indented UTF-8 JSON, and how many annotations it holds."""
    annotations = store.annotations()
    if kind == "w3c":
        data = w3c.export(annotations, {a.id: a.url for a in articles.values() if a.url})
    elif kind == "native":
        data = native.export(annotations, store.tags(), articles)
    else:
        raise ValueError(f"unknown export format {kind!r}")
    return orjson.dumps(data, option=orjson.OPT_INDENT_2) + b"\n", len(annotations)
