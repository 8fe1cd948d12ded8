{{/*
Kind stateful, mirroring src/declaration/resolve/stateful-set.ts (validation and settings) and
src/timing/kinds/stateful-set.ts (the rollout rule).
*/}}

{{/* The declared settings with their defaults, as STATEFUL_DEFAULTS fills them. Input: the effective spec. Output: JSON. */}}
{{- define "hw.statefulSet.settings" -}}
{{- $declared := .stateful | default dict -}}
{{- $claims := dict -}}
{{- range $name, $claim := $declared.volumeClaims | default dict -}}
{{- $_ := set $claims $name (merge (dict "accessMode" ($claim.accessMode | default "ReadWriteOnce")) $claim) -}}
{{- end -}}
{{- $retention := $declared.claimRetention | default dict -}}
{{- $settings := dict
  "volumeClaims" $claims
  "podManagementPolicy" ($declared.podManagementPolicy | default "OrderedReady")
  "partition" ($declared.partition | default 0 | int)
  "claimRetention" (dict "whenDeleted" ($retention.whenDeleted | default "Retain") "whenScaled" ($retention.whenScaled | default "Retain"))
-}}
{{- if hasKey $declared "maintenanceWindowSeconds" }}{{ $_ := set $settings "maintenanceWindowSeconds" ($declared.maintenanceWindowSeconds | int) }}{{ end -}}
{{- if hasKey $declared "peerPorts" }}{{ $_ := set $settings "peerPorts" $declared.peerPorts }}{{ end -}}
{{- toJson $settings -}}
{{- end -}}

{{/*
The rollout: one pod at a time from the highest ordinal down to the partition, each at worst
G + I + W_s + minReadySeconds; worst case (replicas − partition) × that.
Input: (dict "spec" "replicas" "grace" "init" "startupWindow" "minReady"). Output: JSON.
*/}}
{{- define "hw.statefulSet.rollout" -}}
{{- $settings := include "hw.statefulSet.settings" .spec | fromJson -}}
{{- $replicas := eq .replicas.mode "fixed" | ternary .replicas.count .replicas.max | int -}}
{{- $partition := $settings.partition | int -}}
{{- $updated := max 0 (sub $replicas $partition) | int -}}
{{- $pod := add .grace .init .startupWindow .minReady | int -}}
{{- $rollout := dict "controller" "StatefulSet" "minReadySeconds" (.minReady | int) "podManagementPolicy" $settings.podManagementPolicy "partition" $partition "updatedPods" $updated "podSeconds" $pod "worstCaseSeconds" (mul $updated $pod) -}}
{{- if hasKey $settings "maintenanceWindowSeconds" }}{{ $_ := set $rollout "maintenanceWindowSeconds" $settings.maintenanceWindowSeconds }}{{ end -}}
{{- toJson $rollout -}}
{{- end -}}

{{/*
The problems of kind stateful: a partition beyond the pods, a claim named like one of the pod's own
volumes, volumes deleted without a written reason.
Input: (dict "spec" "replicas"). Output: JSON with `problems` and `used`.
*/}}
{{- define "hw.statefulSet.problems" -}}
{{- $spec := .spec -}}
{{- $problems := list -}}
{{- $used := list -}}
{{- if eq $spec.kind "stateful" -}}
{{- $settings := include "hw.statefulSet.settings" $spec | fromJson -}}
{{- if and (eq .replicas.mode "fixed") (gt ($settings.partition | int) (.replicas.count | int)) -}}
{{- $count := .replicas.count | int -}}
{{- $problems = append $problems (dict "path" "stateful.partition" "value" $settings.partition "rule" (printf "the partition is an ordinal among the %d pods: a larger one updates nothing, ever" $count) "fix" (printf "lower stateful.partition to at most %d (%d holds every pod at the old revision)" $count $count)) -}}
{{- end -}}
{{- range $name := keys $settings.volumeClaims | sortAlpha -}}
{{- if or (eq $name "tmp") (eq $name "config-files") (hasPrefix "files-" $name) (hasPrefix "scratch-" $name) -}}
{{- $problems = append $problems (dict "path" (printf "stateful.volumeClaims.%s" $name) "value" (index $spec.stateful.volumeClaims $name) "rule" (printf "the claim's name is the name of its volume in the pod, and %s is the pod's own (tmp, config-files, files-*, scratch-*)" $name) "fix" "name the claim after its data, e.g. data or wal") -}}
{{- end -}}
{{- end -}}
{{- $peerPorts := $settings.peerPorts | default list -}}
{{- range $index, $peerPort := $peerPorts -}}
{{- $first := 0 -}}
{{- range $earlier, $candidate := $peerPorts }}{{ if and (lt $earlier $index) (eq ($candidate | int) ($peerPort | int)) (eq $first 0) }}{{ $first = add $earlier 1 }}{{ end }}{{ end -}}
{{- if gt $first 0 -}}
{{- $problems = append $problems (dict "path" (printf "stateful.peerPorts[%d]" $index) "value" $peerPort "rule" (printf "each peer port is listed once, and %d is already stateful.peerPorts[%d]" ($peerPort | int) (sub $first 1)) "fix" (printf "remove stateful.peerPorts[%d]" $index)) -}}
{{- end -}}
{{- end -}}
{{- $acknowledged := hasKey ($spec.acknowledge | default dict) "deleteVolumeClaims" -}}
{{- range $when := list "whenDeleted" "whenScaled" -}}
{{- if eq (index $settings.claimRetention $when) "Delete" -}}
{{- if $acknowledged -}}
{{- $used = append $used "deleteVolumeClaims" -}}
{{- else -}}
{{- $problems = append $problems (dict "path" (printf "stateful.claimRetention.%s" $when) "value" "Delete" "rule" (printf "deleting the volume claims %s deletes their data, which needs a written reason" (eq $when "whenDeleted" | ternary "when the workload is deleted" "of the pods a scale-down removes")) "fix" "keep Retain (the default), or add acknowledge.deleteVolumeClaims: \"<why the data is disposable>\"") -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- dict "problems" $problems "used" $used | toJson -}}
{{- end -}}
