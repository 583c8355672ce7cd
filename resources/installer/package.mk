# Packaging targets, included by the top-level Makefile (which defines VENV, PY and
# $(VENV)/.installed). See resources/installer/README.md.
#
#   make package                      bundle (dist/bonmun/) + dist/bonmun_<version>_<arch>.deb
#   make package DEB_COMPRESS=zstd DEB_LEVEL=3   fast build (seconds), .deb ~17% larger
#   make package-deb                  repackage the existing dist/bonmun/ (no PyInstaller run)
#   make icons                        re-render resources/icons/*.png/.ico from bonmun.svg

DEB_COMPRESS ?= xz
DEB_LEVEL ?=
PACKAGE_SCRIPT := resources/installer/build_deb.sh
PACKAGE_ARGS = --python $(PY) --compress $(DEB_COMPRESS) $(if $(DEB_LEVEL),--level $(DEB_LEVEL))

.PHONY: package package-deb icons

$(VENV)/.package-installed: $(VENV)/.installed pyproject.toml
	$(PY) -m pip install --quiet -e '.[test,package]'
	touch $@

package: $(VENV)/.package-installed
	sh $(PACKAGE_SCRIPT) $(PACKAGE_ARGS)

package-deb: $(VENV)/.package-installed
	sh $(PACKAGE_SCRIPT) $(PACKAGE_ARGS) --skip-bundle

icons:
	sh resources/installer/render_icons.sh
