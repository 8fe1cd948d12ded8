{{/*
Small pure helpers. Named templates can only return text, so numbers come back as strings
(callers pipe them through `int`) and structures as JSON (callers pipe them through `fromJson`):
a YAML round trip would not do, because it turns some characters (U+0085) into spaces.
Only integer arithmetic is used anywhere in this chart, so that it agrees with the TypeScript
face to the second.
*/}}

{{/* ceil(a / b) for non-negative integers: (list a b). */}}
{{- define "hw.ceilDiv" -}}
{{- $a := index . 0 | int -}}
{{- $b := index . 1 | int -}}
{{- div (add $a (sub $b 1)) $b -}}
{{- end -}}

{{/* A CPU quantity ("250m", "1", "1.5") in whole millicores. */}}
{{- define "hw.cpuMillicores" -}}
{{- if hasSuffix "m" . -}}
{{- trimSuffix "m" . | int -}}
{{- else -}}
{{- $parts := splitList "." . -}}
{{- $fraction := "" -}}
{{- if gt (len $parts) 1 }}{{ $fraction = index $parts 1 }}{{ end -}}
{{- add (mul (index $parts 0 | int) 1000) (printf "%s000" $fraction | trunc 3 | int) -}}
{{- end -}}
{{- end -}}

{{/* Millicores as whole cores when exact ("2"), else millicores ("1500m"). */}}
{{- define "hw.formatCpu" -}}
{{- $millicores := . | int -}}
{{- if eq (mod $millicores 1000) 0 }}{{ div $millicores 1000 }}{{ else }}{{ $millicores }}m{{ end -}}
{{- end -}}

{{/*
A memory quantity ("256Mi", "1G", "1000") in bytes, capped at 2^52 as memoryBytes in
src/declaration/quantities.ts caps it, so that sums stay exact in both faces.
*/}}
{{- define "hw.memoryBytes" -}}
{{- $cap := 4503599627370496 -}}
{{- $digits := regexFind "^[0-9]+" . -}}
{{- $multiplier := get (dict "" 1 "k" 1000 "M" 1000000 "G" 1000000000 "T" 1000000000000 "Ki" 1024 "Mi" 1048576 "Gi" 1073741824 "Ti" 1099511627776) (trimPrefix $digits .) | int64 -}}
{{- if or (gt (len $digits) 12) (gt (atoi $digits | int64) (div $cap $multiplier)) -}}
{{- $cap -}}
{{- else -}}
{{- mul (atoi $digits) $multiplier -}}
{{- end -}}
{{- end -}}

{{/* The parts of an image reference: repository, tag and digest (absent ones empty). */}}
{{- define "hw.image" -}}
{{- $withoutDigest := first (splitList "@" .) -}}
{{- $digest := "" -}}
{{- if contains "@" . }}{{ $digest = last (splitList "@" .) }}{{ end -}}
{{- $segments := splitList "/" $withoutDigest -}}
{{- $last := last $segments -}}
{{- $repository := $withoutDigest -}}
{{- $tag := "" -}}
{{- if contains ":" $last -}}
{{- $tag = last (splitList ":" $last) -}}
{{- $repository = trimSuffix (printf ":%s" $tag) $withoutDigest -}}
{{- end -}}
{{- dict "repository" $repository "tag" $tag "digest" $digest | toJson -}}
{{- end -}}

{{/*
Images from registries that ship no shell or `sleep` binary, except their debug variants
(gcr.io/distroless ":debug" tags, cgr.dev/chainguard "-dev" tags). Mirrors src/declaration/image.ts.
*/}}
{{- define "hw.knownDistroless" -}}
{{- $image := include "hw.image" . | fromJson -}}
{{- $known := false -}}
{{- range $registry := include "hw.table.distrolessRegistries" . | fromJsonArray -}}
{{- if and (hasPrefix $registry.prefix $image.repository) (not (regexMatch $registry.shellTag ($image.tag | default ""))) }}{{ $known = true }}{{ end -}}
{{- end -}}
{{- if $known }}true{{ end -}}
{{- end -}}

{{/*
A value as the TypeScript face shows it in messages (showValue in src/declaration/errors.ts): JSON
with sorted keys and & < > as they are, cut at 80 characters — counted in characters, not bytes
(splitList "" splits a string into its UTF-8 characters).
*/}}
{{- define "hw.showValue" -}}
{{- if kindIs "invalid" . -}}
(missing)
{{- else -}}
{{- $text := toRawJson . -}}
{{- $characters := splitList "" $text -}}
{{- if gt (len $characters) 80 }}{{ slice $characters 0 77 | join "" }}...{{ else }}{{ $text }}{{ end -}}
{{- end -}}
{{- end -}}

{{/* A rollout budget as YAML: counts stay integers, percentages stay quoted strings. */}}
{{- define "hw.budget" -}}
{{- if kindIs "string" . }}{{ . | quote }}{{ else }}{{ . | int }}{{ end -}}
{{- end -}}

{{/* A budget resolved against a number of pods, rounding up: (list budget pods). */}}
{{- define "hw.budgetUp" -}}
{{- $budget := index . 0 -}}
{{- $pods := index . 1 | int -}}
{{- if kindIs "string" $budget -}}
{{- include "hw.ceilDiv" (list (mul (trimSuffix "%" $budget | int) $pods) 100) -}}
{{- else -}}
{{- $budget | int -}}
{{- end -}}
{{- end -}}

{{/*
Text from the declaration goes out double-quoted, escapes included (Go's %q escapes are YAML's), so
that no key or value is read as a number, a boolean or null, or loses a character YAML 1.1 takes
for a line break. A map as `"key": "value"` lines in key order:
*/}}
{{- define "hw.quotedLines" -}}
{{- $map := . -}}
{{- $lines := list -}}
{{- range $key := keys $map | sortAlpha }}{{ $lines = append $lines (printf "%s: %s" ($key | quote) (index $map $key | quote)) }}{{ end -}}
{{- join "\n" $lines -}}
{{- end -}}

{{/* A map of strings in flow style: {"key": "value"}, or {}. */}}
{{- define "hw.quotedMap" -}}
{{- $map := . -}}
{{- $pairs := list -}}
{{- range $key := keys $map | sortAlpha }}{{ $pairs = append $pairs (printf "%s: %s" ($key | quote) (index $map $key | quote)) }}{{ end -}}
{{ printf "{%s}" (join ", " $pairs) }}
{{- end -}}

{{/* A list of strings in flow style: ["a", "b"], or []. */}}
{{- define "hw.quotedList" -}}
{{- $items := list -}}
{{- range $item := . }}{{ $items = append $items ($item | quote) }}{{ end -}}
{{ printf "[%s]" (join ", " $items) }}
{{- end -}}
