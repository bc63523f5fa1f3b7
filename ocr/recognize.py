"""Tesseract moved to ocr/tesseract.py, the one module that calls it; these names stay for older imports."""

from .tesseract import image_file, lines_from_tsv, recognize, tesseract_config

__all__ = ["image_file", "lines_from_tsv", "recognize", "tesseract_config"]
