variable "name" {
  description = "Prefix of the audit resources (<name>-audit-logs, <name>-access-logs, <name>-trail)."
  type        = string
}

variable "vpc_id" {
  description = "VPC whose flow logs are kept."
  type        = string
}

variable "phi_bucket_arns" {
  description = "Buckets holding PHI (lab reports, FHIR bulk exports): every object read and write goes to CloudTrail as a data event."
  type        = list(string)
}

variable "phi_table_arns" {
  description = "DynamoDB tables holding PHI (patient records, lab reports): every item read and write goes to CloudTrail as a data event."
  type        = list(string)
}

variable "log_retention_days" {
  description = "Days the CloudWatch log groups of the platform keep events (HIPAA asks six years of documentation, not of raw logs; the archive below keeps those)."
  type        = number
  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be a retention CloudWatch Logs offers (e.g. 30, 365, 2192)."
  }
}

variable "archive_days" {
  description = "Days the log buckets keep trail, configuration, flow and access logs before they expire (2192 = six years, HIPAA's documentation period)."
  type        = number
  validation {
    condition     = var.archive_days >= 90
    error_message = "archive_days must be at least 90 (logs go to Glacier after 90 days)."
  }
}

variable "organization_id" {
  description = "AWS Organizations id (o-...) when this runs in the management account: the trail becomes the organisation's trail and the bucket admits every member account's logs. Empty for a member account's own trail."
  type        = string
  default     = ""
}

variable "conformance_pack_template_s3_uri" {
  description = "s3:// URI of AWS's \"Operational Best Practices for HIPAA Security\" conformance pack template (infra-terraform/README.md, \"Audit\"), in a bucket of this region."
  type        = string
  validation {
    condition     = startswith(var.conformance_pack_template_s3_uri, "s3://")
    error_message = "conformance_pack_template_s3_uri must be an s3:// URI."
  }
}

variable "force_destroy" {
  description = "Allow destroying the log buckets with their objects (dev only)."
  type        = bool
}
