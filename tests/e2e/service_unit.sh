#!/usr/bin/env bash
# The unit file as systemd reads it: no unknown keys or bad values
# (`systemd-analyze verify`), and hardened to an exposure score of 1.5 or
# lower (`systemd-analyze security --offline`, systemd 250 and later). Both
# work as root without a running systemd, as in CI.
set -euo pipefail
. "$(dirname "$0")/../fixtures/lib.sh"

command -v systemd-analyze >/dev/null ||
    { echo "SKIP: systemd-analyze is not installed (apt-get install systemd)"; exit 77; }
version=$(systemd-analyze --version | sed -n 's/^systemd \([0-9]*\).*/\1/p')
[ "${version:-0}" -ge 250 ] || { echo "SKIP: systemd $version has no --offline"; exit 77; }
UNIT="$UNKNOT_TESTS/../systemd/unknot.service"

# verify needs ExecStart's binary to exist: check a copy that runs the one just built.
mkdir -p "$WORK/units"
sed "s|^ExecStart=/usr/bin/unknot|ExecStart=$UNKNOT_BIN|" "$UNIT" >"$WORK/units/unknot.service"
grep -q "^ExecStart=$UNKNOT_BIN --fullscreen" "$WORK/units/unknot.service" ||
    fail "the unit's ExecStart is not /usr/bin/unknot --fullscreen"
if ! systemd-analyze verify "$WORK/units/unknot.service" >"$WORK/verify" 2>&1 ||
    [ -s "$WORK/verify" ]; then
    fail "systemd-analyze verify: $(cat "$WORK/verify")"
fi

# The score, and the threshold enforced by systemd-analyze itself (15 = 1.5).
systemd-analyze security --offline=true --threshold=15 "$UNIT" >"$WORK/security" 2>&1 ||
    fail "exposure above 1.5: $(tail -1 "$WORK/security") $(grep '✗' "$WORK/security")"
score=$(sed -n 's/.*Overall exposure level for unknot.service: \([0-9.]*\).*/\1/p' "$WORK/security")
echo "exposure score: $score"
awk -v s="$score" 'BEGIN { exit !(s != "" && s <= 1.5) }' || fail "exposure score '$score'"

# The directives the kiosk depends on are there.
for directive in Type=notify WatchdogSec= Restart=always StartLimitBurst= StateDirectory=unknot \
    User=unknot "CapabilityBoundingSet=$" PrivateNetwork=yes SystemCallFilter=@system-service \
    RestrictAddressFamilies= ProtectSystem=strict DevicePolicy=closed; do
    grep -q "^$directive" "$UNIT" || fail "the unit has no $directive"
done
pass
