#!/usr/bin/env bash
# Launch benchmark: JVM start to the main window shown with its first frame rendered, under Xvfb with
# JavaFX's software renderer (the slowest path, the one a VM without a GPU takes). Target: <= 2 s.
#
#   mvn -B -q -DskipTests package          # builds app/target/gradviz.jar
#   app/src/test/bench/launch.sh [RUNS]    # default 10 runs; prints each time, then median, min, max
#
# Each run starts a fresh JVM with -Dgradviz.launchProbe=true: the app prints
# "gradviz-launch-ms=N start-ms=S shown-ms=W" (S: Application.start reached, W: window shown) once the
# first frame is rendered, and quits. Needs xvfb-run (Debian: apt-get install -y xvfb libgtk-3-0 libxtst6).
set -euo pipefail
cd "$(dirname "$0")/../../../.."
runs=${1:-10}
jar=app/target/gradviz.jar
[[ -f $jar ]] || { echo "no $jar: run 'mvn -B -q -DskipTests package' first" >&2; exit 2; }
# a throw-away autosave folder and preferences, so the runs neither see nor leave user state
state=$(mktemp -d)
trap 'rm -rf "$state"' EXIT
times=()
for ((i = 1; i <= runs; i++)); do
    line=$(xvfb-run -a -s '-screen 0 1920x1080x24' \
        java -Dprism.order=sw -Dgradviz.launchProbe=true -Dgradviz.autosaveDir="$state/autosave" \
             -Djava.util.prefs.userRoot="$state/prefs" -jar "$jar" 2>&1 | grep -m1 '^gradviz-launch-ms=' || true)
    [[ -n $line ]] || { echo "run $i: no probe line (did the window open?)" >&2; exit 1; }
    echo "run $i: $line"
    times+=("$(sed -E 's/^gradviz-launch-ms=([0-9]+).*/\1/' <<<"$line")")
done
printf '%s\n' "${times[@]}" | sort -n | awk '
    { t[NR] = $1 }
    END {
        median = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
        printf "launch to first frame over %d runs: median %d ms, min %d ms, max %d ms (target <= 2000 ms)\n",
            NR, median, t[1], t[NR]
    }'
