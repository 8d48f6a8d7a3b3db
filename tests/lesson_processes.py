"""Each lesson's tests run in a process of their own, forked from the test run once everything is imported.

Why: a lesson is untrusted input, and lessons must not see each other. One lesson that calls
`torch.set_printoptions`, seeds a generator or patches a module cannot change what another
prints, because it ran in another process. What is expensive to start (torch, SymPy, MkDocs,
pytest's collection) is done once, before the first fork, so a lesson's process costs
nothing to start, and as many lessons run at once as there are processors.

How: once the tests are collected, one process is forked and does nothing but fork again on
request (a fork server: it never starts a thread, so its forks are safe). Each lesson's process
runs that lesson's tests (its page check, tests/lessons/test_<lesson>.py, its figure tests) with
pytest's own hooks, and sends every report back through a pipe; this process reports them as if
it had run them. The engine's tests run the same way, a process for each module, since they run
lesson code too (of their fixture project). This process keeps the notebooks, the browser and
the tests of the built site. Coverage is saved by each process and combined by pytest-cov as usual.

A lesson that hangs where no section's time limit reaches it (inside a C extension, say)
is stopped after LESSON_LIMIT seconds by faulthandler, which writes where every thread was;
its tests fail with that traceback. `--one-process` runs everything here instead (for --pdb).
"""

import contextlib
import faulthandler
import gc
import importlib
import os
import signal
import tempfile
import time
from multiprocessing import Pipe
from multiprocessing.connection import wait
from pathlib import Path

import pytest
import torch
from _pytest.reports import TestReport

from lessonkit import Project
from tests.conftest import lesson_of, reads_build, start_builds, wanted_builds

LESSON_LIMIT = 600.0  # seconds for all of one lesson's tests
# What a lesson's process would import on first use: PyTorch's compiler stack, which torch.optim,
# torch.testing.assert_close and torch.func load (a second or so), SymPy's units, which evalf loads, and
# matplotlib. Imported once here, before the first fork, so that no process pays for them again.
WARM = ("torch._dynamo", "torch.func", "torch.optim", "sympy.physics.units", "matplotlib.figure")
_LESSONS = pytest.StashKey()


def pytest_addoption(parser):
    parser.addoption(
        "--one-process",
        action="store_true",
        help="run every lesson's tests in this process, not each in its own (for --pdb and debuggers)",
    )


@pytest.hookimpl(tryfirst=True)  # before anything starts a thread (the notebooks' kernels): forks stay safe
def pytest_collection_finish(session):
    config = session.config
    if config.option.collectonly or session.testsfailed:
        return
    if not hasattr(os, "fork") or config.getoption("--one-process") or config.option.usepdb:
        return  # pytest's own loop, in this process
    groups: dict[str, list] = {}
    mine = []
    for item in session.items:
        group = _group(item)
        (groups.setdefault(group, []) if group else mine).append(item)
    if groups:
        for module in WARM:
            importlib.import_module(module)
        # One thread each: the processes run side by side on every core already, and PyTorch's threads
        # waiting on one another across processes would spin where a single thread simply computes.
        torch.set_num_threads(1)
        config._tmp_path_factory.getbasetemp()  # made once here, so that the lessons' processes share it
        # The largest first, so that no long one starts last while the other processors wait.
        largest_first = sorted(groups.values(), key=len, reverse=True)
        config.stash[_LESSONS] = (_Lessons(session, largest_first), mine)


@pytest.hookimpl(tryfirst=True)
def pytest_runtestloop(session):
    config = session.config
    if session.testsfailed and not config.option.continue_on_collection_errors:
        raise session.Interrupted(f"{session.testsfailed} error(s) during collection")
    if config.option.collectonly:
        return True
    recording = config.getoption("--update-outputs")
    builds = wanted_builds(session)
    if builds and not recording:
        start_builds(Project.here(), builds)  # in the background; when recording, once the lessons are recorded
    if _LESSONS not in config.stash:
        return None  # pytest's own loop, in this process
    lessons, mine = config.stash[_LESSONS]
    lessons.run(mine, recording, builds)
    return True


class _Lessons:
    """The lessons' processes, seen from this one: started through the fork server, read as they report."""

    def __init__(self, session, groups: list[list]):
        self.session, self.config, self.groups = session, session.config, groups
        self.workers = max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)
        self.dumps = Path(tempfile.mkdtemp(prefix="lesson-processes-"))
        pipes = [Pipe(duplex=False) for _ in groups]
        self.readers = [reader for reader, _ in pipes]
        writers = [writer for _, writer in pipes]
        control_reader, self.control = Pipe(duplex=False)
        # Objects made so far are left alone by the garbage collector from now on: a process forked from
        # here shares them with this one, instead of copying the memory the collector would touch.
        gc.freeze()
        self.server = os.fork()
        if self.server == 0:  # the fork server
            for end in [*self.readers, self.control]:
                end.close()
            _serve(control_reader, groups, writers, self.dumps)
        control_reader.close()
        for writer in writers:
            writer.close()
        self.waiting = list(range(len(groups)))
        self.running: dict[int, list] = {}  # group -> the nodeids it has not finished yet
        self.pids: dict[int, int] = {}

    def run(self, mine: list, recording: bool, builds: list[str]) -> None:
        try:
            self._start_more()
            first, last = [i for i in mine if not reads_build(i)], [i for i in mine if reads_build(i)]
            for index, item in enumerate(first):
                self._read(block=False)
                item.ihook.pytest_runtest_protocol(item=item, nextitem=[*first, *last, None][index + 1])
                self._stop_if_asked()
            while self.running or self.waiting:
                self._read(block=True)
            if recording and last:
                start_builds(Project.here(), builds)  # every lesson is recorded now
            for index, item in enumerate(last):
                item.ihook.pytest_runtest_protocol(item=item, nextitem=[*last, None][index + 1])
                self._stop_if_asked()
        finally:
            self._end()

    def _start_more(self) -> None:
        while self.waiting and len(self.running) < self.workers:
            group = self.waiting.pop(0)
            self.running[group] = [item.nodeid for item in self.groups[group]]
            self.control.send(group)

    def _read(self, block: bool) -> None:
        readers = {self.readers[group]: group for group in self.running}
        for reader in wait(list(readers), timeout=None if block else 0):
            group = readers[reader]
            try:
                kind, *message = reader.recv()
            except EOFError:
                self._died(group)
                continue
            hook = self.config.hook
            if kind == "pid":
                self.pids[group] = message[0]
            elif kind == "start":
                hook.pytest_runtest_logstart(nodeid=message[0], location=message[1])
            elif kind == "report":
                report = hook.pytest_report_from_serializable(config=self.config, data=message[0])
                hook.pytest_runtest_logreport(report=report)
            elif kind == "finish":
                hook.pytest_runtest_logfinish(nodeid=message[0], location=message[1])
                self.running[group].remove(message[0])
            if kind == "done" or not self.running[group]:
                self._finished(group)
            self._stop_if_asked()

    def _died(self, group: int) -> None:
        """A lesson's process ended before its tests did: each test left fails with what stopped it."""
        dump = self.dumps / f"{group}.txt"
        where = dump.read_text(errors="replace") if dump.is_file() else ""
        reason = (
            f"this lesson's process stopped after {LESSON_LIMIT:g} s, still running; where each thread was:\n{where}"
            if where
            else "this lesson's process ended before its tests did (a crash, or the code called os._exit)"
        )
        by_id = {item.nodeid: item for item in self.groups[group]}
        for nodeid in self.running[group]:
            item = by_id[nodeid]
            self.config.hook.pytest_runtest_logstart(nodeid=nodeid, location=item.location)
            report = TestReport(nodeid, item.location, {}, "failed", reason, "call", [], 0.0)
            self.config.hook.pytest_runtest_logreport(report=report)
            self.config.hook.pytest_runtest_logfinish(nodeid=nodeid, location=item.location)
        self._finished(group)

    def _finished(self, group: int) -> None:
        if group in self.running:
            del self.running[group]
            self.readers[group].close()
            self._start_more()

    def _stop_if_asked(self) -> None:
        if self.session.shouldfail:
            raise self.session.Failed(self.session.shouldfail)
        if self.session.shouldstop:
            raise self.session.Interrupted(self.session.shouldstop)

    def _end(self) -> None:
        self.control.close()  # the fork server ends when its pipe does
        for group, pid in self.pids.items():
            if group in self.running:
                _kill(pid)
        os.waitpid(self.server, 0)


def _group(item) -> str | None:
    """The process a test runs in: its lesson's, or its module's; None for this one.

    Notebooks and pages in a browser run in kernels and browsers of their own, and the tests of the
    built site wait for the build: those stay here. Every other test may run lesson code, which runs
    offline by switching sockets off in its whole process, so it runs in a process of its own.
    """
    if item.path.parent.name in ("browser", "notebooks") or reads_build(item):
        return None
    return lesson_of(item) or str(item.path)


def _kill(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)


def _serve(control, groups: list[list], writers: list, dumps: Path) -> None:
    """The fork server: fork a process for each lesson it is asked to run; it never returns."""
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # the lessons' processes are reaped as they end
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is for the test run, which stops the lessons
    while True:
        try:
            group = control.recv()
        except EOFError:
            os._exit(0)
        if os.fork() == 0:
            for index, writer in enumerate(writers):
                if index != group:
                    writer.close()
            _run_lesson(groups[group], writers[group], dumps / f"{group}.txt")
        writers[group].close()


def _run_lesson(items: list, writer, dump: Path) -> None:
    """In a lesson's process: run its tests with pytest's hooks, send each report to the test run, and end."""
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    config = items[0].config
    status = 1
    with dump.open("w") as where:
        faulthandler.dump_traceback_later(LESSON_LIMIT, exit=True, file=where)
        try:
            writer.send(("pid", os.getpid()))
            _own_capture(config)
            manager = config.pluginmanager
            manager.unregister(name="terminalreporter")  # the test run reports what this process sends
            manager.register(_Sender(writer, config), "lesson-process-sender")
            for index, item in enumerate(items):
                item.ihook.pytest_runtest_protocol(item=item, nextitem=[*items, None][index + 1])
            _save_coverage()  # before "done": the test run combines coverage as soon as every process is done
            writer.send(("done",))
            status = 0
        finally:
            faulthandler.cancel_dump_traceback_later()
            dump.unlink(missing_ok=True)
            os._exit(status)


class _Sender:
    """Sends what pytest would report about each test to the test run, which reports it."""

    def __init__(self, writer, config):
        self.writer, self.config = writer, config

    def pytest_runtest_logstart(self, nodeid, location):
        self.writer.send(("start", nodeid, location))

    def pytest_runtest_logreport(self, report):
        self.writer.send(("report", self.config.hook.pytest_report_to_serializable(config=self.config, report=report)))

    def pytest_runtest_logfinish(self, nodeid, location):
        self.writer.send(("finish", nodeid, location))


def _own_capture(config) -> None:
    """Capture into files of this process: after a fork, the test run's capture files are shared with it."""
    capture = config.pluginmanager.getplugin("capturemanager")
    if capture is not None and capture._global_capturing is not None:
        # Closed without being read (pytest's stop_global_capturing would read and empty the shared files).
        capture._global_capturing.stop_capturing()
        capture._global_capturing = None
        capture.start_global_capturing()


def _save_coverage() -> None:
    """Save what this process covered, under a name of its own, for pytest-cov to combine with the rest."""
    try:
        import coverage
    except ImportError:
        return
    current = coverage.Coverage.current()
    if current is None:
        return
    current.stop()
    data = coverage.CoverageData(basename=current.config.data_file, suffix=f"lesson.{os.getpid()}.{time.time_ns()}")
    data.update(current.get_data())
    data.write()
