"""``python -m helpers.extract``: the command, kept; the code is :mod:`helpers.parse.extract`."""
