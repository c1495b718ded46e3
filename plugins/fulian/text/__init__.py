"""Text → facts: read a landed file's bytes, normalise the text, find its document attributes and facts.

Pure functions over one report; `fulian.text.extract.read_report` is the entry point.
"""
