{{/*
The ways in (ingress, route, service) as they relate to the rest of the declaration, and the load
balancer they configure, mirroring src/declaration/resolve/routes.ts problem for problem and in the
same order. Input: (dict "spec" effectiveSpec "probes" resolvedProbes). Output: JSON with
`problems` and, when an aws-alb Ingress or an aws-nlb LoadBalancer Service is declared,
`loadBalancer` (kind and the health check of the readiness endpoint).
*/}}
{{- define "hw.routes.resolve" -}}
{{- $spec := .spec -}}
{{- $probes := .probes -}}
{{- $problems := list -}}
{{- $platform := $spec.traffic.platform -}}
{{- $result := dict -}}
{{- /* Ways in of kinds that serve no traffic are refused by the kinds table (hw.kinds.fieldProblems). */ -}}
{{- if include "hw.kinds.makes" (list $spec.kind "Service") -}}
{{- $ingress := $spec.ingress -}}
{{- $route := $spec.route -}}
{{- $service := $spec.service -}}
{{- $lbService := and (hasKey $spec "service") (eq $service.type "LoadBalancer") -}}
{{- if and $lbService (ne $platform "aws-nlb") -}}
{{- $problems = append $problems (dict "path" "service.type" "value" "LoadBalancer" "rule" (printf "a LoadBalancer Service is configured for the AWS Load Balancer Controller's Network Load Balancer, whose propagation the preStop delay must cover (traffic.platform is %s)" $platform) "fix" "set traffic.platform: aws-nlb, or keep service.type ClusterIP behind a load balancer of your own") -}}
{{- end -}}
{{- if and (hasKey $spec "service") (hasKey $service "from") (not $lbService) -}}
{{- $problems = append $problems (dict "path" "service.from" "value" $service.from "rule" "service.from names the clients of a LoadBalancer Service; in-cluster clients are networkPolicy.ingressFrom" "fix" "move the peers to networkPolicy.ingressFrom, or set service.type: LoadBalancer") -}}
{{- end -}}
{{- if and (hasKey $spec "ingress") (ne $platform "aws-alb") -}}
{{- $forAlb := eq ($ingress.className | default "") "alb" -}}
{{- range $key := keys $ingress.annotations }}{{ if hasPrefix "alb.ingress.kubernetes.io/" $key }}{{ $forAlb = true }}{{ end }}{{ end -}}
{{- if $forAlb -}}
{{- $problems = append $problems (dict "path" "traffic.platform" "value" $platform "rule" "the Ingress is for the AWS Load Balancer Controller (class alb or alb.ingress.kubernetes.io/ annotations): its ALB needs traffic.platform aws-alb, so that the preStop delay covers the ALB's propagation and its target group settings are derived" "fix" "set traffic.platform: aws-alb") -}}
{{- end -}}
{{- end -}}

{{- /* The load balancer, and what its health check calls: the readiness endpoint. */ -}}
{{- $kind := "" -}}
{{- if and (eq $platform "aws-alb") (hasKey $spec "ingress") }}{{ $kind = "aws-alb" }}{{ else if and (eq $platform "aws-nlb") $lbService }}{{ $kind = "aws-nlb" }}{{ end -}}
{{- $healthCheck := dict -}}
{{- if and $kind (hasKey $probes "readiness") -}}
{{- $readiness := $probes.readiness -}}
{{- $port := "traffic-port" -}}
{{- if and (hasKey $readiness "port") (ne ($readiness.port | int) ($spec.port | int)) }}{{ $port = $readiness.port | int }}{{ end -}}
{{- if eq $readiness.type "http" -}}
{{- $healthCheck = dict "protocol" $readiness.scheme "port" $port "path" $readiness.path "grpc" false "successCodes" "200-399" -}}
{{- else if eq $kind "aws-nlb" -}}
{{- $healthCheck = dict "protocol" "TCP" "port" "traffic-port" "grpc" false -}}
{{- else if eq $readiness.type "grpc" -}}
{{- $healthCheck = dict "protocol" "HTTP" "port" $port "path" "/grpc.health.v1.Health/Check" "grpc" true "successCodes" "0" -}}
{{- else -}}
{{- $form := "" -}}
{{- range $candidate := list "path" "tcp" "grpc" "exec" }}{{ if hasKey $spec.health.readiness $candidate }}{{ $form = $candidate }}{{ end }}{{ end -}}
{{- $problems = append $problems (dict "path" "health.readiness" "value" $spec.health.readiness "rule" (printf "the ALB health-checks the readiness endpoint over HTTP or gRPC, and cannot repeat a readiness check by %s" $form) "fix" "check readiness with an HTTP path (health.readiness.path) or gRPC (health.readiness.grpc)") -}}
{{- end -}}
{{- end -}}
{{- if $healthCheck -}}
{{- $field := (eq $kind "aws-alb") | ternary "ingress" "service" -}}
{{- $declared := (index $spec $field).annotations -}}
{{- $names := include "hw.loadBalancer.annotationNames" $kind | fromJson -}}
{{- $derived := include "hw.loadBalancer.derivedKeys" (dict "kind" $kind "healthCheck" $healthCheck) | fromJsonArray -}}
{{- range $key := keys $declared | sortAlpha -}}
{{- $value := index $declared $key -}}
{{- $name := (eq $kind "aws-alb") | ternary "ALB" "NLB" -}}
{{- if and (eq $key $names.targetType) (eq (toString $value) "instance") -}}
{{- /* Instance targets are refused with the reason, as instanceTargetsProblem in src/declaration/resolve/routes.ts. */ -}}
{{- $problems = append $problems (dict "path" (printf "%s.annotations.%s" $field $key) "value" "instance" "rule" (printf "instance targets send the %s's traffic to a NodePort on every node, from where kube-proxy forwards it to the pods: the target group holds nodes, not pods, so a stopping pod is never deregistered nor health-checked by it, and pod readiness gates are not injected; the deregistration delay and health check derived for the %s (invariants 14 and 15) hold for IP targets only" $name $name) "fix" "remove it: the derived IP targets send traffic straight to the pods, and need pods with VPC addresses (the Amazon VPC CNI, the EKS default); on a cluster without them, leave the load balancer out of this declaration and declare traffic.propagationSeconds to cover its delays") -}}
{{- else if has $key $derived -}}
{{- $problems = append $problems (dict "path" (printf "%s.annotations.%s" $field $key) "value" $value "rule" (printf "%s is derived for the %s with IP targets (docs/derivation.md, \"Load balancer\")" $key ((eq $kind "aws-alb") | ternary "ALB" "NLB")) "fix" "remove it; overrides.loadBalancer changes the derived numbers") -}}
{{- else if and (eq $key $names.targetGroupAttributes) (regexMatch (include "hw.loadBalancer.setsDeregistrationDelay" .) $value) -}}
{{- $problems = append $problems (dict "path" (printf "%s.annotations.%s" $field $key) "value" $value "rule" "the deregistration delay is derived from the preStop delay and the drain (docs/derivation.md, \"Load balancer\")" "fix" "remove deregistration_delay.timeout_seconds from it; overrides.loadBalancer.deregistrationDelaySeconds changes the derived delay") -}}
{{- end -}}
{{- end -}}
{{- $_ := set $result "loadBalancer" (dict "kind" $kind "healthCheck" $healthCheck) -}}
{{- end -}}

{{- if hasKey $spec "route" -}}
{{- if and (eq $route.kind "HTTPRoute") (hasKey $route "services") -}}
{{- $problems = append $problems (dict "path" "route.services" "value" $route.services "rule" "services select gRPC services, which a GRPCRoute routes" "fix" "set route.kind: GRPCRoute, or route by path with route.paths") -}}
{{- end -}}
{{- if and (eq $route.kind "GRPCRoute") (hasKey $route "paths") -}}
{{- $problems = append $problems (dict "path" "route.paths" "value" $route.paths "rule" "paths select HTTP requests, which an HTTPRoute routes; a GRPCRoute selects gRPC services" "fix" "use route.services, or set route.kind: HTTPRoute") -}}
{{- end -}}
{{- range $index, $reference := $route.parentRefs -}}
{{- $clash := false -}}
{{- $others := 0 -}}
{{- range $at, $other := $route.parentRefs -}}
{{- if and (ne $at $index) (eq $other.name $reference.name) (eq ($other.namespace | default "") ($reference.namespace | default "")) -}}
{{- $others = add1 $others -}}
{{- if and (hasKey $reference "sectionName") (hasKey $other "sectionName") (eq $other.sectionName $reference.sectionName) }}{{ $clash = true }}{{ end -}}
{{- end -}}
{{- end -}}
{{- if and (gt $others 0) (or (not (hasKey $reference "sectionName")) $clash) -}}
{{- $problems = append $problems (dict "path" (printf "route.parentRefs[%d]" $index) "value" $reference "rule" "a route attaches to each listener of a Gateway once: references to the same Gateway each need their own sectionName" "fix" "give each reference to this Gateway a different sectionName, or list the Gateway once") -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- /* Peers: pods or a network, never both; and with any declared, every way in names its own. */ -}}
{{- $policy := $spec.networkPolicy | default dict -}}
{{- $lists := list (list "networkPolicy.ingressFrom" $policy "ingressFrom") (list "ingress.from" ($ingress | default dict) "from") (list "route.from" ($route | default dict) "from") (list "service.from" ($service | default dict) "from") -}}
{{- $anyDeclared := false -}}
{{- range $list := append $lists (list "networkPolicy.dns" $policy "dns") -}}
{{- if hasKey (index $list 1) (index $list 2) -}}
{{- if ne (index $list 0) "networkPolicy.dns" }}{{ $anyDeclared = true }}{{ end -}}
{{- range $index, $peer := index (index $list 1) (index $list 2) -}}
{{- if not (or (hasKey $peer "cidr") (hasKey $peer "namespaceLabels") (hasKey $peer "podLabels")) -}}
{{- $problems = append $problems (dict "path" (printf "%s[%d]" (index $list 0) $index) "value" $peer "rule" "a peer names pods (namespaceLabels, podLabels) or a network (cidr): Kubernetes refuses a peer with none of them, and the workload would run without its NetworkPolicy" "fix" "write podLabels: {} for every pod of the namespace, namespaceLabels: {} for every pod of the cluster, or the labels or cidr of the clients") -}}
{{- end -}}
{{- if and (hasKey $peer "cidr") (or (hasKey $peer "namespaceLabels") (hasKey $peer "podLabels")) -}}
{{- $problems = append $problems (dict "path" (printf "%s[%d].cidr" (index $list 0) $index) "value" $peer.cidr "rule" "a peer is either pods (namespaceLabels, podLabels) or a network (cidr): Kubernetes refuses a peer with both" "fix" "split it into two peers, one with the labels and one with the cidr") -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- if $anyDeclared -}}
{{- $unnamed := list
  (list "ingress" (and (hasKey $spec "ingress") (not (hasKey ($ingress | default dict) "from"))) "the ingress controller's pods, e.g. [{ namespaceLabels: { kubernetes.io/metadata.name: ingress-nginx } }], or with aws-alb the load balancer's subnets, e.g. [{ cidr: 10.0.0.0/16 }]" "ingress's")
  (list "route" (and (hasKey $spec "route") (not (hasKey ($route | default dict) "from"))) "the Gateway's pods, e.g. [{ namespaceLabels: { kubernetes.io/metadata.name: gateways } }]" "route's")
  (list "service" (and $lbService (not (hasKey $service "from"))) "the load balancer's subnets, e.g. [{ cidr: 10.0.0.0/16 }]" "load balancer's")
-}}
{{- range $entry := $unnamed -}}
{{- if index $entry 1 -}}
{{- $problems = append $problems (dict "path" (printf "%s.from" (index $entry 0)) "rule" (printf "with peers declared, the NetworkPolicy admits only them, and nothing names where the %s traffic comes from: it would be dropped" (index $entry 3)) "fix" (printf "add %s.from with %s" (index $entry 0) (index $entry 2))) -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- if and (hasKey ($spec.overrides | default dict) "loadBalancer") (not $kind) -}}
{{- $problems = append $problems (dict "path" "overrides.loadBalancer" "value" $spec.overrides.loadBalancer "rule" "load-balancer overrides apply to a configured load balancer: an Ingress with traffic.platform aws-alb, or service.type LoadBalancer with aws-nlb" "fix" "remove overrides.loadBalancer, or configure the load balancer") -}}
{{- end -}}
{{- end -}}
{{- $_ := set $result "problems" $problems -}}
{{- toJson $result -}}
{{- end -}}
