{{/*
Kind cronjob, mirroring src/declaration/resolve/schedule.ts (the schedule checks) and
src/timing/kinds/cronjob.ts (its timing rules). The Job inside is templates/_job.tpl's; the
schedule grammar and calendar walk are templates/_cron.tpl's.
*/}}

{{/*
The schedule with its shortest interval, or the problems that stop it. Input: the effective spec.
Output: JSON {"problems": [...], "schedule": {..., "shortestIntervalMinutes": m}} (no schedule for another kind).
*/}}
{{- define "hw.schedule.resolve" -}}
{{- $spec := . -}}
{{- $c := include "hw.table.cronJobConstants" . | fromJson -}}
{{- $problems := list -}}
{{- $resolved := dict -}}
{{- if eq $spec.kind "cronjob" -}}
{{- if not (hasKey $spec "schedule") -}}
{{- $problems = append $problems (dict "path" "schedule" "rule" "a cronjob needs its schedule" "fix" "add schedule, e.g. schedule: { cron: \"0 2 * * *\" } (every day at 02:00)") -}}
{{- else -}}
{{- $schedule := $spec.schedule -}}
{{- /* The API server refuses Local: the zone would be whatever the controller runs in. */ -}}
{{- if and (hasKey $schedule "timeZone") (eq (lower $schedule.timeZone) "local") -}}
{{- $problems = append $problems (dict "path" "schedule.timeZone" "value" $schedule.timeZone "rule" "timeZone must name a zone: Local would be whatever the controller runs in, and the API refuses it" "fix" "write a zone such as Europe/Berlin or UTC, or leave timeZone out") -}}
{{- else if hasKey $schedule "timeZone" -}}
{{- /* The IANA names, generated from the same source as src/declaration/time-zones.ts; keyed by lower case to suggest the right case. */ -}}
{{- $zones := include "hw.table.timeZones" . | fromJson -}}
{{- $sameLetters := index $zones (lower $schedule.timeZone) | default "" -}}
{{- if ne $sameLetters $schedule.timeZone -}}
{{- $fix := "write a name from the IANA time zone database, e.g. Europe/Berlin, America/New_York or UTC" -}}
{{- if $sameLetters }}{{ $fix = printf "write %s: zone names are case-sensitive" $sameLetters }}{{ end -}}
{{- $problems = append $problems (dict "path" "schedule.timeZone" "value" $schedule.timeZone "rule" "timeZone must be a name of the IANA time zone database: the CronJob controller never runs a schedule in a zone it does not know" "fix" $fix) -}}
{{- end -}}
{{- end -}}
{{- $fields := include "hw.cron.fields" $schedule.cron | fromJson -}}
{{- if not $fields -}}
{{- $problems = append $problems (dict "path" "schedule.cron" "value" $schedule.cron "rule" $c.rule "fix" $c.fix) -}}
{{- else -}}
{{- $cadence := include "hw.cron.cadence" $fields | fromJson -}}
{{- if eq $cadence.runs "never" -}}
{{- $problems = append $problems (dict "path" "schedule.cron" "value" $schedule.cron "rule" "the schedule never runs: no day of 28 years of calendar matches it (such as February 30)" "fix" (printf "pick days that exist; %s" $c.fix)) -}}
{{- else if eq $cadence.runs "once" -}}
{{- $problems = append $problems (dict "path" "schedule.cron" "value" $schedule.cron "rule" "the schedule runs at most once in 28 years" "fix" (printf "use kind job for a one-off run, or %s" $c.fix)) -}}
{{- else -}}
{{- $resolved = merge (dict "shortestIntervalMinutes" ($cadence.shortestIntervalMinutes | int)) $schedule -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- $out := dict "problems" $problems -}}
{{- if $resolved }}{{ $_ := set $out "schedule" $resolved }}{{ end -}}
{{- toJson $out -}}
{{- end -}}

{{/*
C: wall-clock minutes in seconds, an hour shorter in a zone that may have daylight saving time
(anything but UTC, GMT and Etc/*) when the interval is longer than an hour. Input: (dict "minutes" "timeZone").
*/}}
{{- define "hw.cronJob.interval" -}}
{{- $c := include "hw.table.cronJobConstants" . | fromJson -}}
{{- $seconds := mul 60 (.minutes | int) | int -}}
{{- $zone := .timeZone | default "" -}}
{{- if and $zone (not (or (has $zone (list "UTC" "GMT")) (hasPrefix "Etc/" $zone))) (gt $seconds ($c.dstShiftSeconds | int)) }}{{ $seconds = sub $seconds ($c.dstShiftSeconds | int) }}{{ end -}}
{{- $seconds -}}
{{- end -}}

{{/*
The CronJob's timings: (dict "schedule" resolvedSchedule "deadline" A "overrides" o). Starting
deadline overrides.startingDeadlineSeconds, else max(10, C - A) when runs must not overlap (Forbid,
Replace), else max(10, C - 10). Output: JSON.
*/}}
{{- define "hw.cronJob.timings" -}}
{{- $c := include "hw.table.cronJobConstants" . | fromJson -}}
{{- $check := $c.controllerCheckSeconds | int -}}
{{- $schedule := .schedule -}}
{{- $interval := include "hw.cronJob.interval" (dict "minutes" $schedule.shortestIntervalMinutes "timeZone" $schedule.timeZone) | int -}}
{{- $starting := max $check (sub $interval $check) | int -}}
{{- if ne $schedule.concurrencyPolicy "Allow" }}{{ $starting = max $check (sub $interval (.deadline | int)) | int }}{{ end -}}
{{- $o := .overrides | default dict -}}
{{- if hasKey $o "startingDeadlineSeconds" }}{{ $starting = $o.startingDeadlineSeconds | int }}{{ end -}}
{{- $timings := dict
  "cron" $schedule.cron
  "concurrencyPolicy" $schedule.concurrencyPolicy
  "shortestIntervalSeconds" $interval
  "startingDeadlineSeconds" $starting
  "successfulJobsHistoryLimit" ($schedule.successfulJobsHistoryLimit | int)
  "failedJobsHistoryLimit" ($schedule.failedJobsHistoryLimit | int)
  "startingDeadlineOverridden" (hasKey $o "startingDeadlineSeconds")
-}}
{{- if hasKey $schedule "timeZone" }}{{ $_ := set $timings "timeZone" $schedule.timeZone }}{{ end -}}
{{- toJson $timings -}}
{{- end -}}
