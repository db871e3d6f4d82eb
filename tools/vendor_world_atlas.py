"""Vendor the dashboard map's world shapes from the npm package ``world-atlas``.

    python tools/vendor_world_atlas.py [VERSION]

Runs ``npm pack world-atlas@VERSION`` (the npm registry only) in a scratch folder, takes
``countries-110m.json`` and ``LICENSE`` from the tarball unchanged, checks the JSON's SHA-256
against the one recorded here (pass a new version and update ``EXPECTED`` to move on), and
copies both into ``src/communique/web/static/vendor/world-atlas/``. The README there says
where they came from; update it with the version and hash.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "src" / "communique" / "web" / "static" / "vendor" / "world-atlas"
VERSION = "2.0.2"
EXPECTED = {"2.0.2": "2516c915867c7baf18ddec727aec46c315541a07cfb3d79a6559b05d5e94eee8"}
FILES = ("countries-110m.json", "LICENSE")


def vendor(version: str = VERSION) -> str:
    """Fetch, check and copy the files; returns the JSON's SHA-256."""
    with tempfile.TemporaryDirectory() as scratch:
        subprocess.run(
            ["npm", "pack", f"world-atlas@{version}", "--silent"],
            cwd=scratch,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        with tarfile.open(Path(scratch) / f"world-atlas-{version}.tgz") as tarball:
            for name in FILES:
                tarball.extract(f"package/{name}", scratch, filter="data")
        digest = hashlib.sha256((Path(scratch) / "package" / FILES[0]).read_bytes()).hexdigest()
        if EXPECTED.get(version) != digest:
            raise SystemExit(
                f"countries-110m.json of {version} has SHA-256 {digest}; expected "
                f"{EXPECTED.get(version)} (update EXPECTED after checking it)."
            )
        TARGET.mkdir(parents=True, exist_ok=True)
        for name in FILES:
            shutil.copyfile(Path(scratch) / "package" / name, TARGET / name)
    return digest


if __name__ == "__main__":
    print(vendor(*sys.argv[1:2]))
