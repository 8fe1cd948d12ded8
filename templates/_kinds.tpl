{{/*
Workload kinds, mirroring src/kinds/table.ts (whose tables templates/_generated.tpl holds) and
src/declaration/resolve/kind-fields.ts.
*/}}

{{/* "true" when a kind makes an object of this role (subject to the object's own conditions): (list kind role). */}}
{{- define "hw.kinds.makes" -}}
{{- $kinds := include "hw.table.kinds" . | fromJson -}}
{{- if has (index . 1) (index $kinds (index . 0)).objects }}true{{ end -}}
{{- end -}}

{{/* "web", "web or worker", "stateful, daemon or web". */}}
{{- define "hw.kinds.alternatives" -}}
{{- if eq (len .) 1 }}{{ first . }}{{ else }}{{ initial . | join ", " }} or {{ last . }}{{ end -}}
{{- end -}}

{{/* Fields of kinds other than this one: JSON list of problems. Input: the effective spec. */}}
{{- define "hw.kinds.fieldProblems" -}}
{{- $spec := . -}}
{{- $problems := list -}}
{{- $fields := include "hw.table.kindFields" . | fromJson -}}
{{- range $field := keys $fields | sortAlpha -}}
{{- $kinds := index $fields $field -}}
{{- if and (hasKey $spec $field) (not (has $spec.kind $kinds)) -}}
{{- $alternatives := include "hw.kinds.alternatives" $kinds -}}
{{- $problems = append $problems (dict "path" $field "value" (index $spec $field) "rule" (printf "%s applies to kind %s only (this workload is kind %s)" $field $alternatives $spec.kind) "fix" (printf "remove %s, or make the workload kind %s" $field $alternatives)) -}}
{{- end -}}
{{- end -}}
{{- $controller := include "hw.kinds.controller" $spec.kind -}}
{{- $limit := index (include "hw.table.nameLimits" . | fromJson) $controller -}}
{{- if and $limit (gt (len $spec.instance) (int $limit.max)) -}}
{{- $shorter := trimSuffix "-" (trunc (int $limit.max) $spec.instance) -}}
{{- range until 63 }}{{ $shorter = trimSuffix "-" $shorter }}{{ end -}}
{{- $problems = append $problems (dict "path" ((eq $spec.instance $spec.name) | ternary "name" "instance") "value" $spec.instance "rule" (printf "a %s's name has at most %d characters (this one has %d): %s" $controller (int $limit.max) (len $spec.instance) $limit.why) "fix" (printf "shorten it to %d characters or fewer, e.g. %s" (int $limit.max) (toJson $shorter))) -}}
{{- end -}}
{{- toJson $problems -}}
{{- end -}}

{{/* "true" when a kind's pods run to completion (a Job's) rather than until deleted; mirrors runsToCompletion in src/kinds/table.ts. Input: the kind. */}}
{{- define "hw.kinds.runsToCompletion" -}}
{{- $kinds := include "hw.table.kinds" . | fromJson -}}
{{- if has (index $kinds .).controller (include "hw.table.batchControllers" . | fromJsonArray) }}true{{ end -}}
{{- end -}}

{{/* The controller of a kind (Deployment, StatefulSet, DaemonSet, Job or CronJob). Input: the kind. */}}
{{- define "hw.kinds.controller" -}}
{{- (index (include "hw.table.kinds" . | fromJson) .).controller -}}
{{- end -}}

{{/*
"true" when a Service sends the pods traffic, mirroring servesTraffic in src/kinds/table.ts:
kinds that always serve, and kinds that serve when they have a port. Input: the effective spec.
*/}}
{{- define "hw.kinds.servesTraffic" -}}
{{- $traffic := (index (include "hw.table.kinds" . | fromJson) .kind).traffic -}}
{{- if or (eq $traffic "always") (and (eq $traffic "with-port") (hasKey . "port")) }}true{{ end -}}
{{- end -}}

{{/* Rollout overrides the kind's controller does not have, mirroring checkControllerOverrides in src/declaration/resolve/kind-fields.ts: JSON list of problems. Input: the effective spec. */}}
{{- define "hw.kinds.overrideProblems" -}}
{{- $spec := . -}}
{{- $problems := list -}}
{{- $foreign := index (include "hw.table.foreignRolloutOverrides" . | fromJson) (include "hw.kinds.controller" $spec.kind) -}}
{{- $overrides := $spec.overrides | default dict -}}
{{- range $field := $foreign.fields -}}
{{- if hasKey $overrides $field -}}
{{- $problems = append $problems (dict "path" (printf "overrides.%s" $field) "value" (index $overrides $field) "rule" (printf "%s is a Deployment's setting: %s" $field $foreign.why) "fix" (printf "remove overrides.%s; %s" $field $foreign.instead)) -}}
{{- end -}}
{{- end -}}
{{- toJson $problems -}}
{{- end -}}
