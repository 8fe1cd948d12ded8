{{/*
The one pod template every controller kind shares, mirroring src/constructs/objects/pod/pod-template.ts:
identity, grace period, security, scheduling, containers and volumes. Input: the resolved workload.
*/}}
{{- define "hw.pod.template" -}}
{{- $w := . -}}
metadata:
  labels:
    {{- include "hw.labels" $w | nindent 4 }}
spec:
  serviceAccountName: {{ $w.spec.instance | quote }}
  automountServiceAccountToken: false
  terminationGracePeriodSeconds: {{ $w.timings.terminationGracePeriodSeconds | int }}
  securityContext:
    {{- include "hw.security.pod" $w | nindent 4 }}
  {{- include "hw.scheduling.spread" $w | nindent 2 }}
  containers:
    - {{- include "hw.containers.main" $w | nindent 6 }}
  volumes:
    {{- include "hw.volumes.pod" $w | nindent 4 }}
{{- end -}}
