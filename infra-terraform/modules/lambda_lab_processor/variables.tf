variable "function_name" {
  description = "Name of the Lambda function (and prefix of its role and log group)."
  type        = string
}

variable "handler" {
  description = "Java handler of the lab-processor module, Class::method."
  type        = string
  validation {
    condition     = can(regex("^[A-Za-z_$][\\w.$]*::[A-Za-z_$][\\w$]*$", var.handler))
    error_message = "handler must look like org.example.Handler::handleRequest."
  }
}

variable "artifact_bucket" {
  description = "S3 bucket holding the function's deployment jar (built from domain-services/lab-processor)."
  type        = string
}

variable "artifact_key" {
  description = "Key of the deployment jar in artifact_bucket."
  type        = string
}

variable "memory_mb" {
  description = "Memory of the function in MB (PDF parsing wants at least 1024)."
  type        = number
  validation {
    condition     = var.memory_mb >= 512 && var.memory_mb <= 10240
    error_message = "memory_mb must be between 512 and 10240."
  }
}

variable "timeout_seconds" {
  description = "Maximum run time of one invocation."
  type        = number
  validation {
    condition     = var.timeout_seconds >= 10 && var.timeout_seconds <= 900
    error_message = "timeout_seconds must be between 10 and 900."
  }
}

variable "log_retention_days" {
  description = "Days to keep the function's logs."
  type        = number
}

variable "bucket_access_policy_json" {
  description = "IAM policy (JSON) for lab-processor on the lab report bucket (from the s3_lab_reports module)."
  type        = string
}

variable "report_table_access_policy_json" {
  description = "IAM policy (JSON) for lab-processor on its report table (from the dynamodb_lab_reports module)."
  type        = string
}

variable "kafka_client_policy_json" {
  description = "IAM policy (JSON) for publishing to the MSK cluster (from the msk module)."
  type        = string
}

variable "subnet_ids" {
  description = "Private subnets the function runs in (to reach MSK)."
  type        = list(string)
}

variable "vpc_id" {
  description = "VPC of those subnets."
  type        = string
}

variable "environment" {
  description = "Environment variables of the function (the names the lab-processor module reads)."
  type        = map(string)
}

variable "secret_environment" {
  description = "Environment variables holding secrets (the partner client secret), encrypted with the function's own key."
  type        = map(string)
  sensitive   = true
}

variable "reserved_concurrency" {
  description = "Concurrent executions reserved for (and the most allowed to) the function."
  type        = number
}

variable "log_kms_key_arn" {
  description = "KMS key encrypting the CloudWatch log group (the audit_logging module's logs key)."
  type        = string
}

variable "client_certificate_secret_name" {
  description = "Name of the Secrets Manager secret holding the function's gRPC client certificate (the PushSecret's remoteKey in infra-terraform/kubernetes)."
  type        = string
}

variable "client_certificate_recovery_window_days" {
  description = "Days a deleted client certificate secret can still be restored (0: deleted at once)."
  type        = number
}
