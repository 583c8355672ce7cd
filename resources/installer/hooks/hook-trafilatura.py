"""PyInstaller hook for trafilatura: it reads ``settings.cfg`` at import time (and the TEI DTD)."""
from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("trafilatura")
