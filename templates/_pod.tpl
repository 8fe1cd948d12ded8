{{/*
The one pod template every controller kind shares, mirroring src/constructs/objects/pod/pod-template.ts:
identity, grace period, security, scheduling, containers and volumes. Input: the resolved workload.
Native sidecars come first among the init containers, so that a proxy is already up for a migration.
*/}}
{{- define "hw.pod.template" -}}
{{- $w := . -}}
{{- $spec := $w.spec -}}
{{- $c := $w.timings.containers -}}
{{- $native := eq $c.sidecarMode "native" -}}
{{- /* The declared annotations and the mesh's derived ones (hw.checkPod refuses a key in both). */ -}}
{{- $annotations := merge (include "hw.mesh.annotations" $w | fromJson) ($spec.podAnnotations | default dict) -}}
metadata:
  labels:
    {{- include "hw.labels" $w | nindent 4 }}
  {{- with $annotations }}
  annotations:
    {{- include "hw.quotedLines" . | nindent 4 }}
  {{- end }}
spec:
  serviceAccountName: {{ $w.names.ServiceAccount | quote }}
  {{- /* Only a workload that declares it calls the Kubernetes API, with a reason, gets a token. */}}
  automountServiceAccountToken: {{ and (hasKey ($spec.serviceAccount | default dict) "mountApiToken") ($spec.serviceAccount | default dict).mountApiToken | toJson }}
  {{- if hasKey $spec "imagePullSecrets" }}
  imagePullSecrets:
    {{- range $name := $spec.imagePullSecrets }}
    - name: {{ $name | quote }}
    {{- else }} []
    {{- end }}
  {{- end }}
  {{- /* A Job's failed pod is replaced by a new one (counted by backoffLimit and the pod failure policy, which requires Never) rather than restarted in place. */}}
  {{- if include "hw.kinds.runsToCompletion" $spec.kind }}
  restartPolicy: Never
  {{- end }}
  {{- /* Each attempt's own deadline (templates/_job.tpl): the Job's applies to all attempts together. */}}
  {{- with $w.timings.job }}
  activeDeadlineSeconds: {{ .attemptDeadlineSeconds | int }}
  {{- end }}
  terminationGracePeriodSeconds: {{ $w.timings.terminationGracePeriodSeconds | int }}
  securityContext:
    {{- include "hw.security.pod" $w | nindent 4 }}
  {{- include "hw.scheduling.pod" $w | nindent 2 }}
  {{- if or (and $native $w.sidecars) $w.initContainers }}
  initContainers:
    {{- if $native }}
    {{- range $index, $sidecar := $w.sidecars }}
    - {{- include "hw.containers.sidecar" (dict "sidecar" $sidecar "timings" (index $c.sidecars $index) "mode" $c.sidecarMode "spec" $spec) | nindent 6 }}
    {{- end }}
    {{- end }}
    {{- range $init := $w.initContainers }}
    - {{- include "hw.containers.init" (dict "container" $init "spec" $spec) | nindent 6 }}
    {{- end }}
  {{- end }}
  containers:
    - {{- include "hw.containers.main" $w | nindent 6 }}
    {{- if not $native }}
    {{- range $index, $sidecar := $w.sidecars }}
    - {{- include "hw.containers.sidecar" (dict "sidecar" $sidecar "timings" (index $c.sidecars $index) "mode" $c.sidecarMode "spec" $spec) | nindent 6 }}
    {{- end }}
    {{- end }}
  volumes:
    {{- include "hw.volumes.pod" $w | nindent 4 }}
{{- end -}}
