#!/bin/sh
# Install this Hushnote folder for the current user, or remove what an install added.
#
#   ./install-user.sh              ~/.local/bin/hushnote -> this folder's hushnote, plus the
#                                  launcher entry and icon under ${XDG_DATA_HOME:-~/.local/share}
#   ./install-user.sh --uninstall  remove exactly those three again
#
# Nothing else is touched: not the vault (${XDG_DATA_HOME:-~/.local/share}/hushnote, or
# $HUSHNOTE_HOME), not settings. Removing the vault is `hushnote wipe`, never this script.
set -eu

APP_ID=org.hushnote.Hushnote
here=$(cd "$(dirname "$0")" && pwd -P)
binary="$here/hushnote"
data_home=${XDG_DATA_HOME:-"$HOME/.local/share"}
bin_dir="$HOME/.local/bin"
link="$bin_dir/hushnote"
apps_dir="$data_home/applications"
entry="$apps_dir/$APP_ID.desktop"
icon_dir="$data_home/icons/hicolor/scalable/apps"
icon="$icon_dir/$APP_ID.svg"
shipped_entry="$here/share/applications/$APP_ID.desktop"
shipped_icon="$here/share/icons/hicolor/scalable/apps/$APP_ID.svg"

say() { printf '%s\n' "$*"; }
fail() { printf 'install-user.sh: %s\n' "$*" >&2; exit 1; }

# Whether $1 is a launcher entry this folder wrote (camouflaged or not): its TryExec names
# this folder's binary.
ours() {
    [ -f "$1" ] && grep -qxF "TryExec=$binary" "$1"
}

refresh_menus() {
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$apps_dir" 2>/dev/null || :
    fi
    # Icon caches notice a changed folder time; there is no user-level cache to rebuild.
    [ -d "$data_home/icons/hicolor" ] && touch "$data_home/icons/hicolor"
    return 0
}

install_entry() {
    case $binary in
        *[\"\`\$\\%]* | *"
"*) fail "move this folder to a path without quotes, \$, %, \\ or line breaks: $here" ;;
    esac
    # For sed's replacement text: & and the | delimiter are special there.
    sed_binary=$(printf '%s\n' "$binary" | sed -e 's/[&|]/\\&/g')
    mkdir -p "$apps_dir"
    tmp="$entry.tmp.$$"
    if [ -f "$entry" ] && grep -q '^X-Camouflage-Origin=' "$entry"; then
        # Camouflage gave the entry a neutral name and icon: keep them, only point it here.
        sed -e '/^TryExec=/d' \
            -e "s|^Exec=.*|Exec=\"$sed_binary\"\\
TryExec=$sed_binary|" "$entry" >"$tmp"
    else
        sed -e "s|^Exec=hushnote\$|Exec=\"$sed_binary\"\\
TryExec=$sed_binary|" "$shipped_entry" >"$tmp"
    fi
    if ! grep -qxF "TryExec=$binary" "$tmp"; then
        rm -f "$tmp"
        fail "cannot rewrite the Exec line of $shipped_entry"
    fi
    chmod 644 "$tmp"
    mv -f "$tmp" "$entry"
}

install() {
    [ -x "$binary" ] || fail "no hushnote executable beside this script ($binary)"
    for shipped in "$shipped_entry" "$shipped_icon"; do
        [ -f "$shipped" ] || fail "missing $shipped"
    done
    if [ -e "$link" ] || [ -L "$link" ]; then
        [ -L "$link" ] || fail "$link exists and is not a link: move it away first"
    fi
    mkdir -p "$bin_dir"
    ln -sfn "$binary" "$link"
    install_entry
    mkdir -p "$icon_dir"
    cp "$shipped_icon" "$icon.tmp.$$"
    chmod 644 "$icon.tmp.$$"
    mv -f "$icon.tmp.$$" "$icon"
    refresh_menus
    say "Installed: $link -> $binary"
    say "           $entry"
    say "           $icon"
    case ":${PATH:-}:" in
        *":$bin_dir:"*) ;;
        *) say "Add $bin_dir to PATH to run 'hushnote' from a terminal." ;;
    esac
}

uninstall() {
    removed=0
    if [ -L "$link" ] && [ "$(readlink "$link")" = "$binary" ]; then
        rm -f "$link" && removed=$((removed + 1)) && say "Removed $link"
    elif [ -e "$link" ] || [ -L "$link" ]; then
        say "Left $link: it does not point to this folder"
    fi
    if ours "$entry"; then
        rm -f "$entry" && removed=$((removed + 1)) && say "Removed $entry"
    elif [ -e "$entry" ]; then
        say "Left $entry: it does not start this folder's hushnote"
    fi
    if [ -f "$icon" ] && cmp -s "$icon" "$shipped_icon"; then
        rm -f "$icon" && removed=$((removed + 1)) && say "Removed $icon"
    fi
    refresh_menus
    [ "$removed" -gt 0 ] || say "Nothing of this folder's install was found."
    say "The vault was not touched."
}

case ${1:-} in
    "") install ;;
    --uninstall) uninstall ;;
    -h | --help) sed -n '2,9s/^# \{0,1\}//p' "$0" ;;
    *) fail "unknown option '$1' (use --uninstall or --help)" ;;
esac
