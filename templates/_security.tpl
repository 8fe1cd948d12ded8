{{/*
Pod Security Standard "restricted", mirroring src/constructs/objects/pod/security.ts.
*/}}

{{/*
The pod as a whole: a non-root user that exists in distroless images (nonroot, 65532), with the
declared volume group and further groups, which apply to every container. Input: the resolved workload.
*/}}
{{- define "hw.security.pod" -}}
{{- $declared := .spec.securityContext | default dict -}}
runAsNonRoot: true
runAsUser: 65532
runAsGroup: 65532
fsGroup: {{ hasKey $declared "fsGroup" | ternary $declared.fsGroup 65532 | int }}
{{- if $declared.supplementalGroups }}
{{- $groups := list -}}
{{- range $group := $declared.supplementalGroups }}{{ $groups = append $groups ($group | int) }}{{ end }}
supplementalGroups: {{ $groups | uniq | toJson }}
{{- end }}
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/*
Every container, whatever its role: nothing runs with more. The application's container takes the
declared user, group and capabilities (input key "declaredSecurity"); root says runAsNonRoot: false
on the container, because the kubelet refuses user 0 where the pod's runAsNonRoot: true applies.
*/}}
{{- define "hw.security.container" -}}
{{- $declared := .declaredSecurity | default dict -}}
allowPrivilegeEscalation: false
privileged: false
readOnlyRootFilesystem: true
runAsNonRoot: {{ not (and (hasKey $declared "runAsUser") (eq ($declared.runAsUser | int) 0)) }}
{{- if hasKey $declared "runAsUser" }}
runAsUser: {{ $declared.runAsUser | int }}
{{- end }}
{{- if hasKey $declared "runAsGroup" }}
runAsGroup: {{ $declared.runAsGroup | int }}
{{- end }}
capabilities:
  {{- with $declared.capabilities }}
  add: {{ . | uniq | sortAlpha | toJson }}
  {{- end }}
  drop: ["ALL"]
{{- end -}}
