{{/*
Volumes and mounts, mirroring src/constructs/objects/pod/volumes.ts: the root filesystem is
read-only, so the writable paths are /tmp (every container) and the scratch folders, each an
emptyDir with a size limit; files from Secrets and ConfigMaps are read-only folders (the files of
every container, each volume once), the config files read-only files of the generated ConfigMap. Volumes come in the order the mounts do: tmp,
files, scratch, config files.
*/}}

{{- define "hw.volumes.emptyDir" -}}
sizeLimit: {{ .sizeLimit | quote }}
{{- if eq .medium "memory" }}
medium: Memory
{{- end }}
{{- end -}}

{{/* The volumes of one container's files, readable by the pod's group (0440 unless declared). Input: the files map. */}}
{{- define "hw.volumes.files" -}}
{{- $files := . | default dict -}}
{{- range $key := keys $files | sortAlpha }}
{{- $declared := index $files $key }}
- name: {{ printf "files-%s" $key | quote }}
  {{ hasKey $declared "secret" | ternary "secret" "configMap" }}:
    {{ hasKey $declared "secret" | ternary "secretName" "name" }}: {{ hasKey $declared "secret" | ternary $declared.secret $declared.configMap | quote }}
    defaultMode: {{ hasKey $declared "mode" | ternary $declared.mode 288 | int }}
    {{- if hasKey $declared "items" }}
    {{- if $declared.items }}
    items:
      {{- range $item := keys $declared.items | sortAlpha }}
      - key: {{ $item | quote }}
        path: {{ index $declared.items $item | quote }}
      {{- end }}
    {{- else }}
    items: []
    {{- end }}
    {{- end }}
    {{- if hasKey $declared "optional" }}
    optional: {{ $declared.optional | toJson }}
    {{- end }}
{{- end }}
{{- end -}}

{{/* Input: the resolved workload. */}}
{{- define "hw.volumes.pod" -}}
{{- $spec := .spec -}}
- name: tmp
  emptyDir:
    {{- include "hw.volumes.emptyDir" $spec.tmp | nindent 4 }}
{{- include "hw.volumes.files" .podFiles }}
{{- $scratch := $spec.scratch | default dict }}
{{- range $key := keys $scratch | sortAlpha }}
{{- $folder := index $scratch $key }}
- name: {{ printf "scratch-%s" $key | quote }}
  emptyDir:
    {{- include "hw.volumes.emptyDir" (dict "sizeLimit" ($folder.sizeLimit | default "1Gi") "medium" ($folder.medium | default "disk")) | nindent 4 }}
{{- end }}
{{- if .configMapName }}
- name: config-files
  configMap:
    name: {{ .configMapName | quote }}
{{- end }}
{{- $hostPaths := ($spec.daemon | default dict).hostPaths | default dict }}
{{- range $name := keys $hostPaths | sortAlpha }}
- name: {{ printf "host-%s" $name | quote }}
  hostPath:
    path: {{ (index $hostPaths $name).path | quote }}
    type: {{ (index $hostPaths $name).type | quote }}
{{- end }}
{{- end -}}

{{/* What every container mounts: /tmp, and its own files. Input: the files map. */}}
{{- define "hw.volumes.containerMounts" -}}
- name: tmp
  mountPath: /tmp
{{- $files := . | default dict }}
{{- range $key := keys $files | sortAlpha }}
- name: {{ printf "files-%s" $key | quote }}
  mountPath: {{ (index $files $key).path | quote }}
  readOnly: true
{{- end }}
{{- end -}}

{{/*
The pod's own storage a container mounts besides: scratch folders and config files (each file by
subPath), by their keys. The application's container mounts all of them; an init container or a
sidecar the ones it lists. Input: (dict "spec" "scratch" keys "configFiles" keys).
*/}}
{{- define "hw.volumes.sharedMounts" -}}
{{- $scratch := .spec.scratch | default dict }}
{{- range $key := .scratch | sortAlpha }}
- name: {{ printf "scratch-%s" $key | quote }}
  mountPath: {{ (index $scratch $key).path | quote }}
{{- end }}
{{- $configFiles := .spec.configFiles | default dict }}
{{- range $key := .configFiles | sortAlpha }}
- name: config-files
  mountPath: {{ (index $configFiles $key).path | quote }}
  subPath: {{ $key | quote }}
  readOnly: true
{{- end }}
{{- end -}}

{{/* The application's mounts of a stateful workload's own volumes, mirroring claimMounts in src/constructs/objects/pod/volumes.ts. Input: the spec. */}}
{{- define "hw.volumes.claimMounts" -}}
{{- $claims := (.stateful | default dict).volumeClaims | default dict }}
{{- range $name := keys $claims | sortAlpha }}
- name: {{ $name | quote }}
  mountPath: {{ (index $claims $name).mountPath | quote }}
{{- end }}
{{- end -}}

{{/* The application's mounts of a node agent's host paths, mirroring hostPathMounts in src/constructs/objects/pod/volumes.ts. Input: the spec. */}}
{{- define "hw.volumes.hostPathMounts" -}}
{{- $hostPaths := (.daemon | default dict).hostPaths | default dict }}
{{- range $name := keys $hostPaths | sortAlpha }}
{{- $hostPath := index $hostPaths $name }}
- name: {{ printf "host-%s" $name | quote }}
  mountPath: {{ $hostPath.mountPath | default $hostPath.path | quote }}
  {{- if $hostPath.readOnly }}
  readOnly: true
  {{- end }}
{{- end }}
{{- end -}}
