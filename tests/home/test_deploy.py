"""What keeps the production processes running: ``bin/serve-prod`` restarts its task worker,
and ``deploy/`` gives a server systemd units that restart web and worker."""

import configparser
import os
import re
import signal
import subprocess
import time
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
DEPLOY = ROOT / "deploy"


def supervisor_script(tmp_path):
    """serve-prod's worker supervision, run with a fake worker that exits at once the first
    time and then runs until stopped, noting each start and stop in a log."""
    function = re.search(
        r"^supervise_worker\(\) \{.*?^\}$", (ROOT / "bin/serve-prod").read_text(), re.M | re.S
    ).group(0)
    log = tmp_path / "log"
    fake = tmp_path / "python"
    fake.write_text(
        "#!/usr/bin/env bash\n"
        f'echo "start $$" >> {log}\n'
        f"trap 'echo \"stop $$\" >> {log}; exit 0' TERM\n"
        f"if [ ! -e {tmp_path}/crashed ]; then touch {tmp_path}/crashed; exit 3; fi\n"
        "while true; do sleep 0.05; done\n"
    )
    fake.chmod(0o755)
    script = tmp_path / "supervise.sh"
    script.write_text(
        f"set -euo pipefail\nPY={fake}\nWORKER_RESTART_DELAY=0.1\n{function}\n"
        "supervise_worker &\nsupervisor=$!\n"
        "trap 'kill -TERM $supervisor; wait $supervisor; exit 0' TERM\n"
        "wait $supervisor\n"
    )
    return script, log


def wait_for(condition, timeout=10):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def test_serve_prod_restarts_a_worker_that_exits_and_stops_it_cleanly(tmp_path):
    script, log = supervisor_script(tmp_path)
    process = subprocess.Popen(  # noqa: S603 - bash on our own script
        ["/bin/bash", str(script)], stderr=subprocess.PIPE, text=True
    )
    try:
        wait_for(lambda: log.exists() and log.read_text().count("start") == 2)
        process.send_signal(signal.SIGTERM)
        _, errors = process.communicate(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
    lines = log.read_text().split()
    second = lines[3]
    assert lines == ["start", lines[1], "start", second, "stop", second]
    assert "db_worker exited with status 3; restarting it" in errors
    assert process.returncode == 0
    # Nothing is left running.
    try:
        os.kill(int(second), 0)
    except ProcessLookupError:
        pass
    else:
        raise AssertionError(f"the worker {second} is still running")


def unit(name):
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str
    parser.read(DEPLOY / name)
    return parser


def test_the_systemd_units_restart_web_and_worker_always():
    web, worker = unit("hub-web.service"), unit("hub-worker.service")
    for service in (web, worker):
        assert service["Service"]["Restart"] == "always"
        assert service["Unit"]["StartLimitIntervalSec"] == "0"
        assert service["Service"]["EnvironmentFile"] == "/etc/hub/hub.env"
    assert "--config hub/gunicorn.conf.py hub.wsgi:application" in web["Service"]["ExecStart"]
    assert worker["Service"]["ExecStart"].endswith("manage.py db_worker --no-reload")
    assert (ROOT / "hub/gunicorn.conf.py").exists()


def test_the_environment_example_names_only_known_variables_and_no_secret():
    example = (DEPLOY / "hub.env.example").read_text()
    values = dict(
        line.split("=", 1) for line in example.splitlines() if line and not line.startswith("#")
    )
    assert values["SECRET_KEY"] == ""
    assert values["DJANGO_SETTINGS_MODULE"] == "hub.settings.production"
    read_by_settings = set(
        re.findall(r'env\.\w+\("(\w+)"', (ROOT / "hub/settings/base.py").read_text())
    )
    read_by_gunicorn = set(
        re.findall(r'os\.environ\.get\("(\w+)"', (ROOT / "hub/gunicorn.conf.py").read_text())
    )
    unknown = set(values) - read_by_settings - read_by_gunicorn - {"DJANGO_SETTINGS_MODULE"}
    assert not unknown
    passwords = [value for value in values.values() if re.search(r"://[^/@\s]+:[^/@\s]*@", value)]
    assert not passwords
    assert os.path.exists(DEPLOY / "README.md")
