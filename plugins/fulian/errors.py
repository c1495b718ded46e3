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


class CannotRun(FulianError):
    """A deterministic failure the operator must fix: retrying cannot help, so the run ends at once.

    Its message is one sentence naming the cause, the path and what to do; `make run` prints it as its
    last line (scripts/with_progress.sh greps the log for `FULIAN CANNOT RUN:`)."""


class BadParameter(CannotRun, ValueError):
    """A DAG parameter or FULIAN_* setting that cannot be used (empty path, unknown storage version, ...)."""


class LandingUnusable(CannotRun):
    """The landing folder is missing, is a file, or cannot be listed."""


class WarehouseUnusable(CannotRun):
    """The warehouse path is a folder, or its folder cannot be created or written."""


class WarehouseDamaged(CannotRun):
    """The published warehouse cannot be read (truncated, overwritten, bad blocks): restore it first."""


class WarehouseMissing(CannotRun):
    """The published warehouse is gone but its raw layer is kept beside it: restore before running."""


class NoSpaceLeft(CannotRun):
    """A write failed because the file system is full (ENOSPC)."""


class NothingToRestore(CannotRun):
    """`make restore` found no kept raw layer or generation for the run asked for."""
