#!/bin/sh
# Build Bonmun's one-folder bundle (PyInstaller) and dist/bonmun_<version>_<arch>.deb.
#
# Usage: resources/installer/build_deb.sh [--python PY] [--compress zstd|xz|gzip|none]
#                                         [--level N] [--skip-bundle]
#   --python       interpreter of the venv holding bonmun + pyinstaller (default .venv/bin/python)
#   --compress     dpkg-deb compressor (default xz: see README.md for the measured trade-off)
#   --level        compression level (default: zstd 19, xz 6, gzip 9)
#   --skip-bundle  reuse dist/bonmun/ (only repackage)
#
# Layout of the package: /opt/bonmun/ (the bundle), /usr/bin/bonmun -> /opt/bonmun/bonmun,
# /usr/share/applications/bonmun.desktop, /usr/share/icons/hicolor/*/apps/bonmun.{png,svg},
# /usr/share/doc/bonmun/copyright. No maintainer scripts: Debian's desktop-file-utils and
# hicolor-icon-theme refresh their caches through dpkg file triggers.
set -eu

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$ROOT/resources/installer"
PY="$ROOT/.venv/bin/python"
COMPRESS=xz
LEVEL=""
SKIP_BUNDLE=0
while [ $# -gt 0 ]; do
    case "$1" in
        --python) PY=$2; shift 2 ;;
        --compress) COMPRESS=$2; shift 2 ;;
        --level) LEVEL=$2; shift 2 ;;
        --skip-bundle) SKIP_BUNDLE=1; shift ;;
        *) echo "build_deb.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
case "$COMPRESS" in
    zstd) LEVEL=${LEVEL:-19} ;;
    xz) LEVEL=${LEVEL:-6} ;;
    gzip) LEVEL=${LEVEL:-9} ;;
    none) LEVEL=0 ;;
    *) echo "build_deb.sh: unknown compressor $COMPRESS" >&2; exit 2 ;;
esac

cd "$ROOT"
VERSION=$("$PY" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
ARCH=$(dpkg --print-architecture)
DEB="dist/bonmun_${VERSION}_${ARCH}.deb"
BUNDLE=dist/bonmun
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# 1. the bundle -------------------------------------------------------------------------------
if [ "$SKIP_BUNDLE" = 0 ]; then
    t0=$(now)
    "$PY" -m PyInstaller --noconfirm --log-level WARN \
        --distpath dist --workpath build/pyinstaller "$HERE/bonmun.spec"
    echo "build_deb.sh: bundle built in $(elapsed "$t0") s"
fi
[ -x "$BUNDLE/bonmun" ] || { echo "build_deb.sh: $BUNDLE/bonmun missing" >&2; exit 1; }
got=$(env -i PATH=/usr/bin:/bin HOME=/tmp "$BUNDLE/bonmun" --version)
[ "$got" = "bonmun $VERSION" ] || { echo "build_deb.sh: bundle says '$got', expected 'bonmun $VERSION'" >&2; exit 1; }

# 2. dependencies -------------------------------------------------------------------------------
# Libraries Qt's xcb/wayland platforms, fonts and D-Bus take from the host (bundle_rules.py drops
# them from the bundle). check_deps.py fails the build when a bundled file needs a package that is
# not listed here.
GLIBC=$("$PY" "$HERE/check_deps.py" --glibc "$BUNDLE")
LIBSTDCXX=$("$PY" "$HERE/check_deps.py" --libstdcxx "$BUNDLE")
DEPENDS="libc6 (>= $GLIBC), $LIBSTDCXX, libgcc-s1, zlib1g, libglib2.0-0, libdbus-1-3,
 libfontconfig1, libfreetype6,
 libx11-6, libx11-xcb1, libxcb1, libxcb-cursor0, libxcb-icccm4, libxcb-image0, libxcb-keysyms1,
 libxcb-randr0, libxcb-render-util0, libxcb-render0, libxcb-shape0, libxcb-shm0, libxcb-sync1,
 libxcb-xfixes0, libxcb-xkb1, libxcb-util1, libxcb-glx0, libxkbcommon0, libxkbcommon-x11-0,
 libegl1, libgl1, libwayland-client0, libwayland-cursor0, libwayland-egl1"
DEPENDS=$(printf '%s' "$DEPENDS" | tr -s ' \n' ' ')
RECOMMENDS="libgtk-3-0, xdg-desktop-portal"
"$PY" "$HERE/check_deps.py" "$BUNDLE" --depends "$DEPENDS"

# 3. the package tree ---------------------------------------------------------------------------
STAGE=build/deb/root
rm -rf build/deb
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
    "$STAGE/usr/share/doc/bonmun"
cp -a "$BUNDLE" "$STAGE/opt/bonmun"
ln -s /opt/bonmun/bonmun "$STAGE/usr/bin/bonmun"
install -m 644 "$HERE/bonmun.desktop" "$STAGE/usr/share/applications/bonmun.desktop"
for png in resources/icons/bonmun-*.png; do
    size=$(basename "$png" .png | sed 's/^bonmun-//')
    install -D -m 644 "$png" "$STAGE/usr/share/icons/hicolor/${size}x${size}/apps/bonmun.png"
done
install -D -m 644 resources/icons/bonmun.svg "$STAGE/usr/share/icons/hicolor/scalable/apps/bonmun.svg"
{
    echo "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"
    echo "Upstream-Name: bonmun"
    echo
    echo "Files: *"
    echo "License: MIT"
    echo
    echo "Files: opt/bonmun/_internal/resources/fonts/*"
    echo "License: OFL-1.1 (full text in /opt/bonmun/_internal/resources/fonts/)"
    echo
    echo "Files: opt/bonmun/_internal/PySide6/*"
    echo "License: LGPL-3.0 (Qt for Python, Qt)"
    echo
    echo "Files: opt/bonmun/_internal/kiwipiepy*/*"
    echo "License: LGPL-3.0 (kiwipiepy and its model)"
} > "$STAGE/usr/share/doc/bonmun/copyright"
# Files owned by root, readable by all; executables keep their x bit.
chmod -R u+rwX,go+rX,go-w "$STAGE"

SIZE_KB=$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)
cat > "$STAGE/DEBIAN/control" <<EOF
Package: bonmun
Version: $VERSION
Section: text
Priority: optional
Architecture: $ARCH
Maintainer: ${BONMUN_MAINTAINER:-Bonmun developers <bonmun-dev@example.org>}
Installed-Size: $SIZE_KB
Depends: $DEPENDS
Recommends: $RECOMMENDS
Description: read, clean, highlight and code Korean news articles
 Bonmun (본문) imports Korean news articles (HTML or text copied from
 Naver, Daum and outlet sites), strips web boilerplate, keeps the body and
 its metadata, and lets analysts highlight passages, tag them from a
 hierarchical codebook, search Korean properly (morpheme-aware) and export
 their coding (CSV, XLSX, QDPX).
 .
 This package ships a self-contained build (Python, Qt and the Kiwi Korean
 analyser) in /opt/bonmun.
EOF

# 4. the .deb -----------------------------------------------------------------------------------
t0=$(now)
rm -f "$DEB"
dpkg-deb --root-owner-group -Z"$COMPRESS" -z"$LEVEL" --build "$STAGE" "$DEB" >/dev/null
echo "build_deb.sh: $DEB ($COMPRESS -$LEVEL) in $(elapsed "$t0") s:" \
    "$(du -h "$DEB" | cut -f1), bundle $(du -sh "$BUNDLE" | cut -f1)"
