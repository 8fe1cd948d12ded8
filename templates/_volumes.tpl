{{/*
Volumes and mounts, mirroring src/constructs/objects/pod/volumes.ts: the root filesystem is
read-only, so /tmp is the one writable path every container gets.
*/}}
{{- define "hw.volumes.pod" -}}
- name: tmp
  emptyDir: {}
{{- end -}}

{{- define "hw.volumes.containerMounts" -}}
- name: tmp
  mountPath: /tmp
{{- end -}}
