"""PyInstaller hook for tld (used by courlan/trafilatura): the public-suffix list in ``tld/res``."""
from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("tld", excludes=["tests/**"])
