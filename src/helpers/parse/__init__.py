"""Stage 2, parse: numbers, dates and every figure found in the article's text."""
