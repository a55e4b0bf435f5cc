"""Cross-references: where else an entity appears, what it appears with, related articles,
and the same passage elsewhere."""
