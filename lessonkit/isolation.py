"""A snippet runs as if it were alone: in a fresh global state, offline, under a time limit, printing a little.

Lessons share a process when the engine runs in one (`mkdocs serve`, the engine's own tests),
and a lesson's notebook starts in a fresh kernel. So before each snippet the state a kernel
starts with is set, and after it the caller's state is put back: print options, default dtype
and device, grad and anomaly modes, deterministic algorithms, one thread (so that results do
not depend on the machine's number of cores), the random generators (seeded afresh, as a new
kernel is: output that depends on an unseeded draw differs between two runs, which the checks
report), the working folder and warnings, which are errors.

pytest runs each lesson in a process of its own as well (tests/conftest.py): what a snippet
changes that is not listed here still cannot reach another lesson.
"""

import contextlib
import io
import os
import random
import signal
import threading
import time
import warnings
from collections.abc import Iterator

import pytest_socket
import torch

# A section that prints more stops: a lesson page shows a few lines, not a log.
MAX_LINES, MAX_CHARACTERS = 200, 10_000


class SectionTimeout(BaseException):
    """Raised inside a section that runs past its time limit."""


class TooMuchOutput(BaseException):
    """Raised inside a section that prints more than a page can show."""


class Printed(io.StringIO):
    """What a section prints, up to MAX_LINES lines and MAX_CHARACTERS characters."""

    def write(self, text: str) -> int:
        if self.tell() + len(text) > MAX_CHARACTERS or self.getvalue().count("\n") + text.count("\n") > MAX_LINES:
            raise TooMuchOutput
        return super().write(text)


@contextlib.contextmanager
def alone(cwd: os.PathLike) -> Iterator[None]:
    """Run a snippet in a fresh state, offline, in `cwd`; put the caller's state back afterwards."""
    saved = _state()
    _fresh(cwd)
    pytest_socket.disable_socket(allow_unix_socket=True)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # a lesson's warning is an error: the reader should never see one
            # pytest-socket warns as it blocks a connection; as an error, that warning would hide the block itself.
            warnings.filterwarnings("ignore", message="A test tried to use socket", category=UserWarning)
            yield
    finally:
        pytest_socket.enable_socket()
        _restore(saved)


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise SectionTimeout inside the code if it runs for more than `seconds` (main thread, POSIX only).

    Limits nest: a figure module (limited) runs snippet sections (each limited); the inner limit never outlasts
    the outer one, and the outer one runs on, less the time spent inside, once the inner one ends.
    """
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield  # no alarm signal here: the pytest run's own process limit still stops a section that hangs
        return

    def stop(signum, frame):
        raise SectionTimeout

    outer, _ = signal.getitimer(signal.ITIMER_REAL)
    started = time.monotonic()
    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, min(seconds, outer) if outer else seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer:
            signal.setitimer(signal.ITIMER_REAL, max(outer - (time.monotonic() - started), 0.001))


def _state() -> dict:
    return {
        "print": torch._tensor_str.get_printoptions(),
        "dtype": torch.get_default_dtype(),
        "device": torch.get_default_device(),
        "grad": torch.is_grad_enabled(),
        "anomaly": (torch.is_anomaly_enabled(), torch.is_anomaly_check_nan_enabled()),
        "deterministic": (
            torch.are_deterministic_algorithms_enabled(),
            torch.is_deterministic_algorithms_warn_only_enabled(),
        ),
        "threads": torch.get_num_threads(),
        "torch_rng": torch.get_rng_state(),
        "random": random.getstate(),
        "cwd": os.getcwd(),
    }


def _fresh(cwd: os.PathLike) -> None:
    """The state of a new kernel: defaults everywhere, and random generators seeded from the operating system."""
    torch.set_printoptions(profile="default")
    torch.set_printoptions(sci_mode=None)
    torch.set_default_dtype(torch.float32)
    torch.set_default_device(None)
    torch.set_grad_enabled(True)
    torch.set_anomaly_enabled(False)
    torch.use_deterministic_algorithms(False)
    # One thread: a sum then adds in the same order on any machine, whatever its number of cores, and
    # lessons that run side by side (tests/lesson_processes.py) do not fight over the processors.
    torch.set_num_threads(1)
    torch.seed()
    random.seed()
    os.chdir(cwd)


def _restore(saved: dict) -> None:
    torch.set_printoptions(**saved["print"])
    torch.set_default_dtype(saved["dtype"])
    torch.set_default_device(saved["device"])
    torch.set_grad_enabled(saved["grad"])
    torch.set_anomaly_enabled(*saved["anomaly"])
    torch.use_deterministic_algorithms(saved["deterministic"][0], warn_only=saved["deterministic"][1])
    torch.set_num_threads(saved["threads"])
    torch.set_rng_state(saved["torch_rng"])
    random.setstate(saved["random"])
    os.chdir(saved["cwd"])
