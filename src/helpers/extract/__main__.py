"""``python -m helpers.extract`` runs :func:`helpers.extract.cli.main`."""
import sys

from helpers.extract.cli import main

sys.exit(main())
