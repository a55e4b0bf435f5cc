"""Entity recognition: known entities from the data file, spelling variants, discovered people
and acronyms, money, figures and dates."""

from tui.core.entities.engine import EntityEngine
from tui.core.entities.gazetteer import Gazetteer, load_gazetteer

__all__ = ["EntityEngine", "Gazetteer", "load_gazetteer"]
