"""Which Tesseract model OCR uses, and getting the better one onto a machine.

- ``fast``: Debian's ``tesseract-ocr-vie`` package (derived from tessdata_fast),
  in the system tessdata directory. Always present where sohoa runs.
- ``best``: the integer-quantised tessdata_best model published in the npm
  package ``@tesseract.js-data/vie`` (``4.0.0_best_int/vie.traineddata.gz``).
  It is fetched with ``npm pack`` on first use and cached, gunzipped, in a
  tessdata directory next to copies of the system ``osd`` and ``eng`` models
  (Tesseract takes one ``--tessdata-dir`` for every language it loads).

The cache directory is ``SOHOA_OCR_MODEL_DIR`` when set, else ``.stack/tessdata``
in the repository (git-ignored). ``scripts/fetch_models`` calls ``ensure_model``.
"""

from __future__ import annotations

import gzip
import os
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

from sohoa.errors import DependencyUnavailable

MODELS = ("fast", "best")
NPM_PACKAGE = "@tesseract.js-data/vie"
NPM_MEMBER = "package/4.0.0_best_int/vie.traineddata.gz"


def system_tessdata() -> Path | None:
    """Directory holding Debian's models (the one ``tesseract --list-langs`` reports)."""
    # Tesseract's own variable, not a sohoa setting.
    prefix = os.environ.get("TESSDATA_PREFIX")
    if prefix and (Path(prefix) / "vie.traineddata").is_file():
        return Path(prefix)
    try:
        out = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    first = (out.stdout or out.stderr).splitlines()[:1]
    if first and '"' in first[0]:
        path = Path(first[0].split('"')[1])
        if path.is_dir():
            return path
    for guess in ("/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata"):
        if Path(guess).is_dir():
            return Path(guess)
    return None


def default_cache_dir() -> Path:
    from sohoa.config import repo_root

    return repo_root() / ".stack" / "tessdata"


def best_dir(cache_dir: Path | None = None) -> Path:
    return (cache_dir or default_cache_dir()) / "best"


def fetch_best(cache_dir: Path | None = None, timeout: float = 600) -> Path:
    """Download and unpack the tessdata_best-derived ``vie`` model; return its tessdata dir.

    Idempotent: a complete directory is returned as is. Writes go to a
    temporary directory first and are renamed into place, so an interrupted
    fetch never leaves a half-written model behind.
    """
    target = best_dir(cache_dir)
    if all((target / name).exists() for name in ("vie.traineddata", "osd.traineddata", "pdf.ttf", "configs")):
        return target
    system = system_tessdata()
    if system is None:
        raise DependencyUnavailable("tesseract's system tessdata directory was not found")
    if shutil.which("npm") is None:
        raise DependencyUnavailable("npm is needed to fetch the 'best' Vietnamese model")
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent) as tmp:
        tmpdir = Path(tmp)
        try:
            subprocess.run(["npm", "pack", NPM_PACKAGE, "--silent"], cwd=tmpdir, check=True,
                           capture_output=True, timeout=timeout)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
            raise DependencyUnavailable(f"npm pack {NPM_PACKAGE} failed: {exc}") from exc
        tarballs = list(tmpdir.glob("*.tgz"))
        if not tarballs:
            raise DependencyUnavailable(f"npm pack {NPM_PACKAGE} produced no tarball")
        out = tmpdir / "best"
        out.mkdir()
        with tarfile.open(tarballs[0]) as tar:
            member = tar.extractfile(NPM_MEMBER)
            if member is None:
                raise DependencyUnavailable(f"{NPM_MEMBER} missing from {tarballs[0].name}")
            with gzip.GzipFile(fileobj=member) as gz, open(out / "vie.traineddata", "wb") as fh:
                shutil.copyfileobj(gz, fh)
        # Tesseract looks up OSD, the PDF renderer's glyph-less font and its
        # output configs (hocr, pdf) in the same directory as the model.
        for name in ("osd.traineddata", "eng.traineddata", "pdf.ttf"):
            if (system / name).is_file():
                shutil.copy2(system / name, out / name)
        for name in ("configs", "tessconfigs"):
            if (system / name).is_dir():
                shutil.copytree(system / name, out / name)
        if target.exists():
            shutil.rmtree(target)
        out.rename(target)
    return target


def tessdata_dir(model: str, cache_dir: Path | None = None, fetch: bool = True) -> str | None:
    """``--tessdata-dir`` for ``model``; ``None`` means Tesseract's built-in default."""
    if model == "fast":
        return None
    if model == "best":
        target = best_dir(cache_dir)
        if (target / "vie.traineddata").is_file():
            return str(target)
        if not fetch:
            raise DependencyUnavailable("the 'best' model is not fetched (run scripts/fetch_models)")
        return str(fetch_best(cache_dir))
    # A path to a tessdata directory of one's own.
    if Path(model).is_dir():
        return str(Path(model))
    raise ValueError(f"unknown OCR model {model!r}: expected one of {MODELS} or a tessdata directory")
