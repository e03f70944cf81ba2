#!/usr/bin/env bash
# The batch-1024 step as users get it: engine/src/test/bench/batch_steps.py run by the launcher (`gradviz run`, the
# README's way) and by python + torch 1.13, each at SHORT and LONG steps, ROUNDS times alternating. One step's cost,
# start-up and warm-up left out, is (time(LONG) - time(SHORT)) / (LONG - SHORT); it includes everything a step costs
# in a running program (the interpreter, the collector, the machine's slow moments). Prints each round, the medians,
# the ratio, and each side's peak RSS at LONG steps.
#
#   mvn -B -q -DskipTests package                          # builds app/target/gradviz
#   engine/src/test/bench/run_step_benchmark.sh [ROUNDS] [SHORT] [LONG]    # default 3 20000 100000
#
# An untimed first run lets the launcher write its class-data archive, which makes that run's exit slower.
# Needs /usr/bin/python3 with torch (Debian: apt-get install -y python3-torch) and GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/../../../.."
rounds=${1:-3}
short=${2:-20000}
long=${3:-100000}
gradviz=app/target/gradviz
[[ -x $gradviz ]] || { echo "no $gradviz: run 'mvn -B -q -DskipTests package' first" >&2; exit 2; }
# the program with each step count written in
programs=$(mktemp -d)
trap 'rm -rf "$programs"' EXIT
for n in "$short" "$long"; do
    sed "s/^steps = 20000$/steps = $n/" engine/src/test/bench/batch_steps.py > "$programs/steps_$n.py"
done

run_once() { # WHO STEPS
    local out
    if [[ $1 == gradviz ]]; then
        out=$(/usr/bin/time -f '%e %M' "$gradviz" run "$programs/steps_$2.py" 2>&1 > /dev/null | tail -1)
    else
        out=$(/usr/bin/time -f '%e %M' /usr/bin/python3 "$programs/steps_$2.py" 2>&1 > /dev/null | tail -1)
    fi
    echo "$out"
}

per_step() { # T_SHORT T_LONG -> microseconds per step
    awk -v a="$1" -v b="$2" -v s="$short" -v l="$long" 'BEGIN { printf "%.1f", (b - a) / (l - s) * 1e6 }'
}

# one untimed run first: the launcher's first run of a kind writes its class-data archive as it exits (see README)
"$gradviz" run "$programs/steps_$short.py" > /dev/null

g_steps=()
t_steps=()
for round in $(seq "$rounds"); do
    read -r gs _ <<< "$(run_once gradviz "$short")"
    read -r gl gkb <<< "$(run_once gradviz "$long")"
    read -r ts _ <<< "$(run_once torch "$short")"
    read -r tl tkb <<< "$(run_once torch "$long")"
    g=$(per_step "$gs" "$gl")
    t=$(per_step "$ts" "$tl")
    g_steps+=("$g")
    t_steps+=("$t")
    echo "round $round: gradviz ${gs} s / ${gl} s -> $g us per step (peak ${gkb} KB); torch ${ts} s / ${tl} s -> $t us per step (peak ${tkb} KB); ratio $(awk -v g="$g" -v t="$t" 'BEGIN { printf "%.1f", t / g }')x"
done
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
gm=$(median "${g_steps[@]}")
tm=$(median "${t_steps[@]}")
echo "median: gradviz $gm us per step, torch $tm us per step, ratio $(awk -v g="$gm" -v t="$tm" 'BEGIN { printf "%.1f", t / g }')x"
