"""charmhelpers.core.hookenv: relviz's hookenv under its charmhelpers name."""
import sys

import hookenv as _hookenv

sys.modules[__name__] = _hookenv
