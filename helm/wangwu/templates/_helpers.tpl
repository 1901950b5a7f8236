{{/*
Chart name, truncated to the 63 characters a DNS label allows.
*/}}
{{- define "wangwu.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Fully qualified app name. A release named like the chart ("wangwu") is not doubled.
*/}}
{{- define "wangwu.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Chart name and version, for the helm.sh/chart label.
*/}}
{{- define "wangwu.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Common labels.
*/}}
{{- define "wangwu.labels" -}}
helm.sh/chart: {{ include "wangwu.chart" . }}
{{ include "wangwu.selectorLabels" . }}
app.kubernetes.io/version: {{ include "wangwu.imageTag" . | quote }}
app.kubernetes.io/component: server
app.kubernetes.io/part-of: wangwu
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/*
Selector labels: stable across upgrades, never add a changing value here.
*/}}
{{- define "wangwu.selectorLabels" -}}
app.kubernetes.io/name: {{ include "wangwu.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
Service account name.
*/}}
{{- define "wangwu.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "wangwu.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
Image tag: the chart's appVersion unless overridden.
*/}}
{{- define "wangwu.imageTag" -}}
{{- .Values.image.tag | default .Chart.AppVersion }}
{{- end }}

{{/*
Full image reference.
*/}}
{{- define "wangwu.image" -}}
{{- printf "%s:%s" .Values.image.repository (include "wangwu.imageTag" .) }}
{{- end }}

{{/*
The externally managed Secret holding credentials and keys (never created by this chart).
*/}}
{{- define "wangwu.secretName" -}}
{{- required "secret.existingSecret must name a Secret holding the database credentials and personal-data keys" .Values.secret.existingSecret }}
{{- end }}
