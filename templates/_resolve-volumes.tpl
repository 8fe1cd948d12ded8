{{/*
The pod's storage, mirroring src/declaration/resolve/volumes.ts with the same messages and in the
same order: the mode of each container's files, the scratch folders kept in memory, two mounts at
one path or one inside a read-only one, the memory they take, and the size and name of the
generated ConfigMap (src/declaration/config-files.ts).
*/}}

{{/* One container's files: (dict "files" files-or-nil "path" "files"). Output: JSON with `mounts` and `problems`. */}}
{{- define "hw.checkFiles" -}}
{{- $files := .files | default dict -}}
{{- $mounts := list -}}
{{- $problems := list -}}
{{- range $key := keys $files | sortAlpha -}}
{{- $declared := index $files $key -}}
{{- if hasKey $declared "mode" -}}
{{- $mode := $declared.mode | int -}}
{{- /* The group's read bit (octal 0040): the group digit is 4 or more. */ -}}
{{- if lt (mod (div $mode 8) 8) 4 -}}
{{- $problems = append $problems (dict "path" (printf "%s.%s.mode" $.path $key) "value" $declared.mode "rule" (printf "mode %d (octal %04o) does not let the group read the files; they belong to root and the pod's group (fsGroup 65532), so the container's user 65532 reads them as the group" $mode $mode) "fix" "use 288 (octal 0440), or another mode with the group's read bit (octal 0040)") -}}
{{- end -}}
{{- end -}}
{{- $mounts = append $mounts (dict "field" (printf "%s.%s.path" $.path $key) "path" $declared.path "readOnly" true "file" false) -}}
{{- end -}}
{{- dict "mounts" $mounts "problems" $problems | toJson -}}
{{- end -}}

{{/* Two mounts at one path, or one inside a read-only one; each reported at the later mount. Input: the mounts. Output: JSON list of problems. */}}
{{- define "hw.checkMounts" -}}
{{- $mounts := . -}}
{{- $problems := list -}}
{{- range $index, $mount := $mounts -}}
{{- $found := false -}}
{{- range $earlier := slice $mounts 0 $index -}}
{{- if not $found -}}
{{- $problem := dict -}}
{{- if eq $mount.path $earlier.path -}}
{{- $problem = dict "rule" (printf "%s already mounts %s" $earlier.field $mount.path) "fix" ((eq $earlier.field "tmp") | ternary "choose another path: /tmp is always writable, and tmp.sizeLimit sizes it" "give each its own path") -}}
{{- else if and $earlier.readOnly (hasPrefix (printf "%s/" $earlier.path) $mount.path) -}}
{{- $problem = dict "rule" (printf "the path lies inside %s (%s), %s, where no mount point can be created" $earlier.path $earlier.field ($earlier.file | ternary "a read-only file" "mounted read-only")) "fix" (printf "choose a path outside %s" $earlier.path) -}}
{{- else if and $mount.readOnly (hasPrefix (printf "%s/" $mount.path) $earlier.path) -}}
{{- $problem = dict "rule" (printf "%s (%s) lies inside this path, which would be %s, where no mount point can be created" $earlier.path $earlier.field ($mount.file | ternary "a read-only file" "mounted read-only")) "fix" (printf "choose a path that does not hold %s" $earlier.path) -}}
{{- end -}}
{{- if $problem -}}
{{- $problems = append $problems (merge (dict "path" $mount.field "value" $mount.path) $problem) -}}
{{- $found = true -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- toJson $problems -}}
{{- end -}}

{{/*
The files of folders in memory count against the memory limit of the container that writes them,
mirroring checkMemory: (dict "inMemory" (list (dict "field" "size")) "memory" "path"), `path`
where the limit is declared. Output: JSON list of problems.
*/}}
{{- define "hw.checkMemory" -}}
{{- $problems := list -}}
{{- if .inMemory -}}
{{- $cap := 4503599627370496 -}}
{{- $total := 0 -}}
{{- $terms := list -}}
{{- range $item := .inMemory -}}
{{- $total = min (add $total (include "hw.memoryBytes" $item.size | int64)) $cap -}}
{{- $terms = append $terms (printf "%s %s" $item.field $item.size) -}}
{{- end -}}
{{- if ge ($total | int64) (include "hw.memoryBytes" .memory | int64) -}}
{{- $problems = append $problems (dict "path" .path "value" .memory "rule" (printf "the memory limit must be larger than the scratch space kept in memory, whose files count against it (%s)" (join ", " $terms)) "fix" (printf "raise %s, lower those size limits, or keep the folders on disk (medium: disk)" .path)) -}}
{{- end -}}
{{- end -}}
{{- toJson $problems -}}
{{- end -}}

{{/* Input: (dict "spec" spec). Output: JSON with `problems` and, with config files, `configMapName`. */}}
{{- define "hw.resolveVolumes" -}}
{{- $spec := .spec -}}
{{- $tmp := $spec.tmp -}}
{{- $scratch := $spec.scratch | default dict -}}
{{- $configFiles := $spec.configFiles | default dict -}}
{{- $files := include "hw.checkFiles" (dict "files" $spec.files "path" "files") | fromJson -}}
{{- $problems := $files.problems | default list -}}
{{- $mounts := prepend ($files.mounts | default list) (dict "field" "tmp" "path" "/tmp" "readOnly" false "file" false) -}}
{{- $inMemory := list -}}
{{- if eq $tmp.medium "memory" }}{{ $inMemory = append $inMemory (dict "field" "tmp" "size" $tmp.sizeLimit) }}{{ end -}}
{{- range $key := keys $scratch | sortAlpha -}}
{{- $folder := index $scratch $key -}}
{{- $mounts = append $mounts (dict "field" (printf "scratch.%s.path" $key) "path" $folder.path "readOnly" false "file" false) -}}
{{- if eq ($folder.medium | default "disk") "memory" -}}
{{- if hasKey $folder "sizeLimit" -}}
{{- $inMemory = append $inMemory (dict "field" (printf "scratch.%s" $key) "size" $folder.sizeLimit) -}}
{{- else -}}
{{- $problems = append $problems (dict "path" (printf "scratch.%s.sizeLimit" $key) "rule" (printf "a scratch folder in memory needs a size limit: its files count against the container's memory limit (%s)" ($spec.resources.memoryLimit | default $spec.resources.memory)) "fix" (printf "add scratch.%s.sizeLimit, e.g. 64Mi, or keep the folder on disk (medium: disk)" $key)) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- /* A stateful workload's own volumes, writable folders like scratch. */ -}}
{{- $claims := ($spec.stateful | default dict).volumeClaims | default dict -}}
{{- range $key := keys $claims | sortAlpha -}}
{{- $mounts = append $mounts (dict "field" (printf "stateful.volumeClaims.%s.mountPath" $key) "path" (index $claims $key).mountPath "readOnly" false "file" false) -}}
{{- end -}}
{{- /* A node agent's host paths, read-only unless declared otherwise. */ -}}
{{- $hostPaths := ($spec.daemon | default dict).hostPaths | default dict -}}
{{- range $key := keys $hostPaths | sortAlpha -}}
{{- $hostPath := index $hostPaths $key -}}
{{- $field := printf "daemon.hostPaths.%s.%s" $key (hasKey $hostPath "mountPath" | ternary "mountPath" "path") -}}
{{- $mounts = append $mounts (dict "field" $field "path" ($hostPath.mountPath | default $hostPath.path) "readOnly" $hostPath.readOnly "file" (or (eq $hostPath.type "File") (eq $hostPath.type "Socket"))) -}}
{{- end -}}
{{- $keys := keys $configFiles | sortAlpha -}}
{{- range $key := $keys -}}
{{- $mounts = append $mounts (dict "field" (printf "configFiles.%s.path" $key) "path" (index $configFiles $key).path "readOnly" true "file" true) -}}
{{- end -}}
{{- $problems = concat $problems (include "hw.checkMounts" $mounts | fromJsonArray) -}}

{{- /* Folders in memory count against the memory limit: the request unless a limit is declared. */ -}}
{{- $memoryField := (hasKey $spec.resources "memoryLimit") | ternary "memoryLimit" "memory" -}}
{{- $problems = concat $problems (include "hw.checkMemory" (dict "inMemory" $inMemory "memory" (index $spec.resources $memoryField) "path" (printf "resources.%s" $memoryField)) | fromJsonArray) -}}

{{- $result := dict "problems" $problems -}}
{{- if $keys -}}
{{- $bytes := 0 -}}
{{- range $key := $keys }}{{ $bytes = add $bytes (len (index $configFiles $key).content) }}{{ end -}}
{{- if gt $bytes 1048576 -}}
{{- $problems = append $problems (dict "path" "configFiles" "value" $configFiles "rule" (printf "a ConfigMap holds at most 1048576 bytes, and these files hold %d" $bytes) "fix" "put large files into the image, or into a ConfigMap or Secret of their own mounted with files") -}}
{{- end -}}
{{- $result = dict "problems" $problems "configMapName" (include "hw.configMapName" (dict "instance" $spec.instance "files" $configFiles)) -}}
{{- end -}}
{{- toJson $result -}}
{{- end -}}

{{/*
The generated ConfigMap's name, mirroring configMapName in src/declaration/config-files.ts (which
defines the bytes hashed): for each file in key order, key, path and the SHA-256 of its content,
each followed by a line feed; the name is the instance, "-config-" and the first 10 hex digits of
that input's SHA-256. Input: (dict "instance" instance "files" configFiles).
*/}}
{{- define "hw.configMapName" -}}
{{- $input := "" -}}
{{- range $key := keys .files | sortAlpha -}}
{{- $file := index $.files $key -}}
{{- $input = printf "%s%s\n%s\n%s\n" $input $key $file.path (sha256sum $file.content) -}}
{{- end -}}
{{- printf "%s-config-%s" .instance (sha256sum $input | trunc 10) -}}
{{- end -}}
