{{/*
The Deployment's annotations for reviewers and for `hardened-workloads check`, mirroring
src/explain/summary.ts and deploymentAnnotations in src/constructs/metadata.ts word for word.
*/}}

{{/* One probe's window line, or "<name>: none". */}}
{{- define "hw.windowLine" -}}
{{- if .present -}}
{{ .name }}: window {{ .timings.windowSeconds | int }}s ({{ max (.timings.periodSeconds | int) (.timings.timeoutSeconds | int) }}s x {{ .timings.failureThreshold | int }}), timeout {{ .timings.timeoutSeconds | int }}s
{{- else -}}
{{ .name }}: none
{{- end -}}
{{- end -}}

{{- define "hw.timingSummary" -}}
{{- $t := .timings -}}
{{- $g := $t.terminationGracePeriodSeconds | int -}}
{{- $margin := sub $g (add ($t.preStop.seconds | int) ($t.drainSeconds | int)) -}}
{{- $lines := list
  (printf "%s, max start %ds" (include "hw.windowLine" (dict "name" "startup" "present" (hasKey .probes "startup") "timings" $t.startup)) ($t.startupMaxSeconds | int))
  (include "hw.windowLine" (dict "name" "readiness" "present" (hasKey .probes "readiness") "timings" $t.readiness))
  (printf "%s, propagation %ds" (include "hw.windowLine" (dict "name" "liveness" "present" (hasKey .probes "liveness") "timings" $t.liveness)) ($t.propagationSeconds | int))
  (printf "shutdown: preStop %ds (%s) + drain %ds + margin %ds = grace %ds" ($t.preStop.seconds | int) $t.preStop.mechanism ($t.drainSeconds | int) $margin $g)
  (printf "rollout: maxSurge %s, maxUnavailable %s, minReadySeconds %d, progressDeadlineSeconds %d" (include "hw.budgetText" $t.rollout.maxSurge) (include "hw.budgetText" $t.rollout.maxUnavailable) ($t.rollout.minReadySeconds | int) ($t.rollout.progressDeadlineSeconds | int))
-}}
{{- if hasKey $t "loadBalancer" -}}
{{- $lb := $t.loadBalancer -}}
{{- $check := $lb.healthCheck -}}
{{- $lines = append $lines (printf "load balancer (%s): health check window %ds (%ds x %d), timeout %ds, healthy after %d; deregistration delay %ds" $lb.kind ($check.windowSeconds | int) ($check.intervalSeconds | int) ($check.unhealthyThresholdCount | int) ($check.timeoutSeconds | int) ($check.healthyThresholdCount | int) ($lb.deregistrationDelaySeconds | int)) -}}
{{- end -}}
{{- join "\n" $lines -}}
{{- end -}}

{{/* The declared times `check` compares against; preStopSeconds only when no hook shows it. */}}
{{- define "hw.declaredTimes" -}}
{{- $t := .timings -}}
startupMaxSeconds={{ $t.startupMaxSeconds | int }} drainSeconds={{ $t.drainSeconds | int }} propagationSeconds={{ $t.propagationSeconds | int }}
{{- if has $t.preStop.mechanism (list "http" "app") }} preStopSeconds={{ $t.preStop.seconds | int }}{{ end -}}
{{- end -}}

{{- define "hw.deploymentAnnotations" -}}
hardened-workloads.io/declared: {{ include "hw.declaredTimes" . | quote }}
hardened-workloads.io/timings: {{ include "hw.timingSummary" . | quote }}
{{- if .acknowledgements }}
{{- $reasons := list -}}
{{- range $acknowledgement := .acknowledgements }}{{ $reasons = append $reasons (printf "%s: %s" $acknowledgement.id $acknowledgement.reason) }}{{ end }}
hardened-workloads.io/acknowledged: {{ join "\n" $reasons | quote }}
{{- end -}}
{{- end -}}
