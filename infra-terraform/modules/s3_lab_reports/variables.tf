variable "bucket_name" {
  description = "Globally unique name of the lab report bucket."
  type        = string
  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.bucket_name))
    error_message = "bucket_name must be a valid S3 bucket name."
  }
}

variable "uploads_prefix" {
  description = "Prefix where PDF lab reports arrive; an object created under it invokes the processor."
  type        = string
  validation {
    condition     = endswith(var.uploads_prefix, "/")
    error_message = "uploads_prefix must end with a slash."
  }
}

variable "quarantine_prefix" {
  description = "Prefix where the processor moves reports it cannot read."
  type        = string
  validation {
    condition     = endswith(var.quarantine_prefix, "/")
    error_message = "quarantine_prefix must end with a slash."
  }
}

variable "quarantine_expiration_days" {
  description = "Days after which quarantined reports (and their old versions) are deleted."
  type        = number
  validation {
    condition     = var.quarantine_expiration_days >= 1
    error_message = "quarantine_expiration_days must be at least 1."
  }
}

variable "noncurrent_version_expiration_days" {
  description = "Days a replaced or deleted version of any report is kept."
  type        = number
}

variable "processor_function_arn" {
  description = "ARN of the Lambda function invoked on new uploads."
  type        = string
}

variable "processor_function_name" {
  description = "Name of the same function (for the invoke permission)."
  type        = string
}

variable "force_destroy" {
  description = "Allow terraform destroy to delete a non-empty bucket (never for prod)."
  type        = bool
}

variable "access_logs_bucket" {
  description = "Bucket receiving this bucket's server access logs (audit_logging's access logs bucket)."
  type        = string
}

variable "access_logs_prefix" {
  description = "Prefix of server access logs in that bucket; this bucket's go under <prefix><bucket name>/."
  type        = string
}
