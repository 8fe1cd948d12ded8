{{/*
Containers, mirroring src/constructs/objects/pod/containers.ts.
*/}}

{{/*
The fields every container gets, hardened alike: image, arguments, environment, resources, the
restricted security context, the writable /tmp and the container's own files.
Input: (dict "name" "image" "command" (optional) "args" (optional) "env" (resolved entries)
"envFrom" (optional) "files" (optional) "resources" "extraMounts" (optional: the mounts a role
adds, as YAML)).
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
{{- with include "hw.env.from" .envFrom }}
envFrom:
  {{- . | nindent 2 }}
{{- end }}
resources:
  requests:
    cpu: {{ .resources.cpu | quote }}
    memory: {{ .resources.memory | quote }}
    {{- with (.resources.ephemeralStorage | default dict).request }}
    ephemeral-storage: {{ . | quote }}
    {{- end }}
  limits:
    {{- with .resources.cpuLimit }}
    cpu: {{ . | quote }}
    {{- end }}
    memory: {{ .resources.memoryLimit | quote }}
    {{- with (.resources.ephemeralStorage | default dict).limit }}
    ephemeral-storage: {{ . | quote }}
    {{- end }}
securityContext:
  {{- include "hw.security.container" . | nindent 2 }}
volumeMounts:
  {{- include "hw.volumes.containerMounts" .files | nindent 2 }}
  {{- with .extraMounts }}
  {{- . | nindent 2 }}
  {{- end }}
{{- end -}}

{{/*
The application's container: its serving port, the derived probes, the preStop delay, and all
of the pod's scratch folders and config files.
*/}}
{{- define "hw.containers.main" -}}
{{- $w := . -}}
{{- $spec := $w.spec -}}
{{- $t := $w.timings -}}
{{- $shared := dict "spec" $spec "scratch" (keys ($spec.scratch | default dict)) "configFiles" (keys ($spec.configFiles | default dict)) -}}
{{- $source := dict "name" $spec.name "image" $spec.image "env" $w.env "envFrom" $spec.envFrom "files" $spec.files "resources" $w.resources "declaredSecurity" ($spec.securityContext | default dict) "extraMounts" (printf "%s%s%s" (include "hw.volumes.sharedMounts" $shared) (include "hw.volumes.claimMounts" $spec) (include "hw.volumes.hostPathMounts" $spec)) -}}
{{- range $field := list "command" "args" }}{{ if hasKey $spec $field }}{{ $_ := set $source $field (index $spec $field) }}{{ end }}{{ end -}}
{{- include "hw.containers.base" $source }}
{{- if or $w.servingPort $spec.ports }}
ports:
  {{- with $w.servingPort }}
  - name: {{ .name | quote }}
    containerPort: {{ .containerPort | int }}
    protocol: TCP
  {{- end }}
  {{- range $port := $spec.ports }}
  - name: {{ $port.name | quote }}
    containerPort: {{ $port.port | int }}
    protocol: TCP
  {{- end }}
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

{{/*
The base fields of a container beside the application's, with the scratch folders and config
files it lists. Input: (dict "container" resolvedContainer "spec").
*/}}
{{- define "hw.containers.extraBase" -}}
{{- $container := .container -}}
{{- $shared := dict "spec" .spec "scratch" $container.scratch "configFiles" $container.configFiles -}}
{{- include "hw.containers.base" (merge (dict "extraMounts" (include "hw.volumes.sharedMounts" $shared)) $container) -}}
{{- end -}}

{{/* An init container: the base fields and what it mounts. Input: (dict "container" resolvedInitContainer "spec"). */}}
{{- define "hw.containers.init" -}}
{{- include "hw.containers.extraBase" . -}}
{{- end -}}

{{/*
A sidecar: native (restartPolicy Always, no hook) or ordinary (a preStop delay until the
application has drained), with its ports and probes.
Input: (dict "sidecar" resolvedSidecar "timings" sidecarTimings "mode" "native"|"ordinary" "spec").
*/}}
{{- define "hw.containers.sidecar" -}}
{{- $sidecar := .sidecar -}}
{{- $t := .timings -}}
{{- include "hw.containers.extraBase" (dict "container" $sidecar "spec" .spec) }}
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
{{- if and (hasKey $sidecar.probes "liveness") (hasKey $t "liveness") }}
livenessProbe:
  {{- include "hw.probe" (dict "probe" $sidecar.probes.liveness "timings" $t.liveness "restarting" true) | nindent 2 }}
{{- end }}
{{- if hasKey $t "preStopSeconds" }}
lifecycle:
  preStop:
    {{- include "hw.lifecycle.handler" (dict "mechanism" "exec" "seconds" $t.preStopSeconds) | nindent 4 }}
{{- end }}
{{- end -}}
