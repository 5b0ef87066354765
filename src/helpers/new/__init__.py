"""Start a new article: ``python -m helpers.new path/to/article.txt --slug NAME`` (``make new``).

See :mod:`helpers.new.scaffold`."""
