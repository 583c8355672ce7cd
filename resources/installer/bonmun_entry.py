"""Entry point of the frozen Bonmun bundle (PyInstaller analyses this file).

Same behaviour as the ``bonmun`` console script: ``app.cli.main`` decides between the command line
and the GUI. ``freeze_support`` lets a frozen child process (multiprocessing, e.g. a Kiwi loader
process) start without re-running the whole app.
"""
import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from app.cli import main

    sys.exit(main())
