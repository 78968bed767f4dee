"""Start an isolated JupyterLab on 127.0.0.1 for end-to-end tests (free port, random token)."""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

READY_TIMEOUT_S = 90.0
USER_SETTINGS = {
    # Keep every cell in the page (no virtual scrolling), so locators find cells far down.
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {
        "windowingMode": "contentVisibility"
    },
    # No "get notified about Jupyter news?" pop-up over the notebook.
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false"},
}


@dataclass(frozen=True)
class LabServer:
    """A running JupyterLab: where to reach it and the folder it serves."""

    port: int
    token: str
    root: Path

    def url(self, path: str) -> str:
        """The address of ``path`` (e.g. ``lab/tree/notebooks/x.ipynb``) with the token."""
        return f"http://127.0.0.1:{self.port}/{path}?token={self.token}"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def copy_course(source: Path, target: Path) -> Path:
    """Copy the course's notebooks and quizzes into ``target`` (a fresh folder)."""
    for folder in ("notebooks", "quizzes"):
        shutil.copytree(source / folder, target / folder)
    return target


def copy_trainee_course(source: Path, target: Path) -> Path:
    """Copy the course as a trainee receives it: the trainee edition of every notebook.

    The notebooks are written as the trainee release writes them (no instructor notes, no
    worked solutions, no outputs); the quizzes are copied as they are, for the kernel to read.
    """
    import nbformat

    from skinlessons.release import trainee_notebook

    copy_course(source, target)
    for path in sorted((target / "notebooks").glob("*.ipynb")):
        edition = trainee_notebook(nbformat.read(path, as_version=4))
        nbformat.write(edition, path)
    return target


@contextmanager
def running_lab(root: Path, work: Path, env: dict[str, str | None]) -> Iterator[LabServer]:
    """Run JupyterLab serving ``root``, with config, runtime and workspaces under ``work``.

    ``env`` adds variables to the server's (and so the kernels') environment; ``None`` removes one.
    """
    port, token = _free_port(), secrets.token_hex(16)
    for name in ("config", "data", "runtime", "workspaces"):
        (work / name).mkdir(parents=True, exist_ok=True)
    for relative, values in USER_SETTINGS.items():
        target = work / "settings" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(values), encoding="utf-8")
    server_env = {**os.environ, "JUPYTER_CONFIG_DIR": str(work / "config")}
    server_env["JUPYTER_RUNTIME_DIR"] = str(work / "runtime")
    server_env["JUPYTERLAB_SETTINGS_DIR"] = str(work / "settings")
    for name, value in env.items():
        if value is None:
            server_env.pop(name, None)
        else:
            server_env[name] = value
    command = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--no-browser",
        "--allow-root",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root}",
        "--LabApp.news_url=",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        f"--LabServerApp.workspaces_dir={work / 'workspaces'}",
        # window.jupyterapp: a test reads each cell's execution state from the notebook model,
        # since a collapsed code cell shows no "[*]" prompt in the page.
        "--LabApp.expose_app_in_browser=True",
    ]
    log = (work / "lab.log").open("wb")
    process = subprocess.Popen(command, env=server_env, stdout=log, stderr=subprocess.STDOUT)
    server = LabServer(port, token, root)
    try:
        _wait_ready(server, process, work / "lab.log")
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def _wait_ready(server: LabServer, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + READY_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"JupyterLab exited early:\n{log.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(server.url("api/status"), timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"JupyterLab not ready in {READY_TIMEOUT_S:.0f} s:\n{log.read_text()}")
