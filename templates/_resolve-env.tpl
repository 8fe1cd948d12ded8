{{/*
Environment variables of one container, mirroring resolveEnv in src/declaration/resolve/env.ts
with the same messages: the variables in the order Kubernetes sets them (a map's in name order, a
list's as written), a name given twice, a $(NAME) that Kubernetes would not expand, a divisor that
does not fit the resource. Input: (dict "env" env "envFrom" envFrom-or-nil "path" "env").
Output: JSON with `entries` and `problems`.
*/}}
{{- define "hw.resolveEnv" -}}
{{- $path := .path -}}
{{- $env := .env -}}
{{- $mapForm := not (kindIs "slice" $env) -}}
{{- $hasEnvFrom := gt (len (.envFrom | default list)) 0 -}}
{{- $located := list -}}
{{- if $mapForm -}}
{{- range $name := keys $env | sortAlpha -}}
{{- $value := index $env $name -}}
{{- if kindIs "string" $value -}}
{{- $located = append $located (dict "entry" (dict "name" $name "value" $value) "at" (printf "%s.%s" $path $name) "valueAt" (printf "%s.%s" $path $name)) -}}
{{- else -}}
{{- $located = append $located (dict "entry" (merge (dict "name" $name) $value) "at" (printf "%s.%s" $path $name) "valueAt" (printf "%s.%s.value" $path $name)) -}}
{{- end -}}
{{- end -}}
{{- else -}}
{{- range $index, $entry := $env -}}
{{- $located = append $located (dict "entry" $entry "at" (printf "%s[%d]" $path $index) "valueAt" (printf "%s[%d].value" $path $index)) -}}
{{- end -}}
{{- end -}}

{{- $problems := list -}}
{{- $firstAt := dict -}}
{{- range $index, $item := $located -}}
{{- $name := $item.entry.name -}}
{{- if hasKey $firstAt $name -}}
{{- $first := index $located (index $firstAt $name) -}}
{{- $problems = append $problems (dict "path" (printf "%s.name" $item.at) "value" $name "rule" (printf "%s is already set by %s; Kubernetes would keep only one of the two" $name $first.at) "fix" "remove one of them, or rename it") -}}
{{- else -}}
{{- $_ := set $firstAt $name $index -}}
{{- end -}}
{{- end -}}

{{- range $index, $item := $located -}}
{{- $entry := $item.entry -}}
{{- if hasKey $entry "value" -}}
{{- $seen := list -}}
{{- range $name := include "hw.env.references" $entry.value | fromJsonArray -}}
{{- if not (has $name $seen) -}}
{{- $seen = append $seen $name -}}
{{- $left := printf "Kubernetes expands only variables set before it and leaves the text \"$(%s)\" as it is" $name -}}
{{- $literal := printf "write $$(%s) for the text \"$(%s)\"" $name $name -}}
{{- $definedAt := (hasKey $firstAt $name) | ternary (index $firstAt $name) -1 | int -}}
{{- $problem := dict -}}
{{- if eq $definedAt $index -}}
{{- $problem = dict "rule" (printf "$(%s) refers to %s itself; %s" $name $name $left) "fix" (printf "refer to another variable, or %s" $literal) -}}
{{- else if and (gt $definedAt $index) $mapForm -}}
{{- $problem = dict "rule" (printf "$(%s) refers to %s, which comes after %s in name order (a map of variables is set in name order); %s" $name $name $entry.name $left) "fix" (printf "write env as a list, which keeps its order, with %s before %s; or %s" $name $entry.name $literal) -}}
{{- else if gt $definedAt $index -}}
{{- $problem = dict "rule" (printf "$(%s) refers to %s, which is set after %s; %s" $name $name $entry.name $left) "fix" (printf "move %s before %s in the list, or %s" $name $entry.name $literal) -}}
{{- else if and (lt $definedAt 0) (not $hasEnvFrom) (not (regexMatch "^[A-Z][A-Z0-9_]*_(SERVICE_HOST|SERVICE_PORT(_[A-Z0-9_]+)?|PORT(_[0-9]+_(TCP|UDP|SCTP)(_(PROTO|PORT|ADDR))?)?)$" $name)) -}}
{{- $problem = dict "rule" (printf "$(%s) refers to no variable: the container sets none of that name, and it is no Service variable (…_SERVICE_HOST, …_SERVICE_PORT, …_PORT); %s" $name $left) "fix" (printf "set %s before %s, or %s" $name $entry.name $literal) -}}
{{- end -}}
{{- if $problem -}}
{{- $problems = append $problems (merge (dict "path" $item.valueAt "value" $entry.value) $problem) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- if and (hasKey $entry "resource") (hasKey $entry.resource "divisor") -}}
{{- $allowed := index (include "hw.table.divisors" . | fromJson) ((hasSuffix ".cpu" $entry.resource.field) | ternary "cpu" "memory") -}}
{{- if not (has $entry.resource.divisor $allowed) -}}
{{- $problems = append $problems (dict "path" (printf "%s.resource.divisor" $item.at) "value" $entry.resource.divisor "rule" (printf "%s can only be divided by %s" $entry.resource.field (join ", " $allowed)) "fix" (printf "use one of %s, or leave divisor out" (join ", " $allowed))) -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- $entries := list -}}
{{- range $item := $located }}{{ $entries = append $entries $item.entry }}{{ end -}}
{{- dict "entries" $entries "problems" $problems | toJson -}}
{{- end -}}

{{/*
The names a value refers to with $(NAME), mirroring referencedNames in src/declaration/env.ts: $$
is a literal $, and only names that can be variables count. Output: a JSON list.
*/}}
{{- define "hw.env.references" -}}
{{- $names := list -}}
{{- range $match := regexFindAll "\\$\\$|\\$\\([^)]*\\)" . -1 -}}
{{- $name := $match | trimPrefix "$(" | trimSuffix ")" -}}
{{- if and (ne $match "$$") (regexMatch "^[A-Za-z_][A-Za-z0-9_]*$" $name) }}{{ $names = append $names $name }}{{ end -}}
{{- end -}}
{{- toJson $names -}}
{{- end -}}
