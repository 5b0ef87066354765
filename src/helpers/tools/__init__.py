"""The environment around the build: make setup's bytecode warm-up, JupyterLab's save hook."""
