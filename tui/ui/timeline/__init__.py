"""The Timeline: every dated event of the corpus, filtered, opening its sources."""
