{{/*
Pod Security Standard "restricted", mirroring src/constructs/objects/pod/security.ts.
*/}}

{{/* The pod as a whole: a non-root user that exists in distroless images (nonroot, 65532). */}}
{{- define "hw.security.pod" -}}
runAsNonRoot: true
runAsUser: 65532
runAsGroup: 65532
fsGroup: 65532
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/* Every container, whatever its role: nothing runs with more. */}}
{{- define "hw.security.container" -}}
allowPrivilegeEscalation: false
privileged: false
readOnlyRootFilesystem: true
runAsNonRoot: true
capabilities:
  drop: ["ALL"]
{{- end -}}
