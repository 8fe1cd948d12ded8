{{/*
Kind job, mirroring src/timing/kinds/job.ts (the timing rules), src/declaration/resolve/run.ts
(the run and start checks) and src/constructs/objects/job.ts (the Job spec, which a CronJob's
jobTemplate reuses). The constants come from templates/_generated.tpl.
*/}}

{{/*
The Job's timings: (dict "run" declaredRun "init" I "scheduled" bool "fit" C-10-or-0 "overrides" o).
R_typ = ceil(R_max/3) unless declared; T = run.startSeconds or 20; M_a = ceil(R_max/10); a = T + I +
R_max + M_a (the pod's own deadline); n = run.attempts, else 3, else (runs that must not overlap,
fit > 0, or an overridden deadline) the most of 1 to 3 with n·a + B ≤ the tighter of fit and
overrides.activeDeadlineSeconds; backoffLimit = n - 1; B = Σ_{k=1}^{n-1} min(10·2^(k-1), 360);
A = overrides.activeDeadlineSeconds or n·a + B; ttlSecondsAfterFinished overrides' or a week unless
scheduled. Output: JSON.
*/}}
{{- define "hw.job.backoff" -}}
{{- /* B for (dict "retries" k): Σ_{j=1}^{k} min(10·2^(j-1), 360). */ -}}
{{- $c := include "hw.table.jobConstants" . | fromJson -}}
{{- $b := 0 -}}
{{- $step := $c.backoffBaseSeconds | int -}}
{{- range $k := until (.retries | int) -}}
{{- $b = add $b (min $step ($c.backoffCapSeconds | int)) | int -}}
{{- $step = mul $step 2 | int -}}
{{- end -}}
{{- $b -}}
{{- end -}}

{{- define "hw.job.timings" -}}
{{- $c := include "hw.table.jobConstants" . | fromJson -}}
{{- $run := .run -}}
{{- $rMax := $run.maxSeconds | int -}}
{{- $rTyp := include "hw.ceilDiv" (list $rMax 3) | int -}}
{{- if hasKey $run "typicalSeconds" }}{{ $rTyp = $run.typicalSeconds | int }}{{ end -}}
{{- $start := $c.runStartSeconds | int -}}
{{- if hasKey $run "startSeconds" }}{{ $start = $run.startSeconds | int }}{{ end -}}
{{- $margin := include "hw.ceilDiv" (list $rMax 10) | int -}}
{{- $attempt := add $start (.init | int) $rMax $margin | int -}}
{{- $most := $c.defaultAttempts | int -}}
{{- $n := $most -}}
{{- $o := .overrides | default dict -}}
{{- $fit := .fit | default 0 | int -}}
{{- $byDeadline := false -}}
{{- if and (hasKey $o "activeDeadlineSeconds") (or (eq $fit 0) (le ($o.activeDeadlineSeconds | int) $fit)) -}}
{{- $fit = $o.activeDeadlineSeconds | int -}}
{{- $byDeadline = true -}}
{{- end -}}
{{- if hasKey $run "attempts" -}}
{{- $n = $run.attempts | int -}}
{{- else if gt $fit 0 -}}
{{- $n = 1 -}}
{{- range $k := untilStep 2 (add $most 1 | int) 1 -}}
{{- if and (eq $n (sub $k 1 | int)) (le (add (mul $k $attempt) (include "hw.job.backoff" (dict "retries" (sub $k 1))) | int) $fit) }}{{ $n = $k }}{{ end -}}
{{- end -}}
{{- end -}}
{{- $b := include "hw.job.backoff" (dict "retries" (sub $n 1)) | int -}}
{{- $deadline := add (mul $n $attempt) $b | int -}}
{{- $overridden := list -}}
{{- if hasKey $o "activeDeadlineSeconds" }}{{ $deadline = $o.activeDeadlineSeconds | int }}{{ $overridden = append $overridden "activeDeadlineSeconds" }}{{ end -}}
{{- if hasKey $o "ttlSecondsAfterFinished" }}{{ $overridden = append $overridden "ttlSecondsAfterFinished" }}{{ end -}}
{{- $codes := list -}}
{{- range $code := $run.nonRetryableExitCodes | default list }}{{ $codes = append $codes ($code | int) }}{{ end -}}
{{- $timings := dict
  "runMaxSeconds" $rMax
  "runTypicalSeconds" $rTyp
  "attempts" $n
  "startSeconds" $start
  "attemptMarginSeconds" $margin
  "attemptDeadlineSeconds" $attempt
  "attemptsFitSchedule" (and (not (hasKey $run "attempts")) (lt $n $most) (not $byDeadline))
  "attemptsFitDeadline" (and (not (hasKey $run "attempts")) (lt $n $most) $byDeadline)
  "backoffLimit" (sub $n 1 | int)
  "backoffSeconds" $b
  "activeDeadlineSeconds" $deadline
  "nonRetryableExitCodes" $codes
  "overridden" $overridden
-}}
{{- if hasKey $o "ttlSecondsAfterFinished" }}{{ $_ := set $timings "ttlSecondsAfterFinished" ($o.ttlSecondsAfterFinished | int) }}
{{- else if not .scheduled }}{{ $_ := set $timings "ttlSecondsAfterFinished" ($c.ttlSeconds | int) }}{{ end -}}
{{- toJson $timings -}}
{{- end -}}

{{/* The times each kind cannot do without, and what pods that run to completion refuse: JSON list of problems. Input: the effective spec. */}}
{{- define "hw.run.problems" -}}
{{- $spec := . -}}
{{- $problems := list -}}
{{- if not (include "hw.kinds.runsToCompletion" $spec.kind) -}}
{{- if not (hasKey $spec "startup") -}}
{{- $problems = append $problems (dict "path" "startup" "rule" (printf "a %s workload needs its startup time: the probes and the rollout are derived from it" $spec.kind) "fix" "add startup, e.g. startup: { maxSeconds: 90 } (the slowest acceptable start)") -}}
{{- end -}}
{{- /* The Job's own limits: RUN_OVERRIDES in src/declaration/resolve/run.ts. */ -}}
{{- $overrides := $spec.overrides | default dict -}}
{{- range $key := list "activeDeadlineSeconds" "startingDeadlineSeconds" "ttlSecondsAfterFinished" -}}
{{- if hasKey $overrides $key -}}
{{- $problems = append $problems (dict "path" (printf "overrides.%s" $key) "value" (index $overrides $key) "rule" (printf "overrides.%s applies to kind %s only (this workload is kind %s): its pods run until deleted" $key ((eq $key "startingDeadlineSeconds") | ternary "cronjob" "job or cronjob") $spec.kind) "fix" (printf "remove overrides.%s" $key)) -}}
{{- end -}}
{{- end -}}
{{- else -}}
{{- if not (hasKey $spec "run") -}}
{{- $problems = append $problems (dict "path" "run" "rule" (printf "a %s needs its run time: its deadline and retries are derived from it" $spec.kind) "fix" "add run, e.g. run: { maxSeconds: 1800 } (the slowest acceptable run)") -}}
{{- else -}}
{{- $run := $spec.run -}}
{{- if and (hasKey $run "typicalSeconds") (gt ($run.typicalSeconds | int) ($run.maxSeconds | int)) -}}
{{- $problems = append $problems (dict "path" "run.typicalSeconds" "value" $run.typicalSeconds "rule" (printf "a typical run cannot take longer than the slowest one (run.maxSeconds = %d)" ($run.maxSeconds | int)) "fix" (printf "lower run.typicalSeconds to at most %d, or raise run.maxSeconds" ($run.maxSeconds | int))) -}}
{{- end -}}
{{- /* The API requires the list ordered and without repeats (Job podFailurePolicy onExitCodes.values). */ -}}
{{- $codes := $run.nonRetryableExitCodes | default list -}}
{{- $unordered := 0 -}}
{{- range $index, $code := $codes -}}
{{- if and (gt $index 0) (eq $unordered 0) (le ($code | int) (index $codes (sub $index 1 | int) | int)) }}{{ $unordered = $index }}{{ end -}}
{{- end -}}
{{- if gt $unordered 0 -}}
{{- /* Zero-padded, so that sorting the text sorts the numbers. */ -}}
{{- $sorted := list -}}
{{- range $code := $codes }}{{ $sorted = append $sorted (printf "%05d" ($code | int)) }}{{ end -}}
{{- $shown := list -}}
{{- range $code := $sorted | uniq | sortAlpha }}{{ $shown = append $shown (atoi $code | toString) }}{{ end -}}
{{- $problems = append $problems (dict "path" (printf "run.nonRetryableExitCodes[%d]" $unordered) "value" (index $codes $unordered) "rule" "exit codes are listed in increasing order without repeats, as the Job API requires" "fix" (printf "write them sorted without repeats: [%s]" (join ", " $shown))) -}}
{{- end -}}
{{- end -}}
{{- /* The grace period and the Job's own limits apply (BATCH_OVERRIDES in src/declaration/resolve/run.ts): the other derived numbers are of probes, preStop hooks, rollouts and load balancers. */ -}}
{{- $overrides := $spec.overrides | default dict -}}
{{- $applies := list "terminationGracePeriodSeconds" "activeDeadlineSeconds" "ttlSecondsAfterFinished" -}}
{{- if eq $spec.kind "cronjob" }}{{ $applies = list "terminationGracePeriodSeconds" "activeDeadlineSeconds" "startingDeadlineSeconds" "ttlSecondsAfterFinished" }}{{ end -}}
{{- $named := list -}}
{{- range $name := $applies }}{{ $named = append $named (printf "overrides.%s" $name) }}{{ end -}}
{{- range $key := keys $overrides | sortAlpha -}}
{{- if not (has $key $applies) -}}
{{- $reason := (eq $key "startingDeadlineSeconds") | ternary "a job has no schedule, so no run of it can start late" "its pods have no probes, no preStop hook, no rollout and no load balancer" -}}
{{- $problems = append $problems (dict "path" (printf "overrides.%s" $key) "value" (index $overrides $key) "rule" (printf "overrides.%s does not apply to a %s: %s" $key $spec.kind $reason) "fix" (printf "remove overrides.%s; only %s apply to a %s" $key (join ", " $named) $spec.kind)) -}}
{{- end -}}
{{- end -}}
{{- /* A batch pod that wedges is ended by its deadline; with restartPolicy Never a probe could only fail the attempt. */ -}}
{{- range $probe := list "readiness" "liveness" "startup" -}}
{{- if hasKey $spec.health $probe -}}
{{- $problems = append $problems (dict "path" (printf "health.%s" $probe) "value" (index $spec.health $probe) "rule" (printf "a %s's pods have no probes: no Service sends them traffic, and a run that hangs is ended by its deadline (derived from run, or overrides.activeDeadlineSeconds)" $spec.kind) "fix" (printf "remove health.%s" $probe)) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- toJson $problems -}}
{{- end -}}

{{/*
A Job's spec: deadline, retries, failure policy, clean-up and the shared pod template. No
selector: the Job controller generates a unique one. Input: the resolved workload.
*/}}
{{- define "hw.job.spec" -}}
{{- $w := . -}}
{{- $job := $w.timings.job -}}
backoffLimit: {{ $job.backoffLimit | int }}
activeDeadlineSeconds: {{ $job.activeDeadlineSeconds | int }}
{{- if hasKey $job "ttlSecondsAfterFinished" }}
ttlSecondsAfterFinished: {{ $job.ttlSecondsAfterFinished | int }}
{{- end }}
podFailurePolicy:
  rules:
    {{- /* First, so that a pod stopped by an eviction, a preemption or a node drain is retried without spending the retry budget, whatever exit code its checkpointing left behind. */}}
    - action: Ignore
      onPodConditions:
        - type: DisruptionTarget
          status: "True"
    {{- if $job.nonRetryableExitCodes }}
    {{- /* The 1.28 API marks onPodConditions required in every rule; an empty list is valid beside onExitCodes. */}}
    - action: FailJob
      onPodConditions: []
      onExitCodes:
        containerName: {{ $w.spec.name | quote }}
        operator: In
        values:
          {{- range $code := $job.nonRetryableExitCodes }}
          - {{ $code | int }}
          {{- end }}
    {{- end }}
template:
  {{- include "hw.pod.template" $w | nindent 2 }}
{{- end -}}
