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
{{- $servingPort := dict "name" $table.name "protocol" $protocol "containerPort" ($spec.port | int) "servicePort" ($service.port | default $spec.port | int) -}}
{{- if hasKey $table "appProtocol" }}{{ $_ := set $servingPort "appProtocol" $table.appProtocol }}{{ end -}}
{{- $_ := set $result "servingPort" $servingPort -}}
{{- end -}}
{{- toJson $result -}}
{{- end -}}

{{/*
A Service port that sends to the container's port of the same name, mirroring servicePort in
src/constructs/objects/service.ts. Input: (dict "servingPort" "port").
*/}}
{{- define "hw.ports.servicePort" -}}
- name: {{ .servingPort.name | quote }}
  port: {{ .port | int }}
  targetPort: {{ .servingPort.name | quote }}
  protocol: TCP
  {{- with .servingPort.appProtocol }}
  appProtocol: {{ . | quote }}
  {{- end }}
{{- end -}}
