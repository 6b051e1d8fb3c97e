"""The hook being run, for the runtime's own modules (hookenv, ops): reset before every hook."""

CHARM_DIR = '/charm'
OPS_STATE_FILE = '.relviz-ops-state.json'

hook = ''
kind = ''
app = ''
env = {}
# Endpoints as {name, role}; actions as {name, params}; config as the defaults of config.yaml.
endpoints = []
actions = []
config = {}
# The ops events this hook dispatched: {event, reemitted, deferred}.
events = []


def begin(req):
    global hook, kind, app, env, endpoints, actions, config, events
    hook = req['hook']
    kind = req['kind']
    app = req['app']
    env = dict(req['env'])
    endpoints = req['meta']['endpoints']
    actions = req['meta']['actions']
    config = req.get('config') or {}
    events = []


def role_of(endpoint):
    for e in endpoints:
        if e['name'] == endpoint:
            return e['role']
    return None


def not_implemented(name):
    return NotImplementedError(f"relviz's ops does not implement {name}; see docs/python-charms.md")
