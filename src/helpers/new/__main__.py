"""``python -m helpers.new path/to/article.txt --slug NAME``: see :mod:`helpers.new.scaffold`."""
import sys

from .scaffold import main

sys.exit(main())
