"""HTML -> PDF by printing with a system Chromium / Google Chrome (headless)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

NAMES = ("chromium-headless-shell", "chromium", "chromium-browser", "google-chrome",
         "google-chrome-stable", "chrome")
APP_PATHS = (
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "~/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "~/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/usr/lib/chromium/chromium-headless-shell",
    r"C:\Program Files\Google\Chrome\Application\chrome.exe",
    r"C:\Program Files (x86)\Google\Chrome\Application\chrome.exe",
)
INSTALL_HINT = (
    "install a headless Chromium and a CJK font: Debian/Ubuntu `sudo apt-get install "
    "chromium-headless-shell fonts-noto-cjk` (or `chromium`); macOS `brew install --cask google-chrome` "
    "(or `brew install --cask chromium`); or point CHROME=/path/to/chrome at one"
)
FLAGS = (
    "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--no-default-browser-check",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-extensions", "--no-pdf-header-footer", "--virtual-time-budget=15000",
)


class ChromeMissing(Exception):
    """No usable Chromium/Chrome: the message says what to install."""


class PrintFailed(Exception):
    """Chromium ran but produced no PDF."""


def find_chrome() -> str:
    """Path of a Chromium/Chrome executable: ``$CHROME`` if set, else the usual names and places.

    Raises :class:`ChromeMissing` with install instructions when none is found.
    """
    override = os.environ.get("CHROME")
    if override:
        path = shutil.which(override) or (override if os.access(override, os.X_OK) else None)
        if path and Path(path).is_file():
            return path
        raise ChromeMissing(f"CHROME={override} is not an executable file; {INSTALL_HINT}")
    for name in NAMES:
        path = shutil.which(name)
        if path:
            return path
    for app in APP_PATHS:
        path = os.path.expanduser(app)
        if os.path.isfile(path) and os.access(path, os.X_OK):
            return path
    raise ChromeMissing(f"no Chromium or Chrome found to print the PDFs; {INSTALL_HINT}")


def print_pdf(chrome: str, html: Path, pdf: Path, timeout: float = 120) -> None:
    """Print ``html`` to ``pdf`` through a temporary file beside it and an atomic rename."""
    html, pdf = Path(html).resolve(), Path(pdf)
    pdf.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{pdf.name}.", suffix=".tmp", dir=pdf.parent)
    os.close(fd)
    profile = tempfile.mkdtemp(prefix="report-chrome-")
    cmd = [chrome, *FLAGS, f"--user-data-dir={profile}", f"--print-to-pdf={tmp}", html.as_uri()]
    try:
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout,
                              stdin=subprocess.DEVNULL)
        with open(tmp, "rb") as handle:
            ok = handle.read(5) == b"%PDF-"
        if not ok:
            err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
            raise PrintFailed(f"{Path(chrome).name} exited {proc.returncode} without a PDF"
                              + (f": {err[-1]}" if err else ""))
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, pdf)
    except subprocess.TimeoutExpired:
        raise PrintFailed(f"{Path(chrome).name} did not finish printing within {timeout:.0f} s") from None
    except OSError as err:
        raise PrintFailed(f"could not run {chrome}: {err}") from None
    finally:
        Path(tmp).unlink(missing_ok=True)
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":  # pragma: no cover - manual check
    print(find_chrome())
    print_pdf(find_chrome(), Path(sys.argv[1]), Path(sys.argv[2]))
