"""relviz's stand-in for charmhelpers: only `charmhelpers.core.hookenv` (docs/python-charms.md)."""
