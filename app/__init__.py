"""Bonmun (본문): a desktop tool for reading, cleaning and coding Korean news articles."""

__version__ = "0.1.0"
