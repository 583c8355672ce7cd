"""PyInstaller hook for kiwipiepy: its model lives in the separate ``kiwipiepy_model`` package,
which kiwipiepy finds with ``import kiwipiepy_model`` at run time (invisible to the analysis).
Also ships kiwipiepy's own data (``corpus/stopwords.txt`` for ``kiwipiepy.utils.Stopwords``)."""
from PyInstaller.utils.hooks import collect_data_files

hiddenimports = ["kiwipiepy_model"]
datas = collect_data_files("kiwipiepy", excludes=["**/*.md", "**/*.pyi"])
# kiwipiepy.transformers_addon (HuggingFace glue) and knlm are never used by Bonmun; they pull numpy.
excludedimports = ["transformers", "torch"]
