{{/*
The second validation stage: relations between fields that values.schema.json cannot express,
and what they decide (probe targets with ports, replica mode, CPU limit). Mirrors resolveProbes,
resolveReplicas, resolveResources and checkRelations in src/declaration/resolve.ts, in the same
order and with the same messages. Input: the effective spec. Output: JSON with `problems`,
`used` (acknowledgements relied on), `probes`, `replicas` and `resources`.
*/}}

{{/* One probe target with its port filled in, or {} when it lacks a port: (dict "target" t "port" p). The schema lets exactly one form through. */}}
{{- define "hw.resolveProbe" -}}
{{- $target := .target -}}
{{- $probe := dict -}}
{{- if hasKey $target "exec" -}}
{{- $probe = dict "type" "exec" "command" $target.exec -}}
{{- else if or (hasKey $target "port") (not (kindIs "invalid" .port)) -}}
{{- $port := (hasKey $target "port") | ternary $target.port .port | int -}}
{{- if hasKey $target "path" -}}
{{- $probe = dict "type" "http" "path" $target.path "port" $port "scheme" ($target.scheme | default "HTTP") -}}
{{- else if hasKey $target "grpc" -}}
{{- $probe = dict "type" "grpc" "port" $port -}}
{{- if hasKey ($target.grpc | default dict) "service" }}{{ $_ := set $probe "service" $target.grpc.service }}{{ end -}}
{{- else -}}
{{- $probe = dict "type" "tcp" "port" $port -}}
{{- end -}}
{{- end -}}
{{- toJson $probe -}}
{{- end -}}

{{/* The canonical text of what a resolved probe checks; matches describeHandler in TypeScript. */}}
{{- define "hw.describeProbe" -}}
{{- if eq .type "http" }}httpGet {{ .scheme }} :{{ .port | int }}{{ .path }}
{{- else if eq .type "tcp" }}tcpSocket :{{ .port | int }}
{{- else if eq .type "grpc" }}grpc :{{ .port | int }}{{ if .service }} service {{ .service }}{{ end }}
{{- else }}exec {{ toJson .command }}
{{- end -}}
{{- end -}}

{{- define "hw.relations" -}}
{{- $spec := . -}}
{{- $problems := list -}}
{{- $used := list -}}
{{- $acknowledge := $spec.acknowledge | default dict -}}
{{- $port := $spec.port -}}
{{- $health := $spec.health -}}
{{- $resolved := dict -}}

{{- /* Probes; pods that run to completion have none (hw.run.problems refuses declared ones). */ -}}
{{- $batch := include "hw.kinds.runsToCompletion" $spec.kind -}}
{{- $traffic := (index (include "hw.table.kinds" . | fromJson) $spec.kind).traffic -}}
{{- $serves := eq (include "hw.kinds.servesTraffic" $spec) "true" -}}
{{- if and (eq $traffic "always") (not (hasKey $spec "port")) -}}
{{- $problems = append $problems (dict "path" "port" "rule" (printf "a %s workload needs its serving port" $spec.kind) "fix" "add port, e.g. port: 8080") -}}
{{- end -}}
{{- if and (or (eq $traffic "always") $serves) (not (hasKey $health "readiness")) -}}
{{- $problems = append $problems (dict "path" "health.readiness" "rule" (printf "a %s workload%s needs a readiness check, or traffic reaches pods that cannot serve it yet" $spec.kind (eq $traffic "always" | ternary "" " with a port")) "fix" "add health.readiness, e.g. health: { readiness: { path: /readyz } }") -}}
{{- end -}}
{{- $targets := dict -}}
{{- if hasKey $health "readiness" }}{{ $_ := set $targets "readiness" $health.readiness }}{{ end -}}
{{- if and (hasKey $health "liveness") (not (kindIs "bool" $health.liveness)) }}{{ $_ := set $targets "liveness" $health.liveness }}{{ end -}}
{{- if hasKey $health "startup" }}{{ $_ := set $targets "startup" $health.startup }}{{ end -}}
{{- if not $batch -}}
{{- range $name := list "readiness" "liveness" "startup" -}}
{{- if hasKey $targets $name -}}
{{- $target := index $targets $name -}}
{{- $path := printf "health.%s" $name -}}
{{- $probe := include "hw.resolveProbe" (dict "target" $target "port" $port) | fromJson -}}
{{- if $probe -}}
{{- $_ := set $resolved $name $probe -}}
{{- else -}}
{{- $form := "" -}}
{{- range $candidate := list "path" "tcp" "grpc" "exec" }}{{ if hasKey $target $candidate }}{{ $form = $candidate }}{{ end }}{{ end -}}
{{- $problems = append $problems (dict "path" (printf "%s.port" $path) "rule" (printf "a %s probe needs a port, and the workload declares none" $form) "fix" (printf "add %s.port or the workload's port" $path)) -}}
{{- end -}}
{{- end -}}
{{- if and (eq $name "liveness") (not (hasKey $health "liveness")) -}}
{{- if hasKey $spec "port" -}}
{{- $_ := set $resolved "liveness" (dict "type" "tcp" "port" ($port | int)) -}}
{{- else if ne $traffic "always" -}}
{{- $problems = append $problems (dict "path" "health.liveness" "rule" (printf "a %s without a port has no default liveness check (the default is tcpSocket on the port)" (eq $spec.kind "worker" | ternary "worker" (printf "%s workload" $spec.kind))) "fix" "add health.liveness, e.g. { exec: [\"/app/healthcheck\"] }, or liveness: false with acknowledge.noLiveness") -}}
{{- end -}}
{{- end -}}
{{- if and (eq $name "liveness") (kindIs "bool" $health.liveness) -}}
{{- if hasKey $acknowledge "noLiveness" -}}
{{- $used = append $used "noLiveness" -}}
{{- else -}}
{{- $problems = append $problems (dict "path" "health.liveness" "value" false "rule" "turning liveness off needs a written reason: a wedged process would then never be restarted" "fix" "keep the default (tcpSocket on the port), or add acknowledge.noLiveness: \"<why>\"") -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- if not (hasKey $health "startup") -}}
{{- if hasKey $resolved "liveness" }}{{ $_ := set $resolved "startup" $resolved.liveness }}{{ else if hasKey $resolved "readiness" }}{{ $_ := set $resolved "startup" $resolved.readiness }}{{ end -}}
{{- end -}}
{{- end -}}

{{- /* Replicas. */ -}}
{{- $count := (hasKey $spec "replicas") | ternary $spec.replicas 2 | int -}}
{{- $replicas := dict "mode" "fixed" "count" $count -}}
{{- $fewest := $count -}}
{{- $replicasPath := "replicas" -}}
{{- if and $spec.autoscaling (not $batch) -}}
{{- $scaling := $spec.autoscaling -}}
{{- $replicas = dict "mode" "autoscaled" "min" ($scaling.minReplicas | int) "max" ($scaling.maxReplicas | int) "targetCPUUtilizationPercentage" ($scaling.targetCPUUtilizationPercentage | int) -}}
{{- $fewest = $scaling.minReplicas | int -}}
{{- $replicasPath = "autoscaling.minReplicas" -}}
{{- if hasKey $spec "replicas" -}}
{{- $problems = append $problems (dict "path" "replicas" "value" $spec.replicas "rule" "with autoscaling the HorizontalPodAutoscaler decides the number of pods, so replicas would be ignored" "fix" (printf "remove replicas; the autoscaler keeps between autoscaling.minReplicas (%d) and autoscaling.maxReplicas (%d) pods" ($scaling.minReplicas | int) ($scaling.maxReplicas | int))) -}}
{{- end -}}
{{- if lt ($scaling.maxReplicas | int) ($scaling.minReplicas | int) -}}
{{- $problems = append $problems (dict "path" "autoscaling.maxReplicas" "value" $scaling.maxReplicas "rule" (printf "maxReplicas must be at least minReplicas (%d)" ($scaling.minReplicas | int)) "fix" (printf "raise autoscaling.maxReplicas to %d or more" ($scaling.minReplicas | int))) -}}
{{- end -}}
{{- /* The CPU target is targetCPUUtilizationPercentage, always part of the autoscaler's metrics. */ -}}
{{- range $index, $metric := $scaling.metrics | default list -}}
{{- if and (eq $metric.type "Resource") (eq $metric.resource.name "cpu") -}}
{{- $problems = append $problems (dict "path" (printf "autoscaling.metrics[%d].resource.name" $index) "value" "cpu" "rule" "the autoscaler always scales on CPU, at autoscaling.targetCPUUtilizationPercentage; a second CPU target would contradict it" "fix" (printf "remove autoscaling.metrics[%d] and set autoscaling.targetCPUUtilizationPercentage" $index)) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- /* A Job runs one pod at a time (parallelism 1): replicas and autoscaling are not its fields. */ -}}
{{- if $batch }}{{ $replicas = dict "mode" "fixed" "count" 1 }}{{ end -}}
{{- if and (lt $fewest 2) (not $batch) -}}
{{- if hasKey $acknowledge "singleReplica" -}}
{{- $used = append $used "singleReplica" -}}
{{- else -}}
{{- $problems = append $problems (dict "path" $replicasPath "value" $fewest "rule" "a single replica has downtime on every rollout, node drain and crash, and cannot have a PodDisruptionBudget" "fix" "run at least 2 replicas, or add acknowledge.singleReplica: \"<why downtime is acceptable>\"") -}}
{{- end -}}
{{- end -}}

{{- /* Resources. */ -}}
{{- $resolvedResources := include "hw.relations.resources" (dict "resources" $spec.resources "path" "resources" "acknowledge" $acknowledge) | fromJson -}}
{{- $problems = concat $problems ($resolvedResources.problems | default list) | default list -}}
{{- $used = concat $used ($resolvedResources.used | default list) | default list -}}
{{- $resources := $resolvedResources.resources -}}

{{- /* Relations. */ -}}
{{- $startup := $spec.startup | default dict -}}
{{- if and (hasKey $startup "typicalSeconds") (gt ($startup.typicalSeconds | int) ($startup.maxSeconds | int)) -}}
{{- $problems = append $problems (dict "path" "startup.typicalSeconds" "value" $startup.typicalSeconds "rule" (printf "a typical start cannot take longer than the slowest one (startup.maxSeconds = %d)" ($startup.maxSeconds | int)) "fix" (printf "lower startup.typicalSeconds to at most %d, or raise startup.maxSeconds" ($startup.maxSeconds | int))) -}}
{{- end -}}
{{- $preStop := $spec.preStop -}}
{{- if not $serves -}}
{{- if ne $preStop.type "auto" -}}
{{- $rule := printf "a %s workload without a port receives no Service traffic and gets no preStop hook" $spec.kind -}}
{{- $fix := "remove preStop, or declare the port" -}}
{{- if eq $spec.kind "worker" -}}
{{- $rule = "workers receive no Service traffic and get no preStop hook" -}}
{{- $fix = "remove preStop, or make the workload kind: web" -}}
{{- else if eq $traffic "never" -}}
{{- $rule = printf "%s workloads receive no Service traffic and get no preStop hook" $spec.kind -}}
{{- $fix = "remove preStop" -}}
{{- end -}}
{{- $problems = append $problems (dict "path" "preStop.type" "value" $preStop.type "rule" $rule "fix" $fix) -}}
{{- end -}}
{{- else -}}
{{- $minor := last (splitList "." $spec.kubernetesVersion) | int -}}
{{- if and (eq $preStop.type "sleep") (lt $minor 30) -}}
{{- $problems = append $problems (dict "path" "preStop.type" "value" "sleep" "rule" (printf "the preStop sleep action needs Kubernetes 1.30 or later (kubernetesVersion is %s)" $spec.kubernetesVersion) "fix" "set kubernetesVersion: \"1.30\" if every cluster runs it, or use preStop.type exec, http or app") -}}
{{- end -}}
{{- $execSleep := or (eq $preStop.type "exec") (and (eq $preStop.type "auto") (lt $minor 30)) -}}
{{- if and $execSleep $spec.distroless -}}
{{- $why := (hasKey $spec "distrolessDetected") | ternary "the image is from a known distroless registry" "distroless: true" -}}
{{- $problems = append $problems (dict "path" "preStop.type" "value" $preStop.type "rule" (printf "exec \"sleep\" fails in an image without a sleep binary (%s), and Kubernetes then sends SIGTERM at once" $why) "fix" "target Kubernetes >= 1.30 (kubernetesVersion: \"1.30\") for the sleep action, or use preStop.type: http with an endpoint that returns after the delay, or preStop.type: app if the application waits by itself after SIGTERM") -}}
{{- end -}}
{{- if and (eq $preStop.type "http") (not (hasKey $preStop "path")) -}}
{{- $problems = append $problems (dict "path" "preStop.path" "rule" "an httpGet preStop hook needs the path of an endpoint that returns after the delay" "fix" "add preStop.path, e.g. /prestop") -}}
{{- end -}}
{{- if ne $preStop.type "http" -}}
{{- range $field := list "path" "port" -}}
{{- if hasKey $preStop $field -}}
{{- $problems = append $problems (dict "path" (printf "preStop.%s" $field) "value" (index $preStop $field) "rule" "path and port apply to preStop.type http only" "fix" (printf "remove preStop.%s, or set preStop.type: http" $field)) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- dict "problems" $problems "used" $used "probes" $resolved "replicas" $replicas "resources" $resources | toJson -}}
{{- end -}}

{{/*
One container's resources with the default CPU and memory limits, mirroring resolveResources in
src/declaration/resolve/resources.ts: (dict "resources" "path" "acknowledge"), where `path` is where
they are declared. Fields left out take the schema's defaults (Helm applies none inside lists).
Output: JSON with `problems`, `used` and `resources`.
*/}}
{{- define "hw.relations.resources" -}}
{{- $declared := .resources | default dict -}}
{{- $path := .path -}}
{{- $problems := list -}}
{{- $used := list -}}
{{- $cpu := (hasKey $declared "cpu") | ternary $declared.cpu "250m" -}}
{{- $memory := (hasKey $declared "memory") | ternary $declared.memory "256Mi" -}}
{{- $memoryLimit := (hasKey $declared "memoryLimit") | ternary $declared.memoryLimit $memory -}}
{{- $resources := dict "cpu" $cpu "memory" $memory "memoryLimit" $memoryLimit -}}
{{- if and (hasKey $declared "memoryLimit") (lt (include "hw.memoryBytes" $memoryLimit | int64) (include "hw.memoryBytes" $memory | int64)) -}}
{{- $problems = append $problems (dict "path" (printf "%s.memoryLimit" $path) "value" $memoryLimit "rule" (printf "the memory limit must be at least the memory request (%s)" $memory) "fix" (printf "raise %s.memoryLimit to %s or more, or leave it out for the default (the request)" $path $memory)) -}}
{{- else if gt (include "hw.memoryBytes" $memoryLimit | int64) (include "hw.memoryBytes" $memory | int64) -}}
{{- if hasKey .acknowledge "memoryLimit" -}}
{{- $used = append $used "memoryLimit" -}}
{{- else -}}
{{- $problems = append $problems (dict "path" (printf "%s.memoryLimit" $path) "value" $memoryLimit "rule" (printf "a memory limit above the request (%s) needs a written reason: above its request the container is the first the node kills when memory runs short" $memory) "fix" (printf "raise %s.memory to %s or leave memoryLimit out, or add acknowledge.memoryLimit: \"<why>\"" $path $memoryLimit)) -}}
{{- end -}}
{{- end -}}
{{- with $declared.ephemeralStorage -}}
{{- $_ := set $resources "ephemeralStorage" . -}}
{{- if and (hasKey . "request") (hasKey . "limit") (lt (include "hw.memoryBytes" .limit | int64) (include "hw.memoryBytes" .request | int64)) -}}
{{- $problems = append $problems (dict "path" (printf "%s.ephemeralStorage.limit" $path) "value" .limit "rule" (printf "the ephemeral-storage limit must be at least its request (%s)" .request) "fix" (printf "raise %s.ephemeralStorage.limit to %s or more, or lower the request" $path .request)) -}}
{{- end -}}
{{- end -}}
{{- $cpuLimit := $declared.cpuLimit -}}
{{- if kindIs "bool" $cpuLimit -}}
{{- if hasKey .acknowledge "noCpuLimit" -}}
{{- $used = append $used "noCpuLimit" -}}
{{- else -}}
{{- $problems = append $problems (dict "path" (printf "%s.cpuLimit" $path) "value" false "rule" "removing the CPU limit needs a written reason" "fix" "keep the default (4 x the request) or set a limit, or add acknowledge.cpuLimit: \"<why>\"") -}}
{{- end -}}
{{- else -}}
{{- if and $cpuLimit (lt (include "hw.cpuMillicores" $cpuLimit | int) (include "hw.cpuMillicores" $cpu | int)) -}}
{{- $problems = append $problems (dict "path" (printf "%s.cpuLimit" $path) "value" $cpuLimit "rule" (printf "the CPU limit must be at least the CPU request (%s)" $cpu) "fix" (printf "raise %s.cpuLimit to %s or more, or leave it out for the default" $path $cpu)) -}}
{{- end -}}
{{- $_ := set $resources "cpuLimit" ($cpuLimit | default (include "hw.formatCpu" (mul 4 (include "hw.cpuMillicores" $cpu | int)))) -}}
{{- end -}}
{{- dict "problems" $problems "used" $used "resources" $resources | toJson -}}
{{- end -}}
