{{/*
The one pod template every controller kind shares, mirroring src/constructs/objects/pod/pod-template.ts:
identity, grace period, security, scheduling, containers and volumes. Input: the resolved workload.
*/}}
{{- define "hw.pod.template" -}}
{{- $w := . -}}
{{- $spec := $w.spec -}}
metadata:
  labels:
    {{- include "hw.labels" $w | nindent 4 }}
  {{- with $spec.podAnnotations }}
  annotations:
    {{- include "hw.quotedLines" . | nindent 4 }}
  {{- end }}
spec:
  serviceAccountName: {{ $spec.instance | quote }}
  {{- /* Only a workload that declares it calls the Kubernetes API, with a reason, gets a token. */}}
  automountServiceAccountToken: {{ and (hasKey ($spec.serviceAccount | default dict) "mountApiToken") ($spec.serviceAccount | default dict).mountApiToken | toString }}
  {{- if hasKey $spec "imagePullSecrets" }}
  imagePullSecrets:
    {{- range $name := $spec.imagePullSecrets }}
    - name: {{ $name | quote }}
    {{- else }} []
    {{- end }}
  {{- end }}
  terminationGracePeriodSeconds: {{ $w.timings.terminationGracePeriodSeconds | int }}
  securityContext:
    {{- include "hw.security.pod" $w | nindent 4 }}
  {{- include "hw.scheduling.pod" $w | nindent 2 }}
  containers:
    - {{- include "hw.containers.main" $w | nindent 6 }}
  volumes:
    {{- include "hw.volumes.pod" $w | nindent 4 }}
{{- end -}}
