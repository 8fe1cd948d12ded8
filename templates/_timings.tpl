{{/*
The timing rules of docs/derivation.md, in integer arithmetic, mirroring deriveTimings in
src/timing/derive.ts: every override replaces its value, and everything downstream reads the
replaced value; and the rules of init containers, sidecars and the mesh proxy, mirroring
src/timing/containers.ts, and of the load balancer, mirroring src/timing/load-balancer.ts.
Input: (dict "spec" effectiveSpec "probes" resolvedProbes "initContainers" "sidecars" (resolved)
"loadBalancer" resolvedLoadBalancer-or-nil). Output: JSON.
*/}}
{{- define "hw.timings" -}}
{{- $spec := .spec -}}
{{- $probes := .probes -}}
{{- $o := $spec.overrides | default dict -}}
{{- $oReadiness := $o.readiness | default dict -}}
{{- $oLiveness := $o.liveness | default dict -}}
{{- $oStartup := $o.startup | default dict -}}
{{- $web := eq (include "hw.kinds.servesTraffic" $spec) "true" -}}

{{- /* Pods that run to completion have no startup probe: their start numbers only keep the probe rules whole and are left out. */ -}}
{{- $batch := include "hw.kinds.runsToCompletion" $spec.kind -}}
{{- $startupTimes := $spec.startup | default dict -}}
{{- $sMax := $startupTimes.maxSeconds | default 0 | int -}}
{{- $sTyp := include "hw.ceilDiv" (list $sMax 3) | int -}}
{{- if hasKey $startupTimes "typicalSeconds" }}{{ $sTyp = $startupTimes.typicalSeconds | int }}{{ end -}}
{{- $d := $spec.drainSeconds | int -}}
{{- $l := $spec.probeLatencyMs | int -}}
{{- $platforms := include "hw.table.propagationSeconds" . | fromJson -}}
{{- $p := 0 -}}
{{- if $web -}}
{{- $p = index $platforms $spec.traffic.platform | int -}}
{{- if hasKey $spec.traffic "propagationSeconds" }}{{ $p = $spec.traffic.propagationSeconds | int }}{{ end -}}
{{- end -}}

{{- /* Every period exceeds its probe's timeout, and windows count effective intervals max(period, timeout). */ -}}
{{- /* Readiness: T = max(2, ceil(3·L/1000)); p_r = max(5, T + 1); 3 failures. */ -}}
{{- $t := max 2 (include "hw.ceilDiv" (list (mul 3 $l) 1000) | int) | int -}}
{{- if hasKey $oReadiness "timeoutSeconds" }}{{ $t = $oReadiness.timeoutSeconds | int }}{{ end -}}
{{- $rPeriod := max 5 (add $t 1) | int -}}
{{- if hasKey $oReadiness "periodSeconds" }}{{ $rPeriod = $oReadiness.periodSeconds | int }}{{ end -}}
{{- $rFailures := 3 -}}
{{- if hasKey $oReadiness "failureThreshold" }}{{ $rFailures = $oReadiness.failureThreshold | int }}{{ end -}}
{{- $wR := mul (max $rPeriod $t) $rFailures | int -}}

{{- /* Startup: p_s = max(clamp(ceil(S_typ/10), 1, 10), T_s + 1); f_s = max(3, ceil(1.5·S_max/p_s)). */ -}}
{{- $sTimeout := $t -}}
{{- if hasKey $oStartup "timeoutSeconds" }}{{ $sTimeout = $oStartup.timeoutSeconds | int }}{{ end -}}
{{- $sPeriod := max (min 10 (max 1 (include "hw.ceilDiv" (list $sTyp 10) | int))) (add $sTimeout 1) | int -}}
{{- if hasKey $oStartup "periodSeconds" }}{{ $sPeriod = $oStartup.periodSeconds | int }}{{ end -}}
{{- $sFailures := max 3 (include "hw.ceilDiv" (list (mul 3 $sMax) (mul 2 $sPeriod)) | int) | int -}}
{{- if hasKey $oStartup "failureThreshold" }}{{ $sFailures = $oStartup.failureThreshold | int }}{{ end -}}
{{- $wS := mul (max $sPeriod $sTimeout) $sFailures | int -}}

{{- /* Liveness: p_l = max(10, T_l + 1); f_l = max(3, ceil(max(2·W_r, W_r + P, 30) / p_l)). */ -}}
{{- $lTimeout := $t -}}
{{- if hasKey $oLiveness "timeoutSeconds" }}{{ $lTimeout = $oLiveness.timeoutSeconds | int }}{{ end -}}
{{- $lPeriod := max 10 (add $lTimeout 1) | int -}}
{{- if hasKey $oLiveness "periodSeconds" }}{{ $lPeriod = $oLiveness.periodSeconds | int }}{{ end -}}
{{- /* Without a readiness probe there is no readiness window to wait for: f_l = max(3, ceil(max(P, 30) / p_l)). */ -}}
{{- $lFailures := max 3 (include "hw.ceilDiv" (list (max (mul 2 $wR) (add $wR $p) 30) $lPeriod) | int) | int -}}
{{- if not (hasKey $probes "readiness") }}{{ $lFailures = max 3 (include "hw.ceilDiv" (list (max $p 30) $lPeriod) | int) | int }}{{ end -}}
{{- if hasKey $oLiveness "failureThreshold" }}{{ $lFailures = $oLiveness.failureThreshold | int }}{{ end -}}

{{- /* preStop: P seconds (none for workers); the mechanism follows preStop.type and the version. */ -}}
{{- $mechanism := "none" -}}
{{- if $web -}}
{{- $mechanism = $spec.preStop.type -}}
{{- if eq $mechanism "auto" -}}
{{- $mechanism = (ge (last (splitList "." $spec.kubernetesVersion) | int) 30) | ternary "sleep" "exec" -}}
{{- end -}}
{{- end -}}
{{- $preStop := $web | ternary $p 0 | int -}}
{{- if hasKey $o "preStopSeconds" }}{{ $preStop = $o.preStopSeconds | int }}{{ end -}}

{{- /*
Sidecars: native from 1.29 (stopped after the app, one by one: X = the sum of their stops), else
ordinary (stopped together after their preStop delay: X = the longest stop); without any, X = 0.
*/ -}}
{{- $sidecars := .sidecars | default list -}}
{{- $mode := "none" -}}
{{- if $sidecars }}{{ $mode = (ge (last (splitList "." $spec.kubernetesVersion) | int) 29) | ternary "native" "ordinary" }}{{ end -}}
{{- $x := 0 -}}
{{- range $sidecar := $sidecars -}}
{{- if eq $mode "native" }}{{ $x = add $x ($sidecar.stopSeconds | int) | int }}{{ else }}{{ $x = max $x ($sidecar.stopSeconds | int) | int }}{{ end -}}
{{- end -}}

{{- /* Grace: G = preStop + D + X + M, M = max(5, ceil((preStop + D + X)/10)); probe-level grace min(G, 10). */ -}}
{{- $m := max 5 (include "hw.ceilDiv" (list (add $preStop $d $x) 10) | int) | int -}}
{{- $g := add $preStop $d $x $m | int -}}
{{- if hasKey $o "terminationGracePeriodSeconds" }}{{ $g = $o.terminationGracePeriodSeconds | int }}{{ end -}}
{{- $sGrace := min $g 10 | int -}}
{{- if hasKey $oStartup "terminationGracePeriodSeconds" }}{{ $sGrace = $oStartup.terminationGracePeriodSeconds | int }}{{ end -}}
{{- $lGrace := min $g 10 | int -}}
{{- if hasKey $oLiveness "terminationGracePeriodSeconds" }}{{ $lGrace = $oLiveness.terminationGracePeriodSeconds | int }}{{ end -}}

{{- /*
Each sidecar's probes (timeout T_c = 2; startup p_c = max(clamp(ceil(S_c/10), 1, 10), T_c + 1),
f_c = max(3, ceil(1.5·S_c/p_c)); readiness every max(5, T_c + 1) s, 3 failures; liveness as below) and, if ordinary,
its preStop delay preStop + D.
*/ -}}
{{- $sidecarTimings := list -}}
{{- range $sidecar := $sidecars -}}
{{- $each := dict "name" $sidecar.name "stopSeconds" ($sidecar.stopSeconds | int) -}}
{{- if hasKey $sidecar "startSeconds" -}}
{{- $sc := $sidecar.startSeconds | int -}}
{{- $pc := max (min 10 (max 1 (include "hw.ceilDiv" (list $sc 10) | int))) 3 | int -}}
{{- $fc := max 3 (include "hw.ceilDiv" (list (mul 3 $sc) (mul 2 $pc)) | int) | int -}}
{{- $_ := set $each "startSeconds" $sc -}}
{{- $_ := set $each "startup" (dict "periodSeconds" $pc "timeoutSeconds" 2 "failureThreshold" $fc "windowSeconds" (mul $pc $fc) "terminationGracePeriodSeconds" (min $g 10)) -}}
{{- end -}}
{{- if hasKey $sidecar.probes "readiness" -}}
{{- $_ := set $each "readiness" (dict "periodSeconds" 5 "timeoutSeconds" 2 "failureThreshold" 3 "windowSeconds" 15) -}}
{{- end -}}
{{- /* Liveness as the application's: every 10 s, f = max(3, ceil(max(2·W_r, W_r + P, 30) / 10)) with W_r = 15, or max(3, ceil(max(P, 30) / 10)) without readiness. */ -}}
{{- if hasKey $sidecar.probes "liveness" -}}
{{- $lc := max 3 (include "hw.ceilDiv" (list (max $p 30) 10) | int) | int -}}
{{- if hasKey $sidecar.probes "readiness" }}{{ $lc = max 3 (include "hw.ceilDiv" (list (max 30 (add 15 $p) 30) 10) | int) | int }}{{ end -}}
{{- $_ := set $each "liveness" (dict "periodSeconds" 10 "timeoutSeconds" 2 "failureThreshold" $lc "windowSeconds" (mul 10 $lc) "terminationGracePeriodSeconds" (min $g 10)) -}}
{{- end -}}
{{- if eq $mode "ordinary" }}{{ $_ := set $each "preStopSeconds" (add $preStop $d) }}{{ end -}}
{{- $sidecarTimings = append $sidecarTimings $each -}}
{{- end -}}
{{- /* The mesh proxy serves until preStop + D. */ -}}
{{- $containers := dict "initContainers" (list) "sidecarMode" $mode "sidecars" $sidecarTimings "sidecarStopSeconds" $x -}}
{{- if $spec.mesh }}{{ $_ := set $containers "mesh" (dict "name" $spec.mesh "drainSeconds" (add $preStop $d)) }}{{ end -}}

{{- /* Rollout: a Deployment's maxUnavailable 0, maxSurge 25%, minReadySeconds W_r, progress deadline; a StatefulSet's in _stateful-set.tpl. */ -}}
{{- $controller := include "hw.kinds.controller" $spec.kind -}}
{{- $maxUnavailable := 0 -}}
{{- if hasKey $o "maxUnavailable" }}{{ $maxUnavailable = $o.maxUnavailable }}{{ end -}}
{{- $maxSurge := "25%" -}}
{{- if hasKey $o "maxSurge" }}{{ $maxSurge = $o.maxSurge }}{{ end -}}
{{- /* minReadySeconds: W_r; without a readiness probe W_l; without either probe 0. */ -}}
{{- $minReady := $wR -}}
{{- if not (hasKey $probes "readiness") }}{{ $minReady = (hasKey $probes "liveness") | ternary (mul (max $lPeriod $lTimeout) $lFailures) 0 | int }}{{ end -}}
{{- if hasKey $o "minReadySeconds" }}{{ $minReady = $o.minReadySeconds | int }}{{ end -}}
{{- /* I: init containers' maxSeconds and native sidecars' startup windows, before the app starts. */ -}}
{{- $i := 0 -}}
{{- $inits := list -}}
{{- range $init := .initContainers | default list -}}
{{- $inits = append $inits (dict "name" $init.name "maxSeconds" ($init.maxSeconds | int)) -}}
{{- $i = add $i ($init.maxSeconds | int) | int -}}
{{- end -}}
{{- if eq $mode "native" }}{{ range $each := $sidecarTimings }}{{ if hasKey $each "startup" }}{{ $i = add $i $each.startup.windowSeconds | int }}{{ end }}{{ end }}{{ end -}}
{{- $_ := set $containers "initContainers" $inits -}}
{{- $_ := set $containers "initSeconds" $i -}}
{{- $deadline := max 600 (include "hw.ceilDiv" (list (mul 3 (add 120 $i $wS $minReady)) 2) | int) | int -}}
{{- if hasKey $o "progressDeadlineSeconds" }}{{ $deadline = $o.progressDeadlineSeconds | int }}{{ end -}}

{{- $rollout := dict "controller" "Deployment" "maxSurge" $maxSurge "maxUnavailable" $maxUnavailable "minReadySeconds" $minReady "progressDeadlineSeconds" $deadline -}}
{{- if eq $controller "StatefulSet" -}}
{{- $rollout = include "hw.statefulSet.rollout" (dict "spec" $spec "replicas" .replicas "grace" $g "init" $i "startupWindow" $wS "minReady" $minReady) | fromJson -}}
{{- else if eq $controller "DaemonSet" -}}
{{- $rollout = include "hw.daemonSet.rollout" (dict "spec" $spec "overrides" $o "grace" $g "init" $i "startupWindow" $wS "minReady" $minReady) | fromJson -}}
{{- else if $batch -}}
{{- /* A Job's pods run to completion: nothing is rolled out (its deadline is in .job). */ -}}
{{- $rollout = dict "controller" $controller -}}
{{- end -}}
{{- $timings := dict
  "kind" $spec.kind
  "servesTraffic" $web
  "drainSeconds" $d
  "propagationSeconds" $p
  "readiness" (dict "periodSeconds" $rPeriod "timeoutSeconds" $t "failureThreshold" $rFailures "windowSeconds" $wR)
  "startup" (dict "periodSeconds" $sPeriod "timeoutSeconds" $sTimeout "failureThreshold" $sFailures "windowSeconds" $wS "terminationGracePeriodSeconds" $sGrace)
  "liveness" (dict "periodSeconds" $lPeriod "timeoutSeconds" $lTimeout "failureThreshold" $lFailures "windowSeconds" (mul (max $lPeriod $lTimeout) $lFailures) "terminationGracePeriodSeconds" $lGrace)
  "preStop" (dict "mechanism" $mechanism "seconds" $preStop)
  "graceMarginSeconds" $m
  "terminationGracePeriodSeconds" $g
  "rollout" $rollout
  "containers" $containers
-}}
{{- if not $batch }}{{ $_ := set $timings "startupTypicalSeconds" $sTyp }}{{ $_ := set $timings "startupMaxSeconds" $sMax }}{{ end -}}
{{- if hasKey $spec "run" -}}
{{- /* Runs that must not overlap bound the Job's deadline, and so the attempts that are not declared: A ≤ C - 10. */ -}}
{{- $fit := 0 -}}
{{- if and .schedule (ne .schedule.concurrencyPolicy "Allow") -}}
{{- $fit = sub (include "hw.cronJob.interval" (dict "minutes" .schedule.shortestIntervalMinutes "timeZone" .schedule.timeZone) | int) ((include "hw.table.cronJobConstants" . | fromJson).controllerCheckSeconds | int) | int -}}
{{- end -}}
{{- $job := include "hw.job.timings" (dict "run" $spec.run "init" $i "scheduled" (not (empty .schedule)) "fit" $fit "overrides" $o) | fromJson -}}
{{- $_ := set $timings "job" $job -}}
{{- if .schedule }}{{ $_ := set $timings "cronJob" (include "hw.cronJob.timings" (dict "schedule" .schedule "deadline" $job.activeDeadlineSeconds "overrides" $o) | fromJson) }}{{ end -}}
{{- end -}}
{{- /* The load balancer's target group settings (src/timing/load-balancer.ts), when one is configured. */ -}}
{{- if .loadBalancer -}}
{{- $readiness := dict "timeoutSeconds" $t "periodSeconds" $rPeriod "windowSeconds" $wR -}}
{{- $_ := set $timings "loadBalancer" (include "hw.loadBalancer.timings" (dict "kind" .loadBalancer.kind "preStop" $preStop "drain" $d "readiness" $readiness "overrides" $o.loadBalancer) | fromJson) -}}
{{- end -}}
{{- toJson $timings -}}
{{- end -}}
