{{/*
The Kubernetes API's rules for tolerations and node selector requirements, mirroring
checkScheduling in src/declaration/resolve/scheduling.ts with the same messages. Input: the
effective spec. Output: JSON list of problems.
*/}}
{{- define "hw.checkScheduling" -}}
{{- $scheduling := .scheduling | default dict -}}
{{- $problems := list -}}
{{- if and (hasKey $scheduling "spread") (eq .kind "daemon") -}}
{{- $problems = append $problems (dict "path" "scheduling.spread" "value" $scheduling.spread "rule" "a daemon runs one pod on every node, so it has no spread over nodes and zones" "fix" "remove scheduling.spread") -}}
{{- end -}}
{{- range $index, $toleration := $scheduling.tolerations | default list -}}
{{- $at := printf "scheduling.tolerations[%d]" $index -}}
{{- $operator := $toleration.operator | default "Equal" -}}
{{- if and (not (hasKey $toleration "key")) (ne $operator "Exists") -}}
{{- $problems = append $problems (dict "path" (printf "%s.operator" $at) "value" $toleration.operator "rule" "a toleration without a key tolerates every taint, which needs operator Exists" "fix" (printf "add %s.key, or set operator: Exists" $at)) -}}
{{- end -}}
{{- if and (eq $operator "Exists") (hasKey $toleration "value") -}}
{{- $problems = append $problems (dict "path" (printf "%s.value" $at) "value" $toleration.value "rule" "operator Exists tolerates any value of the taint, so it takes no value" "fix" "remove value, or use operator: Equal") -}}
{{- end -}}
{{- if and (hasKey $toleration "tolerationSeconds") (ne ($toleration.effect | default "") "NoExecute") -}}
{{- $problems = append $problems (dict "path" (printf "%s.tolerationSeconds" $at) "value" $toleration.tolerationSeconds "rule" "tolerationSeconds applies to effect NoExecute only (how long a pod stays after such a taint appears)" "fix" "set effect: NoExecute, or remove tolerationSeconds") -}}
{{- end -}}
{{- end -}}
{{- $affinity := $scheduling.nodeAffinity | default dict -}}
{{- range $group := list "required" "preferred" -}}
{{- range $index, $term := index $affinity $group | default list -}}
{{- range $position, $expression := $term.matchExpressions -}}
{{- $path := printf "scheduling.nodeAffinity.%s[%d].matchExpressions[%d].values" $group $index $position -}}
{{- $operator := $expression.operator -}}
{{- $values := $expression.values | default list -}}
{{- if and (has $operator (list "In" "NotIn")) (eq (len $values) 0) -}}
{{- $problems = append $problems (dict "path" $path "value" $expression.values "rule" (printf "operator %s compares the label with a list of values, and there is none" $operator) "fix" "add values, e.g. values: [m6i.large]") -}}
{{- else if and (has $operator (list "Exists" "DoesNotExist")) (gt (len $values) 0) -}}
{{- $problems = append $problems (dict "path" $path "value" $expression.values "rule" (printf "operator %s only asks whether the label is there, and compares no values" $operator) "fix" "remove values") -}}
{{- else if and (has $operator (list "Gt" "Lt")) (or (ne (len $values) 1) (not (regexMatch "^[0-9]{1,18}$" (first $values | toString)))) -}}
{{- $problems = append $problems (dict "path" $path "value" $expression.values "rule" (printf "operator %s compares the label with exactly one whole number" $operator) "fix" "write one value, e.g. values: [\"4\"]") -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- toJson $problems -}}
{{- end -}}
