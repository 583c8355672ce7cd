#!/bin/sh
# Render resources/icons/bonmun.svg to PNGs (16..512) and a Windows .ico.
# Needs Debian's librsvg2-bin (rsvg-convert) and imagemagick (/usr/bin/convert, for the .ico).
# The rendered files are committed (small), so building the package does not need these tools.
set -eu
here=$(cd "$(dirname "$0")/../icons" && pwd)
svg="$here/bonmun.svg"
sizes="16 22 24 32 48 64 128 256 512"
for s in $sizes; do
    rsvg-convert -w "$s" -h "$s" "$svg" -o "$here/bonmun-$s.png"
done
# ICO: the sizes Windows asks for (256 is stored PNG-compressed by ImageMagick).
convert_bin=/usr/bin/convert
[ -x "$convert_bin" ] || convert_bin=$(command -v magick || command -v convert)
"$convert_bin" "$here/bonmun-16.png" "$here/bonmun-24.png" "$here/bonmun-32.png" \
    "$here/bonmun-48.png" "$here/bonmun-64.png" "$here/bonmun-256.png" "$here/bonmun.ico"
echo "icons rendered in $here"
