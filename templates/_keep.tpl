{{/*
What a workload keeps of the objects it replaces (keep), mirroring src/declaration/resolve/keep.ts
and objectName in src/declaration/instances.ts.
*/}}

{{/*
The name of every role's object that may keep one: keep.names, else the instance name (the
headless Service <instance>-headless). Input: the spec. Output JSON: { role: name }.
*/}}
{{- define "hw.keep.names" -}}
{{- $kept := (.keep | default dict).names | default dict -}}
{{- $names := dict -}}
{{- range $role := list "Service" "HeadlessService" "ServiceAccount" "PodDisruptionBudget" "HorizontalPodAutoscaler" "NetworkPolicy" "Ingress" "Route" "ServiceMonitor" "PodMonitor" -}}
{{- $default := (eq $role "HeadlessService") | ternary (printf "%s-headless" $.instance) $.instance -}}
{{- $_ := set $names $role (index $kept $role | default $default) -}}
{{- end -}}
{{- toJson $names -}}
{{- end -}}

{{/*
The problems of `keep`, in checkKeep's words. Input: (dict "spec" "servingPort"). Output: a JSON
list of problems.
*/}}
{{- define "hw.keep.problems" -}}
{{- $spec := .spec -}}
{{- $problems := list -}}
{{- if hasKey $spec "keep" -}}
{{- $keep := $spec.keep | default dict -}}
{{- if hasKey $keep "selector" -}}
{{- $selector := $keep.selector | default dict -}}
{{- if not $selector -}}
{{- $problems = append $problems (dict "path" "keep.selector" "value" $selector "rule" "an empty selector selects every pod of the namespace, and Kubernetes refuses it for a Deployment" "fix" "write the labels of the existing selector, e.g. { app: nginx }, or remove keep.selector") -}}
{{- end -}}
{{- $labels := $spec.labels | default dict -}}
{{- range $key := keys $selector | sortAlpha -}}
{{- $wanted := index $selector $key -}}
{{- if and (hasKey $labels $key) (ne (index $labels $key) $wanted) -}}
{{- $problems = append $problems (dict "path" (printf "labels.%s" $key) "value" (index $labels $key) "rule" (printf "keep.selector selects pods by %s: %s, and every pod and object must carry that label" $key $wanted) "fix" (printf "remove labels.%s, or give it the value %s" $key $wanted)) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- $kept := $keep.names | default dict -}}
{{- $objects := (index (include "hw.table.kinds" . | fromJson) $spec.kind).objects -}}
{{- range $role := list "Service" "HeadlessService" "ServiceAccount" "PodDisruptionBudget" "HorizontalPodAutoscaler" "NetworkPolicy" "Ingress" "Route" "ServiceMonitor" "PodMonitor" -}}
{{- if and (hasKey $kept $role) (not (has $role $objects)) -}}
{{- $problems = append $problems (dict "path" (printf "keep.names.%s" $role) "value" (index $kept $role) "rule" (printf "kind %s makes no %s, so there is no name to keep" $spec.kind $role) "fix" (printf "remove keep.names.%s" $role)) -}}
{{- end -}}
{{- end -}}
{{- if eq ($kept.ServiceAccount | default "") "default" -}}
{{- $problems = append $problems (dict "path" "keep.names.ServiceAccount" "value" "default" "rule" "every namespace has a ServiceAccount named default, which every pod that names no account runs as: the workload's own would take it over for all of them" "fix" "remove keep.names.ServiceAccount: the workload then runs as its own account, named after the instance") -}}
{{- end -}}
{{- $names := include "hw.keep.names" $spec | fromJson -}}
{{- if and (has "HeadlessService" $objects) (eq $names.Service $names.HeadlessService) -}}
{{- $role := (hasKey $kept "HeadlessService") | ternary "HeadlessService" "Service" -}}
{{- $problems = append $problems (dict "path" (printf "keep.names.%s" $role) "value" (index $kept $role) "rule" (printf "the Service and the headless Service would both be named \"%s\", and one would overwrite the other" (index $names $role)) "fix" "keep another name for one of them") -}}
{{- end -}}
{{- if hasKey $keep "servicePortName" -}}
{{- $portName := $keep.servicePortName -}}
{{- if or (not (has "Service" $objects)) (not .servingPort) -}}
{{- $problems = append $problems (dict "path" "keep.servicePortName" "value" $portName "rule" "keep.servicePortName names the serving port of the Service, and this workload has no Service (it needs a port and kind web or stateful)" "fix" "remove keep.servicePortName") -}}
{{- else -}}
{{- $clash := -1 -}}
{{- range $index, $port := $spec.ports | default list }}{{ if and (lt $clash 0) (eq $port.name $portName) }}{{ $clash = $index }}{{ end }}{{ end -}}
{{- if ge $clash 0 -}}
{{- $problems = append $problems (dict "path" "keep.servicePortName" "value" $portName "rule" (printf "the Service's port names must be unique, and ports[%d] is already called \"%s\" there" $clash $portName) "fix" (printf "keep another name, or rename ports[%d]" $clash)) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- toJson $problems -}}
{{- end -}}
