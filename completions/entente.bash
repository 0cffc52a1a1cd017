# SPDX-License-Identifier: MIT
# bash completion for entente. The commands, their options and the values
# an option takes are read from the tool's own help (entente help,
# entente COMMAND --help), which its option tables print, so the completion
# offers exactly what the tool accepts.

_entente_commands()
{
	"$1" help 2>/dev/null | sed -n '/^Commands:/,/^$/s/^  \([a-z][a-z]*\) .*/\1/p'
}

# The options of a command, one a line ("--since DATE", "-o FILE").
_entente_options()
{
	"$1" "$2" --help 2>/dev/null |
		sed -n 's/^  \(-[a-z], \)\{0,1\}\(--[a-z][a-z-]*\)\( [A-Z][A-Z]*\)\{0,1\}.*/\2\3/p'
}

# The values of an option whose help lists them ("F: text, json, csv").
_entente_choices()
{
	"$1" "$2" --help 2>/dev/null | awk -v opt="$3" '
		$0 ~ "^  (-[a-z], )?" opt " " { split($0, w, " "); found = 1; next }
		found && /^   +[A-Z]+: / { sub(/^ *[A-Z]+: /, ""); gsub(/,/, ""); print; exit }
		found && /^  -/ { exit }'
}

_entente()
{
	local cur prev exe cmd i opts spec
	COMPREPLY=()
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD - 1]}
	exe=${COMP_WORDS[0]}
	cmd=
	for ((i = 1; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		-*) ;;
		*) cmd=${COMP_WORDS[i]}; break ;;
		esac
	done
	if [[ -z $cmd ]]; then
		COMPREPLY=($(compgen -W "$(_entente_commands "$exe") help --help --version" -- "$cur"))
		return
	fi
	if [[ $cmd == help ]]; then
		COMPREPLY=($(compgen -W "$(_entente_commands "$exe")" -- "$cur"))
		return
	fi
	if [[ $prev == -* ]]; then
		spec=$(_entente_options "$exe" "$cmd" | grep -E -- "^$prev( |\$)")
		if [[ $prev == -o ]]; then
			spec="-o FILE"
		fi
		if [[ $spec == *" "* ]]; then
			opts=$(_entente_choices "$exe" "$cmd" "$prev")
			if [[ -n $opts ]]; then
				COMPREPLY=($(compgen -W "$opts" -- "$cur"))
			else
				COMPREPLY=($(compgen -f -- "$cur"))
			fi
			return
		fi
	fi
	if [[ $cur == -* ]]; then
		opts=$(_entente_options "$exe" "$cmd" | cut -d' ' -f1)
		COMPREPLY=($(compgen -W "$opts" -- "$cur"))
		return
	fi
	COMPREPLY=($(compgen -f -- "$cur"))
}

complete -o filenames -F _entente entente
