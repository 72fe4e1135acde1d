variable "name" {
  description = "Name of the web ACL and prefix of its metrics, e.g. medicore-dev-public."
  type        = string
}

variable "sign_in_limit" {
  description = "Requests per client IP in 5 minutes to Keycloak's sign-in and token endpoints before WAF blocks that IP."
  type        = number
}

variable "registration_limit" {
  description = "GraphQL requests naming registerPatient per client IP in 5 minutes before WAF blocks that IP."
  type        = number
}

variable "log_retention_days" {
  description = "Days the WAF's request log (CloudWatch Logs) is kept."
  type        = number
}

variable "log_kms_key_arn" {
  description = "KMS key encrypting the CloudWatch log group (the audit_logging module's logs key)."
  type        = string
}
