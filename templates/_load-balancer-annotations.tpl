{{/*
The annotations that configure the load balancer's target group, mirroring
src/constructs/objects/load-balancer-annotations.ts, with the AWS Load Balancer Controller's names
from src/load-balancers/aws-load-balancer-controller.ts.
*/}}

{{/* The annotation names of one load balancer's target group settings: kind "aws-alb" or "aws-nlb". Output: JSON. */}}
{{- define "hw.loadBalancer.annotationNames" -}}
{{- if eq . "aws-alb" -}}
{{- $p := "alb.ingress.kubernetes.io/" -}}
{{- dict "targetType" (print $p "target-type") "targetGroupAttributes" (print $p "target-group-attributes") "healthCheckProtocol" (print $p "healthcheck-protocol") "healthCheckPort" (print $p "healthcheck-port") "healthCheckPath" (print $p "healthcheck-path") "healthCheckInterval" (print $p "healthcheck-interval-seconds") "healthCheckTimeout" (print $p "healthcheck-timeout-seconds") "healthyThreshold" (print $p "healthy-threshold-count") "unhealthyThreshold" (print $p "unhealthy-threshold-count") "successCodes" (print $p "success-codes") | toJson -}}
{{- else -}}
{{- $p := "service.beta.kubernetes.io/aws-load-balancer-" -}}
{{- dict "targetType" (print $p "nlb-target-type") "targetGroupAttributes" (print $p "target-group-attributes") "healthCheckProtocol" (print $p "healthcheck-protocol") "healthCheckPort" (print $p "healthcheck-port") "healthCheckPath" (print $p "healthcheck-path") "healthCheckInterval" (print $p "healthcheck-interval") "healthCheckTimeout" (print $p "healthcheck-timeout") "healthyThreshold" (print $p "healthcheck-healthy-threshold") "unhealthyThreshold" (print $p "healthcheck-unhealthy-threshold") "successCodes" (print $p "healthcheck-success-codes") | toJson -}}
{{- end -}}
{{- end -}}

{{/* Whether declared target group attributes set the deregistration delay (ASCII spaces only): a regular expression. */}}
{{- define "hw.loadBalancer.setsDeregistrationDelay" -}}
(^|,)[\t\n\f\r ]*deregistration_delay\.timeout_seconds[\t\n\f\r ]*=
{{- end -}}

{{/* The annotations the derivation writes, which a declaration may not set: (dict "kind" "healthCheck"). Output: a JSON list. */}}
{{- define "hw.loadBalancer.derivedKeys" -}}
{{- $names := include "hw.loadBalancer.annotationNames" .kind | fromJson -}}
{{- $keys := list -}}
{{- if eq .kind "aws-nlb" }}{{ $keys = append $keys "service.beta.kubernetes.io/aws-load-balancer-type" }}{{ end -}}
{{- $keys = append $keys $names.targetType -}}
{{- if .healthCheck.grpc }}{{ $keys = append $keys "alb.ingress.kubernetes.io/backend-protocol-version" }}{{ end -}}
{{- $keys = concat $keys (list $names.healthCheckProtocol $names.healthCheckPort) -}}
{{- if hasKey .healthCheck "path" }}{{ $keys = append $keys $names.healthCheckPath }}{{ end -}}
{{- $keys = concat $keys (list $names.healthCheckInterval $names.healthCheckTimeout $names.healthyThreshold $names.unhealthyThreshold) -}}
{{- if hasKey .healthCheck "successCodes" }}{{ $keys = append $keys $names.successCodes }}{{ end -}}
{{- toJson $keys -}}
{{- end -}}

{{/*
The annotations of the object that configures the load balancer: the declared ones and the derived
target group settings, or the declared ones alone on an object that configures none.
Input: (dict "workload" resolved "carrier" "aws-alb"|"aws-nlb" "declared" map). Output: JSON.
*/}}
{{- define "hw.loadBalancer.annotations" -}}
{{- $annotations := deepCopy (.declared | default dict) -}}
{{- $w := .workload -}}
{{- if and (hasKey $w "loadBalancer") (eq $w.loadBalancer.kind .carrier) -}}
{{- $names := include "hw.loadBalancer.annotationNames" .carrier | fromJson -}}
{{- $check := $w.loadBalancer.healthCheck -}}
{{- $derived := $w.timings.loadBalancer -}}
{{- if eq .carrier "aws-nlb" }}{{ $_ := set $annotations "service.beta.kubernetes.io/aws-load-balancer-type" "external" }}{{ end -}}
{{- $_ := set $annotations $names.targetType "ip" -}}
{{- if $check.grpc }}{{ $_ := set $annotations "alb.ingress.kubernetes.io/backend-protocol-version" "GRPC" }}{{ end -}}
{{- $_ := set $annotations $names.healthCheckProtocol $check.protocol -}}
{{- $_ := set $annotations $names.healthCheckPort (kindIs "string" $check.port | ternary $check.port (printf "%d" ($check.port | int))) -}}
{{- if hasKey $check "path" }}{{ $_ := set $annotations $names.healthCheckPath $check.path }}{{ end -}}
{{- $_ := set $annotations $names.healthCheckInterval (printf "%d" ($derived.healthCheck.intervalSeconds | int)) -}}
{{- $_ := set $annotations $names.healthCheckTimeout (printf "%d" ($derived.healthCheck.timeoutSeconds | int)) -}}
{{- $_ := set $annotations $names.healthyThreshold (printf "%d" ($derived.healthCheck.healthyThresholdCount | int)) -}}
{{- $_ := set $annotations $names.unhealthyThreshold (printf "%d" ($derived.healthCheck.unhealthyThresholdCount | int)) -}}
{{- if hasKey $check "successCodes" }}{{ $_ := set $annotations $names.successCodes $check.successCodes }}{{ end -}}
{{- $attribute := printf "deregistration_delay.timeout_seconds=%d" ($derived.deregistrationDelaySeconds | int) -}}
{{- $declaredAttributes := index $annotations $names.targetGroupAttributes | default "" -}}
{{- $_ := set $annotations $names.targetGroupAttributes ((eq $declaredAttributes "") | ternary $attribute (printf "%s,%s" $declaredAttributes $attribute)) -}}
{{- end -}}
{{- toJson $annotations -}}
{{- end -}}
