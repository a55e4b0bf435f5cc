"""Benchmarks: figures reported in the README, never assertions."""
