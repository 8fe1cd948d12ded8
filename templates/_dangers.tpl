{{/*
Mirrors src/declaration/resolve/dangers.ts with the tables and messages of
src/declaration/dangers.ts (hw.table.dangers): settings that need their own acknowledgement — a
toleration of every taint, ingress-nginx snippets (declared or patched into the Ingress), a scratch
folder over /proc, /dev or /sys, and a node agent's runtime socket or writable host path.
Input: the effective spec. Output: JSON with `problems` and `used` (acknowledgements relied on).
*/}}
{{- define "hw.dangers.problems" -}}
{{- $spec := . -}}
{{- $table := include "hw.table.dangers" . | fromJson -}}
{{- $acknowledge := $spec.acknowledge | default dict -}}
{{- $found := list -}}
{{- range $index, $toleration := ($spec.scheduling | default dict).tolerations | default list -}}
{{- if and (kindIs "map" $toleration) (not $toleration.key) (eq ($toleration.operator | default "") "Exists") -}}
{{- $found = append $found (dict "id" "tolerateEveryTaint" "field" (printf "scheduling.tolerations[%d]" $index) "value" $toleration "shown" "") -}}
{{- end -}}
{{- end -}}
{{- $patched := dict -}}
{{- $patch := (($spec.patches | default dict).Ingress | default dict) -}}
{{- if kindIs "map" $patch -}}
{{- $object := $patch.object -}}
{{- if and (kindIs "map" $object) (kindIs "map" $object.metadata) (kindIs "map" $object.metadata.annotations) }}{{ $patched = $object.metadata.annotations }}{{ end -}}
{{- end -}}
{{- range $written := list (list "ingress.annotations" (($spec.ingress | default dict).annotations | default dict)) (list "patches.Ingress.object.metadata.annotations" $patched) -}}
{{- $annotations := index $written 1 -}}
{{- range $key := keys $annotations | sortAlpha -}}
{{- if and (hasPrefix $table.snippetAnnotation.prefix $key) (hasSuffix $table.snippetAnnotation.suffix $key) -}}
{{- $found = append $found (dict "id" "ingressSnippets" "field" (printf "%s.%s" (index $written 0) $key) "value" (index $annotations $key) "shown" $key) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- $scratch := $spec.scratch | default dict -}}
{{- range $key := keys $scratch | sortAlpha -}}
{{- $path := include "hw.dangers.path" (index $scratch $key).path -}}
{{- $kernel := false -}}
{{- range $folder := $table.kernelFolders }}{{ if or (eq $path $folder) (hasPrefix (printf "%s/" $folder) $path) }}{{ $kernel = true }}{{ end }}{{ end -}}
{{- if $kernel -}}
{{- $found = append $found (dict "id" "kernelFolderMount" "field" (printf "scratch.%s.path" $key) "value" (index $scratch $key).path "shown" (index $scratch $key).path) -}}
{{- end -}}
{{- end -}}
{{- if eq $spec.kind "daemon" -}}
{{- $hostPaths := (include "hw.daemonSet.settings" $spec | fromJson).hostPaths -}}
{{- range $key := keys $hostPaths | sortAlpha -}}
{{- $hostPath := index $hostPaths $key -}}
{{- if has (include "hw.dangers.path" $hostPath.path) $table.runtimeSocketPaths -}}
{{- $found = append $found (dict "id" "runtimeSocket" "field" (printf "daemon.hostPaths.%s.path" $key) "value" $hostPath.path "shown" $hostPath.path) -}}
{{- end -}}
{{- if not $hostPath.readOnly -}}
{{- $found = append $found (dict "id" "writableHostPath" "field" (printf "daemon.hostPaths.%s.readOnly" $key) "value" $hostPath.readOnly "shown" "") -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- $problems := list -}}
{{- $used := list -}}
{{- range $danger := $found -}}
{{- if hasKey $acknowledge $danger.id -}}
{{- $used = append $used $danger.id -}}
{{- else -}}
{{- $messages := index $table.messages $danger.id -}}
{{- $rule := $messages.rule | replace "{field}" $danger.field | replace "{value}" $danger.shown -}}
{{- $fix := $messages.fix | replace "{field}" $danger.field | replace "{value}" $danger.shown -}}
{{- $problems = append $problems (dict "path" $danger.field "value" $danger.value "rule" $rule "fix" $fix) -}}
{{- end -}}
{{- end -}}
{{- dict "problems" $problems "used" $used | toJson -}}
{{- end -}}

{{/* A path as the kubelet reads it (normalisedPath in src/declaration/dangers.ts): no repeated or trailing "/". */}}
{{- define "hw.dangers.path" -}}
{{- $path := regexReplaceAll "/+" (toString .) "/" -}}
{{- if gt (len $path) 1 }}{{ $path = trimSuffix "/" $path }}{{ end -}}
{{- $path -}}
{{- end -}}
