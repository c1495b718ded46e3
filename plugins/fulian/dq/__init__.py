"""Data quality (dq): Great Expectations checks on the built marts, the quarantine, and the alerts."""
