{{/*
The load balancer's target group settings, mirroring deriveLoadBalancer in
src/timing/load-balancer.ts: every override replaces its value and everything downstream reads the
replaced value. Input: (dict "kind" "preStop" "drain" "readiness" (the readiness timings)
"overrides" (overrides.loadBalancer)). Output: JSON.
*/}}
{{- define "hw.loadBalancer.timings" -}}
{{- $o := .overrides | default dict -}}
{{- $r := .readiness -}}
{{- $delay := min 3600 (add .preStop .drain) | int -}}
{{- if hasKey $o "deregistrationDelaySeconds" }}{{ $delay = $o.deregistrationDelaySeconds | int }}{{ end -}}
{{- $timeout := min 120 (max 2 ($r.timeoutSeconds | int)) | int -}}
{{- if hasKey $o "healthCheckTimeoutSeconds" }}{{ $timeout = $o.healthCheckTimeoutSeconds | int }}{{ end -}}
{{- $interval := min 300 (max 5 ($r.periodSeconds | int) (add $timeout 1) (include "hw.ceilDiv" (list ($r.windowSeconds | int) 10) | int)) | int -}}
{{- if hasKey $o "healthCheckIntervalSeconds" }}{{ $interval = $o.healthCheckIntervalSeconds | int }}{{ end -}}
{{- $unhealthy := min 10 (max 2 (include "hw.ceilDiv" (list ($r.windowSeconds | int) $interval) | int)) | int -}}
{{- if hasKey $o "unhealthyThresholdCount" }}{{ $unhealthy = $o.unhealthyThresholdCount | int }}{{ end -}}
{{- $healthy := 2 -}}
{{- if hasKey $o "healthyThresholdCount" }}{{ $healthy = $o.healthyThresholdCount | int }}{{ end -}}
{{- dict
  "kind" .kind
  "deregistrationDelaySeconds" $delay
  "healthCheck" (dict "intervalSeconds" $interval "timeoutSeconds" $timeout "healthyThresholdCount" $healthy "unhealthyThresholdCount" $unhealthy "windowSeconds" (mul $interval $unhealthy))
  | toJson -}}
{{- end -}}

{{/*
A target group's own rule on the derived settings, mirroring targetGroupProblem in
src/declaration/resolve/target-group.ts: the health check timeout is shorter than the interval.
Input: (dict "spec" "timings"). Output: JSON, the problem or {}.
*/}}
{{- define "hw.loadBalancer.targetGroupProblem" -}}
{{- $problem := dict -}}
{{- if hasKey .timings "loadBalancer" -}}
{{- $check := .timings.loadBalancer.healthCheck -}}
{{- $timeout := $check.timeoutSeconds | int -}}
{{- $interval := $check.intervalSeconds | int -}}
{{- if ge $timeout $interval -}}
{{- $overridden := (.spec.overrides | default dict).loadBalancer | default dict -}}
{{- $field := (hasKey $overridden "healthCheckIntervalSeconds") | ternary "healthCheckIntervalSeconds" "healthCheckTimeoutSeconds" -}}
{{- $problem = dict "path" (printf "overrides.loadBalancer.%s" $field) "rule" (printf "a target group's health check timeout must be shorter than its interval (timeout %d s, interval %d s)" $timeout $interval) "fix" (printf "lower overrides.loadBalancer.healthCheckTimeoutSeconds to at most %d, or raise overrides.loadBalancer.healthCheckIntervalSeconds to at least %d" (sub $interval 1) (add $timeout 1)) -}}
{{- if hasKey $overridden $field }}{{ $_ := set $problem "value" (index $overridden $field) }}{{ end -}}
{{- end -}}
{{- end -}}
{{- toJson $problem -}}
{{- end -}}
