"""What OCR produces for one page, as plain data.

These classes are the contract between ``ocr/`` (image in, text and boxes out)
and everything after it: field extraction reads ``lines`` and ``words``, the
indexer reads ``text`` and ``mean_confidence``. They serialise to JSON with
``to_dict``/``from_dict`` so workers can hand them over through the bucket.

Coordinates are pixels of the page image OCR saw, after the pipeline turned
it upright (``rotation``), straightened it (``skew``) and resized it
(``scale``): ``bbox`` is ``(x0, y0, x1, y1)``, top-left origin, in a
``width`` x ``height`` image. ``source_width`` x ``source_height`` is the page
image before preprocessing; ``ocr.output.to_source`` maps a box back onto it.
Confidences are 0..1.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

BBox = tuple[int, int, int, int]


@dataclass
class Word:
    text: str
    confidence: float
    bbox: BBox
    recovered: bool = False  # read on its own by the second look at uncovered ink (ocr/recover.py)


@dataclass
class Line:
    words: list[Word]
    bbox: BBox
    block: int = 0  # Tesseract block number: lines of one block belong together

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def confidence(self) -> float:
        return sum(w.confidence for w in self.words) / len(self.words) if self.words else 0.0


@dataclass
class PageText:
    page: int  # 1-based page number within the document
    width: int
    height: int
    lines: list[Line] = field(default_factory=list)
    dpi: int | None = None
    rotation: int = 0  # degrees clockwise the page was turned to read it upright
    skew: float = 0.0  # degrees the page was straightened by
    flags: list[str] = field(default_factory=list)
    engine: str = "tesseract"
    seconds: float = 0.0
    # Added with preprocessing; all optional so older JSON still loads.
    scale: float = 1.0  # factor the (turned, straightened) page was resized by before OCR
    source_width: int | None = None
    source_height: int | None = None
    model: str = ""  # Tesseract model: fast, best or a tessdata path
    rotation_confidence: float = 0.0  # Tesseract OSD orientation confidence (0 when OSD was not asked)
    orientation_method: str = ""  # "profile" (ink around text lines), "osd" (Tesseract), "" (not checked)
    preprocess_seconds: float = 0.0
    # Preprocessing steps (or parts) the page was found not to need, each with why (ocr/steps.py: Page.skip).
    skipped: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """Text in reading order, one line per line, blocks separated by a blank line."""
        out: list[str] = []
        prev_block = None
        for line in self.lines:
            if prev_block is not None and line.block != prev_block:
                out.append("")
            out.append(line.text)
            prev_block = line.block
        return "\n".join(out)

    @property
    def words(self) -> list[Word]:
        return [w for line in self.lines for w in line.words]

    @property
    def mean_confidence(self) -> float:
        words = self.words
        return sum(w.confidence for w in words) / len(words) if words else 0.0

    def to_dict(self) -> dict:
        d = asdict(self)
        for line in d["lines"]:
            for w in line["words"]:
                if not w["recovered"]:
                    del w["recovered"]  # only the few recovered words say so; older readers see the same JSON
        d["text"] = self.text
        d["mean_confidence"] = round(self.mean_confidence, 4)
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "PageText":
        lines = [
            Line(
                words=[Word(w["text"], w["confidence"], tuple(w["bbox"]), w.get("recovered", False)) for w in ln["words"]],
                bbox=tuple(ln["bbox"]),
                block=ln.get("block", 0),
            )
            for ln in d.get("lines", [])
        ]
        return cls(
            page=d["page"],
            width=d["width"],
            height=d["height"],
            lines=lines,
            dpi=d.get("dpi"),
            rotation=d.get("rotation", 0),
            skew=d.get("skew", 0.0),
            flags=list(d.get("flags", [])),
            engine=d.get("engine", "tesseract"),
            seconds=d.get("seconds", 0.0),
            scale=d.get("scale", 1.0),
            source_width=d.get("source_width"),
            source_height=d.get("source_height"),
            model=d.get("model", ""),
            rotation_confidence=d.get("rotation_confidence", 0.0),
            orientation_method=d.get("orientation_method", ""),
            preprocess_seconds=d.get("preprocess_seconds", 0.0),
            skipped=dict(d.get("skipped", {})),
        )
