{{/*
The pod annotations that keep an injected mesh proxy serving until the application has drained,
mirroring src/constructs/objects/pod/mesh.ts (which cites the Istio and Linkerd documentation).
Input: the resolved workload. Output: a JSON map, empty without a mesh.
*/}}
{{- define "hw.mesh.annotations" -}}
{{- $annotations := dict -}}
{{- with .timings.containers.mesh -}}
{{- if eq .name "istio" -}}
{{- $_ := set $annotations "proxy.istio.io/config" (printf "holdApplicationUntilProxyStarts: true\nterminationDrainDuration: %ds" (.drainSeconds | int)) -}}
{{- else if eq .name "linkerd" -}}
{{- $_ := set $annotations "config.alpha.linkerd.io/proxy-wait-before-exit-seconds" (.drainSeconds | int | toString) -}}
{{- end -}}
{{- end -}}
{{- toJson $annotations -}}
{{- end -}}
