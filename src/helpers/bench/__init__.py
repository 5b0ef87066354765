"""The benchmark of the report build (``make bench``) and its synthetic notebooks."""
