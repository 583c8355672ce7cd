"""Run-time hook of the Bonmun bundle: give Qt and child processes a UTF-8 locale.

Rule: when no locale is set (``env -i``, some cron/systemd/launcher contexts) or it is plain
C/POSIX, set ``LC_CTYPE=C.UTF-8`` before anything starts. Python already runs in UTF-8 mode (see
bonmun.spec); this stops Qt's "Detected locale C" warning and keeps file names in QProcess
arguments UTF-8. A real user locale (ko_KR.UTF-8...) and an explicit ``LC_ALL`` are never touched.
"""
import os

if not os.environ.get("LC_ALL") and (os.environ.get("LC_CTYPE") or os.environ.get("LANG") or "C") in ("C", "POSIX"):
    os.environ["LC_CTYPE"] = "C.UTF-8"
