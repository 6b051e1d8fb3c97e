"""What makes a hook deterministic and closed: random, time, urandom, no network, no JavaScript.

Installed once at boot; everything it patches lives in modules imported before the
snapshot of sys.modules, so every hook sees the same patched world.
"""
import datetime as _dt
import http.client
import os
import random as _random
import socket
import sys
import time as _time
import urllib.request

from . import bridge

# 2026-01-01T00:00:00Z: what the model's clock 0 is as a wall time.
EPOCH = 1767225600.0

NO_NETWORK = "relviz: no network in a charm's sandbox"

# Names a charm may not import: the way out to JavaScript, and package installers.
BLOCKED = ('js', 'pyodide', 'pyodide_js', 'micropip', '_pyodide', '_pyodide_core', '_relviz_host', 'pyodide_http')


class _Clock:
    """The hook's logical clock: the model's clock plus what time.sleep added."""

    base = 0.0
    slept = 0.0

    def now(self):
        return EPOCH + self.base + self.slept


clock = _Clock()


def _draw32():
    return int(bridge.random() * 4294967296.0) & 0xFFFFFFFF


class EngineRandom(_random.Random):
    """random's functions over the engine's PRNG: random() is one draw, getrandbits 32 bits a draw."""

    def __init__(self, x=None):
        self.gauss_next = None

    def seed(self, a=None, version=2):
        # Seeding the module's generator cannot change the engine's sequence.
        self.gauss_next = None

    def random(self):
        return bridge.random()

    def getrandbits(self, k):
        if k < 0:
            raise ValueError('number of bits must be non-negative')
        value = 0
        got = 0
        while got < k:
            value |= _draw32() << got
            got += 32
        return value & ((1 << k) - 1) if k else 0

    def randbytes(self, n):
        return self.getrandbits(n * 8).to_bytes(n, 'little')

    def getstate(self):
        raise NotImplementedError("relviz's random does not implement random.getstate; see docs/python-charms.md")

    def setstate(self, state):
        raise NotImplementedError("relviz's random does not implement random.setstate; see docs/python-charms.md")


def urandom(n):
    n = int(n)
    if n < 0:
        raise ValueError('negative argument not allowed')
    return EngineRandom().getrandbits(n * 8).to_bytes(n, 'little') if n else b''


def _install_random():
    inst = EngineRandom()
    _random._inst = inst
    for name in ('random', 'uniform', 'triangular', 'randint', 'choice', 'randrange', 'sample', 'shuffle',
                 'choices', 'normalvariate', 'lognormvariate', 'expovariate', 'vonmisesvariate', 'gammavariate',
                 'gauss', 'betavariate', 'binomialvariate', 'paretovariate', 'weibullvariate', 'getstate',
                 'setstate', 'getrandbits', 'randbytes', 'seed'):
        if hasattr(_random, name):
            setattr(_random, name, getattr(inst, name))
    _random._urandom = urandom  # SystemRandom (and so secrets) reads this
    os.urandom = urandom


def _install_time():
    def time():
        return clock.now()

    def time_ns():
        return int(round(clock.now() * 1e9))

    def monotonic():
        return clock.base + clock.slept

    def monotonic_ns():
        return int(round((clock.base + clock.slept) * 1e9))

    def sleep(seconds):
        if seconds < 0:
            raise ValueError('sleep length must be non-negative')
        clock.slept += float(seconds)

    real_gmtime, real_ctime, real_asctime, real_strftime = (
        _time.gmtime, _time.ctime, _time.asctime, _time.strftime)

    def gmtime(secs=None):
        return real_gmtime(clock.now() if secs is None else secs)

    def localtime(secs=None):
        # The sandbox's time zone is UTC.
        return real_gmtime(clock.now() if secs is None else secs)

    def ctime(secs=None):
        return real_ctime(clock.now() if secs is None else secs)

    def asctime(t=None):
        return real_asctime(gmtime() if t is None else t)

    def strftime(fmt, t=None):
        return real_strftime(fmt, gmtime() if t is None else t)

    for name, fn in (('time', time), ('time_ns', time_ns), ('monotonic', monotonic), ('monotonic_ns', monotonic_ns),
                     ('perf_counter', monotonic), ('perf_counter_ns', monotonic_ns), ('process_time', monotonic),
                     ('process_time_ns', monotonic_ns), ('thread_time', monotonic), ('thread_time_ns', monotonic_ns),
                     ('sleep', sleep), ('gmtime', gmtime), ('localtime', localtime), ('ctime', ctime),
                     ('asctime', asctime), ('strftime', strftime)):
        setattr(_time, name, fn)


class _DateTime(_dt.datetime):
    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(clock.now(), tz if tz is not None else _dt.timezone.utc).replace(
            tzinfo=tz)

    @classmethod
    def utcnow(cls):
        return cls.fromtimestamp(clock.now(), _dt.timezone.utc).replace(tzinfo=None)

    @classmethod
    def today(cls):
        return cls.utcnow()


class _Date(_dt.date):
    @classmethod
    def today(cls):
        d = _DateTime.utcnow()
        return cls(d.year, d.month, d.day)


def _install_datetime():
    _DateTime.__name__ = _DateTime.__qualname__ = 'datetime'
    _DateTime.__module__ = 'datetime'
    _Date.__name__ = _Date.__qualname__ = 'date'
    _Date.__module__ = 'datetime'
    _dt.datetime = _DateTime
    _dt.date = _Date


def _no_network(*args, **kwargs):
    raise OSError(NO_NETWORK)


class _NoSocket(socket.socket):
    def __init__(self, *args, **kwargs):
        raise OSError(NO_NETWORK)


def _install_network():
    socket.socket = _NoSocket
    for name in ('create_connection', 'create_server', 'getaddrinfo', 'gethostbyname', 'gethostbyname_ex',
                 'gethostbyaddr', 'socketpair', 'fromfd'):
        if hasattr(socket, name):
            setattr(socket, name, _no_network)
    http.client.HTTPConnection.connect = lambda self: _no_network()
    urllib.request.urlopen = _no_network
    urllib.request.OpenerDirector.open = lambda self, *a, **k: _no_network()


class _Blocker:
    """A meta-path finder that refuses the ways out of the sandbox (after boot, always)."""

    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in BLOCKED:
            raise ImportError(f"relviz: a charm cannot import {name} (the sandbox has no way out to JavaScript "
                              f"or the network)", name=name)
        return None


blocker = _Blocker()


def close():
    """Forgets the modules that lead out of the sandbox: from now on importing them goes to the blocker.

    The runtime keeps only the four bridge functions (bridge.py). Pyodide's own C code keeps its
    references; nothing the runtime runs after boot imports these modules again.
    """
    for name in list(sys.modules):
        if name.split('.')[0] in BLOCKED:
            del sys.modules[name]
    if blocker not in sys.meta_path:
        sys.meta_path.insert(0, blocker)


def install(host):
    bridge.bind(host)
    _install_random()
    _install_time()
    _install_datetime()
    _install_network()
    sys.dont_write_bytecode = True
