"""Foundations every stage uses: repository paths, the one error type, whole-file writes."""
