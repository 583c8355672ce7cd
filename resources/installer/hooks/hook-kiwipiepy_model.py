"""PyInstaller hook for kiwipiepy_model: the model files (~100 MB: *.mdl, *.dict, sj.morph...)
sit next to its __init__.py and are found via ``get_model_path()`` (the package folder)."""
from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("kiwipiepy_model")
