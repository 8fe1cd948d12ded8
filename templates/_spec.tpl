{{/*
The effective declaration: the values with the defaults values.schema.json cannot apply (they
depend on other fields) and the preset's values filled in where the declaration is silent.
Mirrors applyPreset in src/declaration/presets.ts. Helm's `global` (handed down by a parent chart)
is not part of the declaration. Input: the root context. Output: JSON.
*/}}
{{- define "hw.spec" -}}
{{- $spec := omit (deepCopy .Values) "global" "hwResolvedOnce" "hwPatchedOnce" -}}
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
  "gunicorn" (dict "probeLatencyMs" 500 "env" (dict "GUNICORN_CMD_ARGS" (printf "--graceful-timeout %d" $drain)))
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
{{- end -}}
{{- end -}}
{{- end -}}
{{- if not (hasKey $spec "probeLatencyMs") }}{{ $_ := set $spec "probeLatencyMs" 500 }}{{ end -}}
{{- $_ := set $spec "health" $health -}}
{{- $_ := set $spec "env" $env -}}
{{- $_ := set $spec "presetFields" $presetFields -}}
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
