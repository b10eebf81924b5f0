# Sourced by the tools scripts: make sure `uv` is on PATH (installs it from PyPI if missing).
if ! command -v uv >/dev/null 2>&1; then
    echo "uv not found; installing it from PyPI"
    python3 -m pip install --disable-pip-version-check -q uv \
        || python3 -m pip install --disable-pip-version-check -q --break-system-packages uv
    # pip's scripts dir (and the user scripts dir) may not be on PATH (e.g. pyenv shims).
    for dir in "$(python3 -c 'import sysconfig; print(sysconfig.get_path("scripts"))')" \
               "$(python3 -m site --user-base)/bin"; do
        case ":$PATH:" in *":$dir:"*) ;; *) PATH="$dir:$PATH" ;; esac
    done
    export PATH
    hash -r
fi
