{{/*
The one pod template every controller kind shares, mirroring src/constructs/objects/pod/pod-template.ts:
identity, grace period, security, scheduling, containers and volumes. Input: the resolved workload.
Native sidecars come first among the init containers, so that a proxy is already up for a migration.
*/}}
{{- define "hw.pod.template" -}}
{{- $w := . -}}
{{- $c := $w.timings.containers -}}
{{- $native := eq $c.sidecarMode "native" -}}
metadata:
  labels:
    {{- include "hw.labels" $w | nindent 4 }}
  {{- with include "hw.mesh.annotations" $w }}
  annotations:
    {{- . | nindent 4 }}
  {{- end }}
spec:
  serviceAccountName: {{ $w.spec.instance | quote }}
  automountServiceAccountToken: false
  terminationGracePeriodSeconds: {{ $w.timings.terminationGracePeriodSeconds | int }}
  securityContext:
    {{- include "hw.security.pod" $w | nindent 4 }}
  {{- include "hw.scheduling.spread" $w | nindent 2 }}
  {{- if or (and $native $w.sidecars) $w.initContainers }}
  initContainers:
    {{- if $native }}
    {{- range $index, $sidecar := $w.sidecars }}
    - {{- include "hw.containers.sidecar" (dict "sidecar" $sidecar "timings" (index $c.sidecars $index) "mode" $c.sidecarMode) | nindent 6 }}
    {{- end }}
    {{- end }}
    {{- range $init := $w.initContainers }}
    - {{- include "hw.containers.init" $init | nindent 6 }}
    {{- end }}
  {{- end }}
  containers:
    - {{- include "hw.containers.main" $w | nindent 6 }}
    {{- if not $native }}
    {{- range $index, $sidecar := $w.sidecars }}
    - {{- include "hw.containers.sidecar" (dict "sidecar" $sidecar "timings" (index $c.sidecars $index) "mode" $c.sidecarMode) | nindent 6 }}
    {{- end }}
    {{- end }}
  volumes:
    {{- include "hw.volumes.pod" $w | nindent 4 }}
{{- end -}}
