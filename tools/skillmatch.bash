# bash completion for skillmatch
_skillmatch()
{
    local cur prev cmd
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD-1]}
    cmd=${COMP_WORDS[1]}
    if [ "$COMP_CWORD" -eq 1 ]; then
        COMPREPLY=($(compgen -W "check screen lint explain rules --help --version" -- "$cur"))
        return
    fi
    case $prev in
        --rules) COMPREPLY=($(compgen -d -- "$cur")); return ;;
        -o|--output|--files-from|--job|--config) COMPREPLY=($(compgen -f -- "$cur")); return ;;
        --jobs) COMPREPLY=($(compgen -d -- "$cur")); return ;;
        --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
        --level) COMPREPLY=($(compgen -W "junior mid senior" -- "$cur")); return ;;
        --fail-on) COMPREPLY=($(compgen -W "error warning never" -- "$cur")); return ;;
        --today) COMPREPLY=($(compgen -W "latest $(date +%Y-%m)" -- "$cur")); return ;;
        -t|--type) COMPREPLY=($(compgen -W "text markdown html pdf docx odt jsonresume" -- "$cur")); return ;;
        --pre) COMPREPLY=($(compgen -c -- "$cur")); return ;;
        --timeout|--exclude|--stdin-filename) return ;;
        -f|--format)
            case $cmd in
                check) COMPREPLY=($(compgen -W "text json jsonl" -- "$cur")) ;;
                screen) COMPREPLY=($(compgen -W "table csv tsv jsonl json" -- "$cur")) ;;
                lint) COMPREPLY=($(compgen -W "text json github sarif junit" -- "$cur")) ;;
                rules) COMPREPLY=($(compgen -W "text tsv json pcre" -- "$cur")) ;;
            esac
            return ;;
    esac
    if [ "$cmd" = rules ] && [ "$COMP_CWORD" -eq 2 ]; then
        COMPREPLY=($(compgen -W "check list show export" -- "$cur"))
        return
    fi
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "--rules --format --output --color --level --min-score --today --max-size --quiet --help --version -j --top --files-from --stdin-jsonl --hidden --follow --fail-on --config --type --type-list --pre --timeout --job --jobs --exclude --no-ignore --stdin-filename" -- "$cur"))
        return
    fi
    COMPREPLY=($(compgen -f -- "$cur"))
}
complete -o filenames -F _skillmatch skillmatch
