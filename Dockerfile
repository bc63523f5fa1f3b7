# Image for the sohoa watcher, workers and (later) API; see docker-compose.yml.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# Tesseract with Vietnamese data ("vie") and orientation/script detection
# ("osd", used to rotate sideways scans), and poppler to rasterize PDFs.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        tesseract-ocr tesseract-ocr-vie tesseract-ocr-osd poppler-utils \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app

# Install the dependencies from pyproject.toml first, in their own layer, so
# editing the code does not re-download OpenCV, numpy and friends.
COPY pyproject.toml ./
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" \
        >/tmp/requirements.txt \
    && pip install -r /tmp/requirements.txt \
    && rm /tmp/requirements.txt

# Only the packages, so a local .venv or .stack never ends up in the image.
# README.m[d] is a pattern so the build does not fail while it is absent.
COPY README.m[d] ./
COPY sohoa ./sohoa
COPY ingest ./ingest
COPY ocr ./ocr
COPY schemas ./schemas
COPY indexers ./indexers
RUN pip install --no-deps . && rm -rf build ./*.egg-info

# OCR reads untrusted scans: run unprivileged.
RUN useradd --system --uid 10001 --user-group --no-create-home --shell /usr/sbin/nologin sohoa
USER sohoa

ENTRYPOINT ["sohoa"]
CMD ["--help"]
