{{/*
Everything the object templates need, decided once: the effective spec, the probes, replica
mode, resources, the main container's environment, the init containers and sidecars, the file
volumes of every container, the config files' ConfigMap name, the load balancer, timings and
acknowledgements. Validation happens in the stages of
resolveWorkload (src/declaration/resolve.ts): values.schema.json checks shape and types before any
template runs; then the nulls Helm hid from the schema, the image tag, the relations between
fields, and the invariants of the derived timings. Any problem stops the release with a `fail` listing every problem of its stage, in the
TypeScript face's words — never a partial render.
*/}}
{{- define "hw.resolved" -}}
{{- /* Every object template asks; the answer is worked out once per render and kept in a key of
.Values that the declaration cannot have (the schema forbids unknown keys; hw.spec leaves it out). */ -}}
{{- if not (hasKey .Values "hwResolvedOnce") -}}
{{- $_ := set .Values "hwResolvedOnce" (include "hw.resolveOnce" .) -}}
{{- end -}}
{{- .Values.hwResolvedOnce -}}
{{- end -}}

{{- define "hw.resolveOnce" -}}
{{- $text := include "hw.textProblems" (dict "node" .Values "path" "" "rules" (include "hw.table.textRules" . | fromJsonArray)) | fromJsonArray -}}
{{- if $text -}}
{{- include "hw.fail" (dict "subject" (include "hw.subject" .Values) "problems" $text) -}}
{{- end -}}
{{- include "hw.nulledDefaults" . -}}
{{- /* The enums and bounds again, as the schema states them: the templates print these values, and a
render with the schema skipped (helm template --skip-schema-validation) must refuse what the schema refuses. */ -}}
{{- $outside := list -}}
{{- range $check := include "hw.table.valueChecks" . | fromJsonArray -}}
{{- $outside = concat $outside (include "hw.valueProblems" (dict "node" $.Values "segments" $check.segments "path" "" "check" $check) | fromJsonArray) -}}
{{- end -}}
{{- /* Fields written where they do not belong (MISPLACED_FIELDS in src/declaration/schema-problems.ts):
values.schema.json lets them through, so that the fix can name where each goes. */ -}}
{{- range $check := include "hw.table.misplacedFields" . | fromJsonArray -}}
{{- $parent := $.Values -}}
{{- range $segment := $check.parent }}{{ if and (kindIs "map" $parent) (hasKey $parent $segment) }}{{ $parent = index $parent $segment }}{{ else }}{{ $parent = dict }}{{ end }}{{ end -}}
{{- if and (kindIs "map" $parent) (hasKey $parent $check.key) -}}
{{- $outside = append $outside (dict "path" (join "." (append $check.parent $check.key)) "value" (index $parent $check.key) "rule" $check.rule "fix" $check.fix) -}}
{{- end -}}
{{- end -}}
{{- if $outside -}}
{{- include "hw.fail" (dict "subject" (.Values.name | toJson) "problems" $outside) -}}
{{- end -}}
{{- $spec := include "hw.spec" . | fromJson -}}
{{- $subject := $spec.name | toJson -}}

{{- /* The one shape rule JSON Schema cannot state in RE2: no image may have the tag latest. */ -}}
{{- $image := include "hw.image" $spec.image | fromJson -}}
{{- $images := list (list "image" $spec.image) -}}
{{- range $index, $container := $spec.initContainers | default list }}{{ $images = append $images (list (printf "initContainers[%d].image" $index) $container.image) }}{{ end -}}
{{- range $index, $container := $spec.sidecars | default list }}{{ $images = append $images (list (printf "sidecars[%d].image" $index) $container.image) }}{{ end -}}
{{- $latest := list -}}
{{- range $entry := $images -}}
{{- $parts := include "hw.image" (index $entry 1) | fromJson -}}
{{- if and (not $parts.digest) (eq (lower $parts.tag) "latest") -}}
{{- $latest = append $latest (dict "path" (index $entry 0) "value" (index $entry 1) "rule" "the image must not use the tag \"latest\": every restart could run different code" "fix" (include "hw.pinImageFix" $parts)) -}}
{{- end -}}
{{- end -}}
{{- if $latest -}}
{{- include "hw.fail" (dict "subject" $subject "problems" $latest) -}}
{{- end -}}

{{- $relations := include "hw.relations" $spec | fromJson -}}
{{- $routes := include "hw.routes.resolve" (dict "spec" $spec "probes" $relations.probes) | fromJson -}}
{{- $env := include "hw.resolveEnv" (dict "env" $spec.env "envFrom" $spec.envFrom "path" "env") | fromJson -}}
{{- $volumes := include "hw.resolveVolumes" (dict "spec" $spec) | fromJson -}}
{{- $ports := include "hw.ports.resolve" (dict "spec" $spec "probes" $relations.probes) | fromJson -}}
{{- $containers := include "hw.extraContainers.resolve" (dict "spec" $spec "resources" $relations.resources "servingPort" $ports.servingPort) | fromJson -}}
{{- $pod := include "hw.checkPod" $spec | fromJson -}}
{{- $schedule := include "hw.schedule.resolve" $spec | fromJson -}}
{{- $stateful := include "hw.statefulSet.problems" (dict "spec" $spec "replicas" $relations.replicas) | fromJson -}}
{{- $daemon := include "hw.daemonSet.problems" $spec | fromJson -}}
{{- $security := include "hw.securityContext.problems" $spec | fromJson -}}
{{- $dangers := include "hw.dangers.problems" $spec | fromJson -}}
{{- $stage := concat ($spec.presetProblems | default list) (include "hw.kinds.fieldProblems" $spec | fromJsonArray) (include "hw.run.problems" $spec | fromJsonArray) ($schedule.problems | default list) (include "hw.kinds.overrideProblems" $spec | fromJsonArray) ($relations.problems | default list) ($routes.problems | default list) ($env.problems | default list) ($volumes.problems | default list) ($ports.problems | default list) (include "hw.keep.problems" (dict "spec" $spec "servingPort" $ports.servingPort) | fromJsonArray) ($containers.problems | default list) ($pod.problems | default list) (include "hw.checkScheduling" $spec | fromJsonArray) ($stateful.problems | default list) ($daemon.problems | default list) ($security.problems | default list) ($dangers.problems | default list) -}}
{{- if $stage -}}
{{- include "hw.fail" (dict "subject" $subject "problems" $stage) -}}
{{- end -}}

{{- $timings := include "hw.timings" (dict "spec" $spec "schedule" $schedule.schedule "replicas" $relations.replicas "probes" $relations.probes "initContainers" $containers.initContainers "sidecars" $containers.sidecars "loadBalancer" $routes.loadBalancer) | fromJson -}}
{{- $invariants := include "hw.invariants" (dict "spec" $spec "timings" $timings "probes" $relations.probes "replicas" $relations.replicas "loadBalancer" $routes.loadBalancer) | fromJson -}}
{{- $problems := $invariants.problems | default list -}}
{{- $targetGroup := include "hw.loadBalancer.targetGroupProblem" (dict "spec" $spec "timings" $timings) | fromJson -}}
{{- if $targetGroup }}{{ $problems = append $problems $targetGroup }}{{ end -}}
{{- $used := concat ($relations.used | default list) ($containers.used | default list) ($pod.used | default list) ($stateful.used | default list) ($daemon.used | default list) ($security.used | default list) ($dangers.used | default list) ($invariants.used | default list) -}}
{{- $acknowledge := $spec.acknowledge | default dict -}}
{{- $unused := list -}}
{{- range $id := keys $acknowledge | sortAlpha -}}
{{- if and (not (has $id $used)) $spec.patches -}}
{{- /* With patches, an acknowledgement may excuse what a patch does: hw.patches.apply decides. */ -}}
{{- $unused = append $unused $id -}}
{{- else if not (has $id $used) -}}
{{- $key := get ($spec.acknowledgeWrittenAs | default dict) $id | default $id -}}
{{- $problems = append $problems (dict "path" (printf "acknowledge.%s" $key) "value" (index $acknowledge $id) "rule" "an acknowledgement must excuse something this declaration does; this one excuses nothing" "fix" (printf "remove acknowledge.%s, so that the recorded reasons stay true" $key)) -}}
{{- end -}}
{{- end -}}
{{- if $problems -}}
{{- include "hw.fail" (dict "subject" $subject "problems" $problems) -}}
{{- end -}}

{{- $acknowledgements := list -}}
{{- range $id := keys $acknowledge | sortAlpha }}{{ $acknowledgements = append $acknowledgements (dict "id" $id "reason" (index $acknowledge $id)) }}{{ end -}}
{{- $resolved := dict
  "spec" $spec
  "image" $image
  "probes" $relations.probes
  "replicas" $relations.replicas
  "resources" $relations.resources
  "initContainers" $containers.initContainers
  "sidecars" $containers.sidecars
  "podFiles" ($containers.files | default dict)
  "env" ($env.entries | default list)
  "configMapName" ($volumes.configMapName | default "")
  "timings" $timings
  "acknowledgements" $acknowledgements
  "unusedAcknowledgements" $unused
  "namespace" .Release.Namespace
  "names" (include "hw.keep.names" $spec | fromJson)
-}}
{{- if hasKey $ports "servingPort" }}{{ $_ := set $resolved "servingPort" $ports.servingPort }}{{ end -}}
{{- if hasKey $ports "metricsPort" }}{{ $_ := set $resolved "metricsPort" $ports.metricsPort }}{{ $_ := set $resolved "metrics" $ports.metrics }}{{ end -}}
{{- if hasKey $routes "loadBalancer" }}{{ $_ := set $resolved "loadBalancer" $routes.loadBalancer }}{{ end -}}
{{- toJson $resolved -}}
{{- end -}}

{{/* Stops the render with every problem, formatted as formatProblems in src/declaration/errors.ts. */}}
{{/*
Values outside an enum or above a bound, and numbers or booleans in text fields (valueChecks in
src/declaration/json-schema.ts), found by walking the check's segments: `*` is any key of a map,
`[]` any entry of a list. JSON list of problems. Input: (dict "node" value "segments" list "path"
pathSoFar "last" lastKey "check" valueCheck); `last` is "" for an entry of a list.
*/}}
{{- define "hw.valueProblems" -}}
{{- $problems := list -}}
{{- $node := .node -}}
{{- if and (not .segments) (hasKey .check "text") -}}
{{- if or (kindIs "float64" $node) (kindIs "int64" $node) (kindIs "int" $node) (kindIs "bool" $node) -}}
{{- $problems = append $problems (include "hw.unquotedProblem" (dict "node" $node "path" .path "last" (.last | default "") "check" .check) | fromJson) -}}
{{- end -}}
{{- else if not .segments -}}
{{- $outside := false -}}
{{- if hasKey .check "options" -}}
{{- $outside = and (not (kindIs "invalid" $node)) (not (has $node .check.options)) -}}
{{- else if or (kindIs "float64" $node) (kindIs "int64" $node) (kindIs "int" $node) -}}
{{- $outside = gt (float64 $node) (float64 .check.maximum) -}}
{{- end -}}
{{- if $outside -}}
{{- $problems = append $problems (dict "path" .path "value" $node "rule" .check.rule "fix" .check.fix) -}}
{{- end -}}
{{- else -}}
{{- $head := first .segments -}}
{{- $rest := rest .segments -}}
{{- $prefix := (eq .path "") | ternary "" (printf "%s." .path) -}}
{{- if and (eq $head "[]") (kindIs "slice" $node) -}}
{{- range $index, $item := $node -}}
{{- $problems = concat $problems (include "hw.valueProblems" (dict "node" $item "segments" $rest "path" (printf "%s[%d]" $.path $index) "last" "" "check" $.check) | fromJsonArray) -}}
{{- end -}}
{{- else if and (eq $head "*") (kindIs "map" $node) -}}
{{- range $key := keys $node | sortAlpha -}}
{{- $problems = concat $problems (include "hw.valueProblems" (dict "node" (index $node $key) "segments" $rest "path" (printf "%s%s" $prefix $key) "last" $key "check" $.check) | fromJsonArray) -}}
{{- end -}}
{{- else if and (kindIs "map" $node) (hasKey $node $head) -}}
{{- $problems = include "hw.valueProblems" (dict "node" (index $node $head) "segments" $rest "path" (printf "%s%s" $prefix $head) "last" $head "check" .check) | fromJsonArray -}}
{{- end -}}
{{- end -}}
{{- toJson $problems -}}
{{- end -}}

{{/*
A number or boolean in a text field, which YAML read unquoted: the message of unquotedScalarProblem
in src/declaration/schema-problems.ts (a version written 1.30 arrives as 1.3). Numbers are written as
JSON writes them, as JavaScript does. Input: (dict "node" "path" "last" "check"). Output: JSON.
*/}}
{{- define "hw.unquotedProblem" -}}
{{- if kindIs "bool" .node -}}
{{- $example := "" -}}
{{- if .check.text.example }}{{ $example = printf ", e.g. %s: %s" .path .check.text.example }}{{ end -}}
{{- dict "path" .path "value" .node "rule" (printf "must be a string; unquoted, YAML reads it as %t (yes, no, on, off, true and false are booleans)" .node) "fix" (printf "write it in quotes, e.g. \"yes\"%s" $example) | toJson -}}
{{- else -}}
{{- $text := toRawJson .node -}}
{{- $meant := (and (eq .last "kubernetesVersion") (regexMatch "^1\\.\\d$" $text)) | ternary (printf "%s0" $text) $text -}}
{{- $fix := (eq .last "") | ternary (printf "write it in quotes: - \"%s\"" $meant) (printf "write it in quotes: %s: \"%s\"" .last $meant) -}}
{{- dict "path" .path "value" .node "rule" (printf "must be a string; unquoted, YAML reads it as the number %s" $text) "fix" $fix | toJson -}}
{{- end -}}
{{- end -}}

{{- define "hw.fail" -}}
{{- $count := (eq (len .problems) 1) | ternary "1 problem" (printf "%d problems" (len .problems)) -}}
{{- $lines := list (printf "Invalid workload declaration %s (%s):" .subject $count) -}}
{{- range $problem := .problems -}}
{{- $shown := (hasKey $problem "shown") | ternary $problem.shown (include "hw.showValue" $problem.value) -}}
{{- $lines = append $lines (printf "- %s: %s" $problem.path $shown) -}}
{{- $lines = append $lines (printf "    rule: %s" $problem.rule) -}}
{{- $lines = append $lines (printf "    fix:  %s" $problem.fix) -}}
{{- end -}}
{{- fail (join "\n" $lines) -}}
{{- end -}}

{{/*
Helm deletes a key that a values file sets to null when values.yaml gives it a default, so the
schema never sees the null and the default is gone too. The constructs reject such a null as a
wrong type; these are the keys values.yaml sets, each with the TypeScript face's message for a
null there (a test keeps this list and values.yaml in step). A missing parent hides its children.
*/}}
{{- define "hw.nulledDefaults" -}}
{{- $object := list "must be an object" "write an object" -}}
{{- $record := list "must be a map of names to values" "write a map of names to values" -}}
{{- $string := list "must be a string" "write a string" -}}
{{- $quotedKinds := list -}}
{{- range $kind := include "hw.table.kindNames" . | fromJsonArray }}{{ $quotedKinds = append $quotedKinds (toJson $kind) }}{{ end -}}
{{- $kindNames := join ", " $quotedKinds -}}
{{- /* (list path (list rule fix) example): the example is the field's first in the schema, as the TypeScript face quotes it. */ -}}
{{- $defaults := list
  (list "kind" (list (printf "must be one of %s" $kindNames) (printf "pick one of %s" $kindNames)) "")
  (list "health" $object "{\"readiness\":{\"path\":\"/readyz\"}}")
  (list "traffic" $object "{\"platform\":\"aws-alb\"}")
  (list "traffic.platform" (list "must be one of \"kube-proxy\", \"aws-alb\", \"aws-nlb\"" "pick one of \"kube-proxy\", \"aws-alb\", \"aws-nlb\"") "")
  (list "kubernetesVersion" $string "\"1.30\"")
  (list "preStop" $object "{\"type\":\"app\"}")
  (list "preStop.type" (list "must be one of \"auto\", \"sleep\", \"exec\", \"http\", \"app\"" "pick one of \"auto\", \"sleep\", \"exec\", \"http\", \"app\"") "")
  (list "resources" $object "{\"cpu\":\"500m\"}")
  (list "resources.cpu" $string "\"500m\"")
  (list "resources.memory" $string "\"1Gi\"")
  (list "env" (list "a map of names to values, or a list of { name, ... } entries" "write env: { LOG_LEVEL: info } or env: [{ name: LOG_LEVEL, value: info }]") "")
  (list "tmp" $object "{\"sizeLimit\":\"4Gi\"}")
  (list "tmp.sizeLimit" $string "\"4Gi\"")
  (list "tmp.medium" (list "must be one of \"disk\", \"memory\"" "pick one of \"disk\", \"memory\"") "")
  (list "labels" $record "{\"team\":\"payments\"}")
  (list "networkPolicy" $object "{\"egressTo\":[{\"cidr\":\"10.0.0.0/8\"}]}")
  (list "patches" $object "{\"Deployment\":{\"object\":{\"metadata\":{\"annotations\":{\"example.com/owner\":\"payments\"}}}}}")
  (list "overrides" $object "{\"terminationGracePeriodSeconds\":60}")
  (list "acknowledge" $record "{\"singleReplica\":\"preview environment, downtime is acceptable\"}")
-}}
{{- $problems := list -}}
{{- $missing := list -}}
{{- range $default := $defaults -}}
{{- $path := index $default 0 -}}
{{- $parent := initial (splitList "." $path) | join "." -}}
{{- if not (has $parent $missing) -}}
{{- $found := include "hw.dig" (dict "spec" $.Values "path" $path) | fromJson -}}
{{- if not (hasKey $found "value") -}}
{{- $missing = append $missing $path -}}
{{- $example := index $default 2 -}}
{{- $fix := ne $example "" | ternary (printf "%s, e.g. %s: %s" (index $default 1 1) $path $example) (index $default 1 1) -}}
{{- $problems = append $problems (dict "path" $path "shown" "null" "rule" (index $default 1 0) "fix" $fix) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- if $problems -}}
{{- include "hw.fail" (dict "subject" ($.Values.name | toJson) "problems" $problems) -}}
{{- end -}}
{{- end -}}

{{/* How to pin an image, with the user's own repository; mirrors pinImageFix in src/declaration/image.ts. */}}
{{- define "hw.pinImageFix" -}}
{{- $repository := .repository | trim | lower | default "registry/repository" -}}
pin a version tag ({{ $repository }}:<version>, e.g. {{ $repository }}:1.4.2) or a digest ({{ $repository }}@sha256:<64 hex digits>)
{{- end -}}
