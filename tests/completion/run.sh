#!/bin/sh
# The bash, zsh and fish completions offer, for each command, exactly the
# options that command's --help lists, no more and no fewer; the three
# files are what tools/completion/gen.py writes from options.yaml; every
# option of the global --help is in some command's help; every value a
# completion offers for -f, --fail-on, --level, --color and --type is one
# the program accepts; --config completes files.
#   tests/completion/run.sh     (SKILLMATCH_BIN names the program)
SM=${SKILLMATCH_BIN:-matcher/skillmatch}
dir=tools/completion
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }
same() {   # same WHAT WANT-FILE GOT-FILE
    sort -u "$2" >"$2.s"; sort -u "$3" >"$3.s"
    if cmp -s "$2.s" "$3.s"; then ok; else
        bad "$1:"; diff "$2.s" "$3.s" | grep '^[<>]' |
            sed 's/^</  missing:/; s/^>/  extra:  /' | head -10
    fi
}
helpopts() {   # the options in a help text's option column (25 wide)
    cut -c1-25 | grep -E '^ +-' | grep -oE '(^| )--?[A-Za-z][A-Za-z-]*' |
        sed 's/^ //'
}
if python3 $dir/gen.py --check; then ok; else bad "gen.py --check"; fi

commands="check screen lint explain rules"
: >"$tmp/union"
for c in $commands; do
    "$SM" $c --help >"$tmp/help" 2>&1 || bad "$c --help: exit $?"
    head -1 "$tmp/help" | grep -q "^Usage: skillmatch $c" ||
        bad "$c --help is not $c's own help"
    helpopts <"$tmp/help" >"$tmp/$c.help"
    cat "$tmp/$c.help" >>"$tmp/union"
    # bash: what the function puts in COMPREPLY after an argument
    bash -c '. '$dir'/skillmatch.bash; for p in - --; do
        COMP_WORDS=(skillmatch '$c' x "$p"); COMP_CWORD=3; _skillmatch
        printf "%s\n" "${COMPREPLY[@]}"; done' >"$tmp/$c.bash"
    same "bash completion of $c against its --help" "$tmp/$c.help" "$tmp/$c.bash"
    # fish: complete -C, short options after '-', long ones after '--'
    fish -c "source $dir/skillmatch.fish
             complete -C 'skillmatch $c x -'; complete -C 'skillmatch $c x --'" |
        cut -f1 >"$tmp/$c.fish"
    same "fish completion of $c against its --help" "$tmp/$c.help" "$tmp/$c.fish"
    python3 tests/completion/zsh_opts.py $dir/_skillmatch $c >"$tmp/$c.zsh"
    same "zsh completion of $c against its --help" "$tmp/$c.help" "$tmp/$c.zsh"
done
# the global help: its options are the commands' and -V/--version
"$SM" --help | helpopts >"$tmp/global"
printf '%s\n' -V --version >>"$tmp/union"
same "global --help against the commands' helps" "$tmp/global" "$tmp/union"
"$SM" -V | grep -qx "skillmatch [0-9.]*" && ok || bad "-V prints no version"
# syntax of each file in its own shell
for s in "bash -n $dir/skillmatch.bash" "zsh -n $dir/_skillmatch" \
         "fish -n $dir/skillmatch.fish"; do
    if $s; then ok; else bad "$s"; fi
done

# values: each one offered is accepted (exit 0 or 1, never the usage 2)
mkdir -p "$tmp/d"
printf 'Senior ML Engineer\n\nPython, PyTorch, 7+ years.\n' >"$tmp/d/draft.md"
value_args() {   # value_args CMD OPTION VALUE: a command line to try
    case $1 in
        check) echo "check $2 $3 corpus/resumes/mid.txt" ;;
        screen) echo "screen -q $2 $3 corpus/resumes/mid.txt" ;;
        lint) echo "lint -q $2 $3 $tmp/d/draft.md" ;;
        rules) if [ "$3" = pcre ]; then echo "rules export $2 $3"
               else echo "rules list $2 $3"; fi ;;
    esac
}
for c in check screen lint rules; do
    for opt in -f --fail-on --level --color --type; do
        grep -qx -- "$opt" "$tmp/$c.help" || continue
        bash -c '. '$dir'/skillmatch.bash
            COMP_WORDS=(skillmatch '$c' x '$opt' ""); COMP_CWORD=4; _skillmatch
            printf "%s\n" "${COMPREPLY[@]}"' >"$tmp/vals"
        fish -c "source $dir/skillmatch.fish; complete -C 'skillmatch $c x $opt '" |
            cut -f1 >"$tmp/fvals"
        same "fish values of $c $opt against bash's" "$tmp/vals" "$tmp/fvals"
        [ -s "$tmp/vals" ] || bad "$c $opt: no values offered"
        for v in $(cat "$tmp/vals"); do
            args=$(value_args $c $opt $v)
            "$SM" $args >/dev/null 2>"$tmp/err"
            code=$?
            if [ $code = 2 ]; then bad "$c $opt $v offered but refused:"
                head -2 "$tmp/err"; else ok; fi
        done
    done
done
# --config and --job complete files, not folders only
: >"$tmp/d/team.yml"
for opt in --config --job; do
    c=lint; [ $opt = --job ] && c=check
    bash -c '. '$dir'/skillmatch.bash
        COMP_WORDS=(skillmatch '$c' x '$opt' "'$tmp/d/'"); COMP_CWORD=4; _skillmatch
        printf "%s\n" "${COMPREPLY[@]}"' | grep -qx "$tmp/d/team.yml" && ok ||
        bad "bash: $c $opt does not complete files"
done
echo "completion: $pass passed, $fail failed"
[ $fail = 0 ]
