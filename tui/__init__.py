"""iranpak-reader: a terminal reader and annotator for news on Iran–Pakistan relations."""

__version__ = "0.1.0"
