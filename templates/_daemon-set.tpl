{{/*
Kind daemon, mirroring src/declaration/resolve/daemon-set.ts (validation and settings) and
src/timing/kinds/daemon-set.ts (the rollout rules).
*/}}

{{/* The declared settings with their defaults, as DAEMON_DEFAULTS fills them. Input: the effective spec. Output: JSON. */}}
{{- define "hw.daemonSet.settings" -}}
{{- $declared := .daemon | default dict -}}
{{- $hostPaths := dict -}}
{{- range $name, $hostPath := $declared.hostPaths | default dict -}}
{{- $readOnly := hasKey $hostPath "readOnly" | ternary $hostPath.readOnly true -}}
{{- $_ := set $hostPaths $name (merge (dict "readOnly" $readOnly "type" ($hostPath.type | default "Directory")) $hostPath) -}}
{{- end -}}
{{- toJson (dict "hostPaths" $hostPaths "surge" ($declared.surge | default false)) -}}
{{- end -}}

{{/*
The rollout: maxUnavailable 1 and maxSurge 0, or 0 and 1 when the agent may run twice on a node
(overrides replace them); the worst case for one node, (G when the old pod stops first) + I + W_s +
minReadySeconds. Input: (dict "spec" "overrides" "grace" "init" "startupWindow" "minReady"). Output: JSON.
*/}}
{{- define "hw.daemonSet.rollout" -}}
{{- $surge := (include "hw.daemonSet.settings" .spec | fromJson).surge -}}
{{- $maxUnavailable := $surge | ternary 0 1 -}}
{{- if hasKey .overrides "maxUnavailable" }}{{ $maxUnavailable = .overrides.maxUnavailable }}{{ end -}}
{{- $maxSurge := $surge | ternary 1 0 -}}
{{- if hasKey .overrides "maxSurge" }}{{ $maxSurge = .overrides.maxSurge }}{{ end -}}
{{- $stopsFirst := not (or (and (kindIs "string" $maxUnavailable) (eq $maxUnavailable "0%")) (and (not (kindIs "string" $maxUnavailable)) (eq ($maxUnavailable | int) 0))) -}}
{{- $node := add .init .startupWindow .minReady | int -}}
{{- if $stopsFirst }}{{ $node = add $node .grace | int }}{{ end -}}
{{- toJson (dict "controller" "DaemonSet" "maxSurge" $maxSurge "maxUnavailable" $maxUnavailable "minReadySeconds" (.minReady | int) "nodeSeconds" $node "nodeGapSeconds" ($stopsFirst | ternary $node 0)) -}}
{{- end -}}

{{/*
The problems of kind daemon: host paths without a written reason (the restricted Pod Security
Standard's "Volume Types"). Input: the effective spec. Output: JSON with `problems` and `used`.
*/}}
{{- define "hw.daemonSet.problems" -}}
{{- $problems := list -}}
{{- $used := list -}}
{{- if eq .kind "daemon" -}}
{{- $hostPaths := (include "hw.daemonSet.settings" . | fromJson).hostPaths -}}
{{- if $hostPaths -}}
{{- if hasKey (.acknowledge | default dict) "volumeTypes" -}}
{{- $used = append $used "volumeTypes" -}}
{{- else -}}
{{- $paths := list -}}
{{- range $name := keys $hostPaths | sortAlpha }}{{ $paths = append $paths (index $hostPaths $name).path }}{{ end -}}
{{- $problems = append $problems (dict "path" "daemon.hostPaths" "value" $hostPaths "rule" (printf "host paths (%s) give the pod the node's files, which the restricted Pod Security Standard forbids (Volume Types): the departure needs a written reason" (join ", " $paths)) "fix" "add acknowledge.volumeTypes: \"<why the agent needs these host paths>\", or remove daemon.hostPaths") -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- dict "problems" $problems "used" $used | toJson -}}
{{- end -}}
