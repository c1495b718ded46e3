"""The exceptions fulian raises on purpose, in one place, so callers (tasks, CLI, tests) can tell them
apart from bugs. Each message names the cause and the path it concerns."""

from __future__ import annotations


class FulianError(Exception):
    """Base of every deliberate failure."""


class RejectedFile(FulianError):
    """A landed file is not a readable report (empty, binary, too large, undecodable, a symlink, ...).

    Not a run failure: the file is quarantined with this message as its reason, the others go on."""


class RunLevelFailure(FulianError, RuntimeError):
    """A check that concerns the whole run failed (or the checks could not run): nothing is published."""


class UpstreamFailed(FulianError, RuntimeError):
    """A step before publishing failed, so nothing is published: `publish` fails with this (not a skip)
    so that the run ends failed; the failing step has alerted already."""


class DbtFailed(FulianError, RuntimeError):
    """dbt returned failure: the message holds the failing nodes."""


class ConcurrentPublish(FulianError, RuntimeError):
    """Another run published the warehouse after this run copied it: publishing would lose its work."""
