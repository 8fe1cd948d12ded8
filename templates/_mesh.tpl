{{/*
The pod annotations that keep an injected mesh proxy serving until the application has drained,
mirroring src/constructs/objects/pod/mesh.ts (which cites the Istio and Linkerd documentation).
Input: the resolved workload. Renders nothing without a mesh.
*/}}
{{- define "hw.mesh.annotations" -}}
{{- with .timings.containers.mesh -}}
{{- if eq .name "istio" -}}
"proxy.istio.io/config": {{ printf "holdApplicationUntilProxyStarts: true\nterminationDrainDuration: %ds" (.drainSeconds | int) | quote }}
{{- else if eq .name "linkerd" -}}
"config.alpha.linkerd.io/proxy-wait-before-exit-seconds": {{ .drainSeconds | int | toString | quote }}
{{- end -}}
{{- end -}}
{{- end -}}
