{{/*
Containers, mirroring src/constructs/objects/pod/containers.ts.
*/}}

{{/*
The fields every container gets, hardened alike: image, arguments, environment, resources, the
restricted security context, the writable /tmp and the container's own files.
Input: (dict "name" "image" "args" (optional) "env" (resolved entries) "envFrom" (optional)
"files" (optional) "resources" "extraMounts" (optional: the mounts a role adds, as YAML)).
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
{{- with include "hw.env.from" .envFrom }}
envFrom:
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
  {{- include "hw.volumes.containerMounts" .files | nindent 2 }}
  {{- with .extraMounts }}
  {{- . | nindent 2 }}
  {{- end }}
{{- end -}}

{{/*
The application's container: its serving port, the derived probes, the preStop delay, and the
pod's scratch folders and config files.
*/}}
{{- define "hw.containers.main" -}}
{{- $w := . -}}
{{- $spec := $w.spec -}}
{{- $t := $w.timings -}}
{{- $source := dict "name" $spec.name "image" $spec.image "env" $w.env "envFrom" $spec.envFrom "files" $spec.files "resources" $w.resources "extraMounts" (include "hw.volumes.podMounts" $w) -}}
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
