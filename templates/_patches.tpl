{{/*
Mirrors src/patches/: the declared `patches` applied to the rendered objects, with the same
refusals (hw.table.patches, generated from src/patches/table.ts) and the same messages. The Helm
face checks, after patching, the restricted Pod Security Standard of every patched pod template
(hw.patches.podFindings mirrors restrictedPodFindings in src/manifests/pod-security.ts); the
invariants need no check here because every field they read is refused in a patch. The TypeScript
face checks the invariants on the patched objects as well.
*/}}

{{/* RFC 7386 merge of (list target patch), as mergePatch in src/patches/merge-patch.ts; returns {"v": result} as JSON. */}}
{{- define "hw.patches.merge" -}}
{{- $target := index . 0 -}}
{{- $patch := index . 1 -}}
{{- if kindIs "map" $patch -}}
{{- $result := dict -}}
{{- if kindIs "map" $target }}{{ $result = deepCopy $target }}{{ end -}}
{{- range $key, $value := $patch -}}
{{- if kindIs "invalid" $value -}}
{{- $_ := unset $result $key -}}
{{- else -}}
{{- $_ := set $result $key (include "hw.patches.merge" (list (get $result $key) $value) | fromJson).v -}}
{{- end -}}
{{- end -}}
{{- toJson (dict "v" $result) -}}
{{- else -}}
{{- toJson (dict "v" $patch) -}}
{{- end -}}
{{- end -}}

{{/* Where (dict "patch" "path") touches the refused field at path: {"at", "value"}, or {} (touched in apply.ts). */}}
{{- define "hw.patches.touched" -}}
{{- $node := .patch -}}
{{- $at := list -}}
{{- $result := dict -}}
{{- $done := false -}}
{{- range $segment := .path -}}
{{- if not $done -}}
{{- if not (kindIs "map" $node) -}}
{{- $result = dict "at" $at "value" $node -}}
{{- $done = true -}}
{{- else if not (hasKey $node $segment) -}}
{{- $done = true -}}
{{- else -}}
{{- $node = index $node $segment -}}
{{- $at = append $at $segment -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- if not $done }}{{ $result = dict "at" $at "value" $node }}{{ end -}}
{{- toJson $result -}}
{{- end -}}

{{/* The problems of (dict "patch" "table" "prefix"): one per refused field touched, once per path (refusals in apply.ts). */}}
{{- define "hw.patches.refusals" -}}
{{- $problems := list -}}
{{- $seen := list -}}
{{- range $refusal := .table -}}
{{- $hit := include "hw.patches.touched" (dict "patch" $.patch "path" $refusal.path) | fromJson -}}
{{- if hasKey $hit "at" -}}
{{- $path := join "." (prepend $hit.at $.prefix) -}}
{{- if not (has $path $seen) -}}
{{- $seen = append $seen $path -}}
{{- $problem := dict "path" $path "value" $hit.value "rule" $refusal.rule "fix" $refusal.fix -}}
{{- if kindIs "invalid" $hit.value }}{{ $_ := set $problem "shown" "null" }}{{ end -}}
{{- $problems = append $problems $problem -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- toJson $problems -}}
{{- end -}}

{{/* Every field a patch sets or deletes (walk in patchedFields, apply.ts): input (dict "node" "path"), a JSON list. */}}
{{- define "hw.patches.walk" -}}
{{- $fields := list -}}
{{- if and (kindIs "map" .node) (gt (len .node) 0) -}}
{{- range $key := keys .node | sortAlpha -}}
{{- $fields = concat $fields (include "hw.patches.walk" (dict "node" (index $.node $key) "path" (append $.path $key)) | fromJsonArray) -}}
{{- end -}}
{{- else -}}
{{- $fields = append $fields (printf "%s%s" (join "." .path) ((kindIs "invalid" .node) | ternary " (deleted)" "")) -}}
{{- end -}}
{{- toJson $fields -}}
{{- end -}}

{{/* The lines of hardened-workloads.io/patched and explain (patchedFields in apply.ts): input the patches. */}}
{{- define "hw.patches.fields" -}}
{{- $lines := list -}}
{{- range $role := keys . | sortAlpha -}}
{{- $patch := index $ $role -}}
{{- $fields := list -}}
{{- if hasKey $patch "object" }}{{ $fields = include "hw.patches.walk" (dict "node" $patch.object "path" list) | fromJsonArray }}{{ end -}}
{{- range $name := keys ($patch.containers | default dict) | sortAlpha -}}
{{- $fields = concat $fields (include "hw.patches.walk" (dict "node" (index $patch.containers $name) "path" (list (printf "containers[%s]" $name))) | fromJsonArray) -}}
{{- end -}}
{{- $lines = append $lines (printf "%s: %s" $role (join ", " $fields)) -}}
{{- end -}}
{{- toJson $lines -}}
{{- end -}}

{{/* Whether a value is the number 0 (runAsUser). */}}
{{- define "hw.patches.isZero" -}}
{{- if and (or (kindIs "float64" .) (kindIs "int64" .) (kindIs "int" .)) (eq (toString .) "0") }}true{{ end -}}
{{- end -}}

{{/* SELinux options at a field (checkSeLinux in pod-security.ts): input (dict "field" "options" "allowed"), a JSON list. */}}
{{- define "hw.patches.seLinux" -}}
{{- $found := list -}}
{{- with .options -}}
{{- $type := .type | default "" -}}
{{- if not (has $type $.allowed) }}{{ $found = append $found (dict "control" "SELinux" "field" (printf "%s.type" $.field) "problem" (printf "type %s is not allowed" $type)) }}{{ end -}}
{{- if or (hasKey . "user") (hasKey . "role") }}{{ $found = append $found (dict "control" "SELinux" "field" $.field "problem" "user and role must be unset") }}{{ end -}}
{{- end -}}
{{- toJson $found -}}
{{- end -}}

{{/* The restricted profile's findings in a pod: input (dict "pod" spec "annotations"), a JSON list of {control, field, problem} (restrictedPodFindings). */}}
{{- define "hw.patches.podFindings" -}}
{{- $table := include "hw.table.patches" . | fromJson -}}
{{- $pod := .pod -}}
{{- $found := list -}}
{{- $podContext := $pod.securityContext | default dict -}}
{{- range $namespace := list "hostNetwork" "hostPID" "hostIPC" -}}
{{- if eq (toJson (index $pod $namespace)) "true" }}{{ $found = append $found (dict "control" "Host Namespaces" "field" $namespace "problem" "must be unset or false") }}{{ end -}}
{{- end -}}
{{- if eq (toJson ($podContext.windowsOptions | default dict).hostProcess) "true" }}{{ $found = append $found (dict "control" "HostProcess" "field" "securityContext.windowsOptions.hostProcess" "problem" "must be unset or false") }}{{ end -}}
{{- range $index, $volume := $pod.volumes | default list -}}
{{- $types := without (keys $volume | sortAlpha) "name" -}}
{{- $bad := false -}}
{{- range $type := $types }}{{ if not (has $type $table.allowedVolumeTypes) }}{{ $bad = true }}{{ end }}{{ end -}}
{{- if $bad }}{{ $found = append $found (dict "control" "Volume Types" "field" (printf "volumes[%d]" $index) "problem" (printf "type %s is not allowed (only %s)" (join ", " $types) (join ", " $table.allowedVolumeTypes))) }}{{ end -}}
{{- end -}}
{{- range $index, $sysctl := $podContext.sysctls | default list -}}
{{- if not (has $sysctl.name $table.safeSysctls) }}{{ $found = append $found (dict "control" "Sysctls" "field" (printf "securityContext.sysctls[%d]" $index) "problem" (printf "%s is not a safe sysctl" $sysctl.name)) }}{{ end -}}
{{- end -}}
{{- range $key := keys (.annotations | default dict) | sortAlpha -}}
{{- $value := index $.annotations $key -}}
{{- if and (hasPrefix "container.apparmor.security.beta.kubernetes.io/" $key) (ne $value "runtime/default") (not (hasPrefix "localhost/" $value)) -}}
{{- $found = append $found (dict "control" "AppArmor" "field" (printf "metadata.annotations[%s]" $key) "problem" (printf "profile %s is not allowed" $value)) -}}
{{- end -}}
{{- end -}}
{{- $found = concat $found (include "hw.patches.seLinux" (dict "field" "securityContext.seLinuxOptions" "options" $podContext.seLinuxOptions "allowed" $table.allowedSeLinuxTypes) | fromJsonArray) -}}
{{- if include "hw.patches.isZero" $podContext.runAsUser }}{{ $found = append $found (dict "control" "Running as Non-root user" "field" "securityContext.runAsUser" "problem" "must not be 0") }}{{ end -}}
{{- $podSeccompType := ($podContext.seccompProfile | default dict).type -}}
{{- if eq (toJson $podSeccompType) "\"Unconfined\"" }}{{ $found = append $found (dict "control" "Seccomp" "field" "securityContext.seccompProfile.type" "problem" "must not be Unconfined") }}{{ end -}}
{{- $podSeccomp := has (toJson $podSeccompType) (list "\"RuntimeDefault\"" "\"Localhost\"") -}}
{{- range $list := list "initContainers" "containers" "ephemeralContainers" -}}
{{- range $index, $container := index $pod $list | default list -}}
{{- $path := printf "%s[%d]" $list $index -}}
{{- $context := $container.securityContext | default dict -}}
{{- if eq (toJson $context.privileged) "true" }}{{ $found = append $found (dict "control" "Privileged Containers" "field" (printf "%s.securityContext.privileged" $path) "problem" "must be unset or false") }}{{ end -}}
{{- if eq (toJson ($context.windowsOptions | default dict).hostProcess) "true" }}{{ $found = append $found (dict "control" "HostProcess" "field" (printf "%s.securityContext.windowsOptions.hostProcess" $path) "problem" "must be unset or false") }}{{ end -}}
{{- if and (hasKey $context "procMount") (not (kindIs "invalid" $context.procMount)) (ne (toJson $context.procMount) "\"Default\"") }}{{ $found = append $found (dict "control" "/proc Mount Type" "field" (printf "%s.securityContext.procMount" $path) "problem" "must be unset or Default") }}{{ end -}}
{{- $found = concat $found (include "hw.patches.seLinux" (dict "field" (printf "%s.securityContext.seLinuxOptions" $path) "options" $context.seLinuxOptions "allowed" $table.allowedSeLinuxTypes) | fromJsonArray) -}}
{{- range $portIndex, $port := $container.ports | default list -}}
{{- if and (hasKey $port "hostPort") (not (kindIs "invalid" $port.hostPort)) (ne (toString $port.hostPort) "0") }}{{ $found = append $found (dict "control" "Host Ports" "field" (printf "%s.ports[%d].hostPort" $path $portIndex) "problem" "must be unset or 0") }}{{ end -}}
{{- end -}}
{{- if ne (toJson $context.allowPrivilegeEscalation) "false" }}{{ $found = append $found (dict "control" "Privilege Escalation" "field" (printf "%s.securityContext.allowPrivilegeEscalation" $path) "problem" "must be false") }}{{ end -}}
{{- $runAsNonRoot := $podContext.runAsNonRoot -}}
{{- if and (hasKey $context "runAsNonRoot") (not (kindIs "invalid" $context.runAsNonRoot)) }}{{ $runAsNonRoot = $context.runAsNonRoot }}{{ end -}}
{{- if ne (toJson $runAsNonRoot) "true" }}{{ $found = append $found (dict "control" "Running as Non-root" "field" (printf "%s.securityContext.runAsNonRoot" $path) "problem" "must be true (here or on the pod)") }}{{ end -}}
{{- if include "hw.patches.isZero" $context.runAsUser }}{{ $found = append $found (dict "control" "Running as Non-root user" "field" (printf "%s.securityContext.runAsUser" $path) "problem" "must not be 0") }}{{ end -}}
{{- $seccomp := toJson ($context.seccompProfile | default dict).type -}}
{{- if eq $seccomp "\"Unconfined\"" }}{{ $found = append $found (dict "control" "Seccomp" "field" (printf "%s.securityContext.seccompProfile.type" $path) "problem" "must not be Unconfined") }}{{ end -}}
{{- if and (not $podSeccomp) (not (has $seccomp (list "\"RuntimeDefault\"" "\"Localhost\""))) }}{{ $found = append $found (dict "control" "Seccomp" "field" (printf "%s.securityContext.seccompProfile.type" $path) "problem" "must be RuntimeDefault or Localhost (here or on the pod)") }}{{ end -}}
{{- $capabilities := $context.capabilities | default dict -}}
{{- if not (has "ALL" ($capabilities.drop | default list)) }}{{ $found = append $found (dict "control" "Capabilities" "field" (printf "%s.securityContext.capabilities.drop" $path) "problem" "must include ALL") }}{{ end -}}
{{- range $capability := $capabilities.add | default list -}}
{{- if ne $capability "NET_BIND_SERVICE" }}{{ $found = append $found (dict "control" "Capabilities" "field" (printf "%s.securityContext.capabilities.add" $path) "problem" (printf "%s may not be added (only NET_BIND_SERVICE)" $capability)) }}{{ end -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- toJson $found -}}
{{- end -}}

{{/* A value at a path of keys, or nothing. */}}
{{- define "hw.patches.at" -}}
{{- $node := .root -}}
{{- range $key := .path }}{{ if kindIs "map" $node }}{{ $node = index $node $key }}{{ else }}{{ $node = "" }}{{ end }}{{ end -}}
{{- toJson (dict "v" $node) -}}
{{- end -}}

{{/*
The patched objects by role, worked out once per render (patchObjects in src/patches/index.ts):
a `fail` with every problem of a stage — refused fields, objects or containers that do not exist;
then new restricted-standard findings of the patched pods that no acknowledgement excuses, and
acknowledgements that nothing needs.
*/}}
{{- define "hw.patches.objects" -}}
{{- if not (hasKey .Values "hwPatchedOnce") -}}
{{- $_ := set .Values "hwPatchedOnce" (include "hw.patches.apply" .) -}}
{{- end -}}
{{- .Values.hwPatchedOnce -}}
{{- end -}}

{{- define "hw.patches.apply" -}}
{{- $w := include "hw.resolved" . | fromJson -}}
{{- $patches := $w.spec.patches | default dict -}}
{{- $result := dict -}}
{{- if $patches -}}
{{- $table := include "hw.table.patches" . | fromJson -}}
{{- $roles := (index (include "hw.table.kinds" . | fromJson) $w.spec.kind).objects -}}
{{- $subject := $w.spec.name | toJson -}}
{{- $problems := list -}}
{{- range $role := $table.roles -}}
{{- if hasKey $patches $role -}}
{{- $patch := index $patches $role -}}
{{- $at := printf "patches.%s" $role -}}
{{- if not (has $role $roles) -}}
{{- $problems = append $problems (dict "path" $at "value" $patch "rule" (printf "this kind of workload makes no %s (it makes %s)" $role (join ", " $roles)) "fix" (printf "patch one of the objects it makes, or remove patches.%s" $role)) -}}
{{- else -}}
{{- /* The kept selector's labels too (keptSelectorRefusals in src/patches/table.ts). */ -}}
{{- $refused := index $table.refusals $role -}}
{{- range $label := keys (($w.spec.keep | default dict).selector | default dict) | sortAlpha -}}
{{- $paths := list (list "metadata" "labels" $label) -}}
{{- if hasKey $table.podTemplatePaths $role }}{{ $paths = append $paths (concat (index $table.podTemplatePaths $role) (list "metadata" "labels" $label)) }}{{ end -}}
{{- range $path := $paths }}{{ $refused = append $refused (dict "path" $path "rule" "names and selectors identify the objects and pods across upgrades (a selector is immutable once created)" "fix" "leave the kept selector labels alone (keep.selector); labels adds labels") }}{{ end -}}
{{- end -}}
{{- if hasKey $patch "object" }}{{ $problems = concat $problems (include "hw.patches.refusals" (dict "patch" $patch.object "table" $refused "prefix" (printf "%s.object" $at)) | fromJsonArray) }}{{ end -}}
{{- if and (hasKey $patch "containers") (not (hasKey $table.podTemplatePaths $role)) -}}
{{- $problems = append $problems (dict "path" (printf "%s.containers" $at) "value" $patch.containers "rule" (printf "a %s has no containers" $role) "fix" "patch the containers through the object that runs the pods") -}}
{{- else -}}
{{- range $name := keys ($patch.containers | default dict) | sortAlpha -}}
{{- $problems = concat $problems (include "hw.patches.refusals" (dict "patch" (index $patch.containers $name) "table" $table.containers "prefix" (printf "%s.containers.%s" $at $name)) | fromJsonArray) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- $before := dict -}}
{{- $after := dict -}}
{{- range $role := $roles -}}
{{- $text := include (printf "hw.object.%s" $role) $ -}}
{{- $patch := index $patches $role -}}
{{- if not (trim $text) -}}
{{- if $patch -}}
{{- $mine := false -}}
{{- range $problem := $problems }}{{ if hasPrefix (printf "patches.%s" $role) $problem.path }}{{ $mine = true }}{{ end }}{{ end -}}
{{- if not $mine -}}
{{- $problems = append $problems (dict "path" (printf "patches.%s" $role) "value" $patch "rule" (printf "this declaration makes no %s (e.g. a PodDisruptionBudget needs two pods, an Ingress needs ingress)" $role) "fix" (printf "declare what makes the %s, or remove patches.%s" $role $role)) -}}
{{- end -}}
{{- end -}}
{{- else if and $patch (not $problems) -}}
{{- $object := $text | fromYaml -}}
{{- $_ := set $before $role (deepCopy $object) -}}
{{- if hasKey $patch "object" }}{{ $object = (include "hw.patches.merge" (list $object $patch.object) | fromJson).v }}{{ end -}}
{{- $names := keys ($patch.containers | default dict) | sortAlpha -}}
{{- if $names -}}
{{- /* Walked key by key, not through hw.patches.at (a JSON copy): $pod is the object's own pod spec, changed in place. */ -}}
{{- $pod := $object -}}
{{- range $key := append (index $table.podTemplatePaths $role) "spec" }}{{ $pod = index $pod $key }}{{ end -}}
{{- $present := list -}}
{{- range $list := list "containers" "initContainers" }}{{ range $container := index $pod $list | default list }}{{ $present = append $present $container.name }}{{ end }}{{ end -}}
{{- $containerProblems := list -}}
{{- range $name := $names -}}
{{- $found := "" -}}
{{- range $list := list "containers" "initContainers" }}{{ if not $found }}{{ range $container := index $pod $list | default list }}{{ if eq $container.name $name }}{{ $found = $list }}{{ end }}{{ end }}{{ end }}{{ end -}}
{{- if not $found -}}
{{- $containerProblems = append $containerProblems (dict "path" (printf "patches.%s.containers.%s" $role $name) "value" (index $patch.containers $name) "rule" (printf "the %s's pods have no container named %s (they have %s)" $role $name (join ", " $present)) "fix" (printf "name one of %s" (join ", " $present))) -}}
{{- else -}}
{{- $list := list -}}
{{- range $container := index $pod $found -}}
{{- if eq $container.name $name }}{{ $list = append $list (include "hw.patches.merge" (list $container (index $patch.containers $name)) | fromJson).v }}{{ else }}{{ $list = append $list $container }}{{ end -}}
{{- end -}}
{{- $_ := set $pod $found $list -}}
{{- end -}}
{{- end -}}
{{- if $containerProblems }}{{ $problems = concat $problems $containerProblems }}{{ end -}}
{{- end -}}
{{- $_ := set $after $role $object -}}
{{- end -}}
{{- end -}}
{{- if $problems -}}
{{- include "hw.fail" (dict "subject" $subject "problems" $problems) -}}
{{- end -}}
{{- /* The restricted standard on every patched pod template: what the patches introduced (newFindings in check.ts). */ -}}
{{- $acknowledge := $w.spec.acknowledge | default dict -}}
{{- $excused := list -}}
{{- range $role := $roles -}}
{{- if and (hasKey $after $role) (hasKey $table.podTemplatePaths $role) -}}
{{- $path := index $table.podTemplatePaths $role -}}
{{- $old := list -}}
{{- range $each := include "hw.patches.podFindings" (dict "pod" (include "hw.patches.at" (dict "root" (index $before $role) "path" (append $path "spec")) | fromJson).v "annotations" (include "hw.patches.at" (dict "root" (index $before $role) "path" (concat $path (list "metadata" "annotations"))) | fromJson).v) | fromJsonArray }}{{ $old = append $old (toJson $each) }}{{ end -}}
{{- $object := index $after $role -}}
{{- $byRule := dict -}}
{{- range $each := include "hw.patches.podFindings" (dict "pod" (include "hw.patches.at" (dict "root" $object "path" (append $path "spec")) | fromJson).v "annotations" (include "hw.patches.at" (dict "root" $object "path" (concat $path (list "metadata" "annotations"))) | fromJson).v) | fromJsonArray -}}
{{- if not (has (toJson $each) $old) -}}
{{- $control := index $table.controls $each.control -}}
{{- if hasKey $acknowledge $control.id -}}
{{- $excused = append $excused $control.id -}}
{{- else -}}
{{- $fieldPath := printf "%s.%s" (join "." $path) ((hasPrefix "metadata" $each.field) | ternary $each.field (printf "spec.%s" $each.field)) -}}
{{- $rule := printf "restricted Pod Security Standard (%s): %s Here: %s %s %s: %s %s" $control.id $control.title $object.kind $object.metadata.name $fieldPath $each.field $each.problem -}}
{{- $escape := $control.acknowledgeable | ternary (printf "; if this is deliberate, add acknowledge.%s: \"<reason>\"" $control.id) " (this rule cannot be acknowledged here)" -}}
{{- $_ := set $byRule $rule (dict "path" (printf "patches.%s" $role) "value" (index $patches $role) "rule" $rule "fix" (printf "%s%s" (trimSuffix "." $control.fix) $escape)) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- range $rule := keys $byRule | sortAlpha }}{{ $problems = append $problems (index $byRule $rule) }}{{ end -}}
{{- end -}}
{{- end -}}
{{- range $id := $w.unusedAcknowledgements | default list -}}
{{- if not (has $id $excused) -}}
{{- $key := get ($w.spec.acknowledgeWrittenAs | default dict) $id | default $id -}}
{{- $problems = append $problems (dict "path" (printf "acknowledge.%s" $key) "value" (index $acknowledge $id) "rule" "an acknowledgement must excuse something this declaration does; this one excuses nothing" "fix" (printf "remove acknowledge.%s, so that the recorded reasons stay true" $key)) -}}
{{- end -}}
{{- end -}}
{{- if $problems -}}
{{- include "hw.fail" (dict "subject" $subject "problems" $problems) -}}
{{- end -}}
{{- $result = $after -}}
{{- end -}}
{{- toJson $result -}}
{{- end -}}

{{/* One object file's output (list root role): the object as rendered, or as patched (as JSON). */}}
{{- define "hw.patches.render" -}}
{{- $root := index . 0 -}}
{{- $role := index . 1 -}}
{{- $text := include (printf "hw.object.%s" $role) $root -}}
{{- $patched := include "hw.patches.objects" $root | fromJson -}}
{{- if and (trim $text) (hasKey $patched $role) -}}
{{- /* JSON, which is YAML that every reader takes word for word: toYaml leaves strings such as e2 or 010 unquoted, which YAML 1.1 readers take for numbers. */ -}}
{{- toPrettyJson (index $patched $role) -}}
{{- else -}}
{{- $text -}}
{{- end -}}
{{- end -}}
