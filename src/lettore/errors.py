"""The one exception type for problems a user can fix; the CLI turns it into exit code 2."""

from __future__ import annotations


class UserError(Exception):
    """A problem the user can fix (missing file, bad encoding, bad config).

    The message is one line for humans: what is wrong and what to do.
    """

    exit_code = 2
