"""Runs one hook as Juju would start a fresh process for it, and reports what it did.

A fresh `__main__`, a fresh working directory holding the charm's files and the unit's,
the hook's environment, a line budget; afterwards the modules the charm imported are
forgotten and the directory is diffed against what it started with.
"""
import io
import json
import os
import shutil
import sys
import traceback
import types

from . import bridge, context, sandbox, tools

RUNTIME_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CHARM = context.CHARM_DIR
MAX_FILE_BYTES = 8 * 1024 * 1024
TOOL_ID = 3  # a sys.monitoring tool id of our own (0-2 and 5 are named ones)

_boot_modules = None
_boot_path = None
_boot_environ = None
_code = {}


class BudgetExceeded(BaseException):
    """Raised at every line once a hook has run its budget: a charm cannot swallow it."""


class _Budget:
    limit = 0
    count = 0
    where = None


budget = _Budget()


def _on_line(code, line, _charm=CHARM + '/', _disable=sys.monitoring.DISABLE):
    # Only the charm's own lines count (its files, lib/ and venv/ included): the runtime's and the
    # standard library's are switched off where they are, so they run at full speed.
    if not code.co_filename.startswith(_charm):
        return _disable
    budget.count += 1
    if budget.count > budget.limit:
        if budget.where is None:
            budget.where = _charm_location(code.co_filename, line)
        raise BudgetExceeded()


def _charm_location(filename, line):
    if filename.startswith(CHARM + '/'):
        return filename[len(CHARM) + 1:], line
    frame = sys._getframe(2)
    while frame is not None:
        name = frame.f_code.co_filename
        if name.startswith(CHARM + '/'):
            return name[len(CHARM) + 1:], frame.f_lineno
        frame = frame.f_back
    return filename, line


class _LogStream(io.TextIOBase):
    """print() and stderr, a line at a time, to juju-log at a level (as Juju logs a hook's output)."""

    def __init__(self, level):
        self.level = level
        self.pending = ''

    def writable(self):
        return True

    def write(self, text):
        text = str(text)
        self.pending += text
        while '\n' in self.pending:
            line, self.pending = self.pending.split('\n', 1)
            bridge.log(line, self.level)
        return len(text)

    def flush(self):
        pass

    def close_out(self):
        if self.pending:
            bridge.log(self.pending, self.level)
            self.pending = ''


def boot(host):
    global _boot_modules, _boot_path, _boot_environ
    # The runtime's own modules (ops, hookenv) are imported afresh by every hook: compiled once here.
    import compileall
    compileall.compile_dir(RUNTIME_DIR, quiet=2)
    sandbox.install(host)
    tools.install_subprocess()
    sys.monitoring.use_tool_id(TOOL_ID, 'relviz-budget')
    sys.monitoring.register_callback(TOOL_ID, sys.monitoring.events.LINE, _on_line)
    os.makedirs(CHARM, exist_ok=True)
    sandbox.close()
    _boot_path = [p for p in sys.path if p not in ('', RUNTIME_DIR)]
    _boot_environ = dict(os.environ)
    _boot_modules = dict(sys.modules)
    _logging_at_boot()


def run_hook(req_json):
    req = json.loads(req_json)
    if 'code' in req:
        _code.clear()
        _code.update(req['code'])
    context.begin(req)
    sandbox.clock.base = float(req['clock'])
    sandbox.clock.slept = 0.0
    before = _prepare_dir(req['files'])
    target = _target(req['hook'], req['kind'])
    os.environ.clear()
    os.environ.update(_boot_environ)
    os.environ.update(req['env'])
    os.environ['JUJU_CHARM_DIR'] = CHARM
    os.environ['CHARM_DIR'] = CHARM
    os.environ['JUJU_VERSION'] = req.get('jujuVersion', '3.6.0')
    os.environ['JUJU_DISPATCH_PATH'] = ('actions/' if req['kind'] == 'action' else 'hooks/') + req['hook']
    os.chdir(CHARM)
    out, err = _LogStream('DEBUG'), _LogStream('WARNING')
    saved_streams = sys.stdout, sys.stderr, sys.argv
    sys.stdout, sys.stderr = out, err
    budget.limit, budget.count, budget.where = int(req['budget']), 0, None
    error = None
    try:
        if target is not None:
            error = _run_target(target)
    finally:
        sys.monitoring.set_events(TOOL_ID, 0)
        out.close_out()
        err.close_out()
        sys.stdout, sys.stderr, sys.argv = saved_streams
        _forget_modules()
        os.chdir('/')
    writes, removes = {}, []
    if error is None:
        error = _diff_dir(before, set(req['files']), writes, removes)
    return json.dumps({'error': error, 'events': context.events, 'writes': writes, 'removes': removes})


def _prepare_dir(unit_files):
    shutil.rmtree(CHARM, ignore_errors=True)
    # The directory is new: import must not trust what its finders listed of the last hook's
    # (dropping them is enough, and much cheaper than importlib.invalidate_caches()).
    for path in [p for p in sys.path_importer_cache if p.startswith(CHARM)]:
        del sys.path_importer_cache[path]
    os.makedirs(CHARM)
    before = {}
    for files in (_code, unit_files):
        for path, text in files.items():
            full = os.path.join(CHARM, path)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, 'w', encoding='utf-8', newline='') as f:
                f.write(text)
            before[path] = text
    return before


def _target(hook, kind):
    """Which file runs, like Juju: dispatch (an ops charm), else hooks/<hook> or actions/<name>, else src/charm.py."""
    script = ('actions/' if kind == 'action' else 'hooks/') + hook
    if 'dispatch' in _code and 'src/charm.py' in _code:
        return ('src/charm.py', 'src')
    if script in _code:
        return (script, os.path.dirname(script))
    if 'src/charm.py' in _code:
        return ('src/charm.py', 'src')
    return None


def _run_target(target):
    path, script_dir = target
    source = _code[path]
    first = source.split('\n', 1)[0]
    if first.startswith('#!') and 'python' not in first:
        return f'relviz runs Python hooks only: {path} starts with {first!r}'
    sys.argv = [path]
    sys.path[:] = [os.path.join(CHARM, script_dir), os.path.join(CHARM, 'lib'), os.path.join(CHARM, 'venv'),
                   RUNTIME_DIR] + _boot_path
    main = types.ModuleType('__main__')
    main.__file__ = os.path.join(CHARM, path)
    main.__builtins__ = __builtins__
    boot_main = sys.modules['__main__']
    sys.modules['__main__'] = main
    try:
        code = compile(source, main.__file__, 'exec')
        sys.monitoring.set_events(TOOL_ID, sys.monitoring.events.LINE)
        exec(code, main.__dict__)
        sys.monitoring.set_events(TOOL_ID, 0)
    except SystemExit as e:
        sys.monitoring.set_events(TOOL_ID, 0)
        return _exit_status(e.code)
    except BudgetExceeded:
        sys.monitoring.set_events(TOOL_ID, 0)
    except BaseException as e:  # noqa: BLE001 - a charm's failure, whatever it is, fails its hook
        sys.monitoring.set_events(TOOL_ID, 0)
        if budget.where is None:
            return _traceback(e)
    finally:
        sys.modules['__main__'] = boot_main
    if budget.where is not None:
        where, line = budget.where
        return (f'relviz stopped this hook: it ran more than {budget.limit:,} Python lines (an endless loop?) '
                f'at {where} line {line}')
    return None


def _exit_status(code):
    if code is None or code == 0:
        return None
    if isinstance(code, int):
        return f'exit status {code}'
    sys.stderr.write(f'{code}\n')
    return 'exit status 1'


def _traceback(exc):
    te = traceback.TracebackException(type(exc), exc, exc.__traceback__)
    _charm_frames(te, set())
    return ''.join(te.format()).rstrip('\n')


def _charm_frames(te, seen):
    """Keeps the charm's frames (as paths relative to its folder) and the standard library's; drops the runtime's."""
    if te is None or id(te) in seen:
        return
    seen.add(id(te))
    kept = []
    for fs in te.stack:
        name = fs.filename
        if name.startswith(RUNTIME_DIR + '/'):
            continue
        if name.startswith(CHARM + '/'):
            name = name[len(CHARM) + 1:]
        kept.append(traceback.FrameSummary(name, fs.lineno, fs.name, line=fs.line))
    te.stack = traceback.StackSummary.from_list(kept)
    _charm_frames(te.__cause__, seen)
    _charm_frames(te.__context__, seen)
    for sub in te.exceptions or ():
        _charm_frames(sub, seen)


_boot_logging = None


def _logging_at_boot():
    """What logging looked like at boot, if it was imported then (it outlives hooks otherwise)."""
    global _boot_logging
    logging = sys.modules.get('logging')
    if logging is not None:
        root = logging.getLogger()
        _boot_logging = (list(root.handlers), root.level, set(logging.Logger.manager.loggerDict))


def _reset_logging():
    logging = sys.modules.get('logging')
    if logging is None or _boot_logging is None:
        return
    handlers, level, names = _boot_logging
    root = logging.getLogger()
    root.handlers[:] = handlers
    root.setLevel(level)
    logging.disable(logging.NOTSET)
    for name in [n for n in logging.Logger.manager.loggerDict if n not in names]:
        del logging.Logger.manager.loggerDict[name]


def _forget_modules():
    """A fresh process per hook: every module imported since boot is forgotten (and logging reset)."""
    _reset_logging()
    for name in list(sys.modules):
        if name not in _boot_modules:
            del sys.modules[name]
    for name, module in _boot_modules.items():
        if sys.modules.get(name) is not module:
            sys.modules[name] = module


def _diff_dir(before, unit_paths, writes, removes):
    after = {}
    total = 0
    for root, dirs, files in os.walk(CHARM):
        dirs[:] = sorted(d for d in dirs if d != '__pycache__')
        for name in sorted(files):
            full = os.path.join(root, name)
            with open(full, 'rb') as f:
                data = f.read()
            total += len(data)
            if total > MAX_FILE_BYTES:
                return (f"relviz: the unit's files came to more than {MAX_FILE_BYTES // (1024 * 1024)} MB "
                        f"(a unit keeps at most that much)")
            after[os.path.relpath(full, CHARM)] = data.decode('utf-8', errors='replace')
    for path in sorted(after):
        if before.get(path) != after[path]:
            writes[path] = after[path]
    for path in sorted(unit_paths):
        if path not in after:
            removes.append(path)
    return None
