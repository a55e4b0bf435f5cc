"""Where things live: the folder holding ``articles/`` and ``annotations/``.

In order of precedence:

1. ``--workspace DIR`` on the command line, or the ``IRANPAK_WORKSPACE`` environment variable;
2. the checkout the package is run from (a folder with ``pyproject.toml`` and ``articles/``);
3. a per-user data folder, seeded on first use with the articles bundled in the package.
"""

from __future__ import annotations

import os
import shutil
import zlib
from pathlib import Path
from typing import NamedTuple

ENV_VAR = "IRANPAK_WORKSPACE"
#: Overrides the folder under which the caches of every workspace are kept.
CACHE_VAR = "IRANPAK_CACHE"
APP_NAME = "iranpak-reader"
PACKAGE_DIR = Path(__file__).resolve().parent.parent


class WorkspaceError(OSError):
    """The workspace folder cannot be used; the message names it and says why."""


class Workspace(NamedTuple):
    """A folder with the corpus in ``articles/`` and annotation storage in ``annotations/``."""

    root: Path
    origin: str

    @property
    def articles(self) -> Path:
        """The folder of article files (and the known-entities file)."""
        return self.root / "articles"

    @property
    def annotations(self) -> Path:
        """The folder of annotation storage."""
        return self.root / "annotations"

    @property
    def cache(self) -> Path:
        """Where what is worked out from the articles is kept between runs (entities, events).

        In the user cache folder (or ``$IRANPAK_CACHE``), one folder per workspace: never
        inside the workspace, which holds only what the user made. The folder is named by a
        CRC-32 of the workspace's path (hashlib would load OpenSSL before the first frame): what
        is kept there names its workspace or is keyed by content, so two paths sharing a name
        cannot mix their caches.
        """
        base = os.environ.get(CACHE_VAR)
        if base:
            root = Path(base).expanduser()
        else:
            import platformdirs

            root = Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
        return root / f"{zlib.crc32(str(self.root).encode('utf-8', 'surrogatepass')):08x}"

    @property
    def entities_file(self) -> Path:
        """The user-editable file of known entities."""
        return self.articles / "entities.toml"


def resolve_workspace(explicit: str | os.PathLike[str] | None = None) -> Workspace:
    """Find (and, where needed, create) the workspace to use."""
    chosen = explicit or os.environ.get(ENV_VAR)
    if chosen:
        origin = "--workspace" if explicit else ENV_VAR
        return _prepare(Workspace(Path(chosen).expanduser().resolve(), origin))
    checkout = checkout_root()
    if checkout is not None:
        return _prepare(Workspace(checkout, "checkout"))
    import platformdirs  # only here: run from an installed copy, not from a checkout

    user = Workspace(Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)), "user data folder")
    _prepare(user, seed=bundled_articles())
    return user


def checkout_root() -> Path | None:
    """The source checkout the package runs from, if it is one."""
    root = PACKAGE_DIR.parent
    if (root / "pyproject.toml").is_file() and (root / "articles").is_dir():
        return root
    return None


def bundled_articles() -> Path | None:
    """The articles shipped inside an installed (non-editable) package, if present."""
    bundled = PACKAGE_DIR / "bundled_articles"
    return bundled if bundled.is_dir() else None


def _prepare(workspace: Workspace, seed: Path | None = None) -> Workspace:
    """Create the workspace folders if missing, copying in the seed articles on first use."""
    try:
        if seed is not None and not workspace.articles.exists():
            workspace.root.mkdir(parents=True, exist_ok=True)
            shutil.copytree(seed, workspace.articles)
        workspace.articles.mkdir(parents=True, exist_ok=True)
        workspace.annotations.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        reason = error.strerror or str(error)
        raise WorkspaceError(f"{workspace.root}: cannot use as a workspace ({reason})") from None
    return workspace
