"""Evaluation: the annotated sets in eval/ and the scorer that measures an export against them."""
