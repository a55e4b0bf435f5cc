"""The layer rules: the core never imports Textual, the CLI loads it only to open the app, the layers
inside the core and the UI hold, and the entity engine sits below the timeline, never reaching up."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tui.core.entities.dates import OTHER_MONTHS, other_calendar_date
from tui.core.models import EntityType
from tui.core.timeline.resolve import resolve

ROOT = Path(__file__).resolve().parent.parent.parent


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    """``code`` run by a new interpreter in the checkout, so its modules start unloaded."""
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_import_linter_contracts_hold() -> None:
    linter = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert linter is not None, "import-linter is part of the test extra"
    result = subprocess.run([linter], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout
    # Every contract in pyproject.toml was checked, the layer ones included: none left unread.
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"]
    assert {contract["type"] for contract in contracts} >= {"forbidden", "layers"}
    for contract in contracts:
        assert f"{contract['name']} KEPT" in result.stdout


def test_cli_commands_run_without_loading_textual(tmp_path: Path) -> None:
    code = (
        "import sys, io, contextlib\n"
        "from tui.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    assert main(['list', '--json']) == 0\n"
        "    assert main(['entities', '000', '--json']) == 0\n"
        "assert not any(m == 'textual' or m.startswith('textual.') for m in sys.modules), 'textual loaded'\n"
    )
    result = run_python(code)
    assert result.returncode == 0, result.stderr


def test_recognising_dates_of_every_calendar_loads_no_timeline_module() -> None:
    code = (
        "import sys\n"
        "from tui.core.entities.dates import month_date\n"
        "text = 'On 4 Azar 1404 and 01 Rajab 1447 the talks resumed.'\n"
        "assert month_date(text, 5, 9) is not None\n"
        "assert month_date(text, 22, 27) is not None\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('tui.core.timeline'))\n"
        "assert not loaded, loaded\n"
    )
    result = run_python(code)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("name", OTHER_MONTHS)
def test_an_other_calendar_date_has_the_id_the_timeline_resolves_it_to(name: str) -> None:
    # Day 0, days 30 and 31 and the years at the edges include days that do not exist.
    for day in ("0", "1", "04", "15", "29", "30", "31"):
        for year in (1300, 1403, 1404, 1447, 1499):
            written = f"{day} {name} {year}"
            text = f"It was {written}, they said."
            start = text.index(name)
            found = other_calendar_date(text, start, start + len(name))
            when = resolve(written, None)
            if when is None:
                assert found is None, written
            else:
                record = (EntityType.DATE, f"date:{when.start.isoformat()}", written, None, None)
                assert found == (7, 7 + len(written), record)
