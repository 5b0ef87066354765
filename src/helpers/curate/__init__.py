"""Stage 3, curate: the human-edited files in data/curated (quotes, labels, left-out numbers)."""
