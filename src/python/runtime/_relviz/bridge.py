"""The JavaScript side, as the runtime sees it: four functions, plain values in and out.

`boot.install()` takes them from the `_relviz_host` module the host registers, before any
charm code runs, and hides that module (and every other way to JavaScript) from charms.
"""
import json

_host = None


def bind(host):
    global _host
    _host = host


def tool(line):
    """Runs one hook-tool command line: (stdout, stderr, exit code)."""
    out = json.loads(_host.tool(line))
    return out['stdout'], out['stderr'], out['code']


def log(message, level='INFO'):
    _host.log(str(message), str(level))


def random():
    """One draw from the engine's PRNG: a float in [0, 1)."""
    return float(_host.random())


def status():
    """The unit's workload status as this hook sees it: (status, message)."""
    out = json.loads(_host.status())
    return out['status'], out['message']
