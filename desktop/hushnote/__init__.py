"""Hushnote: a local-first encrypted journal for notes and contact lists."""

__version__ = "0.1.0"
