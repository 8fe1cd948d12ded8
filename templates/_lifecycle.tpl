{{/*
The preStop hook, mirroring src/constructs/objects/pod/lifecycle.ts.
*/}}

{{/* The preStop hook, or nothing when the app delays its own shutdown or serves no traffic. */}}
{{- define "hw.lifecycle.preStop" -}}
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
