{{/*
Environment variables, mirroring src/constructs/objects/pod/env.ts: by name, in name order.
Input: the map of names to values. Renders nothing for an empty map.
*/}}
{{- define "hw.env.list" -}}
{{- $env := . -}}
{{- range $name := keys $env | sortAlpha }}
- name: {{ $name | quote }}
  value: {{ index $env $name | quote }}
{{- end }}
{{- end -}}
