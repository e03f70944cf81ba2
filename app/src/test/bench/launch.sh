#!/usr/bin/env bash
# Launch benchmark: the launcher app/target/gradviz (as users start gradviz) to the main window shown with its first
# frame rendered, under Xvfb with JavaFX's software renderer (the slowest path, the one a VM without a GPU takes).
# Target: <= 2 s.
#
#   mvn -B -q -DskipTests package          # builds app/target/gradviz.jar and the launcher app/target/gradviz
#   app/src/test/bench/launch.sh [RUNS]    # default 10 runs; prints each time, then median, min, max
#   app/src/test/bench/launch.sh RUNS --plain   # the same with plain `java -jar app/target/gradviz.jar`
#
# Each run starts a fresh JVM with -Dgradviz.launchProbe=true (through GRADVIZ_JAVA_OPTIONS): the app prints
# "gradviz-launch-ms=N start-ms=S shown-ms=W" (S: Application.start has built the window, just before show(); W: the
# window shown; all from JVM start) once the first frame is rendered, and quits. The launcher's class-data archive goes
# to a throw-away cache folder: one first launch writes it (its time is printed apart, as "first launch"), the RUNS
# timed launches read it, as every launch after a user's first does.
# Needs xvfb-run (Debian: apt-get install -y xvfb libgtk-3-0 libxtst6).
set -euo pipefail
cd "$(dirname "$0")/../../../.."
runs=${1:-10}
mode=${2:-launcher}
jar=app/target/gradviz.jar
launcher=app/target/gradviz
[[ -f $jar && -x $launcher ]] || { echo "no $jar or $launcher: run 'mvn -B -q -DskipTests package' first" >&2; exit 2; }
# a throw-away autosave folder, preferences and class-data cache, so the runs neither see nor leave user state
state=$(mktemp -d)
trap 'rm -rf "$state"' EXIT
options="-Dprism.order=sw -Dgradviz.launchProbe=true -Dgradviz.autosaveDir=$state/autosave -Djava.util.prefs.userRoot=$state/prefs"

launch_once() {
    local command
    if [[ $mode == --plain ]]; then
        # shellcheck disable=SC2086
        command=(java $options -jar "$jar")
    else
        command=(env GRADVIZ_JAVA_OPTIONS="$options" XDG_CACHE_HOME="$state/cache" "$launcher")
    fi
    xvfb-run -a -s '-screen 0 1920x1080x24' "${command[@]}" 2>&1 | grep -m1 '^gradviz-launch-ms=' || true
}

if [[ $mode != --plain ]]; then
    line=$(launch_once)
    [[ -n $line ]] || { echo "first launch: no probe line (did the window open?)" >&2; exit 1; }
    echo "first launch (writes the class-data archive): $line"
fi
times=()
for ((i = 1; i <= runs; i++)); do
    line=$(launch_once)
    [[ -n $line ]] || { echo "run $i: no probe line (did the window open?)" >&2; exit 1; }
    echo "run $i: $line"
    times+=("$(sed -E 's/^gradviz-launch-ms=([0-9]+).*/\1/' <<<"$line")")
done
printf '%s\n' "${times[@]}" | sort -n | awk -v what="${mode#--}" '
    { t[NR] = $1 }
    END {
        median = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
        printf "launch to first frame (%s) over %d runs: median %d ms, min %d ms, max %d ms (target <= 2000 ms)\n",
            what, NR, median, t[1], t[NR]
    }'
echo "load average: $(uptime | sed -E 's/.*load average: //')"
