"""Counts over time as charts: the chart view."""
