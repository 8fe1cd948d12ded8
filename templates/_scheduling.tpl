{{/*
Scheduling, mirroring src/constructs/objects/pod/scheduling.ts: spread over zones, then nodes,
never refusing to schedule; pod-template-hash keeps the spread per revision.
*/}}
{{- define "hw.scheduling.spread" -}}
topologySpreadConstraints:
  {{- range $key := list "topology.kubernetes.io/zone" "kubernetes.io/hostname" }}
  - maxSkew: 1
    topologyKey: {{ $key }}
    whenUnsatisfiable: ScheduleAnyway
    labelSelector:
      matchLabels:
        {{- include "hw.selectorLabels" $ | nindent 8 }}
    matchLabelKeys: ["pod-template-hash"]
  {{- end }}
affinity:
  podAntiAffinity:
    preferredDuringSchedulingIgnoredDuringExecution:
      - weight: 100
        podAffinityTerm:
          topologyKey: kubernetes.io/hostname
          labelSelector:
            matchLabels:
              {{- include "hw.selectorLabels" . | nindent 14 }}
{{- end -}}
