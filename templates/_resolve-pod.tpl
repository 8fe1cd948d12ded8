{{/*
The pod's annotations and identity, mirroring checkPod in src/declaration/resolve/pod.ts with the
same messages: our own annotation keys stay ours, AppArmor annotations stay within the restricted
Pod Security Standard, the annotation a mesh's drain is derived into (DERIVED_MESH_ANNOTATION in
src/meshes/annotations.ts) is not declared as well, and an API token is mounted only with a reason.
Input: the effective spec.
Output: JSON with `problems` and `used` (acknowledgements relied on).
*/}}
{{- define "hw.checkPod" -}}
{{- $spec := . -}}
{{- $problems := list -}}
{{- $used := list -}}
{{- $annotations := $spec.podAnnotations | default dict -}}
{{- $meshAnnotation := get (dict "istio" "proxy.istio.io/config" "linkerd" "config.alpha.linkerd.io/proxy-wait-before-exit-seconds") ($spec.mesh | default "") -}}
{{- range $key := keys $annotations | sortAlpha -}}
{{- $value := index $annotations $key -}}
{{- if hasPrefix "hardened-workloads.io/" $key -}}
{{- $problems = append $problems (dict "path" (printf "podAnnotations.%s" $key) "value" $value "rule" "annotations under hardened-workloads.io/ are written by this project, and check reads them" "fix" "use a key under your own prefix, e.g. example.com/owner") -}}
{{- else if and (hasPrefix "container.apparmor.security.beta.kubernetes.io/" $key) (not (regexMatch (include "hw.table.appArmorProfile" . | fromJson).pattern $value)) -}}
{{- $problems = append $problems (dict "path" (printf "podAnnotations.%s" $key) "value" $value "rule" "the restricted Pod Security Standard allows only the AppArmor profiles runtime/default and localhost/<profile>" "fix" "set runtime/default or localhost/<profile>, or remove the annotation") -}}
{{- else if eq $key $meshAnnotation -}}
{{- $problems = append $problems (dict "path" (printf "podAnnotations.%s" $key) "value" $value "rule" (printf "mesh: %s derives this annotation from the timings, so that the proxy serves until the application has drained, and a declared one would replace it" $spec.mesh) "fix" (printf "remove podAnnotations.%s, or remove mesh to set the proxy's drain yourself" $key)) -}}
{{- end -}}
{{- end -}}
{{- $account := $spec.serviceAccount | default dict -}}
{{- if and (hasKey $account "mountApiToken") $account.mountApiToken -}}
{{- if hasKey ($spec.acknowledge | default dict) "automountServiceAccountToken" -}}
{{- $used = append $used "automountServiceAccountToken" -}}
{{- else -}}
{{- $problems = append $problems (dict "path" "serviceAccount.mountApiToken" "value" true "rule" "mounting an API token needs a written reason: a stolen token is a foothold in the cluster" "fix" "leave the token out unless the application calls the Kubernetes API, and then add acknowledge.automountServiceAccountToken: \"<what it calls and why>\"") -}}
{{- end -}}
{{- end -}}
{{- dict "problems" $problems "used" $used | toJson -}}
{{- end -}}
