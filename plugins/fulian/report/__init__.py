"""For analysts: the self-contained HTML report and the runnable example queries."""
