{{/*
Init containers and sidecars, mirroring src/declaration/resolve/containers.ts: each container
resolved by itself under its path (`initContainers[1]`, `sidecars[0]`), then the names, port names
and port numbers they must not share with each other or with the main container, in the same order
and with the same messages. Input: (dict "spec" "resources" mainResources). Output: JSON with
`problems`, `used`, `initContainers` and `sidecars`.
*/}}
{{- define "hw.extraContainers.resolve" -}}
{{- $spec := .spec -}}
{{- $main := .resources -}}
{{- $acknowledge := $spec.acknowledge | default dict -}}
{{- $minor := last (splitList "." $spec.kubernetesVersion) | int -}}
{{- $problems := list -}}
{{- $used := list -}}
{{- $inits := list -}}
{{- $sidecars := list -}}

{{- range $index, $fields := $spec.initContainers | default list -}}
{{- $base := include "hw.extraContainers.base" (dict "fields" $fields "path" (printf "initContainers[%d]" $index) "spec" $spec "main" $main "acknowledge" $acknowledge) | fromJson -}}
{{- $problems = concat $problems ($base.problems | default list) | default list -}}
{{- $used = concat $used ($base.used | default list) | default list -}}
{{- $inits = append $inits (merge (dict "maxSeconds" ($fields.maxSeconds | int)) $base.container) -}}
{{- end -}}

{{- range $index, $fields := $spec.sidecars | default list -}}
{{- $path := printf "sidecars[%d]" $index -}}
{{- $base := include "hw.extraContainers.base" (dict "fields" $fields "path" $path "spec" $spec "main" $main "acknowledge" $acknowledge) | fromJson -}}
{{- $problems = concat $problems ($base.problems | default list) | default list -}}
{{- $used = concat $used ($base.used | default list) | default list -}}
{{- $sidecar := $base.container -}}
{{- $ports := $fields.ports | default list -}}
{{- /* A probe without a port of its own checks the sidecar's first port. */ -}}
{{- $portArgument := dict -}}
{{- if $ports }}{{ $_ := set $portArgument "port" (first $ports).port }}{{ end -}}
{{- $health := $fields.health | default dict -}}
{{- $probes := dict -}}
{{- range $name := list "readiness" "startup" "liveness" -}}
{{- if hasKey $health $name -}}
{{- $target := index $health $name -}}
{{- $probe := include "hw.resolveProbe" (merge (dict "target" $target) $portArgument) | fromJson -}}
{{- if $probe -}}
{{- $_ := set $probes $name $probe -}}
{{- else -}}
{{- $form := "" -}}
{{- range $candidate := list "path" "tcp" "grpc" "exec" }}{{ if hasKey $target $candidate }}{{ $form = $candidate }}{{ end }}{{ end -}}
{{- $problems = append $problems (dict "path" (printf "%s.health.%s.port" $path $name) "rule" (printf "a %s probe needs a port, and sidecar %s declares none" $form $fields.name) "fix" (printf "add %s.health.%s.port, or the port under %s.ports" $path $name $path)) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- /* Readiness checks the startup target when it is not given (resolve/containers.ts). */ -}}
{{- if and (not (hasKey $health "readiness")) (hasKey $probes "startup") }}{{ $_ := set $probes "readiness" $probes.startup }}{{ end -}}
{{- /* Liveness, when not given: a TCP check of the port readiness checks over HTTP or gRPC. */ -}}
{{- if and (not (hasKey $health "liveness")) (hasKey $probes "readiness") (has $probes.readiness.type (list "http" "grpc")) }}{{ $_ := set $probes "liveness" (dict "type" "tcp" "port" $probes.readiness.port) }}{{ end -}}
{{- /* The startup probe holds the application back until the sidecar is up; readiness (else liveness) serves when it is not given. */ -}}
{{- if not (hasKey $health "startup") -}}
{{- if hasKey $probes "readiness" }}{{ $_ := set $probes "startup" $probes.readiness }}{{ else if hasKey $probes "liveness" }}{{ $_ := set $probes "startup" $probes.liveness }}{{ end -}}
{{- end -}}
{{- $hasStartupProbe := or (hasKey $health "startup") (hasKey $health "readiness") (hasKey $health "liveness") -}}
{{- if and (hasKey $probes "liveness") (hasKey $probes "readiness") (eq (include "hw.describeProbe" $probes.liveness) (include "hw.describeProbe" $probes.readiness)) -}}
{{- $problems = append $problems (dict "path" (printf "%s.health.liveness" $path) "value" $health.liveness "rule" (printf "invariant 4 (distinctProbes): liveness of sidecar %s checks exactly what its readiness checks (%s), so a sidecar slow under load is restarted instead of being taken out of rotation" $fields.name (include "hw.describeProbe" $probes.readiness)) "fix" (printf "check liveness differently (e.g. { tcp: true } when readiness is an HTTP path), or remove %s.health.liveness" $path)) -}}
{{- end -}}
{{- if and (hasKey $fields "startSeconds") (not $hasStartupProbe) -}}
{{- $problems = append $problems (dict "path" (printf "%s.startSeconds" $path) "value" $fields.startSeconds "rule" (printf "startSeconds sizes the startup probe, and sidecar %s has no health check" $fields.name) "fix" (printf "add %s.health, e.g. { startup: { path: /startup } }, or remove %s.startSeconds" $path $path)) -}}
{{- end -}}
{{- $declaredDistroless := hasKey $fields "distroless" -}}
{{- $distroless := $declaredDistroless | ternary $fields.distroless (eq (include "hw.knownDistroless" $fields.image) "true") -}}
{{- if and $distroless (lt $minor 29) -}}
{{- $problems = append $problems (dict
  "path" (printf "%s.%s" $path ($declaredDistroless | ternary "distroless" "image"))
  "value" ($declaredDistroless | ternary true $fields.image)
  "rule" (printf "on Kubernetes %s a sidecar is an ordinary container that exec \"sleep\" in a preStop hook keeps serving until the application has drained, and this image has no sleep binary (%s)" $spec.kubernetesVersion ($declaredDistroless | ternary "distroless: true" "the image is from a known distroless registry"))
  "fix" "target Kubernetes >= 1.29 (kubernetesVersion: \"1.29\"), where it runs as a native sidecar that Kubernetes stops after the application, or use a variant of the image with a shell (a debug, -alpine or -dev tag) and set distroless: false") -}}
{{- end -}}
{{- $_ := set $sidecar "ports" $ports -}}
{{- $_ := set $sidecar "probes" $probes -}}
{{- if $hasStartupProbe }}{{ $_ := set $sidecar "startSeconds" ((hasKey $fields "startSeconds") | ternary $fields.startSeconds 30 | int) }}{{ end -}}
{{- $_ := set $sidecar "stopSeconds" ((hasKey $fields "stopSeconds") | ternary $fields.stopSeconds 5 | int) -}}
{{- $sidecars = append $sidecars $sidecar -}}
{{- end -}}

{{- /* Names are unique in the pod; the main container is named after the workload. */ -}}
{{- $names := dict $spec.name "the main container (named after the workload)" -}}
{{- $named := list -}}
{{- range $index, $init := $inits }}{{ $named = append $named (list $init.name (printf "initContainers[%d]" $index)) }}{{ end -}}
{{- range $index, $sidecar := $sidecars }}{{ $named = append $named (list $sidecar.name (printf "sidecars[%d]" $index)) }}{{ end -}}
{{- range $entry := $named -}}
{{- $name := index $entry 0 -}}
{{- $path := index $entry 1 -}}
{{- if hasKey $names $name -}}
{{- $problems = append $problems (dict "path" (printf "%s.name" $path) "value" $name "rule" (printf "container names must be unique in the pod, and %s is already called \"%s\"" (index $names $name) $name) "fix" (printf "rename %s" $path)) -}}
{{- else -}}
{{- $_ := set $names $name $path -}}
{{- end -}}
{{- end -}}

{{- /* A pod's containers share one network: port names and numbers are unique in it. */ -}}
{{- $portNames := dict -}}
{{- $portNumbers := dict -}}
{{- with $.servingPort -}}
{{- $_ := set $portNames .name "the serving port" -}}
{{- $_ := set $portNumbers (toString (.containerPort | int)) "the serving port" -}}
{{- end -}}
{{- /* The main container's extra ports first, then the sidecars', each checked against those before it. */ -}}
{{- $podPorts := list -}}
{{- range $index, $port := $spec.ports | default list }}{{ $podPorts = append $podPorts (dict "name" $port.name "port" $port.port "path" (printf "ports[%d]" $index)) }}{{ end -}}
{{- range $index, $sidecar := $sidecars -}}
{{- range $portIndex, $port := $sidecar.ports }}{{ $podPorts = append $podPorts (dict "name" $port.name "port" $port.port "path" (printf "sidecars[%d].ports[%d]" $index $portIndex)) }}{{ end -}}
{{- end -}}
{{- range $port := $podPorts -}}
{{- $path := $port.path -}}
{{- if hasKey $portNames $port.name -}}
{{- $problems = append $problems (dict "path" (printf "%s.name" $path) "value" $port.name "rule" (printf "port names must be unique in the pod, and %s is already called \"%s\"" (index $portNames $port.name) $port.name) "fix" (printf "rename %s" $path)) -}}
{{- else -}}
{{- $_ := set $portNames $port.name $path -}}
{{- end -}}
{{- $number := toString ($port.port | int) -}}
{{- if hasKey $portNumbers $number -}}
{{- $problems = append $problems (dict "path" (printf "%s.port" $path) "value" $port.port "rule" (printf "the containers of a pod share one network, and %s already listens on %s" (index $portNumbers $number) $number) "fix" (printf "give %s another port" $path)) -}}
{{- else -}}
{{- $_ := set $portNumbers $number $path -}}
{{- end -}}
{{- end -}}

{{- /* Every container's files.<key> is the pod's one volume files-<key>: the same source, or a problem. */ -}}
{{- $files := dict -}}
{{- $declaredFiles := dict -}}
{{- $containerFiles := list (list "" $spec.files) -}}
{{- range $index, $init := $inits }}{{ $containerFiles = append $containerFiles (list (printf "initContainers[%d]." $index) $init.files) }}{{ end -}}
{{- range $index, $sidecar := $sidecars }}{{ $containerFiles = append $containerFiles (list (printf "sidecars[%d]." $index) $sidecar.files) }}{{ end -}}
{{- range $entry := $containerFiles -}}
{{- $declared := index $entry 1 | default dict -}}
{{- range $key := keys $declared | sortAlpha -}}
{{- $at := printf "%sfiles.%s" (index $entry 0) $key -}}
{{- $source := index $declared $key -}}
{{- $volume := merge (dict "mode" ((hasKey $source "mode") | ternary $source.mode 288)) (omit $source "path" "mode") | toJson -}}
{{- if not (hasKey $declaredFiles $key) -}}
{{- $_ := set $declaredFiles $key (dict "at" $at "volume" $volume) -}}
{{- $_ := set $files $key $source -}}
{{- else if ne (index $declaredFiles $key).volume $volume -}}
{{- $holder := (index $declaredFiles $key).at -}}
{{- $problems = append $problems (dict "path" $at "value" $source "rule" (printf "the files of every container under the name %s are the pod's one volume files-%s, and %s declares it from another source" $key $key $holder) "fix" (printf "choose another name, or declare the same source as %s (secret or configMap, items, mode, optional; the path may differ)" $holder)) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- /* Every number derived from the init phase must fit the API's int32, as every declared time does. */ -}}
{{- $before := 0 -}}
{{- range $init := $inits }}{{ $before = add $before $init.maxSeconds }}{{ end -}}
{{- range $fields := $spec.sidecars | default list }}{{ if hasKey $fields "startSeconds" }}{{ $before = add $before $fields.startSeconds }}{{ end }}{{ end -}}
{{- $limit := include "hw.table.maxDeclaredSeconds" . | int -}}
{{- if gt (int64 $before) (int64 $limit) -}}
{{- $problems = append $problems (dict "path" ($inits | empty | ternary "sidecars" "initContainers") "value" $before "rule" (printf "the containers that run before the application add up to %d seconds (initContainers[*].maxSeconds and sidecars[*].startSeconds), more than %d seconds (30 days): every number derived from them must fit the Kubernetes API's 32-bit integers" (int64 $before) $limit) "fix" (printf "lower initContainers[*].maxSeconds and sidecars[*].startSeconds until they add up to at most %d" $limit)) -}}
{{- end -}}
{{- dict "problems" $problems "used" $used "initContainers" $inits "sidecars" $sidecars "files" $files | toJson -}}
{{- end -}}

{{/*
The fields every added container resolves alike, mirroring resolveExtraContainer, through the
same steps as the main container's: its environment (hw.resolveEnv), its files (hw.checkFiles),
the scratch folders and config files it lists, its mounts (hw.checkMounts), its resources and the
memory its folders in memory take. (dict "fields" "path" "spec" "main" "acknowledge"). Left out,
the resources are the main container's. Output: JSON with `problems`, `used` and `container`.
*/}}
{{- define "hw.extraContainers.base" -}}
{{- $fields := .fields -}}
{{- $path := .path -}}
{{- $spec := .spec -}}
{{- $env := include "hw.resolveEnv" (dict "env" ($fields.env | default dict) "envFrom" $fields.envFrom "path" (printf "%s.env" $path)) | fromJson -}}
{{- $container := dict "name" $fields.name "image" $fields.image "env" ($env.entries | default list) "resources" .main -}}
{{- range $field := list "command" "args" "envFrom" "files" }}{{ if hasKey $fields $field }}{{ $_ := set $container $field (index $fields $field) }}{{ end }}{{ end -}}
{{- $problems := $env.problems | default list -}}
{{- $used := list -}}
{{- $files := include "hw.checkFiles" (dict "files" $fields.files "path" (printf "%s.files" $path)) | fromJson -}}
{{- $problems = concat $problems ($files.problems | default list) -}}
{{- $mounts := prepend ($files.mounts | default list) (dict "field" "tmp" "path" "/tmp" "readOnly" false "file" false) -}}
{{- $inMemory := list -}}
{{- if eq $spec.tmp.medium "memory" }}{{ $inMemory = append $inMemory (dict "field" "tmp" "size" $spec.tmp.sizeLimit) }}{{ end -}}
{{- $scratch := include "hw.extraContainers.sharedKeys" (dict "spec" $spec "listed" $fields.scratch "field" "scratch" "path" $path) | fromJson -}}
{{- $problems = concat $problems ($scratch.problems | default list) -}}
{{- range $item := $scratch.keys | default list -}}
{{- $folder := index $spec.scratch $item.key -}}
{{- $mounts = append $mounts (dict "field" $item.at "path" $folder.path "readOnly" false "file" false) -}}
{{- if and (eq ($folder.medium | default "disk") "memory") (hasKey $folder "sizeLimit") }}{{ $inMemory = append $inMemory (dict "field" (printf "scratch.%s" $item.key) "size" $folder.sizeLimit) }}{{ end -}}
{{- end -}}
{{- $configFiles := include "hw.extraContainers.sharedKeys" (dict "spec" $spec "listed" $fields.configFiles "field" "configFiles" "path" $path) | fromJson -}}
{{- $problems = concat $problems ($configFiles.problems | default list) -}}
{{- range $item := $configFiles.keys | default list -}}
{{- $mounts = append $mounts (dict "field" $item.at "path" (index $spec.configFiles $item.key).path "readOnly" true "file" true) -}}
{{- end -}}
{{- $problems = concat $problems (include "hw.checkMounts" $mounts | fromJsonArray) -}}
{{- $keys := dict "scratch" list "configFiles" list -}}
{{- range $item := $scratch.keys | default list }}{{ $_ := set $keys "scratch" (append $keys.scratch $item.key) }}{{ end -}}
{{- range $item := $configFiles.keys | default list }}{{ $_ := set $keys "configFiles" (append $keys.configFiles $item.key) }}{{ end -}}
{{- $_ := set $container "scratch" $keys.scratch -}}
{{- $_ := set $container "configFiles" $keys.configFiles -}}
{{- if hasKey $fields "resources" -}}
{{- $resolved := include "hw.relations.resources" (dict "resources" $fields.resources "path" (printf "%s.resources" $path) "acknowledge" .acknowledge) | fromJson -}}
{{- $problems = concat $problems ($resolved.problems | default list) -}}
{{- $used = $resolved.used | default list -}}
{{- $_ := set $container "resources" $resolved.resources -}}
{{- /* Left out, the resources are the main container's, whose check covers every folder. */ -}}
{{- $at := (hasKey $fields.resources "memoryLimit") | ternary "memoryLimit" "memory" -}}
{{- $problems = concat $problems (include "hw.checkMemory" (dict "inMemory" $inMemory "memory" $resolved.resources.memoryLimit "path" (printf "%s.resources.%s" $path $at)) | fromJsonArray) -}}
{{- end -}}
{{- dict "problems" $problems "used" $used "container" $container | toJson -}}
{{- end -}}

{{/*
The keys of the pod's own storage (the workload's scratch or configFiles) that one container lists
to mount, mirroring sharedKeys in src/declaration/resolve/containers.ts: each once and in key
order, with where it is listed; a key the workload does not declare, or one listed twice, is a
problem. (dict "spec" "listed" "field" "path"). Output: JSON with `problems` and `keys` ({key, at}).
*/}}
{{- define "hw.extraContainers.sharedKeys" -}}
{{- $field := .field -}}
{{- $path := .path -}}
{{- $declared := keys (index .spec $field | default dict) | sortAlpha -}}
{{- $problems := list -}}
{{- $firstAt := dict -}}
{{- range $index, $key := .listed | default list -}}
{{- $at := printf "%s.%s[%d]" $path $field $index -}}
{{- if hasKey $firstAt $key -}}
{{- $problems = append $problems (dict "path" $at "value" $key "rule" (printf "\"%s\" is already listed at %s" $key (index $firstAt $key)) "fix" "remove one of them") -}}
{{- else if not (has $key $declared) -}}
{{- $problems = append $problems (dict "path" $at "value" $key "rule" (printf "the workload's %s has no \"%s\" (%s)" $field $key ((gt (len $declared) 0) | ternary (printf "it has %s" (join ", " $declared)) "it has none")) "fix" (printf "declare %s.%s with its path, or list a key the workload declares" $field $key)) -}}
{{- else -}}
{{- $_ := set $firstAt $key $at -}}
{{- end -}}
{{- end -}}
{{- $keys := list -}}
{{- range $key := keys $firstAt | sortAlpha }}{{ $keys = append $keys (dict "key" $key "at" (index $firstAt $key)) }}{{ end -}}
{{- dict "problems" $problems "keys" $keys | toJson -}}
{{- end -}}
