{{/*
Probes and the preStop hook, mirroring src/constructs/objects/probes.ts.
*/}}

{{/* What a resolved probe checks, as the Kubernetes API spells it. */}}
{{- define "hw.probeHandler" -}}
{{- if eq .type "http" -}}
httpGet:
  path: {{ .path | quote }}
  port: {{ .port | int }}
  scheme: {{ .scheme }}
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

{{/* The preStop hook, or nothing when the app delays its own shutdown or serves no traffic. */}}
{{- define "hw.preStop" -}}
{{- $preStop := .timings.preStop -}}
{{- if eq $preStop.mechanism "sleep" -}}
sleep:
  seconds: {{ $preStop.seconds | int }}
{{- else if eq $preStop.mechanism "exec" -}}
exec:
  command: ["sleep", {{ $preStop.seconds | int | toString | quote }}]
{{- else if eq $preStop.mechanism "http" -}}
httpGet:
  path: {{ .spec.preStop.path | quote }}
  port: {{ .spec.preStop.port | default .spec.port | int }}
{{- end -}}
{{- end -}}
