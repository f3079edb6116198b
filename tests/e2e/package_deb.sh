#!/usr/bin/env bash
# The .deb: CPack builds it from this build, it lists the files a clinic's
# Pi needs where Debian 12 looks for them, depends on the runtime packages,
# marks the configuration as a conffile, and installs into a scratch root
# with dpkg (chrootless: the maintainer scripts see $DPKG_ROOT and leave the
# real system alone).
set -euo pipefail
. "$(dirname "$0")/../fixtures/lib.sh"

for tool in cpack dpkg-deb dpkg dpkg-shlibdeps; do
    command -v "$tool" >/dev/null ||
        { echo "SKIP: $tool is not installed (apt-get install dpkg-dev cmake)"; exit 77; }
done
: "${UNKNOT_BUILD:?run this through ctest}"

cpack --config "$UNKNOT_BUILD/CPackConfig.cmake" -B "$WORK/pkg" >"$WORK/cpack.log" 2>&1 ||
    fail "cpack: $(tail -20 "$WORK/cpack.log")"
deb=$(ls "$WORK"/pkg/unknot_*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || fail "no unknot_*.deb in $(ls "$WORK/pkg")"
echo "built $(basename "$deb")"

expected=(
    ./usr/bin/unknot
    ./usr/share/unknot/lang/en.json
    ./usr/share/unknot/motions.json
    ./usr/share/unknot/routines/10-neck-shoulders.json
    ./usr/lib/systemd/system/unknot.service
    ./usr/lib/udev/rules.d/70-unknot-backlight.rules
    ./etc/unknot/unknot.conf
    ./usr/share/doc/unknot/examples/unknot.conf
    ./usr/share/doc/unknot/README.md
    ./usr/share/doc/unknot/docs/deploy-raspberry-pi.md
)
dpkg-deb -c "$deb" | awk '{print $6}' >"$WORK/contents"
for file in "${expected[@]}"; do
    grep -qx -- "$file" "$WORK/contents" || fail "$file is not in the package"
done

depends=$(dpkg-deb -f "$deb" Depends)
for package in libsdl2-2.0-0 libsdl2-ttf-2.0-0 libsqlite3-0 libcjson1 libinih1 libsystemd0 \
    fonts-dejavu-core; do
    grep -q "\b$package\b" <<<"$depends" || fail "Depends lacks $package: $depends"
done
dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./conffiles | grep -qx /etc/unknot/unknot.conf ||
    fail "/etc/unknot/unknot.conf is not a conffile"
for script in postinst prerm postrm; do
    dpkg-deb --ctrl-tarfile "$deb" | tar -xO "./$script" >"$WORK/$script" ||
        fail "no $script in the package"
    sh -n "$WORK/$script" || fail "$script is not valid sh"
done
grep -q "useradd --system" "$WORK/postinst" || fail "postinst does not create the user"
grep -q "deb-systemd-helper" "$WORK/postinst" || fail "postinst does not register the unit"

# Install into a scratch root.
root="$WORK/root"
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates" "$root/var/lib/dpkg/triggers"
touch "$root/var/lib/dpkg/status"
dpkg --root="$root" --force-not-root --force-script-chrootless --force-depends \
    --log=/dev/null -i "$deb" >"$WORK/dpkg.log" 2>&1 || fail "dpkg -i: $(cat "$WORK/dpkg.log")"
dpkg --root="$root" -L unknot >"$WORK/installed"
for file in "${expected[@]}"; do
    path=${file#.}
    grep -qx -- "$path" "$WORK/installed" || fail "dpkg -L does not list $path"
    [ -e "$root$path" ] || fail "$path was not installed"
done
"$root/usr/bin/unknot" --version | grep -q '^unknot ' || fail "the installed binary does not run"
UNKNOT_CONFIG="$root/etc/unknot/unknot.conf" "$root/usr/bin/unknot" --check-config \
    >"$WORK/check" 2>&1 || fail "the installed configuration has problems: $(cat "$WORK/check")"
pass
