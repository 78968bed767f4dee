"""Load test: a real JupyterHub on 127.0.0.1 serving the trainee course to N simulated trainees.

Run ``make hub-load N=20``: it installs JupyterHub, this project and the driver's libraries
(requests, websocket-client, psutil) into ``build/hub-venv`` and configurable-http-proxy into
``build/hub-node``, then runs this script with that venv's Python. Not part of ``make test``.

What one run does, all on 127.0.0.1 with free ports, inside one temporary folder:

1. Prepare the course the hub serves: the unpacked trainee release (``skinlessons release``)
   when the package has that command, else a key-free copy of this repository's course
   (trainee-edition notebooks, summative quizzes without keys). Refuse to serve any key.
2. Write ``jupyterhub_config.py`` from :data:`HUB_CONFIG_TEMPLATE` (dummy authenticator,
   local-process spawner, one admin service token, a shared ``MPLCONFIGDIR``) and start the hub.
3. Round 1: one trainee alone (the baseline). Round 2: N trainees at once. Each trainee: the
   hub spawns their server (their own home, ``JUPYTERHUB_USER`` set, the course copied into the
   home as nbgitpuller would), a kernel starts through the sessions REST API, the lesson's
   trainee-edition code cells run over the kernel websocket, the lesson quiz and the final
   assessment are answered through the quiz session API (a mix of right and wrong answers,
   retries on the self-check), and ``quiz.submit()`` writes the submission in their home.
4. Collect every submission from the homes (``skinlessons.gradebook.collect``) and grade them all
   with ``skinlessons grade`` against this repository's keys; count graded and rejected files.
5. Print wall times, p50/p95 cell times (N at once vs one alone) and peak memory per trainee
   (single-user server + kernel RSS, sampled with psutil).

Everything is bounded: a global deadline (``--deadline``, default 600 s) and per-request
timeouts. On success, failure or Ctrl-C the hub gets SIGTERM (it stops the servers it spawned
and the proxy), any process it started that is still alive is stopped by pid, and the
temporary folder is removed.
"""

from __future__ import annotations

import argparse
import ast
import csv
import json
import os
import random
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import nbformat
import psutil
import requests
import websocket

from skinlessons.course import cases_file, quiz_files
from skinlessons.gradebook.collect import collect_submissions
from skinlessons.names import INSTRUCTOR_ONLY_TAGS, NOTEBOOK_DIR, OBJECTIVES_FILE, QUIZ_DIR
from skinlessons.quiz.loader import load_quiz
from skinlessons.quiz.models import Quiz
from skinlessons.quiz.projection import key_free, to_yaml

REPO_ROOT = Path(__file__).resolve().parent.parent
LESSON_ID = "03_chemical"
FINAL_ID = "08_final_assessment"
COURSE_FOLDER_IN_HOME = "skinlessons-course"
"""Where each trainee's copy of the course lives in their home (as an nbgitpuller target)."""
REQUEST_TIMEOUT_S = 60.0
CELL_TIMEOUT_S = 180.0
POLL_INTERVAL_S = 0.5
STOP_GRACE_S = 30.0
MB = 1024 * 1024

HUB_CONFIG_TEMPLATE = """\
# jupyterhub_config.py for one run of benchmarks/hub_load.py (written into its temporary folder).
import os

c = get_config()  # noqa: F821
HERE = {work!r}

c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = {hub_port}
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {hub_api_port}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{proxy_api_port}"
c.ConfigurableHTTPProxy.command = [{proxy!r}]
c.ConfigurableHTTPProxy.pid_file = os.path.join(HERE, "proxy.pid")
c.JupyterHub.db_url = "sqlite:///" + os.path.join(HERE, "jupyterhub.sqlite")
c.JupyterHub.cookie_secret_file = os.path.join(HERE, "jupyterhub_cookie_secret")
c.JupyterHub.cleanup_servers = True  # SIGTERM to the hub stops every spawned server

c.JupyterHub.authenticator_class = "dummy"
c.Authenticator.allow_all = True
c.JupyterHub.spawner_class = "simple"  # local processes, each with its own HOME
c.SimpleLocalProcessSpawner.home_dir_template = os.path.join(HERE, "home", "{{username}}")
c.Spawner.cmd = [{singleuser!r}]
c.Spawner.args = {spawner_args!r}
c.Spawner.ip = "127.0.0.1"
c.Spawner.default_url = "/lab"
c.Spawner.start_timeout = 180  # 20 spawns on 2 cores take ~30 s; the defaults are too tight
c.Spawner.http_timeout = 180
c.Spawner.environment = {{"MPLCONFIGDIR": {mplconfigdir!r}}}  # one font cache for everyone
c.JupyterHub.concurrent_spawn_limit = 100

with open(os.path.join(HERE, "admin.token"), encoding="utf-8") as _token_file:
    _token = _token_file.read().strip()
c.JupyterHub.services = [{{"name": "loadtest", "api_token": _token}}]
c.JupyterHub.load_roles = [{{"name": "admin", "services": ["loadtest"]}}]
"""


class LoadTestError(RuntimeError):
    """The load test could not go on; the message says what failed and where to look."""


class Deadline:
    """The global time limit: every wait asks how long it may still take."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def remaining(self, cap: float | None = None) -> float:
        """Seconds left (at most ``cap``). Raises LoadTestError when none are left."""
        left = self.end - time.monotonic()
        if left <= 0:
            raise LoadTestError(f"the global deadline of {self.seconds:.0f} s passed")
        return min(left, cap) if cap is not None else left


def log(message: str) -> None:
    """A progress line on stderr with the time of day."""
    print(f"[{datetime.now().strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# --- the course the hub serves ---------------------------------------------------------------


def release_command_exists() -> bool:
    """True once the package has ``skinlessons release``."""
    from skinlessons.cli import main

    return "release" in main.commands


def prepare_release(target: Path, deadline: Deadline) -> Path:
    """Build the trainee release with ``skinlessons release`` and unpack it into ``target``."""
    build = target.parent / "release-build"
    command = [skinlessons_command(), "release", "--course", str(REPO_ROOT), "--out", str(build)]
    run_checked(command, deadline, "skinlessons release")
    archives = [path for path in build.rglob("*") if path.suffix in {".zip", ".gz", ".tar"}]
    if archives:
        shutil.unpack_archive(str(archives[0]), str(target))
    else:
        shutil.copytree(build, target)
    roots = [folder.parent.parent for folder in target.rglob(f"{QUIZ_DIR}/{OBJECTIVES_FILE}")]
    if len(roots) != 1:
        raise LoadTestError(f"the release in {build} holds {len(roots)} course folders, not 1")
    return roots[0]


REPO2DOCKER_SHADOWING = (
    "binder",
    ".binder",
    "environment.yml",
    "Pipfile",
    "setup.py",
    "pyproject.toml",
)
"""Files that would make repo2docker ignore or bypass the release's requirements.txt."""


def check_repo2docker_layout(release: Path, deadline: Deadline) -> list[str]:
    """What repo2docker (JupyterHub images, Binder) would do with the unpacked release.

    It reads ``requirements.txt`` and ``runtime.txt`` at the top (no ``binder/`` folder, no
    conda or package files that take precedence) and runs ``pip install -r requirements.txt``
    from that folder, so a relative wheel path must resolve from there. Returns one line per
    finding; raises LoadTestError for a layout repo2docker would build wrongly.
    """
    problems = [name for name in REPO2DOCKER_SHADOWING if (release / name).exists()]
    if problems:
        raise LoadTestError(
            f"{release}: {', '.join(problems)} would take precedence in repo2docker"
        )
    runtime = (release / "runtime.txt").read_text("utf-8").strip()
    version = tuple(int(part) for part in runtime.removeprefix("python-").split(".")[:2])
    if not runtime.startswith("python-") or version < (3, 11):
        raise LoadTestError(f"runtime.txt says {runtime!r}; the package needs python-3.11 or newer")
    command = [sys.executable, "-m", "pip", "install", "--dry-run", "--no-deps", "--no-index"]
    output = run_checked(
        [*command, "-r", "requirements.txt"], deadline, "pip --dry-run", cwd=release
    )
    wheel_lines = [line for line in output.splitlines() if "skinlessons" in line]
    return [f"runtime.txt: {runtime}", *wheel_lines]


def prepare_key_free_copy(target: Path) -> Path:
    """Copy the course as trainees get it: no instructor cells, summative quizzes key-free."""
    (target / NOTEBOOK_DIR).mkdir(parents=True)
    for source in sorted((REPO_ROOT / NOTEBOOK_DIR).glob("*.ipynb")):
        notebook = nbformat.read(source, as_version=4)
        notebook.cells = [
            cell
            for cell in notebook.cells
            if not INSTRUCTOR_ONLY_TAGS & set(cell.get("metadata", {}).get("tags", []))
        ]
        nbformat.write(notebook, target / NOTEBOOK_DIR / source.name)
    (target / QUIZ_DIR).mkdir()
    shutil.copy2(REPO_ROOT / QUIZ_DIR / OBJECTIVES_FILE, target / QUIZ_DIR / OBJECTIVES_FILE)
    if cases_file(REPO_ROOT).is_file():  # the virtual clients: formative, no summative key
        shutil.copy2(cases_file(REPO_ROOT), cases_file(target))
    for source in quiz_files(REPO_ROOT):
        quiz = load_quiz(source)
        text = to_yaml(key_free(quiz)) if quiz.is_summative else source.read_text("utf-8")
        (target / QUIZ_DIR / source.name).write_text(text, encoding="utf-8")
    return target


def check_no_summative_keys(course: Path) -> None:
    """Refuse to serve a course folder in which any summative question still has its key."""
    for path in quiz_files(course):
        quiz = load_quiz(path)
        keyed = [q.id for q in quiz.questions if q.key_value() is not None]
        if quiz.is_summative and keyed:
            raise LoadTestError(f"{path} is summative and still has keys ({keyed[0]}, …)")


def lesson_cells(course: Path) -> list[str]:
    """The trainee-edition code cells of the lesson, in order."""
    notebook = nbformat.read(course / NOTEBOOK_DIR / f"{LESSON_ID}.ipynb", as_version=4)
    return [
        cell.source
        for cell in notebook.cells
        if cell.cell_type == "code"
        and not INSTRUCTOR_ONLY_TAGS & set(cell.get("metadata", {}).get("tags", []))
    ]


# --- the hub: configuration, start, stop -----------------------------------------------------


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def skinlessons_command() -> str:
    """The ``skinlessons`` console script of the Python running this file."""
    return str(Path(sys.executable).parent / "skinlessons")


def run_checked(command: list[str], deadline: Deadline, what: str, cwd: Path | None = None) -> str:
    """Run a command within the deadline; return its stdout, or raise with its stderr."""
    result = subprocess.run(
        command,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=deadline.remaining(300),
        check=False,
    )
    if result.returncode != 0:
        raise LoadTestError(f"{what} exited {result.returncode}: {result.stderr.strip()[-2000:]}")
    return result.stdout


def write_hub_config(work: Path, proxy: Path) -> tuple[Path, int]:
    """Write the admin token and ``jupyterhub_config.py`` into ``work``; return (config, port)."""
    token_file = work / "admin.token"
    token_file.write_text(secrets.token_hex(32), encoding="utf-8")
    token_file.chmod(0o600)
    hub_port = free_port()
    text = HUB_CONFIG_TEMPLATE.format(
        work=str(work),
        hub_port=hub_port,
        hub_api_port=free_port(),
        proxy_api_port=free_port(),
        proxy=str(proxy),
        singleuser=str(Path(sys.executable).parent / "jupyterhub-singleuser"),
        # jupyter_server refuses to run as root unless told to; local servers run as the hub.
        spawner_args=["--allow-root"] if os.geteuid() == 0 else [],
        mplconfigdir=str(work / "mplconfig"),
    )
    config = work / "jupyterhub_config.py"
    config.write_text(text, encoding="utf-8")
    return config, hub_port


def warm_font_cache(work: Path, deadline: Deadline) -> None:
    """Build matplotlib's font cache once in the shared MPLCONFIGDIR, before any trainee."""
    env = {**os.environ, "MPLCONFIGDIR": str(work / "mplconfig")}
    subprocess.run(
        [sys.executable, "-c", "import matplotlib.pyplot"],
        env=env,
        timeout=deadline.remaining(120),
        check=True,
    )


@dataclass
class Hub:
    """A running hub: its process (the real hub python pid), URL, admin token and log."""

    process: subprocess.Popen[bytes]
    url: str
    token: str
    log_path: Path
    started: dict[int, psutil.Process] = field(default_factory=dict)
    """Every process seen under the hub, by pid; stopped by pid if still alive at the end."""

    def api(self) -> requests.Session:
        """A requests session with the admin service token."""
        session = requests.Session()
        session.headers["Authorization"] = f"token {self.token}"
        return session

    def log_tail(self, lines: int = 30) -> str:
        """The end of the hub's log, for error messages."""
        try:
            return "\n".join(self.log_path.read_text("utf-8", "replace").splitlines()[-lines:])
        except OSError:
            return "(no hub log)"


def start_hub(work: Path, config: Path, hub_port: int, deadline: Deadline) -> Hub:
    """Start JupyterHub in its own session and wait until its REST API answers."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("SKINLESSONS_", "JUPYTERHUB_"))
    }
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    log_path = work / "hub.log"
    with open(log_path, "wb") as log_file:
        process = subprocess.Popen(
            [sys.executable, "-m", "jupyterhub", "-f", str(config)],
            cwd=work,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # Ctrl-C reaches this driver only; it stops the hub itself
        )
    hub = Hub(process, f"http://127.0.0.1:{hub_port}", (work / "admin.token").read_text(), log_path)
    api = hub.api()
    while True:
        if process.poll() is not None:
            raise LoadTestError(f"the hub exited with {process.returncode}:\n{hub.log_tail()}")
        try:
            if api.get(f"{hub.url}/hub/api/", timeout=5).ok:
                return hub
        except requests.RequestException:
            pass
        deadline.remaining()
        time.sleep(POLL_INTERVAL_S)


def remember_descendants(hub: Hub) -> None:
    """Record the pids of the hub's current descendants (servers, kernels, proxy)."""
    try:
        for child in psutil.Process(hub.process.pid).children(recursive=True):
            hub.started.setdefault(child.pid, child)
    except psutil.Error:
        pass


def stop_hub(hub: Hub) -> None:
    """SIGTERM the hub (it stops its servers and proxy), then stop any leftover by its pid."""
    remember_descendants(hub)
    if hub.process.poll() is None:
        hub.process.send_signal(signal.SIGTERM)
        try:
            hub.process.wait(timeout=STOP_GRACE_S)
        except subprocess.TimeoutExpired:
            hub.process.kill()
            hub.process.wait(timeout=10)
    # is_running() also compares start times, so a recycled pid is never signalled.
    leftovers = [process for process in hub.started.values() if process.is_running()]
    for process in leftovers:
        try:
            process.terminate()
        except psutil.NoSuchProcess:
            continue
    _, alive = psutil.wait_procs(leftovers, timeout=10)
    for process in alive:
        process.kill()
    if leftovers:
        log(f"stopped {len(leftovers)} process(es) the hub left behind")


@contextmanager
def running_hub(work: Path, proxy: Path, deadline: Deadline) -> Iterator[Hub]:
    """A hub for the ``with`` block; always stopped afterwards, whatever happened."""
    config, hub_port = write_hub_config(work, proxy)
    hub = start_hub(work, config, hub_port, deadline)
    log(f"hub up at {hub.url} (pid {hub.process.pid})")
    try:
        yield hub
    finally:
        stop_hub(hub)
        log("hub stopped")


# --- one trainee: server, kernel, cells, answers, submission --------------------------------


@dataclass
class CellTiming:
    """How long one cell took and what kind of cell it was."""

    label: str
    seconds: float


@dataclass
class TraineeResult:
    """What happened to one simulated trainee."""

    user: str
    ok: bool = False
    error: str = ""
    spawn_s: float = 0.0
    kernel_s: float = 0.0
    cells: list[CellTiming] = field(default_factory=list)
    pngs: int = 0
    submission: str = ""


@dataclass
class Reply:
    """The outputs of one execute request."""

    status: str = ""
    error: str = ""
    texts: list[str] = field(default_factory=list)
    pngs: int = 0


class KernelChannel:
    """A kernel's websocket through the hub's proxy; sends code, matches replies by msg_id."""

    def __init__(self, url: str, token: str, timeout: float) -> None:
        self.session_id = uuid.uuid4().hex
        self.socket = websocket.create_connection(
            f"{url}?session_id={self.session_id}",
            header=[f"Authorization: token {token}"],
            timeout=timeout,
        )

    def execute(self, code: str, timeout: float) -> Reply:
        """Run ``code``; wait for both its ``execute_reply`` and the kernel's ``idle``."""
        msg_id = uuid.uuid4().hex
        self.socket.send(json.dumps(execute_request(code, msg_id, self.session_id)))
        reply, is_replied, is_idle = Reply(), False, False
        end = time.monotonic() + timeout
        while not (is_replied and is_idle):
            self.socket.settimeout(max(0.1, end - time.monotonic()))
            frame = self.socket.recv()
            if time.monotonic() > end:
                raise LoadTestError(f"no reply within {timeout:.0f} s")
            if not isinstance(frame, str):
                continue  # binary frames carry widget buffers; none of them is a reply
            message = json.loads(frame)
            if message.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind, content = message.get("msg_type"), message.get("content", {})
            if kind == "execute_reply":
                is_replied, reply.status = True, content.get("status", "")
            elif kind == "status" and content.get("execution_state") == "idle":
                is_idle = True
            elif kind == "error":
                reply.error = f"{content.get('ename')}: {content.get('evalue')}"
            elif kind in {"execute_result", "display_data"}:
                data = content.get("data", {})
                reply.pngs += "image/png" in data
                reply.texts.append(data.get("text/plain", ""))
        return reply

    def close(self) -> None:
        """Close the websocket."""
        self.socket.close()


def execute_request(code: str, msg_id: str, session_id: str) -> dict[str, Any]:
    """A Jupyter messaging ``execute_request`` on the shell channel."""
    return {
        "header": {
            "msg_id": msg_id,
            "msg_type": "execute_request",
            "username": "loadtest",
            "session": session_id,
            "date": datetime.now(UTC).isoformat(),
            "version": "5.3",
        },
        "parent_header": {},
        "metadata": {},
        "content": {
            "code": code,
            "silent": False,
            "store_history": True,
            "user_expressions": {},
            "allow_stdin": False,
            "stop_on_error": True,
        },
        "channel": "shell",
        "buffers": [],
    }


ANSWER_CODE = """\
import json
from skinlessons.trainee.widget import make_quiz_widget

_session = make_quiz_widget({quiz_id!r}).session
for _question_id, _response, _check in json.loads({steps!r}):
    _session.set_response(_question_id, _response)
    if _check:
        _session.check(_question_id)
len(_session.responses)
"""
SUBMIT_CODE = "from skinlessons import quiz\nstr(quiz.submit().path)"


@dataclass(frozen=True)
class TraineeScript:
    """What one trainee runs, in order: (label, code) pairs."""

    cells: list[tuple[str, str]]


def right_response(question: Any, rng: random.Random) -> Any:
    """A response the instructor's key accepts (numbers sometimes with a decimal comma)."""
    key = question.key_value()
    if question.type == "numeric":
        text = f"{key.value:.6f}".rstrip("0").rstrip(".")
        return text.replace(".", ",") if rng.random() < 0.3 else text
    if question.type == "short_text":
        return key[0]
    return key


def wrong_response(question: Any, rng: random.Random) -> Any:
    """A plausible wrong response of the right shape."""
    key = question.key_value()
    kind = question.type
    if kind == "single_choice":
        return rng.choice([option.id for option in question.options if option.id != key])
    if kind == "multiple_answers":
        others = [option.id for option in question.options if option.id not in key]
        return [*key[:-1], *others[:1]] if others else key[:-1] or key
    if kind == "true_false":
        return not key
    if kind == "numeric":
        return f"{key.value * 3 + 11:g}"
    if kind == "matching":
        targets = list(key.values())
        rotated = targets[1:] + targets[:1]
        if rotated == targets:
            rotated = [match.id for match in question.matches if match.id != targets[0]][:1]
        return dict(zip(key, rotated, strict=False))
    if kind == "ordering":
        return list(reversed(key))
    return "not sure"


def plan_answers(quiz: Quiz, rng: random.Random, skill: float) -> list[tuple[str, Any, bool]]:
    """(question id, response, press Check?) steps: right with probability ``skill``.

    Self-check questions are checked; a wrong first try is sometimes corrected and checked
    again. In the final assessment a trainee sometimes changes an answer before settling.
    """
    steps: list[tuple[str, Any, bool]] = []
    for question in quiz.questions:
        is_right = rng.random() < skill
        response = right_response(question, rng) if is_right else wrong_response(question, rng)
        if quiz.is_summative:
            if rng.random() < 0.15:
                steps.append((question.id, wrong_response(question, rng), False))
            steps.append((question.id, response, False))
            continue
        steps.append((question.id, response, True))
        if not is_right and rng.random() < 0.5:
            steps.append((question.id, right_response(question, rng), True))
    return steps


def trainee_script(cells: list[str], lesson: Quiz, final: Quiz, seed: int) -> TraineeScript:
    """The lesson's cells, then the lesson quiz and the final assessment answers, then submit."""
    rng = random.Random(seed)
    skill = rng.uniform(0.5, 0.95)
    script = [(f"{LESSON_ID}[{index}]", code) for index, code in enumerate(cells)]
    for quiz in (lesson, final):
        steps = json.dumps(plan_answers(quiz, rng, skill))
        script.append((f"answer {quiz.id}", ANSWER_CODE.format(quiz_id=quiz.id, steps=steps)))
    script.append(("submit", SUBMIT_CODE))
    return TraineeScript(script)


def start_server(hub: Hub, user: str, deadline: Deadline) -> float:
    """Ask the hub to spawn ``user``'s server and wait until it is ready; return seconds."""
    api, start = hub.api(), time.monotonic()
    response = api.post(
        f"{hub.url}/hub/api/users/{user}/server", timeout=deadline.remaining(REQUEST_TIMEOUT_S)
    )
    if response.status_code not in (201, 202):
        raise LoadTestError(f"spawn {user}: HTTP {response.status_code} {response.text[:200]}")
    while True:
        model = api.get(
            f"{hub.url}/hub/api/users/{user}", timeout=deadline.remaining(REQUEST_TIMEOUT_S)
        ).json()
        server = model.get("servers", {}).get("")
        if server and server.get("ready"):
            return time.monotonic() - start
        if not server:  # a failed spawn drops the server from the user's model
            raise LoadTestError(f"spawn {user} failed; hub log:\n{hub.log_tail()}")
        time.sleep(POLL_INTERVAL_S)


def user_token(hub: Hub, user: str, deadline: Deadline) -> str:
    """A token for ``user`` (what their browser session would carry)."""
    response = hub.api().post(
        f"{hub.url}/hub/api/users/{user}/tokens",
        json={"expires_in": 3600, "note": "hub load test"},
        timeout=deadline.remaining(REQUEST_TIMEOUT_S),
    )
    response.raise_for_status()
    return str(response.json()["token"])


def open_notebook_session(
    hub: Hub, user: str, token: str, deadline: Deadline
) -> tuple[str, KernelChannel]:
    """Open the lesson as JupyterLab does (sessions API, kernel in the notebook's folder)."""
    base = f"{hub.url}/user/{user}/api"
    path = f"{COURSE_FOLDER_IN_HOME}/{NOTEBOOK_DIR}/{LESSON_ID}.ipynb"
    response = requests.post(
        f"{base}/sessions",
        json={
            "path": path,
            "name": f"{LESSON_ID}.ipynb",
            "type": "notebook",
            "kernel": {"name": "python3"},
        },
        headers={"Authorization": f"token {token}"},
        timeout=deadline.remaining(REQUEST_TIMEOUT_S),
    )
    response.raise_for_status()
    model = response.json()
    ws_url = base.replace("http://", "ws://") + f"/kernels/{model['kernel']['id']}/channels"
    return model["id"], KernelChannel(ws_url, token, deadline.remaining(REQUEST_TIMEOUT_S))


def run_trainee(hub: Hub, user: str, script: TraineeScript, deadline: Deadline) -> TraineeResult:
    """One trainee from spawn to submission; never raises (the error goes into the result)."""
    result = TraineeResult(user)
    label = "spawn"
    try:
        result.spawn_s = start_server(hub, user, deadline)
        token = user_token(hub, user, deadline)
        label, start = "kernel", time.monotonic()
        session_id, channel = open_notebook_session(hub, user, token, deadline)
        result.kernel_s = time.monotonic() - start
        try:
            for label, code in script.cells:
                start = time.monotonic()
                reply = channel.execute(code, deadline.remaining(CELL_TIMEOUT_S))
                result.cells.append(CellTiming(label, time.monotonic() - start))
                if reply.status != "ok":
                    raise LoadTestError(reply.error or f"status {reply.status!r}")
                result.pngs += reply.pngs
            result.submission = ast.literal_eval(reply.texts[-1])
        finally:
            channel.close()
        requests.delete(
            f"{hub.url}/user/{user}/api/sessions/{session_id}",
            headers={"Authorization": f"token {token}"},
            timeout=deadline.remaining(REQUEST_TIMEOUT_S),
        )
        result.ok = True
    except Exception as exc:  # one trainee's failure is reported, the others go on
        result.error = f"{label}: {type(exc).__name__}: {exc}"
    return result


def stop_and_delete_user(hub: Hub, user: str, deadline: Deadline) -> None:
    """Stop one user's server, wait until it is gone, and delete the user."""
    api, url = hub.api(), f"{hub.url}/hub/api/users/{user}"
    api.delete(f"{url}/server", timeout=deadline.remaining(REQUEST_TIMEOUT_S))
    while api.get(url, timeout=deadline.remaining(REQUEST_TIMEOUT_S)).json().get("servers"):
        time.sleep(POLL_INTERVAL_S)
    api.delete(url, timeout=deadline.remaining(REQUEST_TIMEOUT_S))


def stop_and_delete_users(hub: Hub, users: list[str], deadline: Deadline) -> None:
    """Stop every user's server and delete the users, all at once (as at the end of a class)."""
    threads = [
        threading.Thread(target=stop_and_delete_user, args=(hub, user, deadline), daemon=True)
        for user in users
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=deadline.remaining())


# --- metrics ---------------------------------------------------------------------------------


class MemorySampler(threading.Thread):
    """Samples RSS every half second: per hub user (server + kernels), the hub, the proxy."""

    def __init__(self, hub: Hub) -> None:
        super().__init__(daemon=True)
        self.hub = hub
        self.halt = threading.Event()
        self.peak_by_user: dict[str, int] = {}
        self.peak_hub = 0
        self.peak_proxy = 0
        self._user_of: dict[int, str] = {}

    def _user(self, process: psutil.Process) -> str:
        if process.pid not in self._user_of:
            environ = process.environ()
            self._user_of[process.pid] = environ.get("JUPYTERHUB_USER", "")
        return self._user_of[process.pid]

    def sample(self) -> None:
        """Take one sample and keep the peaks."""
        hub_process = psutil.Process(self.hub.process.pid)
        self.peak_hub = max(self.peak_hub, hub_process.memory_info().rss)
        by_user: dict[str, int] = {}
        for process in hub_process.children(recursive=True):
            try:
                self.hub.started.setdefault(process.pid, process)
                rss = process.memory_info().rss
                user = self._user(process)
                if user:
                    by_user[user] = by_user.get(user, 0) + rss
                elif "node" in process.name():
                    self.peak_proxy = max(self.peak_proxy, rss)
            except psutil.Error:
                continue
        for user, rss in by_user.items():
            self.peak_by_user[user] = max(self.peak_by_user.get(user, 0), rss)

    def run(self) -> None:
        """Sample until :meth:`stop`."""
        while not self.halt.wait(POLL_INTERVAL_S):
            try:
                self.sample()
            except psutil.Error:
                continue

    def stop(self) -> None:
        """Stop sampling."""
        self.halt.set()
        self.join(timeout=5)


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile (``fraction`` 0.5 = median); 0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, round(fraction * len(ordered) + 0.5 - 1e-9))
    return ordered[min(rank, len(ordered)) - 1]


@dataclass
class RoundReport:
    """The figures of one round (one trainee alone, or N at once)."""

    trainees: int
    completed: int = 0
    errors: list[str] = field(default_factory=list)
    wall_s: float = 0.0
    spawn_p50_s: float = 0.0
    spawn_max_s: float = 0.0
    kernel_p50_s: float = 0.0
    cell_p50_s: float = 0.0
    cell_p95_s: float = 0.0
    first_cell_p50_s: float = 0.0
    answer_p50_s: float = 0.0
    submit_p50_s: float = 0.0
    pngs: int = 0
    peak_rss_per_trainee_mb: float = 0.0
    mean_peak_rss_per_trainee_mb: float = 0.0
    hub_rss_mb: float = 0.0
    proxy_rss_mb: float = 0.0
    submissions_in_kernels: int = 0
    submissions_found: int = 0
    graded: int = 0
    rejected: int = 0
    graded_ids_match_users: bool = False
    grade_summary: str = ""
    teardown_s: float = 0.0
    load_average_before: float = 0.0
    """1-minute load average when the round began: other work on the machine skews timings."""


def summarise(results: list[TraineeResult], sampler: MemorySampler, report: RoundReport) -> None:
    """Fill the timing and memory figures of ``report`` from the trainees' results."""
    done = [result for result in results if result.ok]
    report.completed = len(done)
    report.errors = [f"{result.user}: {result.error}" for result in results if not result.ok]
    spawns = [result.spawn_s for result in results if result.spawn_s]
    report.spawn_p50_s = percentile(spawns, 0.5)
    report.spawn_max_s = max(spawns, default=0.0)
    report.kernel_p50_s = percentile([result.kernel_s for result in done], 0.5)
    cells = [cell for result in done for cell in result.cells]
    report.cell_p50_s = percentile([cell.seconds for cell in cells], 0.5)
    report.cell_p95_s = percentile([cell.seconds for cell in cells], 0.95)
    report.first_cell_p50_s = percentile([r.cells[0].seconds for r in done if r.cells], 0.5)
    answers = [cell.seconds for cell in cells if cell.label.startswith("answer")]
    report.answer_p50_s = percentile(answers, 0.5)
    report.submit_p50_s = percentile([c.seconds for c in cells if c.label == "submit"], 0.5)
    report.pngs = sum(result.pngs for result in done)
    peaks = [sampler.peak_by_user.get(result.user, 0) / MB for result in results]
    report.peak_rss_per_trainee_mb = max(peaks, default=0.0)
    report.mean_peak_rss_per_trainee_mb = sum(peaks) / len(peaks) if peaks else 0.0
    report.hub_rss_mb = sampler.peak_hub / MB
    report.proxy_rss_mb = sampler.peak_proxy / MB
    report.submissions_in_kernels = sum(1 for result in done if result.submission)


def collect_and_grade(
    work: Path, users: list[str], name: str, report: RoundReport, deadline: Deadline
) -> None:
    """Copy the round's submissions out of the homes and grade them with ``skinlessons grade``."""
    collected, graded = work / f"collected-{name}", work / f"graded-{name}"
    copies = collect_submissions([work / "home" / user for user in users], collected)
    report.submissions_found = len(copies.collected)
    output = run_checked(
        [
            skinlessons_command(),
            "grade",
            str(collected),
            "--out",
            str(graded),
            "--course",
            str(REPO_ROOT),
        ],
        deadline,
        "skinlessons grade",
    )
    report.grade_summary = " ".join(output.splitlines()[:2])
    with open(graded / "files.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    report.graded = sum(1 for row in rows if row["Status"] == "graded")
    report.rejected = sum(1 for row in rows if row["Status"] == "rejected")
    graded_ids = {row["Trainee ID"] for row in rows if row["Status"] == "graded"}
    report.graded_ids_match_users = graded_ids == set(users)


# --- rounds and the report -------------------------------------------------------------------


def seed_homes(work: Path, course: Path, users: list[str]) -> None:
    """Give each user a home holding their own copy of the course (as nbgitpuller would)."""
    for user in users:
        shutil.copytree(course, work / "home" / user / COURSE_FOLDER_IN_HOME)


def run_round(
    hub: Hub, work: Path, course: Path, users: list[str], name: str, deadline: Deadline
) -> RoundReport:
    """All ``users`` at once, from spawn to submission, then collection, grading, teardown."""
    cells = lesson_cells(course)
    lesson = load_quiz(REPO_ROOT / QUIZ_DIR / f"{LESSON_ID}.yaml")  # instructor keys
    final = load_quiz(REPO_ROOT / QUIZ_DIR / f"{FINAL_ID}.yaml")
    scripts = {user: trainee_script(cells, lesson, final, seed=n) for n, user in enumerate(users)}
    seed_homes(work, course, users)
    report = RoundReport(trainees=len(users), load_average_before=os.getloadavg()[0])
    hub.api().post(
        f"{hub.url}/hub/api/users",
        json={"usernames": users},
        timeout=deadline.remaining(REQUEST_TIMEOUT_S),
    ).raise_for_status()
    sampler = MemorySampler(hub)
    sampler.start()
    results: list[TraineeResult] = []
    start = time.monotonic()
    threads = [
        threading.Thread(
            target=lambda u=user: results.append(run_trainee(hub, u, scripts[u], deadline)),
            daemon=True,
        )
        for user in users
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=deadline.remaining())
        if thread.is_alive():
            raise LoadTestError("the global deadline passed while trainees were still working")
    report.wall_s = time.monotonic() - start
    sampler.stop()
    summarise(results, sampler, report)
    log(f"{name}: {report.completed}/{len(users)} trainees done in {report.wall_s:.1f} s")
    collect_and_grade(work, users, name, report, deadline)
    start = time.monotonic()
    stop_and_delete_users(hub, users, deadline)
    report.teardown_s = time.monotonic() - start
    return report


REPORT_ROWS = [
    ("trainees completed", "{completed}/{trainees}"),
    ("submissions found / graded / rejected", "{submissions_found} / {graded} / {rejected}"),
    ("graded trainee ids = hub users", "{graded_ids_match_users}"),
    ("wall time, spawn to submission (s)", "{wall_s:.1f}"),
    ("spawn p50 / max (s)", "{spawn_p50_s:.1f} / {spawn_max_s:.1f}"),
    ("kernel start p50 (s)", "{kernel_p50_s:.2f}"),
    ("cell p50 / p95 (s)", "{cell_p50_s:.2f} / {cell_p95_s:.2f}"),
    ("first cell (imports) p50 (s)", "{first_cell_p50_s:.2f}"),
    ("answer a quiz p50 (s)", "{answer_p50_s:.2f}"),
    ("submit p50 (s)", "{submit_p50_s:.2f}"),
    ("PNG outputs", "{pngs}"),
    (
        "peak RSS per trainee max / mean (MB)",
        "{peak_rss_per_trainee_mb:.0f} / {mean_peak_rss_per_trainee_mb:.0f}",
    ),
    ("hub / proxy peak RSS (MB)", "{hub_rss_mb:.0f} / {proxy_rss_mb:.0f}"),
    ("teardown (s)", "{teardown_s:.1f}"),
    ("load average when the round began", "{load_average_before:.1f}"),
]
"""(label, template) rows of the report; templates name RoundReport fields."""


def format_report(solo: RoundReport, crowd: RoundReport) -> str:
    """The two rounds side by side as a plain-text table, then ratios, grading and failures."""
    width = max(len(label) for label, _ in REPORT_ROWS)
    header = f"{'':{width}}  {'1 alone':>14}  {f'{crowd.trainees} at once':>14}"
    lines = [header]
    for label, template in REPORT_ROWS:
        one, many = template.format(**asdict(solo)), template.format(**asdict(crowd))
        lines.append(f"{label:{width}}  {one:>14}  {many:>14}")
    if solo.cell_p50_s and solo.cell_p95_s:
        lines.append(
            f"slow-down under load: p50 x{crowd.cell_p50_s / solo.cell_p50_s:.1f}, "
            f"p95 x{crowd.cell_p95_s / solo.cell_p95_s:.1f} ({os.cpu_count()} cores)"
        )
    lines += [f"grading ({report.trainees}): {report.grade_summary}" for report in (solo, crowd)]
    lines += [f"FAILED {error}" for report in (solo, crowd) for error in report.errors]
    return "\n".join(lines)


def is_complete(report: RoundReport) -> bool:
    """True if every trainee finished and every submission was found and graded."""
    n = report.trainees
    return (
        report.completed == n
        and report.submissions_found == n
        and report.graded == n
        and report.rejected == 0
        and report.graded_ids_match_users
    )


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trainees", type=int, default=20, help="trainees at once (default 20)")
    parser.add_argument(
        "--deadline", type=float, default=600, help="global time limit in seconds (default 600)"
    )
    parser.add_argument(
        "--proxy",
        type=Path,
        default=REPO_ROOT
        / "build"
        / "hub-node"
        / "node_modules"
        / ".bin"
        / "configurable-http-proxy",
        help="the configurable-http-proxy executable (default: the one make hub-load installs)",
    )
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    return parser.parse_args(argv)


def raise_on_sigterm(signum: int, frame: object) -> None:
    """Turn SIGTERM into KeyboardInterrupt so the same clean-up runs as for Ctrl-C."""
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    """Run both rounds and print the report; exit 0 only if nothing was lost."""
    options = parse_args(argv)
    if options.trainees < 1:
        raise SystemExit("--trainees must be 1 or more")
    proxy = options.proxy.resolve()  # the hub runs in the temporary folder
    if not proxy.exists():
        raise SystemExit(f"no proxy at {proxy}; run: make hub-load (it installs one)")
    signal.signal(signal.SIGTERM, raise_on_sigterm)
    deadline = Deadline(options.deadline)
    work = Path(tempfile.mkdtemp(prefix="skinlessons-hub-load-"))
    try:
        course = work / "course"
        if release_command_exists():
            course = prepare_release(course, deadline)
            log(f"serving the trainee release unpacked in {course}")
            for line in check_repo2docker_layout(course, deadline):
                log(f"repo2docker check: {line}")
        else:
            prepare_key_free_copy(course)
            log("serving a key-free copy of the course ('skinlessons release' not available yet)")
        check_no_summative_keys(course)
        warm_font_cache(work, deadline)
        with running_hub(work, proxy, deadline) as hub:
            solo = run_round(hub, work, course, ["solo"], "alone", deadline)
            crowd_users = [f"trainee{n:02d}" for n in range(1, options.trainees + 1)]
            crowd = run_round(hub, work, course, crowd_users, "crowd", deadline)
        print(format_report(solo, crowd))
        if options.json:
            options.json.write_text(
                json.dumps({"alone": asdict(solo), "crowd": asdict(crowd)}, indent=2)
            )
        return 0 if is_complete(solo) and is_complete(crowd) else 1
    except KeyboardInterrupt:
        log("interrupted; the hub was stopped")
        return 130
    except LoadTestError as exc:
        log(f"Error: {exc}")
        return 1
    finally:
        if options.keep:
            log(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
