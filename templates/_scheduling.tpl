{{/*
Scheduling, mirroring src/constructs/objects/pod/scheduling.ts: spread over zones, then nodes,
never refusing to schedule unless scheduling.spread is required (DoNotSchedule, required host
anti-affinity); the controller's revision label keeps the spread per revision; a
DaemonSet's pods get neither spread nor anti-affinity (POD_SPREAD in src/kinds/table.ts). The
declared node labels, tolerations, priority and node affinity come on top; the spread stays as it is.
Input: the resolved workload.
*/}}
{{- define "hw.scheduling.pod" -}}
{{- $scheduling := .spec.scheduling | default dict -}}
{{- $controller := (index (include "hw.table.kinds" . | fromJson) .spec.kind).controller -}}
{{- $spread := index (include "hw.table.podSpread" . | fromJson) $controller -}}
{{- $required := eq ($scheduling.spread | default "preferred") "required" -}}
{{- if $spread }}
topologySpreadConstraints:
  {{- range $key := list "topology.kubernetes.io/zone" "kubernetes.io/hostname" }}
  - maxSkew: 1
    topologyKey: {{ $key | quote }}
    whenUnsatisfiable: {{ $required | ternary "DoNotSchedule" "ScheduleAnyway" }}
    labelSelector:
      matchLabels:
        {{- include "hw.selectorLabels" $ | nindent 8 }}
    matchLabelKeys: [{{ $spread.revisionLabel | quote }}]
  {{- end }}
{{- end }}
{{- if or $spread $scheduling.nodeAffinity }}
affinity:
  {{- with $scheduling.nodeAffinity }}
  nodeAffinity:
    {{- if hasKey . "required" }}
    requiredDuringSchedulingIgnoredDuringExecution:
      nodeSelectorTerms:
        {{- range $term := .required }}
        - matchExpressions:
            {{- include "hw.scheduling.expressions" $term.matchExpressions | nindent 12 }}
        {{- end }}
    {{- end }}
    {{- if hasKey . "preferred" }}
    preferredDuringSchedulingIgnoredDuringExecution:
      {{- range $term := .preferred }}
      - weight: {{ $term.weight | int }}
        preference:
          matchExpressions:
            {{- include "hw.scheduling.expressions" $term.matchExpressions | nindent 12 }}
      {{- end }}
    {{- end }}
  {{- end }}
  {{- if $spread }}
  podAntiAffinity:
    {{- if $required }}
    requiredDuringSchedulingIgnoredDuringExecution:
      - topologyKey: kubernetes.io/hostname
        labelSelector:
          matchLabels:
            {{- include "hw.selectorLabels" . | nindent 12 }}
    {{- else }}
    preferredDuringSchedulingIgnoredDuringExecution:
      - weight: 100
        podAffinityTerm:
          topologyKey: kubernetes.io/hostname
          labelSelector:
            matchLabels:
              {{- include "hw.selectorLabels" . | nindent 14 }}
    {{- end }}
  {{- end }}
{{- end }}
{{- if hasKey $scheduling "nodeSelector" }}
nodeSelector: {{ include "hw.quotedMap" $scheduling.nodeSelector }}
{{- end }}
{{- if hasKey $scheduling "tolerations" }}
tolerations:
  {{- range $toleration := $scheduling.tolerations }}
  -
    {{- range $field := list "key" "operator" "value" "effect" }}
    {{- if hasKey $toleration $field }}
    {{ $field }}: {{ index $toleration $field | quote }}
    {{- end }}
    {{- end }}
    {{- if hasKey $toleration "tolerationSeconds" }}
    tolerationSeconds: {{ $toleration.tolerationSeconds | int64 }}
    {{- end }}
  {{- else }} []
  {{- end }}
{{- end }}
{{- if hasKey $scheduling "priorityClassName" }}
priorityClassName: {{ $scheduling.priorityClassName | quote }}
{{- end }}
{{- end -}}

{{/* Node selector requirements as declared. Input: the list. */}}
{{- define "hw.scheduling.expressions" -}}
{{- range $expression := . }}
- key: {{ $expression.key | quote }}
  operator: {{ $expression.operator | quote }}
  {{- if hasKey $expression "values" }}
  values: {{ include "hw.quotedList" $expression.values }}
  {{- end }}
{{- end }}
{{- end -}}
