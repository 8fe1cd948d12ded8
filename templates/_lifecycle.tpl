{{/*
The preStop hook, mirroring src/constructs/objects/pod/lifecycle.ts.
*/}}

{{/*
A delay before SIGTERM as a preStop handler: the sleep action (1.30), `sleep` in the container, or
an httpGet endpoint that returns after the delay; nothing for `app` and `none`.
Input: (dict "mechanism" "seconds" "path" "port").
*/}}
{{- define "hw.lifecycle.handler" -}}
{{- if eq .mechanism "sleep" -}}
sleep:
  seconds: {{ .seconds | int }}
{{- else if eq .mechanism "exec" -}}
exec:
  command: ["sleep", {{ .seconds | int | toString | quote }}]
{{- else if eq .mechanism "http" -}}
httpGet:
  path: {{ .path | quote }}
  port: {{ .port | int }}
{{- end -}}
{{- end -}}

{{/* The application's preStop hook, or nothing when the app delays its own shutdown or serves no traffic. */}}
{{- define "hw.lifecycle.preStop" -}}
{{- $preStop := .timings.preStop -}}
{{- include "hw.lifecycle.handler" (dict "mechanism" $preStop.mechanism "seconds" $preStop.seconds "path" .spec.preStop.path "port" (.spec.preStop.port | default .spec.port)) -}}
{{- end -}}
