{{/*
The declared user and capabilities against the restricted Pod Security Standard, mirroring
src/declaration/resolve/security-context.ts: root and capabilities beyond NET_BIND_SERVICE are for
kind daemon only, each with a written reason. Input: the effective spec. Output: JSON with
`problems` and `used`.
*/}}
{{- define "hw.securityContext.problems" -}}
{{- $problems := list -}}
{{- $used := list -}}
{{- $declared := .securityContext | default dict -}}
{{- $acknowledge := .acknowledge | default dict -}}
{{- $daemon := eq .kind "daemon" -}}
{{- if and (hasKey $declared "runAsUser") (eq ($declared.runAsUser | int) 0) -}}
{{- if not $daemon -}}
{{- $problems = append $problems (dict "path" "securityContext.runAsUser" "value" 0 "rule" (printf "user 0 is root, which the restricted Pod Security Standard forbids (Running as Non-root); only a node agent (kind daemon) may run as root, and kind %s is not one" .kind) "fix" "use a non-zero user id that can read the image's files (e.g. 65532 or the image's own user), or leave runAsUser out") -}}
{{- else if hasKey $acknowledge "runAsNonRoot" -}}
{{- $used = append $used "runAsNonRoot" -}}
{{- else -}}
{{- $problems = append $problems (dict "path" "securityContext.runAsUser" "value" 0 "rule" "user 0 is root, which the restricted Pod Security Standard forbids (Running as Non-root): the departure needs a written reason" "fix" "add acknowledge.runAsNonRoot: \"<what the agent reads or writes that only root can>\", or use a non-zero user id") -}}
{{- end -}}
{{- end -}}
{{- $added := without ($declared.capabilities | default list | uniq | sortAlpha) "NET_BIND_SERVICE" -}}
{{- if $added -}}
{{- $names := join ", " $added -}}
{{- if not $daemon -}}
{{- $problems = append $problems (dict "path" "securityContext.capabilities" "value" $declared.capabilities "rule" (printf "the restricted Pod Security Standard lets a container add only NET_BIND_SERVICE (Capabilities); %s is for node agents (kind daemon) only, and kind %s is not one" $names .kind) "fix" (printf "remove %s from securityContext.capabilities" $names)) -}}
{{- else if hasKey $acknowledge "capabilities" -}}
{{- $used = append $used "capabilities" -}}
{{- else -}}
{{- $problems = append $problems (dict "path" "securityContext.capabilities" "value" $declared.capabilities "rule" (printf "adding %s departs from the restricted Pod Security Standard, which allows only NET_BIND_SERVICE (Capabilities): the departure needs a written reason" $names) "fix" (printf "add acknowledge.capabilities: \"<why the agent needs %s>\", or remove them" $names)) -}}
{{- end -}}
{{- end -}}
{{- dict "problems" $problems "used" $used | toJson -}}
{{- end -}}
