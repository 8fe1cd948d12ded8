{{/*
The serving port, mirroring src/declaration/resolve/ports.ts: its name and appProtocol from the
declared protocol (or grpc when readiness checks gRPC on it), read from the one table
hw.table.protocolPorts (src/declaration/protocols.ts, where the sources are cited), and the
Service's port. Input: (dict "spec" "probes"). Output JSON: { problems, servingPort (absent
without a port) }.
*/}}
{{- define "hw.ports.resolve" -}}
{{- $spec := .spec -}}
{{- $readiness := .probes.readiness | default dict -}}
{{- $problems := list -}}
{{- $grpcReadiness := and (eq ($readiness.type | default "") "grpc") (hasKey $spec "port") (eq ($readiness.port | int) ($spec.port | int)) -}}
{{- if and (eq ($spec.protocol | default "") "http") $grpcReadiness -}}
{{- $problems = append $problems (dict "path" "protocol" "value" $spec.protocol "rule" "gRPC runs over HTTP/2, and health.readiness checks gRPC on the serving port: a mesh or load balancer told http speaks HTTP/1.1 to it" "fix" "write protocol: grpc, or leave it out (a gRPC readiness check implies grpc)") -}}
{{- end -}}
{{- $result := dict "problems" $problems -}}
{{- if hasKey $spec "port" -}}
{{- $protocol := $spec.protocol | default ($grpcReadiness | ternary "grpc" "http") -}}
{{- $table := index (include "hw.table.protocolPorts" . | fromJson) $protocol -}}
{{- $service := $spec.service | default dict -}}
{{- $servingPort := dict "name" $table.name "servicePortName" (($spec.keep | default dict).servicePortName | default $table.name) "protocol" $protocol "containerPort" ($spec.port | int) "servicePort" ($service.port | default $spec.port | int) -}}
{{- if hasKey $table "appProtocol" }}{{ $_ := set $servingPort "appProtocol" $table.appProtocol }}{{ end -}}
{{- /* A kept Service port name no longer says plain HTTP to Istio: appProtocol http does (keptNameProtocol in ports.ts). */ -}}
{{- if and (eq $protocol "http") (ne $servingPort.servicePortName "http") (not (hasPrefix "http-" $servingPort.servicePortName)) }}{{ $_ := set $servingPort "appProtocol" "http" }}{{ end -}}
{{- $_ := set $result "servingPort" $servingPort -}}
{{- end -}}
{{- /* The metrics port (metricsPort and checkMetricsPort in src/declaration/resolve/ports.ts): metrics.port by name, or the serving port. */ -}}
{{- /* An empty metrics map is falsy in a template: hasKey, not with. */ -}}
{{- if hasKey $spec "metrics" -}}
{{- $metrics := $spec.metrics -}}
{{- $_ := set $result "metrics" (merge (deepCopy $metrics) (include "hw.table.metricsDefaults" $ | fromJson)) -}}
{{- $declared := list -}}
{{- with $result.servingPort }}{{ $declared = append $declared (dict "name" .name "port" .containerPort) }}{{ end -}}
{{- range $port := $spec.ports | default list }}{{ $declared = append $declared (dict "name" $port.name "port" ($port.port | int)) }}{{ end -}}
{{- $wanted := "" -}}
{{- if hasKey $metrics "port" }}{{ $wanted = $metrics.port }}{{ else if $result.servingPort }}{{ $wanted = $result.servingPort.name }}{{ end -}}
{{- range $candidate := $declared }}{{ if and (not (hasKey $result "metricsPort")) (eq $candidate.name $wanted) }}{{ $_ := set $result "metricsPort" $candidate }}{{ end }}{{ end -}}
{{- if not (hasKey $result "metricsPort") -}}
{{- if not (hasKey $metrics "port") -}}
{{- $problems = append $problems (dict "path" "metrics.port" "value" nil "rule" "the metrics are scraped from the serving port unless metrics.port names another, and this workload has no serving port" "fix" "declare the metrics port under ports (e.g. { name: metrics, port: 9102 }) and write metrics.port: metrics") -}}
{{- else -}}
{{- $names := list -}}
{{- range $candidate := $declared }}{{ $names = append $names $candidate.name }}{{ end -}}
{{- $fix := (gt (len $names) 0) | ternary (printf "write one of %s, or declare the port under ports" (join ", " $names)) "declare the port under ports, e.g. { name: metrics, port: 9102 }" -}}
{{- $problems = append $problems (dict "path" "metrics.port" "value" $metrics.port "rule" (printf "metrics.port names a port of the main container, and the workload has no port called \"%s\"" $metrics.port) "fix" $fix) -}}
{{- end -}}
{{- $_ := set $result "problems" $problems -}}
{{- end -}}
{{- end -}}
{{- /* The Service's port numbers (checkServicePorts in src/declaration/resolve/ports.ts): ports[].servicePort needs a Service, and each number is published once. */ -}}
{{- $problems = $result.problems -}}
{{- $servingPort := $result.servingPort -}}
{{- if not (and $servingPort (include "hw.kinds.makes" (list $spec.kind "Service"))) -}}
{{- range $index, $port := $spec.ports | default list -}}
{{- if hasKey $port "servicePort" -}}
{{- $problems = append $problems (dict "path" (printf "ports[%d].servicePort" $index) "value" $port.servicePort "rule" (printf "ports[%d].servicePort publishes the port in the workload's Service, and this workload has no Service (it needs a port and kind web or stateful)" $index) "fix" (printf "remove ports[%d].servicePort" $index)) -}}
{{- end -}}
{{- end -}}
{{- else -}}
{{- $moved := ne ($servingPort.servicePort | int) ($servingPort.containerPort | int) -}}
{{- $published := dict (toString ($servingPort.servicePort | int)) (dict "holder" ($moved | ternary "the serving port (service.port)" "the serving port") "moved" $moved) -}}
{{- range $index, $port := $spec.ports | default list -}}
{{- $number := (hasKey $port "servicePort") | ternary $port.servicePort $port.port | int -}}
{{- $key := toString $number -}}
{{- if not (hasKey $published $key) -}}
{{- $_ := set $published $key (dict "holder" (printf "ports[%d]" $index) "moved" (ne $number ($port.port | int))) -}}
{{- else if or (ne $number ($port.port | int)) (index $published $key).moved -}}
{{- $path := (hasKey $port "servicePort") | ternary (printf "ports[%d].servicePort" $index) (printf "ports[%d].port" $index) -}}
{{- $fix := (hasKey $port "servicePort") | ternary (printf "give ports[%d].servicePort another number" $index) (printf "publish ports[%d] under another number with ports[%d].servicePort" $index $index) -}}
{{- $problems = append $problems (dict "path" $path "value" $number "rule" (printf "the Service's port numbers must be unique, and %s is already published on %d there" (index $published $key).holder $number) "fix" $fix) -}}
{{- end -}}
{{- end -}}
{{- /* service.extraPorts: more Service ports on the serving port, each name and number apart from every other port of the Service. */ -}}
{{- $names := dict $servingPort.servicePortName "the serving port" -}}
{{- range $index, $port := $spec.ports | default list }}{{ $_ := set $names $port.name (printf "ports[%d]" $index) }}{{ end -}}
{{- range $index, $extra := ($spec.service | default dict).extraPorts | default list -}}
{{- $path := printf "service.extraPorts[%d]" $index -}}
{{- if hasKey $names $extra.name -}}
{{- $problems = append $problems (dict "path" (printf "%s.name" $path) "value" $extra.name "rule" (printf "the Service's port names must be unique, and %s is already called \"%s\" there" (index $names $extra.name) $extra.name) "fix" (printf "rename %s" $path)) -}}
{{- else -}}
{{- $_ := set $names $extra.name $path -}}
{{- end -}}
{{- $key := toString ($extra.port | int) -}}
{{- if hasKey $published $key -}}
{{- $problems = append $problems (dict "path" (printf "%s.port" $path) "value" $extra.port "rule" (printf "the Service's port numbers must be unique, and %s is already published on %d there" (index $published $key).holder ($extra.port | int)) "fix" (printf "give %s another port" $path)) -}}
{{- else -}}
{{- $_ := set $published $key (dict "holder" $path "moved" true) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- $_ := set $result "problems" $problems -}}
{{- toJson $result -}}
{{- end -}}

{{/*
A Service port that sends to the container's port of the same name, mirroring servicePort in
src/constructs/objects/service.ts. Input: (dict "servingPort" "port").
*/}}
{{- define "hw.ports.servicePort" -}}
- name: {{ .servingPort.servicePortName | default .servingPort.name | quote }}
  port: {{ .port | int }}
  targetPort: {{ .servingPort.name | quote }}
  protocol: TCP
  {{- with .servingPort.appProtocol }}
  appProtocol: {{ . | quote }}
  {{- end }}
{{- end -}}

{{/*
NetworkPolicy peers as networkPolicyPeer in src/constructs/objects/network-policy.ts writes them:
a network, or pods by namespace and pod labels. Input: a list of declared peers.
*/}}
{{- define "hw.ports.peers" -}}
{{- range $peer := . }}
{{- if hasKey $peer "cidr" }}
- ipBlock:
    cidr: {{ $peer.cidr | quote }}
{{- else }}
-{{ if not (or (hasKey $peer "namespaceLabels") (hasKey $peer "podLabels")) }} {}{{ end }}
  {{- if hasKey $peer "namespaceLabels" }}
  namespaceSelector:
    matchLabels: {{ include "hw.quotedMap" $peer.namespaceLabels }}
  {{- end }}
  {{- if hasKey $peer "podLabels" }}
  podSelector:
    matchLabels: {{ include "hw.quotedMap" $peer.podLabels }}
  {{- end }}
{{- end }}
{{- end }}
{{- end -}}

{{/*
The NetworkPolicy's rules for the main container's extra ports and the metrics scraper, mirroring
networkPolicyProps in src/constructs/objects/network-policy.ts: each extra port admits its own
peers, one without peers no one; the scraper is admitted to the metrics port only. Input: the
resolved workload.
*/}}
{{- define "hw.ports.ingressRules" -}}
{{- range $port := .spec.ports | default list }}
{{- if hasKey $port "from" }}
- from:
    {{- include "hw.ports.peers" $port.from | nindent 4 }}
  ports:
    - port: {{ $port.port | int }}
      protocol: TCP
{{- end }}
{{- end }}
{{- with .metricsPort }}
- from:
    {{- include "hw.ports.peers" $.metrics.from | nindent 4 }}
  ports:
    - port: {{ .port | int }}
      protocol: TCP
{{- end }}
{{- end -}}
