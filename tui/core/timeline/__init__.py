"""Dates and events: temporal expressions normalised to dates and ranges, in context."""
