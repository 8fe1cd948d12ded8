{{/*
The invariants of docs/derivation.md on the derived timings, mirroring src/invariants/check.ts and
invariantProblem in src/declaration/resolve.ts: a violation is a problem unless the invariant may
be acknowledged and is. Invariants 2 (successThreshold) and 11 (the PDB's maxUnavailable 1) hold
by construction here, because neither can be overridden.
Whether the load balancer's health check calls the readiness endpoint (part of invariant 15) also
holds by construction: the health check is derived from the readiness probe. Invariants 16-18
speak of a Job in the declaration's own fields, as jobInvariantText in
src/declaration/resolve/invariant-problems.ts does.
Input: (dict "spec" "timings" "probes" "replicas" "loadBalancer"). Output: JSON with `problems` and `used`.
*/}}
{{- define "hw.invariants" -}}
{{- $spec := .spec -}}
{{- $t := .timings -}}
{{- $probes := .probes -}}
{{- $acknowledge := $spec.acknowledge | default dict -}}
{{- /* Numbers, statements, whether a reason may acknowledge a violation, and the fields a violation is
reported under: one table, generated from the TypeScript face into _generated.tpl. */ -}}
{{- $invariants := include "hw.table.invariants" . | fromJson -}}

{{- /* Each violation as (dict "id" "detail" "fix"), in the order of docs/derivation.md. */ -}}
{{- $violations := list -}}
{{- $sMax := $t.startupMaxSeconds | int -}}
{{- $p := $t.propagationSeconds | int -}}
{{- $d := $t.drainSeconds | int -}}
{{- $g := $t.terminationGracePeriodSeconds | int -}}
{{- $preStop := $t.preStop.seconds | int -}}
{{- $rTimeout := $t.readiness.timeoutSeconds | int -}}
{{- $wR := $t.readiness.windowSeconds | int -}}
{{- $sInterval := max ($t.startup.periodSeconds | int) ($t.startup.timeoutSeconds | int) | int -}}
{{- $sFailures := $t.startup.failureThreshold | int -}}
{{- $wS := $t.startup.windowSeconds | int -}}
{{- $lInterval := max ($t.liveness.periodSeconds | int) ($t.liveness.timeoutSeconds | int) | int -}}
{{- $lFailures := $t.liveness.failureThreshold | int -}}
{{- $wL := $t.liveness.windowSeconds | int -}}
{{- $lTimeout := $t.liveness.timeoutSeconds | int -}}

{{- if hasKey $probes "startup" -}}
{{- if lt (mul 2 $wS) (mul 3 $sMax) -}}
{{- $violations = append $violations (dict "id" "startupWindow" "detail" (printf "startup window %d s × %d = %d s vs 1.5 × %d s" $sInterval $sFailures $wS $sMax) "fix" (printf "raise the startup failureThreshold to at least %s" (include "hw.ceilDiv" (list (mul 3 $sMax) (mul 2 $sInterval))))) -}}
{{- end -}}
{{- end -}}
{{- if and (hasKey $probes "liveness") (hasKey $probes "readiness") -}}
{{- $needed := max (mul 2 $wR) (add $wR $p) | int -}}
{{- $detail := printf "liveness window %d s vs max(2 × %d, %d + %d) = %d s; timeouts liveness %d s, readiness %d s" $wL $wR $wR $p $needed $lTimeout $rTimeout -}}
{{- if lt $wL $needed -}}
{{- $violations = append $violations (dict "id" "livenessAfterReadiness" "detail" $detail "fix" (printf "raise the liveness failureThreshold to at least %s" (include "hw.ceilDiv" (list $needed $lInterval)))) -}}
{{- else if lt $lTimeout $rTimeout -}}
{{- $violations = append $violations (dict "id" "livenessAfterReadiness" "detail" $detail "fix" (printf "raise the liveness timeoutSeconds to at least %d" $rTimeout)) -}}
{{- end -}}
{{- $handler := include "hw.describeProbe" $probes.readiness -}}
{{- if eq $handler (include "hw.describeProbe" $probes.liveness) -}}
{{- $fix := "let liveness check only that the process responds (e.g. tcpSocket on the port) and keep readiness for \"can serve now\"" -}}
{{- if hasPrefix "tcpSocket" $handler }}{{ $fix = "give readiness a check that says \"can serve now\", e.g. an HTTP path such as /readyz, and keep liveness on the TCP port" }}{{ end -}}
{{- $violations = append $violations (dict "id" "distinctProbes" "detail" (printf "both probes check %s" $handler) "fix" $fix) -}}
{{- end -}}
{{- end -}}
{{- $probeTimings := list -}}
{{- range $name := list "readiness" "liveness" "startup" -}}
{{- if hasKey $probes $name }}{{ $probeTimings = append $probeTimings (dict "name" $name "timeout" ((index $t $name).timeoutSeconds | int) "period" ((index $t $name).periodSeconds | int)) }}{{ end -}}
{{- end -}}
{{- if $probeTimings -}}
{{- $parts := list -}}
{{- range $probe := $probeTimings }}{{ $parts = append $parts (printf "%s timeout %d s, period %d s" $probe.name $probe.timeout $probe.period) }}{{ end -}}
{{- $detail := join "; " $parts -}}
{{- $timeoutViolation := dict -}}
{{- range $probe := $probeTimings -}}
{{- if not $timeoutViolation -}}
{{- if lt $probe.timeout 2 -}}
{{- $timeoutViolation = dict "id" "readinessTimeout" "detail" $detail "fix" (printf "set the %s timeoutSeconds to at least 2" $probe.name) "probe" $probe.name -}}
{{- else if ge $probe.timeout $probe.period -}}
{{- $timeoutViolation = dict "id" "readinessTimeout" "detail" $detail "fix" (printf "set the %s periodSeconds to at least %d" $probe.name (add $probe.timeout 1)) "probe" $probe.name -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- if $timeoutViolation }}{{ $violations = append $violations $timeoutViolation }}{{ end -}}
{{- end -}}
{{- if and $t.servesTraffic (lt $preStop $p) -}}
{{- /* No delay at all is said as such, as src/invariants/check.ts does (removal from endpoints is never instantaneous). */ -}}
{{- if eq $preStop 0 -}}
{{- $violations = append $violations (dict "id" "preStopCoversPropagation" "detail" (printf "no preStop delay, while endpoint removal takes %d s" $p) "fix" (printf "delay SIGTERM by at least %d s in a preStop hook" $p)) -}}
{{- else -}}
{{- $violations = append $violations (dict "id" "preStopCoversPropagation" "detail" (printf "preStop %d s vs propagation %d s" $preStop $p) "fix" (printf "delay SIGTERM by at least %d s in the preStop hook" $p)) -}}
{{- end -}}
{{- end -}}
{{- if gt $preStop $g -}}
{{- $violations = append $violations (dict "id" "graceCoversShutdown" "detail" (printf "preStop %d s > grace %d s" $preStop $g) "fix" (printf "raise terminationGracePeriodSeconds to at least %d" (add $preStop $d 5))) -}}
{{- else if lt $g (add $preStop $d 5) -}}
{{- $violations = append $violations (dict "id" "graceCoversShutdown" "detail" (printf "grace %d s vs preStop %d + drain %d + 5 = %d s" $g $preStop $d (add $preStop $d 5)) "fix" (printf "raise terminationGracePeriodSeconds to at least %d" (add $preStop $d 5))) -}}
{{- end -}}
{{- $over := list -}}
{{- if and (hasKey $probes "liveness") (gt ($t.liveness.terminationGracePeriodSeconds | int) $g) }}{{ $over = append $over (printf "liveness probe grace %d s > %d s" ($t.liveness.terminationGracePeriodSeconds | int) $g) }}{{ end -}}
{{- if and (hasKey $probes "startup") (gt ($t.startup.terminationGracePeriodSeconds | int) $g) }}{{ $over = append $over (printf "startup probe grace %d s > %d s" ($t.startup.terminationGracePeriodSeconds | int) $g) }}{{ end -}}
{{- if $over -}}
{{- $violations = append $violations (dict "id" "probeGrace" "detail" (join ", " $over) "fix" (printf "lower the probe terminationGracePeriodSeconds to at most %d" $g)) -}}
{{- end -}}
{{- /* Invariants 9 and 10 are a Deployment's (a StatefulSet has no surge and no progress deadline): the check catalogue's kinds decide. */ -}}
{{- $c := $t.containers -}}
{{- $native := eq $c.sidecarMode "native" -}}
{{- $controller := $t.rollout.controller -}}
{{- if has $controller (index $invariants "surgeWhenNoUnavailable").controllers -}}
{{- $maxUnavailable := $t.rollout.maxUnavailable -}}
{{- $maxSurge := $t.rollout.maxSurge -}}
{{- $pods := eq .replicas.mode "fixed" | ternary .replicas.count .replicas.min | int -}}
{{- $noUnavailable := or (and (kindIs "string" $maxUnavailable) (eq $maxUnavailable "0%")) (and (not (kindIs "string" $maxUnavailable)) (eq ($maxUnavailable | int) 0)) -}}
{{- if and $noUnavailable (lt (include "hw.budgetUp" (list $maxSurge $pods) | int) 1) -}}
{{- $violations = append $violations (dict "id" "surgeWhenNoUnavailable" "detail" (printf "maxUnavailable %v, maxSurge %v" (include "hw.budgetText" $maxUnavailable) (include "hw.budgetText" $maxSurge)) "fix" "set maxSurge to at least 1 (or \"25%\")") -}}
{{- end -}}
{{- end -}}
{{- if has $controller (index $invariants "progressDeadline").controllers -}}
{{- $deadline := $t.rollout.progressDeadlineSeconds | int -}}
{{- $minReady := $t.rollout.minReadySeconds | int -}}
{{- $worstStart := (hasKey $probes "startup") | ternary $wS $sMax | int -}}
{{- /* Init containers and gating native sidecars run before the application starts. */ -}}
{{- $initPhase := gt (len $c.initContainers) 0 -}}
{{- if $native }}{{ range $sidecar := $c.sidecars }}{{ if hasKey $sidecar "startup" }}{{ $initPhase = true }}{{ end }}{{ end }}{{ end -}}
{{- $init := $c.initSeconds | int -}}
{{- $needed := add $init $worstStart $minReady | int -}}
{{- if le $deadline $minReady -}}
{{- $violations = append $violations (dict "id" "progressDeadline" "detail" (printf "progressDeadlineSeconds %d ≤ minReadySeconds %d" $deadline $minReady) "fix" (printf "raise progressDeadlineSeconds above %d" $minReady)) -}}
{{- else if lt $deadline $needed -}}
{{- $detail := printf "progressDeadlineSeconds %d vs worst start %d + minReady %d = %d s" $deadline $worstStart $minReady $needed -}}
{{- if $initPhase }}{{ $detail = printf "progressDeadlineSeconds %d vs init %d + worst start %d + minReady %d = %d s" $deadline $init $worstStart $minReady $needed }}{{ end -}}
{{- $violations = append $violations (dict "id" "progressDeadline" "detail" $detail "fix" (printf "raise progressDeadlineSeconds to at least %d" $needed)) -}}
{{- end -}}
{{- end -}}
{{- if gt $g 600 -}}
{{- /* graceLimitFix in src/invariants/check.ts: G = S + max(5, ceil(S / 10)) fits 600 s while S ≤ 545. */ -}}
{{- $m := max 5 (div (add $g 10) 11) -}}
{{- $s := -1 -}}
{{- range $margin := list (sub $m 1) $m (add $m 1) -}}
{{- $candidate := sub $g $margin -}}
{{- if and (lt $s 0) (eq (add $candidate (max 5 (div (add $candidate 9) 10))) $g) }}{{ $s = $candidate }}{{ end -}}
{{- end -}}
{{- $fix := "lower terminationGracePeriodSeconds to 600 s or less (overrides.terminationGracePeriodSeconds, or a shorter drain), or acknowledge graceLimit with a reason" -}}
{{- if and (ge $s 0) (le (sub $s $d) 545) }}{{ $fix = printf "shorten drainSeconds to at most %d s, the longest drain whose grace period fits 600 s, or acknowledge graceLimit with a reason" (sub 545 (sub $s $d)) }}{{ end -}}
{{- $violations = append $violations (dict "id" "graceLimit" "detail" (printf "grace %d s vs 600 s" $g) "fix" $fix) -}}
{{- end -}}
{{- /*
13: native sidecars stop one by one after the application (G ≥ preStop + D + Σ stop + 5); ordinary
sidecars and the mesh proxy get SIGTERM at preStop + D, by derivation (G ≥ that + stop + 5).
*/ -}}
{{- if or $c.sidecars $c.mesh -}}
{{- $drainEnd := add $preStop $d | int -}}
{{- $parts := list -}}
{{- $graceNeeded := 0 -}}
{{- if $native -}}
{{- $stops := list -}}
{{- $sum := 0 -}}
{{- range $sidecar := $c.sidecars }}{{ $stops = append $stops (toString ($sidecar.stopSeconds | int)) }}{{ $sum = add $sum ($sidecar.stopSeconds | int) | int }}{{ end -}}
{{- $graceNeeded = add $drainEnd $sum 5 | int -}}
{{- $parts = append $parts (printf "native sidecars stop one by one after the application: grace %d s vs preStop %d + drain %d + stops (%s) + 5 = %d s" $g $preStop $d (join " + " $stops) $graceNeeded) -}}
{{- else -}}
{{- range $sidecar := $c.sidecars -}}
{{- $sigterm := $sidecar.preStopSeconds | int -}}
{{- $each := add $sigterm ($sidecar.stopSeconds | int) 5 | int -}}
{{- $graceNeeded = max $graceNeeded $each | int -}}
{{- $parts = append $parts (printf "sidecar %s: SIGTERM at %d s vs drain end %d + %d = %d s, grace %d s vs %d + stop %d + 5 = %d s" $sidecar.name $sigterm $preStop $d $drainEnd $g $sigterm ($sidecar.stopSeconds | int) $each) -}}
{{- end -}}
{{- end -}}
{{- with $c.mesh -}}
{{- $meshNeeded := add (.drainSeconds | int) 5 | int -}}
{{- $graceNeeded = max $graceNeeded $meshNeeded | int -}}
{{- $parts = append $parts (printf "%s proxy: SIGTERM at %d s vs drain end %d + %d = %d s, grace %d s vs %d + stop 0 + 5 = %d s" .name (.drainSeconds | int) $preStop $d $drainEnd $g (.drainSeconds | int) $meshNeeded) -}}
{{- end -}}
{{- if lt $g $graceNeeded -}}
{{- $violations = append $violations (dict "id" "sidecarsOutliveDrain" "detail" (join "; " $parts) "fix" (printf "raise terminationGracePeriodSeconds to at least %d" $graceNeeded)) -}}
{{- end -}}
{{- end -}}
{{- if and .loadBalancer (hasKey $t "loadBalancer") -}}
{{- $lb := $t.loadBalancer -}}
{{- $name := (eq $lb.kind "aws-alb") | ternary "ALB" "NLB" -}}
{{- $delay := $lb.deregistrationDelaySeconds | int -}}
{{- $needed := add $p $d | int -}}
{{- $range := (le $needed $g) | ternary (printf "between %d and %d s" $needed $g) "" -}}
{{- $detail := printf "%s: deregistration delay %d s vs propagation %d + drain %d = %d s, grace %d s" $name $delay $p $d $needed $g -}}
{{- if gt $delay $g -}}
{{- $violations = append $violations (dict "id" "deregistrationDelay" "detail" $detail "fix" (printf "set the deregistration delay %s" ($range | default (printf "at most %d s" $g)))) -}}
{{- else if lt $delay $needed -}}
{{- $violations = append $violations (dict "id" "deregistrationDelay" "detail" $detail "fix" (printf "set the deregistration delay %s" ($range | default (printf "at least %d s" $needed)))) -}}
{{- end -}}
{{- if hasKey $probes "readiness" -}}
{{- $check := .loadBalancer.healthCheck -}}
{{- $endpoint := printf "%s %s" $check.protocol ($check.path | default "/") -}}
{{- if $check.grpc }}{{ $endpoint = "the gRPC health service" }}{{ else if eq $check.protocol "TCP" }}{{ $endpoint = "a TCP connection" }}{{ end -}}
{{- $interval := $lb.healthCheck.intervalSeconds | int -}}
{{- $lbTimeout := $lb.healthCheck.timeoutSeconds | int -}}
{{- $unhealthy := $lb.healthCheck.unhealthyThresholdCount | int -}}
{{- $window := mul $interval $unhealthy | int -}}
{{- $livenessText := (hasKey $probes "liveness") | ternary (printf ", liveness window %d s" $wL) "" -}}
{{- $detail := printf "%s checks %s every %d s, timeout %d s, out after %d failures: window %d s vs readiness window %d s%s; timeout vs readiness timeout %d s" $name $endpoint $interval $lbTimeout $unhealthy $window $wR $livenessText $rTimeout -}}
{{- if lt $lbTimeout $rTimeout -}}
{{- $violations = append $violations (dict "id" "loadBalancerHealthCheck" "detail" $detail "fix" (printf "raise the health check timeout to at least %d s" $rTimeout)) -}}
{{- else if lt $window $wR -}}
{{- $threshold := include "hw.ceilDiv" (list $wR $interval) | int -}}
{{- $fix := (le $threshold 10) | ternary (printf "raise the unhealthy threshold to at least %d" $threshold) (printf "raise the health check interval to at least %s s" (include "hw.ceilDiv" (list $wR 10))) -}}
{{- $violations = append $violations (dict "id" "loadBalancerHealthCheck" "detail" $detail "fix" $fix) -}}
{{- else if and (hasKey $probes "liveness") (gt $window $wL) -}}
{{- $threshold := div $wL $interval | int -}}
{{- $fix := (ge $threshold 2) | ternary (printf "lower the unhealthy threshold to at most %d" $threshold) (printf "lower the health check interval to at most %d s" (div $wL 2)) -}}
{{- $violations = append $violations (dict "id" "loadBalancerHealthCheck" "detail" $detail "fix" $fix) -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- /* Invariants 16-18 of a Job, each number named by the field that sets it (jobInvariantText in src/declaration/resolve/invariant-problems.ts). */ -}}
{{- with $t.job -}}
{{- $job := . -}}
{{- $n := $job.attempts | int -}}
{{- $init := $t.containers.initSeconds | int -}}
{{- $run := $job.runMaxSeconds | int -}}
{{- $a := $job.attemptDeadlineSeconds | int -}}
{{- $b := $job.backoffSeconds | int -}}
{{- $deadline := $job.activeDeadlineSeconds | int -}}
{{- $overridden := has "activeDeadlineSeconds" $job.overridden -}}
{{- $deadlineText := printf "%sactiveDeadlineSeconds %d" ($overridden | ternary "overrides." "") $deadline -}}
{{- $attemptsText := printf "%d attempt%s%s" $n ((eq $n 1) | ternary "" "s") ((hasKey $spec.run "attempts") | ternary " (run.attempts)" "") -}}
{{- $needed := add (mul $n $a) $b | int -}}
{{- /* deadlineFitFix: what makes the attempts fit an overridden deadline. */ -}}
{{- $deadlineFix := list -}}
{{- if gt $needed $deadline -}}
{{- $deadlineFix = list (printf "raise overrides.activeDeadlineSeconds to at least %d (%d x attempt %d + back-off %d)" $needed $n $a $b) -}}
{{- $deadlineFix = concat $deadlineFix (include "hw.job.fitWays" (dict "spec" $spec "job" $job "init" $init "limit" $deadline) | fromJsonArray) -}}
{{- $deadlineFix = append $deadlineFix "or leave overrides.activeDeadlineSeconds out to have it derived" -}}
{{- end -}}

{{- /* Invariant 16: the Job's deadline covers every attempt's init phase and slowest run, and the back-off. */ -}}
{{- $covered := add (mul $n (add $init $run)) $b | int -}}
{{- if lt $deadline $covered -}}
{{- $detail := printf "%s s vs %s × (init %d + run.maxSeconds %d) + back-off %d = %d s" $deadlineText $attemptsText $init $run $b $covered -}}
{{- $violations = append $violations (dict "id" "deadlineCoversAttempts" "detail" $detail "fix" (join ", " $deadlineFix)) -}}
{{- end -}}

{{- /* Invariant 17: a late start plus the run fits between two runs that must not overlap. */ -}}
{{- with $t.cronJob -}}
{{- if ne .concurrencyPolicy "Allow" -}}
{{- $interval := .shortestIntervalSeconds | int -}}
{{- $starting := .startingDeadlineSeconds | int -}}
{{- if gt (add $starting $deadline) $interval -}}
{{- $zone := (hasKey . "timeZone") | ternary (printf " (%s)" .timeZone) "" -}}
{{- $detail := printf "%sstartingDeadlineSeconds %d + %s = %d s vs shortest interval %d s (\"%s\"%s, %s)" (.startingDeadlineOverridden | ternary "overrides." "") $starting $deadlineText (add $starting $deadline) $interval .cron $zone .concurrencyPolicy -}}
{{- /* The fix in the declaration's own fields, as scheduleFitFix writes it. */ -}}
{{- $late := 10 -}}
{{- if .startingDeadlineOverridden }}{{ $late = $starting }}{{ end -}}
{{- $limit := sub $interval $late | int -}}
{{- $ways := list -}}
{{- if and .startingDeadlineOverridden (ge (sub $interval $deadline | int) 10) }}{{ $ways = append $ways (printf "lower overrides.startingDeadlineSeconds to at most %d" (sub $interval $deadline | int)) }}{{ end -}}
{{- if $overridden -}}
{{- if ge $limit 1 }}{{ $ways = append $ways (printf "lower overrides.activeDeadlineSeconds to at most %d" $limit) }}{{ end -}}
{{- else -}}
{{- $ways = concat $ways (include "hw.job.fitWays" (dict "spec" $spec "job" $job "init" $init "limit" $limit) | fromJsonArray) -}}
{{- end -}}
{{- $minutes := ceil (divf (add $deadline $late) 60) | int -}}
{{- if and (hasKey . "timeZone") (not (or (has .timeZone (list "UTC" "GMT")) (hasPrefix "Etc/" .timeZone))) (gt (mul 60 $minutes) 3600) }}{{ $minutes = add $minutes 60 | int }}{{ end -}}
{{- $ways = append $ways (printf "schedule runs at least %d minutes apart (schedule.cron)" $minutes) -}}
{{- $ways = append $ways "or let runs overlap (schedule.concurrencyPolicy: Allow)" -}}
{{- $needs := printf "%d attempts need %d s (%d x %d + back-off %d)" $n $deadline $n $a $b -}}
{{- if eq $n 1 }}{{ $needs = printf "one attempt needs %d s (start %d + init %d + run %d + margin %d)" $deadline ($job.startSeconds | int) $init $run ($job.attemptMarginSeconds | int) }}{{ end -}}
{{- if $overridden }}{{ $needs = printf "the Job's deadline is %d s (overrides.activeDeadlineSeconds)" $deadline }}{{ end -}}
{{- $start := printf "a run must end 10 s before the next is due, within %d s" $limit -}}
{{- if .startingDeadlineOverridden }}{{ $start = printf "a start up to %d s late (overrides.startingDeadlineSeconds) leaves %d s" $starting $limit }}{{ end -}}
{{- $fix := printf "%s, but %s: %s" $needs $start (join ", " $ways) -}}
{{- $violations = append $violations (dict "id" "runFitsSchedule" "detail" $detail "fix" $fix) -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- /* Invariant 18: every attempt, at its own deadline, fits inside the Job's. */ -}}
{{- if gt $needed $deadline -}}
{{- $detail := printf "%s × attempt %d s (run.startSeconds %d + init %d + run.maxSeconds %d + margin %d) + back-off %d = %d s vs %s s" $attemptsText $a ($job.startSeconds | int) $init $run ($job.attemptMarginSeconds | int) $b $needed $deadlineText -}}
{{- $violations = append $violations (dict "id" "attemptFitsDeadline" "detail" $detail "fix" (join ", " $deadlineFix)) -}}
{{- end -}}
{{- end -}}

{{- /* Invariant 19 (ephemeralStorageCoversFolders), mirroring ephemeralStorageFactsOf and the check in
src/invariants/check.ts: the ephemeral-storage limits of the main container and the sidecars (each
the main container's unless it declares resources) against /tmp and the scratch folders on disk. */ -}}
{{- $cap := 4503599627370496 -}}
{{- $mainStorage := $spec.resources.ephemeralStorage | default dict -}}
{{- $limits := list -}}
{{- if hasKey $mainStorage "limit" }}{{ $limits = append $limits (dict "name" $spec.name "quantity" $mainStorage.limit) }}{{ end -}}
{{- range $sidecar := $spec.sidecars | default list -}}
{{- $storage := $mainStorage -}}
{{- if hasKey $sidecar "resources" }}{{ $storage = (get $sidecar.resources "ephemeralStorage") | default dict }}{{ end -}}
{{- if hasKey $storage "limit" }}{{ $limits = append $limits (dict "name" $sidecar.name "quantity" $storage.limit) }}{{ end -}}
{{- end -}}
{{- if $limits -}}
{{- $folders := list -}}
{{- if ne ($spec.tmp.medium | default "disk") "memory" }}{{ $folders = append $folders (dict "name" "tmp" "quantity" ($spec.tmp.sizeLimit | default "1Gi")) }}{{ end -}}
{{- $scratch := $spec.scratch | default dict -}}
{{- range $key := keys $scratch | sortAlpha -}}
{{- $folder := index $scratch $key -}}
{{- if ne ($folder.medium | default "disk") "memory" }}{{ $folders = append $folders (dict "name" (printf "scratch-%s" $key) "quantity" ($folder.sizeLimit | default "1Gi")) }}{{ end -}}
{{- end -}}
{{- if $folders -}}
{{- $texts := dict -}}
{{- $totals := dict -}}
{{- range $side, $sizes := dict "limits" $limits "folders" $folders -}}
{{- $total := 0 -}}
{{- $terms := list -}}
{{- range $size := $sizes -}}
{{- $total = min (add $total (include "hw.memoryBytes" $size.quantity | int64)) $cap -}}
{{- $terms = append $terms (printf "%s %s" $size.name $size.quantity) -}}
{{- end -}}
{{- $_ := set $totals $side ($total | int64) -}}
{{- $_ := set $texts $side (printf "%s = %d bytes" (join " + " $terms) ($total | int64)) -}}
{{- end -}}
{{- if ge (index $totals "folders" | int64) (index $totals "limits" | int64) -}}
{{- $violations = append $violations (dict "id" "ephemeralStorageCoversFolders" "detail" (printf "ephemeral-storage limits %s vs emptyDirs on disk %s" $texts.limits $texts.folders) "fix" (printf "raise the ephemeral-storage limit above %d bytes, or lower the emptyDirs' sizeLimits (or keep folders in memory)" (index $totals "folders" | int64))) -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- /* Violations become problems unless acknowledged, reported under the field that caused them. */ -}}
{{- $problems := list -}}
{{- $used := list -}}
{{- range $violation := $violations -}}
{{- $id := $violation.id -}}
{{- $invariant := index $invariants $id -}}
{{- $acknowledgeable := $invariant.acknowledgeable -}}
{{- if and $acknowledgeable (hasKey $acknowledge $id) -}}
{{- $used = append $used $id -}}
{{- else -}}
{{- $candidates := $invariant.fields -}}
{{- if hasKey $violation "probe" }}{{ $candidates = list (printf "overrides.%s.timeoutSeconds" $violation.probe) (printf "overrides.%s.periodSeconds" $violation.probe) "probeLatencyMs" }}{{ end -}}
{{- $path := last $candidates -}}
{{- range $candidate := reverse $candidates -}}
{{- if not (kindIs "invalid" (include "hw.dig" (dict "spec" $spec "path" $candidate) | fromJson).value) }}{{ $path = $candidate }}{{ end -}}
{{- end -}}
{{- $key := $id -}}
{{- range $new, $old := include "hw.table.acknowledgementAliases" $ | fromJson }}{{ if eq $old $id }}{{ $key = $new }}{{ end }}{{ end -}}
{{- $escape := $acknowledgeable | ternary (printf "; if this is deliberate, add acknowledge.%s: \"<reason>\"" $key) " (this invariant cannot be acknowledged)" -}}
{{- /* The check's fix in the declaration's own fields, as inDeclarationFields writes it. */ -}}
{{- $fix := $violation.fix -}}
{{- range $pair := include "hw.table.fixFields" $ | fromJsonArray }}{{ $fix = replace (index $pair 0) (index $pair 1) $fix }}{{ end -}}
{{- $problem := dict "path" $path "rule" (printf "invariant %d (%s): %s Here: %s" ($invariant.number | int) $id $invariant.statement $violation.detail) "fix" (printf "%s%s" $fix $escape) -}}
{{- $found := include "hw.dig" (dict "spec" $spec "path" $path) | fromJson -}}
{{- if hasKey $found "value" }}{{ $_ := set $problem "value" $found.value }}{{ end -}}
{{- $problems = append $problems $problem -}}
{{- end -}}
{{- end -}}
{{- dict "problems" $problems "used" $used | toJson -}}
{{- end -}}

{{/*
The ways to make a Job's attempts fit a deadline of at most `limit` by the run's own fields
(runFitWays and attemptFit in src/): the longest run.maxSeconds and run.startSeconds that fit, and
fewer declared run.attempts. Input: (dict "spec" "job" "init" "limit"). Output: JSON list.
*/}}
{{- define "hw.job.fitWays" -}}
{{- $job := .job -}}
{{- $limit := .limit | int -}}
{{- $n := $job.attempts | int -}}
{{- $start := $job.startSeconds | int -}}
{{- $init := .init | int -}}
{{- $run := $job.runMaxSeconds | int -}}
{{- /* floor((limit - B) / n); Helm's div truncates toward zero, which differs only below zero, where no way is offered. */ -}}
{{- $perAttempt := div (sub $limit ($job.backoffSeconds | int)) $n | int -}}
{{- $ways := list -}}
{{- $maxRun := div (mul 10 (sub $perAttempt (add $start $init))) 11 | int -}}
{{- if and (ge $maxRun 1) (gt (sub $perAttempt (add $start $init)) 0) }}{{ $ways = append $ways (printf "lower run.maxSeconds to at most %d" $maxRun) }}{{ end -}}
{{- $maxStart := sub $perAttempt (add $init $run ($job.attemptMarginSeconds | int)) | int -}}
{{- if and (ge $maxStart 0) (ge (sub $limit ($job.backoffSeconds | int)) 0) }}{{ $ways = append $ways (printf "lower run.startSeconds to at most %d" $maxStart) }}{{ end -}}
{{- if hasKey .spec.run "attempts" -}}
{{- $a := $job.attemptDeadlineSeconds | int -}}
{{- $fits := 0 -}}
{{- range $k := untilStep 1 (add $n 1 | int) 1 -}}
{{- if and (eq $fits (sub $k 1 | int)) (le (add (mul $k $a) (include "hw.job.backoff" (dict "retries" (sub $k 1))) | int) $limit) }}{{ $fits = $k }}{{ end -}}
{{- end -}}
{{- if ge $fits 1 }}{{ $ways = append $ways (printf "lower run.attempts to %d" $fits) }}{{ end -}}
{{- end -}}
{{- toJson $ways -}}
{{- end -}}

{{/* A rollout budget as the messages print it: 0, 1 or 25%. */}}
{{- define "hw.budgetText" -}}
{{- if kindIs "string" . }}{{ . }}{{ else }}{{ . | int }}{{ end -}}
{{- end -}}

{{/* The value at a dotted path of the spec, as JSON {"value": ...}, or {} when there is none: (dict "spec" "path"). */}}
{{- define "hw.dig" -}}
{{- $node := .spec -}}
{{- $found := true -}}
{{- range $key := splitList "." .path -}}
{{- if and $found (kindIs "map" $node) (hasKey $node $key) -}}
{{- $node = index $node $key -}}
{{- else -}}
{{- $found = false -}}
{{- end -}}
{{- end -}}
{{- if $found }}{{ dict "value" $node | toJson }}{{ else }}{}{{ end -}}
{{- end -}}
