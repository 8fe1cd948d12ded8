{{/*
The effective declaration: the values with the defaults values.schema.json cannot apply (they
depend on other fields) and the preset's values filled in where the declaration is silent.
Mirrors applyPreset in src/declaration/presets.ts. Helm's `global` (handed down by a parent chart)
is not part of the declaration. Input: the root context. Output: JSON.
*/}}
{{- define "hw.spec" -}}
{{- $spec := omit (deepCopy .Values) "global" "hwResolvedOnce" "hwPatchedOnce" -}}
{{- /* Renamed acknowledgement keys read as the ids inside (withAcknowledgementAliases in
src/declaration/resolve/acknowledgement-aliases.ts): acknowledge.cpuLimit is noCpuLimit, written as cpuLimit. */ -}}
{{- $aliasProblems := list -}}
{{- $writtenAs := dict -}}
{{- $acknowledge := $spec.acknowledge | default dict -}}
{{- range $key, $id := include "hw.table.acknowledgementAliases" . | fromJson -}}
{{- if hasKey $acknowledge $key -}}
{{- $reason := index $acknowledge $key -}}
{{- $_ := unset $acknowledge $key -}}
{{- if hasKey $acknowledge $id -}}
{{- $aliasProblems = append $aliasProblems (dict "path" (printf "acknowledge.%s" $key) "value" $reason "rule" (printf "acknowledges the same departure as acknowledge.%s, its old name" $id) "fix" (printf "keep acknowledge.%s only" $key)) -}}
{{- else -}}
{{- $_ := set $acknowledge $id $reason -}}
{{- $_ := set $writtenAs $id $key -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- if hasKey $spec "acknowledge" }}{{ $_ := set $spec "acknowledge" $acknowledge }}{{ end -}}
{{- $_ := set $spec "acknowledgeWrittenAs" $writtenAs -}}
{{- $drain := $spec.drainSeconds | int -}}
{{- $presets := dict
  "spring-boot" (dict
    "probeLatencyMs" 1000
    "readiness" (dict "path" "/actuator/health/readiness")
    "liveness" (dict "path" "/actuator/health/liveness")
    "env" (dict
      "MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED" "true"
      "SERVER_SHUTDOWN" "graceful"
      "SPRING_LIFECYCLE_TIMEOUTPERSHUTDOWNPHASE" (printf "%ds" $drain)))
  "uvicorn" (dict "probeLatencyMs" 300 "env" (dict "UVICORN_TIMEOUT_GRACEFUL_SHUTDOWN" (printf "%d" $drain)))
  "gunicorn" (dict "probeLatencyMs" 500 "env" (dict "GUNICORN_CMD_ARGS" (printf "--graceful-timeout %d" $drain)) "flags" (dict "GUNICORN_CMD_ARGS" "--graceful-timeout"))
  "phoenix-bandit" (dict "probeLatencyMs" 1000 "env" dict)
  "nodejs" (dict "probeLatencyMs" 300 "env" dict)
-}}
{{- $health := $spec.health | default dict -}}
{{- $env := $spec.env -}}
{{- $declaredEnv := list -}}
{{- if kindIs "slice" $env -}}
{{- range $entry := $env }}{{ $declaredEnv = append $declaredEnv $entry.name }}{{ end -}}
{{- else -}}
{{- $declaredEnv = keys $env -}}
{{- end -}}
{{- $presetFields := list -}}
{{- $presetProblems := $aliasProblems -}}
{{- if $spec.preset -}}
{{- $preset := index $presets $spec.preset -}}
{{- if and (not (hasKey $health "readiness")) (hasKey $preset "readiness") -}}
{{- $_ := set $health "readiness" $preset.readiness -}}
{{- $presetFields = append $presetFields "health.readiness" -}}
{{- end -}}
{{- if and (not (hasKey $health "liveness")) (hasKey $preset "liveness") -}}
{{- $_ := set $health "liveness" $preset.liveness -}}
{{- $presetFields = append $presetFields "health.liveness" -}}
{{- end -}}
{{- if not (hasKey $spec "probeLatencyMs") -}}
{{- $_ := set $spec "probeLatencyMs" $preset.probeLatencyMs -}}
{{- $presetFields = append $presetFields "probeLatencyMs" -}}
{{- end -}}
{{- /* A list keeps the declared entries where they are (problems name them by index); the preset's follow. */ -}}
{{- range $name := keys $preset.env | sortAlpha -}}
{{- if not (has $name $declaredEnv) -}}
{{- if kindIs "slice" $env -}}
{{- $env = append $env (dict "name" $name "value" (index $preset.env $name)) -}}
{{- else -}}
{{- $_ := set $env $name (index $preset.env $name) -}}
{{- end -}}
{{- $presetFields = append $presetFields (printf "env.%s" $name) -}}
{{- else -}}
{{- /* Declared too: merged (hw.presetMerge), as mergePresetVariable does. */ -}}
{{- $declared := dict -}}
{{- $path := printf "env.%s" $name -}}
{{- if kindIs "slice" $env -}}
{{- range $index, $entry := $env }}{{ if eq $entry.name $name }}{{ $declared = $entry }}{{ $path = printf "env[%d]" $index }}{{ end }}{{ end -}}
{{- else -}}
{{- $declared = index $env $name -}}
{{- end -}}
{{- $merged := include "hw.presetMerge" (dict "preset" $spec.preset "name" $name "declared" $declared "wanted" (index $preset.env $name) "path" $path "drain" $drain "flag" (index ($preset.flags | default dict) $name)) | fromJson -}}
{{- if hasKey $merged "problem" -}}
{{- $presetProblems = append $presetProblems $merged.problem -}}
{{- else -}}
{{- $written := (kindIs "string" $declared) | ternary $declared (get (kindIs "map" $declared | ternary $declared dict) "value") -}}
{{- if ne $merged.value $written }}{{ $presetFields = append $presetFields (printf "env.%s" $name) }}{{ end -}}
{{- if kindIs "slice" $env }}{{ $_ := set $declared "value" $merged.value }}{{ else }}{{ $_ := set $env $name $merged.value }}{{ end -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- if not (hasKey $spec "probeLatencyMs") }}{{ $_ := set $spec "probeLatencyMs" 500 }}{{ end -}}
{{- $_ := set $spec "health" $health -}}
{{- $_ := set $spec "env" $env -}}
{{- $_ := set $spec "presetFields" $presetFields -}}
{{- $_ := set $spec "presetProblems" $presetProblems -}}
{{- $_ := set $spec "instance" ($spec.instance | default $spec.name) -}}
{{- if not (hasKey $spec "distroless") -}}
{{- $_ := set $spec "distroless" (eq (include "hw.knownDistroless" $spec.image) "true") -}}
{{- $_ := set $spec "distrolessDetected" true -}}
{{- end -}}
{{- if $spec.autoscaling -}}
{{- $_ := set $spec.autoscaling "minReplicas" ($spec.autoscaling.minReplicas | default 2) -}}
{{- $_ := set $spec.autoscaling "targetCPUUtilizationPercentage" ($spec.autoscaling.targetCPUUtilizationPercentage | default 70) -}}
{{- end -}}
{{- /* A stateful workload's settings, with the defaults the schema gives when they are declared. */ -}}
{{- if hasKey $spec "stateful" }}{{ $_ := set $spec "stateful" (include "hw.statefulSet.settings" $spec | fromJson) }}{{ end -}}
{{- if hasKey $spec "daemon" }}{{ $_ := set $spec "daemon" (include "hw.daemonSet.settings" $spec | fromJson) }}{{ end -}}
{{- if hasKey $spec "schedule" -}}
{{- $_ := set $spec.schedule "concurrencyPolicy" ($spec.schedule.concurrencyPolicy | default "Forbid") -}}
{{- range $limit := list "successfulJobsHistoryLimit" "failedJobsHistoryLimit" }}{{ if not (hasKey $spec.schedule $limit) }}{{ $_ := set $spec.schedule $limit 3 }}{{ end }}{{ end -}}
{{- end -}}
{{- /* The ways in, with the defaults the schema gives when they are declared. */ -}}
{{- if hasKey $spec "ingress" }}{{ $_ := set $spec.ingress "annotations" ($spec.ingress.annotations | default dict) }}{{ end -}}
{{- if hasKey $spec "route" }}{{ $_ := set $spec.route "kind" ($spec.route.kind | default "HTTPRoute") }}{{ end -}}
{{- if hasKey $spec "service" -}}
{{- $_ := set $spec.service "type" ($spec.service.type | default "ClusterIP") -}}
{{- $_ := set $spec.service "annotations" ($spec.service.annotations | default dict) -}}
{{- end -}}
{{- toJson $spec -}}
{{- end -}}

{{/*
A variable the declaration sets that the preset sets too, mirroring mergePresetVariable in
src/declaration/presets.ts with the same messages: a variable of flags gets the preset's flag
appended unless it gives the flag itself with the same value; any other must have the preset's
value. Input: (dict "preset" "name" "declared" "wanted" "path" "drain" "flag"). Output: JSON with
`value` or `problem`.
*/}}
{{- define "hw.presetMerge" -}}
{{- $declared := .declared -}}
{{- $written := "" -}}
{{- $isText := true -}}
{{- if kindIs "string" $declared }}{{ $written = $declared }}{{ else if and (kindIs "map" $declared) (hasKey $declared "value") }}{{ $written = get $declared "value" }}{{ else }}{{ $isText = false }}{{ end -}}
{{- if not $isText -}}
{{- $form := first (without (keys $declared | sortAlpha) "name") -}}
{{- dict "problem" (dict "path" .path "value" $declared "rule" (printf "the %s preset sets %s (%s) for its graceful shutdown after drainSeconds (%d), and a value from %s cannot be merged with it" .preset .name .wanted (.drain | int) $form) "fix" (printf "write %s out as a value, or leave it out so that the preset sets it" .name)) | toJson -}}
{{- else if not .flag -}}
{{- if eq $written .wanted -}}
{{- dict "value" $written | toJson -}}
{{- else -}}
{{- dict "problem" (dict "path" .path "value" $written "rule" (printf "the %s preset sets %s to %s for its graceful shutdown after drainSeconds (%d); another value makes the application stop at another time than the grace period assumes" .preset .name .wanted (.drain | int)) "fix" (printf "leave %s out so that the preset sets it, or set it to %s" .name .wanted)) | toJson -}}
{{- end -}}
{{- else -}}
{{- $value := trimPrefix (printf "%s " .flag) .wanted -}}
{{- $given := list -}}
{{- range $match := regexFindAll (printf "(?:^|[\\t\\n\\f\\r ])%s(?:=|[\\t\\n\\f\\r ]+)([^\\t\\n\\f\\r ]+)" .flag) $written -1 -}}
{{- $given = append $given (regexReplaceAll "^[\\t\\n\\f\\r ]*[^=\\t\\n\\f\\r ]+(?:=|[\\t\\n\\f\\r ]+)" $match "") -}}
{{- end -}}
{{- $contrary := "" -}}
{{- $found := false -}}
{{- range $each := $given }}{{ if and (not $found) (ne $each $value) }}{{ $contrary = $each }}{{ $found = true }}{{ end }}{{ end -}}
{{- if $found -}}
{{- dict "problem" (dict "path" .path "value" $written "rule" (printf "%s sets %s %s, but the %s preset sets %s %s from drainSeconds (%d): the application would stop waiting for requests at another time than the grace period assumes" .name .flag $contrary .preset .flag $value (.drain | int)) "fix" (printf "remove %s %s from %s (the preset appends %s), or set drainSeconds to match" .flag $contrary .name .wanted)) | toJson -}}
{{- else if $given -}}
{{- dict "value" $written | toJson -}}
{{- else -}}
{{- dict "value" ((eq $written "") | ternary .wanted (printf "%s %s" $written .wanted)) | toJson -}}
{{- end -}}
{{- end -}}
{{- end -}}
