{{/*
Containers, mirroring src/constructs/objects/pod/containers.ts.
*/}}

{{/*
The fields every container gets, hardened alike: image, arguments, environment, resources, the
restricted security context and the writable /tmp.
Input: (dict "name" "image" "args" (optional) "env" "resources").
*/}}
{{- define "hw.containers.base" -}}
name: {{ .name | quote }}
image: {{ .image | quote }}
imagePullPolicy: IfNotPresent
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
