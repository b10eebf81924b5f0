"""The error every service raises for bad input: the message names what and where."""

from __future__ import annotations


class UserError(ValueError):
    """Bad input from the user (unknown code, malformed period, …); nothing was changed."""
