"""The README's set-up-and-serve command, run as an author would run it."""

from __future__ import annotations

import subprocess
import time
import urllib.request

from test_preview import fetch, free_port

from helpers import REPOSITORY


def test_serve_refuses_a_bad_port() -> None:
    result = subprocess.run(
        ["bash", "scripts/serve.sh", "80a"], cwd=REPOSITORY, capture_output=True, text=True
    )
    assert result.returncode == 2
    assert result.stderr == (
        "serve.sh: '80a' is not a port number; give one from 1 to 65535, such as 8001\n"
    )


def test_serve_takes_a_port() -> None:
    port = free_port()
    server = subprocess.Popen(
        ["bash", "scripts/serve.sh", str(port)],
        cwd=REPOSITORY,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and "Side by Side" not in fetch(
            f"http://127.0.0.1:{port}/"
        ):
            time.sleep(1)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
            assert response.status == 200
            assert "Side by Side" in response.read().decode("utf-8")
    finally:
        subprocess.run(["pkill", "-TERM", "-g", str(server.pid)], check=False)
        server.wait(timeout=30)
