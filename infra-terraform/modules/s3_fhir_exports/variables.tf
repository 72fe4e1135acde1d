variable "bucket_name" {
  description = "Globally unique name of fhir-api's bulk export bucket (the overlay's fhir_exports_bucket)."
  type        = string
  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.bucket_name))
    error_message = "bucket_name must be a valid S3 bucket name."
  }
}

variable "exports_prefix" {
  description = "Prefix under which fhir-api writes each export's files (S3ExportFiles: exports/<export id>/)."
  type        = string
  validation {
    condition     = endswith(var.exports_prefix, "/")
    error_message = "exports_prefix must end with a slash."
  }
}

variable "export_expiration_days" {
  description = "Days after which an export file is deleted, whatever the service did (its download URLs expire within the hour)."
  type        = number
  validation {
    condition     = var.export_expiration_days >= 1 && var.export_expiration_days <= 30
    error_message = "export_expiration_days must be between 1 and 30: exports are copies of PHI, not an archive."
  }
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
