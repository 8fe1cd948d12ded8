{{/*
CronJob schedules as Kubernetes reads them (robfig/cron v3, ParseStandard), and the shortest time
between two of their runs, mirroring src/timing/cron.ts: the same grammar, the same expansion, the
same 28-year calendar walk. Schedules hold only the characters of CRON_SCHEDULE_PATTERN, so spaces
are the only whitespace to split on.
*/}}

{{/*
The expanded fields of a schedule Kubernetes accepts, or {} when it would refuse it.
Input: the schedule. Output: JSON {"minutes", "hours", "daysOfMonth", "months", "daysOfWeek", "dayMatching"}.
*/}}
{{- define "hw.cron.fields" -}}
{{- $macros := dict "@yearly" "0 0 1 1 *" "@annually" "0 0 1 1 *" "@monthly" "0 0 1 * *" "@weekly" "0 0 * * 0" "@daily" "0 0 * * *" "@midnight" "0 0 * * *" "@hourly" "0 * * * *" -}}
{{- $trimmed := trim . -}}
{{- $text := get $macros (lower $trimmed) | default $trimmed -}}
{{- $texts := regexSplit " +" $text -1 -}}
{{- $ranges := list
  (dict "min" 0 "max" 59 "names" list)
  (dict "min" 0 "max" 23 "names" list)
  (dict "min" 1 "max" 31 "names" list)
  (dict "min" 1 "max" 12 "names" (list "jan" "feb" "mar" "apr" "may" "jun" "jul" "aug" "sep" "oct" "nov" "dec"))
  (dict "min" 0 "max" 6 "names" (list "sun" "mon" "tue" "wed" "thu" "fri" "sat"))
-}}
{{- $valid := and (eq (len $texts) 5) (ne $trimmed "") -}}
{{- $expanded := list -}}
{{- $stars := list -}}
{{- if $valid -}}
{{- range $index, $field := $texts -}}
{{- $range := index $ranges $index -}}
{{- $values := dict -}}
{{- $star := false -}}
{{- range $item := splitList "," $field -}}
{{- $parts := splitList "/" $item -}}
{{- $span := first $parts -}}
{{- $step := 1 -}}
{{- if gt (len $parts) 2 }}{{ $valid = false }}{{ end -}}
{{- if eq (len $parts) 2 -}}
{{- if regexMatch "^[0-9]+$" (last $parts) }}{{ $step = last $parts | int }}{{ else }}{{ $valid = false }}{{ end -}}
{{- if lt $step 1 }}{{ $valid = false }}{{ end -}}
{{- end -}}
{{- $start := $range.min | int -}}
{{- $end := $range.max | int -}}
{{- if or (eq $span "*") (eq $span "?") -}}
{{- if le $step 1 }}{{ $star = true }}{{ end -}}
{{- else -}}
{{- $bounds := splitList "-" $span -}}
{{- $numbers := list -}}
{{- range $bound := $bounds -}}
{{- $named := -1 -}}
{{- range $position, $name := $range.names }}{{ if eq $name (lower $bound) }}{{ $named = add $position $range.min }}{{ end }}{{ end -}}
{{- if ge $named 0 -}}
{{- $numbers = append $numbers $named -}}
{{- else if and (regexMatch "^[0-9]+$" $bound) (ge ($bound | int) ($range.min | int)) (le ($bound | int) ($range.max | int)) -}}
{{- $numbers = append $numbers ($bound | int) -}}
{{- else -}}
{{- $valid = false -}}
{{- end -}}
{{- end -}}
{{- if or (gt (len $bounds) 2) (ne (len $numbers) (len $bounds)) -}}
{{- $valid = false -}}
{{- else -}}
{{- $start = first $numbers | int -}}
{{- $end = (eq (len $numbers) 2) | ternary (last $numbers) ((eq (len $parts) 2) | ternary $range.max $start) | int -}}
{{- if gt $start $end }}{{ $valid = false }}{{ end -}}
{{- end -}}
{{- end -}}
{{- if and $valid (le $start $end) -}}
{{- range $value := untilStep $start (add $end 1 | int) $step }}{{ $_ := set $values (toString $value) true }}{{ end -}}
{{- end -}}
{{- end -}}
{{- $sorted := list -}}
{{- range $value := untilStep ($range.min | int) (add $range.max 1 | int) 1 }}{{ if hasKey $values (toString $value) }}{{ $sorted = append $sorted $value }}{{ end }}{{ end -}}
{{- $expanded = append $expanded $sorted -}}
{{- $stars = append $stars $star -}}
{{- end -}}
{{- end -}}
{{- if $valid -}}
{{- dict
  "minutes" (index $expanded 0)
  "hours" (index $expanded 1)
  "daysOfMonth" (index $expanded 2)
  "months" (index $expanded 3)
  "daysOfWeek" (index $expanded 4)
  "dayMatching" ((or (index $stars 2) (index $stars 4)) | ternary "both" "either")
  | toJson -}}
{{- else -}}
{}
{{- end -}}
{{- end -}}

{{/*
How often a schedule runs: {"runs": "never"}, {"runs": "once"} (at most once in 28 years), or
{"runs": "repeatedly", "shortestIntervalMinutes": n}. Input: the JSON of hw.cron.fields.
*/}}
{{- define "hw.cron.cadence" -}}
{{- $fields := . -}}
{{- $times := dict -}}
{{- range $hour := $fields.hours }}{{ range $minute := $fields.minutes }}{{ $_ := set $times (toString (add (mul $hour 60) $minute)) true }}{{ end }}{{ end -}}
{{- $shortest := -1 -}}
{{- $previousTime := -1 -}}
{{- $first := -1 -}}
{{- range $time := untilStep 0 1440 1 -}}
{{- if hasKey $times (toString $time) -}}
{{- if ge $previousTime 0 }}{{ $gap := sub $time $previousTime | int }}{{ if or (lt $shortest 0) (lt $gap $shortest) }}{{ $shortest = $gap }}{{ end }}{{ end -}}
{{- if lt $first 0 }}{{ $first = $time }}{{ end -}}
{{- $previousTime = $time -}}
{{- end -}}
{{- end -}}
{{- $span := sub $previousTime $first | int -}}
{{- $months := dict -}}
{{- range $month := $fields.months }}{{ $_ := set $months (toString ($month | int)) true }}{{ end -}}
{{- $daysOfMonth := dict -}}
{{- range $day := $fields.daysOfMonth }}{{ $_ := set $daysOfMonth (toString ($day | int)) true }}{{ end -}}
{{- $daysOfWeek := dict -}}
{{- range $day := $fields.daysOfWeek }}{{ $_ := set $daysOfWeek (toString ($day | int)) true }}{{ end -}}
{{- $both := eq $fields.dayMatching "both" -}}
{{- $day := 0 -}}
{{- $weekday := 1 -}}
{{- $previousDay := -1 -}}
{{- $matchingDays := 0 -}}
{{- range $year := untilStep 2001 2029 1 -}}
{{- $leap := and (eq (mod $year 4) 0) (or (ne (mod $year 100) 0) (eq (mod $year 400) 0)) -}}
{{- $lengths := list 31 ($leap | ternary 29 28) 31 30 31 30 31 31 30 31 30 31 -}}
{{- range $monthIndex, $length := $lengths -}}
{{- $monthMatches := hasKey $months (toString (add $monthIndex 1)) -}}
{{- range $dayOfMonth := untilStep 1 (add $length 1 | int) 1 -}}
{{- if $monthMatches -}}
{{- $domMatch := hasKey $daysOfMonth (toString $dayOfMonth) -}}
{{- $dowMatch := hasKey $daysOfWeek (toString $weekday) -}}
{{- if $both | ternary (and $domMatch $dowMatch) (or $domMatch $dowMatch) -}}
{{- $matchingDays = add $matchingDays 1 -}}
{{- if ge $previousDay 0 }}{{ $gap := sub (mul (sub $day $previousDay) 1440) $span | int }}{{ if or (lt $shortest 0) (lt $gap $shortest) }}{{ $shortest = $gap }}{{ end }}{{ end -}}
{{- $previousDay = $day -}}
{{- end -}}
{{- end -}}
{{- $day = add $day 1 -}}
{{- $weekday = mod (add $weekday 1) 7 -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- if or (eq $matchingDays 0) (eq (len $times) 0) -}}
{"runs":"never"}
{{- else if lt $shortest 0 -}}
{"runs":"once"}
{{- else -}}
{{- dict "runs" "repeatedly" "shortestIntervalMinutes" $shortest | toJson -}}
{{- end -}}
{{- end -}}
