{{/*
Environment variables, mirroring src/constructs/objects/pod/env.ts: in the order hw.resolveEnv
decided. Input: the resolved entries. Renders nothing for none.
*/}}
{{- define "hw.env.list" -}}
{{- /* The pod facts the downward API gives variables. */ -}}
{{- $fieldPaths := include "hw.table.podFieldPaths" . | fromJson -}}
{{- range $entry := . }}
- name: {{ $entry.name | quote }}
{{- if hasKey $entry "value" }}
  value: {{ $entry.value | quote }}
{{- else if hasKey $entry "secret" }}
  valueFrom:
    secretKeyRef:
      {{- include "hw.env.keyReference" $entry.secret | nindent 6 }}
{{- else if hasKey $entry "configMap" }}
  valueFrom:
    configMapKeyRef:
      {{- include "hw.env.keyReference" $entry.configMap | nindent 6 }}
{{- else if hasKey $entry "pod" }}
  valueFrom:
    fieldRef:
      fieldPath: {{ index $fieldPaths $entry.pod | quote }}
{{- else }}
  valueFrom:
    resourceFieldRef:
      resource: {{ $entry.resource.field | quote }}
      {{- if hasKey $entry.resource "divisor" }}
      divisor: {{ $entry.resource.divisor | quote }}
      {{- end }}
{{- end }}
{{- end }}
{{- end -}}

{{- define "hw.env.keyReference" -}}
name: {{ .name | quote }}
key: {{ .key | quote }}
{{- if hasKey . "optional" }}
optional: {{ .optional | toJson }}
{{- end }}
{{- end -}}

{{/* Whole Secrets and ConfigMaps as variables, in the order declared. Input: the envFrom list. */}}
{{- define "hw.env.from" -}}
{{- range $source := . }}
-
  {{- if hasKey $source "prefix" }}
  prefix: {{ $source.prefix | quote }}
  {{- end }}
  {{ hasKey $source "secret" | ternary "secretRef" "configMapRef" }}:
    name: {{ hasKey $source "secret" | ternary $source.secret $source.configMap | quote }}
    {{- if hasKey $source "optional" }}
    optional: {{ $source.optional | toJson }}
    {{- end }}
{{- end }}
{{- end -}}
