{{/*
Everything the object templates need, decided once: the effective spec, the probes, replica
mode, resources, timings and acknowledgements. Validation happens in the stages of
resolveWorkload (src/declaration/resolve.ts): values.schema.json checks shape and types before any
template runs; then the image tag, the relations between fields, and the invariants of the derived
timings. Any problem stops the release with a `fail` listing every problem of its stage, in the
TypeScript face's words — never a partial render.
*/}}
{{- define "hw.resolved" -}}
{{- $spec := include "hw.spec" . | fromYaml -}}
{{- $subject := $spec.name | toJson -}}

{{- /* The one shape rule JSON Schema cannot state in RE2: the tag must not be latest. */ -}}
{{- $image := include "hw.image" $spec.image | fromYaml -}}
{{- if and (not $image.digest) (eq (lower $image.tag) "latest") -}}
{{- include "hw.fail" (dict "subject" $subject "problems" (list (dict "path" "image" "value" $spec.image "rule" "the image must not use the tag \"latest\": every restart could run different code" "fix" "pin a version tag (ghcr.io/acme/checkout:1.4.2) or a digest (@sha256:...)"))) -}}
{{- end -}}

{{- $relations := include "hw.relations" $spec | fromYaml -}}
{{- if $relations.problems -}}
{{- include "hw.fail" (dict "subject" $subject "problems" $relations.problems) -}}
{{- end -}}

{{- $timings := include "hw.timings" $spec | fromYaml -}}
{{- $invariants := include "hw.invariants" (dict "spec" $spec "timings" $timings "probes" $relations.probes "replicas" $relations.replicas) | fromYaml -}}
{{- $problems := $invariants.problems | default list -}}
{{- $used := concat ($relations.used | default list) ($invariants.used | default list) -}}
{{- $acknowledge := $spec.acknowledge | default dict -}}
{{- range $id := keys $acknowledge | sortAlpha -}}
{{- if not (has $id $used) -}}
{{- $problems = append $problems (dict "path" (printf "acknowledge.%s" $id) "value" (index $acknowledge $id) "rule" "an acknowledgement must excuse something this declaration does; this one excuses nothing" "fix" (printf "remove acknowledge.%s, so that the recorded reasons stay true" $id)) -}}
{{- end -}}
{{- end -}}
{{- if $problems -}}
{{- include "hw.fail" (dict "subject" $subject "problems" $problems) -}}
{{- end -}}

{{- $acknowledgements := list -}}
{{- range $id := keys $acknowledge | sortAlpha }}{{ $acknowledgements = append $acknowledgements (dict "id" $id "reason" (index $acknowledge $id)) }}{{ end -}}
{{- dict
  "spec" $spec
  "image" $image
  "probes" $relations.probes
  "replicas" $relations.replicas
  "resources" $relations.resources
  "timings" $timings
  "acknowledgements" $acknowledgements
  | toYaml -}}
{{- end -}}

{{/* Stops the render with every problem, formatted as formatProblems in src/declaration/errors.ts. */}}
{{- define "hw.fail" -}}
{{- $count := (eq (len .problems) 1) | ternary "1 problem" (printf "%d problems" (len .problems)) -}}
{{- $lines := list (printf "Invalid workload declaration %s (%s):" .subject $count) -}}
{{- range $problem := .problems -}}
{{- $lines = append $lines (printf "- %s: %s" $problem.path (include "hw.showValue" $problem.value)) -}}
{{- $lines = append $lines (printf "    rule: %s" $problem.rule) -}}
{{- $lines = append $lines (printf "    fix:  %s" $problem.fix) -}}
{{- end -}}
{{- fail (join "\n" $lines) -}}
{{- end -}}
