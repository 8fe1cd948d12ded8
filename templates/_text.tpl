{{/*
Text no face can carry alike, in every key and value of the declaration, and keys no face can (TEXT_RULES in
src/declaration/text.ts, as hw.table.textRules): checked first, as textProblems is in
resolveWorkload, so that a render with the schema skipped gives the TypeScript message. Keys in
byte order, as the TypeScript face sorts them. JSON list of problems.
Input: (dict "node" value "path" pathSoFar "rules" textRules).
*/}}
{{- define "hw.textProblems" -}}
{{- $problems := list -}}
{{- $node := .node -}}
{{- if kindIs "string" $node -}}
{{- $problems = include "hw.textRuleProblems" (dict "text" $node "path" .path "rules" .rules "key" false) | fromJsonArray -}}
{{- else if kindIs "slice" $node -}}
{{- range $index, $item := $node -}}
{{- $problems = concat $problems (include "hw.textProblems" (dict "node" $item "path" (printf "%s[%d]" $.path $index) "rules" $.rules) | fromJsonArray) -}}
{{- end -}}
{{- else if kindIs "map" $node -}}
{{- $prefix := (eq .path "") | ternary "" (printf "%s." .path) -}}
{{- range $key := keys $node | sortAlpha -}}
{{- if not (and (eq $.path "") (has $key (list "global" "hwResolvedOnce" "hwPatchedOnce"))) -}}
{{- $problems = concat $problems (include "hw.textRuleProblems" (dict "text" $key "path" (printf "%s%s" $prefix $key) "rules" $.rules "key" true) | fromJsonArray) -}}
{{- $problems = concat $problems (include "hw.textProblems" (dict "node" (index $node $key) "path" (printf "%s%s" $prefix $key) "rules" $.rules) | fromJsonArray) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- toJson $problems -}}
{{- end -}}

{{/* The rules one text breaks, as problems at its path; the rules for keys only when it is a key. Input: (dict "text" string "path" path "rules" textRules "key" bool). */}}
{{- define "hw.textRuleProblems" -}}
{{- $problems := list -}}
{{- range $rule := .rules -}}
{{- if and (or $.key (not $rule.keys)) (regexMatch $rule.pattern $.text) -}}
{{- $problems = append $problems (dict "path" $.path "value" $.text "rule" $rule.rule "fix" $rule.fix) -}}
{{- end -}}
{{- end -}}
{{- toJson $problems -}}
{{- end -}}

{{/* Whom a message is about, as subjectOf in src/declaration/resolve/index.ts: the name in quotes, or (unnamed). Input: the values. */}}
{{- define "hw.subject" -}}
{{- if kindIs "string" .name }}"{{ .name }}"{{ else }}(unnamed){{ end -}}
{{- end -}}
