{{/*
Probes, mirroring src/constructs/objects/pod/probes.ts.
*/}}

{{/* What a resolved probe checks, as the Kubernetes API spells it. */}}
{{- define "hw.probeHandler" -}}
{{- if eq .type "http" -}}
httpGet:
  path: {{ .path | quote }}
  port: {{ .port | int }}
  scheme: {{ .scheme | quote }}
{{- else if eq .type "tcp" -}}
tcpSocket:
  port: {{ .port | int }}
{{- else if eq .type "grpc" -}}
grpc:
  port: {{ .port | int }}
  {{- if hasKey . "service" }}
  service: {{ .service | quote }}
  {{- end }}
{{- else -}}
exec:
  command: {{ include "hw.quotedList" .command }}
{{- end -}}
{{- end -}}

{{/* A probe with its timings: (dict "probe" resolvedProbe "timings" probeTimings "restarting" bool). */}}
{{- define "hw.probe" -}}
{{- include "hw.probeHandler" .probe }}
periodSeconds: {{ .timings.periodSeconds | int }}
timeoutSeconds: {{ .timings.timeoutSeconds | int }}
failureThreshold: {{ .timings.failureThreshold | int }}
successThreshold: 1
{{- if .restarting }}
terminationGracePeriodSeconds: {{ .timings.terminationGracePeriodSeconds | int }}
{{- end }}
{{- end -}}
