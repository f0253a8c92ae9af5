"""The frozen Linux build really works: PyInstaller builds the one-file binary from the spec, and
packaging/linux/smoke_test.py drives it under the session's Xvfb — `--version`, then in demo mode a
number copied with xclip → the popup → Return → the call in the sandbox. (About two minutes; the
same as `bash scripts/build_linux.sh`.)"""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.timeout(900)
def test_frozen_binary_builds_and_places_a_demo_call(desktop, tmp_path):
    started = time.monotonic()
    build = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(tmp_path / "dist"), "--workpath", str(tmp_path / "work"),
         str(ROOT / "packaging" / "easyclick2call.spec")],
        capture_output=True, text=True, timeout=840, check=False, cwd=ROOT,
        env={**os.environ, "EC2C_BUILD_MODE": "onefile"},
    )
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    binary = tmp_path / "dist" / "easyclick2call"
    size_mb = binary.stat().st_size / 1e6
    print(f"frozen build: {time.monotonic() - started:.0f} s, {size_mb:.0f} MB")
    assert size_mb < 120

    smoke = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "linux" / "smoke_test.py"), str(binary)],
        capture_output=True, text=True, timeout=240, check=False,
    )
    print(smoke.stdout)
    assert smoke.returncode == 0, smoke.stdout + smoke.stderr
    assert "smoke: OK" in smoke.stdout
    assert "call placed: 0033199001234" in smoke.stdout
