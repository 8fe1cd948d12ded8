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

{{/* The stop: preStop delay, drain, the sidecars' stops and the margin that make up the grace period (shutdownLine in summary.ts). */}}
{{- define "hw.shutdownLine" -}}
{{- $c := .containers -}}
{{- $g := .terminationGracePeriodSeconds | int -}}
{{- $x := $c.sidecarStopSeconds | int -}}
{{- $margin := sub $g (add (.preStop.seconds | int) (.drainSeconds | int) $x) -}}
{{- $sidecarPart := "" -}}
{{- if ne $c.sidecarMode "none" }}{{ $sidecarPart = printf " + sidecars %ds (%s)" $x ((eq $c.sidecarMode "native") | ternary "native, one by one" "ordinary, longest") }}{{ end -}}
shutdown: preStop {{ .preStop.seconds | int }}s ({{ .preStop.mechanism }}) + drain {{ .drainSeconds | int }}s{{ $sidecarPart }} + margin {{ $margin }}s = grace {{ $g }}s
{{- end -}}

{{/* The init phase, the sidecars and the mesh proxy, a JSON list of lines (containerLines in summary.ts). Input: the container timings. */}}
{{- define "hw.containerLines" -}}
{{- $c := . -}}
{{- $lines := list -}}
{{- $init := list -}}
{{- if eq $c.sidecarMode "native" }}{{ range $sidecar := $c.sidecars }}{{ if hasKey $sidecar "startup" }}{{ $init = append $init (printf "%s %ds" $sidecar.name ($sidecar.startup.windowSeconds | int)) }}{{ end }}{{ end }}{{ end -}}
{{- range $each := $c.initContainers }}{{ $init = append $init (printf "%s %ds" $each.name ($each.maxSeconds | int)) }}{{ end -}}
{{- if $init }}{{ $lines = append $lines (printf "init: %s = %ds before the app starts" (join " + " $init) ($c.initSeconds | int)) }}{{ end -}}
{{- if ne $c.sidecarMode "none" -}}
{{- $parts := list -}}
{{- range $sidecar := $c.sidecars -}}
{{- $each := list -}}
{{- with $sidecar.startup }}{{ $each = append $each (printf "startup window %ds (%ds x %d)" (.windowSeconds | int) (.periodSeconds | int) (.failureThreshold | int)) }}{{ end -}}
{{- with $sidecar.liveness }}{{ $each = append $each (printf "liveness window %ds (%ds x %d)" (.windowSeconds | int) (.periodSeconds | int) (.failureThreshold | int)) }}{{ end -}}
{{- $stop := printf "stop %ds" ($sidecar.stopSeconds | int) -}}
{{- if hasKey $sidecar "preStopSeconds" }}{{ $stop = printf "preStop %ds + %s" ($sidecar.preStopSeconds | int) $stop }}{{ end -}}
{{- $parts = append $parts (printf "%s: %s" $sidecar.name (append $each $stop | join ", ")) -}}
{{- end -}}
{{- $lines = append $lines (printf "sidecars (%s): %s" $c.sidecarMode (join "; " $parts)) -}}
{{- end -}}
{{- with $c.mesh }}{{ $lines = append $lines (printf "mesh: %s proxy serves %ds after deletion" .name (.drainSeconds | int)) }}{{ end -}}
{{- toJson $lines -}}
{{- end -}}

{{/* A Job's lines: its run, deadline, failure policy, shutdown and clean-up (jobSummary in summary.ts). */}}
{{- define "hw.jobSummary" -}}
{{- $t := .timings -}}
{{- $job := $t.job -}}
{{- $codes := list -}}
{{- range $code := $job.nonRetryableExitCodes }}{{ $codes = append $codes ($code | int | toString) }}{{ end -}}
{{- $lines := list -}}
{{- $by := dict "activeDeadlineSeconds" "" "ttlSecondsAfterFinished" "" -}}
{{- range $name := $job.overridden }}{{ $_ := set $by $name (printf " (overrides.%s)" $name) }}{{ end -}}
{{- with $t.cronJob -}}
{{- $zone := (hasKey . "timeZone") | ternary (printf " (%s)" .timeZone) "" -}}
{{- $lines = append $lines (printf "schedule: %s%s, shortest interval %ds, %s, startingDeadlineSeconds %d%s" .cron $zone (.shortestIntervalSeconds | int) .concurrencyPolicy (.startingDeadlineSeconds | int) (ternary " (overrides.startingDeadlineSeconds)" "" .startingDeadlineOverridden)) -}}
{{- end -}}
{{- $fit := "" -}}
{{- if $job.attemptsFitSchedule }}{{ $fit = ", as many as fit between two runs" }}{{ else if $job.attemptsFitDeadline }}{{ $fit = ", as many as fit the deadline" }}{{ end -}}
{{- $attempts := printf "%d x %d + back-off %d" ($job.attempts | int) ($job.attemptDeadlineSeconds | int) ($job.backoffSeconds | int) -}}
{{- $deadline := printf "deadline: activeDeadlineSeconds %d = %s" ($job.activeDeadlineSeconds | int) $attempts -}}
{{- if $by.activeDeadlineSeconds }}{{ $deadline = printf "deadline: activeDeadlineSeconds %d%s vs %s = %d" ($job.activeDeadlineSeconds | int) $by.activeDeadlineSeconds $attempts (add (mul ($job.attempts | int) ($job.attemptDeadlineSeconds | int)) ($job.backoffSeconds | int)) }}{{ end -}}
{{- $lines = concat $lines (list
  (printf "run: max %ds (typical %ds), %d attempts (backoffLimit %d%s), back-off %ds" ($job.runMaxSeconds | int) ($job.runTypicalSeconds | int) ($job.attempts | int) ($job.backoffLimit | int) $fit ($job.backoffSeconds | int))
  (printf "attempt deadline: activeDeadlineSeconds %d = start %d + init %d + run %d + margin %d" ($job.attemptDeadlineSeconds | int) ($job.startSeconds | int) ($t.containers.initSeconds | int) ($job.runMaxSeconds | int) ($job.attemptMarginSeconds | int))
  $deadline
  (printf "failure policy: DisruptionTarget ignored%s" (ternary (printf "; exit codes %s fail the Job" (join ", " $codes)) "" (not (empty $codes))))
  (include "hw.shutdownLine" $t)
) -}}
{{- $lines = concat $lines (include "hw.containerLines" $t.containers | fromJsonArray) -}}
{{- $ttl := "" -}}
{{- if hasKey $job "ttlSecondsAfterFinished" }}{{ $ttl = printf "ttlSecondsAfterFinished %d%s" ($job.ttlSecondsAfterFinished | int) $by.ttlSecondsAfterFinished }}{{ end -}}
{{- if hasKey $t "cronJob" -}}
{{- $lines = append $lines (printf "clean-up: history %d succeeded, %d failed%s" ($t.cronJob.successfulJobsHistoryLimit | int) ($t.cronJob.failedJobsHistoryLimit | int) (ternary (printf "; %s" $ttl) "" (ne $ttl ""))) -}}
{{- else -}}
{{- $lines = append $lines (printf "clean-up: %s" $ttl) -}}
{{- end -}}
{{- join "\n" $lines -}}
{{- end -}}

{{- define "hw.timingSummary" -}}
{{- $t := .timings -}}
{{- if hasKey $t "job" -}}
{{- include "hw.jobSummary" . -}}
{{- else -}}
{{- $lines := list
  (printf "%s, max start %ds" (include "hw.windowLine" (dict "name" "startup" "present" (hasKey .probes "startup") "timings" $t.startup)) ($t.startupMaxSeconds | int))
  (include "hw.windowLine" (dict "name" "readiness" "present" (hasKey .probes "readiness") "timings" $t.readiness))
  (printf "%s, propagation %ds" (include "hw.windowLine" (dict "name" "liveness" "present" (hasKey .probes "liveness") "timings" $t.liveness)) ($t.propagationSeconds | int))
  (include "hw.shutdownLine" $t)
-}}
{{- $lines = concat $lines (include "hw.containerLines" $t.containers | fromJsonArray) -}}
{{- $r := $t.rollout -}}
{{- if eq $r.controller "Deployment" -}}
{{- $lines = append $lines (printf "rollout: maxSurge %s, maxUnavailable %s, minReadySeconds %d, progressDeadlineSeconds %d" (include "hw.budgetText" $r.maxSurge) (include "hw.budgetText" $r.maxUnavailable) ($r.minReadySeconds | int) ($r.progressDeadlineSeconds | int)) -}}
{{- else if eq $r.controller "DaemonSet" -}}
{{- $lines = append $lines (printf "rollout: maxSurge %s, maxUnavailable %s, minReadySeconds %d, worst case per node %ds, %ds of it without an agent" (include "hw.budgetText" $r.maxSurge) (include "hw.budgetText" $r.maxUnavailable) ($r.minReadySeconds | int) ($r.nodeSeconds | int) ($r.nodeGapSeconds | int)) -}}
{{- else -}}
{{- $window := hasKey $r "maintenanceWindowSeconds" | ternary (printf ", maintenance window %ds" ($r.maintenanceWindowSeconds | int)) "" -}}
{{- $lines = append $lines (printf "rollout: %s, partition %d, minReadySeconds %d, worst case %d x %ds = %ds%s" $r.podManagementPolicy ($r.partition | int) ($r.minReadySeconds | int) ($r.updatedPods | int) ($r.podSeconds | int) ($r.worstCaseSeconds | int) $window) -}}
{{- end -}}
{{- if hasKey $t "loadBalancer" -}}
{{- $lb := $t.loadBalancer -}}
{{- $check := $lb.healthCheck -}}
{{- $lines = append $lines (printf "load balancer (%s): health check window %ds (%ds x %d), timeout %ds, healthy after %d; deregistration delay %ds" $lb.kind ($check.windowSeconds | int) ($check.intervalSeconds | int) ($check.unhealthyThresholdCount | int) ($check.timeoutSeconds | int) ($check.healthyThresholdCount | int) ($lb.deregistrationDelaySeconds | int)) -}}
{{- end -}}
{{- join "\n" $lines -}}
{{- end -}}
{{- end -}}

{{/* The declared times `check` compares against, and a starting pod's other timing inputs for `adopt`; preStopSeconds only when no hook shows it. */}}
{{- define "hw.declaredTimes" -}}
{{- $t := .timings -}}
{{- if hasKey $t "job" }}runMaxSeconds={{ $t.job.runMaxSeconds | int }}{{ else }}startupMaxSeconds={{ $t.startupMaxSeconds | int }} startupTypicalSeconds={{ $t.startupTypicalSeconds | int }}{{ end }} drainSeconds={{ $t.drainSeconds | int }} propagationSeconds={{ $t.propagationSeconds | int }}
{{- if not (hasKey $t "job") }} probeLatencyMs={{ .spec.probeLatencyMs | int }}{{ end -}}
{{- if has $t.preStop.mechanism (list "http" "app") }} preStopSeconds={{ $t.preStop.seconds | int }}{{ end -}}
{{- /* The other containers' times, as `<container>.<key>=seconds`. */ -}}
{{- range $each := $t.containers.initContainers }} {{ $each.name }}.maxSeconds={{ $each.maxSeconds | int }}{{ end -}}
{{- range $each := $t.containers.sidecars }}{{ if hasKey $each "startSeconds" }} {{ $each.name }}.startSeconds={{ $each.startSeconds | int }}{{ end }} {{ $each.name }}.stopSeconds={{ $each.stopSeconds | int }}{{ end -}}
{{- end -}}

{{- define "hw.deploymentAnnotations" -}}
hardened-workloads.io/declared: {{ include "hw.declaredTimes" . | quote }}
hardened-workloads.io/timings: {{ include "hw.timingSummary" . | quote }}
{{- if .acknowledgements }}
{{- $reasons := list -}}
{{- range $acknowledgement := .acknowledgements }}{{ $reasons = append $reasons (printf "%s: %s" $acknowledgement.id $acknowledgement.reason) }}
{{- /* The check rules an acknowledgement also answers for (ACKNOWLEDGEMENT_ALSO_COVERS in src/declaration/ids.ts): root is also user 0. */ -}}
{{- if eq $acknowledgement.id "runAsNonRoot" }}{{ $reasons = append $reasons (printf "runAsUser: %s" $acknowledgement.reason) }}{{ end }}{{ end }}
hardened-workloads.io/acknowledged: {{ join "\n" $reasons | quote }}
{{- end -}}
{{- if .spec.patches }}
hardened-workloads.io/patched: {{ include "hw.patches.fields" .spec.patches | fromJsonArray | join "\n" | quote }}
{{- end -}}
{{- end -}}
