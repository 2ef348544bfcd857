"""Jiedao: grounded summaries, indicators and answers for Chinese government work reports."""

__version__ = "0.1.0"
