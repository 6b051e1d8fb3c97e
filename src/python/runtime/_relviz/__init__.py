"""relviz's Python runtime: what runs a charm's hook inside Pyodide (see docs/python-charms.md)."""
