"""``python -m helpers.extract`` runs :func:`helpers.parse.extract.main`."""
import sys

from helpers.parse.extract import main

sys.exit(main())
