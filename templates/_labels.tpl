{{/*
Labels and metadata, mirroring src/constructs/metadata.ts. Input: the resolved workload.
*/}}

{{/* The selector: name and instance only, so that it can never change (selectors are immutable), or the one kept (keep.selector). */}}
{{- define "hw.selectorLabels" -}}
{{- $keep := .spec.keep | default dict -}}
{{- if hasKey $keep "selector" -}}
{{- include "hw.quotedLines" $keep.selector -}}
{{- else -}}
{{- include "hw.quotedLines" (dict "app.kubernetes.io/instance" .spec.instance "app.kubernetes.io/name" .spec.name) -}}
{{- end -}}
{{- end -}}

{{/* The recommended app.kubernetes.io labels plus the user's own, for every object and pod. */}}
{{- define "hw.labels" -}}
{{- $labels := deepCopy (.spec.labels | default dict) -}}
{{- $_ := set $labels "app.kubernetes.io/instance" .spec.instance -}}
{{- $_ := set $labels "app.kubernetes.io/name" .spec.name -}}
{{- $_ := set $labels "app.kubernetes.io/component" .spec.kind -}}
{{- $_ := set $labels "app.kubernetes.io/managed-by" "hardened-workloads" -}}
{{- if regexMatch "^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$" .image.tag -}}
{{- $_ := set $labels "app.kubernetes.io/version" .image.tag -}}
{{- end -}}
{{- /* Last: the pods must carry the kept selector's labels, even one such as app.kubernetes.io/component. */ -}}
{{- range $key, $value := (.spec.keep | default dict).selector | default dict }}{{ $_ := set $labels $key $value }}{{ end -}}
{{- include "hw.quotedLines" $labels -}}
{{- end -}}

{{/*
metadata of every object: the instance name, the release namespace (as charts do, so that
`helm template -n shop | kubectl apply -f -` lands in shop; the constructs take their chart's
namespace) and the common labels.
*/}}
{{- define "hw.metadata" -}}
{{- include "hw.metadataNamed" (list . .spec.instance) -}}
{{- end -}}

{{/* The same for the object of a role that may keep its name (keep.names): (list workload name). */}}
{{- define "hw.metadataNamed" -}}
{{- $w := index . 0 -}}
name: {{ index . 1 | quote }}
namespace: {{ $w.namespace | quote }}
labels:
  {{- include "hw.labels" $w | nindent 2 }}
{{- end -}}
