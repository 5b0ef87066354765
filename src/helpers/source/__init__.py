"""Stage 1, the source: the archived article, verified byte for byte."""
