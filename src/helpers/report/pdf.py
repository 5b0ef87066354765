"""HTML -> PDF with a system Chromium / Google Chrome (headless, POSIX): one browser for every PDF of a build, driven
over ``--remote-debugging-pipe``; its profile (``<out>/.build/chrome/report-chrome-<pid>-*``) goes when it closes,
or, after a killed build, at the next one (:func:`clean_profiles`)."""
from __future__ import annotations

import atexit
import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from contextlib import suppress

from ..base.fileio import write_bytes_atomic
from ..base.pdfcheck import check_pdf

NAMES = ("chromium-headless-shell", "chromium", "chromium-browser", "google-chrome",
         "google-chrome-stable", "chrome")
APP_PATHS = (*(f"{home}/Applications/{app}.app/Contents/MacOS/{app}" for home in ("", "~")
               for app in ("Google Chrome", "Chromium")), "/usr/lib/chromium/chromium-headless-shell")
INSTALL_HINT = ("install a headless Chromium and a CJK font: Debian/Ubuntu `sudo apt-get install chromium-headless-"
                "shell fonts-noto-cjk` (or `chromium`); macOS `brew install --cask google-chrome` (or `brew install "
                "--cask chromium`); or point CHROME=/path/to/chrome at one")
FLAGS = ("--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--no-default-browser-check",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions")


class ChromeMissing(Exception):
    """No usable Chromium/Chrome: the message says what to install."""


class PrintFailed(Exception):
    """Chromium ran but produced no PDF."""


def find_chrome() -> str:
    """Path of a Chromium/Chrome: ``$CHROME`` if set, else the usual names and places (else :class:`ChromeMissing`)."""
    if override := os.environ.get("CHROME"):
        path = shutil.which(override) or (override if os.access(override, os.X_OK) else None)
        if path and Path(path).is_file():
            return path
        raise ChromeMissing(f"CHROME={override} is not an executable file; {INSTALL_HINT}")
    if path := next(filter(None, map(shutil.which, [*NAMES, *map(os.path.expanduser, APP_PATHS)])), None):
        return path  # a name on PATH, else an executable file at one of the usual places
    raise ChromeMissing(f"no Chromium or Chrome found to print the PDFs; {INSTALL_HINT}")


PROFILE_PREFIX = "report-chrome-"
PRINT_OPTIONS = {"printBackground": True, "preferCSSPageSize": True, "displayHeaderFooter": False,
                 "transferMode": "ReturnAsBase64"}


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass
    return pid > 0


def clean_profiles(root: Path) -> None:
    """Remove the profile folders under ``root`` whose build process is gone."""
    for folder in Path(root).glob(f"{PROFILE_PREFIX}*"):
        pid = folder.name[len(PROFILE_PREFIX):].split("-", 1)[0]
        if not pid.isdigit() or int(pid) != os.getpid() and not _alive(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


class Browser:
    """One headless browser driven over ``--remote-debugging-pipe`` (NUL-separated JSON)."""

    def __init__(self, chrome: str, profile_root: Path | None = None, timeout: float = 60) -> None:
        self.chrome, self.timeout, self.hung = chrome, timeout, False
        if profile_root is not None:  # named after this process: a later build can tell it is orphaned
            Path(profile_root).mkdir(parents=True, exist_ok=True)
        self.profile = tempfile.mkdtemp(prefix=f"{PROFILE_PREFIX}{os.getpid()}-", dir=profile_root)
        self._lock, self._id, self._buf = threading.Lock(), 0, b""
        low_r, self._to_chrome = os.pipe()
        self._from_chrome, low_w = os.pipe()
        # the browser reads fd 3 and writes fd 4: a tiny trampoline puts the pipe ends there, from fds >= 10
        to_chrome_r, from_chrome_w = (fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10) for fd in (low_r, low_w))
        os.close(low_r), os.close(low_w)
        tramp = ("import os, sys; r, w = int(sys.argv[1]), int(sys.argv[2]); os.dup2(r, 3); os.dup2(w, 4); "
                 "os.close(r); os.close(w); os.execv(sys.argv[3], sys.argv[3:])")
        cmd = [sys.executable, "-S", "-c", tramp, str(to_chrome_r), str(from_chrome_w), shutil.which(chrome) or chrome,
               *FLAGS, f"--user-data-dir={self.profile}", "--remote-debugging-pipe", "about:blank"]
        try:
            self.proc = subprocess.Popen(cmd, pass_fds=(to_chrome_r, from_chrome_w), stdin=subprocess.DEVNULL,
                                         stdout=subprocess.DEVNULL, stderr=None if os.environ.get("XN_CHROME_DEBUG") else subprocess.DEVNULL)
        except OSError:
            self._close_fds()
            shutil.rmtree(self.profile, ignore_errors=True)
            raise
        finally:
            os.close(to_chrome_r), os.close(from_chrome_w)
        try:
            self.call("Browser.getVersion")
        except Exception:
            self.close()
            raise

    def _close_fds(self) -> None:
        for fd in (self._to_chrome, self._from_chrome):
            with suppress(OSError):
                os.close(fd)

    def _send(self, method: str, params: dict | None = None, session: str | None = None) -> int:
        self._id += 1
        msg = {"id": self._id, "method": method, "params": params or {}, **({"sessionId": session} if session else {})}
        data = json.dumps(msg).encode("utf-8") + b"\0"
        while data:
            data = data[os.write(self._to_chrome, data):]
        return self._id

    def _read(self, deadline: float) -> dict:
        while b"\0" not in self._buf:
            left = deadline - time.monotonic()
            if left <= 0:
                self.hung = True  # close() then kills it at once
                raise PrintFailed(f"{Path(self.chrome).name} did not answer within {self.timeout:.0f} s")
            ready, _, _ = select.select([self._from_chrome], [], [], left)
            if ready:
                chunk = os.read(self._from_chrome, 1 << 20)
                if not chunk:
                    raise PrintFailed(f"{Path(self.chrome).name} closed the connection "
                                      f"(exit code {self.proc.poll()})")
                self._buf += chunk
        msg, self._buf = self._buf.split(b"\0", 1)
        return json.loads(msg)

    def call(self, method: str, params: dict | None = None, session: str | None = None,
             until_event: str | None = None) -> dict:
        """Send one command and return its result (and, with ``until_event``, wait for that event too)."""
        deadline = time.monotonic() + self.timeout
        mid = self._send(method, params, session)
        result: dict | None = None
        seen = until_event is None
        while result is None or not seen:
            msg = self._read(deadline)
            if msg.get("id") == mid:
                if "error" in msg:
                    raise PrintFailed(f"{method}: {msg['error'].get('message', msg['error'])}")
                result = msg.get("result", {})
            elif until_event and msg.get("method") == until_event and msg.get("sessionId") == session:
                seen = True
        return result

    def print_pdf(self, html: Path, pdf: Path) -> None:
        """Load ``html`` in a new tab, wait for its fonts, print it to ``pdf``."""
        with self._lock:
            target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
            try:
                session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
                self.call("Page.enable", session=session)
                self.call("Page.navigate", {"url": Path(html).resolve().as_uri()}, session, "Page.loadEventFired")
                self.call("Runtime.evaluate", {"expression": "document.fonts.ready.then(() => true)",
                                               "awaitPromise": True}, session)
                data = self.call("Page.printToPDF", PRINT_OPTIONS, session)["data"]
            finally:
                with suppress(PrintFailed):
                    self.call("Target.closeTarget", {"targetId": target})
        publish(base64.b64decode(data), Path(pdf))

    def close(self) -> None:
        """Stop the browser and remove its profile."""
        try:
            with suppress(OSError, subprocess.TimeoutExpired):  # asked politely unless it hung; else killed
                if self.proc.poll() is None and not self.hung:
                    with self._lock:
                        self._send("Browser.close")
                    self.proc.wait(timeout=5)
            if self.proc.poll() is None:
                self.proc.kill()
                self.proc.wait(timeout=5)
        finally:
            self._close_fds()
            shutil.rmtree(self.profile, ignore_errors=True)


def publish(data: bytes, pdf: Path) -> None:
    """Write the printed ``data`` to ``pdf`` whole, unless it is no PDF or blank (no font, no text)."""
    if not data.startswith(b"%PDF-"):
        raise PrintFailed("the browser returned no PDF")
    write_bytes_atomic(pdf, data, check=lambda tmp: check_pdf(tmp, pdf))


_browsers: dict[tuple[str, str], Browser] = {}
_browsers_lock = threading.Lock()
#: A browser that hung or could not start: the build's other PDFs fail at once, with the same line.
_hung: dict[tuple[str, str], str] = {}
HUNG_FIX = ("Fix: check that the browser runs headless (`{} --headless --dump-dom about:blank`), or point CHROME= at "
            "another one; XN_CHROME_TIMEOUT=<seconds> (default 30) gives a slow machine more time")


def _browser(chrome: str, profile_root: Path | None) -> Browser:
    """The shared browser for ``chrome`` (started on first use)."""
    key = (chrome, str(profile_root))
    with _browsers_lock:
        if key in _hung:
            raise PrintFailed(_hung[key])
        if key not in _browsers or _browsers[key].proc.poll() is not None:
            try:
                _browsers[key] = Browser(chrome, profile_root, float(os.environ.get("XN_CHROME_TIMEOUT") or 30))
            except (OSError, ValueError) as err:
                raise PrintFailed(f"could not start {chrome}: {err}") from None
            except PrintFailed as err:
                _hung[key] = f"{err}; {HUNG_FIX.format(Path(chrome).name)}"
                raise PrintFailed(_hung[key]) from None
        return _browsers[key]


def shutdown() -> None:
    """Close every shared browser (and remove its profile)."""
    with _browsers_lock:
        browsers = list(_browsers.values())
        _browsers.clear()
        _hung.clear()
    for b in browsers:
        with suppress(Exception):  # best effort on the way out
            b.close()


atexit.register(shutdown)


def print_pdf(chrome: str, html: Path, pdf: Path, profile_root: Path | None = None) -> None:
    """Print ``html`` to ``pdf`` with the shared browser (one process for the whole build)."""
    browser = _browser(chrome, profile_root)
    try:
        browser.print_pdf(html, pdf)
    except PrintFailed as err:
        if not browser.hung:
            raise
        _hung[(chrome, str(profile_root))] = msg = f"{err}; {HUNG_FIX.format(Path(chrome).name)}"
        browser.close()  # hung while printing: stopped now, and the build's other PDFs fail at once
        raise PrintFailed(msg) from None
