"""Faithful deterministic rewrites driven by the dependency parse (the guard's fallback).

Each transform moves or splits the source's own words — it cannot add a fact.
"""
