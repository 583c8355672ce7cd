#!/usr/bin/env python3
"""Check a one-folder bundle against the .deb's ``Depends`` (run by build_deb.sh).

Rules:
- every shared library that a bundled ELF file names directly (``DT_NEEDED``) is either in the
  bundle or owned by a Debian package listed in ``Depends`` (or by an Essential package);
- a library found nowhere is an error, except for the optional Qt plugins (GTK theme, Wayland),
  which Qt simply skips when the host lacks their libraries;
- ``--glibc`` prints the newest ``GLIBC_x.y`` symbol version the bundle needs, for ``libc6 (>= x.y)``.
Exit status 1 lists the missing packages and which bundled file needs them.
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

OPTIONAL = re.compile(r"lib/libQt6WaylandClient|plugins/(platformthemes/|platforms/libqwayland|wayland-|"
                      r"platforminputcontexts/libibus|xcbglintegrations/libqxcb-egl)")
"""Plugins whose libraries may be absent on the host: Qt falls back without them."""
ESSENTIAL = {"libc6", "libgcc-s1", "libstdc++6", "zlib1g", "libzstd1", "liblzma5", "libbz2-1.0",
             "libcrypt1", "libselinux1", "libpcre2-8-0", "libgcrypt20", "libgpg-error0",
             "liblz4-1", "libsystemd0", "libcap2", "libudev1", "libmd0"}
"""Packages every Debian/Ubuntu system has (priority required), never listed in Depends."""
_GLIBC = re.compile(rb"GLIBC_(2\.\d+)")
_GLIBCXX = re.compile(rb"GLIBCXX_3\.4\.(\d+)")
GCC_OF_GLIBCXX = {26: "9", 27: "9.2", 28: "10", 29: "11", 30: "12", 31: "13", 32: "13.2", 33: "14"}
"""GLIBCXX_3.4.N symbol version -> first GCC (= Debian libstdc++6 upstream version) defining it."""


def is_elf(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(4) == b"\x7fELF"
    except OSError:
        return False


def needed(path: Path) -> list[str]:
    """Direct DT_NEEDED entries of an ELF file (via binutils' readelf)."""
    out = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True).stdout
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out)


def system_libraries() -> dict[str, str]:
    """soname -> path for the host's dynamic linker cache (this architecture)."""
    out = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True).stdout
    native: dict[str, str] = {}
    other: dict[str, str] = {}
    for line in out.splitlines()[1:]:
        m = re.match(r"\s*(\S+) \(([^)]*)\) => (\S+)", line)
        if m:  # "(libc6,x86-64)" is native on amd64; a bare "(libc6)" is a 32-bit multilib entry
            (native if "," in m.group(2) else other).setdefault(m.group(1), m.group(3))
    libs = {**other, **native}
    return libs


def owning_packages(paths: set[str]) -> dict[str, str]:
    """path -> Debian package shipping it, in one ``dpkg -S`` call (tries /usr-merged twins)."""
    variants: dict[str, str] = {}
    for path in paths:
        twins = [path, str(Path(path).resolve())]
        for t in list(twins):
            twins.append("/usr" + t if t.startswith("/lib") else t[4:] if t.startswith("/usr/lib") else t)
        for t in twins:
            variants.setdefault(t, path)
    res = subprocess.run(["dpkg", "-S", *sorted(variants)], capture_output=True, text=True)
    owners: dict[str, str] = {}
    for line in res.stdout.splitlines():
        pkgs, _, shipped = line.partition(": ")
        if shipped.strip() in variants:
            owners.setdefault(variants[shipped.strip()], pkgs.split(",")[0].split(":")[0].strip())
    return owners


def depends_packages(depends: str) -> set[str]:
    """Package names in a Depends field (alternatives included, versions dropped)."""
    names: set[str] = set()
    for clause in depends.split(","):
        for alt in clause.split("|"):
            name = alt.strip().split(" ", 1)[0].split("(", 1)[0].split(":", 1)[0]
            if name:
                names.add(name)
    return names


def max_glibc(files: list[Path]) -> str:
    """Newest GLIBC_x.y version referenced by ``files`` (e.g. ``"2.34"``)."""
    best = (2, 0)
    for f in files:
        for m in _GLIBC.finditer(f.read_bytes()):
            major, minor = (int(x) for x in m.group(1).decode().split("."))
            best = max(best, (major, minor))
    return f"{best[0]}.{best[1]}"


def libstdcxx_requirement(files: list[Path]) -> str:
    """``libstdc++6`` with the version the bundle needs (``libstdc++6 (>= 11)``)."""
    newest = max((int(m.group(1)) for f in files for m in _GLIBCXX.finditer(f.read_bytes())), default=0)
    gcc = GCC_OF_GLIBCXX.get(newest)
    if gcc is None and newest > max(GCC_OF_GLIBCXX):
        raise SystemExit(f"check_deps: GLIBCXX_3.4.{newest} is newer than this script knows")
    return f"libstdc++6 (>= {gcc})" if gcc else "libstdc++6"


def check(bundle: Path, depends: str) -> int:
    elves = [p for p in sorted(bundle.rglob("*")) if p.is_file() and not p.is_symlink() and is_elf(p)]
    inside = {p.name for p in bundle.rglob("*")}
    system = system_libraries()
    allowed = depends_packages(depends) | ESSENTIAL
    missing_pkg: dict[str, set[str]] = defaultdict(set)
    not_found: dict[str, set[str]] = defaultdict(set)
    uses: list[tuple[str, str]] = []  # (system library path, bundled file needing it)
    for elf in elves:
        rel = elf.relative_to(bundle).as_posix()
        if OPTIONAL.search(rel):
            continue
        for lib in needed(elf):
            if lib in inside or lib.startswith("ld-linux"):
                continue
            if lib not in system:
                not_found[lib].add(rel)
            else:
                uses.append((system[lib], f"{lib} <- {rel}"))
    owners = owning_packages({path for path, _ in uses})
    for path, why in uses:
        pkg = owners.get(path)
        if pkg is None:
            not_found[path].add(why)
        elif pkg not in allowed:
            missing_pkg[pkg].add(why)
    for lib, users in sorted(not_found.items()):
        print(f"check_deps: {lib} not found on this system (needed by {', '.join(sorted(users)[:3])})")
    for pkg, why in sorted(missing_pkg.items()):
        print(f"check_deps: Depends lacks {pkg}: {'; '.join(sorted(why)[:3])}")
    unused = depends_packages(depends) - set(owners.values()) - ESSENTIAL
    if unused:
        print(f"check_deps: listed but needed only by optional plugins or indirectly: {', '.join(sorted(unused))}")
    ok = not missing_pkg and not not_found
    print(f"check_deps: {len(elves)} ELF files checked: {'OK' if ok else 'FAILED'}")
    return 0 if ok else 1


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("bundle", type=Path)
    ap.add_argument("--depends", default="", help="the Depends field to check against")
    ap.add_argument("--glibc", action="store_true", help="print the newest GLIBC version needed")
    ap.add_argument("--libstdcxx", action="store_true", help="print the libstdc++6 dependency")
    args = ap.parse_args(argv)
    if args.glibc or args.libstdcxx:
        files = [p for p in args.bundle.rglob("*") if p.is_file() and not p.is_symlink() and is_elf(p)]
        print(max_glibc(files) if args.glibc else libstdcxx_requirement(files))
        return 0
    return check(args.bundle, args.depends)


if __name__ == "__main__":
    sys.exit(main())
