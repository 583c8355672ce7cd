"""PyInstaller hook for jusText (only active when the app imports it): its stoplists are data files
read by ``justext.get_stoplist``."""
from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("justext")
