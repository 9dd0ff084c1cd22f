"""bench_http's load generator counts what it measures (the whole command needs gunicorn,
PostgreSQL and Redis: `make bench` runs it)."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import CommandError, call_command

from demo.management.commands.bench_http import load


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200 if self.path == "/ok" else 404)
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd.server_address[1]
    httpd.shutdown()


def test_load_counts_answers_and_latencies(server):
    rps, p50, p95, errors = load(server, "/ok", clients=2, seconds=0.5)
    assert rps > 10
    assert 0 < p50 <= p95
    assert errors == 0


def test_load_counts_failures_apart(server):
    rps, _p50, _p95, errors = load(server, "/missing", clients=2, seconds=0.3)
    assert rps == 0
    assert errors > 0


def test_bad_arguments_are_refused():
    with pytest.raises(CommandError, match="must be positive"):
        call_command("bench_http", clients=0)
