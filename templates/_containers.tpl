{{/*
Containers, mirroring src/constructs/objects/pod/containers.ts.
*/}}

{{/*
The fields every container gets, hardened alike: image, arguments, environment, resources, the
restricted security context and the writable /tmp.
Input: (dict "name" "image" "command" (optional) "args" (optional) "env" "resources").
*/}}
{{- define "hw.containers.base" -}}
name: {{ .name | quote }}
image: {{ .image | quote }}
imagePullPolicy: IfNotPresent
{{- if hasKey . "command" }}
command: {{ include "hw.quotedList" .command }}
{{- end }}
{{- if hasKey . "args" }}
args: {{ include "hw.quotedList" .args }}
{{- end }}
{{- with include "hw.env.list" .env }}
env:
  {{- . | nindent 2 }}
{{- end }}
resources:
  requests:
    cpu: {{ .resources.cpu | quote }}
    memory: {{ .resources.memory | quote }}
  limits:
    {{- with .resources.cpuLimit }}
    cpu: {{ . | quote }}
    {{- end }}
    memory: {{ .resources.memory | quote }}
securityContext:
  {{- include "hw.security.container" . | nindent 2 }}
volumeMounts:
  {{- include "hw.volumes.containerMounts" . | nindent 2 }}
{{- end -}}

{{/* The application's container: its serving port, the derived probes and the preStop delay. */}}
{{- define "hw.containers.main" -}}
{{- $w := . -}}
{{- $spec := $w.spec -}}
{{- $t := $w.timings -}}
{{- $source := dict "name" $spec.name "image" $spec.image "env" $spec.env "resources" $w.resources -}}
{{- if hasKey $spec "args" }}{{ $_ := set $source "args" $spec.args }}{{ end -}}
{{- include "hw.containers.base" $source }}
{{- if hasKey $spec "port" }}
ports:
  - name: http
    containerPort: {{ $spec.port | int }}
    protocol: TCP
{{- end }}
{{- with $w.probes.readiness }}
readinessProbe:
  {{- include "hw.probe" (dict "probe" . "timings" $t.readiness "restarting" false) | nindent 2 }}
{{- end }}
{{- with $w.probes.liveness }}
livenessProbe:
  {{- include "hw.probe" (dict "probe" . "timings" $t.liveness "restarting" true) | nindent 2 }}
{{- end }}
{{- with $w.probes.startup }}
startupProbe:
  {{- include "hw.probe" (dict "probe" . "timings" $t.startup "restarting" true) | nindent 2 }}
{{- end }}
{{- with include "hw.lifecycle.preStop" $w }}
lifecycle:
  preStop:
    {{- . | nindent 4 }}
{{- end }}
{{- end -}}

{{/* An init container: the base fields only. Input: the resolved init container. */}}
{{- define "hw.containers.init" -}}
{{- include "hw.containers.base" . -}}
{{- end -}}

{{/*
A sidecar: native (restartPolicy Always, no hook) or ordinary (a preStop delay until the
application has drained), with its ports and probes.
Input: (dict "sidecar" resolvedSidecar "timings" sidecarTimings "mode" "native"|"ordinary").
*/}}
{{- define "hw.containers.sidecar" -}}
{{- $sidecar := .sidecar -}}
{{- $t := .timings -}}
{{- include "hw.containers.base" $sidecar }}
{{- if eq .mode "native" }}
restartPolicy: Always
{{- end }}
{{- with $sidecar.ports }}
ports:
  {{- range $port := . }}
  - name: {{ $port.name | quote }}
    containerPort: {{ $port.port | int }}
    protocol: TCP
  {{- end }}
{{- end }}
{{- if and (hasKey $sidecar.probes "startup") (hasKey $t "startup") }}
startupProbe:
  {{- include "hw.probe" (dict "probe" $sidecar.probes.startup "timings" $t.startup "restarting" true) | nindent 2 }}
{{- end }}
{{- if and (hasKey $sidecar.probes "readiness") (hasKey $t "readiness") }}
readinessProbe:
  {{- include "hw.probe" (dict "probe" $sidecar.probes.readiness "timings" $t.readiness "restarting" false) | nindent 2 }}
{{- end }}
{{- if hasKey $t "preStopSeconds" }}
lifecycle:
  preStop:
    {{- include "hw.lifecycle.handler" (dict "mechanism" "exec" "seconds" $t.preStopSeconds) | nindent 4 }}
{{- end }}
{{- end -}}
