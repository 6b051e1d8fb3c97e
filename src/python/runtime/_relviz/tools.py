"""Hook tools as commands: the engine's (relation-get, relation-set, …, through runToolLine)
and the few the runtime answers itself (config-get, status-get, action-set, action-fail,
action-log, relation-set --help). hookenv, ops and the subprocess shim all call these.
"""
import json
import shlex
import subprocess
import sys

from . import bridge, context

ENGINE_TOOLS = ('action-get', 'is-leader', 'juju-log', 'relation-get', 'relation-ids', 'relation-list',
                'relation-set', 'status-set', 'unit-get')
LOCAL_TOOLS = ('action-fail', 'action-log', 'action-set', 'config-get', 'status-get', 'application-version-set',
               'leader-get', 'leader-set')
HOOK_TOOLS = ENGINE_TOOLS + LOCAL_TOOLS


class HookToolError(subprocess.CalledProcessError):
    """A hook tool that exited non-zero; str() says what the tool printed (`ERROR …`)."""

    def __str__(self):
        text = (self.stderr or '').strip()
        return text or super().__str__()


def is_tool(argv):
    return bool(argv) and str(argv[0]).rsplit('/', 1)[-1] in HOOK_TOOLS


def call(argv):
    """Runs a hook tool: (stdout, stderr, exit code)."""
    argv = [str(a) for a in argv]
    name = argv[0].rsplit('/', 1)[-1]
    if name in ENGINE_TOOLS:
        if '--help' in argv[1:]:
            return _help(name), '', 0
        return bridge.tool(shlex.join([name] + argv[1:]))
    local = _LOCAL.get(name)
    if local is None:
        return '', f'bash: line 1: {name}: command not found\n', 127
    try:
        return local(argv[1:]), '', 0
    except _ToolError as e:
        return '', f'ERROR {e}\n', e.code


def check(argv):
    """Runs a hook tool and returns its stdout; a failure raises HookToolError with its stderr."""
    out, err, code = call(argv)
    if code != 0:
        raise HookToolError(code, [str(a) for a in argv], out, err)
    return out


class _ToolError(Exception):
    def __init__(self, message, code=1):
        super().__init__(message)
        self.code = code


def _help(name):
    # No --file: charmhelpers' relation_set then passes key=value arguments.
    return f'Usage: {name} [options]\n'


def _fmt(argv):
    fmt = 'smart'
    rest = []
    i = 0
    while i < len(argv):
        a = argv[i]
        if a.startswith('--format='):
            fmt = a.split('=', 1)[1]
        elif a == '--format' and i + 1 < len(argv):
            i += 1
            fmt = argv[i]
        else:
            rest.append(a)
        i += 1
    return fmt, rest


def _render(value, fmt):
    if fmt == 'json':
        return json.dumps(value) + '\n'
    if isinstance(value, dict):
        return ''.join(f'{k}: {_scalar(v)}\n' for k, v in value.items())
    if isinstance(value, bool):
        return 'true\n' if value else 'false\n'
    return '' if value is None or value == '' else f'{value}\n'


def _scalar(v):
    if isinstance(v, bool):
        return 'true' if v else 'false'
    return str(v)


def _config_get(argv):
    fmt, rest = _fmt(argv)
    rest = [a for a in rest if a not in ('-a', '--all')]
    if rest:
        return _render(context.config.get(rest[0]), fmt)
    return _render(dict(context.config), fmt)


def _status_get(argv):
    fmt, rest = _fmt(argv)
    if '--application' in rest:
        raise _ToolError('relviz does not model application status')
    status, message = bridge.status()
    if '--include-data' in rest:
        return _render({'message': message, 'status': status, 'status-data': {}}, fmt)
    return _render(status, fmt)


def _require_action(tool):
    if context.kind != 'action':
        raise _ToolError(f'{tool} is only valid in an action')


def _action_set(argv):
    _require_action('action-set')
    for kv in argv:
        if '=' not in kv:
            raise _ToolError(f'argument "{kv}" must be of the form key...=value')
        bridge.log(f'action-set {kv}', 'INFO')
    return ''


def _action_fail(argv):
    _require_action('action-fail')
    message = ' '.join(argv) or 'action failed without reason given, check action for errors'
    bridge.log(f'action-fail {message}', 'ERROR')
    return ''


def _action_log(argv):
    _require_action('action-log')
    bridge.log(f'action-log {" ".join(argv)}', 'INFO')
    return ''


def _version_set(argv):
    bridge.log(f'application-version-set {" ".join(argv)}', 'DEBUG')
    return ''


def _leader(name):
    def run(argv):
        raise _ToolError(f'relviz does not implement {name} (leader settings): use a peer relation\'s '
                         f'application data; see docs/python-charms.md')
    return run


_LOCAL = {
    'action-fail': _action_fail,
    'action-log': _action_log,
    'action-set': _action_set,
    'config-get': _config_get,
    'status-get': _status_get,
    'application-version-set': _version_set,
    'leader-get': _leader('leader-get'),
    'leader-set': _leader('leader-set'),
}


# --- subprocess: hook tools run; anything else is refused with a clear error --------------------

def _argv(args, shell):
    if isinstance(args, (str, bytes)):
        text = args.decode() if isinstance(args, bytes) else args
        return shlex.split(text) if shell or ' ' in text else [text]
    return [a.decode() if isinstance(a, bytes) else str(a) for a in args]


def _refuse(argv):
    raise FileNotFoundError(2, f"relviz: a charm's sandbox runs hook tools only, not {argv[0] if argv else '?'!r} "
                               f"(see docs/python-charms.md)")


def _decode_if(text, out, kwargs):
    if kwargs.get('text') or kwargs.get('universal_newlines') or kwargs.get('encoding'):
        return out
    return out.encode()


def run(args, *, shell=False, check=False, capture_output=False, stdout=None, stderr=None, **kwargs):
    argv = _argv(args, shell)
    if not is_tool(argv):
        _refuse(argv)
    out, err, code = call(argv)
    keep_out = capture_output or stdout == subprocess.PIPE
    keep_err = capture_output or stderr == subprocess.PIPE or stderr == subprocess.STDOUT
    if not keep_out and out:
        sys.stdout.write(out)
    if not keep_err and err:
        sys.stderr.write(err)
    if stderr == subprocess.STDOUT:
        out, err = out + err, ''
    result = subprocess.CompletedProcess(args, code, _decode_if(True, out, kwargs) if keep_out else None,
                                         _decode_if(True, err, kwargs) if keep_err and stderr != subprocess.STDOUT else None)
    if check and code != 0:
        raise subprocess.CalledProcessError(code, args, result.stdout, result.stderr)
    return result


def check_output(args, *, shell=False, stderr=None, **kwargs):
    kwargs.pop('stdout', None)
    return run(args, shell=shell, check=True, stdout=subprocess.PIPE, stderr=stderr, **kwargs).stdout


def check_call(args, *, shell=False, **kwargs):
    run(args, shell=shell, check=True, **kwargs)
    return 0


def call_(args, *, shell=False, **kwargs):
    return run(args, shell=shell, **kwargs).returncode


class Popen:
    def __init__(self, args, *a, **kwargs):
        raise FileNotFoundError(2, "relviz: a charm's sandbox has no subprocess.Popen; hook tools run through "
                                   "subprocess.run / check_output / check_call / call (see docs/python-charms.md)")


def install_subprocess():
    subprocess.run = run
    subprocess.check_output = check_output
    subprocess.check_call = check_call
    subprocess.call = call_
    subprocess.Popen = Popen
    import os

    def system(command):
        argv = _argv(command, True)
        if not is_tool(argv):
            _refuse(argv)
        out, err, code = call(argv)
        sys.stdout.write(out)
        sys.stderr.write(err)
        return code << 8

    os.system = system
